DROP SCHEMA legacy CASCADE; -- expect: ban-drop-schema
