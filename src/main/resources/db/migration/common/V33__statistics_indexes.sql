-- Indexes for the statistics (docs/benchmarks.md): each figure of a year reads the rows whose date that counts
-- falls in the year, in the regions of the scope. The date comes first, so that the city's year reads a tenth
-- of a table rather than all of it; the region second, so that a county's is narrowed within the index.

create index deed_received_idx on deed (received_on, region_code);
create index deed_accepted_idx on deed (accepted_on, region_code);
create index deed_decided_idx on deed (decided_on, region_code);

-- the first confirmation of a person in the year: the year's confirmations, and each person's others
create index samaritan_deed_confirmed_idx on samaritan_deed (confirmed_on, region_code);
create index samaritan_deed_person_confirmed_idx on samaritan_deed (samaritan_id, confirmed_on);

create index honour_decided_idx on honour (decided_on, region_code);
create index reward_payment_settled_idx on reward_payment_request (settled_on);

create index payment_order_paid_idx on payment_order (paid_on, region_code);
create index donation_received_idx on donation (received_on, region_code);

create index student_aid_application_decided_idx on student_aid_application (decided_on);
-- a household counts once a year for each body: the year's decisions, and each person's others
create index targeted_aid_decided_idx on targeted_aid_application (decided_on);
create index targeted_aid_person_idx on targeted_aid_application (samaritan_id, applied_to, decided_on);
create index assistance_case_closed_idx on assistance_case (closed_on, region_code);
create index pension_payment_paid_idx on pension_payment (paid_on);
