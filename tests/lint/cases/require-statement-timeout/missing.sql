-- lock_timeout bounds the wait; statement_timeout the work once the lock
-- is held. Either rule can be ignored alone.
SET lock_timeout = '2s';
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: require-statement-timeout
