-- Values placed explicitly, and renames, are fine for this rule.
ALTER TYPE status ADD VALUE 'pending_review' BEFORE 'approved';
ALTER TYPE status ADD VALUE 'on_hold' AFTER 'submitted';
ALTER TYPE status RENAME VALUE 'rejected' TO 'declined';
