-- Donations received before an association's fund was opened in Yiyong (捐赠台账), brought in by an import: kept in
-- the donation register (the donors, the year's figures) but not posted, since the fund's opening balance already
-- holds what was left of them. Such a donation says which import and row.
alter table donation add column import_id bigint;
alter table donation add column import_row integer;
create index donation_import_idx on donation (import_id);
