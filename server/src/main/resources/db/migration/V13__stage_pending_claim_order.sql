-- Moves are applied oldest decision first, 100 at a time: read from an index instead of sorting every
-- pending move for each chunk (a workspace rescore decides hundreds of thousands of them).
create index stage_pending_decided on stage_pending (decided_at);
