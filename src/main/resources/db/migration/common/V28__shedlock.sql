-- Scheduled jobs (the nightly entitlement watch, …) run on one node only: the node that writes a job's
-- row here holds it until lock_until. Times are the database's own, so the nodes' clocks do not matter.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
