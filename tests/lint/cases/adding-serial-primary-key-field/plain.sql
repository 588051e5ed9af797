-- Primary keys built inside ALTER TABLE lock the table for the build.
ALTER TABLE items ADD PRIMARY KEY (id); -- expect: adding-serial-primary-key-field
ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id); -- expect: adding-serial-primary-key-field
ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY; -- expect: adding-serial-primary-key-field
