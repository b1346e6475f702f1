-- Which claim of a job is running it: its rounds run two at a time and each checks it still holds the
-- job (not superseded by a newer model, not taken over after a stale heartbeat) before it commits.
alter table scoring_job add column claimed_by uuid;
