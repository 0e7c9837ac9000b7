-- windbell-messaging: the tables behind the transactional outbox and the processed-message ledger.
-- Services add "db/messaging" to quarkus.flyway.locations; these migrations are numbered 0.x so they
-- run before the service's own and never collide with its version numbers.

-- Events written in the same transaction as the state change that caused them; the relay publishes
-- them in seq order and deletes what the broker acknowledged.
CREATE TABLE outbox (
    seq        bigserial    PRIMARY KEY,
    id         uuid         NOT NULL UNIQUE,
    topic      varchar(249) NOT NULL,
    msg_key    varchar(256),
    headers    jsonb        NOT NULL,
    payload    bytea        NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- Which messages a consumer already applied: claiming an id twice is a no-op, so redelivery changes nothing.
CREATE TABLE inbox (
    consumer     varchar(64)  NOT NULL,
    message_id   varchar(128) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_processed_idx ON inbox (processed_at);
