-- varchar(n) columns. In a new table the fix keeps the limit as a CHECK; on an existing
-- table (ADD COLUMN, ALTER COLUMN … TYPE) there is no fix, since a CHECK added in the
-- same statement would scan the table. Arrays get no fix either.
CREATE TABLE app_user (
    id bigint PRIMARY KEY,
    email text CHECK (char_length(email) <= 100) NOT NULL, -- expect: prefer-text-field
    "Display Name" text CHECK (char_length("Display Name") <= 40), -- expect: prefer-text-field
    tags varchar(10)[] -- expect: prefer-text-field
);
ALTER TABLE orders ADD COLUMN note varchar(200); -- expect: prefer-text-field
ALTER TABLE orders ALTER COLUMN ref TYPE varchar(64); -- expect: prefer-text-field
