-- Tusk demo database: 60,000 audit events (2024-08-01 .. 2025-01-09, one
-- every 233 s) and the application's migration history.
SET LOCAL TimeZone = 'UTC';

INSERT INTO audit.events (id, occurred_at, actor_customer_id, action, entity_type, entity_id, client_ip,
                          request_id, payload)
SELECT e.id,
       e.occurred_at,
       CASE WHEN a.action = 'product.viewed' AND e.h % 3 = 0 THEN NULL ELSE e.actor END,
       a.action,
       a.entity_type,
       CASE a.entity_type
           WHEN 'customer' THEN e.actor
           WHEN 'order' THEN 1 + e.h % 199999
           WHEN 'subscription' THEN 1 + e.h % 6000
           ELSE 1 + e.h % 2000
       END,
       ((ARRAY['192.0.2.', '198.51.100.', '203.0.113.'])[1 + e.h % 3] || (1 + e.h % 254))::inet,
       md5('request-' || e.id)::uuid,
       jsonb_build_object(
           'source', (ARRAY['web', 'web', 'ios', 'android'])[1 + e.id % 4],
           'user_agent', (ARRAY['Mozilla/5.0 (Macintosh)', 'Mozilla/5.0 (Windows NT 10.0)',
                                'TuskCoffee-iOS/3.2', 'TuskCoffee-Android/3.1'])[1 + e.id % 4])
FROM (
    SELECT n AS id,
           timestamptz '2024-08-01 00:00:00+00' + n * interval '233 seconds' AS occurred_at,
           n * 2654435761 % 1000003 AS h,
           1 + (n * 2246822519 % 1000003) % 20000 AS actor
    FROM generate_series(1, 60000) AS n
    OFFSET 0
) AS e
CROSS JOIN LATERAL (
    SELECT (ARRAY['customer.login', 'order.created', 'order.paid', 'order.shipped',
                  'cart.item_added', 'subscription.renewed', 'product.viewed', 'customer.updated'])[1 + e.h % 8]
               AS action
) AS a0
CROSS JOIN LATERAL (
    SELECT a0.action,
           CASE split_part(a0.action, '.', 1)
               WHEN 'cart' THEN 'product'
               ELSE split_part(a0.action, '.', 1)
           END AS entity_type
) AS a;
SELECT setval('audit.events_id_seq', 60000);

INSERT INTO public.schema_migrations (version, description, checksum, applied_at, execution_ms)
SELECT m.version, m.description, md5(m.version || m.description),
       to_timestamp(m.version, 'YYYYMMDDHH24MISS')::timestamp AT TIME ZONE 'UTC',
       m.execution_ms
FROM (VALUES
    ('20230104093000', 'create customers and addresses',             84),
    ('20230104093500', 'create catalogue: categories, products',     61),
    ('20230111141200', 'create orders and order_items',             112),
    ('20230302101500', 'add coupons',                                 23),
    ('20230415083000', 'create warehouses and inventory',             47),
    ('20230601120000', 'create billing plans and subscriptions',      58),
    ('20230601121000', 'create invoices, invoice_lines, payments',    77),
    ('20230920161000', 'create product_reviews',                      31),
    ('20231130090000', 'import payments from legacy billing',       4812),
    ('20240212113000', 'create carts and cart_items',                 29),
    ('20240710080000', 'partition audit.events by month',           2310),
    ('20240930220000', 'create shipments',                            38),
    ('20241105094500', 'add products_weight_positive (not valid)',     3),
    ('20241202150000', 'disable autovacuum on inventory for import',   2)
) AS m (version, description, execution_ms);
