-- Alerts: what scoring raised on cx.experience-alerts.v1, and the state of the touchpoint degradation detector.

-- Every alert raised, as published (payload), with the columns the query API filters on. One writer: AlertStore.
--   kind: LOW_SCORE | TOUCHPOINT_DEGRADED | TOUCHPOINT_RECOVERED
--   response_id is unique: one alert.low-score per survey response, however often the response is delivered (a
--   re-publication under a new ce_id gets past the inbox, not past this constraint); null for touchpoint alerts.
--   branch_id / region_id: the low-score alert's routing branch and that branch's region when raised; null for
--   bank-wide (touchpoint) alerts and for a low score whose branch is unknown.
create table alert (
    alert_id    uuid        primary key,
    kind        varchar(24) not null,
    severity    varchar(8),
    raised_at   timestamptz not null,
    response_id uuid        unique,
    customer_id varchar(64),
    branch_id   varchar(64),
    region_id   varchar(64),
    touchpoint  varchar(64),
    payload     jsonb       not null
);
create index alert_newest on alert (raised_at desc, alert_id desc);
create index alert_branch_newest on alert (branch_id, raised_at desc, alert_id desc) where branch_id is not null;
create index alert_region_newest on alert (region_id, raised_at desc, alert_id desc) where region_id is not null;

-- The detector's input: per touchpoint, 5-minute buckets (UTC, by ingest time) of attempts (touchpoint.recorded with
-- outcome SUCCESS, FAILURE or ABANDONED) and of factor answers (survey questions about the touchpoint) with how many
-- were detractor answers. Additive; one upsert per (touchpoint, bucket) per batch. Buckets older than the baseline are
-- purged by the detector. One writer: HealthFold.
create table touchpoint_health (
    touchpoint   varchar(64) not null,
    bucket_start timestamptz not null,
    attempts     bigint      not null,
    failures     bigint      not null,
    abandoned    bigint      not null,
    answers      bigint      not null,
    detractors   bigint      not null,
    primary key (touchpoint, bucket_start)
);
create index touchpoint_health_bucket on touchpoint_health (bucket_start);

-- The detector's state per touchpoint: NORMAL or DEGRADED (with the metric and the alert that reported it), when it
-- last raised an alert (at most one per window) and since when a DEGRADED touchpoint has looked normal. Written only
-- by the detector, under its advisory lock.
create table touchpoint_health_state (
    touchpoint        varchar(64) primary key,
    status            varchar(12) not null,
    metric            varchar(24),
    degraded_alert_id uuid,
    last_alert_at     timestamptz,
    normal_since      timestamptz
);
