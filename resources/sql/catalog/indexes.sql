-- Indexes: definition, unique / primary, partial, valid, key columns as
-- attnums (0 for an expression), size from relpages, scans from the
-- statistics collector.
-- Relations another session holds (or waits for) in ACCESS EXCLUSIVE:
-- deparsing their expressions would open them and wait, so those are left
-- NULL here and read when the object is opened.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT x.indexrelid AS oid, x.indrelid AS relation_oid, i.relname AS name,
       CASE WHEN $3::boolean AND x.indrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_indexdef(x.indexrelid) END AS definition,
       -- Equal for two indexes that index the same thing the same way (the
       -- definition without the name), without deparsing either.
       md5(concat_ws('|', i.relam, x.indisunique, x.indnkeyatts, x.indkey, x.indclass,
                     x.indcollation, x.indoption, x.indexprs, x.indpred)) AS shape,
       am.amname AS method,
       x.indisunique AS is_unique, x.indisprimary AS is_primary,
       x.indpred IS NOT NULL AS is_partial,
       x.indisvalid AS is_valid, x.indisready AS is_ready,
       array_to_string(x.indkey[0:x.indnkeyatts - 1], ',') AS key_columns,
       i.relpages::bigint * current_setting('block_size')::bigint AS bytes,
       s.idx_scan AS scans,
       ds.description AS comment
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_am am ON am.oid = i.relam
LEFT JOIN pg_stat_all_indexes s ON s.indexrelid = x.indexrelid
LEFT JOIN pg_description ds ON ds.objoid = x.indexrelid AND ds.classoid = 'pg_class'::regclass
     AND ds.objsubid = 0
WHERE ($2::oid IS NULL OR x.indrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY x.indrelid, i.relname;
