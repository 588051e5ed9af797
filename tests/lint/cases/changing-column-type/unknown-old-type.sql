-- Parse-only, the old type of orders.total is unknown: the change may rewrite the table.
ALTER TABLE orders ALTER COLUMN total TYPE bigint; -- expect: changing-column-type
-- Without the old type, the message names the ones that would make it safe.
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN happened TYPE timestamptz; -- expect: changing-column-type
