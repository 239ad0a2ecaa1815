-- bench/regression.sql: the logistic and cox aggregates and coef_table on
-- rows with six categorical covariates as 0/1 dummies (køn 2, age band 10,
-- herkomst 3, civilstand 4, uddannelse 5, anciennitet band 7 levels: 25
-- dummies, 8,400 patterns; for cox a duration in whole weeks 1..52), side by
-- side with the scan floor: count(*) over the same rows, and the sum of the
-- arrays' lengths (which reads every array).  Each query runs three times,
-- interleaved, with 2 workers per Gather and serially; the best and the
-- median times are shown, with their ratios to the floors of the same
-- mode, and the load average (1 minute) seen during the runs.  Then, when Rscript is installed, bench/regression_r.sh
-- fits the same models with R's glm and coxph on the same rows (written to a
-- CSV file, read before the clock starts) and prints jobreg's and R's times
-- side by side; else it prints "R not measured".
-- Rows: -v rows=N (default 10 million; BENCH_ARGS="-v rows=2000000" for less).
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 10000000
\endif
SET client_min_messages = warning;
SELECT setseed(0.17);
CREATE TABLE bench_reg AS
SELECT koen, age, her, civ, udd, anc, y, weeks, weeks < 52 AND ev AS ev, ARRAY[koen = 1,
				age = 1, age = 2, age = 3, age = 4, age = 5, age = 6, age = 7, age = 8, age = 9,
				her = 1, her = 2, civ = 1, civ = 2, civ = 3,
				udd = 1, udd = 2, udd = 3, udd = 4,
				anc = 1, anc = 2, anc = 3, anc = 4, anc = 5, anc = 6]::int[]::float8[] AS x
FROM (SELECT floor(random() * 2)::int AS koen, floor(random() * 10)::int AS age, floor(random() * 3)::int AS her,
			 floor(random() * 4)::int AS civ, floor(random() * 5)::int AS udd, floor(random() * 7)::int AS anc,
			 random() AS u, random() AS v, random() < 0.8 AS ev
	  FROM generate_series(1, :rows)) AS g,
	 LATERAL (SELECT u < 1 / (1 + exp(-(-1 + 0.4 * koen + 0.05 * age - 0.3 * her + 0.1 * udd - 0.08 * anc))) AS y,
					 least(52, 1 + floor(-ln(1 - v) * 20 * exp(-0.3 * koen + 0.05 * anc)))::float8 AS weeks) AS o;
VACUUM ANALYZE bench_reg;
SELECT count(*) AS rows, pg_size_pretty(pg_table_size('bench_reg')) AS table_size FROM bench_reg;

CREATE TEMP TABLE bench_queries (name text, query text, serial bool);
INSERT INTO bench_queries VALUES
('floor: count(*)',
 $$SELECT count(*) FROM bench_reg$$, true),
('floor: sum(cardinality(x))',
 $$SELECT sum(cardinality(x)) FROM bench_reg$$, true),
('jobreg: logistic(y, x)',
 $$SELECT pg_column_size(logistic(y, x)) FROM bench_reg$$, true),
('jobreg: logistic + coef_table',
 $$SELECT count(*) FROM coef_table((SELECT logistic(y, x) FROM bench_reg))$$, false),
('jobreg: cox(weeks, ev, x)',
 $$SELECT pg_column_size(cox(weeks, ev, x)) FROM bench_reg$$, true),
('jobreg: cox + coef_table',
 $$SELECT count(*) FROM coef_table((SELECT cox(weeks, ev, x) FROM bench_reg))$$, false);

-- (the load average is read from /proc/loadavg: the benchmark runs as superuser)
CREATE TEMP TABLE bench_times (name text, mode text, run int, ms float8, load float8);
DO $$
DECLARE
	q record;
	t0 timestamptz;
	dummy bigint;
BEGIN
	FOR run IN 1..3 LOOP
		FOR q IN SELECT * FROM bench_queries LOOP
			FOR serial IN 0..CASE WHEN q.serial THEN 1 ELSE 0 END LOOP
				PERFORM set_config('max_parallel_workers_per_gather', CASE WHEN serial = 1 THEN '0' ELSE '2' END, true);
				t0 := clock_timestamp();
				EXECUTE q.query INTO dummy;
				INSERT INTO bench_times VALUES (q.name, CASE WHEN serial = 1 THEN 'serial' ELSE '2 workers' END, run,
												extract(epoch FROM clock_timestamp() - t0) * 1000,
												split_part(pg_read_file('/proc/loadavg'), ' ', 1)::float8);
			END LOOP;
		END LOOP;
	END LOOP;
	PERFORM set_config('max_parallel_workers_per_gather', '2', true);
END $$;

WITH t AS (
	SELECT name, mode, min(ms) AS best, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median,
		   min(load) AS load_min, max(load) AS load_max
	FROM bench_times GROUP BY name, mode)
SELECT mode, name, round(best::numeric) AS best_ms, round(median::numeric) AS median_ms,
	   round((best / (SELECT best FROM t f WHERE f.name = 'floor: count(*)' AND f.mode = t.mode))::numeric, 2) AS x_count,
	   round((best / (SELECT best FROM t f WHERE f.name = 'floor: sum(cardinality(x))' AND f.mode = t.mode))::numeric, 2) AS x_read_arrays,
	   load_min || '–' || load_max AS load_average
FROM t ORDER BY mode, best;

-- the state's size (independent of the row count) and the fit
SELECT pg_column_size(r) AS state_bytes, (SELECT count(*) FROM regression_fit(r)) AS fits,
	   (regression_fit(r)).iterations, (regression_fit(r)).converged,
	   length(r::text) - length(replace(r::text, ';', '')) - 2 AS patterns
FROM (SELECT logistic(y, x) AS r FROM bench_reg) AS s;
SELECT pg_column_size(c) AS cox_state_bytes,
	   (SELECT n FROM regression_fit(c)) AS rows, (regression_fit(c)).iterations, (regression_fit(c)).converged
FROM (SELECT cox(weeks, ev, x) AS c FROM bench_reg) AS s;
SELECT count(*) AS cox_entries FROM (SELECT DISTINCT weeks, x FROM bench_reg) AS d;
EXPLAIN (COSTS OFF) SELECT logistic(y, x) FROM bench_reg;
EXPLAIN (COSTS OFF) SELECT cox(weeks, ev, x) FROM bench_reg;

-- R on the same rows: the categorical columns as a CSV file, read by R
-- before its clock starts; jobreg's best times of the fits beside R's
SELECT round(min(ms) FILTER (WHERE name = 'jobreg: logistic + coef_table')) AS logistic_ms,
	   round(min(ms) FILTER (WHERE name = 'jobreg: cox + coef_table')) AS cox_ms,
	   round(min(ms) FILTER (WHERE name = 'floor: sum(cardinality(x))' AND mode = '2 workers')) AS floor_ms
FROM bench_times \gset
\copy bench_reg (koen, age, her, civ, udd, anc, y, weeks, ev) TO '/tmp/jobreg_bench_regression.csv' WITH (FORMAT csv, HEADER)
-- jobreg's estimates and standard errors, for R to compare with its own
\copy (SELECT 'logistic' AS model, term, estimate, std_err FROM coef_table((SELECT logistic(y, x) FROM bench_reg)) UNION ALL SELECT 'cox', term, estimate, std_err FROM coef_table((SELECT cox(weeks, ev, x) FROM bench_reg))) TO '/tmp/jobreg_bench_regression_coef.csv' WITH (FORMAT csv, HEADER)
-- (psql does not put variables into \! commands: the times go by the environment)
\setenv JOBREG_LOGISTIC_MS :logistic_ms
\setenv JOBREG_COX_MS :cox_ms
\setenv JOBREG_FLOOR_MS :floor_ms
\! bash bench/regression_r.sh /tmp/jobreg_bench_regression.csv
\! rm -f /tmp/jobreg_bench_regression.csv /tmp/jobreg_bench_regression_coef.csv
DROP TABLE bench_reg;
