-- A cart is ordered once. While one of its orders is in progress or went through, another
-- order of the same cart (a second device, a retry with a new Idempotency-Key) is refused:
-- the cart is marked checked out only when the first order is confirmed, so until then it
-- looks orderable. Orders that failed (REJECTED, PAYMENT_FAILED) or were cancelled leave the
-- cart free to be ordered again. The checkout checks first; this index settles a race.
-- Found by the benchmarks' checkout audit: one cart, two confirmed orders.
-- (A flag beside cart_id rather than a nullable copy of it: MariaDB refuses a generated CHAR
-- value, whose padding depends on the SQL mode. NULLs never collide in a unique index.)
ALTER TABLE orders ADD COLUMN cart_open TINYINT
    AS (CASE WHEN status IN ('REJECTED', 'PAYMENT_FAILED', 'CANCELLED') THEN NULL ELSE 1 END) STORED;
CREATE UNIQUE INDEX uk_orders_open_cart ON orders (cart_id, cart_open);
