-- Carts and their lines, and the local read model of the catalog's SKUs (kept fresh from
-- catalog events and from direct lookups). Portable between MySQL 8.4 and MariaDB 11.4:
-- DATETIME(6) in UTC, CHAR(36) UUIDs, CHECK constraints (enforced by both).

CREATE TABLE cart (
    id                 CHAR(36)     NOT NULL,
    -- the token subject of the owning customer; NULL for a guest cart
    customer_id        VARCHAR(100) NULL,
    -- equals customer_id while a customer's cart is ACTIVE, NULL otherwise: a unique index
    -- ignores NULLs on both databases, so it allows one active cart per customer and any
    -- number of guest and retired carts
    active_customer_id VARCHAR(100) NULL,
    status             VARCHAR(16)  NOT NULL,
    -- the customer cart a MERGED guest cart went into
    merged_into        CHAR(36)     NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_cart PRIMARY KEY (id),
    CONSTRAINT uk_cart_active_customer UNIQUE (active_customer_id),
    CONSTRAINT ck_cart_status CHECK (status IN ('ACTIVE', 'CHECKED_OUT', 'MERGED', 'EXPIRED')),
    CONSTRAINT ck_cart_active_customer CHECK (active_customer_id IS NULL
        OR (status = 'ACTIVE' AND active_customer_id = customer_id))
);
-- the expiry job's search: guest carts (customer_id IS NULL) by last change
CREATE INDEX ix_cart_expiry ON cart (customer_id, updated_at);

CREATE TABLE cart_line (
    cart_id          CHAR(36)    NOT NULL,
    sku              VARCHAR(64) NOT NULL,
    quantity         INT         NOT NULL,
    -- the unit price when the SKU was (last) added, to tell the customer about a change
    added_unit_price BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    added_at         DATETIME(6) NOT NULL,
    CONSTRAINT pk_cart_line PRIMARY KEY (cart_id, sku),
    CONSTRAINT fk_cart_line_cart FOREIGN KEY (cart_id) REFERENCES cart (id) ON DELETE CASCADE,
    CONSTRAINT ck_cart_line_quantity CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT ck_cart_line_price CHECK (added_unit_price >= 0)
);
CREATE INDEX ix_cart_line_sku ON cart_line (sku);

-- What the cart knows of each SKU: from ProductCreated/Updated/Archived events and from
-- direct lookups, never older than what is stored (product_version).
CREATE TABLE sku_snapshot (
    sku             VARCHAR(64)  NOT NULL,
    product_id      CHAR(36)     NOT NULL,
    product_name    VARCHAR(200) NOT NULL,
    slug            VARCHAR(160) NOT NULL,
    image_url       VARCHAR(500) NULL,
    price_amount    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    active          BOOLEAN      NOT NULL,
    product_version BIGINT       NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_sku_snapshot PRIMARY KEY (sku),
    CONSTRAINT ck_sku_snapshot_price CHECK (price_amount >= 0)
);
CREATE INDEX ix_sku_snapshot_product ON sku_snapshot (product_id);

-- Sellable quantity per SKU, from StockLevelChanged events and direct lookups. Apart from
-- sku_snapshot because stock and product events travel on different topics: a stock level
-- may arrive before the product it belongs to.
CREATE TABLE sku_stock (
    sku         VARCHAR(64) NOT NULL,
    available   BIGINT      NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_sku_stock PRIMARY KEY (sku),
    CONSTRAINT ck_sku_stock_available CHECK (available >= 0)
);
