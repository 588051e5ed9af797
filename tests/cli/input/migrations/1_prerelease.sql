CREATE INDEX CONCURRENTLY orders_ref_idx ON shop.orders (ref);
