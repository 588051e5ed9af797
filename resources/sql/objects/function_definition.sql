-- CREATE OR REPLACE FUNCTION / PROCEDURE as the server prints it; NULL for
-- an aggregate (pg_get_functiondef refuses those).
SELECT CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition
FROM pg_proc p WHERE p.oid = $1::oid;
