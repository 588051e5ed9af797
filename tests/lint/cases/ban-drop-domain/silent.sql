-- Not this rule's: silent.
DROP TABLE IF EXISTS shop.email_cache; -- expect: ban-drop-table
