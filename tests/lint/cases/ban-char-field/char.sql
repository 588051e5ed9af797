-- character(n) in its spellings. In a new table the fix is text with the limit kept as
-- a CHECK (a bare char is character(1)); elsewhere there is no fix.
CREATE TABLE app_user (
    country char(2) NOT NULL, -- expect: ban-char-field
    code CHARACTER(10), -- expect: ban-char-field
    flag char, -- expect: ban-char-field
    initials nchar(3) -- expect: ban-char-field
);
ALTER TABLE orders ADD COLUMN currency character(3); -- expect: ban-char-field
ALTER TABLE orders ALTER COLUMN status TYPE char(1); -- expect: ban-char-field
