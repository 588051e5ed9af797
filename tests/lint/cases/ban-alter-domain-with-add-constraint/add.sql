-- Adding a constraint to an existing domain checks every column of the type.
ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0); -- expect: ban-alter-domain-with-add-constraint
ALTER DOMAIN email ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%') NOT VALID; -- expect: ban-alter-domain-with-add-constraint
