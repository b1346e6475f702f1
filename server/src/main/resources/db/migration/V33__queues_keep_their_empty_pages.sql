-- Queue tables are emptied as fast as they fill, so every autovacuum found empty pages at their end and
-- truncated them, which takes an ACCESS EXCLUSIVE lock: inserts from event batches and rescore rounds queued
-- behind it (bench/run ingest saw a vacuum of segment_pending waiting for that lock 23% of the max phase).
-- The pages are reused by the next inserts anyway.
alter table segment_pending set (vacuum_truncate = false);
alter table score_pending set (vacuum_truncate = false);
alter table stage_pending set (vacuum_truncate = false);
