-- A/B experiments and bandits (docs/experiments.md) ----------------------------------------------
-- min_sample_per_variant and alpha drive the fixed-horizon test; a bandit ignores them and the weights.
create table experiment (
    id                      bigint generated always as identity primary key,
    workspace_id            bigint not null references workspace (id) on delete cascade,
    name                    text not null,
    metric                  text not null check (metric in ('open', 'click', 'conversion')),
    mode                    text not null check (mode in ('fixed', 'bandit')),
    status                  text not null default 'draft' check (status in ('draft', 'running', 'completed')),
    holdout_percent         double precision not null check (holdout_percent >= 0 and holdout_percent < 100),
    min_sample_per_variant  integer not null check (min_sample_per_variant > 0),
    alpha                   double precision not null check (alpha > 0 and alpha < 1),
    winner_variant_id       bigint,
    winner_p_value          double precision,
    promoted                boolean not null default false,
    started_at              timestamptz,
    completed_at            timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create index experiment_workspace on experiment (workspace_id, id);
create index experiment_running on experiment (id) where status = 'running' and mode = 'fixed';

-- The arms. Overrides left null keep the message's own content; template_id is an opaque reference.
create table experiment_variant (
    id             bigint generated always as identity primary key,
    workspace_id   bigint not null,
    experiment_id  bigint not null references experiment (id) on delete cascade,
    position       integer not null,
    key            text not null,
    name           text,
    weight         double precision not null check (weight > 0),
    subject        text,
    preheader      text,
    html           text,
    text_body      text,
    template_id    text,
    unique (experiment_id, key)
);
alter table experiment add constraint experiment_winner
    foreign key (winner_variant_id) references experiment_variant (id) on delete set null;

-- Who got which arm, kept so an arm never changes under a contact (variant_id null: the holdout).
create table experiment_assignment (
    workspace_id   bigint not null,
    experiment_id  bigint not null references experiment (id) on delete cascade,
    contact_id     bigint not null references contact (id) on delete cascade,
    variant_id     bigint references experiment_variant (id) on delete cascade,
    assigned_at    timestamptz not null,
    primary key (experiment_id, contact_id)
);

-- At most one row per contact and kind: a second open of the same message is not a second success.
-- variant_id is the assignment's, copied so results and bandit draws count with one index scan.
create table experiment_outcome (
    workspace_id   bigint not null,
    experiment_id  bigint not null,
    contact_id     bigint not null,
    kind           text not null check (kind in ('send', 'open', 'click', 'conversion')),
    variant_id     bigint,
    at             timestamptz not null,
    primary key (experiment_id, contact_id, kind),
    foreign key (experiment_id, contact_id) references experiment_assignment (experiment_id, contact_id) on delete cascade
);
create index experiment_outcome_counts on experiment_outcome (experiment_id, variant_id, kind);

-- AI-assisted variants: off until a workspace configures a provider. The API key is sealed with
-- AES-GCM under the server's secret key (the workspace id as associated data) and never returned.
create table experiment_ai_settings (
    workspace_id    bigint primary key references workspace (id) on delete cascade,
    provider        text not null,
    base_url        text not null,
    model           text not null,
    api_key_sealed  bytea,
    updated_at      timestamptz not null
);

create table experiment_ai_proposal (
    id             bigint generated always as identity primary key,
    workspace_id   bigint not null,
    experiment_id  bigint not null references experiment (id) on delete cascade,
    subject        text not null,
    preheader      text,
    model          text not null,
    status         text not null default 'pending' check (status in ('pending', 'accepted')),
    variant_key    text,
    created_at     timestamptz not null
);
create index experiment_ai_proposal_experiment on experiment_ai_proposal (experiment_id, id);
