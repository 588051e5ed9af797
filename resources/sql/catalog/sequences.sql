-- Sequences: type, range and owning column from pg_sequence and pg_depend.
-- The last value needs the sequence opened (pg_sequences would wait on a
-- lock), so the health check reads it per sequence under a lock_timeout.
SELECT s.seqrelid AS oid, format_type(s.seqtypid, NULL) AS type,
       s.seqstart AS start_value, s.seqincrement AS increment,
       s.seqmin AS min_value, s.seqmax AS max_value, s.seqcycle AS cycles,
       d.refobjid AS owned_by_oid, d.refobjsubid AS owned_by_column
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
WHERE ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY s.seqrelid;
