-- A group (群体) recommended upward for a group title: filed from one member's profile, it stands for
-- all the deed's confirmed actors, named like the group; a group is recommended once per title and deed.
alter table recommendation add column group_name varchar(200);
create index recommendation_deed_title_idx on recommendation (deed_id, title_id);
