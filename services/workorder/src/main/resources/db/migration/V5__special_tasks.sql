-- Special tasks (专项整改): a special task is a work_order of type SPECIAL_TASK; this side table holds what only a
-- special task has: the pattern it was proposed for, and the watch after it is done (ADR 0024).

create table special_task (
    work_order_id    uuid primary key references work_order (id),
    -- the recurring pattern: TOUCHPOINT | ERROR_CODE | ROOT_CAUSE | MANUAL, and its key ('touchpoint:transfer.submit',
    -- 'error:RISK_TIMEOUT', 'root-cause:KYC_DOC', 'root-cause:SYSTEM@transfer.submit', 'manual:<id>')
    pattern_kind     text        not null,
    pattern_key      text        not null,
    -- the touchpoint the task is about, if one: degradation alerts of it attach to the task or reopen it
    touchpoint_code  text,
    created_at       timestamptz not null,
    -- when the task left the open states (RESOLVED or CLOSED); null while open, cleared by REOPEN. The watch of the
    -- touchpoint runs from here for windbell.workorder.special.watch-period.
    closed_at        timestamptz,
    -- the problem came back within the watch period (a degradation alert of the touchpoint): the last time, and how often
    regressed_at     timestamptz,
    regressions      int         not null default 0
);

-- one open special task per pattern: two consumers proposing the same task at once, the second insert fails with
-- 23505 (transient in the kit) and its retry links its case to the winner
create unique index special_task_one_open_per_pattern on special_task (pattern_key) where closed_at is null;
create index special_task_touchpoint on special_task (touchpoint_code, closed_at desc) where touchpoint_code is not null;

-- the pattern counts: unlinked recovery cases by touchpoint, error code and root cause within the window
create index work_order_case_touchpoint on work_order (touchpoint_code, created_at)
    where type in ('RECOVERY', 'CALLBACK') and special_task_id is null;
create index work_order_case_error on work_order (error_code, created_at)
    where type in ('RECOVERY', 'CALLBACK') and special_task_id is null;
create index work_order_case_root_cause on work_order (root_cause_code, resolved_at)
    where type in ('RECOVERY', 'CALLBACK') and special_task_id is null;
