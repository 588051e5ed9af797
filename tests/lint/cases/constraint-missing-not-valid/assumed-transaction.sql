-- tusk-test: in-transaction
-- The whole file is one transaction: no fix (VALIDATE would share it), and
-- the NOT VALID + VALIDATE pair below still holds the lock through the scan.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0); -- expect: constraint-missing-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_tax_positive CHECK (tax >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_tax_positive; -- expect: constraint-missing-not-valid
