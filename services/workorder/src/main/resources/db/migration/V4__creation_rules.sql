-- Creation rules (rule/, versioned with libs/config) and what intake remembers about customers to apply them.

-- the ordered rule set that decides which alerts and interrupted journeys open which work orders: one key
-- ('default'), every change a new version (VersionedStore); the spec holds {"rules": [{code, when, then}, ...]}
create table creation_rule_set (
    code       text        not null,
    version    int         not null,
    active     boolean     not null,
    spec       jsonb       not null,
    created_at timestamptz not null default now(),
    created_by text,
    primary key (code, version)
);

-- the seed: every low-score alert opens a RECOVERY (priority from its severity); an interrupted wealth purchase or
-- loan application at a key node, of a private or affluent customer or one whose tier is not known, about a wealth
-- (WM-) or loan (LN-) product, opens a CALLBACK of priority NORMAL. Anything else opens nothing.
insert into creation_rule_set (code, version, active, spec, created_by) values ('default', 1, true, '{
  "rules": [
    {
      "code": "LOW_SCORE_RECOVERY",
      "when": {"alertTypes": ["alert.low-score"]},
      "then": {"create": "RECOVERY"}
    },
    {
      "code": "KEY_JOURNEY_CALLBACK",
      "when": {
        "alertTypes": ["journey.interrupted"],
        "journeyCodes": ["WEALTH_PURCHASE", "LOAN_APPLICATION"],
        "tiers": ["private", "affluent", "unknown"],
        "keyNodeOnly": true,
        "productPrefixes": ["WM-", "LN-"]
      },
      "then": {"create": "CALLBACK", "priority": "NORMAL"}
    }
  ]
}'::jsonb, 'seed');

-- the customer's tier as the latest low-score alert carried it (scoring knows tiers; journey events carry none), so
-- that the rules for interrupted journeys can select by tier; a customer never seen in an alert has no row
create table customer_tier (
    customer_id text        primary key,
    tier        text        not null,
    updated_at  timestamptz not null
);
