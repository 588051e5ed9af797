-- CASCADE also empties every table that references these, however far.
TRUNCATE orders CASCADE; -- expect: ban-truncate-cascade
TRUNCATE TABLE carts, wishlists RESTART IDENTITY CASCADE; -- expect: ban-truncate-cascade
