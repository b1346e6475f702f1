-- CSV import bookkeeping beyond V1: how many rows made or changed a contact, and a heartbeat so a
-- job whose worker died (its heartbeat stale) is claimed again and resumed after rows_done.
alter table import_job
    add column rows_created  integer not null default 0,
    add column rows_updated  integer not null default 0,
    add column heartbeat_at  timestamptz;

create index import_job_workspace on import_job (workspace_id, id);
create index import_job_pending on import_job (id) where status in ('queued', 'running');
