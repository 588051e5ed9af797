-- Dropping a column of an existing table loses its data and breaks clients.
ALTER TABLE users DROP COLUMN legacy_flag; -- expect: ban-drop-column
ALTER TABLE users -- expect: ban-drop-column, ban-drop-column
    DROP COLUMN IF EXISTS a,
    DROP COLUMN b CASCADE;
