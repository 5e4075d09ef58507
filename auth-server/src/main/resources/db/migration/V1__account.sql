-- Customers and staff. The id is the subject (sub) of their tokens; the email, trimmed and
-- lower-cased, is what they sign in with.
CREATE TABLE account (
    id            CHAR(36)     NOT NULL,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    password_hash VARCHAR(500) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT ck_account_role CHECK (role IN ('CUSTOMER', 'STAFF'))
);
