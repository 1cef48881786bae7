-- The guarantees (不迟奖、不漏奖、不错奖) look at every confirmation and granted honour of a scope. These indexes let
-- them do it from indexes alone, reading the rows of the items they find and no others.

-- Wrong amounts: each granted honour's title, decision day and amount beside its standard; doubles: the honours of
-- the same person for the same deed.
create index honour_granted_check_idx on honour (region_code, title_id, decided_on, reward_amount)
    include (id, mode, samaritan_id, deed_id) where status = 'GRANTED';
-- Missed awards and doubles: whether a person has a decided honour for a deed.
create index honour_decided_person_idx on honour (deed_id, samaritan_id) include (status, id)
    where status in ('GRANTED', 'REFUSED', 'REVOKED');
-- Missed awards: the people of a scope, and their confirmations.
drop index samaritan_region_contact_idx;
create index samaritan_region_contact_idx on samaritan (region_code, lost_contact) include (id);
drop index samaritan_deed_samaritan_idx;
create index samaritan_deed_samaritan_idx on samaritan_deed (samaritan_id) include (deed_id, confirmed_on, import_id, id);
-- Late rewards: the few payments still waiting, out of a million paid.
create index reward_payment_request_waiting_idx on reward_payment_request (honour_id)
    where kind = 'PAYMENT' and status = 'REQUESTED';
