DROP TYPE shop.order_status; -- expect: ban-drop-type
DROP CAST IF EXISTS (text AS shop.money_amount); -- expect: ban-drop-type
DROP OPERATOR shop.=== (int, int); -- expect: ban-drop-type
-- Dropping a table is ban-drop-table's; creating a type is fine.
