-- Deploy shop:users to pg
-- requires: schema

BEGIN;

CREATE TABLE shop.users (id bigint PRIMARY KEY, email text);

COMMIT;
