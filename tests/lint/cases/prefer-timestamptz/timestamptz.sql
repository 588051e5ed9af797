-- timestamptz in its spellings, date and time are fine.
CREATE TABLE events (
    created_at timestamptz NOT NULL,
    updated_at timestamp with time zone,
    day date,
    opens time
);
