COPY a (x) FROM stdin;
1
2
\.
CREATE INDEX CONCURRENTLY a_x ON a (x);
