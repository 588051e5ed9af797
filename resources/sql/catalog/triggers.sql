-- User triggers (not the ones that implement foreign keys): definition as
-- the server prints it, enabled state ('O' origin, 'D' disabled, 'R'
-- replica, 'A' always), the function it calls.
-- Relations another session holds (or waits for) in ACCESS EXCLUSIVE:
-- deparsing their expressions would open them and wait, so those are left
-- NULL here and read when the object is opened.
WITH locked AS (
    SELECT DISTINCT l.relation AS oid FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.pid <> pg_backend_pid()
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT g.oid, g.tgrelid AS relation_oid, g.tgname AS name,
       CASE WHEN g.tgrelid NOT IN (SELECT oid FROM locked)
            THEN pg_get_triggerdef(g.oid) END AS definition, g.tgenabled AS enabled,
       g.tgfoid AS function_oid,
       obj_description(g.oid, 'pg_trigger') AS comment
FROM pg_trigger g
JOIN pg_class c ON c.oid = g.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT g.tgisinternal
  AND ($2::oid IS NULL OR g.tgrelid = $2)
  AND ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY g.tgrelid, g.tgname;
