-- The journal's postings summed per fund, account and day, written with every entry in its transaction: a fund's
-- balance on a day, its lowest balance from a day on and the financial statements' sums read these few rows
-- instead of every posting of the fund (177,000 bank postings for a county's fund on the national dataset).
-- Entries are never changed or removed (a correction is a reversing entry), so the totals only grow.
create table fund_day_total (
    fund_id    bigint        not null references fund (id),
    account    varchar(30)   not null,
    entry_date date          not null,
    debit      numeric(16,2) not null,
    credit     numeric(16,2) not null,
    primary key (fund_id, account, entry_date)
);

insert into fund_day_total (fund_id, account, entry_date, debit, credit)
select p.fund_id, p.account, e.entry_date, sum(p.debit), sum(p.credit)
from posting p join journal_entry e on e.id = p.entry_id
group by p.fund_id, p.account, e.entry_date;
