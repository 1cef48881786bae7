-- A generated city for the statistics benchmark (PostgreSQL only): 100,000 deeds received from 2017 to
-- November 2026 in Quanzhou's counties, their actors confirmed or refused, the people registered for them,
-- honours and their rewards, funds with donations, payments and their journal, condolence campaigns,
-- student and targeted aid, visits, assistance, disability, pensions, deaths and benefits.
-- Every generated row has an id of 1,000,000 or more and a number beginning with BM-, so it never meets
-- the demo data. Choices are made by hashing (bm_h), so the city is the same on every run.
-- Runs on one connection: the bm_ tables are temporary.

create function pg_temp.bm_h(seed text, n integer) returns integer language sql immutable
    as $$ select ((hashtext(seed)::bigint + 2147483648) % n)::integer $$;

create function pg_temp.bm_name(seed text) returns varchar language sql immutable
    as $$ select (array['陈', '林', '黄', '王', '李', '张', '吴', '蔡', '许', '郑', '洪', '庄'])[pg_temp.bm_h(seed || 's', 12) + 1]
        || (array['志', '伟', '明', '华', '建', '国', '秀', '丽', '文', '金'])[pg_temp.bm_h(seed || 'g', 10) + 1]
        || (array['强', '平', '辉', '玲', '杰', '芳', '斌', '燕', '龙', '红'])[pg_temp.bm_h(seed || 'm', 10) + 1] $$;

-- 40 slots: a county's share of the deeds, donations and campaigns (Kinmen has none)
create temporary table bm_slot (slot integer, region varchar(12));
insert into bm_slot
select row_number() over () - 1, code
from (values ('350582', 7), ('350583', 5), ('350521', 4), ('350524', 4), ('350503', 3), ('350502', 3),
        ('350581', 3), ('350505', 2), ('350504', 2), ('350525', 2), ('350526', 2), ('350590', 2), ('350591', 1))
    as share (code, n)
    cross join lateral generate_series(1, share.n);

-- the deeds: 5 % not accepted, 7 % (and those of the last two months) still under investigation
create temporary table bm_d as
select g, 1000000 + g as id, s.region,
       (array['OFFENCE_AGAINST_PERSONS', 'OFFENCE_AGAINST_PERSONS', 'CATCHING_SUSPECTS', 'CATCHING_SUSPECTS',
           'RESCUE', 'RESCUE', 'RESCUE', 'OTHER', 'OTHER', 'STATE_SECURITY_OFFENCE'])[pg_temp.bm_h('c' || g, 10) + 1]
           as category,
       date '2017-01-01' + g * 3620 / 100000 as received,
       pg_temp.bm_h('s' || g, 100) as fate
from generate_series(1, 100000) g
    join bm_slot s on s.slot = pg_temp.bm_h('r' || g, 40);

alter table bm_d add column occurred date, add column accepted date, add column decided date;
update bm_d set occurred = received - 3 - g % 20,
        accepted = case when fate < 5 then null else received + 3 + g % 5 end,
        decided = case when fate < 12 or received > date '2026-09-30' then null else received + 20 + g % 40 end;

insert into deed (id, number, region_code, category, source, status, occurred_at, address, title, narrative,
        received_on, accepted_on, not_accepted_reason, decided_on, decision_number, decided_by, delivered_on,
        closed_on, created_by, created_at, updated_at)
select id, 'BM-' || region || '-' || g, region, category,
       (array['NOMINATION', 'SELF_APPLICATION', 'RELATIVE_APPLICATION', 'POLICE_REFERRAL', 'PUBLIC_LEAD'])
           [pg_temp.bm_h('o' || g, 5) + 1],
       case when accepted is null then 'NOT_ACCEPTED' when decided is null then 'INVESTIGATING'
           when decided < date '2026-06-01' then 'CLOSED' else 'DELIVERED' end,
       occurred + time '14:30', '泉州市某街道' || g % 300 || '号', '见义勇为事迹（基准）' || g, '基准数据生成的事迹经过。',
       received, accepted, case when accepted is null then '不属于见义勇为范围' end, decided,
       case when decided is not null then 'BM-QR-' || g end, case when decided is not null then 'bm-head' end,
       decided + 5, case when decided < date '2026-06-01' then decided + 20 end,
       'bm-generator', received, coalesce(decided, received)
from bm_d;

-- the actors (1.4 a deed), confirmed (85 %) or refused once their deed is decided; one beneficiary a deed
create temporary table bm_p as
select d.g, d.id as deed_id, 1000000 + d.g * 4 + j as id, j,
       case when d.decided is null then null when pg_temp.bm_h('o' || d.g || '-' || j, 100) < 85 then 'CONFIRMED'
           else 'REFUSED' end as outcome,
       case when pg_temp.bm_h('h' || d.g || '-' || j, 1000) < 5 then 'DIED'
           when pg_temp.bm_h('h' || d.g || '-' || j, 1000) < 60 then 'INJURED' else 'NONE' end as harm,
       pg_temp.bm_name('p' || d.g || '-' || j) as name
from bm_d d
    cross join lateral generate_series(0, case when pg_temp.bm_h('k' || d.g, 10) < 1 then 2
        when pg_temp.bm_h('k' || d.g, 10) < 3 then 1 else 0 end) j;

insert into deed_participant (id, deed_id, role, name, harm, recommendation, proposed_outcome, outcome,
        outcome_reason)
select id, deed_id, 'ACTOR', name, harm,
       case when outcome = 'CONFIRMED' then 'CONFIRM' when outcome = 'REFUSED' then 'REFUSE' end,
       case when outcome = 'CONFIRMED' then 'CONFIRM' when outcome = 'REFUSED' then 'REFUSE' end,
       outcome, case when outcome = 'REFUSED' then '不符合认定条件' end
from bm_p;

insert into deed_participant (id, deed_id, role, name, harm)
select 1000000 + g * 4 + 3, id, 'BENEFICIARY', pg_temp.bm_name('b' || g), 'NONE' from bm_d;

-- each confirmed actor is a person of the registry; one in 25 first actors acted before, five deeds earlier
create temporary table bm_sd as
select p.id, p.deed_id, p.g, p.harm, p.name, d.region, d.category, d.occurred, d.decided,
       case when p.j = 0 and p.g % 25 = 0 and earlier.outcome = 'CONFIRMED' then earlier.id else p.id end
           as samaritan_id
from bm_p p
    join bm_d d on d.g = p.g
    left join bm_p earlier on earlier.g = p.g - 5 and earlier.j = 0
where p.outcome = 'CONFIRMED';

insert into samaritan (id, number, region_code, name, gender, status, death_kind, died_on, source, created_by,
        created_at, updated_at)
select id, 'BM-S' || id, region, name, case when id % 5 = 0 then 'FEMALE' else 'MALE' end,
       case harm when 'DIED' then 'DECEASED' when 'INJURED' then 'INJURED' else 'ACTIVE' end, null,
       case when harm = 'DIED' then occurred end, 'DEED', 'bm-generator', decided, decided
from bm_sd
where samaritan_id = id;

insert into samaritan_deed (id, samaritan_id, deed_id, participant_id, deed_number, region_code, category,
        occurred_on, harm, confirmed_on, decision_number)
select id, samaritan_id, deed_id, id, 'BM-' || region || '-' || g, region, category, occurred, harm, decided,
       'BM-QR-' || g
from bm_sd;

-- honours for 60 % of the confirmations, most of them county and city ones, granted a month or three later
create temporary table bm_h as
select sd.id, sd.samaritan_id, sd.deed_id, sd.g, sd.region as deed_region, sd.decided + 30 + sd.id % 60 as decided,
       case when pg_temp.bm_h('t' || sd.id, 1000) < 5 then 'NATIONAL_MODEL'
           when pg_temp.bm_h('t' || sd.id, 1000) < 15 then 'PROVINCIAL_MODEL'
           when pg_temp.bm_h('t' || sd.id, 1000) < 50 then 'PROVINCIAL_ADVANCED'
           when pg_temp.bm_h('t' || sd.id, 1000) < 90 then 'CITY_MODEL'
           when pg_temp.bm_h('t' || sd.id, 1000) < 150 then 'CITY_ADVANCED'
           when pg_temp.bm_h('t' || sd.id, 1000) < 400 then 'CITY_ACTIVIST' else 'COUNTY_COMMENDATION' end
           as title_code,
       pg_temp.bm_h('hs' || sd.id, 100) as fate
from bm_sd sd
where pg_temp.bm_h('hn' || sd.id, 100) < 60;

insert into honour (id, title_id, samaritan_id, deed_id, deed_number, region_code, mode, status, reason,
        proposed_by, proposed_on, approved_by, approved_on, decided_on, document_number, certificate_number,
        reward_amount, revoked_on, revocation_reason, recipient)
select h.id, t.id, h.samaritan_id, h.deed_id, 'BM-' || h.deed_region || '-' || h.g,
       case when t.level = 'COUNTY' then h.deed_region else '350500' end,
       case when t.instant then 'INSTANT' else 'ROUND' end,
       case when h.decided > date '2026-11-30' or h.fate < 2 then 'PROPOSED' when h.fate < 5 then 'REVOKED'
           else 'GRANTED' end,
       '见义勇为，事迹突出', 'bm-clerk', h.decided - 20,
       case when h.decided <= date '2026-11-30' and h.fate >= 2 then 'bm-head' end,
       case when h.decided <= date '2026-11-30' and h.fate >= 2 then h.decided - 5 end,
       case when h.decided <= date '2026-11-30' and h.fate >= 2 then h.decided end,
       'BM-W-' || h.id,
       case when h.decided <= date '2026-11-30' and h.fate >= 2 then 'BM-C-' || h.id end,
       case t.level when 'NATIONAL' then 50000 when 'PROVINCIAL' then 20000 when 'CITY' then 5000 else 2000 end,
       case when h.decided <= date '2026-11-30' and h.fate between 2 and 4
           then least(h.decided + 200, date '2026-11-30')
           end,
       case when h.decided <= date '2026-11-30' and h.fate between 2 and 4 then '事迹失实' end,
       'PERSON'
from bm_h h
    join title t on t.code = h.title_code;

-- the reward of every honour granted, asked for at once and settled three to six weeks later
insert into reward_payment_request (id, honour_id, kind, amount, status, requested_on, settled_on, samaritan_id)
select id, id, 'PAYMENT', reward_amount,
       case when decided_on + 20 + (id % 20)::integer <= date '2026-11-30' then 'SETTLED' else 'REQUESTED' end,
       decided_on + 5,
       case when decided_on + 20 + (id % 20)::integer <= date '2026-11-30' then decided_on + 20 + (id % 20)::integer
           end,
       samaritan_id
from honour
where id >= 1000000 and status = 'GRANTED' and reward_amount > 0;

-- a fund for the city and for each county and area
insert into fund (id, code, name, region_code, restriction, opened_on, created_by, created_at)
select 1000000 + row_number() over (order by code), 'BM-' || code, name || '见义勇为基金（基准）', code, 'NONE',
       date '2016-01-01', 'bm-generator', timestamp with time zone '2016-01-01 09:00:00+08'
from region
where code = '350500' or parent_code = '350500';

-- 30,000 donations: enterprises give much, people a little; one in 250 was reversed
insert into donation (id, receipt_number, donor_name, donor_kind, fund_id, region_code, amount, received_on,
        channel, recorded_by, recorded_at, reversed)
select 1000000 + d, 'BM-J-' || d,
       case k when 'ENTERPRISE' then '泉州某企业' || d % 900 || '有限公司' when 'INDIVIDUAL' then pg_temp.bm_name('d' || d)
           else '匿名' end,
       k, f.id, s.region,
       case k when 'ENTERPRISE' then 10000 + d % 190 * 1000 when 'INDIVIDUAL' then 100 + d % 49 * 100
           else 50 + d % 20 * 100 end,
       date '2017-01-01' + d * 3620 / 30000,
       (array['BANK_TRANSFER', 'CASH', 'ONLINE', 'CHEQUE'])[pg_temp.bm_h('ch' || d, 4) + 1],
       'bm-clerk', date '2017-01-01' + d * 3620 / 30000, d % 250 = 0
from generate_series(1, 30000) d
    cross join lateral (select case when pg_temp.bm_h('k' || d, 10) < 3 then 'ENTERPRISE'
        when pg_temp.bm_h('k' || d, 10) < 9 then 'INDIVIDUAL' else 'ANONYMOUS' end as k) kind
    join bm_slot s on s.slot = pg_temp.bm_h('dr' || d, 40)
    join fund f on f.code = 'BM-' || s.region;

-- relatives: a child for one person in eight
insert into relative (id, samaritan_id, relation, name, stage)
select s.id, s.id, 'CHILD', pg_temp.bm_name('c' || s.id),
       (array['PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'UNIVERSITY'])[pg_temp.bm_h('st' || s.id, 5) + 1]
from samaritan s
where s.id >= 1000000 and pg_temp.bm_h('rel' || s.id, 100) < 12;

-- student aid for up to three school years from the year the parent was confirmed
insert into student_aid_application (id, school_year, samaritan_id, relative_id, student_name, school, stage,
        hardship, results, payee_name, payer, amount, status, submitted_by, submitted_on, decided_by, decided_on,
        decision_document, refusal_reason, payment_order_number, paid_on)
select 1000000 + row_number() over (order by r.id, y), y, r.samaritan_id, r.id, r.name, '泉州某学校', r.stage,
       '家庭困难', '成绩良好', s.name, case when pg_temp.bm_h('py' || r.id, 10) < 7 then 'CITY' else 'COUNTY' end,
       case r.stage when 'UNIVERSITY' then 5000 when 'SENIOR' then 3000 else 2000 end,
       case when fate < 5 then 'SUBMITTED' when fate < 10 then 'REFUSED' when fate < 25 then 'APPROVED' else 'PAID' end,
       'bm-clerk', make_date(y, 9, 1),
       case when fate >= 5 then 'bm-head' end, case when fate >= 5 then make_date(y, 9, 20) end,
       case when fate >= 5 then 'BM-ZX-' || r.id || '-' || y end, case when fate between 5 and 9 then '不符合条件' end,
       case when fate >= 25 then 'BM-ZF-A' || r.id || '-' || y end, case when fate >= 25 then make_date(y, 10, 10) end
from relative r
    join samaritan s on s.id = r.samaritan_id
    cross join lateral generate_series(extract(year from s.created_at)::integer,
        least(2026, extract(year from s.created_at)::integer + 2)) y
    cross join lateral (select pg_temp.bm_h('sa' || r.id || '-' || y, 100) as fate) f
where r.id >= 1000000;

-- payment orders: every settled reward and every student aid paid, approved by someone else and paid
insert into payment_order (id, number, fund_id, region_code, purpose, payee_name, payee_samaritan_id, amount,
        description, source, source_ref, status, requested_by, requested_on, approved_by, approved_at, paid_on,
        paid_by, payment_method)
select r.id, 'BM-ZF-' || r.id, f.id, h.region_code, 'REWARD', s.name, s.id, r.amount, '见义勇为奖金', 'honours',
       'BM-' || r.id, 'PAID', 'bm-clerk', r.settled_on - 10, 'bm-head', r.settled_on - 5, r.settled_on,
       'bm-cashier', 'BANK_TRANSFER'
from reward_payment_request r
    join honour h on h.id = r.honour_id
    join samaritan s on s.id = r.samaritan_id
    join fund f on f.code = 'BM-' || h.region_code
where r.id >= 1000000 and r.status = 'SETTLED';

insert into payment_order (id, number, fund_id, region_code, purpose, payee_name, payee_samaritan_id, amount,
        description, source, source_ref, status, requested_by, requested_on, approved_by, approved_at, paid_on,
        paid_by, payment_method)
select 3000000 + a.id, a.payment_order_number, f.id, s.region_code, 'STUDENT_AID', a.payee_name, s.id, a.amount,
       '助学金 ' || a.school_year, 'care', 'BM-A' || a.id, 'PAID', 'bm-clerk', a.decided_on, 'bm-head',
       a.decided_on + 3, a.paid_on, 'bm-cashier', 'BANK_TRANSFER'
from student_aid_application a
    join samaritan s on s.id = a.samaritan_id
    join fund f on f.code = 'BM-' || s.region_code
where a.id >= 1000000 and a.status = 'PAID' and a.amount > 0;

-- the journal: each donation into the bank, each payment out of it
insert into journal_entry (id, number, region_code, entry_date, description, source_kind, source_id, recorded_by,
        recorded_at)
select 4000000 + (id - 1000000), 'BM-JZ-D' || id, region_code, received_on, '捐赠 ' || receipt_number, 'DONATION', id,
       'bm-clerk', received_on
from donation
where id >= 1000000 and not reversed;

insert into journal_entry (id, number, region_code, entry_date, description, source_kind, source_id, recorded_by,
        recorded_at)
select 5000000 + id, 'BM-JZ-P' || id, region_code, paid_on, '支付 ' || number, 'PAYMENT', id, 'bm-cashier', paid_on
from payment_order
where id >= 1000000 and status = 'PAID';

insert into posting (id, entry_id, fund_id, account, debit, credit)
select e.id * 2, e.id, d.fund_id, 'BANK', d.amount, 0
from journal_entry e
    join donation d on d.id = e.source_id
where e.id >= 4000000 and e.source_kind = 'DONATION'
union all
select e.id * 2 + 1, e.id, d.fund_id, 'DONATION_INCOME', 0, d.amount
from journal_entry e
    join donation d on d.id = e.source_id
where e.id >= 4000000 and e.source_kind = 'DONATION'
union all
select e.id * 2, e.id, o.fund_id, case o.purpose when 'REWARD' then 'EXPENSE_REWARD' else 'EXPENSE_STUDENT_AID' end,
       o.amount, 0
from journal_entry e
    join payment_order o on o.id = e.source_id
where e.id >= 4000000 and e.source_kind = 'PAYMENT'
union all
select e.id * 2 + 1, e.id, o.fund_id, 'BANK', 0, o.amount
from journal_entry e
    join payment_order o on o.id = e.source_id
where e.id >= 4000000 and e.source_kind = 'PAYMENT';

-- condolence campaigns at the Spring Festival and the Mid-Autumn Festival in each county, each year
insert into campaign (id, name, festival, campaign_year, region_code, reference_date, status, document_number,
        created_by, created_at, sent_by, sent_at)
select 1000000 + row_number() over (order by y, r.region, f.festival), y || '年' || f.label || '慰问', f.festival, y,
       r.region, make_date(y, f.month, f.day), 'SENT', 'BM-WW-' || y || '-' || r.region || '-' || f.festival,
       'bm-clerk', make_date(y, f.month, f.day) - 20, 'bm-head', make_date(y, f.month, f.day)
from generate_series(2017, 2026) y
    cross join (select distinct region from bm_slot) r
    cross join (values ('SPRING_FESTIVAL', '春节', 1, 25), ('MID_AUTUMN', '中秋', 9, 15)) f (festival, label, month, day);

-- each campaign visits the county's injured, disabled and deceased, and one in twenty of the others
insert into campaign_line (id, campaign_id, samaritan_id, name, region_code, category, amount, status, reason_code,
        payee_name, paid_on)
select 1000000 + row_number() over (order by c.id, s.id), c.id, s.id, s.name, s.region_code,
       case s.status when 'DECEASED' then 'DECEASED_FAMILY' when 'ACTIVE' then 'PROVINCIAL_HONOUR' else 'DISABLED' end,
       case s.status when 'DECEASED' then 3000 when 'ACTIVE' then 1000 else 2000 end,
       case when c.reference_date < date '2026-06-01' then 'PAID' else 'SENT' end, 'RULE', s.name,
       case when c.reference_date < date '2026-06-01' then c.reference_date + 10 end
from campaign c
    join samaritan s on s.region_code = c.region_code and s.created_at < c.reference_date
where c.id >= 1000000 and s.id >= 1000000 and (s.status <> 'ACTIVE' or s.id % 20 = 0);

-- targeted aid: one person in 25 applies, half of them twice in the year
insert into targeted_aid_application (id, samaritan_id, applied_to, reason, amount_asked, narrative, applied_on,
        status, submitted_by, amount_granted, decided_on, decision_document, decided_by, received_on, amount_received)
select 1000000 + row_number() over (order by s.id, n), s.id,
       case when pg_temp.bm_h('to' || s.id, 2) = 0 then 'CITY' else 'PROVINCIAL_FOUNDATION' end,
       (array['HOUSING', 'SERIOUS_ILLNESS', 'HARDSHIP'])[pg_temp.bm_h('tr' || s.id, 3) + 1], 20000, '生活困难',
       a.applied,
       case when a.applied + 30 > date '2026-11-30' then 'SUBMITTED' when fate < 20 then 'NOT_GRANTED'
           when fate < 60 then 'GRANTED' else 'RECEIVED' end, 'bm-clerk',
       case when a.applied + 30 <= date '2026-11-30' and fate >= 20 then 10000 end,
       case when a.applied + 30 <= date '2026-11-30' then a.applied + 30 end,
       case when a.applied + 30 <= date '2026-11-30' then 'BM-JZ-' || s.id || '-' || n end,
       case when a.applied + 30 <= date '2026-11-30' then 'bm-head' end,
       case when a.applied + 30 <= date '2026-11-30' and fate >= 60 then a.applied + 45 end,
       case when a.applied + 30 <= date '2026-11-30' and fate >= 60 then 10000 end
from samaritan s
    cross join lateral generate_series(1, 1 + pg_temp.bm_h('tn' || s.id, 2)) n
    cross join lateral (select (s.created_at + interval '100 days' + n * interval '30 days')::date as applied,
        pg_temp.bm_h('tf' || s.id || '-' || n, 100) as fate) a
where s.id >= 1000000 and pg_temp.bm_h('ta' || s.id, 100) < 4;

-- visits: one person in seven is visited every year after the year they were confirmed
insert into visit (id, samaritan_id, region_code, visited_on, visitors, met, living_conditions, hardship,
        recorded_by, recorded_at)
select 1000000 + row_number() over (order by s.id, y), s.id, s.region_code,
       make_date(y, 1 + pg_temp.bm_h('vm' || s.id, 11), 1 + pg_temp.bm_h('vd' || s.id, 28)), '县见义勇为协会工作人员',
       s.name, '生活稳定', pg_temp.bm_h('vh' || s.id || '-' || y, 100) < 5, 'bm-clerk',
       make_date(y, 1 + pg_temp.bm_h('vm' || s.id, 11), 1 + pg_temp.bm_h('vd' || s.id, 28))
from samaritan s
    cross join lateral generate_series(extract(year from s.created_at)::integer + 1, 2026) y
where s.id >= 1000000 and pg_temp.bm_h('v' || s.id, 100) < 14;

-- assistance opened after a visit that found hardship, most of it solved within two months
insert into assistance_case (id, number, samaritan_id, region_code, visit_id, kind, description, status, opened_on,
        opened_by, closed_on, outcome)
select v.id, 'BM-BF-' || v.id, v.samaritan_id, v.region_code, v.id,
       (array['EMPLOYMENT', 'SUBSISTENCE', 'HOUSING', 'MEDICAL', 'SCHOOLING', 'LEGAL', 'HARDSHIP_GRANT', 'OTHER'])
           [pg_temp.bm_h('ak' || v.id, 8) + 1], '走访发现困难',
       case when v.visited_on + 63 > date '2026-11-30' then 'IN_PROGRESS'
           when pg_temp.bm_h('as' || v.id, 10) < 8 then 'SOLVED' else 'CLOSED' end,
       v.visited_on + 3, 'bm-clerk',
       case when v.visited_on + 63 <= date '2026-11-30' then v.visited_on + 63 end,
       case when v.visited_on + 63 <= date '2026-11-30' then '已帮扶' end
from visit v
where v.id >= 1000000 and v.hardship;

-- disability: most of the injured apply; one in six is reassessed later with a lower grade
create temporary table bm_dis as
select s.id, s.id as samaritan_id, sd.occurred, sd.decided + 30 as applied, sd.decided + 120 as approved,
       1 + pg_temp.bm_h('gr' || s.id, 10) as grade, pg_temp.bm_h('re' || s.id, 6) = 0 as reassessed
from samaritan s
    join bm_sd sd on sd.id = s.id
where s.status = 'INJURED' and pg_temp.bm_h('di' || s.id, 100) < 70;

insert into disability_case (id, samaritan_id, injured_on, applied_on, status, grade, approved_on, approved_by,
        certificate_number, created_by, created_at, updated_at)
select id, samaritan_id, occurred, applied,
       case when approved > date '2026-11-30' then 'APPLIED'
           when reassessed and approved + 490 <= date '2026-11-30' then 'SUPERSEDED' else 'APPROVED' end,
       grade, case when approved <= date '2026-11-30' then approved end,
       case when approved <= date '2026-11-30' then 'bm-head' end,
       case when approved <= date '2026-11-30' then 'BM-CJ-' || id end, 'bm-clerk', applied, applied
from bm_dis;

insert into disability_case (id, samaritan_id, previous_case_id, injured_on, applied_on, status, grade, approved_on,
        approved_by, certificate_number, created_by, created_at, updated_at)
select 10000000 + id, samaritan_id, id, occurred, approved + 400, 'APPROVED', greatest(1, grade - 1), approved + 490,
       'bm-head', 'BM-CJ-R' || id, 'bm-clerk', approved + 400, approved + 490
from bm_dis
where reassessed and approved + 490 <= date '2026-11-30';

update samaritan set status = 'DISABLED'
where id in (select samaritan_id from bm_dis where approved <= date '2026-11-30');

-- a pension every year after the grade was approved
insert into pension_payment (id, samaritan_id, disability_case_id, pension_year, grade, months, annual_amount,
        amount, status, paid_on, created_by, created_at, updated_at)
select 1000000 + row_number() over (order by d.id, y), d.samaritan_id, d.id, y, d.grade, 12,
       1000 * (11 - d.grade), 1000 * (11 - d.grade),
       case when y < 2026 or d.id % 2 = 0 then 'PAID' else 'SCHEDULED' end,
       case when y < 2026 or d.id % 2 = 0 then make_date(y, 3, 15) end, 'bm-clerk', make_date(y, 1, 10),
       make_date(y, 3, 15)
from bm_dis d
    cross join lateral generate_series(extract(year from d.approved)::integer + 1, 2026) y
where d.approved <= date '2026-11-30';

-- deaths: a third of them martyrs, approved two months after the deed was decided
insert into death_determination (id, samaritan_id, died_on, kind, martyr_applied_on, martyr_status,
        martyr_decided_on, document_number, recorded_by, recorded_at)
select s.id, s.id, s.died_on, k.kind,
       case when k.kind = 'MARTYR' then sd.decided + 10 end,
       case when k.kind = 'MARTYR' then case when sd.decided + 60 <= date '2026-11-30'
           then 'APPROVED' else 'PENDING' end
           end,
       case when k.kind = 'MARTYR' and sd.decided + 60 <= date '2026-11-30' then sd.decided + 60 end,
       case when k.kind = 'MARTYR' then 'BM-LS-' || s.id end, 'bm-clerk', sd.decided
from samaritan s
    join bm_sd sd on sd.id = s.id
    cross join lateral (select (array['MARTYR', 'DEATH_ON_DUTY', 'OTHER'])[pg_temp.bm_h('dk' || s.id, 3) + 1] as kind) k
where s.status = 'DECEASED';

update samaritan s set death_kind = d.kind
from death_determination d
where d.samaritan_id = s.id and s.id >= 1000000;

-- benefits obtained for one person in sixteen
insert into benefit (id, samaritan_id, kind, requested_on, request, responsible_body, status, outcome, closed_on,
        recorded_by)
select s.id, s.id,
       (array['EMPLOYMENT', 'SUBSISTENCE', 'HOUSING', 'HOUSEHOLD_REGISTRATION', 'SCHOOL_PLACEMENT',
           'MEDICAL_GREEN_CHANNEL', 'OTHER'])[pg_temp.bm_h('bk' || s.id, 7) + 1],
       s.created_at::date + 30, '申请帮助', '县人社局',
       case when s.created_at::date + 75 > date '2026-11-30' then 'IN_PROGRESS'
           when pg_temp.bm_h('bs' || s.id, 10) < 8 then 'GRANTED' else 'REFUSED' end,
       case when s.created_at::date + 75 <= date '2026-11-30' then '已办结' end,
       case when s.created_at::date + 75 <= date '2026-11-30' then s.created_at::date + 75 end, 'bm-clerk'
from samaritan s
where s.id >= 1000000 and pg_temp.bm_h('be' || s.id, 100) < 6;
