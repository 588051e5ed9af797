-- A NOT NULL column without a default fails on a table that has rows.
ALTER TABLE recipe ADD COLUMN public boolean NOT NULL; -- expect: adding-required-field
ALTER TABLE recipe ADD COLUMN slug text NOT NULL DEFAULT NULL; -- expect: adding-required-field
-- PRIMARY KEY implies NOT NULL.
ALTER TABLE recipe_import ADD COLUMN id bigint PRIMARY KEY; -- expect: adding-required-field
