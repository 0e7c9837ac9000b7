-- Windbell notification: one schema, every part's tables. Each part owns its tables (see the comments); nothing else
-- writes them.

-- staff/ : the employees notification has met (through their tokens), so a branch queue's members are known and an
-- e-mail address is on file. Upserted whenever an employee calls the service.
create table staff_member (
    employee_id   text primary key,
    branch_id     text,
    region_id     text,
    email         text,
    display_name  text,
    roles         text[] not null default '{}',
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null
);
create index staff_member_branch on staff_member (branch_id);

-- preference/ : what an employee wants: channels, quiet hours, a digest of low-priority items, language.
create table preference (
    employee_id          text primary key,
    locale               text not null,
    email_enabled        boolean not null default true,
    email_address        text,
    quiet_start          time,
    quiet_end            time,
    time_zone            text,
    digest_low_priority  boolean not null default false,
    digest_at            time not null default '17:30',
    updated_at           timestamptz not null,
    version              bigint not null default 0
);

-- inbox/ : every staff notification, one row per event and employee. seq is the employee's own gap-free counter
-- (inbox_counter, taken under its row lock), so a stream's Last-Event-ID is exact and commits arrive in order.
create table inbox_counter (
    employee_id text primary key,
    last_seq    bigint not null
);
create table inbox_item (
    id              uuid primary key,
    employee_id     text not null,
    seq             bigint not null,
    source_event_id uuid not null,
    event_type      text not null,
    work_order_id   uuid,
    branch_id       text,
    title           text not null,
    body            text not null,
    priority        text not null,
    critical        boolean not null default false,
    link            text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    read_at         timestamptz,
    acknowledged_at timestamptz,
    renotified_at   timestamptz,
    unique (employee_id, seq),
    unique (source_event_id, employee_id)
);
create index inbox_item_unread on inbox_item (employee_id) where read_at is null;
-- re-notification sweep: critical items nobody acknowledged
create index inbox_item_unacknowledged_critical on inbox_item (created_at)
    where critical and acknowledged_at is null and renotified_at is null;

-- endpoint/ : group robots (WeCom) and signed webhooks, managed by cx-admin.
create table endpoint (
    id          uuid primary key,
    kind        text not null,          -- WECOM_ROBOT | WEBHOOK
    name        text not null,
    branch_id   text,                   -- null: every branch
    event_types text[] not null default '{}', -- empty: every staff event type
    url         text not null,
    secret      text,                   -- WEBHOOK: the HMAC key; never returned by the API
    enabled     boolean not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 0
);

-- delivery/ : every message to a channel other than the inbox, one row per event, recipient and channel, with its
-- log of attempts. A worker claims due rows with FOR UPDATE SKIP LOCKED.
create table delivery (
    id              uuid primary key,
    source_event_id uuid not null,
    event_type      text not null,
    recipient       text not null,       -- employee id, endpoint id, or customer id (masked in logs)
    channel         text not null,       -- EMAIL | WECOM | WEBHOOK | APP_PUSH | SMS
    address         text,                -- e-mail address, URL; null when the sender resolves it
    branch_id       text,
    critical        boolean not null default false,
    status          text not null,       -- QUEUED | HELD | SENT | DELIVERED | DEAD | ACKNOWLEDGED | SKIPPED | DIGESTED
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    not_after       timestamptz,         -- a customer invitation's expiry: never sent later
    content         text not null,       -- JSON: the rendered message (Content)
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    sent_at         timestamptz,
    version         bigint not null default 0,
    unique (source_event_id, recipient, channel)
);
create index delivery_due on delivery (next_attempt_at) where status = 'QUEUED';
create index delivery_status on delivery (status, updated_at);
create index delivery_held on delivery (recipient) where status = 'HELD';

create table delivery_attempt (
    delivery_id uuid not null references delivery (id),
    attempt     int not null,
    at          timestamptz not null,
    outcome     text not null,           -- SENT | DELIVERED | FAILED | DEAD | SKIPPED | REDRIVEN
    status_code int,
    error       text,
    primary key (delivery_id, attempt, outcome)
);
