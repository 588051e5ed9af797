-- User-defined types: enums (labels in sort order), domains (base type,
-- NOT NULL, default, checks) and composite types (standalone ones: a
-- table's row type is the table). Array types and extension members left out.
SELECT t.oid, t.typnamespace AS schema_oid, t.typname AS name, t.typtype AS kind,
       CASE WHEN t.typtype = 'e' THEN
           array_to_string(ARRAY(SELECT e.enumlabel FROM pg_enum e
                                 WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), chr(31))
       END AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       t.typnotnull AS not_null, t.typdefault AS default_value,
       CASE WHEN t.typtype = 'd' THEN
           array_to_string(ARRAY(SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k
                                 WHERE k.contypid = t.oid ORDER BY k.conname), chr(31))
       END AS checks,
       CASE WHEN t.typtype = 'c' THEN t.typrelid END AS relation_oid,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_class c ON c.oid = t.typrelid
WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND c.relkind = 'c'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                  AND d.objid = t.oid AND d.deptype = 'e')
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY n.nspname, t.typname;
