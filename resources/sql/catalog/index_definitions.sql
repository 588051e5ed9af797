-- Index definitions deparsed (pg_get_indexdef), for a snapshot read
-- quickly first (indexes.sql without definitions): read afterwards in the same
-- transaction. Indexes of relations another session holds (or waits for)
-- in ACCESS EXCLUSIVE are left out: deparsing would wait behind the lock.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT x.indexrelid AS oid, pg_get_indexdef(x.indexrelid) AS definition
FROM pg_index x
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE x.indrelid NOT IN (SELECT oid FROM locked)
  AND ($2::oid IS NULL OR x.indrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY x.indexrelid;
