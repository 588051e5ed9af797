-- tusk-test: in-transaction
-- The migration tool wraps the file in a transaction, so this fails too.
CREATE UNIQUE INDEX CONCURRENTLY orders_ref ON orders (ref); -- expect: ban-concurrent-index-creation-in-transaction
