-- REINDEX without CONCURRENTLY; the fix adds it after the object kind.
REINDEX INDEX CONCURRENTLY orders_customer; -- expect: require-concurrent-reindex
REINDEX (VERBOSE) TABLE CONCURRENTLY orders; -- expect: require-concurrent-reindex
REINDEX SCHEMA CONCURRENTLY shop; -- expect: require-concurrent-reindex
