-- Revert shop:schema from pg

BEGIN;

DROP SCHEMA shop;

COMMIT;
