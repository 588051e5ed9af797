-- orders is not created here (its rows are real), but ADD COLUMN earlier in the file
-- tells the old types. These changes rewrite the table.
ALTER TABLE orders
    ADD COLUMN code varchar(50),
    ADD COLUMN qty integer,
    ADD COLUMN price numeric(10,2),
    ADD COLUMN placed_at timestamp,
    ADD COLUMN label varchar(20),
    ADD COLUMN flag char(1);
ALTER TABLE orders ALTER COLUMN code TYPE varchar(20); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN qty TYPE bigint; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN price TYPE numeric(10,3); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN label TYPE text USING upper(label); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN flag TYPE text; -- expect: changing-column-type
