-- Row-level security policies: command, permissive or restrictive, roles
-- (as SQL: each name quoted as needed, a role may be named "a, b; --"),
-- USING and WITH CHECK expressions.
-- Relations another session holds (or waits for) in ACCESS EXCLUSIVE:
-- deparsing their expressions would open them and wait, so those are left
-- NULL here and read when the object is opened.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT p.oid, p.polrelid AS relation_oid, p.polname AS name, p.polcmd AS command,
       p.polpermissive AS permissive,
       array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public'
                                         ELSE quote_ident(pg_get_userbyid(r)) END
                             FROM unnest(p.polroles) AS r), ', ') AS roles,
       CASE WHEN p.polrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_expr(p.polqual, p.polrelid) END AS using_expression,
       CASE WHEN p.polrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_expr(p.polwithcheck, p.polrelid) END AS check_expression
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ($2::oid IS NULL OR p.polrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY p.polrelid, p.polname;
