-- A hand-written migration and its down script (golang-migrate's layout).
-- The down script forgets the index: `tusk rollout dry-run` must name it.
ALTER TABLE shop.orders ADD COLUMN shipped_at timestamptz;
CREATE INDEX orders_note_idx ON shop.orders (note);
