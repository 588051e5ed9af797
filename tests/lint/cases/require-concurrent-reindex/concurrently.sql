-- Both spellings of the concurrent form, and a table this file creates: silent.
REINDEX INDEX CONCURRENTLY orders_customer;
REINDEX (CONCURRENTLY) TABLE orders;
CREATE TABLE invoices (id bigint PRIMARY KEY);
REINDEX TABLE invoices;
