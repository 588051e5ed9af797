-- What depends on a relation, as the server describes it: views (through
-- their rewrite rule), materialized views, sequences owned by it, triggers
-- and policies. Its own constraints, defaults and indexes are left out
-- (the browser shows those, and foreign keys pointing here, from the
-- snapshot). pg_describe_object() reads catalogs
-- only, so this never waits on a lock.
SELECT DISTINCT
       COALESCE((SELECT CASE c.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END
                        || r.ev_class::regclass::text
                 FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
                 WHERE d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
                   AND r.ev_class <> $1::oid),
                pg_describe_object(d.classid, d.objid, 0)) AS object,
       CASE d.deptype WHEN 'n' THEN 'normal' WHEN 'a' THEN 'automatic'
                      WHEN 'i' THEN 'internal' ELSE d.deptype::text END AS dependency
FROM pg_depend d
WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = $1::oid
  AND d.deptype IN ('n', 'a')
  AND NOT (d.classid = 'pg_rewrite'::regclass
           AND EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.oid = d.objid AND r.ev_class = $1::oid))
  AND d.classid NOT IN ('pg_type'::regclass, 'pg_constraint'::regclass, 'pg_attrdef'::regclass)
  AND NOT (d.classid = 'pg_class'::regclass
           AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND c.relkind IN ('i', 'I')))
ORDER BY 1;
