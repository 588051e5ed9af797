DROP VIEW shop.open_orders; -- expect: ban-drop-view
DROP MATERIALIZED VIEW IF EXISTS shop.daily_totals CASCADE; -- expect: ban-drop-view
-- Replacing a view keeps its name.
