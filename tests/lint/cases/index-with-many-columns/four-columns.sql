-- tusk-test: pg-version=15
-- Four key columns: only the leading ones help queries.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_wide ON public.orders (customer_id, status, placed_at, total); -- expect: index-with-many-columns
