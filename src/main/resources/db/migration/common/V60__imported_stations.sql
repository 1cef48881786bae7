-- Work stations of the earlier registers (工作站台账), brought in by an import: the organization and its station
-- record say which import (and the station which row).
alter table organization add column import_id bigint;
create index organization_import_idx on organization (import_id);
alter table station add column import_id bigint;
alter table station add column import_row integer;
create index station_import_idx on station (import_id);
