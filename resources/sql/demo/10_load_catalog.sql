-- Tusk demo database: reference and catalogue data.
-- All data is generated from pure expressions (no random()), so every run
-- produces exactly the same rows.
SET LOCAL TimeZone = 'UTC';

INSERT INTO shop.categories (id, parent_id, slug, name, position) VALUES
    ( 1, NULL, 'coffee',            'Coffee',            1),
    ( 2, NULL, 'tea',               'Tea',               2),
    ( 3, NULL, 'brewing-gear',      'Brewing gear',      3),
    ( 4, NULL, 'accessories',       'Accessories',       4),
    ( 5, NULL, 'gifts',             'Gifts',             5),
    ( 6,    1, 'single-origin',     'Single origin',     1),
    ( 7,    1, 'blends',            'Blends',            2),
    ( 8,    1, 'espresso',          'Espresso',          3),
    ( 9,    1, 'decaf',             'Decaf',             4),
    (10,    1, 'cold-brew',         'Cold brew',         5),
    (11,    2, 'green-tea',         'Green tea',         1),
    (12,    2, 'black-tea',         'Black tea',         2),
    (13,    2, 'herbal-tea',        'Herbal tea',        3),
    (14,    3, 'pour-over',         'Pour-over',         1),
    (15,    3, 'french-press',      'French press',      2),
    (16,    3, 'espresso-machines', 'Espresso machines', 3),
    (17,    3, 'grinders',          'Grinders',          4),
    (18,    3, 'kettles',           'Kettles',           5),
    (19,    4, 'mugs',              'Mugs',              1),
    (20,    4, 'filters',           'Filters',           2),
    (21,    4, 'storage',           'Storage',           3),
    (22,    5, 'gift-cards',        'Gift cards',        1),
    (23,    5, 'gift-sets',         'Gift sets',         2);
SELECT setval(pg_get_serial_sequence('shop.categories', 'id'), 23);

-- 2,000 products: odd ids are coffee and tea (leaf categories 6..13), even
-- ids are gear, accessories and gifts (leaf categories 14..23).  Low ids are
-- the best sellers (see 12_load_orders.sql).  The 100 gift cards (category
-- 22) weigh 0 g: they violate the NOT VALID check products_weight_positive
-- added in 20_indexes_constraints.sql.
INSERT INTO shop.products (id, sku, name, category_id, price_cents, weight_grams,
                           attributes, is_active, created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT i,
       'SKU-' || lpad(i::text, 6, '0'),
       (ARRAY['Morning', 'Sunrise', 'Highland', 'Velvet', 'Midnight', 'Golden',
              'Alpine', 'Harbor', 'Ember', 'Juniper', 'Copper', 'Atlas'])[1 + i % 12]
           || ' ' || c.name || ' '
           || (ARRAY['Classic', 'Reserve', 'Select', 'Pro', 'Mini', 'Deluxe',
                     'Lite', 'Original'])[1 + (i / 12) % 8],
       c.id,
       CASE WHEN c.parent_id IN (1, 2) THEN 1199 + (i * 2654435761 % 1000003 % 14) * 100   -- bags of coffee / tea
            WHEN c.id = 16 THEN 24900 + (i * 2654435761 % 1000003 % 40) * 1000             -- espresso machines
            WHEN c.parent_id = 3 THEN 2499 + (i * 2654435761 % 1000003 % 30) * 500         -- other brewing gear
            WHEN c.parent_id = 4 THEN 599 + (i * 2654435761 % 1000003 % 20) * 100          -- accessories
            WHEN c.id = 22 THEN 2500 * (1 + (i / 20) % 4)                         -- gift cards
            ELSE 3999 + (i * 2654435761 % 1000003 % 10) * 500                              -- gift sets
       END,
       CASE WHEN c.id = 22 THEN 0 ELSE 100 + (i * 31 % 2000) END,
       CASE WHEN c.parent_id IN (1, 2) THEN
           jsonb_build_object(
               'origin', (ARRAY['Ethiopia', 'Colombia', 'Brazil', 'Kenya', 'Guatemala',
                                'Sumatra', 'Costa Rica', 'Rwanda'])[1 + i % 8],
               'roast', (ARRAY['light', 'medium', 'dark'])[1 + i % 3],
               'organic', i % 5 = 0,
               'tags', jsonb_build_array((ARRAY['bestseller', 'new', 'limited', 'staff-pick'])[1 + i % 4]))
       ELSE
           jsonb_build_object(
               'color', (ARRAY['black', 'white', 'steel', 'copper', 'sage'])[1 + i % 5],
               'tags', jsonb_build_array((ARRAY['bestseller', 'new', 'limited', 'staff-pick'])[1 + i % 4]))
       END,
       i % 17 <> 0,
       timestamptz '2023-01-01 00:00:00+00' + i * interval '3 hours',
       timestamptz '2023-01-01 00:00:00+00' + i * interval '3 hours' + (i % 30) * interval '1 day'
FROM generate_series(1, 2000) AS i
JOIN shop.categories AS c
  ON c.id = CASE WHEN i % 2 = 1 THEN 6 + (i / 2) % 8
                 ELSE (ARRAY[16, 19, 20, 14, 21, 22, 15, 18, 23, 17])[1 + (i / 2) % 10] END
ORDER BY i;

INSERT INTO shop.warehouses (id, code, city, country_code, timezone) VALUES
    (1, 'PDX1', 'Portland',  'US', 'America/Los_Angeles'),
    (2, 'EWR1', 'Newark',    'US', 'America/New_York'),
    (3, 'AMS1', 'Amsterdam', 'NL', 'Europe/Amsterdam'),
    (4, 'SYD1', 'Sydney',    'AU', 'Australia/Sydney');
SELECT setval(pg_get_serial_sequence('shop.warehouses', 'id'), 4);

-- 8,000 rows: every product in every warehouse.
INSERT INTO shop.inventory (product_id, warehouse_id, quantity_on_hand, reserved_quantity, last_counted_at)
SELECT p, w,
       (p * 13 + w * 7) % 500,
       least((p * 13 + w * 7) % 500, (p + w) % 20),
       timestamptz '2024-12-01 03:00:00+00' + w * interval '10 minutes'
FROM generate_series(1, 2000) AS p
CROSS JOIN generate_series(1, 4) AS w
ORDER BY p, w;

-- 40 coupons: WELCOME10 ... CLUB30.
INSERT INTO shop.coupons (id, code, percent_off, valid_from, valid_until, max_redemptions)
SELECT i,
       (ARRAY['WELCOME', 'SPRING', 'SUMMER', 'AUTUMN', 'WINTER', 'BREW', 'ROAST', 'CLUB'])[1 + (i - 1) % 8]
           || (10 + ((i - 1) / 8) * 5)::text,
       10 + ((i - 1) / 8) * 5,
       timestamptz '2024-01-01 00:00:00+00' + ((i - 1) % 8) * interval '45 days',
       timestamptz '2024-01-01 00:00:00+00' + ((i - 1) % 8) * interval '45 days' + interval '60 days',
       CASE WHEN i % 4 = 0 THEN NULL ELSE 250 * (1 + i % 3) END
FROM generate_series(1, 40) AS i;
SELECT setval(pg_get_serial_sequence('shop.coupons', 'id'), 40);

INSERT INTO billing.plans (id, code, name, monthly_price_cents, features, is_public) VALUES
    (1, 'club-monthly',  'Coffee Club - one bag a month',   1900, '{"bags_per_month": 1, "free_shipping": false}', true),
    (2, 'club-biweekly', 'Coffee Club - two bags a month',  3400, '{"bags_per_month": 2, "free_shipping": true}',  true),
    (3, 'club-weekly',   'Coffee Club - four bags a month', 6500, '{"bags_per_month": 4, "free_shipping": true}',  true),
    (4, 'office',        'Office plan',                    14900, '{"bags_per_month": 10, "free_shipping": true, "invoice_billing": true}', true),
    (5, 'legacy-2019',   'Founders plan (grandfathered)',   1500, '{"bags_per_month": 1, "free_shipping": true}',  false);
SELECT setval(pg_get_serial_sequence('billing.plans', 'id'), 5);

INSERT INTO billing.tax_rates (country_code, name, rate) VALUES
    ('US', 'Sales tax (avg.)', 0.0000),
    ('CA', 'GST',              0.0500),
    ('GB', 'VAT',              0.2000),
    ('DE', 'MwSt.',            0.0700),
    ('FR', 'TVA',              0.0550),
    ('NL', 'BTW',              0.0900),
    ('IE', 'VAT',              0.1350),
    ('ES', 'IVA',              0.1000),
    ('IT', 'IVA',              0.1000),
    ('SE', 'Moms',             0.1200),
    ('AU', 'GST',              0.1000),
    ('JP', 'Consumption tax',  0.0800);
