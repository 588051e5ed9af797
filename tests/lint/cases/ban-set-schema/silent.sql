-- Not this rule's: silent.
ALTER TABLE public.orders OWNER TO app_owner;
