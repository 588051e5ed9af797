-- tusk-test: in-transaction
-- squawk-disable-assume-in-transaction
-- The tool runs this file outside a transaction after all (squawk's
-- directive): its own BEGIN … COMMIT is fine, nothing is nested.
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
