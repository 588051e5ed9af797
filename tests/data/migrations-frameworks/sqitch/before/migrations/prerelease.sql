CREATE TABLE shop.orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES shop.users);
ALTER TABLE shop.users ALTER COLUMN email SET NOT NULL;
DELETE FROM shop.users WHERE email IS NULL;
