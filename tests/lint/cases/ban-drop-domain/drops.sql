DROP DOMAIN shop.email_address; -- expect: ban-drop-domain
