-- The databases of the server a person may open, for the browser's
-- server node (several databases of one server).
SELECT d.datname AS name, pg_get_userbyid(d.datdba) AS owner,
       has_database_privilege(d.oid, 'CONNECT') AS can_connect
FROM pg_database d
WHERE d.datallowconn AND NOT d.datistemplate
ORDER BY d.datname;
