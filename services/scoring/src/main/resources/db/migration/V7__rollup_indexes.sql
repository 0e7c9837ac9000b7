-- Rollups, additions to V2 (no column of V2 changes).

-- The first end of each interrupted journey: journey_rollup counts a journey's interruption only at its first
-- journey.interrupted (ended = completed + interrupted, each journey once). One row per interrupted journey instance.
create table journey_first_end (
    journey_instance_id uuid primary key,
    ended_on            date not null
);
