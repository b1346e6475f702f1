-- Content: message templates and the content blocks (partials) they include, both versioned (docs/templates.md).
-- Each save adds a version row; the parent row names the latest one and whether it is usable.

create table content_block (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace (id) on delete cascade,
    name          text not null,
    version       integer not null,
    valid         boolean not null default true,
    problems      jsonb not null default '[]',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create unique index content_block_name on content_block (workspace_id, name);

create table content_block_version (
    block_id      bigint not null references content_block (id) on delete cascade,
    workspace_id  bigint not null,
    version       integer not null,
    -- the content, or for a dynamic block the default shown when no variant's condition holds
    content       text not null,
    -- dynamic blocks: [{"condition": {...}, "content": "..."}], tried in order; null for a static block
    variants      jsonb,
    -- names of the blocks this version includes ({{> name}}), for dependency and cycle checks
    refs          text[] not null,
    created_at    timestamptz not null default now(),
    primary key (block_id, version)
);

create table template (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null references workspace (id) on delete cascade,
    name          text not null,
    channel       text not null check (channel in ('email', 'sms', 'push', 'webhook')),
    version       integer not null,
    -- false when a block its latest version includes was deleted since; journeys must not send it
    valid         boolean not null default true,
    problems      jsonb not null default '[]',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index template_workspace on template (workspace_id, id);

create table template_version (
    template_id   bigint not null references template (id) on delete cascade,
    workspace_id  bigint not null,
    version       integer not null,
    -- the source of each part: email subject, preheader, html or mjml, text; sms text; push title, body, url; webhook body
    parts         jsonb not null,
    -- responsive HTML made from the mjml part at save time
    mjml_html     text,
    refs          text[] not null,
    warnings      jsonb not null default '[]',
    created_at    timestamptz not null default now(),
    primary key (template_id, version)
);
create index template_version_refs on template_version using gin (refs);
