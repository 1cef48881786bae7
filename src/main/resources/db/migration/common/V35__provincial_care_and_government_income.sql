-- Student aid the province's foundation pays is recorded, not paid through our funds.
alter table student_aid_application drop constraint student_aid_application_payer_check;
alter table student_aid_application add constraint student_aid_application_payer_check
    check (payer in ('PROVINCE', 'CITY', 'COUNTY'));

-- A condolence campaign of the province: its lines are recorded as received (no payment orders), at the
-- amount per person the province gave.
alter table campaign add column province_amount numeric(12, 2);
alter table campaign add constraint campaign_province_amount_check
    check (province_amount is null or province_amount > 0);
