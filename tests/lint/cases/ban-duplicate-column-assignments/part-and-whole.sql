-- A part of a column next to the whole column: the whole is set twice.
UPDATE orders SET address = ROW('Main', 'Oslo'), address.city = 'Bergen' WHERE id = 1; -- expect: ban-duplicate-column-assignments
