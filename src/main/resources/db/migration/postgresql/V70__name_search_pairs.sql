-- A name of two characters (王芳: a quarter of the registry's names are two characters long) makes no trigram, so a
-- search for it read every person of the caller's scope. Each name and number is also indexed by the pairs of
-- characters it holds: a search of two characters finds its rows by the pair, then checks them with LIKE.
create function yiyong_pairs(text) returns text[] language sql immutable strict parallel safe as
$$ select array(select distinct substr($1, i, 2) from generate_series(1, char_length($1) - 1) i) $$;

create index samaritan_name_pairs_idx on samaritan using gin (yiyong_pairs(lower(name)));
create index samaritan_number_pairs_idx on samaritan using gin (yiyong_pairs(lower(number)));
