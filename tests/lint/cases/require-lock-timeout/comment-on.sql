-- COMMENT ON waits for SHARE UPDATE EXCLUSIVE on the table it describes.
SET statement_timeout = '15min';
COMMENT ON COLUMN orders.ref IS 'the customer''s reference'; -- expect: require-lock-timeout
