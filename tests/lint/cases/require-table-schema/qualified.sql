-- Qualified names, temporary tables and non-table objects are fine.
CREATE TABLE public.posts (id bigint);
ALTER TABLE public.posts ADD COLUMN name text;
DROP TABLE public.posts;
CREATE TABLE public.post_counts AS SELECT 1 AS n;
CREATE TEMP TABLE scratch (id bigint);
CREATE INDEX posts_name_idx ON public.posts (name);
