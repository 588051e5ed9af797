-- The UPDATE hides inside a DO block: PL/pgSQL's parser finds it.
DO $$
BEGIN
  UPDATE orders SET status = 'new'; -- expect: unbatched-update-or-delete
END
$$;
