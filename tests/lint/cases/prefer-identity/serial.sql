-- serial columns, in a new table and added to an existing one. The fix turns each into
-- an identity column; prefer-bigint-over-int also reports serial but leaves its word to
-- this rule's fix, so the two never edit the same bytes.
CREATE TABLE accounts (
    id serial PRIMARY KEY, -- expect: prefer-identity, prefer-bigint-over-int
    big_id BIGSERIAL, -- expect: prefer-identity
    small_id smallserial NOT NULL, -- expect: prefer-identity
    n integer -- expect: prefer-bigint-over-int
);
ALTER TABLE users ADD COLUMN legacy_id serial4; -- expect: prefer-identity, prefer-bigint-over-int
