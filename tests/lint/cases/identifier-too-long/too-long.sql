-- Names over 63 bytes are truncated: table, column, index, quoted, multibyte, rename.
CREATE TABLE table_very_long_very_long_very_long_very_long_very_long_very_long ( -- expect: identifier-too-long
    column_very_long_very_long_very_long_very_long_very_long_very_long bigint -- expect: identifier-too-long
);
CREATE INDEX index_very_long_very_long_very_long_very_long_very_long_very_long ON t (c); -- expect: identifier-too-long
ALTER TABLE t ADD CONSTRAINT "Constraint_Very_Long_Very_Long_Very_Long_Very_Long_Very_Long_Very" CHECK (c > 0); -- expect: identifier-too-long
CREATE TABLE "ééééééééééééééééééééééééééééééééé" (id bigint); -- expect: identifier-too-long
ALTER TABLE t RENAME TO renamed_very_long_very_long_very_long_very_long_very_long_very_long; -- expect: identifier-too-long
