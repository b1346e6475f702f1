-- The drainer's claim order (event batches first, then oldest) read from an index instead of sorting
-- the whole backlog at every round: under sustained ingestion the backlog holds tens of thousands of rows.
create index score_pending_pick on score_pending (workspace_id, (reason = 'event batch') desc, id);
