--
-- survival: the mergeable Kaplan-Meier type, its aggregates and readers
-- (the agreement with R is in survival_reference; logrank in logrank)
--
-- Errors are shown as SQLSTATE, message and detail through a small catcher.
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

-- a small example: the text form lists, per time, weighted events,
-- censorings and entries, and the rows leaving and entering
SELECT survival(d, e) FROM (VALUES (1, true), (2, false), (2, true), (3, true), (4, true)) v(d, e);
SELECT * FROM surv_table((SELECT survival(d, e) FROM (VALUES (1, true), (2, false), (2, true), (3, true), (4, true)) v(d, e)));
SELECT survival(a, b, e) FROM (VALUES (0, 2, true), (1, 4, false), (2, 5, true), (0, 6, true), (3, 8, false)) v(a, b, e);
SELECT survival(d, e, w) FROM (VALUES (1, true, 0.5), (1, false, 2), (3, true, 0)) v(d, e, w);

-- NULL rows are skipped; empty and all-NULL input give NULL
SELECT survival(d, e)::text FROM (VALUES (1, true), (NULL, true), (2, NULL), (2, false)) v(d, e);
SELECT survival(d, e, w)::text FROM (VALUES (1, true, 1), (2, true, NULL), (3, false, 2)) v(d, e, w);
SELECT survival(a, b, e)::text FROM (VALUES (0, 1, true), (NULL, 2, true), (1, NULL, true), (1, 3, NULL)) v(a, b, e);
SELECT survival(d, e) IS NULL AS empty, survival(d, e, 1) IS NULL AS empty_weighted,
	   survival(d, d + 1, e) IS NULL AS empty_entry, survival_merge(NULL::survival) IS NULL AS empty_merge
FROM (VALUES (1::float8, true)) v(d, e) WHERE false;
SELECT survival(NULL::float8, NULL::bool) IS NULL AS all_null;
SELECT survival_merge(s)::text FROM (VALUES (NULL::survival), ('v1;1:1,0,0,1,0'), (NULL)) v(s);

-- bad rows: each an error with a SQLSTATE
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	'SELECT survival(-1, true)',
	'SELECT survival(''NaN'', true)',
	'SELECT survival(''Infinity'', true)',
	'SELECT survival(''-Infinity'', false)',
	'SELECT survival(1, true, -0.5)',
	'SELECT survival(1, true, ''NaN'')',
	'SELECT survival(1, true, ''Infinity'')',
	'SELECT survival(3, 2, true)',
	'SELECT survival(2, 2, true)',
	'SELECT survival(-1, 2, true)',
	'SELECT survival(0, ''Infinity'', true)']) AS q;
-- -0 is 0
SELECT survival(d, true)::text FROM (VALUES ('-0'::float8), (0)) v(d);
SELECT 'v1;-0:1,0,0,1,0'::survival AS negative_zero_read;

-- readers on a small curve: S(t) before the first time, between times,
-- after the last time; median, quantiles, restricted mean
CREATE TEMP TABLE small AS
SELECT survival(d, e) AS s FROM (VALUES (1, true), (2, false), (2, true), (3, true), (5, false), (6, true), (8, false)) v(d, e);
SELECT t, surv_at(s, t) FROM small, unnest(ARRAY[-1, 0, 0.99, 1, 2, 2.5, 6, 7.9, 8, 8.01, 'Infinity', '-Infinity']::float8[]) t;
SELECT surv_median(s), surv_quantile(s, 0.25), surv_quantile(s, 0.5), surv_quantile(s, 0.75),
	   surv_rmean(s, 0), surv_rmean(s, 0.5), surv_rmean(s, 8), surv_rmean(s, 20) FROM small;
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	'SELECT surv_quantile(s, 0) FROM small',
	'SELECT surv_quantile(s, 1) FROM small',
	'SELECT surv_quantile(s, -0.1) FROM small',
	'SELECT surv_quantile(s, ''NaN'') FROM small',
	'SELECT surv_rmean(s, -1) FROM small',
	'SELECT surv_rmean(s, ''NaN'') FROM small',
	'SELECT surv_rmean(s, ''Infinity'') FROM small',
	'SELECT surv_at(s, ''NaN'') FROM small',
	'SELECT * FROM surv_table((SELECT s FROM small), ''logit'')',
	'SELECT * FROM surv_table((SELECT s FROM small), ''LOG'')',
	'SELECT * FROM surv_table((SELECT s FROM small), ''log'', 0)',
	'SELECT * FROM surv_table((SELECT s FROM small), ''log'', 1)',
	'SELECT * FROM surv_table((SELECT s FROM small), ''log'', 1.5)',
	'SELECT * FROM surv_table((SELECT s FROM small), ''log'', ''NaN'')']) AS q;
-- quantiles the curve never reaches are NULL; a curve without events has none
SELECT surv_quantile(s, 0.9) AS q90, surv_median('v1;1:0,1,0,1,0') AS no_events,
	   (SELECT count(*) FROM surv_table('v1;1:0,1,0,1,0')) AS no_rows
FROM small;

-- text I/O: the shortest form that reads back exactly
SELECT 'v1;0.1:1,0,0,1,0;1e300:0.3333333333333333,2,0,3,0'::survival;
SELECT input, pg_temp.err(format('SELECT %L::survival', input)) AS result
FROM unnest(ARRAY[
	'', 'v1', ' v1;1:1,0,0,1,0', 'v3;1:1,0,0,1,0', 'x1;1:1,0,0,1,0', 'v1;1:1,0,0,1', 'v1;1:1,0,0,1,0;',
	'v1;1:1,0,0,1,0 ', 'v1;1:1,0,0,1,0x', 'v1;1;1,0,0,1,0', 'v1;1:1,0,0,1.5,0',
	'v1;2:1,0,0,1,0;1:1,0,0,1,0', 'v1;1:1,0,0,1,0;1:1,0,0,1,0', 'v1;-1:1,0,0,1,0',
	'v1;nan:1,0,0,1,0', 'v1;inf:1,0,0,1,0', 'v1;1e999:1,0,0,1,0', 'v1;1:-1,0,0,1,0',
	'v1;1:1,0,0,0,0', 'v1;1:1,0,0,0,1', 'v1;1:0,0,1,0,1', 'v1;1:0,0,2,0,2;2:1,0,0,1,0',
	'v1;1:1,0,0,-1,0', 'v1;1:1,0,0,99999999999999999999,0', 'v1;1:1,0,0,9223372036854775807,0;2:0,1,0,1,0',
	'v1;1: 1,0,0,1,0']) AS input;

-- exact round trips through text and binary, on random times and weights
SELECT setseed(0.25);
CREATE TEMP TABLE rnd AS
SELECT i % 5 AS part, random() * 1e4 AS d, random() < 0.6 AS e, random() * 3 AS w, random() * 100 AS entry
FROM generate_series(1, 3000) i;
CREATE TEMP TABLE states AS
SELECT part, survival(d, e) AS plain, survival(d, e, w) AS weighted, survival(entry, entry + d + 1e-3, e) AS delayed
FROM rnd GROUP BY part;
SELECT count(*) AS states,
	   count(*) FILTER (WHERE plain::text::survival::text = plain::text
						AND weighted::text::survival::text = weighted::text
						AND delayed::text::survival::text = delayed::text) AS text_exact
FROM states;
\copy states TO 'results/survival.bin' WITH (FORMAT binary)
CREATE TEMP TABLE states_copy (LIKE states);
\copy states_copy FROM 'results/survival.bin' WITH (FORMAT binary)
SELECT count(*) AS copied,
	   count(*) FILTER (WHERE a.plain::text = b.plain::text AND a.weighted::text = b.weighted::text
						AND a.delayed::text = b.delayed::text) AS binary_exact
FROM states a JOIN states_copy b USING (part);
-- the numbers survive too, to the last bit
SELECT count(*) AS states,
	   count(*) FILTER (WHERE (SELECT array_agg(t ORDER BY t.time) FROM surv_table(weighted) t)
						= (SELECT array_agg(t ORDER BY t.time) FROM surv_table(weighted::text::survival) t)) AS identical_tables
FROM states;

-- malformed binary input, built with float8send/int8send
CREATE TEMP TABLE bad (s survival);
\copy (SELECT '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/survival_good.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_good.bin' WITH (FORMAT binary)
SELECT s FROM bad;
\copy (SELECT '\x03'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(2) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || float8send('NaN') || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || float8send(1) || float8send(-1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(0) || int8send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(2) || float8send(2) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0) || '\x00'::bytea) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
\copy (SELECT '\x01'::bytea || int4send(1) || float8send(1)) TO 'results/survival_bad.bin' WITH (FORMAT binary)
\copy bad FROM 'results/survival_bad.bin' WITH (FORMAT binary)
SELECT count(*) AS loaded FROM bad;

-- against a plain-SQL Kaplan-Meier on random data (test/lib/random_spells.sql):
-- right-censored with ties and zeros, dyadic weights (exact sums), delayed entry
\i test/lib/random_spells.sql
CREATE AGGREGATE pg_temp.product(float8) (SFUNC = float8mul, STYPE = float8, INITCOND = '1');
CREATE TEMP TABLE oracle AS
WITH times AS (SELECT DISTINCT kind, exit AS time FROM sp WHERE event AND w > 0),
counts AS (
	SELECT kind, time,
		   (SELECT sum(w) FROM sp s WHERE s.kind = t.kind AND coalesce(s.entry, -1) < t.time AND s.exit >= t.time) AS n,
		   (SELECT sum(w) FROM sp s WHERE s.kind = t.kind AND s.exit = t.time AND s.event) AS d,
		   lag(time, 1, '-Infinity') OVER (PARTITION BY kind ORDER BY time) AS prev
	FROM times t)
SELECT kind, time, n, d,
	   (SELECT coalesce(sum(w), 0) FROM sp s WHERE s.kind = c.kind AND NOT s.event AND s.exit > c.prev AND s.exit <= c.time) AS censored,
	   pg_temp.product((n - d) / n) OVER w AS surv,
	   sum(CASE WHEN n = d THEN 'Infinity' ELSE d / (n * (n - d)) END) OVER w AS greenwood
FROM counts c WINDOW w AS (PARTITION BY kind ORDER BY time);
SELECT kind, count(*) AS rows,
	   count(*) FILTER (WHERE o.kind IS NULL OR t.time IS NULL) AS unmatched,
	   count(*) FILTER (WHERE NOT (pg_temp.near(t.n_risk, o.n, 0) AND pg_temp.near(t.n_event, o.d, 0) AND pg_temp.near(t.n_censor, o.censored, 0))) AS counts,
	   count(*) FILTER (WHERE NOT pg_temp.near(t.surv, o.surv)) AS surv,
	   count(*) FILTER (WHERE o.surv > 0 AND NOT pg_temp.near(t.std_err, sqrt(o.greenwood) * o.surv)) AS std_err,
	   count(*) FILTER (WHERE NOT pg_temp.near(t.lower, exp(ln(o.surv) - 1.959963984540054 * sqrt(o.greenwood)))) AS lower
FROM (SELECT kind, t.* FROM km, surv_table(s, variance => 'greenwood') t) t FULL JOIN oracle o USING (kind, time)  -- the oracle is Greenwood's
GROUP BY kind ORDER BY kind;
-- S(t) at every whole time against the oracle's step function
SELECT kind, count(*) AS times,
	   count(*) FILTER (WHERE NOT pg_temp.near(surv_at(s, t),
		   coalesce((SELECT surv FROM oracle o WHERE o.kind = km.kind AND o.time <= t ORDER BY o.time DESC LIMIT 1), 1))) AS mismatches
FROM km, generate_series(-1, 88) t
WHERE t <= (SELECT max(exit) FROM sp WHERE sp.kind = km.kind)
GROUP BY kind ORDER BY kind;

-- the merge law: survival over all rows is survival_merge over any
-- partition of them, to the last bit (the weights are dyadic, so sums are
-- exact); partitions: by i % 2, by i % 7, at random, early and late exits
CREATE TEMP TABLE parts AS
SELECT sp.*, scheme, CASE scheme WHEN 'two' THEN i % 2 WHEN 'seven' THEN i % 7
	   WHEN 'random' THEN (random() * 3)::int ELSE (exit < 20)::int END AS part
FROM sp, unnest(ARRAY['two', 'seven', 'random', 'early/late']) scheme;
CREATE TEMP VIEW part_states AS
SELECT kind, scheme, part,
	   coalesce(survival(exit, event) FILTER (WHERE kind = 'plain'),
				survival(exit, event, w) FILTER (WHERE kind = 'weighted'),
				survival(entry, exit, event)) AS s
FROM parts GROUP BY kind, scheme, part;
SELECT kind, scheme, count(*) AS parts, survival_merge(s)::text = (SELECT s::text FROM km WHERE km.kind = p.kind) AS identical
FROM part_states p GROUP BY kind, scheme
UNION ALL
-- merges of merges in another order, through stored text
SELECT kind, 'nested', count(*), survival_merge(s::text::survival ORDER BY g DESC)::text = (SELECT s::text FROM km WHERE km.kind = x.kind)
FROM (SELECT kind, part % 3 AS g, survival_merge(s) AS s FROM part_states WHERE scheme = 'seven' GROUP BY kind, part % 3) x
GROUP BY kind
ORDER BY kind, scheme;
-- times of both kinds: whole numbers below 1024 (a directly indexed array)
-- and all others (a hash table), merged and flattened in time order
SELECT setseed(0.1);
CREATE TEMP TABLE mixed AS
SELECT CASE i % 3 WHEN 0 THEN floor(random() * 1200) WHEN 1 THEN floor(random() * 2400) / 2
	   ELSE random() * 1500 END AS t, random() < 0.6 AS e
FROM generate_series(1, 5000) i;
SELECT s::text::survival::text = s::text AS sorted_round_trip,
	   (SELECT count(*) FROM surv_table(s)) = (SELECT count(DISTINCT t) FROM mixed WHERE e) AS rows_ok,
	   (SELECT bool_and(n_risk = (SELECT count(*) FROM mixed m WHERE m.t >= x.time)) FROM surv_table(s) x) AS n_risk_ok,
	   (SELECT survival_merge(p)::text FROM (SELECT survival(t, e) AS p FROM mixed GROUP BY t = floor(t) AND t < 1024) y) = s::text AS merge_ok
FROM (SELECT survival(t, e) AS s FROM mixed) x;

-- a whole-number time goes to the array only when the array would be at
-- least half full; until then it is hashed, and it moves over when the array
-- grows: the state is the same whatever the order of the rows
SELECT setseed(0.3);
CREATE TEMP TABLE sparse AS
SELECT n, i, floor(random() * 1024) AS t, random() < 0.6 AS e, random() AS r
FROM (VALUES (5), (60), (700), (5000)) v(n), generate_series(1, n) i;
CREATE TEMP TABLE sparse_sorted AS SELECT n, survival(t, e ORDER BY t)::text AS s FROM sparse GROUP BY n;
SELECT n, count(DISTINCT t) AS times,
	   survival(t, e ORDER BY r)::text = min(x.s) AS random_order_same,
	   survival(t, e ORDER BY t DESC)::text = min(x.s) AS descending_same
FROM sparse JOIN sparse_sorted x USING (n)
GROUP BY n ORDER BY n;
SELECT n, survival_merge(y.s ORDER BY r)::text = min(x.s) AS merged_one_row_states_same
FROM (SELECT n, r, survival(t, e) AS s FROM sparse GROUP BY n, i, r) y JOIN sparse_sorted x USING (n)
GROUP BY n ORDER BY n;

-- the merge function on its own
SELECT survival_combine('v1;1:1,0,0,1,0', 'v1;1:0,1,0,1,0;2:1,0,0,1,0');

-- the state grows with distinct times, not rows: 520 weeks, 72 bytes each (48, and 24 for the
-- squared weights of the robust variance)
SELECT n, pg_column_size(survival(1 + i % 520, i % 3 > 0)) AS bytes
FROM (VALUES (10000), (100000)) v(n), generate_series(1, n) i GROUP BY n ORDER BY n;

-- as a window aggregate, running and over a moving frame (restarted each row)
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE running::text = (SELECT survival(exit, event)::text FROM sp s WHERE s.kind = 'plain' AND s.i <= x.i)) AS running_ok,
	   count(*) FILTER (WHERE moving::text = (SELECT survival(exit, event)::text FROM sp s WHERE s.kind = 'plain' AND s.i BETWEEN x.i - 2 AND x.i)) AS moving_ok
FROM (SELECT i, survival(exit, event) OVER (ORDER BY i) AS running,
			 survival(exit, event) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving
	  FROM sp WHERE kind = 'plain' AND i <= 300) x;

-- grouped, sorted and hashed, with many groups; the hash table spills to disk
SET enable_hashagg = off;
CREATE TEMP TABLE sorted AS SELECT i % 2000 AS g, survival(exit, event)::text AS s FROM sp GROUP BY 1;
RESET enable_hashagg;
SET enable_sort = off;
SET work_mem = '64kB';
EXPLAIN (COSTS OFF) SELECT i % 2000 AS g, survival(exit, event)::text AS s FROM sp GROUP BY 1;
SELECT count(*) AS groups, count(*) FILTER (WHERE h.s = sorted.s) AS same
FROM (SELECT i % 2000 AS g, survival(exit, event)::text AS s FROM sp GROUP BY 1) h JOIN sorted USING (g);
RESET work_mem;
RESET enable_sort;

-- parallel plans give the same states and tables as serial ones
CREATE TABLE big_p AS SELECT sp.* FROM sp, generate_series(1, 10) k;
ANALYZE big_p;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT kind, survival(exit, event) FROM big_p GROUP BY kind;
EXPLAIN (COSTS OFF) SELECT survival(entry, exit, event) FROM big_p;
CREATE TEMP TABLE par AS
SELECT kind, survival(exit, event)::text AS a, survival(exit, event, w)::text AS b,
	   survival(entry, exit, event)::text AS c FROM big_p GROUP BY kind;
CREATE TEMP TABLE par_merge AS
SELECT survival_merge(s)::text AS m FROM (SELECT kind, survival(exit, event) AS s FROM big_p GROUP BY kind) x;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE s.a = p.a AND s.b = p.b AND s.c IS NOT DISTINCT FROM p.c) AS same
FROM (SELECT kind, survival(exit, event)::text AS a, survival(exit, event, w)::text AS b,
			 survival(entry, exit, event)::text AS c FROM big_p GROUP BY kind) s JOIN par p USING (kind);
SELECT m = (SELECT survival(exit, event)::text FROM big_p) AS merge_same FROM par_merge;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
DROP TABLE big_p;

-- disclosure control (doc/disclosure.md): with jobreg.min_cell = n, steps
-- are merged into one row until they hold n persons with an event and n
-- persons at risk at their first step; the row has the last step's time and
-- curve; the steps after the last group come as one row of NULLs
SET jobreg.min_cell = 5;
SELECT * FROM surv_table((SELECT s FROM small));
SET jobreg.min_cell = 2;
SELECT * FROM surv_table((SELECT s FROM small));
SET jobreg.min_cell = 5;
-- persons, not weights: three rows standing for 10 persons each are 3 persons
SELECT * FROM surv_table((SELECT survival(d, e, 10) FROM (VALUES (1, true), (2, true), (3, false)) v(d, e)));
-- against a plain-SQL oracle of the groups: persons = least(rows, ceil(weights))
CREATE FUNCTION pg_temp.grouped(k text, m int)
	RETURNS TABLE (g_time float8, g_risk float8, g_event float8, g_censor float8, g_surv float8)
	LANGUAGE plpgsql AS $$
DECLARE
	r record;
	ev int8 := 0;
	d float8 := 0;
	c float8 := 0;
	first_n float8;
	first_p int8;
BEGIN
	FOR r IN
		SELECT o.*,
			   (SELECT least(count(*), ceil(o.d)) FROM sp x WHERE x.kind = k AND x.exit = o.time) AS ep,
			   (SELECT least(count(*), ceil(o.n)) FROM sp x WHERE x.kind = k AND coalesce(x.entry, -1) < o.time AND x.exit >= o.time) AS rp
		FROM oracle o WHERE o.kind = k ORDER BY o.time
	LOOP
		IF first_n IS NULL THEN first_n := r.n; first_p := r.rp; END IF;
		ev := ev + r.ep; d := d + r.d; c := c + r.censored;
		IF ev >= m AND first_p >= m THEN
			g_time := r.time; g_risk := first_n; g_event := d; g_censor := c; g_surv := r.surv;
			RETURN NEXT;
			ev := 0; d := 0; c := 0; first_n := NULL;
		END IF;
	END LOOP;
	IF first_n IS NOT NULL THEN
		g_time := NULL; g_risk := NULL; g_event := NULL; g_censor := NULL; g_surv := NULL;
		RETURN NEXT;
	END IF;
END $$;
SET jobreg.min_cell = 20;
SELECT km.kind, count(*) AS rows, count(*) FILTER (WHERE t.time IS NULL) AS withheld_tail,
	   count(*) FILTER (WHERE t.time IS DISTINCT FROM g.g_time OR NOT (pg_temp.near(t.n_risk, g.g_risk, 0)
						  AND pg_temp.near(t.n_event, g.g_event, 0) AND pg_temp.near(t.n_censor, g.g_censor, 0)
						  AND pg_temp.near(t.surv, g.g_surv))) AS mismatches,
	   count(*) FILTER (WHERE t.time IS NULL AND (t.n_risk, t.n_event, t.n_censor, t.surv, t.std_err, t.lower, t.upper) IS NOT NULL) AS tail_not_null
FROM km, LATERAL (SELECT row_number() OVER () AS i, * FROM surv_table(km.s)) t
	 FULL JOIN LATERAL (SELECT row_number() OVER () AS i, * FROM pg_temp.grouped(km.kind, 20)) g USING (i)
WHERE km.kind IS NOT NULL GROUP BY km.kind ORDER BY km.kind;
-- censorings since the last row: the shown rows' n_censor add up to those before the last shown time
SELECT kind, (SELECT sum(n_censor) FROM surv_table(s))
			 = (SELECT coalesce(sum(w), 0) FROM sp WHERE sp.kind = km.kind AND NOT sp.event
				AND sp.exit <= (SELECT max(time) FROM surv_table(km.s))) AS censor_sums
FROM km ORDER BY kind;
RESET jobreg.min_cell;
SELECT count(*) FILTER (WHERE surv IS NULL) AS suppressed_after_reset FROM km, surv_table(s);
-- the scalar readers read the curve surv_table shows (survival_publish): S(t)
-- is the surv of the last row at or before t (1 before the first), NULL past
-- the last row; the restricted mean integrates that curve; the median and
-- quantiles are times of rows; nothing of a merged step shows
SET jobreg.min_cell = 200;
SELECT kind, count(*) AS rows FROM km, surv_table(s) GROUP BY kind ORDER BY kind;
SELECT km.kind, count(*) AS times,
	   count(*) FILTER (WHERE surv_at(km.s, t) IS DISTINCT FROM
			CASE WHEN t <= (SELECT max(time) FROM surv_table(km.s))
				 THEN coalesce((SELECT x.surv FROM surv_table(km.s) x WHERE x.time <= t ORDER BY x.time DESC LIMIT 1), 1) END)
			AS at_mismatches,
	   count(*) FILTER (WHERE t <= (SELECT max(time) FROM surv_table(km.s)) AND NOT pg_temp.near(surv_rmean(km.s, t),
			(SELECT sum((least(coalesce(y.next, t), t) - y.time) * y.surv) FILTER (WHERE y.time <= t)
			 FROM (SELECT x.*, lead(x.time) OVER (ORDER BY x.time) AS next
				   FROM (SELECT 0::float8 AS time, 1::float8 AS surv
						 UNION ALL SELECT time, surv FROM surv_table(km.s) WHERE time IS NOT NULL) x) y))) AS rmean_mismatches
FROM km, generate_series(0, 90, 0.5) t GROUP BY km.kind ORDER BY km.kind;
SELECT kind, surv_median(s) AS median, surv_median(s) IN (SELECT time FROM surv_table(s)) AS median_is_a_row,
	   surv_quantile(s, 0.25) IN (SELECT time FROM surv_table(s)) AS q25_is_a_row
FROM km ORDER BY kind;
-- no step shown: every reader is NULL
SET jobreg.min_cell = 1000;
SELECT surv_at(s, 0) AS small_cohort, surv_rmean(s, 0.5) AS small_rmean, surv_median(s) AS small_median FROM small;
RESET jobreg.min_cell;
