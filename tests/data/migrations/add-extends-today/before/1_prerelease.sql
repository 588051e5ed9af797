ALTER TABLE shop.orders ADD COLUMN note text;
