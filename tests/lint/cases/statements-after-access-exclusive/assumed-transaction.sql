-- tusk-test: in-transaction
ALTER TABLE orders RENAME COLUMN memo TO note;
ALTER TABLE orders ADD COLUMN extra int; -- expect: statements-after-access-exclusive
