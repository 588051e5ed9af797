-- Its functions, types and operators go with it.
DROP EXTENSION IF EXISTS pg_trgm; -- expect: ban-drop-extension
