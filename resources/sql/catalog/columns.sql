-- Columns of tables, views, materialized views, foreign tables and the
-- attributes of composite types, in
-- attnum order: type as format_type() spells it, default, nullability,
-- identity ('a' always, 'd' by default), generated ('s' stored), collation
-- when not the type's default, comment.
-- Relations another session holds (or waits for) in ACCESS EXCLUSIVE:
-- deparsing their expressions would open them and wait, so those are left
-- NULL here and read when the object is opened.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT a.attrelid AS relation_oid, a.attnum AS position, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type,
       a.atttypid AS type_oid,
       CASE WHEN $3::boolean AND a.attrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_expr(d.adbin, d.adrelid) END AS default_value,
       a.atthasdef AS has_default,
       a.attnotnull AS not_null,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       ds.description AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass
     AND ds.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND ($2::oid IS NULL OR a.attrelid = $2)
  AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY a.attrelid, a.attnum;
