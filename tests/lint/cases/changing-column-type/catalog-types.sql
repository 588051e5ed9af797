-- tusk-test: catalog
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20), qty integer, price numeric(10,2))
-- The catalog gives the old types: widening is catalog-only, int to bigint rewrites.
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders ALTER COLUMN price TYPE numeric(14,2);
ALTER TABLE orders ALTER COLUMN qty TYPE bigint; -- expect: changing-column-type
