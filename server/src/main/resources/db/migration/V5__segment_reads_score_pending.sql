-- What a pending change can affect, replacing all_segments: 'all' (ingestion: events, traits or
-- company), 'contactData' (an edit through the contact API), 'scores' (score, grade or temperature
-- changed) or 'memberships' (list or segment membership changed). Only segments reading it re-evaluate.
alter table segment_pending add column reads text not null default 'all'
    check (reads in ('all', 'contactData', 'scores', 'memberships'));
update segment_pending set reads = 'contactData' where not all_segments;
alter table segment_pending alter column reads drop default;
alter table segment_pending drop column all_segments;

-- The condition names inList or inSegment: membership changes elsewhere re-evaluate this segment.
alter table segment add column reads_memberships boolean not null default false;

-- Contacts due for rescoring (an event batch, or an edit through the REST API or a CSV import): written in the
-- changing transaction, claimed in batches by any node with FOR UPDATE SKIP LOCKED, so an import of
-- many rows costs a few batched rescores instead of one task per row.
create table score_pending (
    id            bigint generated always as identity primary key,
    workspace_id  bigint not null,
    contact_id    bigint not null,
    reason        text not null
);
