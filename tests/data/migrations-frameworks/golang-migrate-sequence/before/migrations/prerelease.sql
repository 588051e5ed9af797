-- Price in cents.
ALTER TABLE items ADD COLUMN price_cents integer NOT NULL DEFAULT 0;
CREATE INDEX items_price_idx ON items (price_cents);
