-- Tusk demo database: schemas, types, domains, sequences and the functions
-- that do not depend on any table.
--
-- The demo models "Tusk Coffee Co.", a small online coffee roaster:
--   shop    - catalogue, customers, carts, orders and fulfilment
--   billing - the Coffee Club subscription, invoices and payments
--   audit   - an append-only, monthly partitioned event log
--   public  - the application's migration bookkeeping

CREATE SCHEMA shop;
CREATE SCHEMA billing;
CREATE SCHEMA audit;

COMMENT ON SCHEMA shop IS 'Catalogue, customers, carts, orders and fulfilment of Tusk Coffee Co.';
COMMENT ON SCHEMA billing IS 'Coffee Club subscriptions, invoices and payments.';
COMMENT ON SCHEMA audit IS 'Append-only application event log, partitioned by month.';

-- Enum types -----------------------------------------------------------------

CREATE TYPE shop.order_status AS ENUM
    ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded');
COMMENT ON TYPE shop.order_status IS 'Lifecycle of a shop order.';

CREATE TYPE billing.invoice_status AS ENUM
    ('draft', 'open', 'paid', 'void', 'uncollectible');
COMMENT ON TYPE billing.invoice_status IS 'Lifecycle of an invoice (Stripe-like).';

-- Domains ----------------------------------------------------------------------

CREATE DOMAIN shop.email_address AS text
    CONSTRAINT email_address_format CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$');
COMMENT ON DOMAIN shop.email_address IS 'An e-mail address (loosely validated).';

CREATE DOMAIN shop.country_code AS char(2)
    CONSTRAINT country_code_format CHECK (VALUE ~ '^[A-Z]{2}$');
COMMENT ON DOMAIN shop.country_code IS 'ISO 3166-1 alpha-2 country code.';

CREATE DOMAIN billing.amount_cents AS bigint
    CONSTRAINT amount_cents_non_negative CHECK (VALUE >= 0);
COMMENT ON DOMAIN billing.amount_cents IS 'A non-negative amount of money in minor units (cents).';

-- Stand-alone sequence (the tables use identity columns) ------------------------

CREATE SEQUENCE billing.invoice_number_seq START WITH 100001;
COMMENT ON SEQUENCE billing.invoice_number_seq IS 'Human-facing invoice numbers (INV-0100001, ...).';

-- Functions ------------------------------------------------------------------------

CREATE FUNCTION shop.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION shop.touch_updated_at() IS 'BEFORE UPDATE trigger: sets updated_at to now().';

-- Deliberately VOLATILE: "ALTER TABLE ... ADD COLUMN t text DEFAULT
-- shop.generate_public_token()" rewrites the whole table under an ACCESS
-- EXCLUSIVE lock, which is exactly what a migration linter should catch.
CREATE FUNCTION shop.generate_public_token() RETURNS text
    LANGUAGE sql
    VOLATILE
AS $$
    SELECT md5(random()::text || clock_timestamp()::text)
$$;
COMMENT ON FUNCTION shop.generate_public_token() IS 'Random 32-hex-digit token. VOLATILE: never use it as the DEFAULT of a new column on a big table.';

CREATE FUNCTION billing.next_invoice_number() RETURNS text
    LANGUAGE sql
    VOLATILE
AS $$
    SELECT 'INV-' || lpad(nextval('billing.invoice_number_seq')::text, 7, '0')
$$;
COMMENT ON FUNCTION billing.next_invoice_number() IS 'Next human-facing invoice number, e.g. INV-0100001.';
