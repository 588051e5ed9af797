ALTER TABLE orders ADD COLUMN legacy int;
