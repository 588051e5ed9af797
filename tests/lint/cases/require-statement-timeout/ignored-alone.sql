-- squawk-ignore-file require-statement-timeout
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout
