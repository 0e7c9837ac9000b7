-- Experience index models (libs/config VersionedStore): the weights of the index's components, the pyramid's north
-- star and the minimum sample of a component, as a spec document. A change is a new version; at most ONE version of
-- ONE model is active in the whole table (the unique index on a constant), so the index never has two definitions.
-- When no model is active, the built-in default (IndexModel.DEFAULT) applies and every answer says so.
create table index_model (
    code       varchar(64)  not null,
    version    integer      not null check (version > 0),
    active     boolean      not null,
    spec       jsonb        not null,
    created_at timestamptz  not null default now(),
    created_by varchar(128),
    primary key (code, version)
);
create unique index index_model_one_active_idx on index_model ((true)) where active;
