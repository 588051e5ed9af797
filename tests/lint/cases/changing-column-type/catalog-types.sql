-- tusk-test: catalog
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20), qty integer, price numeric(10,2))
-- The catalog gives the old types: widening is catalog-only (a note), int to bigint rewrites.
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN note TYPE text; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN price TYPE numeric(14,2); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN qty TYPE bigint; -- expect: changing-column-type
