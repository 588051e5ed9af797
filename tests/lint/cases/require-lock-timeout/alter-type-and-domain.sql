-- ALTER TYPE … ADD VALUE locks the type; ALTER DOMAIN … ADD CONSTRAINT
-- checks every table using the domain under SHARE.
SET statement_timeout = '15min';
ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok'; -- expect: require-lock-timeout
