-- Inside BEGIN … COMMIT CONCURRENTLY cannot run: flagged without a fix.
BEGIN;
ALTER TABLE events DETACH PARTITION events_2020; -- expect: require-concurrent-partition-detach
COMMIT;
