CREATE FUNCTION f() RETURNS int AS $$
BEGIN RETURN 1; END;
$$ LANGUAGE plpgsql;
-- trailing comment
  ;  ;
/* unclosed