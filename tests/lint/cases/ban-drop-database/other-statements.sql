-- Creating or altering a database, and dropping a table, are not this rule's business.
CREATE DATABASE reporting;
ALTER DATABASE reporting SET timezone TO 'UTC';
DROP TABLE legacy;
