-- Tusk demo database: views and a materialized view.

CREATE VIEW shop.customer_order_stats AS
SELECT c.id AS customer_id,
       c.email,
       c.country_code,
       count(o.id) AS order_count,
       COALESCE(sum(o.total_cents), 0) AS lifetime_value_cents,
       max(o.placed_at) AS last_order_at
FROM shop.customers AS c
LEFT JOIN shop.orders AS o
       ON o.customer_id = c.id
      AND o.status NOT IN ('cancelled', 'refunded')
GROUP BY c.id, c.email, c.country_code;
COMMENT ON VIEW shop.customer_order_stats IS 'Per customer: number of orders, lifetime value, last order (excludes cancelled and refunded orders).';

CREATE VIEW shop.open_orders AS
SELECT o.id AS order_id,
       o.placed_at,
       o.status,
       o.total_cents,
       o.currency,
       c.id AS customer_id,
       c.email
FROM shop.orders AS o
JOIN shop.customers AS c ON c.id = o.customer_id
WHERE o.status IN ('pending', 'paid');
COMMENT ON VIEW shop.open_orders IS 'Orders waiting to be paid or shipped.';

CREATE VIEW billing.active_subscriptions AS
SELECT s.id AS subscription_id,
       s.status,
       s.started_at,
       s.current_period_end,
       p.code AS plan_code,
       p.monthly_price_cents,
       c.id AS customer_id,
       c.email,
       c.country_code
FROM billing.subscriptions AS s
JOIN billing.plans AS p ON p.id = s.plan_id
JOIN shop.customers AS c ON c.id = s.customer_id
WHERE s.status IN ('trialing', 'active', 'past_due');
COMMENT ON VIEW billing.active_subscriptions IS 'Subscriptions that are not canceled, with plan and customer.';

CREATE MATERIALIZED VIEW shop.daily_sales AS
SELECT (o.placed_at AT TIME ZONE 'UTC')::date AS sales_date,
       count(*) AS order_count,
       sum(o.total_cents) FILTER (WHERE o.currency = 'USD') AS revenue_usd_cents,
       sum(o.total_cents) FILTER (WHERE o.currency <> 'USD') AS revenue_other_cents,
       round(avg(o.total_cents)) AS avg_order_cents
FROM shop.orders AS o
WHERE o.status NOT IN ('cancelled', 'refunded')
GROUP BY 1;
CREATE UNIQUE INDEX daily_sales_sales_date_key ON shop.daily_sales (sales_date);
COMMENT ON MATERIALIZED VIEW shop.daily_sales IS 'Orders and revenue per calendar day (UTC), excluding cancelled and refunded orders; refresh with REFRESH MATERIALIZED VIEW CONCURRENTLY.';
