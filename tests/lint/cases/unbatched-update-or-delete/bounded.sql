-- Bounded by key, or on a table this file creates: fine.
UPDATE orders SET status = 'new' WHERE id BETWEEN 1 AND 10000;
DELETE FROM order_events WHERE created_at < now() - interval '90 days' AND id < 50000;
CREATE TABLE staging (id bigint, v text);
UPDATE staging SET v = 'x';
