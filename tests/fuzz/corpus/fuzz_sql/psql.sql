\set x 1
SELECT :x, :'y', :"z";
COPY t FROM STDIN;
1	2
\.
\copy t from stdin
a
\.
SELECT 2 \g
SELECT 3;
