-- Categories, products and their variants, stock per SKU with its movements, stock
-- reservations per order, and Spring Modulith's event publication registry (the outbox).
-- Portable between MySQL 8.4 and MariaDB 11.4: DATETIME(6) in UTC (no 2038 limit), CHAR(36)
-- UUIDs, InnoDB FULLTEXT, CHECK constraints (enforced by both).

CREATE TABLE category (
    id         CHAR(36)     NOT NULL,
    parent_id  CHAR(36)     NULL,
    slug       VARCHAR(120) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    position   INT          NOT NULL DEFAULT 0,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_category PRIMARY KEY (id),
    CONSTRAINT uk_category_slug UNIQUE (slug),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id)
);
CREATE INDEX ix_category_parent ON category (parent_id, position);

CREATE TABLE product (
    id          CHAR(36)     NOT NULL,
    slug        VARCHAR(160) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NOT NULL,
    category_id CHAR(36)     NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    -- the lowest price among the product's active variants, kept by the application for
    -- the price filter and sort of listings
    min_price   BIGINT       NOT NULL,
    currency    CHAR(3)      NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT uk_product_slug UNIQUE (slug),
    CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT ck_product_status CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED'))
);
CREATE INDEX ix_product_category ON product (category_id, status, created_at);
CREATE INDEX ix_product_newest ON product (status, created_at);
CREATE INDEX ix_product_price ON product (status, min_price);
CREATE INDEX ix_product_name ON product (status, name);
CREATE FULLTEXT INDEX ft_product_text ON product (name, description);

CREATE TABLE product_image (
    product_id CHAR(36)     NOT NULL,
    position   INT          NOT NULL,
    url        VARCHAR(500) NOT NULL,
    CONSTRAINT pk_product_image PRIMARY KEY (product_id, position),
    CONSTRAINT fk_product_image_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
);

CREATE TABLE variant (
    sku          VARCHAR(64) NOT NULL,
    product_id   CHAR(36)    NOT NULL,
    position     INT         NOT NULL,
    price_amount BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    status       VARCHAR(16) NOT NULL,
    CONSTRAINT pk_variant PRIMARY KEY (sku),
    CONSTRAINT fk_variant_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_variant_price CHECK (price_amount >= 0),
    CONSTRAINT ck_variant_status CHECK (status IN ('ACTIVE', 'ARCHIVED'))
);
CREATE INDEX ix_variant_product ON variant (product_id, position);

CREATE TABLE variant_option (
    sku          VARCHAR(64) NOT NULL,
    option_name  VARCHAR(40) NOT NULL,
    option_value VARCHAR(80) NOT NULL,
    CONSTRAINT pk_variant_option PRIMARY KEY (sku, option_name),
    CONSTRAINT fk_variant_option_variant FOREIGN KEY (sku) REFERENCES variant (sku) ON DELETE CASCADE
);
CREATE INDEX ix_variant_option_value ON variant_option (option_name, option_value, sku);

CREATE TABLE stock (
    sku        VARCHAR(64) NOT NULL,
    on_hand    INT         NOT NULL DEFAULT 0,
    reserved   INT         NOT NULL DEFAULT 0,
    version    BIGINT      NOT NULL DEFAULT 0,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_stock PRIMARY KEY (sku),
    CONSTRAINT fk_stock_variant FOREIGN KEY (sku) REFERENCES variant (sku),
    CONSTRAINT ck_stock_on_hand CHECK (on_hand >= 0),
    CONSTRAINT ck_stock_reserved CHECK (reserved >= 0 AND reserved <= on_hand)
);

CREATE TABLE stock_movement (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    sku           VARCHAR(64)  NOT NULL,
    delta         INT          NOT NULL,
    on_hand_after INT          NOT NULL,
    reason        VARCHAR(20)  NOT NULL,
    note          VARCHAR(500) NULL,
    actor         VARCHAR(100) NOT NULL,
    order_id      CHAR(36)     NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_stock_movement PRIMARY KEY (id),
    CONSTRAINT fk_stock_movement_stock FOREIGN KEY (sku) REFERENCES stock (sku)
);
CREATE INDEX ix_stock_movement_sku ON stock_movement (sku, occurred_at);

CREATE TABLE reservation (
    order_id   CHAR(36)    NOT NULL,
    status     VARCHAR(16) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_reservation PRIMARY KEY (order_id)
);
CREATE INDEX ix_reservation_expiry ON reservation (status, expires_at);

CREATE TABLE reservation_line (
    order_id     CHAR(36)    NOT NULL,
    sku          VARCHAR(64) NOT NULL,
    quantity     INT         NOT NULL,
    price_amount BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    product_name VARCHAR(200) NOT NULL,
    CONSTRAINT pk_reservation_line PRIMARY KEY (order_id, sku),
    CONSTRAINT fk_reservation_line_reservation FOREIGN KEY (order_id) REFERENCES reservation (order_id),
    CONSTRAINT ck_reservation_line_quantity CHECK (quantity > 0)
);

-- Spring Modulith's event publication registry: events are stored here in the transaction
-- that changes the state, and completed once Kafka has acknowledged them.
CREATE TABLE event_publication (
    id                     BINARY(16)   NOT NULL,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       MEDIUMTEXT   NOT NULL,
    publication_date       DATETIME(6)  NOT NULL,
    completion_date        DATETIME(6)  NULL,
    last_resubmission_date DATETIME(6)  NULL,
    completion_attempts    INT          NOT NULL DEFAULT 0,
    status                 VARCHAR(20)  NULL,
    CONSTRAINT pk_event_publication PRIMARY KEY (id)
);
CREATE INDEX ix_event_publication_incomplete ON event_publication (completion_date, publication_date);

CREATE TABLE event_publication_archive (
    id                     BINARY(16)   NOT NULL,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       MEDIUMTEXT   NOT NULL,
    publication_date       DATETIME(6)  NOT NULL,
    completion_date        DATETIME(6)  NULL,
    last_resubmission_date DATETIME(6)  NULL,
    completion_attempts    INT          NOT NULL DEFAULT 0,
    status                 VARCHAR(20)  NULL,
    CONSTRAINT pk_event_publication_archive PRIMARY KEY (id)
);
