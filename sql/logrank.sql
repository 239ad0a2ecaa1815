--
-- logrank: the log-rank test and its state type (agreement with R's
-- survdiff is in survival_reference)
--
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(nullif(' (' || detail || ')', ' ()'), '');
END $$;
\i test/lib/compare.sql
-- the state, for looking at and for round trips: logrank without its final function
CREATE AGGREGATE pg_temp.lr_state(float8, bool, text) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, COMBINEFUNC = logrank_combine, PARALLEL = SAFE);

SELECT (logrank(d, e, g)).* FROM (VALUES (1, true, 'a'), (3, true, 'a'), (4, false, 'a'),
	(2, true, 'b'), (5, true, 'b'), (6, true, 'b')) v(d, e, g);
SELECT pg_temp.lr_state(d, e, g) FROM (VALUES (1, true, 'a'), (3, true, 'a'), (2, true, 'b'), (2, false, 'b')) v(d, e, g);

-- against a plain-SQL log-rank test for three groups, on random data with
-- ties: O - E and the covariance of the last two groups (the first is left
-- out), the chi-square by the 2 x 2 inverse, and p = exp(-chisq / 2) on 2 df
SELECT setseed(0.75);
CREATE TEMP TABLE lr AS
SELECT (array['Koebenhavn', 'Klyngen', 'Hele landet'])[1 + i % 3] AS g, floor(random() * (40 + 3 * (i % 3))) AS d,
	   random() < 0.7 AS e
FROM generate_series(1, 3000) i;
WITH times AS (SELECT DISTINCT d AS t FROM lr WHERE e),
terms AS (
	SELECT count(*) FILTER (WHERE d >= t)::float8 AS n,
		   count(*) FILTER (WHERE d = t AND e)::float8 AS dd,
		   count(*) FILTER (WHERE d >= t AND g = 'Klyngen')::float8 AS n1,
		   count(*) FILTER (WHERE d = t AND e AND g = 'Klyngen')::float8 AS d1,
		   count(*) FILTER (WHERE d >= t AND g = 'Koebenhavn')::float8 AS n2,
		   count(*) FILTER (WHERE d = t AND e AND g = 'Koebenhavn')::float8 AS d2
	FROM times, lr GROUP BY t),
sums AS (
	SELECT sum(d1 - dd * n1 / n) AS u1, sum(d2 - dd * n2 / n) AS u2,
		   sum(CASE WHEN n > 1 THEN dd * (n - dd) / (n * (n - 1)) * n1 * (n - n1) / n ELSE 0 END) AS v11,
		   sum(CASE WHEN n > 1 THEN dd * (n - dd) / (n * (n - 1)) * n2 * (n - n2) / n ELSE 0 END) AS v22,
		   sum(CASE WHEN n > 1 THEN -dd * (n - dd) / (n * (n - 1)) * n1 * n2 / n ELSE 0 END) AS v12
	FROM terms),
oracle AS (SELECT (v22 * u1 * u1 - 2 * v12 * u1 * u2 + v11 * u2 * u2) / (v11 * v22 - v12 * v12) AS chisq FROM sums)
SELECT round(o.chisq::numeric, 6) AS chisq, pg_temp.near(o.chisq, l.chisq) AS chisq_ok, l.df,
	   pg_temp.near(exp(-o.chisq / 2), l.p_value) AS p_ok
FROM oracle o, (SELECT (logrank(d, e, g)).* FROM lr) l;

-- from rows and from stored per-group states, in any grouping
SELECT (SELECT (logrank(d, e, g)).chisq FROM lr) AS from_rows,
	   (SELECT (logrank(g, s)).chisq FROM (SELECT g, survival(d, e) AS s FROM lr GROUP BY g) x) AS from_states,
	   (SELECT (logrank(g, s)).chisq FROM (SELECT g, i % 4, survival(d, e) AS s FROM (SELECT *, row_number() OVER () AS i FROM lr) y GROUP BY 1, 2) x) AS from_split_states;

-- NULL rows are skipped; empty input gives NULL
SELECT (logrank(d, e, g)).* FROM (VALUES (1, true, 'a'), (2, true, 'b'), (NULL, true, 'a'), (3, NULL, 'b'),
	(4, true, NULL), (5, false, 'a'), (6, true, 'b')) v(d, e, g);
SELECT logrank(d, e, g) IS NULL AS empty FROM lr WHERE false;
SELECT logrank(g, s) IS NULL AS empty_states FROM (VALUES ('a', NULL::survival), (NULL, 'v1;1:1,0,0,1,0')) v(g, s);

-- no test without two groups at risk at event times: chisq 0, df 0, p NULL;
-- a singular variance (every event at one time, all at risk failing): chisq and p NULL
SELECT 'one group' AS case, (logrank(d, true, 'a')).* FROM generate_series(1, 5) d
UNION ALL
SELECT 'no events', (logrank(d, false, g)).* FROM (VALUES (1, 'a'), (2, 'b')) v(d, g)
UNION ALL
SELECT 'all fail at once', (logrank(1, true, g)).* FROM (VALUES ('a'), ('b'), ('b')) v(g);

-- bad rows
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	'SELECT logrank(-1, true, ''a'')',
	'SELECT logrank(''NaN'', true, ''a'')',
	'SELECT logrank(''Infinity'', false, ''a'')']) AS q;

-- the state: text and binary round trips, labels with quotes and backslashes
CREATE TEMP TABLE lrs AS
SELECT i % 3 AS part, pg_temp.lr_state(d, e, g || CASE WHEN i % 2 = 0 THEN ' "quoted" \ |' ELSE '' END) AS s
FROM (SELECT *, row_number() OVER () AS i FROM lr) x GROUP BY 1;
SELECT count(*) AS states, count(*) FILTER (WHERE s::text::logrank_state::text = s::text) AS text_exact FROM lrs;
SELECT substr(s::text, 1, 60) AS beginning FROM lrs WHERE part = 0;
\copy lrs TO 'results/logrank.bin' WITH (FORMAT binary)
CREATE TEMP TABLE lrs_copy (LIKE lrs);
\copy lrs_copy FROM 'results/logrank.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.s::text = b.s::text) AS binary_exact
FROM lrs a JOIN lrs_copy b USING (part);
-- merging states (the combine function) equals aggregating all rows
SELECT logrank_combine(logrank_combine(a.s, b.s), c.s)::text = (SELECT pg_temp.lr_state(d, e, g || CASE WHEN i % 2 = 0 THEN ' "quoted" \ |' ELSE '' END)::text
	FROM (SELECT *, row_number() OVER () AS i FROM lr) x) AS merge_ok
FROM lrs a, lrs b, lrs c WHERE a.part = 0 AND b.part = 1 AND c.part = 2;
-- grouped by hash (spilling to disk, two aggregates sharing the states'
-- memory), by sorting, and by hashed grouping sets: the same tests
CREATE TEMP TABLE lr_many AS
SELECT i % 1500 AS g, d + i % 7 AS d, e, grp, i % 2 AS half
FROM (SELECT *, row_number() OVER () AS i, g AS grp FROM lr) x, generate_series(1, 3) k;
SET work_mem = '64kB';
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT g, logrank(d, e, grp), survival(d, e) FROM lr_many GROUP BY g;
CREATE TEMP TABLE lr_hashed AS SELECT g, logrank(d, e, grp)::text AS t, survival(d, e)::text AS s FROM lr_many GROUP BY g;
EXPLAIN (COSTS OFF) SELECT g, half, logrank(d, e, grp) FROM lr_many GROUP BY GROUPING SETS ((g), (half));
CREATE TEMP TABLE lr_sets AS
SELECT g, half, logrank(d, e, grp)::text AS t FROM lr_many GROUP BY GROUPING SETS ((g), (half));
RESET enable_sort;
SET enable_hashagg = off;
CREATE TEMP TABLE lr_sorted AS SELECT g, logrank(d, e, grp)::text AS t, survival(d, e)::text AS s FROM lr_many GROUP BY g;
CREATE TEMP TABLE lr_sets_sorted AS
SELECT g, half, logrank(d, e, grp)::text AS t FROM lr_many GROUP BY GROUPING SETS ((g), (half));
RESET enable_hashagg;
RESET work_mem;
SELECT count(*) AS groups, count(*) FILTER (WHERE h.t IS DISTINCT FROM s.t OR h.s IS DISTINCT FROM s.s) AS mismatch
FROM lr_hashed h FULL JOIN lr_sorted s USING (g);
SELECT count(*) AS set_rows, count(*) FILTER (WHERE h.t IS DISTINCT FROM s.t) AS mismatch
FROM lr_sets h FULL JOIN lr_sets_sorted s ON (coalesce(h.g, -1), coalesce(h.half, -1)) = (coalesce(s.g, -1), coalesce(s.half, -1));

SELECT input, pg_temp.err(format('SELECT %L::logrank_state', input)) AS result
FROM unnest(ARRAY[
	'', 'v1', 'v2|"a":v1;1:1,0,0,1,0', 'v1|a:v1;1:1,0,0,1,0', 'v1|"a"v1;1:1,0,0,1,0', 'v1|"a:v1;1:1,0,0,1,0',
	'v1|"a":v1;1:1,0,0,1,0|"a":v1;2:1,0,0,1,0', 'v1|"b":v1;1:1,0,0,1,0|"a":v1;2:1,0,0,1,0',
	'v1|"a":v1;1:1,0,0,1,0 ', 'v1|"a":v1;1:1,0,0,0,0', 'v1|"a":v1', 'v1|"a":v1;1:1,0,0,1,0|']) AS input;
SELECT 'v1|"":v1;1:1,0,0,1,0|"\"\\":v1;2:0,1,0,1,0'::logrank_state AS empty_and_escaped_labels;
-- malformed binary input
CREATE TEMP TABLE lbad (s logrank_state);
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_good.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_good.bin' WITH (FORMAT binary)
SELECT s FROM lbad;
\copy (SELECT '\x02'::bytea || int4send(1) || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1000) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || '\xff'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(2) || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0) || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send('Infinity') || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)
SELECT count(*) AS loaded FROM lbad;

-- parallel plans give the same test as serial ones
CREATE TABLE lr_big AS SELECT lr.* FROM lr, generate_series(1, 20);
ANALYZE lr_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT logrank(d, e, g) FROM lr_big;
CREATE TEMP TABLE lr_par AS SELECT (logrank(d, e, g)).*, pg_temp.lr_state(d, e, g)::text AS state FROM lr_big;
SET max_parallel_workers_per_gather = 0;
SELECT p.chisq = s.chisq AND p.df = s.df AND p.p_value = s.p_value AS same_test, p.state = s.state AS same_state
FROM lr_par p, (SELECT (logrank(d, e, g)).*, pg_temp.lr_state(d, e, g)::text AS state FROM lr_big) s;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
DROP TABLE lr_big;

-- the stratified test, as survdiff(Surv(t, e) ~ g + strata(s)): R's values from
-- `Rscript r/compare_reference.R logrank`, on the data sets of that script
CREATE TEMP TABLE r_strata (set int, chisq float8, df int, p_value float8);
INSERT INTO r_strata VALUES
	(1, 11.797187912987996, 2, 0.0027432993065195721),
	(2, 0.020247227270879842, 1, 0.88684877134260021);
CREATE TEMP TABLE lr_strata AS
SELECT 1 AS set, g, s, ((i * 7919) % 53 + 1 + 5 * (s = 'y')::int + 4 * (g = 'c')::int)::float8 AS t,
	   (i * 104729::int8) % 5 <> 0 AS e
FROM generate_series(1, 600) i,
	 LATERAL (SELECT (ARRAY['a', 'b', 'c'])[1 + i % 3] AS g, (ARRAY['x', 'y'])[1 + (i * 7) % 2] AS s) v
UNION ALL
SELECT 2, CASE WHEN i % 4 = 3 THEN 'a' ELSE (ARRAY['a', 'b'])[1 + (i / 4) % 2] END, 's' || (1 + i % 4),
	   ((i * 31) % 17 + 1)::float8, (i * 13) % 3 <> 0
FROM generate_series(1, 300) i;
SELECT r.set, pg_temp.near(l.chisq, r.chisq) AS chisq, l.df = r.df AS df, pg_temp.near(l.p_value, r.p_value) AS p_value
FROM r_strata r, LATERAL (SELECT (logrank(t, e, g, s)).* FROM lr_strata WHERE set = r.set) l
ORDER BY 1;
-- one stratum is the unstratified test; NULL strata are skipped; no rows: NULL
SELECT (SELECT logrank(d, e, g, 'all') = logrank(d, e, g) FROM lr) AS one_stratum,
	   (SELECT logrank(t, e, g, s) = logrank(t, e, g, CASE WHEN s IS NOT NULL THEN s END)
		FROM (SELECT t, e, g, s FROM lr_strata WHERE set = 1
			  UNION ALL SELECT 1, true, 'a', NULL) x) AS null_stratum_skipped,
	   (SELECT logrank(t, e, g, s) IS NULL FROM lr_strata WHERE false) AS empty;

-- the stratified state: format version 2, round trips, merge law, parallel = serial
CREATE AGGREGATE pg_temp.lr_state(float8, bool, text, text) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, COMBINEFUNC = logrank_combine, PARALLEL = SAFE);
SELECT pg_temp.lr_state(d, e, g, s) FROM (VALUES (1, true, 'a', 'x'), (3, true, 'a', 'y'), (2, true, 'b', 'x'),
	(2, false, 'b "q" \', 'y')) v(d, e, g, s);
CREATE TEMP TABLE lrs2 AS
SELECT n % 3 AS part, pg_temp.lr_state(t, e, g, s) AS s
FROM (SELECT *, row_number() OVER () AS n FROM lr_strata WHERE set = 1) x GROUP BY 1;
SELECT count(*) AS states, count(*) FILTER (WHERE s::text::logrank_state::text = s::text) AS text_exact,
	   count(*) FILTER (WHERE s::text LIKE 'v2|"x","a":%') AS version_2
FROM lrs2;
\copy lrs2 TO 'results/logrank2.bin' WITH (FORMAT binary)
CREATE TEMP TABLE lrs2_copy (LIKE lrs2);
\copy lrs2_copy FROM 'results/logrank2.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.s::text = b.s::text) AS binary_exact
FROM lrs2 a JOIN lrs2_copy b USING (part);
SELECT logrank_combine(logrank_combine(a.s, b.s), c.s)::text = (SELECT pg_temp.lr_state(t, e, g, s)::text FROM lr_strata WHERE set = 1) AS merge_ok,
	   logrank_final(logrank_combine(logrank_combine(c.s, a.s), b.s)) = (SELECT logrank(t, e, g, s) FROM lr_strata WHERE set = 1) AS merge_test_ok
FROM lrs2 a, lrs2 b, lrs2 c WHERE a.part = 0 AND b.part = 1 AND c.part = 2;
-- a state stored by 0.1.0 (format version 1) reads and prints as it did
SELECT 'v1|"a":v1;1:1,0,0,1,0|"b":v1;2:1,0,0,1,0'::logrank_state::text AS v1_state,
	   (logrank_final('v1|"a":v1;1:1,0,0,1,0|"b":v1;2:1,0,0,1,0')).df AS v1_df;
-- stratified and unstratified states do not mix; malformed version 2 text
SELECT pg_temp.err($$SELECT logrank_combine('v1|"a":v1;1:1,0,0,1,0', 'v2|"x","a":v1;1:1,0,0,1,0')$$) AS mixed;
SELECT input, pg_temp.err(format('SELECT %L::logrank_state', input)) AS result
FROM unnest(ARRAY[
	'v2|"a":v1;1:1,0,0,1,0', 'v2|"x""a":v1;1:1,0,0,1,0', 'v2|"x",a:v1;1:1,0,0,1,0',
	'v2|"y","a":v1;1:1,0,0,1,0|"x","b":v1;1:1,0,0,1,0', 'v2|"x","b":v1;1:1,0,0,1,0|"x","a":v1;1:1,0,0,1,0',
	'v3|"x","a":v1;1:1,0,0,1,0']) AS input;
SELECT 'v2|"x","b":v1;1:1,0,0,1,0|"y","a":v1;1:1,0,0,1,0'::logrank_state AS strata_in_order;
-- binary: version 2 with its stratum labels reads; version 3 does not exist
\copy (SELECT '\x02'::bytea || int4send(1) || int4send(1) || 'x'::bytea || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_good2.bin' WITH (FORMAT binary)
TRUNCATE lbad;
\copy lbad FROM 'results/logrank_good2.bin' WITH (FORMAT binary)
SELECT s FROM lbad;
\copy (SELECT '\x03'::bytea || int4send(1) || int4send(1) || 'x'::bytea || int4send(1) || 'a'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/logrank_bad.bin' WITH (FORMAT binary)
\copy lbad FROM 'results/logrank_bad.bin' WITH (FORMAT binary)

CREATE TABLE lr_strata_big AS SELECT lr_strata.* FROM lr_strata, generate_series(1, 20);
ANALYZE lr_strata_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT set, logrank(t, e, g, s), pg_temp.lr_state(t, e, g, s)::text FROM lr_strata_big GROUP BY set;
CREATE TEMP TABLE lr_strata_par AS SELECT set, logrank(t, e, g, s) AS r, pg_temp.lr_state(t, e, g, s)::text AS state FROM lr_strata_big GROUP BY set;
SET max_parallel_workers_per_gather = 0;
SELECT p.set, p.r = s.r AS same_test, p.state = s.state AS same_state
FROM lr_strata_par p JOIN (SELECT set, logrank(t, e, g, s) AS r, pg_temp.lr_state(t, e, g, s)::text AS state
						   FROM lr_strata_big GROUP BY set) s USING (set) ORDER BY 1;
RESET ALL;
DROP TABLE lr_strata_big;
