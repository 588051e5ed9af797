ALTER TABLE public.orders SET SCHEMA shop; -- expect: ban-set-schema
ALTER FUNCTION public.order_total(bigint) SET SCHEMA shop; -- expect: ban-set-schema
ALTER TYPE public.order_status SET SCHEMA shop; -- expect: ban-set-schema
-- Owner changes are not moves.
