-- Nullable, with a default, or filling itself: every existing row gets a value.
ALTER TABLE recipe ADD COLUMN public boolean;
ALTER TABLE recipe ADD COLUMN published boolean NOT NULL DEFAULT false;
ALTER TABLE recipe ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;
ALTER TABLE recipe ADD COLUMN seq bigserial NOT NULL;
ALTER TABLE recipe ADD COLUMN doubled numeric NOT NULL GENERATED ALWAYS AS (price * 2) STORED;
