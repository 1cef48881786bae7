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
