-- Every client that names the schema fails from the commit on.
ALTER SCHEMA billing RENAME TO invoicing; -- expect: renaming-schema
