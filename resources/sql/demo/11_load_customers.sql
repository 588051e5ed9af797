-- Tusk demo database: 20,000 customers and 30,000 addresses.
SET LOCAL TimeZone = 'UTC';

-- Phone numbers repeat (customers i and i + 19000 share one), which is why
-- the unique index attempted in 21_invalid_index.sql fails.
INSERT INTO shop.customers (id, email, full_name, phone, country_code, marketing_opt_in,
                            preferences, created_at, updated_at)
SELECT i,
       lower(f.first_name) || '.' || lower(f.last_name) || i || '@'
           || (ARRAY['example.com', 'example.org', 'example.net'])[1 + i % 3],
       f.first_name || ' ' || f.last_name,
       CASE WHEN i % 10 = 0 THEN NULL
            ELSE '+1-555-' || lpad((i * 7919 % 19000)::text, 5, '0') END,
       f.country_code,
       i % 3 = 1,
       jsonb_build_object(
           'grind', (ARRAY['whole-bean', 'espresso', 'filter', 'french-press'])[1 + i % 4],
           'roast', (ARRAY['light', 'medium', 'dark'])[1 + i % 3],
           'newsletter', i % 3 = 1),
       timestamptz '2023-01-01 00:00:00+00' + i * interval '1577 seconds',
       timestamptz '2023-01-01 00:00:00+00' + i * interval '1577 seconds' + (i % 90) * interval '1 day'
FROM generate_series(1, 20000) AS i
CROSS JOIN LATERAL (
    SELECT (ARRAY['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Omar', 'Lena', 'Kenji', 'Sofia', 'Mateo',
                  'Ines', 'Arjun', 'Chloe', 'Felix', 'Hana', 'Lucas', 'Nora', 'Ravi', 'Emma', 'Jonas'])[1 + i % 20]
               AS first_name,
           (ARRAY['Nguyen', 'Smith', 'Garcia', 'Muller', 'Rossi', 'Tanaka', 'Kowalski', 'Silva',
                  'Johansson', 'Dubois', 'Murphy', 'Patel', 'Jansen', 'Lopez', 'Brown', 'Okafor',
                  'Novak', 'Schmidt', 'Costa', 'Kim'])[1 + (i * 7) % 20]
               AS last_name,
           CASE WHEN i % 3 <> 0 THEN 'US'
                ELSE (ARRAY['CA', 'GB', 'DE', 'FR', 'NL', 'IE', 'ES', 'IT', 'SE', 'AU', 'JP'])[1 + (i / 3) % 11]
           END AS country_code
) AS f;
SELECT setval(pg_get_serial_sequence('shop.customers', 'id'), 20000);

-- Every customer has a default shipping address (id = customer id); every
-- second customer also has a billing address (ids 20001..30000).
INSERT INTO shop.customer_addresses (id, customer_id, kind, line1, city, postal_code,
                                     country_code, is_default, created_at)
SELECT CASE a.kind WHEN 'shipping' THEN c.id ELSE 20000 + c.id / 2 END,
       c.id,
       a.kind,
       (100 + (c.id * 37 + a.n) % 9000)::text || ' '
           || (ARRAY['Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Birch', 'Willow', 'Harbor',
                     'Mill', 'Station'])[1 + (c.id + a.n) % 10] || ' Street',
       CASE WHEN c.country_code = 'US'
            THEN (ARRAY['Portland', 'Seattle', 'Austin', 'Denver', 'Chicago', 'Boston',
                        'Atlanta', 'Oakland'])[1 + c.id % 8]
            ELSE '{"CA": "Toronto", "GB": "London", "DE": "Berlin", "FR": "Lyon", "NL": "Utrecht",
                   "IE": "Dublin", "ES": "Valencia", "IT": "Milan", "SE": "Malmo",
                   "AU": "Melbourne", "JP": "Osaka"}'::jsonb ->> c.country_code::text
       END,
       lpad((c.id * 7919 % 99999)::text, 5, '0'),
       c.country_code,
       a.kind = 'shipping',
       c.created_at
FROM shop.customers AS c
CROSS JOIN LATERAL (VALUES (1, 'shipping'), (2, 'billing')) AS a (n, kind)
WHERE a.kind = 'shipping' OR c.id % 2 = 0
ORDER BY 1;
SELECT setval(pg_get_serial_sequence('shop.customer_addresses', 'id'), 30000);
