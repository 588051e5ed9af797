-- What the linter needs from the database, in one round trip (six result
-- sets). Sizes come from pg_class.relpages, never from pg_*_size(): those
-- open the relation and would wait behind the very ACCESS EXCLUSIVE lock a
-- migration might be holding. System schemas are left out.

-- 1. The search path, to find unqualified names as the server would, and
--    the session's TimeZone (timestamp ↔ timestamptz is catalog-only in UTC);
--    one row even when the path is empty.
SELECT s AS schema_name, z.time_zone
FROM (SELECT current_setting('TimeZone') AS time_zone) AS z
LEFT JOIN unnest(current_schemas(false)) AS s ON true;

-- 2. Tables and partitioned tables: row estimate and size (heap, TOAST,
--    indexes).
SELECT n.nspname AS schema_name, c.relname AS table_name,
       c.reltuples::bigint AS row_estimate,
       ((c.relpages
         + COALESCE((SELECT t.relpages FROM pg_class t WHERE t.oid = c.reltoastrelid), 0)
         + COALESCE((SELECT sum(i.relpages) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                     WHERE x.indrelid = c.oid), 0))
        * current_setting('block_size')::bigint) AS total_bytes
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1, 2;

-- 3. Columns with their types as format_type() spells them.
SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS column_type, a.attnotnull AS not_null
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1, 2, a.attnum;

-- 4. CHECK constraints, validated or not. pg_get_constraintdef() opens the
--    table of a CHECK (ACCESS SHARE): on a table another session holds or
--    waits for in ACCESS EXCLUSIVE it would wait behind that lock, so the
--    definition is left NULL there (unknown: the linter then assumes no
--    check proves the column NOT NULL, the cautious verdict).
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid IS DISTINCT FROM pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT n.nspname AS schema_name, c.relname AS table_name, k.conname AS constraint_name,
       CASE WHEN k.conrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_constraintdef(k.oid) END AS definition,
       k.convalidated AS validated
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE k.contype = 'c'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1, 2, 3;

-- 5. Valid indexes and their key columns in order ('' for an expression),
--    separated by chr(31), which no sane column name holds.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       array_to_string(ARRAY(
           SELECT COALESCE(a.attname, '')
           FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY AS k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
           ORDER BY k.ord), chr(31)) AS key_columns,
       x.indisprimary AS is_primary
FROM pg_index x
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE x.indisvalid
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1, 2;

-- 6. Every function's volatility (i, s, v), for column defaults.
SELECT p.proname AS function_name, p.provolatile::text AS volatility
FROM pg_proc p WHERE p.prokind = 'f';
