-- Schemas with their owner and comment.
SELECT n.oid, n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner,
       obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_namespace n
WHERE $1::boolean
   OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%')
ORDER BY n.nspname;
