-- Not this rule's: silent.
CREATE TYPE shop.order_kind AS ENUM ('retail', 'wholesale');
