CREATE INDEX CONCURRENTLY users_id_idx ON shop.users (id);
