--
-- Group comparisons: prop_test and welch_test against R (reference values
-- from r/grouptest_reference.R in test/data/) and against plain-SQL oracles.
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- the example of seeds/001 (M3): 12.3 % against 10.3 % with 2,052 per group, p ≈ 0.04
SELECT round(estimate1::numeric, 3) AS treated, round(estimate2::numeric, 3) AS control,
	   round(statistic::numeric, 3) AS chisq, df, round(p_value::numeric, 4) AS p_value,
	   round(conf_low::numeric, 4) AS conf_low, round(conf_high::numeric, 4) AS conf_high
FROM prop_test(0.123 * 2052, 2052, 0.103 * 2052, 2052);

-- prop_test from counts against R
CREATE TEMP TABLE r_prop (x1 float8, n1 float8, x2 float8, n2 float8, conf_level float8,
						  estimate1 float8, estimate2 float8, conf_low float8, conf_high float8,
						  statistic float8, p_value float8);
\copy r_prop FROM 'test/data/grouptest_prop.csv' WITH (FORMAT csv, HEADER true)
SELECT r.x1, r.n1, r.x2, r.n2, r.conf_level,
	   (pg_temp.near(t.estimate1, r.estimate1, 1e-10) AND pg_temp.near(t.estimate2, r.estimate2, 1e-10) AND
				pg_temp.near(t.conf_low, r.conf_low, 1e-10) AND pg_temp.near(t.conf_high, r.conf_high, 1e-10) AND
				pg_temp.near(t.statistic, r.statistic, 1e-10) AND pg_temp.near(t.p_value, r.p_value, 1e-10)) AS agrees,
	   (t.statistic IS NULL) = (r.statistic IS NULL) AND (t.p_value IS NULL) = (r.p_value IS NULL) AS same_nulls,
	   t.df
FROM r_prop r, LATERAL prop_test(r.x1, r.n1, r.x2, r.n2, r.conf_level) t;

SELECT pg_temp.err('SELECT prop_test(1, 0, 1, 10)') AS n_zero,
	   pg_temp.err('SELECT prop_test(11, 10, 1, 10)') AS x_above_n,
	   pg_temp.err('SELECT prop_test(1, 10, -1, 10)') AS x_negative,
	   pg_temp.err($$SELECT prop_test(1, 10, 1, 'infinity')$$) AS n_infinite,
	   pg_temp.err('SELECT prop_test(1, 10, 1, 10, 1)') AS conf_one,
	   pg_temp.err('SELECT prop_test(1, 10, 1, 10, 0)') AS conf_zero,
	   prop_test(NULL, 10, 1, 10) IS NULL AS strict;

-- welch_test against R: the data sets of r/grouptest_reference.R, built by the same formula
CREATE TEMP TABLE r_welch (set int, n1 int, n2 int, "offset" float8, scale1 float8, scale2 float8,
						   shift float8, conf_level float8, mean1 float8, mean2 float8, sd1 float8,
						   sd2 float8, statistic float8, df float8, p_value float8, conf_low float8,
						   conf_high float8, std_err float8);
\copy r_welch FROM 'test/data/grouptest_welch.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE welch_data AS
SELECT s.set, true AS grp, s."offset" + (s.scale1 * ((((i * 7919) % 1009) - 504)::float8 / 100)) AS x
FROM (SELECT DISTINCT set, n1, "offset", scale1 FROM r_welch) s, generate_series(1::bigint, s.n1) i
UNION ALL
SELECT s.set, false, s."offset" + s.shift + (s.scale2 * ((((i * 104729) % 1013) - 506)::float8 / 100))
FROM (SELECT DISTINCT set, n2, "offset", shift, scale2 FROM r_welch) s, generate_series(1::bigint, s.n2) i;

-- the aggregate (its confidence level is 0.95)
SELECT r.set, t.n1, t.n2,
	   (pg_temp.near(t.mean1, r.mean1, 1e-10) AND pg_temp.near(t.mean2, r.mean2, 1e-10) AND
				pg_temp.near(t.sd1, r.sd1, 1e-10) AND pg_temp.near(t.sd2, r.sd2, 1e-10) AND
				pg_temp.near(t.statistic, r.statistic, 1e-10) AND pg_temp.near(t.df, r.df, 1e-10) AND
				pg_temp.near(t.p_value, r.p_value, 1e-10) AND pg_temp.near(t.conf_low, r.conf_low, 1e-10) AND
				pg_temp.near(t.conf_high, r.conf_high, 1e-10) AND pg_temp.near(t.std_err, r.std_err, 1e-10)) AS agrees,
	   t.p_value < 1e-100 AS far_tail
FROM r_welch r,
	 LATERAL (SELECT (welch_test(x, grp)).* FROM welch_data d WHERE d.set = r.set) t
WHERE r.conf_level = 0.95
ORDER BY r.set;

-- the function of summary numbers, at both confidence levels
SELECT r.set, r.conf_level,
	   (pg_temp.near(t.statistic, r.statistic, 1e-10) AND pg_temp.near(t.df, r.df, 1e-10) AND
				pg_temp.near(t.p_value, r.p_value, 1e-10) AND pg_temp.near(t.conf_low, r.conf_low, 1e-10) AND
				pg_temp.near(t.conf_high, r.conf_high, 1e-10) AND pg_temp.near(t.std_err, r.std_err, 1e-10)) AS agrees
FROM r_welch r, LATERAL welch_test(r.mean1, r.sd1, r.n1, r.mean2, r.sd2, r.n2, r.conf_level) t
ORDER BY r.set, r.conf_level;

-- undefined tests: one observation, no spread, an empty group
SELECT (welch_test(x, g)).* FROM (VALUES (1.0, true), (2.0, false), (4.0, false)) v(x, g);
SELECT (welch_test(x, g)).* FROM (VALUES (5.0, true), (5.0, true), (5.0, false), (5.0, false)) v(x, g);
SELECT welch_test(x, g) IS NULL AS one_group FROM (VALUES (1.0, true), (2.0, true)) v(x, g);
SELECT pg_temp.err('SELECT welch_test(1, 1, 1, 2, 1, 5)') AS n_one,
	   pg_temp.err('SELECT welch_test(1, -1, 3, 2, 1, 5)') AS sd_negative,
	   pg_temp.err($$SELECT welch_test('NaN', 1, 3, 2, 1, 5)$$) AS mean_nan,
	   pg_temp.err('SELECT welch_test(1, 1, 3, 2, 1, 5, 1.5)') AS conf_level,
	   pg_temp.err($$SELECT welch_test(x, true) FROM (VALUES (1.0), ('infinity')) v(x)$$) AS x_infinite;

-- prop_test aggregate against a plain-SQL count and the function of counts
CREATE TEMP TABLE prop_data AS
SELECT (i % 3 = 0) AS grp,
	   CASE WHEN random() < 0.5 THEN NULL ELSE random() < (CASE WHEN i % 3 = 0 THEN 0.12 ELSE 0.10 END) END AS success
FROM (SELECT setseed(0.42)) s, generate_series(1, 20000) i;
SELECT a = b AS same_as_counts, (a).n1 + (a).n2 = (SELECT count(success) FROM prop_data) AS nulls_skipped
FROM (SELECT prop_test(success, grp) AS a FROM prop_data) x,
	 LATERAL (SELECT prop_test(count(*) FILTER (WHERE success AND grp), count(success) FILTER (WHERE grp),
							   count(*) FILTER (WHERE success AND NOT grp), count(success) FILTER (WHERE NOT grp)) AS b
			  FROM prop_data) y;
SELECT prop_test(success, grp) IS NULL AS empty FROM prop_data WHERE false;
SELECT prop_test(success, grp) IS NULL AS one_group FROM prop_data WHERE grp;
SELECT x1, n1, x2, n2 FROM (SELECT (prop_test(s, g)).* FROM (VALUES (true, true), (false, true), (NULL, false),
	(true, NULL), (false, false)) v(s, g)) t;

-- welch_test aggregate against a plain-SQL two-pass computation, on random data with NULLs
CREATE TEMP TABLE welch_random AS
SELECT grp, CASE WHEN random() < 0.1 THEN NULL ELSE 1000 + 50 * random() + (CASE WHEN grp THEN 2 ELSE 0 END) END AS x
FROM (SELECT random() < 0.4 AS grp FROM (SELECT setseed(0.7)) s, generate_series(1, 50000) i) g;
WITH m AS (SELECT grp, count(x) AS n, avg(x::numeric)::float8 AS mean, var_samp(x::numeric)::float8 AS v
		   FROM welch_random GROUP BY grp),
	 o AS (SELECT a.mean AS m1, b.mean AS m2, a.n AS n1, b.n AS n2,
				  sqrt(a.v / a.n + b.v / b.n) AS se,
				  (a.v / a.n + b.v / b.n) ^ 2 / ((a.v / a.n) ^ 2 / (a.n - 1) + (b.v / b.n) ^ 2 / (b.n - 1)) AS df
		   FROM m a, m b WHERE a.grp AND NOT b.grp),
	 t AS (SELECT (welch_test(x, grp)).* FROM welch_random)
SELECT t.n1 = o.n1 AND t.n2 = o.n2 AS same_n,
	   pg_temp.near(t.mean1, o.m1, 1e-12) AND pg_temp.near(t.mean2, o.m2, 1e-12) AS same_means,
	   pg_temp.near(t.std_err, o.se, 1e-10) AS same_se, pg_temp.near(t.df, o.df, 1e-10) AS same_df,
	   pg_temp.near(t.statistic, (o.m1 - o.m2) / o.se, 1e-10) AS same_t,
	   pg_temp.near(t.p_value, 2 * pt(-abs((o.m1 - o.m2) / o.se), o.df), 1e-10) AS same_p
FROM t, o;

-- parallel plans give the serial results
CREATE TABLE grouptest_par AS
SELECT i % 4 = 0 AS grp, random() < 0.3 AS success, 100 * random() + i % 4 AS x
FROM (SELECT setseed(0.11)) s, generate_series(1, 200000) i;
ANALYZE grouptest_par;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT prop_test(success, grp) AS p, welch_test(x, grp) AS w FROM grouptest_par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT prop_test(success, grp), welch_test(x, grp) FROM grouptest_par;
SELECT s.p = q.p AS prop_same,
	   pg_temp.near((s.w).statistic, (q.w).statistic, 1e-10) AND pg_temp.near((s.w).p_value, (q.w).p_value, 1e-10)
		   AND pg_temp.near((s.w).df, (q.w).df, 1e-10) AND pg_temp.near((s.w).sd1, (q.w).sd1, 1e-10) AS welch_same
FROM serial s, (SELECT prop_test(success, grp) AS p, welch_test(x, grp) AS w FROM grouptest_par) q;
RESET ALL;
DROP TABLE grouptest_par;

-- the transition functions refuse malformed states
SELECT pg_temp.err($$SELECT welch_test_trans('{0,0}', 1, true)$$) AS short_state,
	   pg_temp.err($$SELECT jobreg_array_sum('{1,2}', '{1,2,3}')$$) AS mismatched,
	   pg_temp.err($$SELECT prop_test_final('{1,NULL,1,1}')$$) AS null_element;
