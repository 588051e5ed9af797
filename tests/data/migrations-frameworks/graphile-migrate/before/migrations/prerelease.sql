ALTER TABLE app.users ADD COLUMN IF NOT EXISTS name text;
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_name_idx ON app.users (name);
