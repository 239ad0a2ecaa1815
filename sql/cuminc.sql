--
-- cuminc: competing risks
--
-- Errors are shown as SQLSTATE and message through a small catcher.
\i test/lib/errors.sql
\i test/lib/compare.sql

-- Binary input: the payload goes through cuminc_recv by a server-side binary
-- COPY of a one-field file (written into the data directory with lo_export).
CREATE TABLE cuminc_recv_target (c cuminc);
CREATE FUNCTION pg_temp.recv(payload bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	lo oid;
BEGIN
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0)
						   || int2send(1::int2) || int4send(length(payload)) || payload
						   || int2send(-1::int2));
	PERFORM lo_export(lo, 'cuminc_recv.bin');
	PERFORM lo_unlink(lo);
	TRUNCATE cuminc_recv_target;
	COPY cuminc_recv_target FROM 'cuminc_recv.bin' WITH (FORMAT binary);
	RETURN (SELECT c::text FROM cuminc_recv_target);
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- text I/O
SELECT '{1: 0=2, 1=5; 2.5: 2=1}'::cuminc AS a,
	   ' { 1 :0 = 2 ,1= 5;2.5:2=1 } '::cuminc AS spaces,
	   '{}'::cuminc AS empty,
	   '{-0: 1=1; 1e-3: 0=1; 1.5E+2: 3=1; 1e15: 7=9223372036854775804}'::cuminc AS numbers,
	   '{0.1: 2147483647=1}'::cuminc AS largest_cause;
SELECT NULL::cuminc IS NULL AS null_in;
-- the text form round-trips exactly, awkward doubles included
SELECT count(*) AS values,
	   count(*) FILTER (WHERE c::text::cuminc::text IS DISTINCT FROM c::text) AS text_mismatch,
	   count(*) FILTER (WHERE format('{%s: 1=1}', t)::cuminc::text IS DISTINCT FROM format('{%s: 1=1}', t::text)) AS time_mismatch
FROM (SELECT t, format('{%s: 0=1, 2=3; %s: 1=2}', t::text, (t * 3)::text)::cuminc AS c
	  FROM unnest(ARRAY[0.1, 1/3.0, 2/3.0, 1e-300, 5e-324, 1.7976931348623157e308 / 4, 123456789.123456789,
						 0.30000000000000004, 1e22, 4.35]::float8[]) AS t) AS x;

-- invalid text input: each an error with a SQLSTATE
SELECT input, pg_temp.err(format('SELECT %L::cuminc', input)) AS result
FROM unnest(ARRAY['', '{', '}', '{1: 1=1', '{1: 1=1}x', '{1 1=1}', '{1: 1}', '{1: =1}', '{1: 1=}',
				  '{1: 1=1;}', '{1: 1=1,}', '{: 1=1}', '{1: -1=1}', '{1: 1=-1}', '{1: 1=1.5}',
				  '{nan: 1=1}', '{inf: 1=1}', '{0x10: 1=1}', '{1.5e: 1=1}', '{1e400: 1=1}', '{-1: 1=1}',
				  '{1: 1=0}', '{1: 2=1, 1=1}', '{1: 1=1, 1=1}', '{2: 1=1; 1: 1=1}', '{1: 1=1; 1: 2=1}',
				  '{-0: 1=1; 0: 2=1}', '{1: 1=1; 0.5: 2=1}', '{1: 2147483648=1}', '{1: 1=9223372036854775808}',
				  '{1: 0=9223372036854775807, 1=1}']) AS input;

-- the aggregate: NULL rows are skipped, empty input gives NULL
SELECT cuminc(d, c) FROM (VALUES (1, 1), (2, 0), (NULL, 1), (3, NULL), (2, 2), (1, 1), (-0.0, 1)) AS v(d, c);
SELECT cuminc(d, c) IS NULL AS empty_is_null FROM (VALUES (1.0, 1)) AS v(d, c) WHERE false;
SELECT cuminc(d, c) IS NULL AS all_null_is_null FROM (VALUES (NULL::float8, 1), (1, NULL)) AS v(d, c);
SELECT cuminc_merge(c) IS NULL AS merge_empty_is_null FROM (VALUES ('{}'::cuminc)) AS v(c) WHERE false;
SELECT cuminc_merge(c) FROM (VALUES (NULL::cuminc), ('{1: 1=1}'), (NULL), ('{}'), ('{1: 1=2; 2: 0=1}')) AS v(c);
-- bad rows
SELECT input, pg_temp.err(format('SELECT cuminc(d, c) FROM (VALUES (1, 1), (%s)) AS v(d, c)', input)) AS result
FROM unnest(ARRAY['-1, 1', '-1e-300, 0', '''NaN''::float8, 1', '''Infinity''::float8, 1', '''-Infinity''::float8, 0',
				  '1, -1', '1, -2147483648']) AS input;
-- the support functions only work inside aggregates
SELECT pg_temp.err($$SELECT cuminc_trans(NULL, 1, 1)$$) AS trans, pg_temp.err($$SELECT cuminc_combine(NULL, '{}')$$) AS combine;

-- cuminc_table on a small example: one row per event time and cause
SELECT * FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1; 3: 0=1}');
SELECT count(*) AS no_rows FROM cuminc_table('{}');
SELECT count(*) AS no_rows FROM cuminc_table('{1: 0=2; 3: 0=1}');
SELECT * FROM cuminc_table(NULL);

-- agreement with R's cmprsk::cuminc on the data sets of r/cuminc_reference.R
\set ECHO none
\i test/data/cuminc_reference.sql
\set ECHO all
WITH ours AS (
	SELECT s.dataset, t.*
	FROM (SELECT dataset, cuminc(duration, cause) AS c FROM cuminc_ref_data GROUP BY dataset) AS s,
		 LATERAL cuminc_table(s.c) AS t
), sets AS (
	SELECT dataset, count(*) AS n FROM cuminc_ref_data GROUP BY dataset
)
SELECT sets.dataset, sets.n AS persons,
	   (SELECT count(*) FROM cuminc_ref_expected e WHERE e.dataset = sets.dataset) AS r_rows,
	   count(o.dataset) AS our_rows,
	   count(*) FILTER (WHERE (o.dataset IS NULL) <> (e.dataset IS NULL)) AS unmatched,
	   count(*) FILTER (WHERE NOT pg_temp.near(o.estimate, e.estimate)) AS estimate_mismatch,
	   count(*) FILTER (WHERE NOT pg_temp.near(o.variance, e.variance)) AS variance_mismatch
FROM sets
	 LEFT JOIN (ours o FULL JOIN cuminc_ref_expected e USING (dataset, time, cause))
		ON coalesce(o.dataset, e.dataset) = sets.dataset
GROUP BY sets.dataset, sets.n ORDER BY sets.dataset;

-- random data (fixed seed) against plain SQL
SELECT setseed(0.4);
CREATE TABLE spells AS
SELECT i AS id, 101 + (i % 98) AS kommune,
	   floor(-ln(1 - random()) * 30)::float8 AS weeks,
	   (ARRAY[0, 1, 1, 1, 2, 2, 3, 0, 4])[1 + floor(random() * 9)::int] AS cause
FROM generate_series(1, 20000) AS i;
ANALYZE spells;

-- the state holds the counts per duration and cause
SELECT (SELECT cuminc(weeks, cause)::text FROM spells) =
	   (SELECT '{' || string_agg(entries, '; ' ORDER BY weeks) || '}'
		FROM (SELECT weeks, weeks::text || ': ' || string_agg(cause || '=' || n, ', ' ORDER BY cause) AS entries
			  FROM (SELECT weeks, cause, count(*) AS n FROM spells GROUP BY 1, 2) AS g
			  GROUP BY weeks) AS t) AS state_is_the_counts;

-- the estimates and variances of cmprsk in plain SQL (the recipe that
-- bench/cuminc.sql times)
CREATE TEMP VIEW cuminc_recipe_input AS SELECT weeks AS time, cause FROM spells;
\i test/data/cuminc_recipe.sql
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE o.time IS NULL OR s.time IS NULL) AS unmatched,
	   count(*) FILTER (WHERE NOT pg_temp.near(o.estimate, s.estimate)) AS estimate_mismatch,
	   count(*) FILTER (WHERE NOT pg_temp.near(o.variance, s.variance)) AS variance_mismatch
FROM cuminc_table((SELECT cuminc(weeks, cause) FROM spells)) AS o
	 FULL JOIN pg_temp.cuminc_recipe() AS s USING (time, cause);

-- cuminc_at is the step function of cuminc_table
CREATE TABLE spells_state AS SELECT cuminc(weeks, cause) AS c, max(weeks) AS last FROM spells;
WITH tab AS MATERIALIZED (SELECT r.* FROM spells_state, cuminc_table(c) AS r)
SELECT count(*) AS probes,
	   count(*) FILTER (WHERE cuminc_at(c, k, t) IS DISTINCT FROM
			CASE WHEN t > last THEN NULL
				 ELSE coalesce((SELECT estimate FROM tab WHERE tab.cause = k AND tab.time <= t
								ORDER BY tab.time DESC LIMIT 1), 0) END) AS mismatch
FROM spells_state, generate_series(1, 5) AS k, generate_series(-1, 140) AS i, LATERAL (SELECT i * 3 AS t) AS x;
SELECT cuminc_at('{1: 1=1, 2=1; 3: 0=2}', 1, 0.5) AS before_first, cuminc_at('{1: 1=1, 2=1; 3: 0=2}', 1, 1) AS at_first,
	   cuminc_at('{1: 1=1, 2=1; 3: 0=2}', 9, 2) AS no_such_cause, cuminc_at('{1: 1=1, 2=1; 3: 0=2}', 2, 3) AS at_last,
	   cuminc_at('{1: 1=1, 2=1; 3: 0=2}', 2, 3.5) AS past_last, cuminc_at('{}', 1, 0) AS empty,
	   cuminc_at('{1: 1=1}', 1, '-Infinity') AS minus_infinity, cuminc_at('{1: 1=1}', 1, 'Infinity') AS infinity;
SELECT pg_temp.err($$SELECT cuminc_at('{1: 1=1}', 0, 1)$$) AS cause_0,
	   pg_temp.err($$SELECT cuminc_at('{1: 1=1}', -1, 1)$$) AS cause_negative,
	   pg_temp.err($$SELECT cuminc_at('{1: 1=1}', 1, 'NaN')$$) AS time_nan;

-- the merge law: cuminc over all rows equals cuminc_merge over any partition
CREATE TABLE parts AS
SELECT 'kommune' AS p, cuminc(weeks, cause) AS c FROM spells GROUP BY kommune
UNION ALL SELECT 'id % 2', cuminc(weeks, cause) FROM spells GROUP BY id % 2
UNION ALL SELECT 'weeks', cuminc(weeks, cause) FROM spells GROUP BY weeks
UNION ALL SELECT 'cause', cuminc(weeks, cause) FROM spells GROUP BY cause
UNION ALL SELECT 'one row each', cuminc(weeks, cause) FROM spells GROUP BY id
UNION ALL SELECT 'random', cuminc(weeks, cause) FROM spells GROUP BY hashint4(id * 7919) % 13;
SELECT p AS partition, count(*) AS parts,
	   cuminc_merge(c)::text = (SELECT cuminc(weeks, cause)::text FROM spells) AS same_state,
	   cuminc_send(cuminc_merge(c)) = (SELECT cuminc_send(cuminc(weeks, cause)) FROM spells) AS same_binary
FROM parts GROUP BY p ORDER BY p;
SELECT count(*) AS rows, count(*) FILTER (WHERE (m.estimate, m.variance) IS DISTINCT FROM (a.estimate, a.variance)) AS differ
FROM cuminc_table((SELECT cuminc_merge(c) FROM parts WHERE p = 'random')) AS m
	 FULL JOIN cuminc_table((SELECT cuminc(weeks, cause) FROM spells)) AS a USING (time, cause);
-- merging is order-free and merging with itself doubles the counts
SELECT (SELECT cuminc_merge(c ORDER BY random())::text FROM parts WHERE p = 'kommune') =
	   (SELECT cuminc(weeks, cause)::text FROM spells) AS any_order,
	   (SELECT cuminc_merge(c)::text FROM (SELECT c FROM spells_state UNION ALL SELECT c FROM spells_state) AS twice) =
	   (SELECT cuminc(weeks, cause)::text FROM (SELECT * FROM spells UNION ALL SELECT * FROM spells) AS s) AS doubled;
-- a rollup of stored states per kommune gives the whole country
SELECT count(*) AS rollup_rows,
	   count(*) FILTER (WHERE r.c::text IS DISTINCT FROM (SELECT cuminc(weeks, cause)::text FROM spells s WHERE s.kommune IS NOT DISTINCT FROM r.kommune OR r.kommune IS NULL)) AS mismatch
FROM (SELECT kommune, cuminc_merge(c) AS c
	  FROM (SELECT kommune, cuminc(weeks, cause) AS c FROM spells GROUP BY kommune) AS k
	  GROUP BY ROLLUP (kommune)) AS r;
-- the state's size depends on the distinct durations and causes, not on the rows
SELECT pg_column_size((SELECT cuminc(i % 52, i % 3) FROM generate_series(1, 1000) AS i)) AS bytes_1000_rows,
	   pg_column_size((SELECT cuminc(i % 52, i % 3) FROM generate_series(1, 100000) AS i)) AS bytes_100000_rows;

-- grouping by hash with spilling to disk, by sorting, and as a window aggregate
SET work_mem = '64kB';
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT id % 5000 AS g, cuminc(weeks, cause) FROM spells GROUP BY 1;
CREATE TABLE by_hash AS SELECT id % 5000 AS g, cuminc(weeks, cause)::text AS c FROM spells GROUP BY 1;
RESET enable_sort;
SET enable_hashagg = off;
CREATE TABLE by_sort AS SELECT id % 5000 AS g, cuminc(weeks, cause)::text AS c FROM spells GROUP BY 1;
RESET enable_hashagg;
RESET work_mem;
SELECT count(*) AS groups, count(*) FILTER (WHERE h.c IS DISTINCT FROM s.c) AS mismatch FROM by_hash h FULL JOIN by_sort s USING (g);
CREATE TABLE few AS SELECT * FROM spells WHERE kommune < 103;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE w::text IS DISTINCT FROM (SELECT cuminc(weeks, cause)::text FROM few f WHERE f.kommune = s.kommune AND f.id <= s.id)) AS mismatch
FROM (SELECT kommune, id, cuminc(weeks, cause) OVER (PARTITION BY kommune ORDER BY id) AS w FROM few) AS s;

-- parallel plans give the same states as serial ones
CREATE TABLE spells_big AS SELECT s.* FROM spells s, generate_series(1, 10);
ANALYZE spells_big;
CREATE TABLE kommune_states AS SELECT kommune, cuminc(weeks, cause) AS c FROM spells_big GROUP BY kommune;
ANALYZE kommune_states;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial AS
SELECT 'all' AS q, 0 AS kommune, cuminc(weeks, cause)::text AS c FROM spells_big
UNION ALL SELECT 'by kommune', kommune, cuminc(weeks, cause)::text FROM spells_big GROUP BY kommune
UNION ALL SELECT 'merge', 0, cuminc_merge(c)::text FROM kommune_states;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT cuminc(weeks, cause) FROM spells_big;
EXPLAIN (COSTS OFF) SELECT kommune, cuminc(weeks, cause) FROM spells_big GROUP BY kommune;
EXPLAIN (COSTS OFF) SELECT cuminc_merge(c) FROM kommune_states;
CREATE TABLE parallel AS
SELECT 'all' AS q, 0 AS kommune, cuminc(weeks, cause)::text AS c FROM spells_big
UNION ALL SELECT 'by kommune', kommune, cuminc(weeks, cause)::text FROM spells_big GROUP BY kommune
UNION ALL SELECT 'merge', 0, cuminc_merge(c)::text FROM kommune_states;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT q, count(*) AS states, count(*) FILTER (WHERE p.c IS DISTINCT FROM s.c) AS mismatch
FROM serial s FULL JOIN parallel p USING (q, kommune) GROUP BY q ORDER BY q;
SELECT (SELECT c FROM serial WHERE q = 'all') = (SELECT c FROM serial WHERE q = 'merge') AS merge_is_all;

-- stored states: large ones are toasted and come back whole
CREATE TABLE stored (id int, c cuminc);
INSERT INTO stored SELECT 1, cuminc(i / 7.0::float8, i % 4) FROM generate_series(1, 50000) AS i;
INSERT INTO stored SELECT kommune, c FROM kommune_states;
SELECT pg_column_size(c) < octet_length(c::text) AS compact,
	   c::text = (SELECT cuminc(i / 7.0::float8, i % 4)::text FROM generate_series(1, 50000) AS i) AS intact
FROM stored WHERE id = 1;

-- binary round trip: COPY out and in, and cuminc_send
\copy stored TO 'results/cuminc.bin' WITH (FORMAT binary)
CREATE TABLE stored_copy (LIKE stored);
\copy stored_copy FROM 'results/cuminc.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.c::text IS DISTINCT FROM b.c::text) AS differ
FROM stored a FULL JOIN stored_copy b USING (id);
SELECT count(*) AS values,
	   count(*) FILTER (WHERE pg_temp.recv(cuminc_send(c)) IS DISTINCT FROM c::text) AS recv_mismatch,
	   count(*) FILTER (WHERE cuminc_send(c::text::cuminc) IS DISTINCT FROM cuminc_send(c)) AS send_mismatch
FROM (SELECT c FROM stored UNION ALL SELECT '{}' UNION ALL SELECT '{0: 0=1}') AS s;

-- malformed binary input is rejected like malformed text
SELECT name, pg_temp.recv(payload) AS result
FROM (VALUES
	('valid', '\x01'::bytea || int4send(2) || float8send(1) || int4send(0) || int8send(2) || float8send(1) || int4send(1) || int8send(5)),
	('empty message', ''::bytea),
	('version 0', '\x00'::bytea || int4send(0)),
	('version 2', '\x02'::bytea || int4send(0)),
	('no count', '\x01'::bytea),
	('negative count of entries', '\x01'::bytea || int4send(-1)),
	('more entries than bytes', '\x01'::bytea || int4send(2) || float8send(1) || int4send(0) || int8send(2)),
	('entry cut short', '\x01'::bytea || int4send(1) || float8send(1) || int4send(0) || int4send(2)),
	('trailing bytes', '\x01'::bytea || int4send(1) || float8send(1) || int4send(0) || int8send(2) || '\x00'::bytea),
	('NaN time', '\x01'::bytea || int4send(1) || float8send('NaN') || int4send(1) || int8send(1)),
	('infinite time', '\x01'::bytea || int4send(1) || float8send('Infinity') || int4send(1) || int8send(1)),
	('negative time', '\x01'::bytea || int4send(1) || float8send(-1) || int4send(1) || int8send(1)),
	('negative cause', '\x01'::bytea || int4send(1) || float8send(1) || int4send(-3) || int8send(1)),
	('zero count', '\x01'::bytea || int4send(1) || float8send(1) || int4send(1) || int8send(0)),
	('negative count', '\x01'::bytea || int4send(1) || float8send(1) || int4send(1) || int8send(-5)),
	('times out of order', '\x01'::bytea || int4send(2) || float8send(2) || int4send(1) || int8send(1) || float8send(1) || int4send(1) || int8send(1)),
	('causes out of order', '\x01'::bytea || int4send(2) || float8send(1) || int4send(2) || int8send(1) || float8send(1) || int4send(1) || int8send(1)),
	('repeated pair', '\x01'::bytea || int4send(2) || float8send(1) || int4send(1) || int8send(1) || float8send(1) || int4send(1) || int8send(1)),
	('-0 after 0', '\x01'::bytea || int4send(2) || float8send(0) || int4send(1) || int8send(1) || float8send('-0') || int4send(2) || int8send(1)),
	('-0 alone', '\x01'::bytea || int4send(1) || float8send('-0') || int4send(1) || int8send(1)),
	('counts overflow', '\x01'::bytea || int4send(2) || float8send(1) || int4send(0) || int8send(9223372036854775807) || float8send(2) || int4send(1) || int8send(1))
) AS v(name, payload);
-- merging states whose counts would overflow
SELECT pg_temp.err($$SELECT cuminc_merge(c) FROM (VALUES ('{1: 1=9223372036854775807}'::cuminc), ('{2: 1=1}')) AS v(c)$$) AS merge_overflow;

-- disclosure control (doc/disclosure.md): under jobreg.min_cell = m a
-- cause's steps are merged until they hold m events of the cause and m at
-- risk at the group's first step; its curve is shown at the group's last
-- step only, and a cause whose last events form no group ends with a row of
-- NULLs; cuminc_at reads that curve.  Oracle: the groups in plain SQL.
CREATE TEMP TABLE unthresholded AS SELECT r.* FROM spells_state, cuminc_table(c) AS r;
CREATE FUNCTION pg_temp.groups(m int) RETURNS TABLE (g_time float8, g_cause int)
	LANGUAGE plpgsql AS $$
DECLARE
	r record;
	ev int8;
	first_risk int8;
	k int;
BEGIN
	FOR k IN SELECT DISTINCT cause FROM spells WHERE cause > 0 ORDER BY 1 LOOP
		ev := 0; first_risk := NULL;
		FOR r IN SELECT weeks, count(*) FILTER (WHERE cause = k) AS d,
						(SELECT count(*) FROM spells s2 WHERE s2.weeks >= s1.weeks) AS nrisk
				 FROM spells s1 GROUP BY weeks HAVING count(*) FILTER (WHERE cause > 0) > 0 ORDER BY weeks LOOP
			CONTINUE WHEN r.d = 0;
			IF first_risk IS NULL THEN first_risk := r.nrisk; END IF;
			ev := ev + r.d;
			IF ev >= m AND first_risk >= m THEN
				g_time := r.weeks; g_cause := k; RETURN NEXT;
				ev := 0; first_risk := NULL;
			END IF;
		END LOOP;
		IF first_risk IS NOT NULL THEN g_time := NULL; g_cause := k; RETURN NEXT; END IF;
	END LOOP;
END $$;
SET jobreg.min_cell = 200;
SELECT count(*) AS rows, count(*) FILTER (WHERE t.time IS NULL) AS tails,
	   count(*) FILTER (WHERE t.cause IS NULL OR g.g_cause IS NULL) AS unmatched,
	   count(*) FILTER (WHERE t.time IS NOT NULL AND NOT EXISTS (SELECT FROM unthresholded u
			WHERE u.time = t.time AND u.cause = t.cause AND u.estimate = t.estimate AND u.variance = t.variance)) AS figures_differ,
	   count(*) FILTER (WHERE t.time IS NULL AND (t.estimate, t.variance) IS NOT NULL) AS tail_figures
FROM (SELECT r.* FROM spells_state, cuminc_table(c) AS r) t
	 FULL JOIN pg_temp.groups(200) g ON g.g_cause = t.cause AND g.g_time IS NOT DISTINCT FROM t.time;
-- cuminc_at is the last shown row's estimate at or before t (0 before the first)
SELECT count(*) AS figures,
	   count(*) FILTER (WHERE cuminc_at(c, k, i) IS DISTINCT FROM
			CASE WHEN i <= (SELECT max(time) FROM cuminc_table(c) x WHERE x.cause = k)
					  OR NOT EXISTS (SELECT FROM cuminc_table(c) x WHERE x.cause = k AND x.time IS NULL)
				 THEN coalesce((SELECT estimate FROM cuminc_table(c) x WHERE x.cause = k AND x.time <= i
								ORDER BY x.time DESC LIMIT 1), 0) END) AS at_mismatches
FROM spells_state, generate_series(1, 4) AS k, generate_series(0, 140, 5) AS i
WHERE i <= last;
DROP TABLE unthresholded;
SELECT * FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1; 3: 0=1}');
SET jobreg.min_cell = 5;
SELECT * FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1; 3: 0=1}');
SELECT cuminc_at('{1: 0=2, 1=5; 2.5: 2=1; 3: 0=1}', 1, 0) AS before_first_8_at_risk,
	   cuminc_at('{1: 0=2, 1=5; 2.5: 2=1; 3: 0=1}', 2, 2.5) AS at_2_5_with_2_at_risk;
RESET jobreg.min_cell;
SELECT count(*) FILTER (WHERE estimate IS NULL) AS suppressed_after_reset FROM cuminc_table((SELECT c FROM spells_state));

-- taking persons out (issue 20): cuminc_subtract, the - operator and the
-- moving-aggregate mode give exactly (text) the value of the persons left
-- any subset subtracted from the whole equals the rest
SELECT count(*) AS splits,
	   count(*) FILTER (WHERE (whole - part)::text IS NOT DISTINCT FROM rest::text) AS identical,
	   count(*) FILTER (WHERE cuminc_subtract(whole, part)::text IS NOT DISTINCT FROM rest::text) AS identical_fn,
	   count(*) FILTER (WHERE rest IS NULL) AS nothing_left
FROM generate_series(0, 9) AS k,
	 LATERAL (SELECT (SELECT cuminc(weeks, cause) FROM spells) AS whole,
					 (SELECT cuminc(weeks, cause) FROM spells WHERE hashint4(id + k) % 5 <> 0 OR k = 9) AS part,
					 (SELECT cuminc(weeks, cause) FROM spells WHERE NOT (hashint4(id + k) % 5 <> 0 OR k = 9)) AS rest) AS x;
-- pairs whose persons are all taken out leave the value; no one left: NULL
SELECT '{1: 0=2, 1=5; 2.5: 2=1; 3: 0=1}'::cuminc - '{1: 1=5; 3: 0=1}' AS pairs_out,
	   '{1: 0=2, 1=5; 2.5: 2=1}'::cuminc - '{1: 0=1, 1=2}' AS counts_down,
	   ('{1: 0=2}'::cuminc - '{1: 0=2}') IS NULL AS nothing_left_is_null,
	   ('{}'::cuminc - '{}') IS NULL AS empty_is_null,
	   '{1: 0=2}'::cuminc - '{}' AS minus_empty,
	   cuminc_subtract(NULL, '{1: 0=2}') IS NULL AS strict;
-- a person's old spell out, the new one in: what a rebuild gives
WITH new AS (SELECT id, kommune, CASE WHEN id % 50 = 7 THEN weeks + 3 ELSE weeks END AS weeks,
					CASE WHEN id % 50 = 7 THEN (cause + 1) % 5 ELSE cause END AS cause FROM spells)
SELECT count(*) AS kommuner,
	   count(*) FILTER (WHERE u.c::text = (SELECT cuminc(weeks, cause) FROM new WHERE new.kommune = u.kommune)::text) AS update_equals_rebuild
FROM (SELECT k.kommune, (SELECT cuminc_merge(v.c) FROM (VALUES (k.c - o.c), (n.c)) AS v (c)) AS c
	  FROM (SELECT kommune, cuminc(weeks, cause) AS c FROM spells GROUP BY kommune) AS k
		   JOIN (SELECT kommune, cuminc(weeks, cause) AS c FROM spells WHERE id % 50 = 7 GROUP BY kommune) AS o USING (kommune)
		   JOIN (SELECT kommune, cuminc(weeks, cause) AS c FROM new WHERE id % 50 = 7 GROUP BY kommune) AS n USING (kommune)) AS u;
-- refusals (22023): persons that are not part of the value
SELECT b, pg_temp.err(format('SELECT %L::cuminc - %L::cuminc', '{1: 0=2, 1=5; 2.5: 2=1}', b)) AS result
FROM unnest(ARRAY['{1: 0=3}', '{1: 2=1}', '{0.5: 1=1}', '{2.5: 2=1; 4: 0=1}', '{3: 1=1}', '{1: 1=6}']) AS b;

-- moving-aggregate mode: both aggregates declare it
SELECT a.aggfnoid::regprocedure, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggmtranstype::regtype
FROM pg_aggregate AS a
WHERE a.aggfnoid IN ('cuminc(float8, int4)'::regprocedure, 'cuminc_merge(cuminc)'::regprocedure)
ORDER BY 1::text;
-- frames whose start moves (rows leave them) equal each frame counted
-- afresh, text-identical; NULL rows here and there
CREATE TABLE spells_n AS
SELECT id, kommune, CASE WHEN id % 31 <> 0 THEN weeks END AS weeks, CASE WHEN id % 37 <> 0 THEN cause END AS cause
FROM spells WHERE id <= 3000;
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE f.c::text IS NOT DISTINCT FROM
							  (SELECT cuminc(x.weeks, x.cause) FROM spells_n AS x WHERE x.id BETWEEN f.id - 99 AND f.id)::text) AS identical
FROM (SELECT id, cuminc(weeks, cause) OVER (ORDER BY id ROWS 99 PRECEDING) AS c FROM spells_n) AS f;
-- frames empty at first, frames of NULL rows only, frames of one row: NULL when no row counts
SELECT i, cuminc(t, k) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS c2,
	   cuminc(t, k) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS c1
FROM (VALUES (1, 3.0, 1), (2, 5.0, 0), (3, NULL, 1), (4, 5.0, NULL), (5, 5.0, 2), (6, 3.0, 1)) AS v (i, t, k)
ORDER BY i;
-- cuminc_merge over a rolling year of quarterly states, as a BI view would;
-- an empty value in the frame counts as an input, as for the plain aggregate
CREATE TABLE quarterly_c AS
SELECT kommune % 3 AS grp, id % 12 AS q, cuminc(weeks, cause) AS c FROM spells GROUP BY 1, 2;
INSERT INTO quarterly_c VALUES (0, 12, '{}'), (0, 13, NULL), (0, 14, NULL), (0, 15, NULL), (0, 16, NULL);
SELECT count(*) AS windows,
	   count(*) FILTER (WHERE m.c::text IS NOT DISTINCT FROM (SELECT cuminc_merge(y.c) FROM quarterly_c AS y
															WHERE y.grp = m.grp AND y.q BETWEEN m.q - 3 AND m.q)::text) AS identical,
	   count(*) FILTER (WHERE m.c::text = '{}') AS empty_values, count(*) FILTER (WHERE m.c IS NULL) AS nulls
FROM (SELECT grp, q, cuminc_merge(c) OVER (PARTITION BY grp ORDER BY q ROWS 3 PRECEDING) AS c FROM quarterly_c) AS m;
-- the moving-mode functions work only inside aggregates; the final one reads a value as it is
SELECT pg_temp.err($$SELECT cuminc_msfunc(NULL, 1, 1)$$) AS msfunc, pg_temp.err($$SELECT cuminc_minvfunc(NULL, '{}'::cuminc)$$) AS minvfunc,
	   cuminc_mfinal('{1: 1=1}') AS mfinal;
-- parallel plans of the plain aggregates are unchanged by the moving mode
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT (SELECT cuminc(weeks, cause) FROM spells_big)::text = (SELECT c FROM serial WHERE q = 'all') AS parallel_equals_serial;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
