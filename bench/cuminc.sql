-- bench/cuminc.sql: competing risks over 10 million spells.
--
-- Side by side in one run, best of five rounds:
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
\echo timings in ms, best of 5 rounds (each round runs every query once, so that
\echo a busy machine slows all of them alike):
CREATE TEMP TABLE bench_q (ord int, scope text, what text, q text, ms float8 DEFAULT 'Infinity');
INSERT INTO bench_q (ord, scope, what, q) VALUES
	(1, 'whole country', 'floor: sum(weeks)', 'SELECT sum(weeks) FROM bench_spells'),
	(2, 'whole country', 'cuminc(weeks, cause)', 'SELECT cuminc(weeks, cause) FROM bench_spells'),
	(3, 'whole country', 'cuminc + cuminc_table', 'SELECT count(*) FROM cuminc_table((SELECT cuminc(weeks, cause) FROM bench_spells))'),
	(4, 'whole country', 'plain-SQL recipe', 'SELECT count(*) FROM pg_temp.cuminc_recipe()'),
	(5, 'per kommune', 'floor: sum(weeks) GROUP BY kommune', 'SELECT kommune, sum(weeks) FROM bench_spells GROUP BY kommune'),
	(6, 'per kommune', 'cuminc GROUP BY kommune', 'SELECT kommune, cuminc(weeks, cause) FROM bench_spells GROUP BY kommune'),
	(7, 'per kommune', 'cuminc GROUP BY kommune + cuminc_table', 'SELECT count(*) FROM (SELECT kommune, cuminc(weeks, cause) AS c FROM bench_spells GROUP BY kommune) AS k, cuminc_table(k.c)');
DO $$
DECLARE
	r			record;
	t0			timestamptz;
BEGIN
	FOR round IN 1..5 LOOP
		FOR r IN SELECT ord, q FROM bench_q ORDER BY ord LOOP
			t0 := clock_timestamp();
			EXECUTE r.q;
			UPDATE bench_q SET ms = least(ms, extract(epoch FROM clock_timestamp() - t0) * 1000) WHERE ord = r.ord;
		END LOOP;
	END LOOP;
END $$;
SELECT what, round(ms::numeric, 1) AS ms,
	   round((ms / first_value(ms) OVER (PARTITION BY scope ORDER BY ord))::numeric, 2) AS x_floor
FROM bench_q ORDER BY ord;
SELECT round(((SELECT ms FROM bench_q WHERE ord = 4) / (SELECT ms FROM bench_q WHERE ord = 3))::numeric, 1)
	   AS recipe_over_cuminc_with_table;

\echo
\echo state size: the same for 1 million and 10 million rows (105 weeks x 5 causes):
SELECT rows, pg_column_size(c) AS bytes, octet_length(c::text) AS text_bytes
FROM (SELECT 1000000 AS rows, cuminc(weeks, cause) AS c FROM (SELECT * FROM bench_spells LIMIT 1000000) AS s
	  UNION ALL
	  SELECT 10000000, cuminc(weeks, cause) FROM bench_spells) AS x;
SELECT pg_size_pretty(sum(pg_column_size(c))) AS rollup_98_kommuner
FROM (SELECT cuminc(weeks, cause) AS c FROM bench_spells GROUP BY kommune) AS k;

DROP TABLE bench_spells CASCADE;
