-- The message names the mode LOCK TABLE asks for, with its article.
SET statement_timeout = '15min';
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; -- expect: require-lock-timeout
