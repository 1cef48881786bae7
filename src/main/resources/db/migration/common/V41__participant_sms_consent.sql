-- A person of a deed (an applicant above all) who gave a mobile number may agree to be told by SMS when the
-- deed is accepted and decided; followed until the decision.
alter table deed_participant add column sms_consent boolean default false not null;
alter table deed_participant add column sms_followed boolean default false not null;
create index deed_participant_sms_followed_idx on deed_participant (sms_followed);
