-- The register of honours lists them newest decision first: a city's page sorted its 300,000 honours to show
-- twenty. Read along this index, a page stops at its last row.
create index honour_register_order_idx on honour (decided_on desc nulls last, id desc);
