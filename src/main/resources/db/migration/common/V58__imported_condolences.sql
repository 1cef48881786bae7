-- Condolences given before Yiyong (慰问金发放台账), brought in by an import: each import files its rows under
-- campaigns of its own, one per festival and year, already paid; the campaigns and their lines say which import
-- (and the lines which row).
alter table campaign add column import_id bigint;
create index campaign_import_idx on campaign (import_id);
alter table campaign_line add column import_id bigint;
alter table campaign_line add column import_row integer;
create index campaign_line_import_idx on campaign_line (import_id);
