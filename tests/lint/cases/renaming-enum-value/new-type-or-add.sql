-- An enum created in this file has no users yet; adding a value renames nothing.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
ALTER TYPE status ADD VALUE 'archived' AFTER 'approved';
