-- Exactly 63 bytes is kept whole; long strings and comments are not identifiers.
CREATE TABLE table_very_long_very_long_very_long_very_long_very_long_very_lo (
    note text DEFAULT 'a string that is much longer than sixty-three bytes is not a name at all'
);
-- a comment that is much longer than sixty-three bytes is not an identifier either, of course
CREATE INDEX "Index_Quoted_With_""Quotes""_Long_Long_Long_Long_Long_Long_Long_L" ON t (c);
