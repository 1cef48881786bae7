-- Whether an order's account was copied from the samaritan registry when it was batched (rather than
-- recorded on the order): such a copy is dropped when the bank fails or returns the payment, so the
-- next batch takes the registry's corrected account instead of paying the wrong one again.
alter table payment_order add column payee_account_from_registry boolean not null default false;
