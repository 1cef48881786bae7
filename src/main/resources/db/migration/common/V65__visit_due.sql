-- Each household's next visit as the visit schedule last worked it out (the last visit plus the interval of its
-- categories, or a month after registration), so that a page of the schedule reads an index instead of working
-- out the due dates of a whole county or city. Kept by care: again for a household when a visit is recorded or
-- the registry says its household changed, for all when a policy changes, and once a night from scratch.
-- Households not on the schedule (contact lost, died without survivors) have no row. No reference to the
-- registry's table: a person removed with an undone import leaves this row until the schedule hears of it.
create table visit_due (
    samaritan_id bigint       not null primary key,
    region_code  varchar(12)  not null,
    name         varchar(100) not null,
    due_on       date         not null
);

create index visit_due_schedule_idx on visit_due (region_code, due_on, name, samaritan_id);
