--
-- weekline_spells_rows: the planner's estimate of spells()'s rows
-- (weekline_spells_support: SupportRequestRows), read from EXPLAIN
--
-- the estimated rows of the Function Scan on spells in a query's plan
CREATE FUNCTION pg_temp.spells_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN (SELECT (p ->> 'Plan Rows')::float8
			FROM jsonb_path_query(plan::jsonb, 'strict $.**') AS p
			WHERE jsonb_typeof(p) = 'object' AND p ->> 'Node Type' = 'Function Scan'
			  AND p ->> 'Function Name' = 'spells');
END $$;
CREATE TABLE wsr_hist AS
SELECT i AS id, weekline_from_runs('2015-W01', ARRAY[1, 0, 2, 0, 1], ARRAY[3, 2, 4, 1 + i % 9, 5]) AS w
FROM generate_series(1, 200) AS i;
ANALYZE wsr_hist;
-- a constant weekline: its spells, counted (the planner shows at least 1 row)
SELECT g AS max_gap,
	   pg_temp.spells_rows(format($$SELECT * FROM spells('2015-W01 1x3 0x2 2x4 0x7 1x5 0x9 2x1', ARRAY[1, 2], %s)$$, g)) AS estimated,
	   (SELECT count(*) FROM spells('2015-W01 1x3 0x2 2x4 0x7 1x5 0x9 2x1', ARRAY[1, 2], g)) AS actual
FROM unnest(ARRAY[0, 2, 7, 9]) AS g;
SELECT pg_temp.spells_rows($$SELECT * FROM spells('2015-W01 1x3 0x2 2x4 0x7 1x5 0x9 2x1', ARRAY[1, 2])$$) AS default_max_gap;
-- histories from a table, constant codes: min(codes, 4.5) / 2 (at least 1 shown); codes from
-- a subquery are not known when planning: the function's ROWS 3
SELECT k AS codes,
	   pg_temp.spells_rows(format($$SELECT * FROM wsr_hist, spells(w, ARRAY(SELECT generate_series(1, %s)))$$, k)) AS subquery_array,
	   pg_temp.spells_rows(format($$SELECT * FROM wsr_hist, spells(w, '%s'::int4[])$$, (SELECT array_agg(c) FROM generate_series(1, k) AS c))) AS per_row
FROM unnest(ARRAY[1, 2, 4, 6, 30]) AS k;
-- codes built per query (ARRAY[...] of constants folds to a constant)
SELECT pg_temp.spells_rows($$SELECT * FROM wsr_hist, spells(w, ARRAY[1, 2, 3, 4, 5, 6, 7], 5)$$) AS seven_codes,
	   pg_temp.spells_rows($$SELECT * FROM wsr_hist, spells(w, '{}')$$) AS no_codes;
-- arguments the call rejects (it raises the error) are not read: the function's ROWS 3, or,
-- for a negative max_gap, the estimate from the codes
SELECT pg_temp.spells_rows($$SELECT * FROM wsr_hist, spells(w, ARRAY[1, NULL])$$) AS null_element,
	   pg_temp.spells_rows($$SELECT * FROM spells('2015-W01 1x3', ARRAY[1], -1)$$) AS negative_gap;
