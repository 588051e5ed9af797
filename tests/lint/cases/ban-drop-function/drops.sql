-- Code that calls them fails from the commit on; IF EXISTS and CASCADE change nothing.
DROP FUNCTION shop.order_total(bigint); -- expect: ban-drop-function
DROP PROCEDURE IF EXISTS shop.archive_orders, shop.purge() CASCADE; -- expect: ban-drop-function, ban-drop-function
DROP AGGREGATE shop.median(numeric); -- expect: ban-drop-function
-- Creating or replacing one is not a drop.
