-- The honours waiting for the city's staff (proposed by another, to approve; approved, to grant) are read on every
-- visit to the workbench of a city's staff, for its to-do list. Found through the index of regions alone, the city's
-- every honour was read to keep its few thousand waiting (322,780 read for 3,990 on a province's honours: 248 ms a
-- visit); by region and status, the waiting ones alone are read (20 ms). The index of regions alone is its first
-- column. (On the embedded database the index of regions backs the foreign key to the regions and stays.)
create index honour_region_status_idx on honour (region_code, status);
drop index honour_region_idx;
