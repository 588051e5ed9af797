-- Three key columns, and more columns carried in INCLUDE: silent.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_narrow ON public.orders (customer_id, status, placed_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_covering ON public.orders (customer_id, status) INCLUDE (placed_at, total, note);
