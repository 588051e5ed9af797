-- A statement newer than the PostgreSQL 15 grammar (MERGE … RETURNING is
-- PostgreSQL 17) in the middle of a file: it is reported, and every
-- statement after it is still checked.
SET lock_timeout = '2s';
SET statement_timeout = '5min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS a_x ON a (x);
MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING t.*; -- expect: syntax-error
CREATE INDEX IF NOT EXISTS b_y ON b (y); -- expect: require-concurrent-index-creation
