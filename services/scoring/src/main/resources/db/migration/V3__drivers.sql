-- Driver analysis: the one place scoring keeps response-level data (docs/adr/0017). A regression needs the joint
-- distribution of the anchor and the factor answers of each response; additive rollups keep only the margins.
-- One row per survey.responded (response_id is unique, so a redelivery under another ce_id adds nothing), forgotten
-- after windbell.scoring.drivers.retention (DriverRetention). Scores are on 0..1, 1 the best (CES reversed).
create table driver_observation (
    response_id   uuid             primary key,
    journey       varchar(48)      not null,
    responded_at  timestamptz      not null,
    day           date             not null,
    branch_id     varchar(64)      not null,
    region_id     varchar(64)      not null,
    anchor_metric varchar(8)       not null,
    anchor        double precision not null,
    -- factor_codes[i] (Answer.touchpointCode) was answered factor_scores[i] (the mean when asked twice)
    factor_codes  varchar(64)[]    not null,
    factor_scores double precision[] not null
);

create index driver_observation_journey on driver_observation (journey, responded_at);
create index driver_observation_age on driver_observation (responded_at);
