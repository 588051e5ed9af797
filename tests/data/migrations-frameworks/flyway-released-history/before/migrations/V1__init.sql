CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text NOT NULL);
