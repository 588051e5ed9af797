-- Verify shop:users on pg

SELECT id, email FROM shop.users WHERE false;
