-- Orders with their lines and status history. Portable between MySQL 8.4 and MariaDB 11.4:
-- DATETIME(6) in UTC, CHAR(36) UUIDs.

CREATE TABLE orders (
    id                    CHAR(36)     NOT NULL,
    customer_id           VARCHAR(100) NOT NULL,
    cart_id               CHAR(36)     NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    ship_name             VARCHAR(200) NOT NULL,
    ship_line1            VARCHAR(200) NOT NULL,
    ship_line2            VARCHAR(200) NULL,
    ship_postal_code      VARCHAR(20)  NOT NULL,
    ship_city             VARCHAR(100) NOT NULL,
    ship_country          CHAR(2)      NOT NULL,
    payment_method        VARCHAR(100) NOT NULL,
    payment_authorization VARCHAR(100) NULL,
    total_amount          BIGINT       NULL,
    currency              CHAR(3)      NULL,
    placed_at             DATETIME(6)  NOT NULL,
    deadline              DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT ck_orders_status CHECK (status IN ('PENDING', 'RESERVED', 'AUTHORIZED', 'CONFIRMED', 'SHIPPED',
        'DELIVERED', 'REJECTED', 'PAYMENT_FAILED', 'CANCELLED'))
);
-- "my orders", newest first, optionally by status
CREATE INDEX ix_orders_customer ON orders (customer_id, placed_at);
CREATE INDEX ix_orders_customer_status ON orders (customer_id, status, placed_at);
-- staff lists and the deadline sweep
CREATE INDEX ix_orders_status ON orders (status, deadline);
CREATE INDEX ix_orders_placed ON orders (placed_at);

CREATE TABLE order_line (
    order_id     CHAR(36)     NOT NULL,
    position     INT          NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    quantity     INT          NOT NULL,
    product_name VARCHAR(200) NULL,
    unit_price   BIGINT       NULL,
    currency     CHAR(3)      NULL,
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, position),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_order_line_quantity CHECK (quantity > 0)
);

CREATE TABLE order_status_change (
    order_id    CHAR(36)     NOT NULL,
    seq         INT          NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    reason      VARCHAR(500) NULL,
    CONSTRAINT pk_order_status_change PRIMARY KEY (order_id, seq),
    CONSTRAINT fk_order_status_change_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
