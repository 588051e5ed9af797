-- Every CONCURRENTLY form fails inside BEGIN … COMMIT.
BEGIN;
CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id); -- expect: ban-concurrent-index-creation-in-transaction
DROP INDEX CONCURRENTLY orders_ref; -- expect: ban-concurrent-index-creation-in-transaction
REINDEX INDEX CONCURRENTLY orders_total; -- expect: ban-concurrent-index-creation-in-transaction
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY; -- expect: ban-concurrent-index-creation-in-transaction
COMMIT;
