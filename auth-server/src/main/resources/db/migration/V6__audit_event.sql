-- The audit trail (docs/adr/0020): staff changes and security events, newest first by
-- occurred_at. Portable between MySQL 8.4 and MariaDB 11.4: DATETIME(6) in UTC, JSON
-- (LONGTEXT with a validity check on MariaDB).
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    principal      VARCHAR(255) NOT NULL,
    roles          VARCHAR(255) NULL,
    action         VARCHAR(255) NOT NULL,
    entity_type    VARCHAR(255) NULL,
    entity_id      VARCHAR(255) NULL,
    client_address VARCHAR(255) NULL,
    request_id     VARCHAR(255) NULL,
    details        JSON         NULL,
    before_state   JSON         NULL,
    after_state    JSON         NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);

CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_principal ON audit_event (principal, occurred_at);
CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
