-- Not this rule's: silent.
CREATE SCHEMA IF NOT EXISTS reporting;
