-- One statement over every row of an existing table.
UPDATE orders SET status = 'new'; -- expect: unbatched-update-or-delete
DELETE FROM order_events; -- expect: unbatched-update-or-delete
-- The backfill shape matches every row right after ADD COLUMN.
UPDATE orders SET region = 'eu' WHERE region IS NULL; -- expect: unbatched-update-or-delete
