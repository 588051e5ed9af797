-- orders is not created here, but ADD COLUMN earlier in the file tells the old types.
-- These changes are binary compatible: catalog-only, no rewrite, so no finding.
ALTER TABLE orders
    ADD COLUMN note varchar(20),
    ADD COLUMN body varchar(100),
    ADD COLUMN amount numeric(10,2),
    ADD COLUMN origin cidr,
    ADD COLUMN memo text,
    ADD COLUMN stamped timestamp(3),
    ADD COLUMN bits varbit(8);
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);
ALTER TABLE orders ALTER COLUMN body TYPE text USING body::text;
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);
ALTER TABLE orders ALTER COLUMN amount TYPE numeric;
ALTER TABLE orders ALTER COLUMN origin TYPE inet;
ALTER TABLE orders ALTER COLUMN memo TYPE varchar;
ALTER TABLE orders ALTER COLUMN stamped TYPE timestamp(6);
ALTER TABLE orders ALTER COLUMN bits TYPE varbit(16);
