-- Lead scoring -----------------------------------------------------------------------------------
-- Every version of a workspace's scoring model; the highest is the active one.
create table scoring_model (
    workspace_id  bigint not null references workspace (id) on delete cascade,
    version       integer not null,
    definition    jsonb not null,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, version)
);

-- A contact's current score; `result` holds the breakdown, fired rules and recommendations.
create table contact_score (
    contact_id        bigint primary key references contact (id) on delete cascade,
    workspace_id      bigint not null,
    score             numeric(12, 2) not null,
    fit_score         numeric(12, 2) not null,
    engagement_score  numeric(12, 2) not null,
    grade             text not null,
    temperature       text not null,
    result            jsonb not null,
    model_version     integer not null,
    scored_at         timestamptz not null
);
create index contact_score_workspace on contact_score (workspace_id, contact_id);

-- One row per real change of a contact's score, grade or temperature.
create table contact_score_history (
    id                bigint generated always as identity primary key,
    contact_id        bigint not null references contact (id) on delete cascade,
    workspace_id      bigint not null,
    score             numeric(12, 2) not null,
    fit_score         numeric(12, 2) not null,
    engagement_score  numeric(12, 2) not null,
    grade             text not null,
    temperature       text not null,
    reason            text not null,
    model_version     integer not null,
    changed_at        timestamptz not null
);
create index contact_score_history_contact on contact_score_history (workspace_id, contact_id, id desc);

-- A background rescore of a workspace after a model change, resumable after its last contact done.
create table scoring_job (
    id               bigint generated always as identity primary key,
    workspace_id     bigint not null references workspace (id) on delete cascade,
    model_version    integer not null,
    status           text not null check (status in ('queued', 'running', 'completed', 'superseded')),
    last_contact_id  bigint not null default 0,
    done             integer not null default 0,
    total            integer not null,
    heartbeat_at     timestamptz,
    created_at       timestamptz not null default now(),
    finished_at      timestamptz
);
create index scoring_job_open on scoring_job (status, id) where status in ('queued', 'running');
create index scoring_job_workspace on scoring_job (workspace_id, id desc);

-- Lifecycle stage changes, automatic or manual.
create table contact_stage_history (
    id            bigint generated always as identity primary key,
    contact_id    bigint not null references contact (id) on delete cascade,
    workspace_id  bigint not null,
    from_stage    text not null,
    to_stage      text not null,
    source        text not null check (source in ('automatic', 'manual')),
    reason        text,
    changed_at    timestamptz not null
);
create index contact_stage_history_contact on contact_stage_history (workspace_id, contact_id, id desc);
