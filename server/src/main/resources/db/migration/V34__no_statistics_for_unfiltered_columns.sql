-- Autovacuum analyses these tables every few seconds under load (scores and events are written all the time),
-- and most of an ANALYZE went on columns no plan estimates from: event payloads (filters read expressions of
-- them, for which column statistics are not used) and a score's explanation arrays (element statistics of
-- text[]). On 100,000 scores an ANALYZE took 330 ms, 85 ms without them; at the start of a load that CPU came
-- out of the event batches. Partitions made later get the same setting (EventPartitions).
alter table event
    alter column properties set statistics 0,
    alter column traits set statistics 0,
    alter column context set statistics 0,
    alter column integrations set statistics 0;

alter table contact_score
    alter column breakdown set statistics 0,
    alter column fired set statistics 0,
    alter column fired_points set statistics 0,
    alter column advice set statistics 0,
    alter column advice_reasons set statistics 0;
