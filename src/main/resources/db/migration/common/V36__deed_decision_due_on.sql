-- The day a decision was due when it was made, so that "decided on time" stays what it was when the rule
-- or the calendar change later. Deeds decided before are filled in at start-up (DecisionDueDates).
alter table deed add column decision_due_on date;
