-- customers can be called
ALTER TABLE shop.customers ADD COLUMN phone text;
