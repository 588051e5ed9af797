-- psql meta-commands and COPY data are not SQL for the server, and not errors.
\set ON_ERROR_STOP on
COPY orders (id, ref) FROM stdin;
1	a;b
2	c
\.
SELECT 1;
