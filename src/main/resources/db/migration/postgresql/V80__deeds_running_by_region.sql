-- The deeds of a county or the city whose decision clock runs are read on every visit to the workbench (twice: its
-- deadlines and its to-do list) and to the deadline list. Found through the index of regions and the index of
-- statuses together (a bitmap of Jinjiang's 52,738 deeds and one of the country's 15,078 running ones), each read
-- took 7 ms on a province's deeds, and the to-do list's 11 ms; held together, the running deeds of a county are read
-- straight from the index (1 ms). The index of regions alone is its first column. (On the embedded database the
-- index of regions backs the foreign key to the regions and stays; its deeds are a city's.)
create index deed_region_status_idx on deed (region_code, status);
drop index deed_region_idx;
