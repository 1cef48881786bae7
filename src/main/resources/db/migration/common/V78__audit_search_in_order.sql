-- The audit search lists the newest entries first for an entity type, an actor or an action. Indexed by the
-- filter alone, PostgreSQL walked the whole trail backwards by id until it had a page: after a city's campaign
-- was paid (1.4 million entries of payment orders), the newest page of entries about deeds took 1.5 s. Each
-- filter's index now holds the ids in order after it.
create index audit_entry_type_order_idx on audit_entry (entity_type, id);
drop index audit_entry_entity_idx;
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, id);
drop index audit_entry_actor_idx;
create index audit_entry_actor_idx on audit_entry (actor, id);
drop index audit_entry_action_idx;
create index audit_entry_action_idx on audit_entry (action, id);
