-- DETACH PARTITION without CONCURRENTLY; the fix appends it.
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY; -- expect: require-concurrent-partition-detach
