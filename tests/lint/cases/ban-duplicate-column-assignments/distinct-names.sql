-- Quoted names keep their case, parts of one composite column are
-- different targets, and aliases make output names distinct: silent.
UPDATE orders SET "Status" = 'paid', status = 'open' WHERE id = 1;
UPDATE orders SET address.street = 'Main', address.city = 'Oslo' WHERE id = 1;
INSERT INTO orders (id, ref) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET ref = excluded.ref;
CREATE VIEW shop.order_refs AS SELECT id, ref, ref AS ref_again, 1 AS one, 2 AS two FROM orders;
CREATE TABLE shop.copy AS SELECT 1 AS a, 2 AS b;
SELECT id, ref FROM orders WHERE id = 1;
-- Shapes whose names PostgreSQL derives otherwise are not guessed at.
SELECT coalesce(ref, ''), greatest(id, 0), nullif(ref, '') INTO shop.names FROM orders;
