--! Previous: -
--! Hash: sha1:0123456789abcdef0123456789abcdef01234567

create table app.users (id serial primary key);
