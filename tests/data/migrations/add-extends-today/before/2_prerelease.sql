CREATE INDEX CONCURRENTLY orders_note_idx ON shop.orders (note);
