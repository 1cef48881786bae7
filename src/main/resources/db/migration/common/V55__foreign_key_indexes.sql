-- Indexes on the foreign keys that had none, so that removing a deed, a person or a family member (an import
-- undone) checks each referring table by index instead of reading it whole for every row removed.
create index samaritan_deed_deed_idx on samaritan_deed (deed_id);
create index honour_deed_idx on honour (deed_id);
create index reward_payment_request_samaritan_idx on reward_payment_request (samaritan_id);
create index round_candidate_deed_idx on round_candidate (deed_id);
create index round_candidate_samaritan_idx on round_candidate (samaritan_id);
create index recommendation_deed_idx on recommendation (deed_id);
create index fund_restricted_samaritan_idx on fund (restricted_samaritan_id);
create index transit_card_relative_idx on transit_card (relative_id);
