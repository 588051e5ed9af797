-- A function body runs inside its caller's transaction: CREATE INDEX there blocks
-- writes, whether written out or run by EXECUTE of a plain string.
CREATE FUNCTION add_indexes() RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  CREATE INDEX orders_ref ON orders (ref); -- expect: require-concurrent-index-creation
  EXECUTE 'CREATE INDEX orders_customer ON orders (customer_id)'; -- expect: require-concurrent-index-creation
END
$body$;
