-- ALTER DOMAIN … ADD CONSTRAINT checks every table using the domain under SHARE.
SET statement_timeout = '15min';
ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE LIKE '%@%'); -- expect: require-lock-timeout, ban-alter-domain-with-add-constraint
