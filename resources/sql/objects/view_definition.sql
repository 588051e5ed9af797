-- The SELECT behind a view or materialized view, pretty-printed.
SELECT pg_get_viewdef($1::oid, true) AS definition;
