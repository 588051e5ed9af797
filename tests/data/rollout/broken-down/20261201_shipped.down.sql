ALTER TABLE shop.orders DROP COLUMN shipped_at;
