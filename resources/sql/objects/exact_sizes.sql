-- Exact sizes of one relation, read from its files now (the snapshot's come
-- from relpages, as of the last VACUUM / ANALYZE). Takes ACCESS SHARE.
SELECT pg_table_size($1::oid) AS table_bytes,
       pg_indexes_size($1::oid) AS index_bytes,
       pg_total_relation_size($1::oid) AS total_bytes;
