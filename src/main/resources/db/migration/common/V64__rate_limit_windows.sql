-- The public forms' and the sign-in's limits per client address, counted in the database so that every
-- application node behind the load balancer counts the same window: one row per limiter and key, its
-- window's end and the hits counted in it (at most the limit + 1).
create table rate_limit_window (
    limiter    varchar(40)              not null,
    client_key varchar(200)             not null,
    window_end timestamp with time zone not null,
    hits       integer                  not null,
    primary key (limiter, client_key)
);

create index rate_limit_window_end_idx on rate_limit_window (window_end);
