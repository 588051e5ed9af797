-- Tables, partitioned tables, foreign tables, views, materialized views and
-- sequences, with their statistics. Sizes are relpages × block_size: the
-- heap, its TOAST table and its indexes, as of the last VACUUM / ANALYZE
-- (a partitioned table has none of its own). rows_estimate is -1 for a
-- table never analyzed.
-- Relations another session holds (or waits for) in ACCESS EXCLUSIVE:
-- deparsing their expressions would open them and wait, so those are left
-- NULL here and read when the object is opened.
WITH locked AS (
    SELECT l.relation AS oid, string_agg(DISTINCT l.pid::text, ',') AS pids FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    GROUP BY l.relation
)
SELECT c.oid, c.relnamespace AS schema_oid, c.relname AS name, c.relkind AS kind,
       pg_get_userbyid(c.relowner) AS owner,
       obj_description(c.oid, 'pg_class') AS comment,
       c.relispartition AS is_partition,
       (SELECT i.inhparent FROM pg_inherits i WHERE i.inhrelid = c.oid LIMIT 1) AS parent_oid,
       CASE WHEN c.relispartition AND lk.oid IS NULL
            THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       c.relrowsecurity AS row_security,
       c.relpersistence AS persistence,
       array_to_string(c.reloptions, ', ') AS options,
       c.reltuples::bigint AS rows_estimate,
       GREATEST(c.relpages, 0)::bigint * current_setting('block_size')::bigint AS table_bytes,
       GREATEST(COALESCE(t.relpages, 0), 0)::bigint * current_setting('block_size')::bigint AS toast_bytes,
       COALESCE((SELECT sum(GREATEST(ic.relpages, 0)) FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
                 WHERE x.indrelid = c.oid), 0)::bigint
           * current_setting('block_size')::bigint AS index_bytes,
       s.n_live_tup AS live_tuples, s.n_dead_tup AS dead_tuples,
       s.seq_scan, s.idx_scan,
       s.last_vacuum, s.last_autovacuum, s.last_analyze, s.last_autoanalyze,
       s.n_mod_since_analyze AS modified_since_analyze,
       lk.pids AS locked_by
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
LEFT JOIN locked lk ON lk.oid = c.oid
WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
  AND ($2::oid IS NULL OR c.oid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY n.nspname, c.relname;
