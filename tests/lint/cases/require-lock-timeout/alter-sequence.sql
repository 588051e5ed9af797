-- ALTER SEQUENCE on the sequence behind orders.id: every insert that draws
-- from it waits while it waits.
SET statement_timeout = '15min';
ALTER SEQUENCE orders_id_seq RESTART 1000; -- expect: require-lock-timeout
