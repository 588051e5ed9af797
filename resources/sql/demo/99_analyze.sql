-- Tusk demo database: planner statistics for everything (ANALYZE may run in a
-- transaction block, unlike VACUUM).
ANALYZE;
