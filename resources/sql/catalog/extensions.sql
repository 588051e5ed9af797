-- Installed extensions with their version, schema and the newest version
-- available on the server. No parameter: extensions belong to the
-- database, not to a schema.
SELECT e.oid, e.extname AS name, e.extversion AS version, e.extnamespace AS schema_oid,
       a.default_version AS available_version,
       obj_description(e.oid, 'pg_extension') AS comment
FROM pg_extension e
LEFT JOIN pg_available_extensions a ON a.name = e.extname
ORDER BY e.extname;
