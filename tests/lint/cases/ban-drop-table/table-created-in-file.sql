-- A table created earlier in this file holds nobody's data; other drops are other rules'.
CREATE TABLE scratch (id bigint);
DROP TABLE scratch;
DROP INDEX CONCURRENTLY orders_ref_idx;
DROP VIEW order_totals;
