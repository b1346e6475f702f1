-- Score changes that moved only the numbers (not grade or temperature) are noted apart, so segments
-- reading only grade or temperature skip them.
alter table segment_pending drop constraint segment_pending_reads_check;
alter table segment_pending add constraint segment_pending_reads_check
    check (reads in ('all', 'contactData', 'scores', 'scoreNumbers', 'memberships'));
