-- Automatic lifecycle-stage moves decided by a rescore, applied after it commits in a short
-- transaction of their own: a rescore round never holds contact row locks that ingestion waits on.
-- One row per contact (the latest decision wins); deleted when applied.
create table stage_pending (
    contact_id    bigint primary key references contact (id) on delete cascade,
    workspace_id  bigint not null,
    from_stage    text not null,
    to_stage      text not null,
    reason        text not null,
    decided_at    timestamptz not null
);
