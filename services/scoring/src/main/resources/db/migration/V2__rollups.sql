-- Rollups: every metric of scoring is computed from these additive day rows, never from raw events or responses.
-- A row is one day (the bank's time zone) x one value of one dimension x one branch; its region is the branch's at
-- the time the event was folded. Weeks, months and any period are sums of day rows; percentiles come from
-- HdrHistogram sketches (bytea, compressed encoding) that merge exactly. '' stands for "unknown" (Attribution.UNKNOWN)
-- and, in the value column, for the dimension 'all', so that rows of one dimension add up to the total.

-- X-data: answers to a survey's anchor question (survey.responded).
--   dimension: all | journey | phase | channel | employee | product | tier | survey
--   counts[k] (1-based) = answers with score metric.min + k - 1 (NPS 0..10: 11 cells; CSAT 1..5: 5; CES 1..7: 7)
create table response_rollup (
    metric     varchar(8)  not null,
    dimension  varchar(16) not null,
    value      varchar(64) not null,
    day        date        not null,
    branch_id  varchar(64) not null,
    region_id  varchar(64) not null,
    n          bigint      not null,
    counts     bigint[]    not null,
    primary key (metric, dimension, value, day, branch_id)
);

-- X-data per question factor: the touchpoint questions a survey asked (Answer.touchpointCode), per journey.
--   question_type: NPS | CSAT | CES | RATING (RATING is 1..5); counts as above
create table factor_rollup (
    journey       varchar(48) not null,
    touchpoint    varchar(64) not null,
    question_type varchar(8)  not null,
    day           date        not null,
    branch_id     varchar(64) not null,
    region_id     varchar(64) not null,
    n             bigint      not null,
    counts        bigint[]    not null,
    primary key (journey, touchpoint, question_type, day, branch_id)
);

-- Response rate: invitation cohorts by the day they were invited (survey.invited), responded and expired counted
-- back into the cohort of their invitation.
create table invitation_rollup (
    survey_code varchar(64) not null,
    channel     varchar(32) not null,
    day         date        not null,
    branch_id   varchar(64) not null,
    region_id   varchar(64) not null,
    invited     bigint      not null,
    responded   bigint      not null,
    expired     bigint      not null,
    primary key (survey_code, channel, day, branch_id)
);

-- One row per invitation: which cohort a later survey.responded or survey.expired belongs to.
create table invitation_cohort (
    invitation_id uuid        primary key,
    survey_code   varchar(64) not null,
    channel       varchar(32) not null,
    day           date        not null,
    branch_id     varchar(64) not null,
    region_id     varchar(64) not null,
    responded     boolean     not null default false,
    expired       boolean     not null default false
);

-- O-data per touchpoint (touchpoint.recorded): outcomes and durations.
--   dimension: all | channel | employee | product | tier
create table touchpoint_rollup (
    touchpoint    varchar(64) not null,
    dimension     varchar(16) not null,
    value         varchar(64) not null,
    day           date        not null,
    branch_id     varchar(64) not null,
    region_id     varchar(64) not null,
    n             bigint      not null,
    successes     bigint      not null,
    failures      bigint      not null,
    abandoned     bigint      not null,
    duration_n    bigint      not null,
    duration_sum  bigint      not null,
    duration_hist bytea,
    primary key (touchpoint, dimension, value, day, branch_id)
);

-- O-data: failures by error code (dimension 'all' only).
create table touchpoint_error_rollup (
    touchpoint varchar(64) not null,
    error_code varchar(64) not null,
    day        date        not null,
    branch_id  varchar(64) not null,
    region_id  varchar(64) not null,
    n          bigint      not null,
    primary key (touchpoint, error_code, day, branch_id)
);

-- O-data per journey definition (cx.journey-events.v1), by the day of the event.
--   dimension: all | channel (the journey's first channel) | product | tier
--   ended = completed + interrupted (of each journey's first end); switched = ended journeys with more than one
--   channel; ttc = time to complete (journey.completed durationMs)
create table journey_rollup (
    journey     varchar(48) not null,
    dimension   varchar(16) not null,
    value       varchar(64) not null,
    day         date        not null,
    branch_id   varchar(64) not null,
    region_id   varchar(64) not null,
    started     bigint      not null,
    completed   bigint      not null,
    interrupted bigint      not null,
    resumed     bigint      not null,
    ended       bigint      not null,
    switched    bigint      not null,
    ttc_n       bigint      not null,
    ttc_sum     bigint      not null,
    ttc_hist    bytea,
    primary key (journey, dimension, value, day, branch_id)
);
