ALTER VIEW shop.open_orders RENAME TO shop_open_orders; -- expect: renaming-object
ALTER FUNCTION shop.order_total(bigint) RENAME TO total_of_order; -- expect: renaming-object
ALTER INDEX shop.orders_ref_idx RENAME TO orders_reference_idx; -- expect: renaming-object
ALTER TABLE shop.orders RENAME CONSTRAINT orders_ref_key TO orders_reference_key; -- expect: renaming-object
ALTER SEQUENCE shop.invoice_number_seq RENAME TO invoice_seq; -- expect: renaming-object
ALTER TYPE shop.order_status RENAME TO status_of_order; -- expect: renaming-object
-- Tables, columns, schemas and enum values have rules of their own.
