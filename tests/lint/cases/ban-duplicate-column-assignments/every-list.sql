-- Each of these parses and fails when it runs (42701): one finding per
-- repeated occurrence, on the repeat.
UPDATE orders SET status = 'paid', note = 'x', status = 'open' WHERE id = 1; -- expect: ban-duplicate-column-assignments
UPDATE orders SET (status, note) = ('paid', 'x'), "status" = 'open' WHERE id = 1; -- expect: ban-duplicate-column-assignments
INSERT INTO orders (id, ref, ID) VALUES (1, 'a', 2); -- expect: ban-duplicate-column-assignments
INSERT INTO orders (id, ref) VALUES (1, 'a')
    ON CONFLICT (id) DO UPDATE SET ref = excluded.ref, ref = 'b'; -- expect: ban-duplicate-column-assignments
MERGE INTO orders o USING incoming i ON o.id = i.id
    WHEN MATCHED THEN UPDATE SET ref = i.ref, ref = 'x' -- expect: ban-duplicate-column-assignments
    WHEN NOT MATCHED THEN INSERT (id, id) VALUES (i.id, i.id); -- expect: ban-duplicate-column-assignments
CREATE TABLE shop.notes (id bigint, body text, Body text); -- expect: ban-duplicate-column-assignments
CREATE VIEW shop.order_refs AS SELECT id, ref, ref FROM orders; -- expect: ban-duplicate-column-assignments
CREATE VIEW shop.order_pairs (a, a) AS SELECT id, ref FROM orders; -- expect: ban-duplicate-column-assignments
CREATE TABLE shop.copy AS SELECT 1, 2; -- expect: ban-duplicate-column-assignments
SELECT id, o.id INTO shop.snapshot FROM orders o; -- expect: ban-duplicate-column-assignments
WITH moved AS (UPDATE orders SET ref = 'a', ref = 'b' RETURNING id) SELECT count(*) FROM moved; -- expect: ban-duplicate-column-assignments
SELECT ref[1], ref INTO shop.refs FROM orders; -- expect: ban-duplicate-column-assignments
