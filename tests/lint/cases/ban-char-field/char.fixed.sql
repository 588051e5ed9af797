-- character(n) in its spellings. In a new table the fix is text with the limit kept as
-- a CHECK (a bare char is character(1)); elsewhere there is no fix.
CREATE TABLE app_user (
    country text CHECK (char_length(country) <= 2) NOT NULL, -- expect: ban-char-field
    code text CHECK (char_length(code) <= 10), -- expect: ban-char-field
    flag text CHECK (char_length(flag) <= 1), -- expect: ban-char-field
    initials text CHECK (char_length(initials) <= 3) -- expect: ban-char-field
);
ALTER TABLE orders ADD COLUMN currency character(3); -- expect: ban-char-field
ALTER TABLE orders ALTER COLUMN status TYPE char(1); -- expect: ban-char-field
