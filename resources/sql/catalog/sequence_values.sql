-- Sequences' last values, for a snapshot read quickly first (sequences.sql
-- without definitions): read afterwards in the same transaction. Reading one
-- opens the sequence, so sequences another session holds (or waits for)
-- in ACCESS EXCLUSIVE are left out, and so are those this role may not
-- read (pg_sequence_last_value raises an error for them). NULL: never used.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT s.seqrelid AS oid, pg_sequence_last_value(s.seqrelid) AS last_value
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE s.seqrelid NOT IN (SELECT oid FROM locked)
  AND has_sequence_privilege(s.seqrelid, 'SELECT,USAGE')
  AND ($2::oid IS NULL OR s.seqrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY s.seqrelid;
