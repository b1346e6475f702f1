-- Dynamic segments ------------------------------------------------------------------------------
-- The condition is the validated JSON as the client sent it (jsonb: key order normalised);
-- condition_version counts its changes. time_relative: the condition names a window or date relative
-- to now, so its membership drifts with time and the periodic recompute reconciles it.
-- recomputed_at null: never computed (e.g. built-ins added to existing workspaces at startup).
create table segment (
    id                 bigint generated always as identity primary key,
    workspace_id       bigint not null references workspace (id) on delete cascade,
    name               text not null,
    description        text,
    condition          jsonb not null,
    condition_version  integer not null default 1,
    built_in           text,
    time_relative      boolean not null,
    recomputed_at      timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index segment_workspace on segment (workspace_id, id);
create unique index segment_built_in on segment (workspace_id, built_in);
create index segment_recompute on segment (recomputed_at nulls first) where time_relative or recomputed_at is null;

create table segment_membership (
    workspace_id  bigint not null,
    segment_id    bigint not null references segment (id) on delete cascade,
    contact_id    bigint not null references contact (id) on delete cascade,
    entered_at    timestamptz not null,
    primary key (segment_id, contact_id)
);
create index segment_membership_contact on segment_membership (contact_id);

create table segment_membership_event (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null,
    segment_id    bigint not null references segment (id) on delete cascade,
    contact_id    bigint not null,
    kind          text not null check (kind in ('entered', 'exited')),
    at            timestamptz not null
);
create index segment_membership_event_segment on segment_membership_event (segment_id, at);
create index segment_membership_event_contact on segment_membership_event (contact_id);

-- Contacts whose segment memberships are due for re-evaluation, written in the transaction that
-- changed them (so a crash loses nothing) and claimed by any node with FOR UPDATE SKIP LOCKED.
-- all_segments: their events or traits changed (ingestion); otherwise only contact data changed.
create table segment_pending (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null,
    contact_ids   bigint[] not null,
    all_segments  boolean not null
);

-- Static lists ----------------------------------------------------------------------------------
create table contact_list (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace (id) on delete cascade,
    name          text not null,
    description   text,
    created_at    timestamptz not null default now()
);
create index contact_list_workspace on contact_list (workspace_id, id);

create table contact_list_member (
    workspace_id  bigint not null,
    list_id       bigint not null references contact_list (id) on delete cascade,
    contact_id    bigint not null references contact (id) on delete cascade,
    added_at      timestamptz not null,
    primary key (list_id, contact_id)
);
create index contact_list_member_contact on contact_list_member (contact_id);
