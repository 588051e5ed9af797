-- No semicolon after the last statement: the fix supplies one.
BEGIN; -- expect: ban-uncommitted-transaction
ALTER TABLE orders ADD COLUMN note text