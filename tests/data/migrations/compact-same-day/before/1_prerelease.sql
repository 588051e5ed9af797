ALTER TABLE shop.orders ADD COLUMN a text;
