-- Released on 2026-10-01 (files in a folder whose name ends in
-- "released" are never changed again; Tusk opens them read-only).
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON shop.orders (placed_at);
