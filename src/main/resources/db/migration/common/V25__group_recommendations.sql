-- A group (群体) recommended upward for a group title: filed from one member's profile, it stands for
-- all the deed's confirmed actors, named like the group; a group is recommended once per title and deed.
alter table recommendation add column group_name varchar(200);
-- the deed of a group recommendation (null for a person's): one group recommendation per deed and title
alter table recommendation add column group_deed_id bigint references deed (id);
alter table recommendation add constraint recommendation_group_once unique (group_deed_id, title_id);
