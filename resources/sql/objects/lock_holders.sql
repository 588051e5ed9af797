-- Who holds or waits for an ACCESS EXCLUSIVE lock on a relation, or on a
-- relation its view reads (deparsing a view locks those too), and what that
-- session is doing, for the message shown instead of a wait.
SELECT l.pid, l.granted, l.relation::regclass::text AS relation,
       a.usename AS user_name, a.application_name,
       a.state, a.wait_event_type, a.wait_event,
       floor(extract(epoch FROM now() - a.xact_start))::bigint AS transaction_seconds,
       left(regexp_replace(a.query, '\s+', ' ', 'g'), 200) AS query
FROM pg_locks l
LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation'
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.relation IN (SELECT $1::oid
                     UNION
                     SELECT d.refobjid FROM pg_rewrite r
                     JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                          AND d.refclassid = 'pg_class'::regclass
                     WHERE r.ev_class = $1::oid)
  AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_backend_pid()
ORDER BY l.granted DESC, l.pid;
