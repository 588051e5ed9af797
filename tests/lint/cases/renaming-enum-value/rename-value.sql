-- Renaming a label of an existing enum breaks clients that still use the old one.
ALTER TYPE status RENAME VALUE 'rejected' TO 'declined'; -- expect: renaming-enum-value
