-- Plain VACUUM and ANALYZE take SHARE UPDATE EXCLUSIVE, FULL false turns the
-- rewrite off, and a table this file creates holds up nobody: silent.
VACUUM orders;
VACUUM (ANALYZE, FULL false) orders;
ANALYZE orders;
CREATE TABLE staging (id bigint);
VACUUM FULL staging;
