-- A lead that a staff member registers for someone who came to them (at a work station, a county office,
-- on the phone): who registered it and for which organization, so that the organization's ledger lists the
-- leads it reported. Leads sent through the public portal leave both empty.
alter table lead add column reported_by varchar(60);
alter table lead add column reporting_organization_id bigint references organization (id);
create index lead_reporting_organization_idx on lead (reporting_organization_id, received_at);
