--
-- klynge benchmarks: klynge_benchmark, required_change, reduce_distance
--
\i test/lib/errors.sql
\i test/lib/compare.sql
-- two benchmark results agree: integers exactly, rates up to rounding error
-- (relative, or absolute for values near 0)
CREATE FUNCTION pg_temp.same(a klynge_benchmark_result, b klynge_benchmark_result) RETURNS bool
LANGUAGE sql IMMUTABLE AS $$
	SELECT (a.focus, a.kommuner, a.rank, a.best_kommune) IS NOT DISTINCT FROM (b.focus, b.kommuner, b.rank, b.best_kommune)
		   AND pg_temp.near(a.own_rate, b.own_rate, 1e-9, 1e-9) AND pg_temp.near(a.cluster_rate, b.cluster_rate, 1e-9, 1e-9)
		   AND pg_temp.near(a.gap_pp, b.gap_pp, 1e-9, 1e-9) AND pg_temp.near(a.required_change, b.required_change, 1e-9, 1e-9)
		   AND pg_temp.near(a.best_rate, b.best_rate, 1e-9, 1e-9) AND pg_temp.near(a.distance_pp, b.distance_pp, 1e-9, 1e-9)
$$;

-- Tabel 3 of the 2015 analysis (seeds/000): København's count (Tabel 1), its rate and the
-- klynge's as printed (one decimal), and the printed required change.  At the printed
-- rates the change is not the printed one, but every printed change lies between the
-- extremes the rounding of the two printed rates allows.
SELECT maalgruppe, antal, own_pct, klynge_pct, printed,
	   round(required_change(antal, own_pct / 100, klynge_pct / 100)) AS at_printed_rates,
	   round(required_change(antal, (own_pct + 0.05) / 100, (klynge_pct - 0.05) / 100)) AS lowest,
	   round(required_change(antal, (own_pct - 0.05) / 100, (klynge_pct + 0.05) / 100)) AS highest,
	   printed BETWEEN required_change(antal, (own_pct + 0.05) / 100, (klynge_pct - 0.05) / 100)
			   AND required_change(antal, (own_pct - 0.05) / 100, (klynge_pct + 0.05) / 100) AS within_rounding
FROM (VALUES ('aktivitetsparate kontanthjælpsmodtagere', 14800, 5.5, 3.4, -5750),
			 ('fleksjobvisiterede i alt', 2870, 1.1, 1.6, 1500),
			 ('ledige fleksjobvisiterede', 910, 0.3, 0.4, 270),
			 ('ressourceforløb', 610, 0.2, 0.4, 420),
			 ('revalidering', 430, 0.2, 0.3, 280)) AS t (maalgruppe, antal, own_pct, klynge_pct, printed);
-- the extremes are at the corners: a grid over the rounding box of 5,5 and 3,4 pct.
SELECT round(min(required_change(14800, o, c))) AS grid_lowest, round(max(required_change(14800, o, c))) AS grid_highest
FROM generate_series(0.0545, 0.0555, 0.00005) AS o, generate_series(0.0335, 0.0345, 0.00005) AS c;

-- the aggregate on Tabel 3-like data gives the same number as required_change:
-- København 14,800 of 269,091 (5.5 %), the five others pooled at 3.4 %
SELECT focus, kommuner, round(own_rate::numeric, 4) AS own_rate, round(cluster_rate::numeric, 4) AS cluster_rate,
	   round(gap_pp::numeric, 2) AS gap_pp, round(required_change) AS required_change,
	   pg_temp.near(required_change, required_change(14800, own_rate, cluster_rate), 1e-9, 1e-9) AS same_as_scalar,
	   rank, best_kommune, round(best_rate::numeric, 4) AS best_rate, round(distance_pp::numeric, 2) AS distance_pp
FROM (SELECT (klynge_benchmark(kode, antal, befolkning, 101, 'lower')).*
	  FROM (VALUES (101, 14800, 269091), (165, 700, 17000), (153, 600, 18000), (169, 800, 25000),
				   (183, 500, 11000), (360, 834, 30000)) AS t (kode, antal, befolkning)) AS b;

-- Vision 2020: reduce the distance to the best kommune by 25 %
SELECT reduce_distance(0.076, 0.05) AS lower_is_better, reduce_distance(0.31, 0.48) AS higher_is_better,
	   reduce_distance(0.076, 0.05, 0) AS share_0, reduce_distance(0.076, 0.05, 1) AS share_1,
	   reduce_distance(0.05, 0.05) AS already_best, reduce_distance(NULL, 0.05) AS null_rate,
	   required_change(NULL, 0.05, 0.03) AS null_count, required_change(0, 0.05, 0.03) AS zero_count;
SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('share > 1', 'SELECT reduce_distance(0.076, 0.05, 1.5)'),
	('share < 0', 'SELECT reduce_distance(0.076, 0.05, -0.25)'),
	('share NaN', $$SELECT reduce_distance(0.076, 0.05, 'NaN')$$),
	('rate < 0', 'SELECT reduce_distance(-0.076, 0.05)'),
	('rate infinite', $$SELECT reduce_distance(0.076, 'Infinity')$$),
	('own rate 0', 'SELECT required_change(14800, 0, 0.034)'),
	('own rate < 0', 'SELECT required_change(14800, -0.055, 0.034)'),
	('count < 0', 'SELECT required_change(-14800, 0.055, 0.034)'),
	('count NaN', $$SELECT required_change('NaN', 0.055, 0.034)$$),
	('cluster rate infinite', $$SELECT required_change(14800, 0.055, '-Infinity')$$)
) AS t (what, q);

-- random data: 20 groups, 8 kommuner, several rows per kommune, some NULLs;
-- each group has its own focus kommune and direction
SELECT setseed(0.42);
CREATE TABLE bm_rows AS
SELECT i % 20 AS g,
	   CASE WHEN random() < 0.01 THEN NULL ELSE (ARRAY[101, 165, 153, 169, 183, 360, 155, 190])[1 + floor(random() * 8)::int] END AS kode,
	   CASE WHEN random() < 0.01 THEN NULL ELSE round((random() * (10 + i % 7))::numeric, 2)::float8 END AS num,
	   CASE WHEN random() < 0.01 THEN NULL ELSE 100 + random() * 400 END AS den
FROM generate_series(1, 100000) AS i;
CREATE TABLE bm_params AS
SELECT g, (ARRAY[101, 165, 153, 169, 183, 360, 155, 190, 999])[1 + g % 9] AS focus,
	   CASE WHEN g % 2 = 0 THEN 'lower' ELSE 'higher' END AS direction
FROM generate_series(0, 19) AS g;
ANALYZE bm_rows, bm_params;

-- the plain-SQL oracle
CREATE VIEW bm_oracle AS
WITH per AS (
	SELECT g, kode, sum(num) AS num, sum(den) AS den, sum(num) / sum(den) AS rate
	FROM bm_rows WHERE kode IS NOT NULL AND num IS NOT NULL AND den IS NOT NULL
	GROUP BY g, kode
), own AS (
	SELECT p.g, p.focus, p.direction, x.rate AS own_rate, x.den AS own_den,
		   sum(y.num) FILTER (WHERE y.kode <> p.focus) / sum(y.den) FILTER (WHERE y.kode <> p.focus) AS cluster_rate,
		   count(*)::int AS kommuner,
		   (array_agg(y.kode ORDER BY CASE p.direction WHEN 'lower' THEN y.rate ELSE -y.rate END, y.kode))[1] AS best_kommune
	FROM bm_params p JOIN per y ON y.g = p.g LEFT JOIN per x ON x.g = p.g AND x.kode = p.focus
	GROUP BY p.g, p.focus, p.direction, x.rate, x.den
)
SELECT o.g, ROW(o.focus, o.kommuner, o.own_rate, o.cluster_rate,
	   100 * (o.own_rate - o.cluster_rate),
	   (o.cluster_rate - o.own_rate) * o.own_den,
	   CASE WHEN o.own_rate IS NOT NULL THEN 1 + (SELECT count(*) FROM per y WHERE y.g = o.g AND
			CASE o.direction WHEN 'lower' THEN y.rate < o.own_rate ELSE y.rate > o.own_rate END)::int END,
	   o.best_kommune, b.rate, 100 * (o.own_rate - b.rate))::klynge_benchmark_result AS b
FROM own o JOIN per b ON b.g = o.g AND b.kode = o.best_kommune;

CREATE VIEW bm_result AS
SELECT r.g, klynge_benchmark(r.kode, r.num, r.den, p.focus, p.direction) AS b
FROM bm_rows r JOIN bm_params p ON p.g = r.g
GROUP BY r.g;

SELECT count(*) AS groups,
	   count(*) FILTER (WHERE (o.b).focus = 999) AS without_focus,
	   count(*) FILTER (WHERE NOT pg_temp.same(a.b, o.b)) AS mismatches
FROM bm_result a FULL JOIN bm_oracle o ON o.g = a.g;
SELECT g, (b).focus, (b).kommuner, (b).rank, (b).best_kommune, round((b).gap_pp::numeric, 3) AS gap_pp,
	   round((b).required_change) AS required_change
FROM bm_result WHERE g IN (0, 1, 8) ORDER BY g;

-- parallel plans: partial aggregation in workers, states combined, same results as serial
CREATE TABLE bm_serial AS SELECT * FROM bm_result;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT klynge_benchmark(kode, num, den, 183, 'lower') FROM bm_rows WHERE g = 4;
EXPLAIN (COSTS OFF)
SELECT r.g, klynge_benchmark(r.kode, r.num, r.den, p.focus, p.direction)
FROM bm_rows r JOIN bm_params p ON p.g = r.g GROUP BY r.g;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE NOT pg_temp.same(a.b, s.b)) AS parallel_vs_serial
FROM bm_result a FULL JOIN bm_serial s ON s.g = a.g;
SELECT pg_temp.same(p.b, s.b) AS ungrouped_parallel_equals_serial
FROM (SELECT klynge_benchmark(kode, num, den, 183, 'lower') AS b FROM bm_rows WHERE g = 4) AS p,
	 bm_serial s WHERE s.g = 4;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- edge cases
SELECT klynge_benchmark(kode, num, den, 101, 'lower') IS NULL AS empty_is_null
FROM bm_rows WHERE false;
SELECT klynge_benchmark(kode, num, den, 101, 'lower') IS NULL AS only_nulls_is_null
FROM (VALUES (NULL::int, 1.0::float8, 1.0::float8), (101, NULL, 1), (101, 1, NULL)) AS t (kode, num, den);
-- no focus kommune in the input: the klynge's figures only
SELECT (klynge_benchmark(kode, num, den, 999, 'lower')).*
FROM (VALUES (101, 5, 100), (165, 3, 100), (153, 4, 100)) AS t (kode, num, den);
-- only the focus kommune: nothing to compare with
SELECT (klynge_benchmark(kode, num, den, 101, 'higher')).*
FROM (VALUES (101, 5, 100), (101, 1, 50)) AS t (kode, num, den);
-- ties share a rank; the best of tied kommuner is the lowest code
SELECT (klynge_benchmark(kode, num, den, 169, 'lower')).*
FROM (VALUES (169, 2, 100), (165, 1, 50), (153, 1, 100), (101, 4, 200)) AS t (kode, num, den);
SELECT (klynge_benchmark(kode, num, den, 169, 'higher')).*
FROM (VALUES (169, 2, 100), (165, 1, 50), (153, 1, 100), (101, 4, 200)) AS t (kode, num, den);
-- a numerator of 0 is a rate of 0
SELECT (klynge_benchmark(kode, num, den, 101, 'lower')).rank
FROM (VALUES (101, 0, 100), (165, 1, 100)) AS t (kode, num, den);

-- errors
SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('bad direction', $$SELECT klynge_benchmark(101, 1, 10, 101, 'Lower')$$),
	('NULL direction', $$SELECT klynge_benchmark(101, 1, 10, 101, NULL)$$),
	('NULL focus', $$SELECT klynge_benchmark(101, 1, 10, NULL, 'lower')$$),
	('focus changes', $$SELECT klynge_benchmark(k, 1, 10, k, 'lower') FROM (VALUES (101), (165)) t (k)$$),
	('direction changes', $$SELECT klynge_benchmark(101, 1, 10, 101, d) FROM (VALUES ('lower'), ('higher')) t (d)$$),
	('negative numerator', $$SELECT klynge_benchmark(101, -1, 10, 101, 'lower')$$),
	('NaN denominator', $$SELECT klynge_benchmark(101, 1, 'NaN', 101, 'lower')$$),
	('infinite numerator', $$SELECT klynge_benchmark(101, 'Infinity', 10, 101, 'lower')$$),
	('zero denominator', $$SELECT klynge_benchmark(k, 1, d, 101, 'lower') FROM (VALUES (101, 10), (165, 0), (165, 0)) t (k, d)$$),
	('transition by hand', $$SELECT klynge_benchmark_trans(NULL, 101, 1, 10, 101, 'lower')$$),
	('combine by hand', $$SELECT klynge_benchmark_combine('{101,1}', '{101,1}')$$)
) AS t (what, q);

-- the final function checks a state it is given by hand
SELECT klynge_benchmark_final('{101,1,101,5,100,165,3,100}') AS valid_state,
	   klynge_benchmark_final('{101,-1}') AS no_kommuner;
SELECT state, pg_temp.err(format('SELECT klynge_benchmark_final(%L)', state)) AS result
FROM unnest(ARRAY['{}', '{101}', '{101,1,101,5}', '{{101,1},{101,5}}', '{101,1,101,5,NULL}',
				  '{101.5,1,101,5,100}', '{101,0,101,5,100}', '{1e10,1,101,5,100}',
				  '{101,1,165,5,100,101,3,100}', '{101,1,101,5,100,101,3,100}', '{101,1,101.5,5,100}',
				  '{101,1,101,-5,100}', '{101,1,101,5,Infinity}', '{101,1,101,NaN,100}']) AS state;

DROP VIEW bm_result, bm_oracle;
DROP TABLE bm_rows, bm_params, bm_serial;

-- klynge_benchmark_oe: observed ÷ expected (expected from a national model),
-- the focus kommune's ratio with smr's interval, the klynge's pooled ratio, the rank
CREATE TABLE oe_rows AS
SELECT k, (abs(hashint4(k * 1000 + g)) % 100 < 30 + k % 7)::int::float8 AS observed, 0.3 + (g % 5) / 50.0 AS expected
FROM (VALUES (101), (147), (157), (159), (165), (751)) AS v(k), generate_series(1, 200 + 10 * (k % 13)) AS g;
SELECT focus, kommuner, observed, round(expected::numeric, 6) AS expected, round(ratio::numeric, 6) AS ratio,
	   round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper, round(p_value::numeric, 6) AS p_value,
	   round(cluster_ratio::numeric, 6) AS cluster_ratio, rank, best_kommune, round(best_ratio::numeric, 6) AS best_ratio
FROM (SELECT (klynge_benchmark_oe(k, observed, expected, 101, 'higher')).* FROM oe_rows) AS r;
-- against plain SQL and smr: the same ratio, interval, pooled ratio, rank and best
WITH per AS (SELECT k, sum(observed) AS o, sum(expected) AS e FROM oe_rows GROUP BY k),
	 r AS (SELECT (klynge_benchmark_oe(k, observed, expected, 101, 'higher')).* FROM oe_rows)
SELECT r.observed = p.o AS observed, pg_temp.near(r.expected, p.e, 1e-12) AS expected,
	   pg_temp.near(r.ratio, s.ratio, 1e-12) AND pg_temp.near(r.lower, s.lower, 1e-12)
	   AND pg_temp.near(r.upper, s.upper, 1e-12) AND pg_temp.near(r.p_value, s.p_value, 1e-12) AS smr,
	   pg_temp.near(r.cluster_ratio, (SELECT sum(o) / sum(e) FROM per WHERE k <> 101), 1e-12) AS cluster_ratio,
	   r.rank = (SELECT 1 + count(*) FROM per WHERE o / e > p.o / p.e) AS rank,
	   r.best_kommune = (SELECT k FROM per ORDER BY o / e DESC, k LIMIT 1) AS best
FROM r JOIN per p ON p.k = 101 CROSS JOIN LATERAL smr(p.o, p.e) s;
-- parallel plans give the same result; a focus outside the input leaves its figures NULL
CREATE TABLE oe_serial AS SELECT (klynge_benchmark_oe(k, observed, expected, 147, 'lower')).* FROM oe_rows;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TABLE oe_parallel AS SELECT (klynge_benchmark_oe(k, observed, expected, 147, 'lower')).* FROM oe_rows;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT (s.focus, s.kommuner, s.observed, s.rank, s.best_kommune) = (p.focus, p.kommuner, p.observed, p.rank, p.best_kommune)
	   AND pg_temp.near(s.expected, p.expected, 1e-12) AND pg_temp.near(s.ratio, p.ratio, 1e-12)
	   AND pg_temp.near(s.lower, p.lower, 1e-12) AND pg_temp.near(s.upper, p.upper, 1e-12)
	   AND pg_temp.near(s.p_value, p.p_value, 1e-12) AND pg_temp.near(s.cluster_ratio, p.cluster_ratio, 1e-12)
	   AND pg_temp.near(s.best_ratio, p.best_ratio, 1e-12) AS parallel_equals_serial
FROM oe_serial s, oe_parallel p;
SELECT focus, observed, ratio, rank, round(cluster_ratio::numeric, 6) AS cluster_ratio, best_kommune
FROM (SELECT (klynge_benchmark_oe(k, observed, expected, 999, 'lower')).* FROM oe_rows) AS r;
SELECT klynge_benchmark_oe(k, o, e, 101, 'lower') IS NULL AS empty_is_null FROM oe_rows, LATERAL (SELECT 1::float8 AS o, 1::float8 AS e) x WHERE false;
SELECT what, pg_temp.err(q) AS result FROM (VALUES
	('observed not whole', $$SELECT klynge_benchmark_oe(101, 1.5, 2, 101, 'lower')$$),
	('expected 0', $$SELECT klynge_benchmark_oe(101, 1, 0, 101, 'lower')$$),
	('bad direction', $$SELECT klynge_benchmark_oe(101, 1, 2, 101, 'best')$$),
	('negative observed', $$SELECT klynge_benchmark_oe(101, -1, 2, 101, 'lower')$$)
) AS t (what, q);

-- the forms with persons (issue 19): without a threshold they give what the forms without do;
-- the persons of the oe rows are the rows (one a person)
SELECT (SELECT klynge_benchmark_oe(k, observed, expected, 1, 101, 'higher') FROM oe_rows)::text
	   = (SELECT klynge_benchmark_oe(k, observed, expected, 101, 'higher') FROM oe_rows)::text AS oe_same_without_threshold;
-- under jobreg.min_cell: Tabel 3-like data with persons; Albertslund (165) rests on 3 persons, Ishøj (183)
-- on 4, the rest on many
CREATE TEMP TABLE bm_persons (kode int, antal float8, befolkning float8, personer int8);
INSERT INTO bm_persons VALUES (101, 14800, 269091, 269091), (165, 1, 3, 3), (153, 600, 18000, 18000),
	(169, 800, 25000, 25000), (183, 0, 4, 4), (360, 834, 30000, 30000);
SELECT 'no threshold' AS case_, (klynge_benchmark(kode, antal, befolkning, personer, 101, 'lower')).* FROM bm_persons
UNION ALL
SELECT 'forms agree', (klynge_benchmark(kode, antal, befolkning, 101, 'lower')).* FROM bm_persons;
SET jobreg.min_cell = 5;
-- 165 and 183 are withheld: 183 (rate 0) is not the best, nor ranked above København; the
-- klynge's pooled rate (the others together) is shown
SELECT 'min_cell 5' AS case_, (klynge_benchmark(kode, antal, befolkning, personer, 101, 'lower')).* FROM bm_persons
UNION ALL
-- a withheld focus: its own figures, gap, rank and distance are NULL
SELECT 'focus 183', (klynge_benchmark(kode, antal, befolkning, personer, 183, 'lower')).* FROM bm_persons
UNION ALL
-- the form without persons takes the totals as checked: it withholds nothing
SELECT 'without persons', (klynge_benchmark(kode, antal, befolkning, 101, 'lower')).* FROM bm_persons;
-- every kommune withheld, and the others of a focus together under the threshold
SELECT (klynge_benchmark(kode, antal, befolkning, personer, 165, 'lower')).*
FROM bm_persons WHERE kode IN (165, 183);
SELECT focus, kommuner, observed, ratio, rank, round(cluster_ratio::numeric, 6) AS cluster_ratio, best_kommune
FROM (SELECT (klynge_benchmark_oe(k, observed, expected, (k <> 157)::int, 157, 'higher')).* FROM oe_rows) AS r;
SET jobreg.min_cell = 1000;
SELECT focus, kommuner, observed, ratio, rank, cluster_ratio, best_kommune, best_ratio
FROM (SELECT (klynge_benchmark_oe(k, observed, expected, 1, 101, 'higher')).* FROM oe_rows) AS r;
RESET jobreg.min_cell;
-- rows are summed per kommune, persons too; NULL persons skip the row
SELECT (klynge_benchmark(k, n, d, p, 101, 'lower')).*
FROM (VALUES (101, 1, 10, 2), (101, 2, 10, 3), (165, 1, 5, 5), (165, 9, 9, NULL)) AS t (k, n, d, p);
SELECT what, pg_temp.err(q) AS result FROM (VALUES
	('negative persons', $$SELECT klynge_benchmark(101, 1, 10, -1, 101, 'lower')$$),
	('forms mixed by hand', $$SELECT klynge_benchmark_final('{101,2,101,5,100}')$$),
	('persons not whole', $$SELECT klynge_benchmark_final('{101,2,101,5,100,1.5}')$$),
	('direction 3', $$SELECT klynge_benchmark_final('{101,3,101,5,100,1}')$$)
) AS t (what, q);
SELECT klynge_benchmark_final('{101,2,101,5,100,7,165,3,100,9}') AS valid_state_with_persons;
DROP TABLE oe_rows, oe_serial, oe_parallel;
