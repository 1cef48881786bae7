-- Student aid the province's foundation pays is recorded, not paid through our funds.
alter table student_aid_application drop constraint student_aid_application_payer_check;
alter table student_aid_application add constraint student_aid_application_payer_check
    check (payer in ('PROVINCE', 'CITY', 'COUNTY'));

-- A condolence campaign of the province: its lines are recorded as received (no payment orders), at the
-- amount per person the province gave.
alter table campaign add column province_amount numeric(12, 2);
alter table campaign add constraint campaign_province_amount_check
    check (province_amount is null or province_amount > 0);

-- Government money (财政拨款) is received like a donation but is not one: a donor of kind GOVERNMENT, its
-- income credited to its own account.
alter table donor drop constraint donor_kind_check;
alter table donor add constraint donor_kind_check check (kind in ('ENTERPRISE', 'INDIVIDUAL', 'ANONYMOUS', 'GOVERNMENT'));
alter table posting drop constraint posting_account_check;
alter table posting add constraint posting_account_check check (account in ('BANK', 'NET_ASSETS', 'DONATION_INCOME',
    'GOVERNMENT_GRANT_INCOME', 'EXPENSE_REWARD', 'EXPENSE_CONDOLENCE', 'EXPENSE_STUDENT_AID', 'EXPENSE_HARDSHIP',
    'EXPENSE_MEDICAL', 'EXPENSE_OTHER'));

-- A round of honours belongs to the city (null) or to one county, which draws its own confirmations and
-- grants county titles, paid by the county's fund.
alter table honour_round add column region_code varchar(12);
create index honour_round_region_idx on honour_round (region_code);

insert into title (code, name, level, granting_body, recipient, instant, sort_order) values
    ('COUNTY_ADVANCED', '县（市、区）见义勇为先进个人', 'COUNTY', '县（市、区）见义勇为人员奖励和保护工作委员会', 'PERSON',
     false, 125);
insert into reward_standard (title_id, effective_from, amount, note, recorded_by, recorded_at)
select id, date '2000-01-01', 5000.00, '参照县级嘉奖标准，各县可按本县规定调整',
       'system', timestamp with time zone '2026-12-01 00:00:00+08'
from title where code = 'COUNTY_ADVANCED';
