-- Dropping existing tables loses their data: one finding per table.
DROP TABLE audit_log; -- expect: ban-drop-table
DROP TABLE IF EXISTS shop.orders, line_items CASCADE; -- expect: ban-drop-table, ban-drop-table
