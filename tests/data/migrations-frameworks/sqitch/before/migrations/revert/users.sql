-- Revert shop:users from pg

BEGIN;

DROP TABLE shop.users;

COMMIT;
