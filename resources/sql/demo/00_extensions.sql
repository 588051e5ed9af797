-- Tusk demo database (tusk_demo): extensions.
-- pg_stat_statements is preloaded by the sandbox server; pg_trgm backs the
-- product-name search index. Both ship with postgresql-contrib.
-- pg_wait_sampling (Debian's postgresql-15-pg-wait-sampling, preloaded by
-- the sandbox when installed) gives the activity monitor its wait profile.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_wait_sampling')
       AND current_setting('shared_preload_libraries') LIKE '%pg_wait_sampling%' THEN
        CREATE EXTENSION IF NOT EXISTS pg_wait_sampling;
    END IF;
END
$$;
