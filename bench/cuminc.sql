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

-- the plain-SQL recipe, shared with the test suite
CREATE TEMP VIEW cuminc_recipe_input AS SELECT weeks AS time, cause FROM bench_spells;
\ir ../test/data/cuminc_recipe.sql

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
	 FULL JOIN pg_temp.cuminc_recipe() AS r USING (time, cause);

\echo
\echo timings, best of 3 (ms):
SELECT w.what, round(w.ms::numeric, 1) AS ms,
	   round((w.ms / first_value(w.ms) OVER (PARTITION BY w.scope ORDER BY w.ord))::numeric, 2) AS x_floor
FROM (VALUES
	(1, 'whole country', 'floor: sum(weeks)', pg_temp.best_ms('SELECT sum(weeks) FROM bench_spells')),
	(2, 'whole country', 'cuminc(weeks, cause)', pg_temp.best_ms('SELECT cuminc(weeks, cause) FROM bench_spells')),
	(3, 'whole country', 'cuminc + cuminc_table', pg_temp.best_ms('SELECT count(*) FROM cuminc_table((SELECT cuminc(weeks, cause) FROM bench_spells))')),
	(4, 'whole country', 'plain-SQL recipe', pg_temp.best_ms('SELECT count(*) FROM pg_temp.cuminc_recipe()')),
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
