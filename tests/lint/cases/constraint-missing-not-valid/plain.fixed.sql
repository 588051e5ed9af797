-- A CHECK added without NOT VALID scans the table under ACCESS EXCLUSIVE. The
-- named, lone constraint gets NOT VALID plus a VALIDATE statement after it.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID; -- expect: constraint-missing-not-valid
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
ALTER TABLE orders ADD CHECK (quantity > 0); -- expect: constraint-missing-not-valid
ALTER TABLE orders
    ADD CONSTRAINT orders_tax_positive CHECK (tax >= 0), -- expect: constraint-missing-not-valid
    ADD COLUMN note text;
ALTER TABLE "Shop"."Orders" ADD CONSTRAINT "Positive" CHECK (total > 0) NOT VALID;
ALTER TABLE "Shop"."Orders" VALIDATE CONSTRAINT "Positive"; -- expect: constraint-missing-not-valid
