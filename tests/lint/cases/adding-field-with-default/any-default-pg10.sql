-- tusk-test: pg-version=10
-- Before PostgreSQL 11 any non-null default is written into every row.
ALTER TABLE orders ADD COLUMN status text DEFAULT 'new'; -- expect: adding-field-with-default
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now(); -- expect: adding-field-with-default
-- No default, or NULL, writes nothing.
ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;
ALTER TABLE orders ADD COLUMN comment text;
