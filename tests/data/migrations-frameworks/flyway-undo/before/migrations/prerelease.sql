ALTER TABLE shop.orders RENAME COLUMN note TO remark;
UPDATE shop.orders SET remark = '-' WHERE remark IS NULL;
