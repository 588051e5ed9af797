-- Renaming other objects, and moving a table between schemas: not this rule.
ALTER TABLE billing.invoices SET SCHEMA invoicing;
ALTER INDEX billing.invoices_pkey RENAME TO invoices_key;
CREATE SCHEMA invoicing;
