-- Not this rule's: silent.
ALTER SEQUENCE shop.invoice_number_seq INCREMENT BY 2;
