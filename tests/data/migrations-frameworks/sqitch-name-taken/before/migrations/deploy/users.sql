CREATE TABLE shop.users (id bigint PRIMARY KEY);
