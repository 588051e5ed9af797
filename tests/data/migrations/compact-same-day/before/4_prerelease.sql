CREATE INDEX CONCURRENTLY orders_a_idx ON shop.orders (a);
