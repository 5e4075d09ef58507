-- Spring Authorization Server's JDBC schema for authorizations (codes, access, refresh and ID
-- tokens: oauth2-authorization-schema.sql) and consents, with DATETIME(6) for instants.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000) NULL,
    attributes                    BLOB          NULL,
    state                         VARCHAR(500)  NULL,
    authorization_code_value      BLOB          NULL,
    authorization_code_issued_at  DATETIME(6)   NULL,
    authorization_code_expires_at DATETIME(6)   NULL,
    authorization_code_metadata   BLOB          NULL,
    access_token_value            BLOB          NULL,
    access_token_issued_at        DATETIME(6)   NULL,
    access_token_expires_at       DATETIME(6)   NULL,
    access_token_metadata         BLOB          NULL,
    access_token_type             VARCHAR(100)  NULL,
    access_token_scopes           VARCHAR(1000) NULL,
    oidc_id_token_value           BLOB          NULL,
    oidc_id_token_issued_at       DATETIME(6)   NULL,
    oidc_id_token_expires_at      DATETIME(6)   NULL,
    oidc_id_token_metadata        BLOB          NULL,
    refresh_token_value           BLOB          NULL,
    refresh_token_issued_at       DATETIME(6)   NULL,
    refresh_token_expires_at      DATETIME(6)   NULL,
    refresh_token_metadata        BLOB          NULL,
    user_code_value               BLOB          NULL,
    user_code_issued_at           DATETIME(6)   NULL,
    user_code_expires_at          DATETIME(6)   NULL,
    user_code_metadata            BLOB          NULL,
    device_code_value             BLOB          NULL,
    device_code_issued_at         DATETIME(6)   NULL,
    device_code_expires_at        DATETIME(6)   NULL,
    device_code_metadata          BLOB          NULL,
    CONSTRAINT pk_oauth2_authorization PRIMARY KEY (id)
);
CREATE INDEX ix_oauth2_authorization_client ON oauth2_authorization (registered_client_id);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_oauth2_authorization_consent PRIMARY KEY (registered_client_id, principal_name)
);
