-- Parse-only, the old type of orders.total is unknown: the change may rewrite the table.
ALTER TABLE orders ALTER COLUMN total TYPE bigint; -- expect: changing-column-type
