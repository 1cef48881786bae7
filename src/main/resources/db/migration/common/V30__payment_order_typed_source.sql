-- A payment order names the record that asked for it by type, not by a string to parse: the asking
-- module (column source, as before), the kind of record, its id and, where one record pays several
-- people, the line. source_ref stays as people read it ("reward-12", "campaign-3-41"), written from
-- these columns, and keeps an order from being made twice (constraint payment_order_source_once).
alter table payment_order add column source_kind varchar(40);
alter table payment_order add column source_record_id bigint;
alter table payment_order add column source_line_id bigint;

-- the orders made before: the references the asking modules wrote then (digits only after the prefix)
update payment_order
   set source_kind = 'reward', source_record_id = cast(substring(source_ref from 8) as bigint)
 where source = 'HONOURS' and source_ref like 'reward-%'
   and char_length(source_ref) between 8 and 25 and translate(substring(source_ref from 8), '0123456789', '0000000000') = repeat('0', char_length(source_ref) - 7);

update payment_order
   set source_kind = 'assistance', source_record_id = cast(substring(source_ref from 12) as bigint)
 where source = 'CARE' and source_ref like 'assistance-%'
   and char_length(source_ref) between 12 and 29 and translate(substring(source_ref from 12), '0123456789', '0000000000') = repeat('0', char_length(source_ref) - 11);

update payment_order
   set source_kind = 'student-aid', source_record_id = cast(substring(source_ref from 13) as bigint)
 where source = 'CARE' and source_ref like 'student-aid-%'
   and char_length(source_ref) between 13 and 30 and translate(substring(source_ref from 13), '0123456789', '0000000000') = repeat('0', char_length(source_ref) - 12);

-- campaign-<campaign id>-<line id>
update payment_order
   set source_kind = 'campaign',
       source_record_id = cast(substring(source_ref from 10 for position('-' in substring(source_ref from 10)) - 1)
                               as bigint),
       source_line_id = cast(substring(source_ref from 10 + position('-' in substring(source_ref from 10)))
                             as bigint)
 where source = 'CARE' and source_ref like 'campaign-%-%' and source_ref not like 'campaign-%-%-%'
   and source_ref not like 'campaign--%' and source_ref not like 'campaign-%-'
   and char_length(source_ref) <= 46 and translate(substring(source_ref from 10), '0123456789-', '00000000000') = repeat('0', char_length(source_ref) - 9);

-- the funds no longer list the modules that may ask them to pay
alter table payment_order drop constraint payment_order_source_check;
