-- Not this rule's: silent.
CREATE OR REPLACE VIEW shop.open_orders AS SELECT id FROM shop.orders WHERE status = 'open';
