-- Pending changes for the next release of the demo shop (prerelease files
-- stay here until they ship). Each statement is one a reviewer should stop
-- at: Tusk's editor shows the lock it takes, what that blocks, and the
-- online way to do the same (Ctrl+. applies the rewrite where one exists).

-- Orders get a tracking code, and customers are found by phone.
ALTER TABLE shop.orders ADD COLUMN tracking_code text;
CREATE INDEX customers_phone_idx ON shop.customers (phone);

-- Orders get a public id for links (a volatile default rewrites the table).
ALTER TABLE shop.orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();

-- Prices grow past two billion cents: the column type changes (a rewrite).
ALTER TABLE shop.products ALTER COLUMN price_cents TYPE bigint;

-- Addresses must point at a customer (every row checked while writes wait).
ALTER TABLE shop.customer_addresses
    ADD CONSTRAINT customer_addresses_customer_fk
    FOREIGN KEY (customer_id) REFERENCES shop.customers (id);

-- Backfill the new column in one statement (one long transaction).
UPDATE shop.orders SET tracking_code = 'T-' || id WHERE tracking_code IS NULL;
