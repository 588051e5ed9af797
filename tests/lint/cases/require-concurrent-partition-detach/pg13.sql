-- tusk-test: pg-version=13
-- PostgreSQL 13 has no concurrent detach, so there is nothing better to suggest.
ALTER TABLE events DETACH PARTITION events_2020;
