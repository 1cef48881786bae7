-- Indexes that lists and checks need once the tables are large (a province: a million deeds, millions of
-- journal postings).

-- the deeds list is newest first (received_on desc, id desc): read backwards along one of these, no sort —
-- the first for a county's staff, the second for a scope of many counties
create index deed_region_received_id_idx on deed (region_code, received_on, id);
create index deed_received_id_idx on deed (received_on, id);

-- the reconciliation asks, for each paid order's entry, whether an entry reverses it
create index journal_entry_reverses_idx on journal_entry (reverses_id);

-- foreign keys no index served: a delete or key change of the referred row scanned the referring table
create index awareness_event_organization_idx on awareness_event (organization_id);
create index deed_decision_letter_idx on deed (decision_letter_id);
create index evaluation_deduction_unit_idx on evaluation_deduction (unit_id);
create index evaluation_indicator_parent_idx on evaluation_indicator (parent_id);
create index evaluation_score_indicator_idx on evaluation_score (indicator_id);
create index exam_bonus_certificate_title_idx on exam_bonus_certificate (title_id);
create index fund_restricted_region_idx on fund (restricted_region);
create index honour_round_idx on honour (round_id);
create index honour_title_idx on honour (title_id);
create index media_report_event_idx on media_report (event_id);
create index payment_order_payee_organization_idx on payment_order (payee_organization_id);
create index recommendation_honour_idx on recommendation (honour_id);
create index recommendation_title_idx on recommendation (title_id);
create index reward_payment_request_organization_idx on reward_payment_request (organization_id);
create index round_candidate_honour_idx on round_candidate (honour_id);
create index round_candidate_organization_idx on round_candidate (organization_id);
create index round_candidate_title_idx on round_candidate (title_id);
create index round_criterion_round_idx on round_criterion (round_id);
create index round_score_criterion_idx on round_score (criterion_id);
create index theme_park_target_region_idx on theme_park_target (region_code);
create index training_organization_idx on training (organization_id);
create index volunteer_certificate_volunteer_idx on volunteer_certificate (volunteer_id);
create index volunteer_team_organization_idx on volunteer_team (organization_id);
