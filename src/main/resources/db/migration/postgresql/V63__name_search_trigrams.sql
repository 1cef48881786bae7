-- Text search that stays fast on a province's tables: trigram indexes (pg_trgm, a trusted extension that the
-- database's owner may create) serve `lower(column) like '%…%'` for three characters and more. A search of
-- one or two characters has no trigram and reads the rows of the caller's scope, as before.
create extension if not exists pg_trgm;

create index deed_number_trgm_idx on deed using gin (lower(number) gin_trgm_ops);
create index deed_title_trgm_idx on deed using gin (lower(title) gin_trgm_ops);
create index deed_address_trgm_idx on deed using gin (lower(address) gin_trgm_ops);
create index deed_participant_name_trgm_idx on deed_participant using gin (lower(name) gin_trgm_ops);
create index samaritan_name_trgm_idx on samaritan using gin (lower(name) gin_trgm_ops);
create index samaritan_number_trgm_idx on samaritan using gin (lower(number) gin_trgm_ops);
