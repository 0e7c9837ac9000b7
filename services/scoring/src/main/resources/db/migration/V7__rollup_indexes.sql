-- Rollups, additions to V2 (no column of V2 changes).

-- The first end of each interrupted journey: journey_rollup counts a journey's interruption only at its first
-- journey.interrupted (ended = completed + interrupted, each journey once). One row per interrupted journey instance.
create table journey_first_end (
    journey_instance_id uuid primary key,
    ended_on            date not null
);

-- Metric queries read one slice (metric, dimension) over a range of days across every value and branch
-- (e.g. NPS by week x journey x branch over 90 days): the primary key puts value before day, so without this index
-- the range is a scan of the whole table. Measured on 1.37 M response_rollup rows (90 k in the range): 310 ms with a
-- parallel sequential scan, 35 ms for the index scan part of 210 ms with it (the rest is the aggregation).
create index response_rollup_by_day on response_rollup (metric, dimension, day);
-- journey events are a small stream: the extra index costs their upserts little
create index journey_rollup_by_day on journey_rollup (dimension, day);
-- touchpoint_rollup gets none: it is the volume topic's table, and its queries name the touchpoint (the key's prefix)
