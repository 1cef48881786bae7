-- A confirmation a person's record rests on now says whether it came from the earlier registers (历史台账,
-- brought in by an import): the awards of those deeds were given before Yiyong, so the check of missed
-- awards leaves them out; their honours come in with the honours' own register.
create or replace view samaritans_confirmation_view as
select d.id, d.samaritan_id, d.deed_id, d.deed_number, d.region_code, d.category, d.occurred_on, d.confirmed_on,
       d.decision_number, d.import_id is not null as historical
from samaritan_deed d;
