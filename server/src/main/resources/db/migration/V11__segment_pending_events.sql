-- Contacts whose ingested batch brought only events: segments reading contact data alone skip them.
alter table segment_pending drop constraint segment_pending_reads_check;
alter table segment_pending add constraint segment_pending_reads_check
    check (reads in ('all', 'events', 'contactData', 'scores', 'scoreNumbers', 'memberships'));
