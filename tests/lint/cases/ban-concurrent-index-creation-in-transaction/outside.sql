-- After COMMIT the concurrent forms run on their own: silent. So is a plain
-- CREATE INDEX inside the transaction (it is valid there).
BEGIN;
CREATE INDEX orders_placed ON orders (placed_at);
COMMIT;
CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);
REINDEX (CONCURRENTLY) INDEX orders_customer;
DROP INDEX CONCURRENTLY orders_ref;
