-- When every household's next visit was last worked out in full. A node stopped during the first rebuild (it
-- runs in the background after an upgrade) left most households without a date until the nightly pass; a start
-- that finds no finished rebuild now does it again.
create table visit_due_rebuilt (
    id         smallint primary key check (id = 1),
    rebuilt_at timestamp with time zone not null
);
