-- Dropping a database from a migration.
DROP DATABASE legacy; -- expect: ban-drop-database
DROP DATABASE IF EXISTS scratch WITH (FORCE); -- expect: ban-drop-database
