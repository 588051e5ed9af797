-- Not this rule's: silent.
CREATE OR REPLACE FUNCTION shop.order_total(id bigint) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::numeric $$;
