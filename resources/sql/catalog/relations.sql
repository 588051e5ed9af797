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
       ds.description AS comment,
       c.relispartition AS is_partition,
       inh.parent_oid,
       CASE WHEN c.relispartition AND lk.oid IS NULL
            THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       c.relrowsecurity AS row_security,
       c.relpersistence AS persistence,
       array_to_string(c.reloptions, ', ') AS options,
       c.reltuples::bigint AS rows_estimate,
       GREATEST(c.relpages, 0)::bigint * current_setting('block_size')::bigint AS table_bytes,
       GREATEST(COALESCE(t.relpages, 0), 0)::bigint * current_setting('block_size')::bigint AS toast_bytes,
       COALESCE(ix.pages, 0)::bigint
           * current_setting('block_size')::bigint AS index_bytes,
       -- The statistics functions directly (what pg_stat_all_tables
       -- calls), only for relations that have statistics: the view would
       -- compute them for every TOAST table too.
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_stat_get_live_tuples(c.oid) END AS live_tuples,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_stat_get_dead_tuples(c.oid) END AS dead_tuples,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_stat_get_numscans(c.oid) END AS seq_scan,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN
           (SELECT sum(pg_stat_get_numscans(x.indexrelid)) FROM pg_index x WHERE x.indrelid = c.oid)::bigint
       END AS idx_scan,
       -- Times as milliseconds since 1970 (UTC): no DateStyle to parse.
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN
           (extract(epoch FROM pg_stat_get_last_vacuum_time(c.oid)) * 1000)::bigint END AS last_vacuum_ms,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN
           (extract(epoch FROM pg_stat_get_last_autovacuum_time(c.oid)) * 1000)::bigint END AS last_autovacuum_ms,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN
           (extract(epoch FROM pg_stat_get_last_analyze_time(c.oid)) * 1000)::bigint END AS last_analyze_ms,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN
           (extract(epoch FROM pg_stat_get_last_autoanalyze_time(c.oid)) * 1000)::bigint END AS last_autoanalyze_ms,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_stat_get_mod_since_analyze(c.oid) END AS modified_since_analyze,
       lk.pids AS locked_by
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN locked lk ON lk.oid = c.oid
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass
     AND ds.objsubid = 0
-- One parent (a partition has exactly one; for plain inheritance the first).
LEFT JOIN (SELECT inhrelid, min(inhparent) AS parent_oid FROM pg_inherits GROUP BY inhrelid) inh
     ON inh.inhrelid = c.oid
LEFT JOIN (SELECT x.indrelid, sum(GREATEST(ic.relpages, 0)) AS pages
           FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid GROUP BY x.indrelid) ix
     ON ix.indrelid = c.oid
WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
  AND ($2::oid IS NULL OR c.oid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY n.nspname, c.relname;
