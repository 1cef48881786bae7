-- A reporter who left a mobile number may agree to be told by SMS how their lead goes on (accepted,
-- decided, reward sent); the lead is followed for messages until its last step or a year after it came.
alter table lead add column sms_consent boolean default false not null;
alter table lead add column sms_followed boolean default false not null;
create index lead_sms_followed_idx on lead (sms_followed);
