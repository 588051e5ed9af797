-- Tusk demo database: the nightly stock sync rewrote every inventory row
-- twice.  Autovacuum is disabled on shop.inventory, so 16,000 dead row
-- versions stay behind next to the 8,000 live rows (n_dead_tup = 16000 in
-- pg_stat_user_tables), which a vacuum health check flags.  The updates are
-- not HOT (the pages are full), so even after a later read prunes the pages
-- the dead versions remain as LP_DEAD line pointers until VACUUM.
UPDATE shop.inventory
SET quantity_on_hand = quantity_on_hand + 12,
    last_counted_at = timestamptz '2024-12-31 02:00:00+00';

UPDATE shop.inventory
SET reserved_quantity = least(quantity_on_hand, reserved_quantity + 1),
    last_counted_at = timestamptz '2024-12-31 02:05:00+00';
