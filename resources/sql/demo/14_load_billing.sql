-- Tusk demo database: Coffee Club subscriptions, invoices, invoice lines and
-- payments, billed monthly in USD through 2024.
SET LOCAL TimeZone = 'UTC';   -- month arithmetic below must not depend on the server's zone
SET LOCAL work_mem = '64MB';

-- 6,000 subscriptions, started through 2024, each by a different customer
-- (1 + 7s % 20000).  Every fifth one is canceled; the ones started since
-- 2024-12-18 are still in their 14-day trial; every 23rd other one is past due.
INSERT INTO billing.subscriptions (id, customer_id, plan_id, status, started_at,
                                   current_period_end, canceled_at, created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT s.id, s.customer_id, s.plan_id, s.status, s.started_at,
       CASE WHEN s.status = 'trialing' THEN s.started_at + interval '14 days'
            ELSE s.started_at + interval '1 month'
                 * (1 + (SELECT count(*) FROM generate_series(s.started_at + interval '1 month',
                                                              COALESCE(s.canceled_at, timestamptz '2024-12-31 23:59:59+00'),
                                                              interval '1 month')))
       END,
       s.canceled_at,
       s.started_at,
       COALESCE(s.canceled_at, s.started_at)
FROM (
    SELECT b.id, b.customer_id, b.plan_id, b.started_at,
           CASE WHEN b.id % 5 = 4 THEN 'canceled'
                WHEN b.started_at >= timestamptz '2024-12-18 00:00:00+00' THEN 'trialing'
                WHEN b.id % 23 = 0 THEN 'past_due'
                ELSE 'active' END AS status,
           CASE WHEN b.id % 5 = 4
                THEN least(b.started_at + (1 + b.id % 6) * interval '30 days',
                           timestamptz '2024-12-31 12:00:00+00')
           END AS canceled_at
    FROM (
        SELECT s AS id,
               1 + (s * 7) % 20000 AS customer_id,
               (ARRAY[1, 1, 1, 1, 2, 2, 3, 4, 5, 1])[1 + s % 10] AS plan_id,
               timestamptz '2024-01-01 00:00:00+00' + s * interval '5256 seconds' AS started_at
        FROM generate_series(1, 6000) AS s
    ) AS b
) AS s;

-- One invoice per subscription and started month (trials are not billed).
-- Tax by the customer's country; invoice ids and numbers are chronological.
INSERT INTO billing.invoices (id, invoice_number, customer_id, subscription_id, status,
                              period_start, period_end, issued_at, due_at,
                              subtotal_cents, tax_cents, total_cents, currency)
OVERRIDING SYSTEM VALUE
SELECT i.id,
       'INV-' || lpad((100000 + i.id)::text, 7, '0'),
       i.customer_id,
       i.subscription_id,
       CASE WHEN i.period_start >= timestamptz '2024-12-18 00:00:00+00' THEN 'open'
            WHEN i.sub_status = 'past_due' AND i.period_end > timestamptz '2024-12-31 00:00:00+00' THEN 'open'
            WHEN i.id % 97 = 0 THEN 'void'
            WHEN i.id % 89 = 0 THEN 'uncollectible'
            ELSE 'paid' END::billing.invoice_status,
       i.period_start,
       i.period_end,
       i.period_start,
       i.period_start + interval '14 days',
       i.price,
       i.tax,
       i.price + i.tax,
       'USD'
FROM (
    SELECT row_number() OVER (ORDER BY g, sub.id) AS id,
           sub.customer_id,
           sub.id AS subscription_id,
           sub.status AS sub_status,
           g AS period_start,
           g + interval '1 month' AS period_end,
           p.monthly_price_cents AS price,
           round(p.monthly_price_cents * COALESCE(t.rate, 0))::bigint AS tax
    FROM billing.subscriptions AS sub
    JOIN billing.plans AS p ON p.id = sub.plan_id
    JOIN shop.customers AS c ON c.id = sub.customer_id
    LEFT JOIN billing.tax_rates AS t ON t.country_code = c.country_code
    CROSS JOIN LATERAL generate_series(sub.started_at,
                                       COALESCE(sub.canceled_at, timestamptz '2024-12-31 23:59:59+00'),
                                       interval '1 month') AS g
    WHERE sub.status <> 'trialing'
) AS i;
SELECT setval('billing.invoice_number_seq', 100000 + (SELECT max(id) FROM billing.invoices));

-- The plan fee, plus a tax line where tax applies.
INSERT INTO billing.invoice_lines (id, invoice_id, description, quantity, unit_amount_cents, amount_cents)
OVERRIDING SYSTEM VALUE
SELECT row_number() OVER (ORDER BY l.invoice_id, l.n), l.invoice_id, l.description, 1, l.amount, l.amount
FROM (
    SELECT inv.id AS invoice_id, 1 AS n,
           p.name || ', ' || to_char(inv.period_start, 'FMMonth YYYY') AS description,
           inv.subtotal_cents AS amount
    FROM billing.invoices AS inv
    JOIN billing.subscriptions AS sub ON sub.id = inv.subscription_id
    JOIN billing.plans AS p ON p.id = sub.plan_id
    UNION ALL
    SELECT inv.id, 2,
           t.name || ' ' || rtrim(rtrim((t.rate * 100)::text, '0'), '.') || '%',
           inv.tax_cents
    FROM billing.invoices AS inv
    JOIN shop.customers AS c ON c.id = inv.customer_id
    JOIN billing.tax_rates AS t ON t.country_code = c.country_code
    WHERE inv.tax_cents > 0
) AS l;

-- Payments: 25 rows imported from the legacy billing system whose invoices
-- were never migrated (ids 1..25, invoice ids 900001..900025 do not exist),
-- then one succeeded payment per paid invoice and one failed attempt per
-- uncollectible or overdue invoice.
INSERT INTO billing.payments (id, invoice_id, amount_cents, method, status, provider_ref, created_at)
OVERRIDING SYSTEM VALUE
SELECT n, 900000 + n, 1500, 'legacy_import', 'succeeded',
       'legacy-' || lpad(n::text, 6, '0'),
       timestamptz '2023-11-30 00:00:00+00' + n * interval '1 day'
FROM generate_series(1, 25) AS n;

INSERT INTO billing.payments (id, invoice_id, amount_cents, method, status, provider_ref, created_at)
OVERRIDING SYSTEM VALUE
SELECT 25 + row_number() OVER (ORDER BY inv.id),
       inv.id,
       inv.total_cents,
       CASE WHEN c.country_code IN ('DE', 'FR', 'NL', 'IE', 'ES', 'IT') AND inv.id % 3 = 0 THEN 'sepa_debit'
            WHEN inv.id % 5 = 0 THEN 'paypal'
            ELSE 'card' END,
       CASE WHEN inv.status = 'paid' THEN 'succeeded' ELSE 'failed' END,
       'pi_' || substr(md5('payment-' || inv.id), 1, 24),
       inv.issued_at + (inv.id % 7) * interval '1 hour'
FROM billing.invoices AS inv
JOIN shop.customers AS c ON c.id = inv.customer_id
WHERE inv.status = 'paid'
   OR inv.status = 'uncollectible'
   OR (inv.status = 'open' AND inv.due_at < timestamptz '2025-01-01 00:00:00+00');
