-- Tenancy and access ---------------------------------------------------------------------------
create table workspace (
    id          bigint generated always as identity primary key,
    slug        text not null unique,
    name        text not null,
    created_at  timestamptz not null default now()
);

create table app_user (
    id             bigint generated always as identity primary key,
    workspace_id   bigint not null references workspace (id) on delete cascade,
    email          text not null,
    name           text,
    password_hash  text not null,
    role           text not null check (role in ('owner', 'marketer', 'viewer')),
    created_at     timestamptz not null default now()
);
create unique index app_user_email on app_user (lower(email));

create table api_key (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace (id) on delete cascade,
    kind          text not null check (kind in ('write', 'secret')),
    name          text not null,
    token_prefix  text not null,
    token_hash    text not null unique,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);
create index api_key_workspace on api_key (workspace_id, id);

-- Contacts and companies -----------------------------------------------------------------------
create table company (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace (id) on delete cascade,
    external_id   text,
    name          text,
    domain        text,
    industry      text,
    employees     integer,
    annual_revenue numeric,
    plan          text,
    website       text,
    attributes    jsonb not null default '{}',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create unique index company_external_id on company (workspace_id, external_id);
create unique index company_domain on company (workspace_id, domain);

create table contact (
    id               bigint generated always as identity primary key,
    workspace_id     bigint not null references workspace (id) on delete cascade,
    email            text,
    external_id      text,
    first_name       text,
    last_name        text,
    phone            text,
    title            text,
    website          text,
    birthday         date,
    gender           text,
    avatar           text,
    username         text,
    description      text,
    address          jsonb,
    timezone         text,
    company_id       bigint references company (id) on delete set null,
    lifecycle_stage  text not null default 'subscriber',
    attributes       jsonb not null default '{}',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create unique index contact_email on contact (workspace_id, lower(email));
create unique index contact_external_id on contact (workspace_id, external_id);
create index contact_company on contact (company_id);
-- Linking contacts to a company by email domain looks them up by domain.
create index contact_email_domain on contact (workspace_id, split_part(email, '@', 2)) where company_id is null;
create index contact_attributes on contact using gin (attributes jsonb_path_ops);

-- Anonymous ids (and any other alias) that resolve to a contact.
create table contact_identity (
    workspace_id  bigint not null,
    kind          text not null,
    value         text not null,
    contact_id    bigint not null references contact (id) on delete cascade,
    primary key (workspace_id, kind, value)
);
create index contact_identity_contact on contact_identity (contact_id);

-- Declared type of each custom attribute, fixed by its first value.
create table attribute_definition (
    workspace_id  bigint not null references workspace (id) on delete cascade,
    name          text not null,
    type          text not null check (type in ('string', 'number', 'boolean', 'date', 'list')),
    created_at    timestamptz not null default now(),
    primary key (workspace_id, name)
);

-- Events ---------------------------------------------------------------------------------------
create sequence event_id_seq as bigint cache 100;

create table event (
    id                  bigint not null default nextval('event_id_seq'),
    workspace_id        bigint not null,
    contact_id          bigint not null,
    type                text not null,
    name                text,
    message_id          text not null,
    user_id             text,
    anonymous_id        text,
    occurred_at         timestamptz not null,
    received_at         timestamptz not null,
    sent_at             timestamptz,
    original_timestamp  timestamptz,
    properties          jsonb,
    traits              jsonb,
    context             jsonb,
    integrations        jsonb
) partition by range (occurred_at);
create index event_contact_time on event (workspace_id, contact_id, occurred_at desc, id desc);

-- messageId dedup lives beside the partitioned table: its unique key cannot include the time.
create table event_message (
    workspace_id  bigint not null,
    message_id    text not null,
    received_at   timestamptz not null default now(),
    primary key (workspace_id, message_id)
);

create table contact_event_daily (
    workspace_id  bigint not null,
    contact_id    bigint not null,
    event_key     text not null,
    day           date not null,
    count         integer not null,
    primary key (workspace_id, contact_id, event_key, day)
);

create table contact_behavior (
    contact_id            bigint primary key references contact (id) on delete cascade,
    workspace_id          bigint not null,
    first_seen_at         timestamptz not null,
    last_seen_at          timestamptz not null,
    sessions              integer not null,
    time_on_site_seconds  bigint not null,
    page_views            integer not null,
    pricing_page_views    integer not null,
    demo_requests         integer not null,
    trial_signups         integer not null,
    content_downloads     integer not null,
    video_watches         integer not null,
    webinar_attendance    integer not null,
    updated_at            timestamptz not null default now()
);

-- Which events feed which behaviour metric, per workspace.
create table behavior_rule (
    id             bigint generated always as identity primary key,
    workspace_id   bigint not null references workspace (id) on delete cascade,
    metric         text not null,
    event_type     text not null check (event_type in ('track', 'page', 'screen')),
    event_name     text,
    path_contains  text
);
create index behavior_rule_workspace on behavior_rule (workspace_id);

-- CSV imports ----------------------------------------------------------------------------------
create table import_job (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace (id) on delete cascade,
    file_name     text not null,
    file_path     text not null,
    mapping       jsonb not null,
    status        text not null check (status in ('queued', 'running', 'completed', 'failed')),
    rows_total    integer,
    rows_done     integer not null default 0,
    rows_failed   integer not null default 0,
    error         text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

create table import_row_error (
    import_id   bigint not null references import_job (id) on delete cascade,
    row_number  integer not null,
    reason      text not null,
    primary key (import_id, row_number)
);
