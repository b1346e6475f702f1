-- The drainer deletes all pending rows of the contacts it claims, and the decay job skips contacts
-- already pending: both look rows up by contact.
create index score_pending_contact on score_pending (workspace_id, contact_id);
