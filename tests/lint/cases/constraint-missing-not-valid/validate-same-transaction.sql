-- VALIDATE in the transaction that added the constraint NOT VALID: the ADD's
-- ACCESS EXCLUSIVE lock is held through the validating scan.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: constraint-missing-not-valid
COMMIT;
