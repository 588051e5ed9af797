-- tusk-test: pg-version=11
-- PostgreSQL 11 has no REINDEX CONCURRENTLY: still flagged, but no fix.
REINDEX TABLE orders; -- expect: require-concurrent-reindex
