-- tusk-test: in-transaction
-- Inside a transaction CONCURRENTLY cannot run: flagged without a fix.
REINDEX INDEX orders_customer; -- expect: require-concurrent-reindex
