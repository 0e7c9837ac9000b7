-- Survey service: question bank, survey rules, display names, contact preferences, the recovery work orders
-- that pause surveys, touchpoint duration samples, invitations (which are also the contact ledger),
-- responses and the decision log that explains every trigger.

-- Versioned configuration: a change inserts the next version; invitations keep the versions they used.
CREATE TABLE question (
    id          text        NOT NULL,
    version     integer     NOT NULL,
    active      boolean     NOT NULL,
    spec        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE survey_rule (
    code        text        NOT NULL,
    version     integer     NOT NULL,
    active      boolean     NOT NULL,
    spec        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    PRIMARY KEY (code, version)
);

-- Names piped into question texts: kind JOURNEY, TOUCHPOINT, PRODUCT, BRANCH, EMPLOYEE.
CREATE TABLE display_name (
    kind        text        NOT NULL,
    code        text        NOT NULL,
    locale      text        NOT NULL,
    name        text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, code, locale)
);

-- What the bank knows about a customer's wishes; absent = defaults of the service.
CREATE TABLE contact_preference (
    customer_id    text        PRIMARY KEY,
    do_not_survey  boolean     NOT NULL DEFAULT false,
    time_zone      text,
    locale         text,
    channel        text,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL
);

-- Recovery work orders as last seen on cx.workorder-events.v1 (revision guards against stale events).
CREATE TABLE recovery_work_order (
    work_order_id  uuid        PRIMARY KEY,
    customer_id    text        NOT NULL,
    status         text        NOT NULL,
    open           boolean     NOT NULL,
    revision       bigint      NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX recovery_work_order_open ON recovery_work_order (customer_id) WHERE open;

-- Observed touchpoint durations, one row per visit (a journey's later events repeat earlier visits).
CREATE TABLE touchpoint_duration (
    journey_instance_id uuid        NOT NULL,
    touchpoint          text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    duration_ms         bigint      NOT NULL,
    PRIMARY KEY (journey_instance_id, touchpoint, occurred_at)
);
CREATE INDEX touchpoint_duration_recent ON touchpoint_duration (occurred_at);

-- One invitation per row, from the decision to send it until it is answered, expires or is cancelled.
-- The rows that count_against_budget are the customer's contact ledger.
CREATE TABLE invitation (
    id                          uuid        PRIMARY KEY,
    customer_id                 text        NOT NULL,
    journey_instance_id         uuid,
    journey_revision            bigint,
    definition_code             text,
    rule_code                   text,
    rule_version                integer,
    survey_code                 text        NOT NULL,
    anchor_metric               text        NOT NULL,
    channel                     text        NOT NULL,
    locale                      text        NOT NULL,
    status                      text        NOT NULL
        CHECK (status IN ('SCHEDULED', 'SENT', 'RESPONDED', 'EXPIRED', 'CANCELLED')),
    counts_against_budget       boolean     NOT NULL,
    expire_on_journey_progress  boolean     NOT NULL DEFAULT false,
    expire_on_recovery          boolean     NOT NULL DEFAULT false,
    follow_up_of_work_order_id  uuid        UNIQUE,
    trigger_event_id            uuid,
    traceparent                 text,
    created_at                  timestamptz NOT NULL,
    send_at                     timestamptz NOT NULL,
    sent_at                     timestamptz,
    expires_at                  timestamptz NOT NULL,
    opened_at                   timestamptz,
    closed_at                   timestamptz,
    closed_reason               text,
    token_hash                  bytea,
    survey                      jsonb       NOT NULL,
    journey                     jsonb,
    attribution                 jsonb       NOT NULL DEFAULT '{}',
    draft                       jsonb,
    draft_saved_at              timestamptz
);
CREATE INDEX invitation_customer ON invitation (customer_id, created_at);
CREATE INDEX invitation_journey ON invitation (journey_instance_id) WHERE status IN ('SCHEDULED', 'SENT');
CREATE INDEX invitation_due ON invitation (send_at) WHERE status = 'SCHEDULED';
CREATE INDEX invitation_expiring ON invitation (expires_at) WHERE status = 'SENT';

CREATE TABLE response (
    id             uuid        PRIMARY KEY,
    invitation_id  uuid        NOT NULL UNIQUE REFERENCES invitation (id),
    customer_id    text        NOT NULL,
    survey_code    text        NOT NULL,
    locale         text        NOT NULL,
    responded_at   timestamptz NOT NULL,
    anchor_metric  text        NOT NULL,
    anchor_score   integer     NOT NULL,
    answers        jsonb       NOT NULL,
    branch_id      text,
    employee_id    text,
    product_id     text,
    follow_up_of_work_order_id uuid
);
CREATE INDEX response_branch ON response (branch_id, responded_at);
CREATE INDEX response_time ON response (responded_at);

-- Why each trigger did or did not become an invitation (INVITED, NOT_SAMPLED, BUDGET_CAP, ...).
CREATE TABLE survey_decision (
    id                  bigserial   PRIMARY KEY,
    customer_id         text        NOT NULL,
    journey_instance_id uuid,
    trigger_event_id    uuid,
    trigger_type        text        NOT NULL,
    decided_at          timestamptz NOT NULL,
    outcome             text        NOT NULL,
    rule_code           text,
    invitation_id       uuid,
    detail              text
);
CREATE INDEX survey_decision_customer ON survey_decision (customer_id, decided_at);
