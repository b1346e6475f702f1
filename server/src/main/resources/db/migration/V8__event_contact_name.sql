-- Event conditions ("performed X at least N times within D days") count one contact's events of one
-- name in a time window: with the name in the index, PostgreSQL counts index entries instead of
-- reading every event of the contact from the heap.
create index event_contact_name_time on event (workspace_id, contact_id, name, occurred_at desc);
