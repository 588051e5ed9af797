-- Sequences: type, range and owning column from pg_sequence and pg_depend.
-- The last value needs the sequence opened: it is read only for sequences
-- no other session holds or awaits in ACCESS EXCLUSIVE and that this role
-- may read (pg_sequence_last_value raises an error otherwise); NULL for the
-- others and for a sequence never used.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT s.seqrelid AS oid, format_type(s.seqtypid, NULL) AS type,
       s.seqstart AS start_value, s.seqincrement AS increment,
       s.seqmin AS min_value, s.seqmax AS max_value, s.seqcycle AS cycles,
       d.refobjid AS owned_by_oid, d.refobjsubid AS owned_by_column,
       fed.adrelid AS default_of_oid, fed.adnum AS default_of_column,
       CASE WHEN $3::boolean AND s.seqrelid NOT IN (SELECT oid FROM locked)
                 AND has_sequence_privilege(s.seqrelid, 'SELECT,USAGE')
            THEN pg_sequence_last_value(s.seqrelid) END AS last_value
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
-- A column whose DEFAULT calls nextval() on it (serial written by hand).
LEFT JOIN LATERAL (SELECT ad.adrelid, ad.adnum FROM pg_depend dd
                   JOIN pg_attrdef ad ON ad.oid = dd.objid
                   WHERE dd.classid = 'pg_attrdef'::regclass AND dd.refclassid = 'pg_class'::regclass
                     AND dd.refobjid = s.seqrelid
                   ORDER BY ad.adrelid, ad.adnum LIMIT 1) fed ON true
WHERE ($2::oid IS NULL OR s.seqrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY s.seqrelid;
