-- Tusk demo database: the object kinds the schema browser shows that the
-- rest of the demo does not need: a procedure, a composite type and
-- row-level security with a policy.

-- A composite type, returned by a function.
CREATE TYPE billing.money_amount AS (
    amount_cents  bigint,
    currency      char(3)
);
COMMENT ON TYPE billing.money_amount IS 'An amount of money in minor units with its ISO 4217 currency.';

CREATE FUNCTION billing.invoice_total(p_invoice_id bigint) RETURNS billing.money_amount
    LANGUAGE sql
    STABLE
AS $$
    SELECT ROW(i.total_cents, i.currency)::billing.money_amount
    FROM billing.invoices AS i
    WHERE i.id = p_invoice_id
$$;
COMMENT ON FUNCTION billing.invoice_total(bigint) IS 'Total of one invoice as a billing.money_amount.';

-- A procedure (CALL billing.mark_uncollectible(90)): the nightly job that
-- gives up on invoices open for too long, committing in batches.
CREATE PROCEDURE billing.mark_uncollectible(p_days_overdue integer DEFAULT 90)
    LANGUAGE plpgsql
AS $$
DECLARE
    changed integer;
BEGIN
    LOOP
        UPDATE billing.invoices
           SET status = 'uncollectible'
         WHERE id IN (SELECT id FROM billing.invoices
                      WHERE status = 'open'
                        AND due_at < now() - make_interval(days => p_days_overdue)
                      LIMIT 1000);
        GET DIAGNOSTICS changed = ROW_COUNT;
        EXIT WHEN changed = 0;
        COMMIT;
    END LOOP;
END;
$$;
COMMENT ON PROCEDURE billing.mark_uncollectible(integer) IS 'Marks invoices open for more than p_days_overdue days as uncollectible, 1,000 per transaction.';

-- Row-level security: the customer portal's role sees only its own
-- customer's invoices. The table's owner (and the superuser the demo runs
-- as) is not subject to it.
ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_own_customer ON billing.invoices
    FOR SELECT
    TO PUBLIC
    USING (customer_id = current_setting('app.customer_id', true)::bigint);
COMMENT ON POLICY invoices_own_customer ON billing.invoices IS 'The portal sets app.customer_id per session; it sees that customer''s invoices only.';
