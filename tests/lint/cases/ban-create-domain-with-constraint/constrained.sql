-- Domains carrying CHECK or NOT NULL bind every column of the type to them.
CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0); -- expect: ban-create-domain-with-constraint
CREATE DOMAIN email AS text NOT NULL; -- expect: ban-create-domain-with-constraint
