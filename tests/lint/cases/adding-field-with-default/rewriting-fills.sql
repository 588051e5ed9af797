-- tusk-test: pg-version=15
-- Even on PostgreSQL 15, fills computed row by row rewrite the whole table.
ALTER TABLE orders ADD COLUMN ref uuid DEFAULT gen_random_uuid(); -- expect: adding-field-with-default
ALTER TABLE orders ADD COLUMN seq bigserial; -- expect: adding-field-with-default
ALTER TABLE orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY; -- expect: adding-field-with-default
ALTER TABLE orders ADD COLUMN cents bigint GENERATED ALWAYS AS (total * 100) STORED; -- expect: adding-field-with-default
-- A function of unknown volatility may be volatile.
ALTER TABLE orders ADD COLUMN score int DEFAULT compute_score(); -- expect: adding-field-with-default
