-- Stage moves are noted apart from other contact data, so only the segments reading the stage re-evaluate them.
alter table segment_pending drop constraint segment_pending_reads_check;
alter table segment_pending add constraint segment_pending_reads_check
    check (reads in ('all', 'events', 'contactData', 'stage', 'scores', 'scoreNumbers', 'memberships'));
