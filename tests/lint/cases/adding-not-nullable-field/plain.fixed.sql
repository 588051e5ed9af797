-- SET NOT NULL on an existing table scans it under ACCESS EXCLUSIVE; the fix
-- is the CHECK-then-SET NOT NULL recipe, one statement per transaction, with
-- reserved words quoted.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null; -- expect: adding-not-nullable-field
ALTER TABLE "order" ADD CONSTRAINT order_user_not_null CHECK ("user" IS NOT NULL) NOT VALID;
ALTER TABLE "order" VALIDATE CONSTRAINT order_user_not_null;
ALTER TABLE "order" ALTER COLUMN "user" SET NOT NULL;
ALTER TABLE "order" DROP CONSTRAINT order_user_not_null; -- expect: adding-not-nullable-field
