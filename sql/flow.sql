--
-- flow: a cohort's weekly states from an origin week
--
-- Errors are shown as SQLSTATE and message through a small catcher.
\i test/lib/errors.sql
-- NULL-aware equality that is never NULL: false when exactly one side is NULL
CREATE FUNCTION pg_temp.same(a float8, b float8) RETURNS bool LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL AND b IS NULL THEN true
				WHEN a IS NULL OR b IS NULL THEN false
				ELSE a = b END
$$;
-- Binary input: the payload goes through flow_recv by a server-side binary
-- COPY of a one-field file (written into the data directory with lo_export).
\set recv_type flow
\i test/lib/binary.sql

-- a small cohort by hand: origin 2015-W01, six weeks after it
CREATE TABLE small (id int, w weekline);
INSERT INTO small VALUES
	(1, '2015-W01 1x3 2x2 0x5'),	-- 1 1 1 2 2 0 0
	(2, '2015-W01 1x1 0x1'),		-- 1 0, then censored
	(3, '2014-W50 2x5 1x10'),		-- started before the origin: 2 2 1 1 1 1 1
	(4, '2015-W02 1x10'),			-- starts after the origin: contributes nothing
	(5, '2015-W01 1x2 2x1 1x4'),	-- 1 1 2 1 1 1 1
	(6, 'empty'),					-- contributes nothing
	(7, NULL);						-- skipped
SELECT flow(w, '2015-W01', 6) FROM small;
SELECT * FROM flow_table((SELECT flow(w, '2015-W01', 6) FROM small));
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), 0, 5);
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), 1, 2);
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), 3, 3);
SELECT code, flow_mean_weeks((SELECT flow(w, '2015-W01', 6) FROM small), code) AS mean_weeks
FROM unnest(ARRAY[0, 1, 2, 99]) AS code;
-- horizon 0: the origin week only
SELECT * FROM flow_table((SELECT flow(w, '2015-W01', 0) FROM small));
-- empty input gives NULL; rows that contribute nothing give an empty flow
SELECT flow(w, '2015-W01', 6) IS NULL AS empty_is_null FROM small WHERE false;
SELECT flow(w, '2015-W01', 6) AS nobody FROM small WHERE id IN (4, 6, 7);
SELECT count(*) AS rows, count(share) AS shares FROM flow_table('v1;origin=2015-W01;horizon=2');
SELECT flow_mean_weeks('v1;origin=2015-W01;horizon=2', 1) AS mean_weeks_of_nobody;
-- after everybody is censored there is no estimate: share and std_err NULL
SELECT * FROM flow_table((SELECT flow(w, '2015-W01', 3) FROM small WHERE id = 2));
SELECT flow_mean_weeks((SELECT flow(w, '2015-W01', 3) FROM small WHERE id = 2), 1) AS not_observed_to_the_horizon;
-- rows with a NULL origin or horizon are skipped
SELECT flow(w, o, h) FROM (VALUES ('2015-W01 1x2'::weekline, NULL::isoweek, 1), ('2015-W01 1x2', '2015-W01', NULL)) AS v(w, o, h);

-- text I/O round-trips; the entries are canonical
SELECT f::text::flow::text = f::text AS round_trip FROM (SELECT flow(w, '2015-W01', 6) AS f FROM small) AS s;
SELECT flow('2015-W01 1x1 0x1', '2015-W01', 1) AS one_person_two_weeks,
	   'v1;origin=2015W01;horizon=1;0,0,1>1:1;0,1,1>0:1;0,1,1>1:-1;1,0,1>1:-1;1,1,0>0:1;1,1,1>0:-1;1,1,1>1:1'::flow AS same_typed;

-- the support functions only work inside aggregates
SELECT pg_temp.err($$SELECT flow_trans(NULL, 'empty', '2015-W01', 1)$$) AS trans,
	   pg_temp.err($$SELECT flow_combine(NULL, 'v1;origin=2015-W01;horizon=1')$$) AS combine;

-- bad arguments, each an error with a SQLSTATE
\set VERBOSITY sqlstate
SELECT flow(w, '2015-W01', -1) FROM small;
SELECT flow(w, '2015-W01', 521) FROM small;
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), 3, 2);
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), 0, 7);
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), -1, 2);
\set VERBOSITY default
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT flow(w, '2015-W01', -1) FROM small$$,
	$$SELECT flow(w, '2015-W01', 521) FROM small$$,
	$$SELECT flow(w, '9999-W50', 10) FROM small$$,
	$$SELECT flow(w, o, 6) FROM small, (VALUES ('2015-W01'::isoweek), ('2015-W02')) AS v(o)$$,
	$$SELECT flow(w, '2015-W01', h) FROM small, (VALUES (5), (6)) AS v(h)$$,
	$$SELECT flow_merge(f) FROM (VALUES ('v1;origin=2015-W01;horizon=1'::flow), ('v1;origin=2015-W01;horizon=2')) AS v(f)$$,
	$$SELECT * FROM flow_transitions('v1;origin=2015-W01;horizon=6', 3, 2)$$,
	$$SELECT * FROM flow_transitions('v1;origin=2015-W01;horizon=6', 0, 7)$$
]) AS q;

-- corrupt text input
SELECT input, pg_temp.err_detail(format('SELECT %L::flow', input)) AS result
FROM unnest(ARRAY[
	'', 'v1', 'v2;origin=2015-W01;horizon=1', 'v1;origin=2015-W99;horizon=1', 'v1;origin=2015-W01',
	'v1;origin=2015-W01;horizon=-1', 'v1;origin=2015-W01;horizon=521', 'v1;origin=2015-W01;horizon=1;',
	'v1;origin=2015-W01;horizon=1;0,0,1>1', 'v1;origin=2015-W01;horizon=1;0,0,1>1:1x',
	'v1;origin=2015-W01;horizon=1;0,0,1>1:0', 'v1;origin=2015-W01;horizon=1;0,2,1>1:1',
	'v1;origin=2015-W01;horizon=1;0,0,-1>1:1', 'v1;origin=2015-W01;horizon=1;0,0,1>1:-1',
	'v1;origin=2015-W01;horizon=1;0,0,1>2:1', 'v1;origin=2015-W01;horizon=1;0,0,2>2:1;0,0,1>1:1',
	'v1;origin=2015-W01;horizon=1;0,0,1>1:1;0,0,1>1:1', 'v1;origin=2015-W01;horizon=1;0,0,1>1:1;1,1,1>1:1',
	'v1;origin=2015-W01;horizon=1;0,0,1>1:1;0,1,1>0:2;0,1,1>1:-1',
	'v1;origin=2015-W01;horizon=1;0,0,1>1:9223372036854775807;0,0,2>2:9223372036854775807',
	'v1;origin=2015-W01;horizon=1;0,0,1>1:99999999999999999999',
	'v1;origin=2015-W01;horizon=1;0,0,1>1:1;0,1,1>1:1;1,0,1>1:1',
	'v1;origin=9999-W52;horizon=1',
	'v1;origin=2015-W01;horizon=2;0,0,1>1:1;0,2,1>1:-2;1,2,1>1:2'
]) AS input;
-- a value whose counts are not negative but do not add up for a pair of
-- weeks further apart passes input and is caught when that pair is read
SELECT pg_temp.err_detail($$SELECT * FROM flow_transitions('v1;origin=2015-W01;horizon=2;0,0,1>1:1;0,2,1>1:1;1,2,1>1:-1', 0, 2)$$) AS inconsistent;

-- corrupt binary input
SELECT name, pg_temp.recv(payload) AS result
FROM (VALUES
	('valid', flow_send('v1;origin=2015-W01;horizon=1;0,0,1>1:1;0,1,1>0:1;0,1,1>1:-1;1,0,1>1:-1;1,1,0>0:1;1,1,1>0:-1;1,1,1>1:1')),
	('empty message', ''::bytea),
	('version 2', '\x02'::bytea || int4send(783) || int4send(1) || int4send(0)),
	('cut short', '\x01'::bytea || int4send(783) || int4send(1)),
	('negative horizon', '\x01'::bytea || int4send(783) || int4send(-1) || int4send(0)),
	('horizon too large', '\x01'::bytea || int4send(783) || int4send(600) || int4send(0)),
	('negative count of entries', '\x01'::bytea || int4send(783) || int4send(1) || int4send(-1)),
	('more entries than bytes', '\x01'::bytea || int4send(783) || int4send(1) || int4send(2)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(1)),
	('trailing bytes', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(1) || '\x00'::bytea),
	('week outside the horizon', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(5) || int4send(1) || int4send(1) || int8send(1)),
	('negative code', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(0) || int4send(-1) || int4send(-1) || int8send(1)),
	('zero entry', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(0)),
	('negative persons', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(-3)),
	('one person in two codes', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(2) || int8send(1)),
	('out of order', '\x01'::bytea || int4send(783) || int4send(1) || int4send(2)
		|| int4send(0) || int4send(0) || int4send(2) || int4send(2) || int8send(1)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(1)),
	('persons appear from nowhere', '\x01'::bytea || int4send(783) || int4send(1) || int4send(2)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(1)
		|| int4send(1) || int4send(1) || int4send(2) || int4send(2) || int8send(1)),
	('huge entries', '\x01'::bytea || int4send(783) || int4send(1) || int4send(2)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(9223372036854775807)
		|| int4send(0) || int4send(0) || int4send(2) || int4send(2) || int8send(9223372036854775807)),
	('minimum int8', '\x01'::bytea || int4send(783) || int4send(1) || int4send(1)
		|| int4send(0) || int4send(0) || int4send(1) || int4send(1) || int8send(-9223372036854775808))
) AS v(name, payload);

-- agreement with R's survfit (pstate) and etm (Greenwood-type variance) on
-- the data sets of r/flow_reference.R
\set ECHO none
\i test/data/flow_reference.sql
\set ECHO all
CREATE TABLE ref_hist AS
SELECT dataset, id, horizon,
	   CASE WHEN pre >= 1000 THEN format('%s %s', ('2015-W01'::isoweek - pre)::text, runs)
			WHEN pre > 0 THEN format('%s 5x%s %s', ('2015-W01'::isoweek - pre)::text, pre, runs)
			ELSE format('%s %s', ('2015-W01'::isoweek - pre)::text, runs) END::weekline AS w
FROM flow_ref_data;
CREATE TABLE ref_ours AS
SELECT s.dataset, t.*
FROM (SELECT dataset, flow(w, '2015-W01', horizon) AS f FROM ref_hist GROUP BY dataset, horizon) AS s,
	 LATERAL flow_table(s.f) AS t;
SELECT dataset, count(*) AS rows,
	   count(*) FILTER (WHERE o.week IS NULL OR e.week IS NULL) AS unmatched,
	   max(abs(o.share - e.share)) < 1e-10 AS share_within_1e_10,
	   max(abs(o.std_err - e.std_err)) < 1e-10 AS std_err_within_1e_10,
	   max(abs(o.std_err - e.std_err_ij)) FILTER (WHERE dataset = 'no_censoring_one_start') < 1e-10 AS std_err_is_survfit_ij
FROM ref_ours o FULL JOIN flow_ref_expected e USING (dataset, week, code)
GROUP BY dataset ORDER BY dataset;

-- random histories (fixed seed) against plain SQL: code_at per week
SELECT setseed(0.1505);
CREATE TABLE fl_runs AS
SELECT p, r, (ARRAY[0, 0, 1101, 1102, 1201, 1301])[1 + floor(random() * 6)::int] AS code,
	   1 + floor(random() ^ 2 * 12)::int AS len
FROM generate_series(1, 3000) AS p,
	 LATERAL generate_series(1, 1 + floor(random() * 8)::int + 0 * p) AS r;
CREATE TABLE fl_hist AS
SELECT p, 101 + p % 7 AS kommune,
	   weekline_from_runs('2015-W01'::isoweek - floor(random() * 6)::int + 1 + 0 * p,
						  array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM fl_runs GROUP BY p;
INSERT INTO fl_hist VALUES (0, 101, NULL), (-1, 102, 'empty');
ANALYZE fl_hist;
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE first_week(w) <= '2015-W01') AS cover_origin,
	   count(*) FILTER (WHERE first_week(w) <= '2015-W01' AND last_week(w) < '2015-W01'::isoweek + 20) AS censored
FROM fl_hist;
CREATE TABLE fl_state AS SELECT flow(w, '2015-W01', 20) AS f FROM fl_hist;
-- the weekly codes of the persons covering the origin, observed weeks only
CREATE TABLE fl_codes AS
SELECT p, wk, code_at(w, '2015-W01'::isoweek + wk) AS code
FROM fl_hist, generate_series(0, 20) AS wk
WHERE first_week(w) <= '2015-W01' AND last_week(w) >= '2015-W01'::isoweek + wk;
-- persons per week and code
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE NOT pg_temp.same(t.persons, o.n)) AS mismatch
FROM flow_table((SELECT f FROM fl_state)) AS t
	 FULL JOIN (SELECT wk AS week, code, count(*)::float8 AS n FROM fl_codes GROUP BY 1, 2) AS o USING (week, code)
WHERE t.persons IS DISTINCT FROM 0;
-- transitions for every pair of weeks from_week <= to_week
CREATE TABLE fl_pairs_ours AS
SELECT a, b, t.*
FROM generate_series(0, 20) AS a, generate_series(0, 20) AS b,
	 LATERAL flow_transitions((SELECT f FROM fl_state), a, b) AS t
WHERE a <= b;
CREATE TABLE fl_pairs_sql AS
SELECT x.wk AS a, y.wk AS b, x.code AS from_code, y.code AS to_code, count(*)::float8 AS persons,
	   count(*)::float8 / sum(count(*)) OVER (PARTITION BY x.wk, y.wk, x.code) AS share
FROM fl_codes x JOIN fl_codes y ON x.p = y.p AND x.wk <= y.wk
GROUP BY 1, 2, 3, 4;
SELECT count(*) AS cells, count(DISTINCT (a, b)) AS week_pairs,
	   count(*) FILTER (WHERE NOT pg_temp.same(o.persons, s.persons)) AS persons_mismatch,
	   count(*) FILTER (WHERE NOT pg_temp.same(o.share, s.share)) AS share_mismatch
FROM fl_pairs_ours o FULL JOIN fl_pairs_sql s USING (a, b, from_code, to_code);
-- without censoring the share is the plain share, and flow_mean_weeks is
-- the mean number of weeks in the code (TraMineR's seqmeant)
CREATE TABLE fl_uncensored AS
SELECT flow(w, '2015-W01', 20) AS f FROM fl_hist
WHERE first_week(w) <= '2015-W01' AND last_week(w) >= '2015-W01'::isoweek + 20;
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE abs(t.share - o.n / o.total) > 1e-12) AS not_plain_share
FROM flow_table((SELECT f FROM fl_uncensored)) AS t
	 JOIN (SELECT wk AS week, code, count(*)::float8 AS n, sum(count(*)) OVER (PARTITION BY wk)::float8 AS total
		   FROM fl_codes c JOIN fl_hist h USING (p)
		   WHERE last_week(h.w) >= '2015-W01'::isoweek + 20 GROUP BY 1, 2) AS o USING (week, code);
SELECT c.code, abs(flow_mean_weeks((SELECT f FROM fl_uncensored), c.code)
				   - avg(weeks_in(h.w, ARRAY[c.code], weekrange('2015-W01', '2015-W22')))) < 1e-12 AS is_mean_weeks
FROM fl_hist h, (VALUES (0), (1101), (1102), (1201), (1301)) AS c(code)
WHERE first_week(h.w) <= '2015-W01' AND last_week(h.w) >= '2015-W01'::isoweek + 20
GROUP BY c.code ORDER BY c.code;
-- with censoring: the sum of the shares over the weeks
SELECT abs(flow_mean_weeks(f, 1101) - (SELECT sum(share) FROM flow_table(f) WHERE code = 1101)) < 1e-12 AS mean_weeks_is_sum
FROM fl_state;
-- the state's size depends on the horizon and codes, not on the persons:
-- five times the persons, the same entries
SELECT (octet_length(flow_send((SELECT flow(w, '2015-W01', 20) FROM fl_hist WHERE p <= 1000))) - 13) / 24 AS entries_1000,
	   (octet_length(flow_send((SELECT f FROM fl_state))) - 13) / 24 AS entries_3000,
	   (octet_length(flow_send((SELECT flow(w, '2015-W01', 20) FROM fl_hist, generate_series(1, 5)))) - 13) / 24 AS entries_15000;

-- the merge law: flow over all rows equals flow_merge over any partition
CREATE TABLE fl_parts AS
SELECT 'kommune' AS part, flow(w, '2015-W01', 20) AS f FROM fl_hist GROUP BY kommune
UNION ALL SELECT 'p % 2', flow(w, '2015-W01', 20) FROM fl_hist GROUP BY p % 2
UNION ALL SELECT 'one row each', flow(w, '2015-W01', 20) FROM fl_hist GROUP BY p
UNION ALL SELECT 'random', flow(w, '2015-W01', 20) FROM fl_hist GROUP BY hashint4(p * 7919) % 13;
SELECT part, count(*) AS parts,
	   flow_merge(f)::text = (SELECT f::text FROM fl_state) AS same_state,
	   flow_send(flow_merge(f)) = (SELECT flow_send(f) FROM fl_state) AS same_binary
FROM fl_parts GROUP BY part ORDER BY part;
SELECT (SELECT flow_merge(f ORDER BY random())::text FROM fl_parts WHERE part = 'kommune') =
	   (SELECT f::text FROM fl_state) AS any_order;

-- parallel plans give the same states as serial ones
CREATE TABLE fl_big AS SELECT h.* FROM fl_hist h, generate_series(1, 10);
ANALYZE fl_big;
CREATE TABLE fl_kommune AS SELECT kommune, flow(w, '2015-W01', 20) AS f FROM fl_big GROUP BY kommune;
ANALYZE fl_kommune;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE fl_serial AS
SELECT 'all' AS q, 0 AS kommune, flow(w, '2015-W01', 20)::text AS f FROM fl_big
UNION ALL SELECT 'by kommune', kommune, flow(w, '2015-W01', 20)::text FROM fl_big GROUP BY kommune
UNION ALL SELECT 'merge', 0, flow_merge(f)::text FROM fl_kommune;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT flow(w, '2015-W01', 20) FROM fl_big;
EXPLAIN (COSTS OFF) SELECT kommune, flow(w, '2015-W01', 20) FROM fl_big GROUP BY kommune;
CREATE TABLE fl_parallel AS
SELECT 'all' AS q, 0 AS kommune, flow(w, '2015-W01', 20)::text AS f FROM fl_big
UNION ALL SELECT 'by kommune', kommune, flow(w, '2015-W01', 20)::text FROM fl_big GROUP BY kommune
UNION ALL SELECT 'merge', 0, flow_merge(f)::text FROM fl_kommune;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT q, count(*) AS states, count(*) FILTER (WHERE p.f IS DISTINCT FROM s.f) AS mismatch
FROM fl_serial s FULL JOIN fl_parallel p USING (q, kommune) GROUP BY q ORDER BY q;
SELECT (SELECT f FROM fl_serial WHERE q = 'all') = (SELECT f FROM fl_serial WHERE q = 'merge') AS merge_is_all;

-- stored states come back whole; binary round trip
CREATE TABLE fl_stored (id int, f flow);
INSERT INTO fl_stored SELECT 0, f FROM fl_state;
INSERT INTO fl_stored SELECT kommune, f FROM fl_kommune;
INSERT INTO fl_stored SELECT -1, flow(w, '2015-W01', 6) FROM small;
\copy fl_stored TO 'results/flow.bin' WITH (FORMAT binary)
CREATE TABLE fl_stored_copy (LIKE fl_stored);
\copy fl_stored_copy FROM 'results/flow.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.f::text IS DISTINCT FROM b.f::text) AS differ
FROM fl_stored a FULL JOIN fl_stored_copy b USING (id);
SELECT count(*) AS values,
	   count(*) FILTER (WHERE pg_temp.recv(flow_send(f)) <> f::text) AS recv_mismatch,
	   count(*) FILTER (WHERE flow_send(f::text::flow) <> flow_send(f)) AS send_mismatch
FROM (SELECT f FROM fl_stored UNION ALL SELECT 'v1;origin=2015-W01;horizon=3') AS s;

-- disclosure control: jobreg.min_cell hides cells and transitions of fewer persons
SET jobreg.min_cell = 400;
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE t.persons IS NULL) AS suppressed,
	   count(*) FILTER (WHERE (t.persons IS NULL) <> (coalesce(o.n, 0) < 400)) AS wrong_rule,
	   count(*) FILTER (WHERE t.persons IS NULL AND (t.share IS NOT NULL OR t.std_err IS NOT NULL)) AS leaks
FROM flow_table((SELECT f FROM fl_state)) AS t
	 LEFT JOIN (SELECT wk AS week, code, count(*) AS n FROM fl_codes GROUP BY 1, 2) AS o USING (week, code);
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE o.persons IS NULL) AS suppressed,
	   count(*) FILTER (WHERE (o.persons IS NULL) <> (s.persons < 400)) AS wrong_rule,
	   count(*) FILTER (WHERE o.share IS NULL AND o.persons IS NOT NULL) AS small_rows
FROM flow_transitions((SELECT f FROM fl_state), 2, 15) AS o
	 JOIN fl_pairs_sql s ON s.a = 2 AND s.b = 15 AND s.from_code = o.from_code AND s.to_code = o.to_code;
SELECT flow_mean_weeks(f, 1101) IS NULL AS mean_suppressed FROM fl_state;
-- secondary suppression: a week of flow_table (or a from-code of
-- flow_transitions) with one cell under the threshold would give it as the
-- total less the others, so the smallest other cell is withheld too
CREATE FUNCTION pg_temp.secondary(m int)
	RETURNS TABLE (lines_with_one int8, primary_cells int8, secondary_cells int8, not_smallest int8)
	LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('jobreg.min_cell', m::text, true);
	RETURN QUERY
	WITH t AS (SELECT t.week AS line, t.persons, coalesce(o.n, 0) AS n
			   FROM flow_table((SELECT f FROM fl_state)) AS t
					LEFT JOIN (SELECT wk AS week, code, count(*) AS n FROM fl_codes GROUP BY 1, 2) AS o USING (week, code)
			   UNION ALL
			   SELECT o.from_code, o.persons, s.persons
			   FROM flow_transitions((SELECT f FROM fl_state), 2, 15) AS o
					JOIN fl_pairs_sql s ON s.a = 2 AND s.b = 15 AND s.from_code = o.from_code AND s.to_code = o.to_code),
	l AS (SELECT line, count(*) FILTER (WHERE persons IS NULL) AS withheld,
				 count(*) FILTER (WHERE persons IS NULL AND n >= m) AS secondary,
				 max(n) FILTER (WHERE persons IS NULL AND n >= m) AS secondary_n,
				 min(n) FILTER (WHERE persons IS NOT NULL) AS smallest_shown,
				 count(*) FILTER (WHERE n < m) AS primary_n
		  FROM t GROUP BY line)
	SELECT count(*) FILTER (WHERE withheld = 1), sum(primary_n)::int8, sum(secondary)::int8,
		   count(*) FILTER (WHERE secondary_n > smallest_shown OR secondary > 1 OR (secondary = 1 AND primary_n <> 1))
	FROM l;
END $$;
SELECT m, s.* FROM unnest(ARRAY[20, 50, 100, 200, 400, 800]) AS m, pg_temp.secondary(m) AS s;
SET jobreg.min_cell = 2;
SELECT * FROM flow_transitions((SELECT flow(w, '2015-W01', 6) FROM small), 0, 5);
RESET jobreg.min_cell;
