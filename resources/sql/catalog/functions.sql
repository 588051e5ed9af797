-- Functions, procedures, aggregates and window functions: signature,
-- result, kind ('f', 'p', 'a', 'w'), volatility ('i', 's', 'v'), language,
-- security definer, comment. Extension members are marked, so the browser
-- can fold them away.
SELECT p.oid, p.pronamespace AS schema_oid, p.proname AS name,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind IN ('f', 'w') THEN pg_get_function_result(p.oid) END AS result,
       p.prokind AS kind, p.provolatile AS volatility, l.lanname AS language,
       p.prosecdef AS security_definer,
       EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
               AND d.objid = p.oid AND d.deptype = 'e') AS from_extension,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE ($1::boolean
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'))
ORDER BY n.nspname, p.proname, 4;
