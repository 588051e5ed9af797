-- The safe route, and a primary key on a table this file creates: silent.
CREATE UNIQUE INDEX CONCURRENTLY items_pkey ON items (id);
ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;
CREATE TABLE invoices (id bigint NOT NULL);
ALTER TABLE invoices ADD PRIMARY KEY (id);
