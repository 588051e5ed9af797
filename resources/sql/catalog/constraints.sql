-- Table constraints: primary key, foreign key, unique, check, exclusion.
-- Key columns as attnums (the loader names them from the columns it read);
-- for a foreign key the referenced table and columns too. convalidated is
-- false for NOT VALID constraints.
-- Relations another session holds (or waits for) in ACCESS EXCLUSIVE:
-- deparsing their expressions would open them and wait, so those are left
-- NULL here and read when the object is opened.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT k.oid, k.conrelid AS relation_oid, k.conname AS name, k.contype AS kind,
       CASE WHEN k.conrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_constraintdef(k.oid) END AS definition,
       k.convalidated AS validated, k.condeferrable AS deferrable,
       k.conindid AS index_oid,
       array_to_string(k.conkey, ',') AS columns,
       k.confrelid AS referenced_oid,
       array_to_string(k.confkey, ',') AS referenced_columns,
       ds.description AS comment
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = k.oid AND ds.classoid = 'pg_constraint'::regclass
     AND ds.objsubid = 0
WHERE k.contype IN ('p', 'f', 'u', 'c', 'x')
  AND ($2::oid IS NULL OR k.conrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY k.conrelid, k.conname;
