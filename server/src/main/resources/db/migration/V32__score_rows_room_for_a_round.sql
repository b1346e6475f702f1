-- A rescore round rewrites every score row of a page in one transaction, and the old versions cannot be pruned
-- before it commits: with a third of the page free (V12) the new versions of a third of the rows went to other
-- pages, with new index entries (63% heap-only updates measured over a 1M-contact rescore). Under half the page
-- filled, each row's new version fits beside it. Pages written from now on keep the room.
alter table contact_score set (fillfactor = 45);
