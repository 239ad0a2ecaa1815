--
-- gray_test: Gray's test of equal cumulative incidence per cause, against
-- cmprsk::cuminc(ftime, fstatus, group)$Tests (reference values from
-- `Rscript r/compare_reference.R gray`, on the data sets of that script).
--
\i test/lib/errors.sql
\i test/lib/compare.sql

CREATE TEMP TABLE r_gray (set int, cause int, statistic float8, df int, p_value float8);
INSERT INTO r_gray VALUES
	(1, 1, 0.33584060218257622, 2, 0.84542121114763813),
	(1, 2, 0.098739585697494359, 2, 0.95182908502184405),
	(1, 3, 0.22463333972030139, 2, 0.89376118545292449),
	(2, 1, 1.5594546124936493, 1, 0.21174509335012914),
	(2, 2, 6.3994350591169136, 1, 0.011415668434718529),
	(3, 1, 0.057917487306324025, 3, 0.99635665834594889),
	(3, 2, 0.012212549362446274, 3, 0.99964236689984154);

CREATE TEMP TABLE cr AS
SELECT 1 AS set, g, cause,
	   CASE WHEN g = 'b' AND cause = 1 THEN ((i * 7919) % 37 + 1) / 3 ELSE (i * 7919) % 37 + 1 END::float8 AS t
FROM generate_series(1, 400) i,
	 LATERAL (SELECT (ARRAY['a', 'b', 'c'])[1 + i % 3] AS g, (i * 7) % 4 AS cause) v
UNION ALL
SELECT 2, (ARRAY['x', 'y'])[1 + (i / 3) % 2], CASE WHEN i % 6 = 0 THEN 0 ELSE 1 + (i * 5) % 2 END,
	   ((i * 31) % 23)::float8 / 2
FROM generate_series(1, 150) i
UNION ALL
SELECT 3, (ARRAY['p', 'q', 'r', 's'])[1 + i % 4], (i * 7) % 3, ((i * 13) % 11)::float8
FROM generate_series(1, 60) i;

-- every cause of every set to 1e-10
SELECT r.set, r.cause, pg_temp.near(t.statistic, r.statistic) AS statistic, t.df = r.df AS df,
	   pg_temp.near(t.p_value, r.p_value) AS p_value
FROM r_gray r
	 FULL JOIN (SELECT set, (unnest(gray_test(t, cause, g))).* FROM cr GROUP BY set) t USING (set, cause)
ORDER BY 1, 2;

-- the documented form: one row per cause
SELECT (unnest(gray_test(t, cause, g))).* FROM cr WHERE set = 2;

-- the state: text and binary round trips, merge law, parallel = serial
CREATE AGGREGATE pg_temp.gray_state(float8, int4, text) (
	SFUNC = gray_test_trans, STYPE = gray_state, COMBINEFUNC = gray_test_combine, PARALLEL = SAFE);
SELECT pg_temp.gray_state(t, c, g) FROM (VALUES (1.5, 1, 'b'), (1.5, 1, 'b'), (2, 0, 'a'), (0, 2, 'a "q" \')) v(t, c, g);
CREATE TEMP TABLE grs AS
SELECT n % 3 AS part, pg_temp.gray_state(t, cause, g) AS s
FROM (SELECT *, row_number() OVER () AS n FROM cr WHERE set = 1) x GROUP BY 1;
SELECT count(*) AS states, count(*) FILTER (WHERE s::text::gray_state::text = s::text) AS text_exact FROM grs;
\copy grs TO 'results/graytest.bin' WITH (FORMAT binary)
CREATE TEMP TABLE grs_copy (LIKE grs);
\copy grs_copy FROM 'results/graytest.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.s::text = b.s::text) AS binary_exact
FROM grs a JOIN grs_copy b USING (part);
SELECT gray_test_combine(gray_test_combine(a.s, b.s), c.s)::text = (SELECT pg_temp.gray_state(t, cause, g)::text FROM cr WHERE set = 1) AS merge_ok,
	   gray_test_final(gray_test_combine(gray_test_combine(c.s, a.s), b.s))::text = (SELECT gray_test(t, cause, g)::text FROM cr WHERE set = 1) AS merge_test_ok
FROM grs a, grs b, grs c WHERE a.part = 0 AND b.part = 1 AND c.part = 2;

CREATE TABLE cr_big AS SELECT cr.* FROM cr, generate_series(1, 30);
ANALYZE cr_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT gray_test(t, cause, g) FROM cr_big WHERE set = 1;
CREATE TEMP TABLE gr_par AS SELECT gray_test(t, cause, g)::text AS r, pg_temp.gray_state(t, cause, g)::text AS state FROM cr_big WHERE set = 1;
SET max_parallel_workers_per_gather = 0;
SELECT p.r = s.r AS same_test, p.state = s.state AS same_state
FROM gr_par p, (SELECT gray_test(t, cause, g)::text AS r, pg_temp.gray_state(t, cause, g)::text AS state FROM cr_big WHERE set = 1) s;
RESET ALL;
DROP TABLE cr_big;

-- NULL rows are skipped; no rows: NULL; one group: NULL (cuminc has no Tests); no event: no rows
SELECT (SELECT gray_test(t, c, g) FROM (VALUES (1, 1, 'a'), (2, 0, 'b'), (NULL, 1, 'a'), (3, NULL, 'b'), (4, 2, NULL),
			(2, 1, 'b'), (5, 1, 'a')) v(t, c, g)) AS skips_nulls,
	   (SELECT gray_test(t, cause, g) IS NULL FROM cr WHERE false) AS empty,
	   (SELECT gray_test(t, cause, 'one') IS NULL FROM cr) AS one_group,
	   (SELECT gray_test(t, 0, g) FROM cr) AS no_events;
-- a singular variance: no statistic
SELECT (unnest(gray_test(t, c, g))).* FROM (VALUES (1, 1, 'a'), (1, 1, 'b')) v(t, c, g);

-- bad rows and malformed states
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	'SELECT gray_test(-1, 1, ''a'')',
	'SELECT gray_test(''NaN'', 1, ''a'')',
	'SELECT gray_test(1, -1, ''a'')']) AS q;
SELECT input, pg_temp.err(format('SELECT %L::gray_state', input)) AS result
FROM unnest(ARRAY[
	'', 'v1', 'v2|"a";1,0,1,1', 'v1|a;1,0,1,1', 'v1|"a', 'v1|"a";1,1,1,1', 'v1|"a";1,0,1,0',
	'v1|"a"|"b";1,0,1,1', 'v1|"b"|"a";1,0,1,1;1,1,1,1', 'v1|"a";2,0,1,1;1,0,1,1', 'v1|"a";1,0,1,1;1,0,1,1',
	'v1|"a";-1,0,1,1', 'v1|"a";inf,0,1,1', 'v1|"a";1,0,1,1 ', 'v1|"a";1,0,1']) AS input;
SELECT 'v1|""|"\"\\";0,0,0,1;2.5,1,3,7'::gray_state AS empty_and_escaped_labels;
-- a subnormal time reads back exactly (a fuzz finding: the text parser took strtod's underflow for an error)
SELECT 'v1|"a";4.9406564584124654e-324,0,1,1;1e-310,0,2,1'::gray_state AS subnormal_times,
	   'v1|"a";4.9406564584124654e-324,0,1,1'::gray_state::text::gray_state::text = 'v1|"a";5e-324,0,1,1' AS round_trip;
CREATE TEMP TABLE gbad (s gray_state);
\copy (SELECT '\x02'::bytea || int4send(1) || int4send(1) || 'a'::bytea || int4send(1) || float8send(1) || int4send(0) || int4send(1) || int8send(1)) TO 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy gbad FROM 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || 'a'::bytea || int4send(1) || float8send(1) || int4send(1) || int4send(1) || int8send(1)) TO 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy gbad FROM 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || 'a'::bytea || int4send(1) || float8send('Infinity') || int4send(0) || int4send(1) || int8send(1)) TO 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy gbad FROM 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || 'a'::bytea || int4send(5)) TO 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy gbad FROM 'results/graytest_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || int4send(1) || 'a'::bytea || int4send(1) || float8send(1) || int4send(0) || int4send(1) || int8send(1)) TO 'results/graytest_good.bin' WITH (FORMAT binary)
\copy gbad FROM 'results/graytest_good.bin' WITH (FORMAT binary)
SELECT s FROM gbad;
