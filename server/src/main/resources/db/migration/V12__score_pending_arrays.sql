-- One pending row per change (an event batch's contacts together, up to 500), as segment_pending has it:
-- ingestion writes one row and one index entry per batch instead of one per contact, and the drainer
-- claims a few rows instead of hundreds. A contact in several rows is rescored once per round.
alter table score_pending add column contact_ids bigint[];
update score_pending set contact_ids = array[contact_id];
alter table score_pending alter column contact_ids set not null;
drop index score_pending_contact;
alter table score_pending drop column contact_id;
