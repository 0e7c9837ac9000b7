-- The touchpoint catalog: which touchpoints exist, on which channels, in which journey step.
CREATE TABLE channel (
    code        varchar(32) PRIMARY KEY,
    name        varchar(100) NOT NULL,
    name_zh     varchar(100) NOT NULL
);

CREATE TABLE journey (
    code            varchar(48) PRIMARY KEY,
    name            varchar(100) NOT NULL,
    name_zh         varchar(100) NOT NULL,
    lifecycle_stage varchar(16)  NOT NULL CHECK (lifecycle_stage IN ('ACQUISITION', 'ACTIVATION', 'UPGRADE', 'RETENTION', 'REFERRAL'))
);

CREATE TABLE touchpoint (
    code         varchar(64) PRIMARY KEY,
    name         varchar(120) NOT NULL,
    name_zh      varchar(120) NOT NULL,
    journey_code varchar(48)  NOT NULL REFERENCES journey (code),
    step_order   integer      NOT NULL CHECK (step_order > 0),
    phase        varchar(32),
    key_node     boolean      NOT NULL DEFAULT false,
    channels     text[]       NOT NULL,
    description  varchar(500),
    active       boolean      NOT NULL DEFAULT true,
    version      integer      NOT NULL DEFAULT 0,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX touchpoint_journey_idx ON touchpoint (journey_code, step_order);

-- Every replica keeps the catalog in memory; a change anywhere tells all of them to reload.
CREATE FUNCTION notify_catalog_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER channel_changed AFTER INSERT OR UPDATE OR DELETE ON channel
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER journey_changed AFTER INSERT OR UPDATE OR DELETE ON journey
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER touchpoint_changed AFTER INSERT OR UPDATE OR DELETE ON touchpoint
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();

-- Rejected events, kept with their raw payload and the reasons, so nothing a channel sent is lost.
CREATE TABLE quarantined_event (
    id           uuid PRIMARY KEY,
    received_at  timestamptz  NOT NULL,
    client_id    varchar(128),
    content_type varchar(100),
    batch_index  integer,
    event_id     varchar(64),
    channel      varchar(64),
    reasons      jsonb        NOT NULL,
    payload      text         NOT NULL,
    payload_truncated boolean NOT NULL DEFAULT false
);
CREATE INDEX quarantined_event_received_idx ON quarantined_event (received_at DESC, id DESC);
