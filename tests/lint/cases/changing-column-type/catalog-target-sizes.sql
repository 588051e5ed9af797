-- tusk-test: catalog target-sizes
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, qty integer)
-- Sizes from the database the migration targets (a production profile,
-- --sizes-from): an empty table there makes the rewrite a note.
ALTER TABLE orders ALTER COLUMN qty TYPE bigint; -- expect: changing-column-type
