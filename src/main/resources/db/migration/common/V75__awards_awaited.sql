-- The confirmations that had no honour decision (granted, refused or revoked) when last looked at, with the region
-- of the person confirmed: where the guarantees look for missed awards (漏奖), instead of every confirmation of a
-- scope against every honour (a province's county: 60,000 of them for 3,000 items). Kept by the honours module:
-- a person's confirmations are looked at again when the registry says the person changed, and all of them once a
-- night. A row whose honour has since been decided is passed over by the check, and gone the next night.
create table award_awaited (
    confirmation_id bigint primary key,
    samaritan_id    bigint      not null,
    region_code     varchar(12) not null,
    confirmed_on    date        not null
);
create index award_awaited_region_idx on award_awaited (region_code, confirmed_on);
create index award_awaited_samaritan_idx on award_awaited (samaritan_id);

-- One keeping at a time on every node: the row a keeping locks.
create table award_awaited_lock (
    id smallint primary key check (id = 1)
);
insert into award_awaited_lock (id) values (1);

insert into award_awaited (confirmation_id, samaritan_id, region_code, confirmed_on)
select sd.id, s.id, s.region_code, sd.confirmed_on
from samaritans_confirmation_view sd join samaritans_person_view s on s.id = sd.samaritan_id
where not sd.historical and sd.confirmed_on is not null
  and not exists (select 1 from honour h where h.deed_id = sd.deed_id and h.samaritan_id = s.id
                  and h.status in ('GRANTED', 'REFUSED', 'REVOKED'))
  and not exists (select 1 from honour_member m join honour h on h.id = m.honour_id
                  where m.samaritan_id = s.id and h.deed_id = sd.deed_id
                  and h.status in ('GRANTED', 'REFUSED', 'REVOKED'));
