-- Tusk demo database (tusk_demo): extensions.
-- pg_stat_statements is preloaded by the sandbox server; pg_trgm backs the
-- product-name search index. Both ship with postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
