ALTER TABLE shop.orders ADD COLUMN n int;
