-- Outside a transaction, a half-applied migration must be re-runnable.
CREATE TABLE IF NOT EXISTS audit (id bigint); -- expect: prefer-robust-stmts
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_id ON audit (id); -- expect: prefer-robust-stmts
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text; -- expect: prefer-robust-stmts
ALTER TABLE orders DROP COLUMN IF EXISTS memo; -- expect: prefer-robust-stmts
DROP INDEX CONCURRENTLY IF EXISTS orders_old; -- expect: prefer-robust-stmts
DROP TABLE IF EXISTS legacy; -- expect: prefer-robust-stmts
