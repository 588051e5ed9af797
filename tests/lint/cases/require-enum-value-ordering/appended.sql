-- ADD VALUE without BEFORE or AFTER appends the value after every other.
ALTER TYPE status ADD VALUE 'pending_review'; -- expect: require-enum-value-ordering
ALTER TYPE shop.priority ADD VALUE IF NOT EXISTS 'urgent'; -- expect: require-enum-value-ordering
