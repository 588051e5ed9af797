ALTER TABLE shop.orders RENAME COLUMN note TO remark;
ALTER TABLE shop.orders ALTER COLUMN total TYPE numeric(14,2);
UPDATE shop.orders SET remark = trim(remark);
