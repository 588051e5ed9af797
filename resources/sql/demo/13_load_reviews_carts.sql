-- Tusk demo database: 15,000 product reviews, 3,000 carts, 7,500 cart items.
SET LOCAL TimeZone = 'UTC';

-- Review k is by customer 1 + 13k % 20000 about product 1 + 7k % 2000; for
-- k <= 15000 these pairs are all distinct.
INSERT INTO shop.product_reviews (id, product_id, customer_id, rating, title, body, created_at)
OVERRIDING SYSTEM VALUE
SELECT k,
       1 + (k * 7) % 2000,
       1 + (k * 13) % 20000,
       r.rating,
       CASE r.rating
           WHEN 5 THEN (ARRAY['My new favourite', 'Perfect every morning', 'Outstanding', 'Buying again'])[1 + k % 4]
           WHEN 4 THEN (ARRAY['Very good', 'Solid choice', 'Nice, a bit pricey'])[1 + k % 3]
           WHEN 3 THEN (ARRAY['It is fine', 'Average', 'Expected more'])[1 + k % 3]
           WHEN 2 THEN (ARRAY['Disappointing', 'Too bitter for me'])[1 + k % 2]
           ELSE (ARRAY['Arrived damaged', 'Would not recommend'])[1 + k % 2]
       END,
       CASE WHEN k % 4 = 0 THEN NULL
            ELSE repeat((ARRAY['Fresh and well packed. ', 'Roast date was recent. ',
                               'Shipping took a while. ', 'Great with oat milk. ',
                               'Grind size was spot on. '])[1 + k % 5], 1 + k % 6)
       END,
       timestamptz '2024-01-15 00:00:00+00' + k * interval '1900 seconds'
FROM generate_series(1, 15000) AS k
CROSS JOIN LATERAL (
    SELECT (ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 1, 5])[1 + (k * 2654435761 % 1000003) % 10]::smallint AS rating
) AS r;

-- Carts from December 2024; every fourth one belongs to a guest.
INSERT INTO shop.carts (id, customer_id, created_at, updated_at, expires_at)
SELECT md5('cart-' || k)::uuid,
       CASE WHEN k % 4 = 0 THEN NULL ELSE 1 + (k * 7919) % 20000 END,
       timestamptz '2024-12-01 00:00:00+00' + k * interval '15 minutes',
       timestamptz '2024-12-01 00:00:00+00' + k * interval '15 minutes' + (k % 50) * interval '1 minute',
       timestamptz '2024-12-01 00:00:00+00' + k * interval '15 minutes' + interval '30 days'
FROM generate_series(1, 3000) AS k;

-- Cart k holds 1 + k % 4 distinct products.
INSERT INTO shop.cart_items (cart_id, product_id, quantity, added_at)
SELECT md5('cart-' || k)::uuid,
       1 + (k * 37 + n * 101) % 2000,
       1 + (k + n) % 3,
       timestamptz '2024-12-01 00:00:00+00' + k * interval '15 minutes' + n * interval '1 minute'
FROM generate_series(1, 3000) AS k
CROSS JOIN LATERAL generate_series(1, 1 + k % 4) AS n;
