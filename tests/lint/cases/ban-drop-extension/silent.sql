-- Not this rule's: silent.
CREATE EXTENSION IF NOT EXISTS citext;
