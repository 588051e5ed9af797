-- tusk-test: pg-version=9
-- Identity columns arrived in PostgreSQL 10: before it, serial is the only choice.
CREATE TABLE accounts (id bigserial PRIMARY KEY);
