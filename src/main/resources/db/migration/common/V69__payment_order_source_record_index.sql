-- Orders handled a group at a time (a campaign's thousands of payments): found by the record that asked for them,
-- in the order of their ids, so that a group is read a thousand orders at a time from where the last part ended
create index payment_order_source_record_idx on payment_order (source_record_id, source_kind, status, id);
