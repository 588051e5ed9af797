-- tusk-test: catalog
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)
-- setup: CREATE FUNCTION default_region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$
-- setup: CREATE FUNCTION next_code() RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT 1 $$
-- The catalog knows each function's volatility: stable is stored once, volatile rewrites.
ALTER TABLE orders ADD COLUMN region text DEFAULT default_region();
ALTER TABLE orders ADD COLUMN code int DEFAULT next_code(); -- expect: adding-field-with-default
