-- Work orders: the aggregate, its audit trail, contact attempts and the signals (alerts, answers) attached to it.
-- Other tables live in their features' migrations: V2 staff directory and queues, V3 calendars, SLA policies and
-- timers, V4 creation rules, V5 special tasks.

create table work_order (
    id                       uuid primary key,
    -- optimistic lock (Hibernate @Version): a command with a stale If-Match gets 409, never a lost update
    version                  bigint      not null default 0,
    -- the revision carried by the order's events; +1 with every event
    revision                 bigint      not null default 0,
    type                     text        not null,   -- RECOVERY | CALLBACK | SPECIAL_TASK
    origin                   text        not null,   -- WorkOrderOrigin
    status                   text        not null,   -- WorkOrderStatus (OPEN = NEW)
    priority                 text        not null,   -- Priority
    severity                 text,                   -- the alert's Severity, if any
    title                    text        not null,
    customer_id              text,
    customer_tier            text,
    -- owner: the branch (and its region) whose staff see the order; the queue it waits in until someone takes it
    branch_id                text        not null,
    region_id                text,
    queue                    text        not null,   -- branch:<id> | region:<id> | central
    assignee_employee_id     text,
    escalation_level         int         not null default 0,
    escalated_to_employee_id text,
    -- what it is about
    journey_code             text,
    journey_instance_id      uuid,
    touchpoint_code          text,
    error_code               text,
    product_id               text,
    served_by_employee_id    text,
    anchor_metric            text,
    anchor_score             int,
    source_alert_id          uuid,
    source_response_id       uuid,
    -- the journey context the relationship manager reads before calling (JourneyContext as JSON)
    context                  jsonb,
    -- SLA, in business time (see sla/): due times move while the clock is paused in PENDING_CUSTOMER
    sla_policy               text,
    first_response_due_at    timestamptz,
    resolution_due_at        timestamptz,
    first_responded_at       timestamptz,
    sla_paused_since         timestamptz,
    first_response_breached  boolean     not null default false,
    resolution_breached      boolean     not null default false,
    -- the outcome, recorded on RESOLVED
    outcome                  text,
    root_cause               text,
    root_cause_code          text,
    action_taken             text,
    -- the recovery effect: the follow-up answer after workorder.resolved
    follow_up_response_id    uuid,
    follow_up_score          int,
    recovered                boolean,
    -- special tasks: the owner department and due date; a case links to its special task
    owner_department         text,
    due_date                 date,
    special_task_id          uuid references work_order (id),
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    resolved_at              timestamptz,
    closed_at                timestamptz
);

-- de-duplication: one open RECOVERY per customer and journey; a second alert attaches to it
create unique index work_order_one_open_recovery on work_order (customer_id, coalesce(journey_code, ''))
    where type = 'RECOVERY' and status not in ('RESOLVED', 'CLOSED');
create index work_order_branch_created on work_order (branch_id, created_at desc, id);
create index work_order_region_created on work_order (region_id, created_at desc, id);
create index work_order_assignee on work_order (assignee_employee_id) where status not in ('RESOLVED', 'CLOSED');
create index work_order_queue_open on work_order (queue) where status not in ('RESOLVED', 'CLOSED');
create index work_order_created on work_order (created_at desc, id);
create index work_order_special_task on work_order (special_task_id) where special_task_id is not null;
create index work_order_source_response on work_order (source_response_id) where source_response_id is not null;

-- the audit trail: every change of an order, who made it and why (routing decisions carry their reason)
create table work_order_history (
    id            bigserial primary key,
    work_order_id uuid        not null references work_order (id),
    at            timestamptz not null,
    actor         text        not null,   -- an employee id, or 'system'
    action        text        not null,   -- HistoryAction
    from_status   text,
    to_status     text,
    detail        jsonb       not null default '{}'::jsonb
);
create index work_order_history_order on work_order_history (work_order_id, id);

-- contact attempts with the customer: when, on which channel, with what result
create table contact_attempt (
    id            bigserial primary key,
    work_order_id uuid        not null references work_order (id),
    employee_id   text        not null,
    at            timestamptz not null,
    channel       text        not null,   -- PHONE | SMS | WECHAT | EMAIL | BRANCH_VISIT | VIDEO
    result        text        not null,   -- REACHED | NO_ANSWER | BUSY | WRONG_NUMBER | CALL_BACK_REQUESTED | REFUSED
    note          text
);
create index contact_attempt_order on contact_attempt (work_order_id, at);

-- signals attached to an order: the alert that opened it, and every later alert or answer about the same case
create table work_order_signal (
    source_id     uuid primary key,       -- the alert id or response id: one attachment per source
    work_order_id uuid        not null references work_order (id),
    kind          text        not null,   -- LOW_SCORE | JOURNEY_INTERRUPTED | TOUCHPOINT_DEGRADED | FOLLOW_UP_ANSWER
    at            timestamptz not null,
    detail        jsonb       not null default '{}'::jsonb
);
create index work_order_signal_order on work_order_signal (work_order_id, at);
