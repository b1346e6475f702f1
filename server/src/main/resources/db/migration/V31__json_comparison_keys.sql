-- How compiled conditions reduce a jsonb value (a custom attribute, an event property) to the key they compare,
-- kind by kind, as dev.tendril.segment.internal.Values does in memory: null when the value is not of that kind.
-- The *_key functions are single expressions, which the planner inlines. The *_keys functions give the keys of
-- an array's elements, and the tendril_any_* functions test them; their bodies are subqueries, so the planner
-- calls them instead, and a query using them may still run in parallel (a correlated subquery in the query
-- itself may not).
create function tendril_text_key(v jsonb) returns text language sql immutable parallel safe
    as $$ select case when jsonb_typeof(v) = 'string' then lower(v #>> '{}') end $$;

create function tendril_number_key(v jsonb) returns numeric language sql immutable parallel safe
    as $$ select case when jsonb_typeof(v) = 'number' then v::text::numeric end $$;

create function tendril_boolean_key(v jsonb) returns boolean language sql immutable parallel safe
    as $$ select case when jsonb_typeof(v) = 'boolean' then v::text::boolean end $$;

-- shape: the pattern of text that is a date (Values.DATE_SHAPE); the key is its day, YYYY-MM-DD.
create function tendril_date_key(v jsonb, shape text) returns text language sql immutable parallel safe
    as $$ select case when jsonb_typeof(v) = 'string' and (v #>> '{}') ~ shape
        then left(v #>> '{}', 10) end $$;

create function tendril_text_keys(a jsonb) returns text[] language sql immutable parallel safe
    as $$ select array(select tendril_text_key(e.v) from jsonb_array_elements(a) as e(v)) $$;

create function tendril_number_keys(a jsonb) returns numeric[] language sql immutable parallel safe
    as $$ select array(select tendril_number_key(e.v) from jsonb_array_elements(a) as e(v)) $$;

create function tendril_boolean_keys(a jsonb) returns boolean[] language sql immutable parallel safe
    as $$ select array(select tendril_boolean_key(e.v) from jsonb_array_elements(a) as e(v)) $$;

create function tendril_date_keys(a jsonb, shape text) returns text[] language sql immutable parallel safe
    as $$ select array(select tendril_date_key(e.v, shape) from jsonb_array_elements(a) as e(v)) $$;

-- Whether any key matches the LIKE pattern.
create function tendril_any_like(keys text[], pattern text) returns boolean language sql immutable parallel safe
    as $$ select exists (select 1 from unnest(keys) as k where k like pattern) $$;

-- Whether any key lies between low and high, inclusive, in the collation of the call.
create function tendril_any_between(keys anyarray, low anyelement, high anyelement) returns boolean
    language sql immutable parallel safe
    as $$ select exists (select 1 from unnest(keys) as k where k >= low and k <= high) $$;
