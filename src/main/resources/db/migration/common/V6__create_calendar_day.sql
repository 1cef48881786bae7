-- Public holidays and the weekend days worked in exchange (调休), as the State Council announces them
-- each year. Deadlines counted in working days skip holidays; a calendar-day deadline that ends on a
-- day off moves to the next working day. Later years are added by migration or by an administrator.

create table calendar_day (
    calendar_date date        primary key,
    kind varchar(10) not null,
    name varchar(40) not null,
    constraint calendar_day_kind_check check (kind in ('HOLIDAY', 'WORKDAY'))
);

insert into calendar_day (calendar_date, kind, name) values
    ('2024-01-01', 'HOLIDAY', '元旦'),
    ('2024-02-04', 'WORKDAY', '春节调休'),
    ('2024-02-10', 'HOLIDAY', '春节'), ('2024-02-11', 'HOLIDAY', '春节'), ('2024-02-12', 'HOLIDAY', '春节'),
    ('2024-02-13', 'HOLIDAY', '春节'), ('2024-02-14', 'HOLIDAY', '春节'), ('2024-02-15', 'HOLIDAY', '春节'),
    ('2024-02-16', 'HOLIDAY', '春节'), ('2024-02-17', 'HOLIDAY', '春节'),
    ('2024-02-18', 'WORKDAY', '春节调休'),
    ('2024-04-04', 'HOLIDAY', '清明节'), ('2024-04-05', 'HOLIDAY', '清明节'), ('2024-04-06', 'HOLIDAY', '清明节'),
    ('2024-04-07', 'WORKDAY', '清明节调休'),
    ('2024-04-28', 'WORKDAY', '劳动节调休'),
    ('2024-05-01', 'HOLIDAY', '劳动节'), ('2024-05-02', 'HOLIDAY', '劳动节'), ('2024-05-03', 'HOLIDAY', '劳动节'),
    ('2024-05-04', 'HOLIDAY', '劳动节'), ('2024-05-05', 'HOLIDAY', '劳动节'),
    ('2024-05-11', 'WORKDAY', '劳动节调休'),
    ('2024-06-10', 'HOLIDAY', '端午节'),
    ('2024-09-14', 'WORKDAY', '中秋节调休'),
    ('2024-09-15', 'HOLIDAY', '中秋节'), ('2024-09-16', 'HOLIDAY', '中秋节'), ('2024-09-17', 'HOLIDAY', '中秋节'),
    ('2024-09-29', 'WORKDAY', '国庆节调休'),
    ('2024-10-01', 'HOLIDAY', '国庆节'), ('2024-10-02', 'HOLIDAY', '国庆节'), ('2024-10-03', 'HOLIDAY', '国庆节'),
    ('2024-10-04', 'HOLIDAY', '国庆节'), ('2024-10-05', 'HOLIDAY', '国庆节'), ('2024-10-06', 'HOLIDAY', '国庆节'),
    ('2024-10-07', 'HOLIDAY', '国庆节'),
    ('2024-10-12', 'WORKDAY', '国庆节调休'),
    ('2025-01-01', 'HOLIDAY', '元旦'),
    ('2025-01-26', 'WORKDAY', '春节调休'),
    ('2025-01-28', 'HOLIDAY', '春节'), ('2025-01-29', 'HOLIDAY', '春节'), ('2025-01-30', 'HOLIDAY', '春节'),
    ('2025-01-31', 'HOLIDAY', '春节'), ('2025-02-01', 'HOLIDAY', '春节'), ('2025-02-02', 'HOLIDAY', '春节'),
    ('2025-02-03', 'HOLIDAY', '春节'), ('2025-02-04', 'HOLIDAY', '春节'),
    ('2025-02-08', 'WORKDAY', '春节调休'),
    ('2025-04-04', 'HOLIDAY', '清明节'), ('2025-04-05', 'HOLIDAY', '清明节'), ('2025-04-06', 'HOLIDAY', '清明节'),
    ('2025-04-27', 'WORKDAY', '劳动节调休'),
    ('2025-05-01', 'HOLIDAY', '劳动节'), ('2025-05-02', 'HOLIDAY', '劳动节'), ('2025-05-03', 'HOLIDAY', '劳动节'),
    ('2025-05-04', 'HOLIDAY', '劳动节'), ('2025-05-05', 'HOLIDAY', '劳动节'),
    ('2025-05-31', 'HOLIDAY', '端午节'), ('2025-06-01', 'HOLIDAY', '端午节'), ('2025-06-02', 'HOLIDAY', '端午节'),
    ('2025-09-28', 'WORKDAY', '国庆节调休'),
    ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-11', 'WORKDAY', '国庆节调休');
