-- Tusk demo database: the partitioned audit log and the migration bookkeeping.

CREATE SEQUENCE audit.events_id_seq AS bigint;

CREATE TABLE audit.events (
    id                 bigint NOT NULL DEFAULT nextval('audit.events_id_seq'),
    occurred_at        timestamptz NOT NULL DEFAULT now(),
    actor_customer_id  bigint,
    action             text NOT NULL,
    entity_type        text NOT NULL,
    entity_id          bigint,
    client_ip          inet,
    request_id         uuid,
    payload            jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (id, occurred_at),
    CONSTRAINT events_action_format CHECK (action ~ '^[a-z_]+\.[a-z_]+$')
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE audit.events_id_seq OWNED BY audit.events.id;
CREATE INDEX events_entity_idx ON audit.events (entity_type, entity_id);
COMMENT ON TABLE audit.events IS 'Application event log, range-partitioned by month on occurred_at (UTC). Rows after the last monthly partition land in audit.events_default.';

CREATE TABLE audit.events_2024_08 PARTITION OF audit.events
    FOR VALUES FROM ('2024-08-01 00:00:00+00') TO ('2024-09-01 00:00:00+00');
CREATE TABLE audit.events_2024_09 PARTITION OF audit.events
    FOR VALUES FROM ('2024-09-01 00:00:00+00') TO ('2024-10-01 00:00:00+00');
CREATE TABLE audit.events_2024_10 PARTITION OF audit.events
    FOR VALUES FROM ('2024-10-01 00:00:00+00') TO ('2024-11-01 00:00:00+00');
CREATE TABLE audit.events_2024_11 PARTITION OF audit.events
    FOR VALUES FROM ('2024-11-01 00:00:00+00') TO ('2024-12-01 00:00:00+00');
CREATE TABLE audit.events_2024_12 PARTITION OF audit.events
    FOR VALUES FROM ('2024-12-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE audit.events_default PARTITION OF audit.events DEFAULT;
COMMENT ON TABLE audit.events_default IS 'Catch-all partition: holds the January 2025 events because nobody created events_2025_01.';

CREATE TABLE public.schema_migrations (
    version       text PRIMARY KEY,
    description   text NOT NULL,
    checksum      text NOT NULL,
    applied_at    timestamptz NOT NULL DEFAULT now(),
    execution_ms  integer NOT NULL,
    CONSTRAINT schema_migrations_version_format CHECK (version ~ '^[0-9]{14}$'),
    CONSTRAINT schema_migrations_execution_ms_non_negative CHECK (execution_ms >= 0)
);
COMMENT ON TABLE public.schema_migrations IS 'Migrations applied by the application''s migration tool.';
