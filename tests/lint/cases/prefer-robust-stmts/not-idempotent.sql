-- Outside a transaction, a half-applied migration must be re-runnable.
CREATE TABLE audit (id bigint); -- expect: prefer-robust-stmts
CREATE INDEX CONCURRENTLY audit_id ON audit (id); -- expect: prefer-robust-stmts
ALTER TABLE orders ADD COLUMN note text; -- expect: prefer-robust-stmts
ALTER TABLE orders DROP COLUMN memo; -- expect: prefer-robust-stmts
DROP INDEX CONCURRENTLY orders_old; -- expect: prefer-robust-stmts
DROP TABLE legacy; -- expect: prefer-robust-stmts
