ALTER TABLE shop.orders ADD COLUMN status text;
