-- Enter migration here
create or replace function app.now() returns timestamptz language sql as $$ select now() $$;
