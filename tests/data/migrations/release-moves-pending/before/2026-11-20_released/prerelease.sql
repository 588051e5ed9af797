CREATE TABLE shop.orders (id bigint PRIMARY KEY);
