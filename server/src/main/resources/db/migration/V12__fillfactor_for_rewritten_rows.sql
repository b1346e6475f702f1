-- Rows rewritten again and again (a contact's score at every rescore, its behaviour and day counters at
-- every event batch, the contact itself at identify calls and stage moves) leave room on their page, so
-- the new version can stay there as a heap-only update: no new index entries, and the old version is
-- pruned with the page instead of waiting for vacuum. Pages written from now on keep the room.
alter table contact_score set (fillfactor = 70);
alter table contact_behavior set (fillfactor = 70);
alter table contact_event_daily set (fillfactor = 85);
alter table contact set (fillfactor = 85);
