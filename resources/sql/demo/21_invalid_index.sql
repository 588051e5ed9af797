-- tusk:expect-error 23505
-- Tusk demo database: an INVALID index.
-- Someone tried to make phone numbers unique, but customers i and i + 19000
-- share a number.  CREATE INDEX CONCURRENTLY fails with unique_violation
-- (23505) and leaves shop.customers_phone_key behind with indisvalid = false.
-- This file must contain exactly this one statement (CONCURRENTLY cannot run
-- inside a transaction block).
CREATE UNIQUE INDEX CONCURRENTLY customers_phone_key ON shop.customers (phone);
