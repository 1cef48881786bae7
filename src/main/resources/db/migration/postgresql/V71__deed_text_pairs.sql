-- Two characters (a name such as 王芳, a place such as 安海) make no trigram, so a search of deeds for them read
-- every deed of the caller's scope and every actor's name in the country. Titles, addresses and actors' names are
-- also indexed by their pairs of characters (yiyong_pairs, V70): a rare pair finds its deeds through them.
create index deed_title_pairs_idx on deed using gin (yiyong_pairs(lower(title)));
create index deed_address_pairs_idx on deed using gin (yiyong_pairs(lower(address)));
create index deed_participant_name_pairs_idx on deed_participant using gin (yiyong_pairs(lower(name)));
