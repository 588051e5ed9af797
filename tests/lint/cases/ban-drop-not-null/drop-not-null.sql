-- Dropping NOT NULL lets NULLs reach code that assumes none.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL; -- expect: ban-drop-not-null
