-- A media report says what kind of outlet carried it, and may be about a deed (by its number, as staff know it).
alter table media_report add column medium varchar(20) default 'NEWSPAPER' not null;
alter table media_report add column deed_id bigint;
alter table media_report add column deed_number varchar(30);
alter table media_report add constraint media_report_medium_check
    check (medium in ('NEWSPAPER', 'TV', 'RADIO', 'WEBSITE', 'NEW_MEDIA'));
