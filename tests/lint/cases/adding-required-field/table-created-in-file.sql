-- A table created in this file has no rows yet.
CREATE TABLE recipe_step (id bigint PRIMARY KEY);
ALTER TABLE recipe_step ADD COLUMN position int NOT NULL;
