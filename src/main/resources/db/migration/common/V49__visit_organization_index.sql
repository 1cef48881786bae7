-- The visits an organization made, newest first, for the ledger of a work station or a county office.
create index visit_organization_idx on visit (organization_id, visited_on);
