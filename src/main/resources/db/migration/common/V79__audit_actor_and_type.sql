-- The audit administrator's usual question of a person is what they did to one kind of record (a clerk and the
-- registry's people). Each filter had its index (V78), and PostgreSQL read the page along one of them, or along
-- the trail by id, checking the other filter entry by entry: when the pair is rare among two large sets (a
-- city's staff member and the samaritans, 15 entries among 1.35 and 1.1 million), a page took 2 s and its count
-- 1.2 s on a trail of 10.8 million entries. Held together, the pair's entries are read in order: 0.1 ms.
create index audit_entry_actor_type_idx on audit_entry (actor, entity_type, id);
