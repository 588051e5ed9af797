-- Renaming an existing table breaks clients that use the old name.
ALTER TABLE users RENAME TO accounts; -- expect: renaming-table
ALTER TABLE IF EXISTS billing.invoice RENAME TO invoices; -- expect: renaming-table
