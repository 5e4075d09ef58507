-- Ids of the events this service has applied, written in the same transaction as the
-- effect, so that a redelivered event is recognised and ignored.
CREATE TABLE processed_event (
    event_id     VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_processed_event PRIMARY KEY (event_id)
);
