-- Consent per contact and channel (the channel module). A contact without a row for a channel has
-- status 'none'. Every change is kept in contact_subscription_change, the consent record.
create table contact_subscription (
    contact_id    bigint not null references contact (id) on delete cascade,
    workspace_id  bigint not null,
    channel       text not null,
    status        text not null,
    source        text,
    updated_at    timestamptz not null,
    primary key (contact_id, channel)
);
create index contact_subscription_status on contact_subscription (workspace_id, channel, status);

create table contact_subscription_change (
    id            bigint generated always as identity primary key,
    contact_id    bigint not null references contact (id) on delete cascade,
    workspace_id  bigint not null,
    channel       text not null,
    from_status   text not null,
    to_status     text not null,
    source        text,
    changed_at    timestamptz not null
);
create index contact_subscription_change_contact on contact_subscription_change (contact_id, channel, id);
