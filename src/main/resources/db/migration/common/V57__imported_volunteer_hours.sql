-- Volunteer hours of the earlier registers (志愿服务时长台账), brought in by an import: the activities it made and
-- the hours it signed in say which import and row.
alter table volunteer_activity add column import_id bigint;
create index volunteer_activity_import_idx on volunteer_activity (import_id);
alter table volunteer_attendance add column import_id bigint;
alter table volunteer_attendance add column import_row integer;
create index volunteer_attendance_import_idx on volunteer_attendance (import_id);
