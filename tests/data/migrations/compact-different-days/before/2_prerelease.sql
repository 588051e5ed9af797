ALTER TABLE shop.orders ADD COLUMN b text;
