-- How a person is reached outside Yiyong: their mobile and e-mail, and whether the morning digest of their
-- to-do list also goes there. Each person keeps their own.
alter table user_account add column mobile varchar(20);
alter table user_account add column email varchar(200);
alter table user_account add column digest_by_email boolean default false not null;
alter table user_account add column digest_by_sms boolean default false not null;
