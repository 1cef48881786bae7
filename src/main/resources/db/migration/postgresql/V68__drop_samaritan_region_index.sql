-- samaritan_region_contact_idx (V66) begins with the region: it serves every look-up by region that this index
-- served, and one index less is written with every person. (On H2 the index also backs the reference to the
-- region and stays.)
drop index samaritan_region_idx;
