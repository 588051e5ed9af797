-- Not this rule's: silent.
ALTER TABLE shop.orders RENAME TO purchases; -- expect: renaming-table
ALTER TABLE shop.orders RENAME COLUMN ref TO reference; -- expect: renaming-column
ALTER SCHEMA shop RENAME TO store; -- expect: renaming-schema
