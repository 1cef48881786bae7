-- The steps an import wrote for the stations it brought in say so, so that its undo removes those and no other.
alter table station_step add column import_id bigint;
create index station_step_import_idx on station_step (import_id);
