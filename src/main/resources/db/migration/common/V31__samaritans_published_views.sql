-- The samaritans module's published schema: views other modules read instead of its tables, for queries
-- that must stay set-based (filtered by data scope, joined, sorted and counted in SQL). Only what others
-- need is shown: no encrypted or blind-indexed numbers, phone or bank details.

-- A person on the registry.
create view samaritans_person_view as
select s.id, s.number, s.name, s.region_code, s.address, s.status, s.death_kind, s.lost_contact, s.source,
       s.created_at
from samaritan s;

-- A person's household as care sees it: besides the person, whether a subsistence allowance is granted,
-- how many relatives live, and when they were last found after losing contact.
create view samaritans_household_view as
select s.id, s.number, s.name, s.region_code, s.address, s.status, s.death_kind, s.lost_contact, s.created_at,
       (select count(*) from benefit b where b.samaritan_id = s.id and b.kind = 'SUBSISTENCE'
          and b.status = 'GRANTED') as subsistence,
       (select count(*) from relative k where k.samaritan_id = s.id and k.died_on is null) as survivors,
       (select max(t.traced_on) from samaritan_tracing t where t.samaritan_id = s.id and t.found = true)
          as last_found_on
from samaritan s;

-- A relative of a person on the registry (spouse, child, parent), with schooling and what ends support.
create view samaritans_relative_view as
select r.id, r.samaritan_id, r.relation, r.name, r.birth_date, r.school, r.stage, r.schooling_ends_on,
       r.remarried_on, r.died_on
from relative r;

-- A confirmation a person's record rests on: which deed, where, and when it was confirmed.
create view samaritans_confirmation_view as
select d.id, d.samaritan_id, d.deed_id, d.deed_number, d.region_code, d.category, d.occurred_on, d.confirmed_on,
       d.decision_number
from samaritan_deed d;
