ALTER TABLE events ADD COLUMN kind text;
