-- Separation of duties and money to someone: the reviewer who approved a payment order neither puts it
-- in a batch nor marks it paid, and an order paid by bank transfer carries the account it is paid to
-- (taken at batching from the registry, or recorded on the order), or says it is paid in cash or by cheque.

alter table payment_order add column batched_by varchar(60);
alter table payment_order add column paid_by varchar(60);
alter table payment_order add column payment_method varchar(20) not null default 'BANK_TRANSFER';
alter table payment_order add column payee_bank_name varchar(100);
-- SM4-encrypted, like the registry's accounts; the masked form is what reviewers see
alter table payment_order add column payee_account varchar(200);
alter table payment_order add column payee_account_masked varchar(40);

alter table payment_order add constraint payment_order_method_check check (payment_method in
    ('BANK_TRANSFER', 'CASH', 'CHEQUE'));
-- four eyes on the way out as on the way in: whoever approved the order does not batch or pay it
alter table payment_order add constraint payment_order_approver_not_cashier check (approved_by is null
    or ((batched_by is null or batched_by <> approved_by) and (paid_by is null or paid_by <> approved_by)));
-- a bank transfer enters a batch only with the account it goes to (orders batched before this rule have
-- no batched_by and are left as they were)
alter table payment_order add constraint payment_order_batched_with_account check (batched_by is null
    or payment_method <> 'BANK_TRANSFER' or payee_account is not null);
