CREATE TABLE shop.orders (id bigint PRIMARY KEY, note text);
