-- Column defaults deparsed, for a snapshot read quickly first (columns.sql
-- without definitions): read afterwards in the same transaction, so they belong
-- to the same columns. Relations another session holds (or waits for) in
-- ACCESS EXCLUSIVE are left out: deparsing opens the relation and would
-- wait behind the lock.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT d.adrelid AS relation_oid, d.adnum AS position,
       pg_get_expr(d.adbin, d.adrelid) AS default_value
FROM pg_attrdef d
JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
JOIN pg_class c ON c.oid = d.adrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND d.adrelid NOT IN (SELECT oid FROM locked)
  AND ($2::oid IS NULL OR d.adrelid = $2)
  AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY d.adrelid, d.adnum;
