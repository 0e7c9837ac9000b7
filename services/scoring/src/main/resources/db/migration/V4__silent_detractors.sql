-- Silent detractors (docs/adr/0017): per customer, the behavioural risk state one upsert per customer per batch keeps.
--   signals: the RiskState entries as JSON [{signal, touchpoint, code, count, points, lastAt (epoch ms)}], points as
--            of as_of; points = their sum; rank_key = log2(points) + as_of / half-life, an order that decay does not
--            change (null without points)
--   branch_id: the branch of the latest assisted visit, else the home branch ('' unknown); region_id: its region
--   visit_watermark: the latest key-node visit already judged for slowness (journey summaries repeat their visits)
create table silent_customer (
    customer_id        varchar(64)      primary key,
    branch_id          varchar(64)      not null,
    region_id          varchar(64)      not null,
    assisted_branch_id varchar(64),
    points             double precision not null,
    as_of              timestamptz      not null,
    rank_key           double precision,
    last_signal_at     timestamptz,
    last_responded_at  timestamptz,
    visit_watermark    timestamptz,
    last_seen_at       timestamptz      not null,
    signals            jsonb            not null
);

create index silent_customer_rank on silent_customer (rank_key desc, customer_id desc) where rank_key is not null;
create index silent_customer_branch on silent_customer (branch_id, rank_key desc, customer_id desc)
    where rank_key is not null;
create index silent_customer_seen on silent_customer (last_seen_at);

-- Per touchpoint, every duration touchpoint.recorded reported (HdrHistogram, compressed): the p90 a key-node visit
-- must exceed to count as slow. Scoring's own sketch, so silent detractors depend on no other feature's tables.
create table silent_duration_sketch (
    touchpoint varchar(64) primary key,
    n          bigint      not null,
    histogram  bytea       not null
);
