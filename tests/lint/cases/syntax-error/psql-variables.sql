-- psql variables and \gset are psql's, not syntax errors: the statements
-- around them are still linted, at their places in this text.
\set schema shop
SELECT max(id) AS top FROM :schema.orders \gset
CREATE INDEX orders_ref_idx ON :schema.orders (ref); -- expect: require-concurrent-index-creation
SET statement_timeout = :'timeout';
ALTER TABLE :"table" ALTER COLUMN ref SET NOT NULL; -- expect: adding-not-nullable-field
SELECT :top + 1 \gx
DROP INDEX :schema.orders_old_idx; -- expect: require-concurrent-index-deletion
CREATE INDEX orders_note_idx ON :MySchema.orders (note); -- expect: require-concurrent-index-creation
