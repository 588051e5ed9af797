-- DETACH PARTITION without CONCURRENTLY; the fix appends it.
ALTER TABLE events DETACH PARTITION events_2020; -- expect: require-concurrent-partition-detach
