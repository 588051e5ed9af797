ALTER TABLE public.x ADD COLUMN b text;
