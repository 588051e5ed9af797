-- text, varchar and the one-byte internal "char" type are not character(n).
CREATE TABLE app_user (name text, email varchar(100), nick character varying, kind "char");
