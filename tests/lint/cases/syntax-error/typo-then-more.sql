-- A typo is reported where parsing stopped; the next statements are still checked.
ALTER TABLE orders ADD COLUM note text; -- expect: syntax-error
CREATE INDEX orders_ref ON orders (ref); -- expect: require-concurrent-index-creation
