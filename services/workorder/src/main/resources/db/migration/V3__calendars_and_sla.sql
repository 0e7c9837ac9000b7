-- Calendars, SLA policies and SLA timers (features calendar/ and sla/, ADR 0020).
-- Business time is time inside a calendar's working periods: holidays and 调休 make-up working days applied, in the
-- calendar's zone. An order's calendar is its region's (region_calendar), else CN.

-- a working calendar: its zone, its week and which weekday's hours a make-up working day works
create table calendar (
    code            text primary key,
    name            text        not null,
    zone            text        not null,   -- IANA zone id, e.g. Asia/Shanghai, Europe/London
    -- working periods per day of week, local time, [start, end): {"MONDAY": [{"start": "09:00", "end": "12:00"}]};
    -- an end of "00:00" is midnight at the end of the day; a day that is absent does not work
    week            jsonb       not null,
    make_up_weekday text        not null default 'MONDAY',
    updated_at      timestamptz not null default now()
);

-- dated exceptions to the week: HOLIDAY (off although the week works; also the weekend days inside a holiday span)
-- and WORKDAY (调休: on although the week rests)
create table calendar_day (
    calendar_code text not null references calendar (code),
    day           date not null,
    kind          text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name          text,
    primary key (calendar_code, day)
);

-- which calendar a region's orders run on
create table region_calendar (
    region_id     text primary key,
    calendar_code text not null references calendar (code)
);

-- SLA policies, versioned with libs/config (VersionedStore): one key, 'default', whose spec is the whole set
create table sla_policy_set (
    code       text        not null,
    version    int         not null,
    active     boolean     not null,
    spec       jsonb       not null,
    created_at timestamptz not null default now(),
    created_by text,
    primary key (code, version)
);

-- durable SLA timers: written by SlaClock in the order's transaction, claimed by every replica's SlaTimers with
-- FOR UPDATE SKIP LOCKED, so each fires once. A timer of a paused order is not claimed: RESUME moves it.
create table sla_timer (
    id            bigserial primary key,
    -- deferred: SlaClock writes the timers of a new order before Hibernate inserts the order, in one transaction
    work_order_id uuid        not null references work_order (id) deferrable initially deferred,
    kind          text        not null check (kind in ('FIRST_RESPONSE_WARNING', 'FIRST_RESPONSE_BREACH',
                                                       'RESOLUTION_WARNING', 'RESOLUTION_BREACH', 'ESCALATION_LEVEL_2')),
    due_at        timestamptz not null,
    fired_at      timestamptz,
    -- stopped (first response given, resolved, reopened, closed) or dropped by the worker as no longer applying
    cancelled     boolean     not null default false
);
create index sla_timer_due on sla_timer (due_at, id) where fired_at is null and not cancelled;
create index sla_timer_order on sla_timer (work_order_id) where fired_at is null and not cancelled;

-- ---------------------------------------------------------------------------------------------------------------
-- Seed: the 2026 mainland China calendar, CN.
-- Working hours Mon–Fri 09:00–12:00 and 13:00–17:30 Asia/Shanghai are THE BANK'S CHOICE, not the State Council's;
-- cx-admin edits them with PUT /v1/calendars/CN. A make-up working day works Monday's hours.
-- Holidays and make-up working days: 国务院办公厅关于2026年部分节假日安排的通知, published
-- 2025年11月4日, e.g. Xinhua / 光明网 https://politics.gmw.cn/2025-11/04/content_38391083.htm :
--   元旦 1月1日(周四)至3日(周六)放假调休,共3天; 1月4日(周日)上班。
--   春节 2月15日(周日)至23日(周一)放假调休,共9天; 2月14日(周六)、2月28日(周六)上班。
--   清明节 4月4日(周六)至6日(周一)放假,共3天。
--   劳动节 5月1日(周五)至5日(周二)放假调休,共5天; 5月9日(周六)上班。
--   端午节 6月19日(周五)至21日(周日)放假,共3天。
--   中秋节 9月25日(周五)至27日(周日)放假,共3天。
--   国庆节 10月1日(周四)至7日(周三)放假调休,共7天; 9月20日(周日)、10月10日(周六)上班。
-- Every listed day off is stored (weekend days inside a span too), as is every make-up working day.
-- Later years and other regions: POST /v1/calendars/{code}/import (iCalendar or CSV).
-- ---------------------------------------------------------------------------------------------------------------
insert into calendar (code, name, zone, week, make_up_weekday) values ('CN', 'Mainland China', 'Asia/Shanghai',
    '{"MONDAY":    [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:30"}],
      "TUESDAY":   [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:30"}],
      "WEDNESDAY": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:30"}],
      "THURSDAY":  [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:30"}],
      "FRIDAY":    [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:30"}]}'::jsonb, 'MONDAY');

insert into calendar_day (calendar_code, day, kind, name)
select 'CN', d::date, 'HOLIDAY', span.name
from (values ('元旦', date '2026-01-01', date '2026-01-03'),
             ('春节', date '2026-02-15', date '2026-02-23'),
             ('清明节', date '2026-04-04', date '2026-04-06'),
             ('劳动节', date '2026-05-01', date '2026-05-05'),
             ('端午节', date '2026-06-19', date '2026-06-21'),
             ('中秋节', date '2026-09-25', date '2026-09-27'),
             ('国庆节', date '2026-10-01', date '2026-10-07')) as span (name, first_day, last_day),
     generate_series(span.first_day, span.last_day, interval '1 day') as d;

insert into calendar_day (calendar_code, day, kind, name) values
    ('CN', date '2026-01-04', 'WORKDAY', '元旦调休'),
    ('CN', date '2026-02-14', 'WORKDAY', '春节调休'),
    ('CN', date '2026-02-28', 'WORKDAY', '春节调休'),
    ('CN', date '2026-05-09', 'WORKDAY', '劳动节调休'),
    ('CN', date '2026-09-20', 'WORKDAY', '国庆节调休'),
    ('CN', date '2026-10-10', 'WORKDAY', '国庆节调休');

-- ---------------------------------------------------------------------------------------------------------------
-- Seed: the built-in SLA policy set, version 1 (targets are business time; see ADR 0020 for the reasoning).
-- Precedence: the most specific match wins, type (4) > severity (2) > tier (1); "*" matches anything.
-- ---------------------------------------------------------------------------------------------------------------
insert into sla_policy_set (code, version, active, spec, created_by) values ('default', 1, true, '{"policies": [
  {"code": "RECOVERY-CRITICAL", "type": "RECOVERY", "severity": "CRITICAL", "tier": "*", "firstResponse": "PT1H", "resolution": "PT8H",  "warningShare": 0.8, "escalateAfter": "PT2H"},
  {"code": "RECOVERY-HIGH",     "type": "RECOVERY", "severity": "HIGH",     "tier": "*", "firstResponse": "PT2H", "resolution": "PT16H", "warningShare": 0.8, "escalateAfter": "PT4H"},
  {"code": "RECOVERY-MEDIUM",   "type": "RECOVERY", "severity": "MEDIUM",   "tier": "*", "firstResponse": "PT4H", "resolution": "PT24H", "warningShare": 0.8, "escalateAfter": "PT4H"},
  {"code": "RECOVERY-LOW",      "type": "RECOVERY", "severity": "LOW",      "tier": "*", "firstResponse": "PT8H", "resolution": "PT40H", "warningShare": 0.8, "escalateAfter": "PT8H"},
  {"code": "RECOVERY",          "type": "RECOVERY", "severity": "*",        "tier": "*", "firstResponse": "PT4H", "resolution": "PT24H", "warningShare": 0.8, "escalateAfter": "PT4H"},
  {"code": "CALLBACK",          "type": "CALLBACK", "severity": "*",        "tier": "*", "firstResponse": "PT4H", "resolution": "PT16H", "warningShare": 0.8, "escalateAfter": "PT4H"},
  {"code": "SPECIAL-TASK",      "type": "SPECIAL_TASK", "severity": "*",    "tier": "*", "firstResponse": "PT8H", "resolution": "PT75H", "warningShare": 0.8, "escalateAfter": "PT15H"},
  {"code": "DEFAULT",           "type": "*",        "severity": "*",        "tier": "*", "firstResponse": "PT8H", "resolution": "PT40H", "warningShare": 0.8, "escalateAfter": "PT8H"}
]}'::jsonb, 'V3');
