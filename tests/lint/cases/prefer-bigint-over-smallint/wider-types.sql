-- integer and bigint are not this rule's business.
CREATE TABLE ratings (stars integer, total bigint, seq bigserial);
