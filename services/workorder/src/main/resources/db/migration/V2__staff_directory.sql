-- The staff directory: employees, branches (the escalation hierarchy) and the customer -> relationship manager
-- assignments. Filled by the bank's HR extract through the imports (/v1/staff/import, /v1/branches/import,
-- /v1/relationship-managers/import); read by routing and by escalation. No contact details (notification owns them).

create table employee (
    employee_id     text primary key,
    name            text        not null,
    branch_id       text        not null,
    region_id       text,
    role            text        not null,   -- StaffRole: FRONTLINE | RELATIONSHIP_MANAGER | BRANCH_MANAGER | ...
    -- not a foreign key: an HR extract may name a manager who arrives in a later file of the same import round
    manager_id      text,
    calendar        text,                   -- a calendar code; null = the bank's default calendar
    skills          text[]      not null default '{}',   -- journey codes or product families
    capacity        int         not null check (capacity >= 0),   -- the most open orders at once
    active          boolean     not null default true,
    on_leave_until  date,                   -- on leave through this day (bank time zone), inclusive
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
-- routing reads the order-taking staff of one branch, one region, and escalation the managers of each
create index employee_branch on employee (branch_id, role, employee_id) where active;
create index employee_region on employee (region_id, role, employee_id) where active;

create table branch (
    branch_id   text primary key,
    region_id   text        not null,
    name        text        not null,
    manager_id  text,                       -- level-1 escalation target; else the branch's first active manager
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index branch_region on branch (region_id, branch_id);

create table relationship_manager (
    customer_id  text primary key,
    employee_id  text        not null,
    since        timestamptz not null       -- when this employee became the customer's RM
);
create index relationship_manager_employee on relationship_manager (employee_id);

-- routing's tie-break "longest since the last assignment" reads the core's ASSIGNED history entries by assignee
create index work_order_history_assigned on work_order_history ((detail ->> 'assignee'), at)
    where action = 'ASSIGNED';
