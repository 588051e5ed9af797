-- REINDEX without CONCURRENTLY; the fix adds it after the object kind.
REINDEX INDEX orders_customer; -- expect: require-concurrent-reindex
REINDEX (VERBOSE) TABLE orders; -- expect: require-concurrent-reindex
REINDEX SCHEMA shop; -- expect: require-concurrent-reindex
