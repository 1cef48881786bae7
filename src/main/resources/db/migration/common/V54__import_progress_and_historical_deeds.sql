-- An import runs in the background: checking the file, then saving the confirmed rows. The job says how many
-- rows the running step expects, since when it runs and why it failed; it may be stopped (CANCELLED: nothing
-- of it kept) or fail (FAILED).
alter table import_job drop constraint import_job_status_check;
alter table import_job add constraint import_job_status_check check (status in ('CHECKING', 'CHECKED', 'SAVING',
    'SAVED', 'UNDONE', 'DISCARDED', 'CANCELLED', 'FAILED'));
alter table import_job add column expected_rows integer not null default 0;
alter table import_job add column started_at timestamp with time zone;
alter table import_job add column failure varchar(1000);

-- How far the running step has got and whether someone asked to stop it: a row of its own, written apart
-- from the long transaction that saves an import's rows (which holds the job's row), so that both show and
-- take hold while it runs. No foreign key, for the same reason; removed with nothing (a few numbers a job).
create table import_progress (
    job_id           bigint  primary key,
    rows_done        integer not null default 0,
    progress_at      timestamp with time zone not null,
    cancel_requested boolean not null default false
);

-- A deed from the city's earlier registers (历史台账), confirmed before Yiyong: it came from an import and row.
alter table deed drop constraint deed_source_check;
alter table deed add constraint deed_source_check check (source in ('NOMINATION', 'SELF_APPLICATION',
    'RELATIVE_APPLICATION', 'POLICE_REFERRAL', 'PUBLIC_LEAD', 'HISTORICAL_REGISTER'));
alter table deed add column import_id bigint;
alter table deed add column import_row integer;
create index deed_import_idx on deed (import_id);

-- The registry's confirmations of those deeds say which import added them, so that undoing it removes them.
alter table samaritan_deed add column import_id bigint;
create index samaritan_deed_import_idx on samaritan_deed (import_id);

-- A family member brought in from the earlier registers says which import and row.
alter table relative add column import_id bigint;
alter table relative add column import_row integer;
create index relative_import_idx on relative (import_id);

-- Student aid given before Yiyong, brought in from the earlier registers, says which import and row.
alter table student_aid_application add column import_id bigint;
alter table student_aid_application add column import_row integer;
create index student_aid_application_import_idx on student_aid_application (import_id);

-- A disability grade approved before Yiyong, brought in from the earlier registers: which import and row, and
-- the person's status before it (restored when the import is undone).
alter table disability_case add column import_id bigint;
alter table disability_case add column import_row integer;
alter table disability_case add column status_before_import varchar(20);
create index disability_case_import_idx on disability_case (import_id);

-- A pension paid before Yiyong, brought in from the earlier registers, says which import and row.
alter table pension_payment add column import_id bigint;
alter table pension_payment add column import_row integer;
create index pension_payment_import_idx on pension_payment (import_id);

-- An honour granted before Yiyong, brought in from the earlier registers, says which import and row.
alter table honour add column import_id bigint;
alter table honour add column import_row integer;
create index honour_import_idx on honour (import_id);

-- A volunteer of the earlier registers (志愿者名册), brought in by an import, says which import and row.
alter table volunteer add column import_id bigint;
alter table volunteer add column import_row integer;
create index volunteer_import_idx on volunteer (import_id);
