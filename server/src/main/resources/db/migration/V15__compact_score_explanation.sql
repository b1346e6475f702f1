-- A stored score's explanation, kept compact: a rescore rewrites every row of a workspace, and the JSON
-- (rule and category names spelt out in every row, ~1.3 kB as jsonb) was most of what it wrote. The
-- breakdown is in category order; fired rules are named by their position in the model version the score
-- was computed with (categories in order, each category's rules as written; -1 the inactivity decay,
-- -2 the predictive hook) beside their points; recommendations are actions beside reasons.
alter table contact_score
    add column breakdown      float8[] not null default '{}',
    add column fired          smallint[] not null default '{}',
    add column fired_points   float8[] not null default '{}',
    add column advice         text[] not null default '{}',
    add column advice_reasons text[] not null default '{}';

with category (name, ord) as (
    values ('demographics', 1), ('firmographics', 2), ('behavior', 3), ('engagement', 4), ('recency', 5), ('predictive', 6)
),
-- Version 1 is the default model, which lives on the classpath, not in scoring_model.
default_rule (category, name, position) as (
    values ('demographics', 'Senior title', 0), ('demographics', 'Manager title', 1), ('demographics', 'Business email', 2),
           ('demographics', 'Phone given', 3), ('firmographics', '50+ employees', 4), ('firmographics', '1000+ employees', 5),
           ('firmographics', 'Revenue 10M+', 6), ('firmographics', 'Target industry', 7), ('behavior', 'Page views', 8),
           ('behavior', 'Time on site', 9), ('behavior', 'Return visits', 10), ('behavior', 'Content downloads', 11),
           ('behavior', 'Video watches', 12), ('behavior', 'Webinar attendance', 13), ('behavior', 'Pricing page views', 14),
           ('behavior', 'Demo requests', 15), ('behavior', 'Trial signups', 16), ('engagement', 'Opened an email (30 days)', 17),
           ('engagement', 'Clicked an email (30 days)', 18), ('engagement', 'Submitted a form (90 days)', 19),
           ('engagement', 'Replied to an email (90 days)', 20), ('engagement', 'Unsubscribed', 21), ('engagement', 'Hard bounce', 22),
           ('engagement', 'Spam complaint', 23)
),
model_rule (workspace_id, version, category, name, position) as (
    select m.workspace_id, m.version, c.name, r.rule ->> 'name',
           (row_number() over (partition by m.workspace_id, m.version order by c.ord, r.ord) - 1)::int
    from scoring_model m
    cross join category c
    cross join lateral jsonb_array_elements(coalesce(m.definition -> 'categories' -> c.name -> 'rules', '[]'::jsonb))
        with ordinality as r (rule, ord)
)
update contact_score s set
    breakdown = array(select coalesce((s.result -> 'breakdown' ->> c.name)::float8, 0) from category c order by c.ord),
    (fired, fired_points) = (
        select coalesce(array_agg(f.position order by f.ord), '{}'), coalesce(array_agg(f.points order by f.ord), '{}')
        from (
            select r.ord, (r.rule ->> 'points')::float8 as points,
                   coalesce(
                       case when s.model_version = 1
                           then (select d.position from default_rule d where d.category = r.rule ->> 'category' and d.name = r.rule ->> 'name')
                           else (select m.position from model_rule m where m.workspace_id = s.workspace_id and m.version = s.model_version
                                     and m.category = r.rule ->> 'category' and m.name = r.rule ->> 'name')
                       end,
                       case when r.rule ->> 'category' = 'recency' and r.rule ->> 'name' = 'Inactivity decay' then -1
                            when r.rule ->> 'category' = 'predictive' and r.rule ->> 'name' = 'Predictive model' then -2
                       end)::smallint as position
            from jsonb_array_elements(coalesce(s.result -> 'rules', '[]'::jsonb)) with ordinality as r (rule, ord)
        ) f
        where f.position is not null),
    (advice, advice_reasons) = (
        select coalesce(array_agg(a.item ->> 'action' order by a.ord), '{}'), coalesce(array_agg(a.item ->> 'reason' order by a.ord), '{}')
        from jsonb_array_elements(coalesce(s.result -> 'recommendations', '[]'::jsonb)) with ordinality as a (item, ord));

alter table contact_score drop column result;
