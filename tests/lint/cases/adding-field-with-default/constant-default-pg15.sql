-- tusk-test: pg-version=15
-- From PostgreSQL 11 a constant or stable default is stored once in the catalog: no rewrite.
ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN code text DEFAULT lower('ABC');
ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;
