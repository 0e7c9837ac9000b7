-- Journey reconstruction: definitions, identities, instances with their visits, durable timers.

-- Versioned journey definitions. A change is a new version; running instances keep the version they started on.
-- Exactly one version per code is active (new instances start on it); retiring a journey deactivates all versions.
CREATE TABLE journey_definition (
    code        varchar(48)  NOT NULL,
    version     integer      NOT NULL CHECK (version > 0),
    active      boolean      NOT NULL,
    spec        jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    created_by  varchar(128),
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX journey_definition_active_idx ON journey_definition (code) WHERE active;

-- Identity stitching: an anonymous (device) id seen together with a customer id. Anonymous-only events of that
-- device are attributed to the customer from then on; the row records the merge and what it re-attributed.
CREATE TABLE identity_link (
    anonymous_id          varchar(128) NOT NULL,
    customer_id           varchar(64)  NOT NULL,
    linked_at             timestamptz  NOT NULL,
    event_id              uuid         NOT NULL,
    reattributed_events   integer      NOT NULL DEFAULT 0,
    reattributed_journeys integer      NOT NULL DEFAULT 0,
    merged_journeys       integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (anonymous_id, customer_id)
);
CREATE INDEX identity_link_customer_idx ON identity_link (customer_id);

-- One journey of one person. subject is 'c:<customerId>' once the customer is known, else 'a:<anonymousId>'.
-- state holds the aggregate (visits, milestones, pending interruption) as the domain class serialises it;
-- the columns beside it are what queries and the funnel filter and group on.
CREATE TABLE journey_instance (
    id                   uuid         PRIMARY KEY,
    definition_code      varchar(48)  NOT NULL,
    definition_version   integer      NOT NULL,
    subject              varchar(140) NOT NULL,
    customer_id          varchar(64),
    anonymous_id         varchar(128),
    status               varchar(16)  NOT NULL CHECK (status IN ('IN_PROGRESS', 'INTERRUPTED', 'COMPLETED')),
    closed               boolean      NOT NULL DEFAULT false,
    merged_into          uuid,
    phase                varchar(64),
    current_step         integer,
    started_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    last_activity_at     timestamptz  NOT NULL,
    completed_at         timestamptz,
    interruptions        integer      NOT NULL DEFAULT 0,
    channel_switches     integer      NOT NULL DEFAULT 0,
    revision             bigint       NOT NULL DEFAULT 0,
    state                jsonb        NOT NULL
) WITH (fillfactor = 70);  -- room on the page for HOT updates: most updates leave every indexed column alone
-- at most one open instance per person and definition: two consumers racing to start one collide here and retry
CREATE UNIQUE INDEX journey_instance_open_idx ON journey_instance (subject, definition_code) WHERE NOT closed;
CREATE INDEX journey_instance_subject_idx ON journey_instance (subject, started_at DESC);
CREATE INDEX journey_instance_customer_idx ON journey_instance (customer_id, started_at DESC);
CREATE INDEX journey_instance_definition_idx ON journey_instance (definition_code, started_at);
CREATE INDEX journey_instance_started_idx ON journey_instance (started_at DESC, id DESC);
CREATE INDEX journey_instance_merged_idx ON journey_instance (merged_into) WHERE merged_into IS NOT NULL;

-- Every touchpoint event the service applied: the cross-channel timeline, and the visits the funnel counts.
-- Append-only, written with COPY; no unique key: the inbox claim already lets each event in once.
CREATE TABLE touchpoint_event (
    event_id            uuid         NOT NULL,
    customer_id         varchar(64),
    anonymous_id        varchar(128),
    occurred_at         timestamptz  NOT NULL,
    -- the client's UTC offset in seconds: the customer's local time of day matters to analysts
    occurred_offset     integer      NOT NULL,
    channel             varchar(32)  NOT NULL,
    touchpoint          varchar(64)  NOT NULL,
    outcome             varchar(16)  NOT NULL,
    error_code          varchar(64),
    duration_ms         bigint,
    branch_id           varchar(32),
    employee_id         varchar(32),
    product_id          varchar(64),
    session_id          varchar(128),
    journey_instance_id uuid,
    definition_code     varchar(48),
    step_order          integer,
    -- arrived later than the lateness bound allows: kept on the timeline, not applied to the journey
    late                boolean      NOT NULL DEFAULT false
);
CREATE INDEX touchpoint_event_customer_idx ON touchpoint_event (customer_id, occurred_at DESC);
CREATE INDEX touchpoint_event_anonymous_idx ON touchpoint_event (anonymous_id, occurred_at DESC) WHERE anonymous_id IS NOT NULL;
CREATE INDEX touchpoint_event_instance_idx ON touchpoint_event (journey_instance_id, occurred_at);

-- Each interruption and how it ended: the funnel's hot spots by touchpoint and error code.
CREATE TABLE journey_interruption (
    id                  bigserial    PRIMARY KEY,
    journey_instance_id uuid         NOT NULL REFERENCES journey_instance (id),
    definition_code     varchar(48)  NOT NULL,
    reason              varchar(16)  NOT NULL CHECK (reason IN ('TIMEOUT', 'FAILURE', 'ABANDONED')),
    touchpoint          varchar(64),
    step_order          integer,
    channel             varchar(32),
    error_code          varchar(64),
    interrupted_at      timestamptz  NOT NULL,
    resumed_at          timestamptz,
    resumed_channel     varchar(32)
);
CREATE INDEX journey_interruption_definition_idx ON journey_interruption (definition_code, interrupted_at);
CREATE INDEX journey_interruption_instance_idx ON journey_interruption (journey_instance_id) WHERE resumed_at IS NULL;

-- The next deadline of an open instance (inactivity after a key node, a failure or abandonment not followed up
-- within the grace window, the maximum duration). Replicas claim due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE journey_timer (
    journey_instance_id uuid        PRIMARY KEY REFERENCES journey_instance (id),
    due_at              timestamptz NOT NULL,
    kind                varchar(16) NOT NULL
);
CREATE INDEX journey_timer_due_idx ON journey_timer (due_at);
