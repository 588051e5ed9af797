-- orders is not created here, but ADD COLUMN earlier in the file tells the old types.
-- These changes are binary compatible: catalog-only, no rewrite, so a note
-- (info), not a warning; a repeated change to the same type says nothing.
ALTER TABLE orders
    ADD COLUMN note varchar(20),
    ADD COLUMN body varchar(100),
    ADD COLUMN amount numeric(10,2),
    ADD COLUMN origin cidr,
    ADD COLUMN memo text,
    ADD COLUMN stamped timestamp(3),
    ADD COLUMN bits varbit(8),
    ADD COLUMN waited interval(3),
    ADD COLUMN clocked time(0);
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);
ALTER TABLE orders ALTER COLUMN body TYPE text USING body::text; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN amount TYPE numeric; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN origin TYPE inet; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN memo TYPE varchar; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN stamped TYPE timestamp(6); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN bits TYPE varbit(16); -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN waited TYPE interval; -- expect: changing-column-type
ALTER TABLE orders ALTER COLUMN clocked TYPE time(3); -- expect: changing-column-type
