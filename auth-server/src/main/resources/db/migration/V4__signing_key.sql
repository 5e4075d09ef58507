-- RSA keys that sign tokens. The newest active key (retired_at NULL) signs; retired keys stay
-- published in the JWK set for a while so that tokens signed before a rotation still verify.
-- The private key is PKCS#8, encrypted (AES-GCM, key from AUTH_KEY_PASSWORD and the row's salt)
-- unless private_key_encryption says NONE (a developer machine without a password).
CREATE TABLE signing_key (
    kid                    VARCHAR(64)  NOT NULL,
    public_key             TEXT         NOT NULL,
    private_key            TEXT         NOT NULL,
    private_key_encryption VARCHAR(16)  NOT NULL,
    private_key_salt       VARCHAR(64)  NULL,
    created_at             DATETIME(6)  NOT NULL,
    activated_at           DATETIME(6)  NOT NULL,
    retired_at             DATETIME(6)  NULL,
    CONSTRAINT pk_signing_key PRIMARY KEY (kid),
    CONSTRAINT ck_signing_key_encryption CHECK (private_key_encryption IN ('AES_GCM', 'NONE'))
);
CREATE INDEX ix_signing_key_retired ON signing_key (retired_at);

-- One row that every rotation locks (SELECT ... FOR UPDATE), so that instances starting or
-- checking the key's age at the same time rotate once, not once each.
CREATE TABLE signing_key_lock (
    id INT NOT NULL,
    CONSTRAINT pk_signing_key_lock PRIMARY KEY (id)
);
INSERT INTO signing_key_lock (id) VALUES (1);
