SELECT 1; SELECT 'a;b' -- c;
/* x /* nested; */ */ INSERT INTO t VALUES (E'\';', $tag$ ; $tag$);
