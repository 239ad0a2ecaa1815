--
-- surv_table's variance: the robust (infinitesimal jackknife) variance, R's
-- survfit default with non-integer case weights, and Greenwood's
--
\i test/lib/compare.sql
\i test/lib/errors.sql
\set recv_type survival
\i test/lib/binary.sql

-- R's reference rows and figures (r/survival_robust_reference.R): ties with
-- fractional weights, continuous times, whole weights, a curve that reaches 0
\set ECHO none
\i test/data/survival_robust_reference.sql
\set ECHO all
CREATE TABLE sr_states AS SELECT data, survival(t, e, w) AS s FROM sr_rows GROUP BY data;

-- R parity to 1e-8 (relative; absolute near 0): every row of summary(survfit),
-- the default (auto), Greenwood and robust, for the three interval types
SELECT r.data, r.variance, r.conf_type, count(*) AS rows,
	   count(*) FILTER (WHERE j.time = r.time AND pg_temp.near(j.n_risk, r.n_risk, 1e-12)
		   AND pg_temp.near(j.n_event, r.n_event, 1e-12) AND pg_temp.near(j.surv, r.surv, 1e-12)
		   AND pg_temp.near(j.std_err, r.std_err, 1e-8, 1e-12)
		   AND (j.lower IS NULL AND r.lower IS NULL OR pg_temp.near(j.lower, r.lower, 1e-8, 1e-12))
		   AND (j.upper IS NULL AND r.upper IS NULL OR pg_temp.near(j.upper, r.upper, 1e-8, 1e-12))) AS equal_to_r
FROM sr_ref r
JOIN sr_states s USING (data)
LEFT JOIN LATERAL surv_table(s.s, r.conf_type, 0.95, r.variance) j ON j.time = r.time
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- the largest relative difference of the robust standard errors from R's
SELECT max(abs(j.std_err - r.std_err) / r.std_err) < 1e-10 AS robust_within_1e10
FROM sr_ref r JOIN sr_states s USING (data), surv_table(s.s, r.conf_type, 0.95, r.variance) j
WHERE j.time = r.time AND r.variance IN ('auto', 'robust') AND r.std_err > 0;
-- auto is robust with fractional weights and Greenwood with whole ones; the
-- existing call forms keep working
SELECT data, bool_and(a.std_err IS NOT DISTINCT FROM r.std_err) AS auto_is_robust,
	   bool_and(a.std_err IS NOT DISTINCT FROM g.std_err) AS auto_is_greenwood
FROM sr_states,
	 LATERAL (SELECT row_number() OVER () AS k, * FROM surv_table(s)) a
	 JOIN LATERAL (SELECT row_number() OVER () AS k, * FROM surv_table(s, 'log', 0.95, 'robust')) r USING (k)
	 JOIN LATERAL (SELECT row_number() OVER () AS k, * FROM surv_table(s, variance => 'greenwood')) g USING (k)
WHERE data <> 'zero' GROUP BY data ORDER BY data;

-- the state: format version 2 adds per time the squared weights of the
-- events and censorings and the rows with a weight that is not whole
SELECT survival(t, e, w) FROM (VALUES (1::float8, true, 0.5::float8), (1, false, 2), (2, true, 1.5), (2, true, 1)) v(t, e, w);
SELECT s::text = (SELECT 'v2;' || string_agg(format('%s:%s,%s,0,%s,0,%s,%s,%s', t, ev, ce, n, sev, sce, nonint), ';' ORDER BY t)
				  FROM (SELECT t, coalesce(sum(w) FILTER (WHERE e), 0) AS ev, coalesce(sum(w) FILTER (WHERE NOT e), 0) AS ce,
							   count(*) AS n, coalesce(sum(w * w) FILTER (WHERE e), 0) AS sev,
							   coalesce(sum(w * w) FILTER (WHERE NOT e), 0) AS sce, count(*) FILTER (WHERE w <> floor(w)) AS nonint
						FROM sr_rows WHERE data = 'zero' GROUP BY t) g) AS plain_sql
FROM sr_states WHERE data = 'zero';
-- merge law: parts merged equal the whole (weights with 3 decimals add exactly
-- here up to rounding: the tables agree to 1e-12), round trips exact
SELECT bool_and(pg_temp.near(a.std_err, b.std_err, 1e-12)) AS merged_equals_whole
FROM surv_table((SELECT survival_merge(p) FROM (SELECT survival(t, e, w) AS p FROM sr_rows WHERE data = 'ties' GROUP BY id % 4) q)) a
	 JOIN surv_table((SELECT s FROM sr_states WHERE data = 'ties')) b USING (time);
SELECT data, s::text::survival::text = s::text AS text_round_trip,
	   pg_temp.recv(survival_send(s)) = s::text AS binary_round_trip
FROM sr_states ORDER BY data;
-- parallel = serial
CREATE TABLE sr_big AS SELECT g AS id, (g % 97)::float8 AS t, g % 3 <> 0 AS e, 0.5 + (g % 7) / 4.0 AS w FROM generate_series(1, 50000) g;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TABLE sr_parallel AS SELECT survival(t, e, w) AS s FROM sr_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT p.s::text = (SELECT survival(t, e, w) FROM sr_big)::text AS parallel_equals_serial FROM sr_parallel p;

-- format version 1 (jobreg 0.1.0) still reads: it has no squares, so the
-- default is Greenwood and robust is refused; merged with a version 2 state
-- it gives version 1
SELECT 'v1;1:1.5,0,0,2,0;2:1,0.5,0,2,0'::survival AS v1_text,
	   pg_temp.recv('\x0100000001' || float8send(1) || float8send(1.5) || float8send(0) || float8send(0) || int8send(2) || int8send(0)) AS v1_binary;
SELECT std_err FROM surv_table('v1;1:1.5,0,0,2,0;2:1,0.5,0,2,0');
SELECT survival_merge(s) FROM (VALUES ('v1;1:1.5,0,0,2,0'::survival), ('v2;2:1,0,0,1,0,1,0,0')) v(s);
-- delayed entry: the robust variance is not a sum over the times; refused
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT * FROM surv_table('v1;1:1.5,0,0,2,0', variance => 'robust')$$,
	$$SELECT * FROM surv_table((SELECT survival(0, t, e) FROM sr_rows WHERE data = 'zero'), variance => 'robust')$$,
	$$SELECT * FROM surv_table((SELECT survival_merge(s) FROM (SELECT survival(1, t + 1, e) AS s FROM sr_rows WHERE data = 'zero' UNION ALL SELECT survival(t, e, w) FROM sr_rows WHERE data = 'zero') x))$$,
	$$SELECT * FROM surv_table((SELECT s FROM sr_states WHERE data = 'zero'), variance => 'jackknife')$$
]) AS q;
SELECT count(*) AS greenwood_with_delayed_entry FROM surv_table((SELECT survival(0, t, e) FROM sr_rows WHERE data = 'zero'), variance => 'greenwood');
-- corrupt version 2 input
SELECT input, pg_temp.err_detail(format('SELECT %L::survival', input)) AS result
FROM unnest(ARRAY['v2;1:1,0,0,1,0', 'v2;1:1,0,0,1,0,-1,0,0', 'v2;1:0,1,0,1,0,1,0,0', 'v2;1:1,0,0,1,0,1,0,2',
				  'v2;1:1,0,0,1,0,1,0,0.5', 'v3;1:1,0,0,1,0', 'v2;1:1,0,0,1,0,1,0,0,7']) AS input;
SELECT n, pg_temp.recv(payload) AS result FROM unnest(ARRAY[
	'\x0200000001' || float8send(1) || float8send(1.5) || float8send(0) || float8send(0) || int8send(2) || int8send(0),
	'\x0200000001' || float8send(1) || float8send(1.5) || float8send(0) || float8send(0) || int8send(2) || int8send(0)
		|| float8send(1.25) || float8send(0) || float8send(1),
	'\x0200000001' || float8send(1) || float8send(1.5) || float8send(0) || float8send(0) || int8send(2) || int8send(0)
		|| float8send('NaN') || float8send(0) || float8send(1)
]) WITH ORDINALITY AS t(payload, n);
