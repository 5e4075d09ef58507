-- Spring Modulith's event publication registry: the transactional outbox (ADR 0011). An
-- event is stored here in the transaction of the change it announces and sent to Kafka
-- after the commit; completed publications are deleted (completion mode `delete`), the
-- archive table is there for the `archive` mode.
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
