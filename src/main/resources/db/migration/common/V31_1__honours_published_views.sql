-- The honours module's published schema: a person's standing in honours, for care's condolence rosters,
-- without reading honour, honour_member or title. Granted and revoked honours count both a person's own
-- and those of the groups they belong to; best is the highest level granted (1 national, 2 provincial,
-- 3 city, 4 county), null when none is granted.
create view honours_standing_view as
select x.samaritan_id,
       sum(case when x.status = 'GRANTED' then 1 else 0 end) as granted,
       sum(case when x.status = 'REVOKED' then 1 else 0 end) as revoked,
       min(case when x.status = 'GRANTED' then case t.level when 'NATIONAL' then 1
           when 'PROVINCIAL' then 2 when 'CITY' then 3 else 4 end end) as best
from (select samaritan_id, title_id, status from honour where samaritan_id is not null
      union all
      select m.samaritan_id, g.title_id, g.status
      from honour_member m join honour g on g.id = m.honour_id) x
join title t on t.id = x.title_id
group by x.samaritan_id;
