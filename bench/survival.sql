-- bench/survival.sql: the survival aggregate and surv_table on 10 million
-- spells (whole weeks 1..520, 70 % ended), side by side with the plain-SQL
-- Kaplan-Meier recipe (GROUP BY time and window functions) and with the
-- floor, sum(weeks) over the same rows.  Each query runs seven times, interleaved;
-- the best and the median times are shown, ratios of the best and of the
-- medians.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT setseed(0.42);
CREATE TABLE bench_spells AS
SELECT (1 + floor(random() * 520))::float8 AS weeks, random() < 0.7 AS ended
FROM generate_series(1, 10000000);
VACUUM ANALYZE bench_spells;

CREATE TEMP TABLE bench_queries (name text, query text);
INSERT INTO bench_queries VALUES
('floor: sum(weeks)',
 $$SELECT sum(weeks) FROM bench_spells$$),
('jobreg: survival(weeks, ended)',
 $$SELECT pg_column_size(survival(weeks, ended)) FROM bench_spells$$),
('jobreg: survival + surv_table',
 $$SELECT count(*) FROM surv_table((SELECT survival(weeks, ended) FROM bench_spells))$$),
('plain SQL: GROUP BY + windows',
 $$WITH per_time AS (
	   SELECT weeks AS time, count(*) FILTER (WHERE ended) AS d, count(*) AS n_out
	   FROM bench_spells GROUP BY weeks),
   risk AS (
	   SELECT time, d, sum(n_out) OVER (ORDER BY time DESC) AS n FROM per_time)
   SELECT count(*) FROM (
	   SELECT time, n, d, exp(sum(ln(CASE WHEN n > d THEN (n - d)::float8 / n END)) OVER (ORDER BY time)) AS surv
	   FROM risk WHERE d > 0) km$$);

CREATE TEMP TABLE bench_times (name text, run int, ms float8);
DO $$
DECLARE
	q record;
	t0 timestamptz;
	dummy bigint;
BEGIN
	FOR run IN 1..7 LOOP
		FOR q IN SELECT * FROM bench_queries LOOP
			t0 := clock_timestamp();
			EXECUTE q.query INTO dummy;
			INSERT INTO bench_times VALUES (q.name, run, extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
END $$;

WITH t AS (
	SELECT name, min(ms) AS best, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median
	FROM bench_times GROUP BY name)
SELECT name, round(best::numeric) AS best_ms, round(median::numeric) AS median_ms,
	   round((best / (SELECT best FROM t WHERE name LIKE 'floor%'))::numeric, 2) AS x_floor,
	   round((median / (SELECT median FROM t WHERE name LIKE 'floor%'))::numeric, 2) AS x_floor_median,
	   round((best / (SELECT best FROM t WHERE name LIKE 'plain SQL%'))::numeric, 2) AS x_plain_sql,
	   round((median / (SELECT median FROM t WHERE name LIKE 'plain SQL%'))::numeric, 2) AS x_plain_sql_median
FROM t ORDER BY best;

-- the same curve either way, and the state's size (independent of the row count)
SELECT pg_column_size(s) AS state_bytes, surv_at(s, 52) AS "S(52)",
	   (SELECT count(*) FROM surv_table(s)) AS table_rows
FROM (SELECT survival(weeks, ended) AS s FROM bench_spells) x;
EXPLAIN (COSTS OFF) SELECT count(*) FROM surv_table((SELECT survival(weeks, ended) FROM bench_spells));
DROP TABLE bench_spells;
