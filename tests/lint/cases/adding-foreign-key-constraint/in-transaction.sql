-- Inside BEGIN … COMMIT a VALIDATE after it would share the transaction: no fix.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: adding-foreign-key-constraint
COMMIT;
