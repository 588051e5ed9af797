DROP SEQUENCE shop.invoice_number_seq; -- expect: ban-drop-sequence
