-- Tusk demo database: 1,000,000 order items and 199,999 orders, all
-- placed in 2024, and the shipments of the fourth quarter.
--
-- Hash-like but deterministic numbers come from multiplicative hashing:
-- h = n * 2654435761 % 1000003.  Product popularity is skewed (product 1 is
-- in about 2.2 % of all lines, the least popular ones in about 0.015 %), and so
-- is the number of orders per customer, which makes EXPLAIN demos interesting.
SET LOCAL TimeZone = 'UTC';
SET LOCAL work_mem = '64MB';

-- Order items.  Order j has 1..9 lines (triangular, mean 5); the lines are
-- numbered consecutively, so order_items.id follows (order_id, line_no).
-- The last order is cut so that there are exactly 1,000,000 lines.
INSERT INTO shop.order_items (id, order_id, line_no, product_id, quantity, unit_price_cents, discount_cents)
OVERRIDING SYSTEM VALUE
SELECT x.item_id,
       x.order_id,
       x.line_no,
       x.product_id,
       x.quantity,
       p.price_cents,
       CASE WHEN x.h % 20 = 0 THEN x.quantity * p.price_cents / 10 ELSE 0 END
FROM (
    SELECT y.item_id,
           y.order_id,
           y.line_no,
           y.h,
           -- 70 % coffee and tea (odd ids), 30 % gear (even ids), skewed to low ids
           CASE WHEN (y.h / 7) % 10 < 7 THEN 2 * (1 + (y.h * y.h / 1000003) * 1000 / 1000003) - 1
                ELSE 2 * (1 + (y.h * y.h / 1000003) * 1000 / 1000003) END AS product_id,
           CASE WHEN y.h % 10 < 7 THEN 1 ELSE 1 + y.h % 3 END AS quantity
    FROM (
        SELECT plan.first_item + l AS item_id,
               plan.order_id,
               l AS line_no,
               (plan.first_item + l) * 2654435761 % 1000003 AS h
        FROM (
            SELECT j AS order_id,
                   n_items,
                   (sum(n_items) OVER (ORDER BY j))::bigint - n_items AS first_item
            FROM (
                SELECT j, 1 + (j * 2654435761 % 1000003) % 5 + (j * 2654435761 % 1000003 / 5) % 5 AS n_items
                FROM generate_series(1, 210000) AS j
            ) AS sizes
        ) AS plan
        CROSS JOIN LATERAL generate_series(1, plan.n_items) AS l
        WHERE plan.first_item + l <= 1000000
        OFFSET 0   -- optimisation fence: compute h once per row
    ) AS y
    OFFSET 0
) AS x
JOIN shop.products AS p ON p.id = x.product_id;

-- Orders: one per distinct order_id of the items, totals from the items.
-- Order j is placed about 157 s after order j - 1, starting 2024-01-01 UTC.
-- Coupons are always valid at checkout time.
INSERT INTO shop.orders (id, customer_id, status, placed_at, coupon_id, currency,
                         subtotal_cents, discount_cents, shipping_cents, total_cents,
                         shipping_address, metadata, created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT o.order_id,
       o.customer_id,
       s.status,
       o.placed_at,
       o.coupon_id,
       CASE WHEN c.country_code IN ('DE', 'FR', 'NL', 'IE', 'ES', 'IT') THEN 'EUR'
            WHEN c.country_code = 'GB' THEN 'GBP'
            WHEN c.country_code = 'CA' THEN 'CAD'
            WHEN c.country_code = 'AU' THEN 'AUD'
            WHEN c.country_code = 'SE' THEN 'SEK'
            ELSE 'USD' END,
       o.subtotal,
       d.discount,
       d.shipping,
       o.subtotal - d.discount + d.shipping,
       jsonb_build_object('line1', a.line1, 'city', a.city, 'postal_code', a.postal_code,
                          'country', a.country_code::text),
       jsonb_build_object('channel', (ARRAY['web', 'web', 'ios', 'android', 'pos'])[1 + o.h3 % 5],
                          'gift', o.h3 % 25 = 0),
       o.placed_at,
       o.placed_at + CASE s.status
                         WHEN 'delivered' THEN interval '5 days'
                         WHEN 'shipped' THEN interval '2 days'
                         WHEN 'cancelled' THEN interval '1 hour'
                         WHEN 'refunded' THEN interval '14 days'
                         ELSE interval '10 minutes' END
FROM (
    SELECT t.order_id,
           t.subtotal,
           t.item_discount,
           t.h3,
           CASE WHEN t.h2 % 4 = 0 THEN 1 + (t.h2 * t.h2 / 1000003) * 20000 / 1000003
                ELSE 1 + t.h2 % 20000 END AS customer_id,
           timestamptz '2024-01-01 00:00:00+00'
               + ((t.order_id - 1) * 157 + t.order_id * 7919 % 120) * interval '1 second' AS placed_at,
           CASE WHEN t.h3 % 9 = 0
                THEN 1 + least(7, (t.order_id - 1) * 157 / 86400 / 45) + 8 * (t.h3 % 5)
           END AS coupon_id
    FROM (
        SELECT order_id,
               sum(quantity::bigint * unit_price_cents)::bigint AS subtotal,
               sum(discount_cents) AS item_discount,
               order_id * 2246822519 % 1000003 AS h2,
               (order_id * 2654435761 + 12345) % 999983 AS h3
        FROM shop.order_items
        GROUP BY order_id
    ) AS t
    OFFSET 0   -- optimisation fence: compute customer_id, placed_at once per row
) AS o
JOIN shop.customers AS c ON c.id = o.customer_id
JOIN shop.customer_addresses AS a ON a.id = o.customer_id   -- the default shipping address
LEFT JOIN shop.coupons AS cp ON cp.id = o.coupon_id
CROSS JOIN LATERAL (
    SELECT CASE WHEN o.h3 % 50 = 0 THEN 'cancelled'
                WHEN o.h3 % 71 = 0 THEN 'refunded'
                WHEN o.placed_at >= timestamptz '2024-12-27 00:00:00+00'
                     THEN CASE WHEN o.h3 % 3 = 0 THEN 'pending' ELSE 'paid' END
                WHEN o.placed_at >= timestamptz '2024-12-18 00:00:00+00' THEN 'shipped'
                ELSE 'delivered' END::shop.order_status AS status
) AS s
CROSS JOIN LATERAL (
    SELECT o.item_discount + (o.subtotal - o.item_discount) * COALESCE(cp.percent_off, 0) / 100 AS discount
) AS d0
CROSS JOIN LATERAL (
    SELECT d0.discount,
           CASE WHEN o.subtotal - d0.discount >= 5000 THEN 0 ELSE 695 END AS shipping
) AS d
ORDER BY o.order_id;

-- Shipments: parcel tracking went live on 2024-10-01, so only shipped,
-- delivered and refunded orders placed since then have rows here; every
-- tenth of those orders ships in two parcels.
INSERT INTO shop.shipments (id, order_id, warehouse_id, carrier, tracking_number, shipped_at, delivered_at)
OVERRIDING SYSTEM VALUE
SELECT row_number() OVER (ORDER BY o.id, parcel),
       o.id,
       CASE WHEN cc IN ('US', 'CA') THEN CASE WHEN cc = 'CA' OR o.id % 2 = 0 THEN 2 ELSE 1 END
            WHEN cc IN ('AU', 'JP') THEN 4
            ELSE 3 END::smallint,
       CASE WHEN cc = 'US' THEN (ARRAY['ups', 'fedex', 'usps'])[1 + o.id % 3]
            WHEN cc = 'CA' THEN 'ups'
            WHEN cc = 'AU' THEN 'auspost'
            WHEN cc = 'NL' THEN 'postnl'
            ELSE 'dhl' END,
       upper(substr(md5('parcel-' || o.id || '-' || parcel), 1, 20)),
       o.placed_at + (1 + o.id % 2) * interval '1 day' + parcel * interval '1 hour',
       CASE WHEN o.status = 'shipped' THEN NULL
            ELSE o.placed_at + (1 + o.id % 2) * interval '1 day' + parcel * interval '1 hour'
                 + (2 + o.id % 4) * interval '1 day' END
FROM shop.orders AS o
CROSS JOIN LATERAL (SELECT o.shipping_address ->> 'country' AS cc) AS sa
CROSS JOIN LATERAL generate_series(1, CASE WHEN o.id % 10 = 0 THEN 2 ELSE 1 END) AS parcel
WHERE o.status IN ('shipped', 'delivered', 'refunded')
  AND o.placed_at >= timestamptz '2024-10-01 00:00:00+00';
