SELECT Ã©, "â‚¬;" FROM t;
UPDATE t SET a = 1 WHERE b = 'ÿþ';