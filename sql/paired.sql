--
-- mcnemar and paired_t: tests for matched pairs, against R's mcnemar.test and
-- t.test(paired = TRUE) (reference values from `Rscript r/compare_reference.R paired`).
--
\i test/lib/errors.sql
\i test/lib/compare.sql

CREATE TEMP TABLE r_mcnemar (both_yes float8, treated_only float8, control_only float8, neither float8,
							 correct bool, statistic float8, p_value float8);
INSERT INTO r_mcnemar VALUES
	(30, 12, 5, 53, TRUE, 2.1176470588235294, 0.14561009539686795),
	(30, 12, 5, 53, FALSE, 2.8823529411764706, 0.089555074413643118),
	(10, 4, 4, 20, TRUE, 0, 1),
	(10, 4, 4, 20, FALSE, 0, 1),
	(0, 1, 0, 0, TRUE, 0, 1),
	(0, 1, 0, 0, FALSE, 1, 0.31731050786291415),
	(5, 0, 7, 3, TRUE, 5.1428571428571432, 0.023342202012890875),
	(5, 0, 7, 3, FALSE, 7, 0.0081509715935027018),
	(120, 250, 210, 1420, TRUE, 3.3065217391304347, 0.069005404658844277),
	(120, 250, 210, 1420, FALSE, 3.4782608695652173, 0.06218005628481553),
	(2, 9, 1, 0, TRUE, 4.9000000000000004, 0.026856695507524342),
	(2, 9, 1, 0, FALSE, 6.4000000000000004, 0.011412036386001658),
	(3, 1, 2, 4, TRUE, 0, 1),
	(3, 1, 2, 4, FALSE, 0.33333333333333331, 0.56370286165077299);

-- one row per pair, built from the cells of each table
CREATE TEMP TABLE mc_pairs AS
SELECT DISTINCT ON (r.both_yes, r.treated_only, r.control_only, r.neither, g.t, g.c, g.k)
	   format('%s/%s/%s/%s', r.both_yes, r.treated_only, r.control_only, r.neither) AS tab, g.t, g.c
FROM r_mcnemar r,
	 LATERAL (SELECT true AS t, true AS c, k FROM generate_series(1, r.both_yes::int) k
			  UNION ALL SELECT true, false, k FROM generate_series(1, r.treated_only::int) k
			  UNION ALL SELECT false, true, k FROM generate_series(1, r.control_only::int) k
			  UNION ALL SELECT false, false, k FROM generate_series(1, r.neither::int) k) g;

SELECT r.both_yes, r.treated_only, r.control_only, r.neither, r.correct,
	   pg_temp.near(m.statistic, r.statistic, 1e-10, 1e-15) AND pg_temp.near(m.p_value, r.p_value) AS agrees,
	   m.df, m.treated_only, m.control_only, m.pairs
FROM r_mcnemar r,
	 LATERAL (SELECT (CASE WHEN r.correct THEN mcnemar(t, c) ELSE mcnemar(t, c, false) END).*
			  FROM mc_pairs p
			  WHERE p.tab = format('%s/%s/%s/%s', r.both_yes, r.treated_only, r.control_only, r.neither)) m
ORDER BY 1, 2, 3, 4, 5;

-- mcnemar(t, c, true) is mcnemar(t, c); rows with a NULL are skipped; no rows: NULL;
-- no discordant pair: no test
SELECT (SELECT mcnemar(t, c) = mcnemar(t, c, true) FROM mc_pairs) AS default_corrects,
	   (SELECT mcnemar(t, c) FROM (VALUES (true, NULL::bool), (NULL, false), (true, false)) v(t, c)) AS skips_nulls,
	   (SELECT mcnemar(t, c) IS NULL FROM mc_pairs WHERE false) AS empty_is_null,
	   (SELECT mcnemar(t, c) FROM (VALUES (true, true), (false, false)) v(t, c)) AS concordant;
SELECT pg_temp.err($$SELECT mcnemar(t, c, t) FROM (VALUES (true, true), (false, false)) v(t, c)$$) AS correct_varies;

-- paired t
CREATE TEMP TABLE r_paired (set int, n int, shift float8, scale float8, conf_level float8,
							difference float8, conf_low float8, conf_high float8, statistic float8,
							df float8, p_value float8, std_err float8);
INSERT INTO r_paired VALUES
	(1, 12, 0.40000000000000002, 1, 0.94999999999999996, -0.30000000000000027, -2.0057366051009429, 1.4057366051009423, -0.38710287746238353, 11, 0.70606452703063804, 0.77498778093984222),
	(1, 12, 0.40000000000000002, 1, 0.90000000000000002, -0.30000000000000027, -1.6917887904709978, 1.0917887904709973, -0.38710287746238353, 11, 0.70606452703063804, 0.77498778093984222),
	(2, 5, -0.20000000000000001, 0.5, 0.94999999999999996, -0.45999999999999874, -2.1197244217986517, 1.1997244217986542, -0.76950410057044938, 4, 0.48451629414042041, 0.59778758769315354),
	(2, 5, -0.20000000000000001, 0.5, 0.90000000000000002, -0.45999999999999874, -1.7343915477296079, 0.81439154772961064, -0.76950410057044938, 4, 0.48451629414042041, 0.59778758769315354),
	(3, 200, 0.050000000000000003, 2, 0.94999999999999996, -0.015999999999999327, -0.79848542058244742, 0.76648542058244873, -0.040321907447861828, 199, 0.96787691295446454, 0.39680662480285933),
	(3, 200, 0.050000000000000003, 2, 0.90000000000000002, -0.015999999999999327, -0.67174149667530014, 0.63974149667530156, -0.040321907447861828, 199, 0.96787691295446454, 0.39680662480285933),
	(4, 2, 1, 1, 0.94999999999999996, 1.25, -18.444617341070785, 20.944617341070785, 0.80645161290322542, 1, 0.56795003962539359, 1.5500000000000007),
	(4, 2, 1, 1, 0.90000000000000002, 1.25, -8.5363148477463131, 11.036314847746311, 0.80645161290322542, 1, 0.56795003962539359, 1.5500000000000007);

CREATE TEMP TABLE pairs AS
SELECT s.set, i, x, x - s.shift - s.scale * (((i * 104729) % 97) - 48)::float8 / 10 AS y
FROM (SELECT DISTINCT set, n, shift, scale FROM r_paired) s, generate_series(1, s.n) i,
	 LATERAL (SELECT 10 + ((i * 7919) % 101)::float8 / 10 AS x) v;

SELECT r.set, r.conf_level,
	   pg_temp.near(p.difference, r.difference, 1e-10, 1e-14) AS difference,
	   pg_temp.near(p.conf_low, r.conf_low) AND pg_temp.near(p.conf_high, r.conf_high) AS interval,
	   pg_temp.near(p.statistic, r.statistic, 1e-10, 1e-14) AND p.df = r.df AND pg_temp.near(p.p_value, r.p_value) AS test,
	   pg_temp.near(p.std_err, r.std_err) AS std_err, p.n
FROM r_paired r,
	 LATERAL (SELECT (paired_t(x, y, r.conf_level)).* FROM pairs WHERE set = r.set) p
ORDER BY 1, 2;

-- paired_t(x, y) is the 95 % form; the test is the one-sample test of x - y
SELECT (SELECT paired_t(x, y) = paired_t(x, y, 0.95) FROM pairs WHERE set = 1) AS default_95,
	   (SELECT pg_temp.near((paired_t(x, y)).sd, stddev_samp(x - y)) FROM pairs WHERE set = 3) AS sd_oracle,
	   (SELECT pg_temp.near((paired_t(x, y)).difference, avg(x - y)) FROM pairs WHERE set = 3) AS mean_oracle;

-- merge law: any split of the pairs, merged, equals the whole
CREATE AGGREGATE pg_temp.paired_state(float8, float8) (SFUNC = paired_t_trans, STYPE = float8[], INITCOND = '{0,0,0,0,0}');
CREATE AGGREGATE pg_temp.mcnemar_state(bool, bool) (SFUNC = mcnemar_trans, STYPE = float8[], INITCOND = '{0,0,0,0,0}');
WITH whole AS (SELECT paired_t(x, y) AS w FROM pairs WHERE set = 3)
SELECT count(*) AS splits,
	   count(*) FILTER (WHERE NOT (pg_temp.near((m).difference, (w).difference, 1e-13, 1e-15)
								   AND pg_temp.near((m).sd, (w).sd, 1e-13) AND pg_temp.near((m).p_value, (w).p_value, 1e-12)
								   AND (m).n = (w).n)) AS differ
FROM whole, generate_series(0, 200, 25) k,
	 LATERAL (SELECT paired_t_final(paired_t_combine(
				(SELECT pg_temp.paired_state(x, y) FROM pairs WHERE set = 3 AND i <= k),
				(SELECT pg_temp.paired_state(x, y) FROM pairs WHERE set = 3 AND i > k))) AS m) c;
SELECT count(*) AS splits,
	   count(*) FILTER (WHERE mcnemar_final(mcnemar_combine(a, b)) IS DISTINCT FROM whole) AS differ
FROM (SELECT mcnemar(t, c) AS whole FROM mc_pairs WHERE tab = '120/250/210/1420') w,
	 generate_series(0, 2000, 250) k,
	 LATERAL (SELECT pg_temp.mcnemar_state(t, c) FILTER (WHERE n <= k) AS a,
					 pg_temp.mcnemar_state(t, c) FILTER (WHERE n > k) AS b
			  FROM (SELECT t, c, row_number() OVER () AS n FROM mc_pairs WHERE tab = '120/250/210/1420') p) s;

-- parallel plans give the serial results
CREATE TABLE paired_par AS
SELECT random() < 0.3 AS t, random() < 0.35 AS c, 100 * random() AS x, 100 * random() + 0.5 AS y
FROM (SELECT setseed(0.17)) s, generate_series(1, 200000) i;
ANALYZE paired_par;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT mcnemar(t, c) AS m, paired_t(x, y) AS p FROM paired_par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT mcnemar(t, c), paired_t(x, y) FROM paired_par;
SELECT s.m = q.m AS mcnemar_same,
	   pg_temp.near((s.p).statistic, (q.p).statistic, 1e-10) AND pg_temp.near((s.p).p_value, (q.p).p_value, 1e-10)
		   AND pg_temp.near((s.p).sd, (q.p).sd, 1e-10) AND (s.p).n = (q.p).n AS paired_same
FROM serial s, (SELECT mcnemar(t, c) AS m, paired_t(x, y) AS p FROM paired_par) q;
RESET ALL;
DROP TABLE paired_par;

-- NULLs, empty input, too few pairs, no spread
SELECT (SELECT paired_t(x, y) IS NULL FROM pairs WHERE false) AS empty_is_null,
	   (SELECT (paired_t(x, y)).n FROM (VALUES (1, NULL), (NULL, 2), (3, 1), (4, 1)) v(x, y)) AS skips_nulls,
	   (SELECT paired_t(x, y) FROM (VALUES (3.0, 1.0)) v(x, y)) AS one_pair,
	   (SELECT paired_t(x, y) FROM (VALUES (3.0, 1.0), (5, 3), (9, 7)) v(x, y)) AS constant;

-- bad input
SELECT pg_temp.err($$SELECT paired_t(x, y, 1) FROM (VALUES (1.0, 2.0)) v(x, y)$$) AS conf_one,
	   pg_temp.err($$SELECT paired_t(x, y, c) FROM (VALUES (1.0, 2.0, 0.95), (2, 2, 0.9)) v(x, y, c)$$) AS conf_varies,
	   pg_temp.err($$SELECT paired_t(x, y) FROM (VALUES ('infinity'::float8, 2.0)) v(x, y)$$) AS infinite,
	   pg_temp.err($$SELECT paired_t(x, y) FROM (VALUES ('NaN'::float8, 2.0)) v(x, y)$$) AS nan,
	   pg_temp.err($$SELECT paired_t_final('{1,2}')$$) AS short_state,
	   pg_temp.err($$SELECT mcnemar_final('{1,NULL,1,1,0}')$$) AS null_element;
