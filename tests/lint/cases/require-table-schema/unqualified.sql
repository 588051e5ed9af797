-- Tables named without a schema depend on search_path.
CREATE TABLE posts (id bigint); -- expect: require-table-schema
ALTER TABLE posts ADD COLUMN name text; -- expect: require-table-schema
DROP TABLE posts; -- expect: require-table-schema
CREATE TABLE post_counts AS SELECT 1 AS n; -- expect: require-table-schema
