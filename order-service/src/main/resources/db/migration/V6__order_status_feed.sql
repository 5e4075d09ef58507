-- Live order status (ADR 0021): every history entry gets a position in its customer's feed,
-- a gap-free sequence per customer in the order the entries became visible, which is what a
-- "my orders" stream resumes from. The writers of the history leave both columns NULL; the
-- feed's sequencer fills them in after the commit (CustomerFeed), under the customer's
-- feed row lock. An entry's place within its order stays (order_id, seq).
ALTER TABLE order_status_change ADD COLUMN feed_customer_id VARCHAR(100) NULL;
ALTER TABLE order_status_change ADD COLUMN feed_position BIGINT NULL;
-- The customer's entries by position; also finds the entries not yet sequenced (NULL, NULL).
CREATE INDEX ix_order_status_change_feed ON order_status_change (feed_customer_id, feed_position);

-- The last position handed out per customer. Its row is locked while positions are assigned,
-- so each customer's sequence grows one transaction at a time.
CREATE TABLE customer_feed (
    customer_id   VARCHAR(100) NOT NULL,
    head_position BIGINT       NOT NULL,
    CONSTRAINT pk_customer_feed PRIMARY KEY (customer_id)
);
