-- Scoring's reference data: what it needs to attribute an event to a tier, a branch and a region.
-- Feature tables (rollups, drivers, risk, alerts) come in their own migrations.

-- The bank's branches and their regions (PUT /v1/branches by cx-admin). Region ids follow the branch id rule.
create table branch_directory (
    branch_id  varchar(64)  primary key,
    region_id  varchar(64)  not null,
    name       varchar(200),
    updated_at timestamptz  not null
);

-- Tier and home branch per customer, from the customerTier and homeBranchId attributes of touchpoint events;
-- seen_at is the event time of the newest event that carried one of them.
create table customer_profile (
    customer_id    varchar(64) primary key,
    tier           varchar(32),
    home_branch_id varchar(64),
    seen_at        timestamptz not null
);
