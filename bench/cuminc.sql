-- bench/cuminc.sql: competing risks over 10 million spells.
--
-- Side by side in one run, best of three each:
--   floor       sum(weeks): the cost of reading the rows
--   cuminc      the mergeable state, cuminc(weeks, cause)
--   cuminc+tab  the state and every estimate and variance (cuminc_table)
--   recipe      the same estimates and variances in plain SQL: GROUP BY
--               time and cause, then window functions
-- and the same per kommune (98 groups).
\set QUIET on
SET client_min_messages = notice;

SELECT setseed(0.42);
CREATE UNLOGGED TABLE bench_spells AS
SELECT 101 + (i % 98) AS kommune,
	   least(floor(-ln(1 - random()) * 30), 104)::float8 AS weeks,
	   (ARRAY[0, 1, 1, 1, 2, 2, 3, 0, 4])[1 + floor(random() * 9)::int] AS cause
FROM generate_series(1, 10000000) AS i;
VACUUM ANALYZE bench_spells;

CREATE FUNCTION pg_temp.best_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0			timestamptz;
	best		float8 := 'Infinity';
BEGIN
	FOR i IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	RETURN best;
END $$;

-- the recipe: cmprsk's estimator written in SQL (as in sql/cuminc.sql)
CREATE FUNCTION pg_temp.recipe() RETURNS TABLE ("time" float8, cause int, estimate float8, variance float8)
LANGUAGE sql AS $$
WITH g AS (
	SELECT weeks AS time, cause, count(*)::float8 AS n FROM bench_spells GROUP BY 1, 2
), t AS (
	SELECT time, sum(n) AS nall, coalesce(sum(n) FILTER (WHERE cause > 0), 0) AS nd FROM g GROUP BY time
), risk AS (
	SELECT time, nd, sum(nall) OVER (ORDER BY time DESC) AS rs FROM t
), km AS (
	SELECT time, nd, rs,
		   exp(coalesce(sum(CASE WHEN nd < rs THEN ln(1 - nd / rs) END)
						OVER (ORDER BY time ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS fk
	FROM risk WHERE nd > 0
), kc AS (
	SELECT km.time, km.rs, km.nd, km.fk, km.fk * (km.rs - km.nd) / km.rs AS fkn, c.cause, coalesce(g.n, 0) AS dk
	FROM km CROSS JOIN (SELECT DISTINCT cause FROM g WHERE cause > 0) AS c
		 LEFT JOIN g ON g.time = km.time AND g.cause = c.cause
), f AS (
	SELECT *, sum(fk * dk / rs) OVER (PARTITION BY cause ORDER BY time) AS f,
		   CASE WHEN fkn > 0 THEN 1 / fkn ELSE 0 END AS t3,
		   CASE WHEN fkn > 0 THEN fk * fk * (CASE WHEN nd - dk > 1 THEN 1 - (nd - dk - 1) / (rs - 1) ELSE 1 END)
									 * (nd - dk) / (rs * rs) ELSE 0 END AS t6_other,
		   fk * fk * (CASE WHEN dk > 1 THEN 1 - (dk - 1) / (rs - 1) ELSE 1 END) * dk / (rs * rs) AS t6_own
	FROM kc
), v AS (
	SELECT time, cause, f,
		   sum((f * t3) ^ 2 * t6_other + (1 + t3 * f) ^ 2 * t6_own) OVER w AS v1,
		   sum(t3 * f * t3 * t6_other + t3 * (1 + t3 * f) * t6_own) OVER w AS v2,
		   sum(t3 * t3 * (t6_other + t6_own)) OVER w AS v3
	FROM f WINDOW w AS (PARTITION BY cause ORDER BY time)
)
SELECT time, cause::int, f, v1 + f * f * v3 - 2 * f * v2 FROM v
$$;

\echo
\echo plans (parallel aggregation is used by both the floor and cuminc):
EXPLAIN (COSTS OFF) SELECT sum(weeks) FROM bench_spells;
EXPLAIN (COSTS OFF) SELECT cuminc(weeks, cause) FROM bench_spells;

\echo
\echo same numbers: the recipe against cuminc_table (relative 1e-10):
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE o.time IS NULL OR r.time IS NULL
						   OR abs(o.estimate - r.estimate) > 1e-10 * greatest(abs(o.estimate), abs(r.estimate))
						   OR abs(o.variance - r.variance) > 1e-10 * greatest(abs(o.variance), abs(r.variance))) AS mismatches
FROM cuminc_table((SELECT cuminc(weeks, cause) FROM bench_spells)) AS o
	 FULL JOIN pg_temp.recipe() AS r USING (time, cause);

\echo
\echo timings, best of 3 (ms):
SELECT w.what, round(w.ms::numeric, 1) AS ms,
	   round((w.ms / first_value(w.ms) OVER (PARTITION BY w.scope ORDER BY w.ord))::numeric, 2) AS x_floor
FROM (VALUES
	(1, 'whole country', 'floor: sum(weeks)', pg_temp.best_ms('SELECT sum(weeks) FROM bench_spells')),
	(2, 'whole country', 'cuminc(weeks, cause)', pg_temp.best_ms('SELECT cuminc(weeks, cause) FROM bench_spells')),
	(3, 'whole country', 'cuminc + cuminc_table', pg_temp.best_ms('SELECT count(*) FROM cuminc_table((SELECT cuminc(weeks, cause) FROM bench_spells))')),
	(4, 'whole country', 'plain-SQL recipe', pg_temp.best_ms('SELECT count(*) FROM pg_temp.recipe()')),
	(5, 'per kommune', 'floor: sum(weeks) GROUP BY kommune', pg_temp.best_ms('SELECT kommune, sum(weeks) FROM bench_spells GROUP BY kommune')),
	(6, 'per kommune', 'cuminc GROUP BY kommune', pg_temp.best_ms('SELECT kommune, cuminc(weeks, cause) FROM bench_spells GROUP BY kommune')),
	(7, 'per kommune', 'cuminc GROUP BY kommune + cuminc_table', pg_temp.best_ms('SELECT count(*) FROM (SELECT kommune, cuminc(weeks, cause) AS c FROM bench_spells GROUP BY kommune) AS k, cuminc_table(k.c)'))
) AS w(ord, scope, what, ms)
ORDER BY w.ord;

\echo
\echo state size: the same for 1 million and 10 million rows (105 weeks x 5 causes):
SELECT rows, pg_column_size(c) AS bytes, octet_length(c::text) AS text_bytes
FROM (SELECT 1000000 AS rows, cuminc(weeks, cause) AS c FROM (SELECT * FROM bench_spells LIMIT 1000000) AS s
	  UNION ALL
	  SELECT 10000000, cuminc(weeks, cause) FROM bench_spells) AS x;
SELECT pg_size_pretty(sum(pg_column_size(c))) AS rollup_98_kommuner
FROM (SELECT cuminc(weeks, cause) AS c FROM bench_spells GROUP BY kommune) AS k;

DROP TABLE bench_spells;
