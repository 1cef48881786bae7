-- The investigator a deed's investigation is given to, as a user (the login name); without one, every
-- investigator of the assigned organization may take it up.
alter table deed add column investigator_username varchar(60);
