-- SET NOT NULL on an existing table scans it under ACCESS EXCLUSIVE; the fix
-- is the CHECK-then-SET NOT NULL recipe, one statement per transaction, with
-- reserved words quoted.
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: adding-not-nullable-field
ALTER TABLE "order" ALTER COLUMN "user" SET NOT NULL; -- expect: adding-not-nullable-field
