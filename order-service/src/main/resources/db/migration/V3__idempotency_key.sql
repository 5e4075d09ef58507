-- Idempotency keys of POST /orders, per customer, kept 24 hours (Stripe's rules): the first
-- request's response is stored with the key in the same transaction as the order it made.
CREATE TABLE idempotency_key (
    customer_id     VARCHAR(100) NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    locked_at       DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (customer_id, idem_key),
    CONSTRAINT ck_idempotency_key_status CHECK (status IN ('IN_PROGRESS', 'COMPLETED'))
);
CREATE INDEX ix_idempotency_key_expiry ON idempotency_key (expires_at);
