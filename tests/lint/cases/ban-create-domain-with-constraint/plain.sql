-- A plain alias, even with a DEFAULT, constrains nothing: silent.
CREATE DOMAIN amount AS numeric(12,2);
CREATE DOMAIN label AS text DEFAULT '';
