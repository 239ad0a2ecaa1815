--
-- fuldtidspersoner(spell daterange, period daterange [, degree float8])
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- the definition's examples: 26 of 52 weeks is 0.5, a whole quarter 1, half time half
SELECT fuldtidspersoner(daterange(monday('2014-W01'), monday('2014-W27')),
						daterange(monday('2014-W01'), monday('2015-W01'))) AS weeks_26_of_52,
	   fuldtidspersoner('[2015-01-01,2015-03-31]', '[2015-01-01,2015-04-01)') AS whole_quarter,
	   fuldtidspersoner('[2014-06-01,2016-01-01)', '[2015-01-01,2015-04-01)') AS spell_beyond_quarter,
	   fuldtidspersoner('[2015-01-01,2015-04-01)', '[2015-01-01,2015-04-01)', 0.5) AS half_time;

-- bounds: closed, open, unbounded, infinite, empty, outside the period
SELECT spell, fuldtidspersoner(spell::daterange, '[2015-01-01,2015-01-11)') AS fte
FROM (VALUES ('[2015-01-03,2015-01-04]'), ('(2015-01-03,2015-01-06)'), ('[2015-01-06,)'),
			 ('(,2015-01-03)'), ('(,)'), ('[-infinity,infinity]'), ('[2015-01-09,infinity)'),
			 ('empty'), ('[2014-01-01,2015-01-01)'), ('[2015-01-11,2015-02-01)'),
			 ('[2015-01-10,2015-01-10]')) AS v(spell)
GROUP BY spell ORDER BY spell;

-- several rows, also with different periods: each row is its own ratio
SELECT fuldtidspersoner(s, p, d) AS fte
FROM (VALUES ('[2015-01-01,2015-07-01)'::daterange, '[2015-01-01,2016-01-01)'::daterange, 1.0),
			 ('[2015-01-01,2015-02-01)', '[2015-01-01,2015-02-01)', 0.25),
			 ('[2015-03-01,2015-03-11)', '[2015-03-01,2015-03-21)', 1.0)) AS v(s, p, d);

-- NULLs are skipped; no rows (or only NULLs) give NULL, like sum()
SELECT fuldtidspersoner(s, p) AS with_nulls,
	   fuldtidspersoner(s, p) FILTER (WHERE s IS NULL) AS only_nulls,
	   fuldtidspersoner(s, p, d) AS null_degree_skipped,
	   fuldtidspersoner(s, p) FILTER (WHERE false) AS no_rows
FROM (VALUES ('[2015-01-01,2015-01-11)'::daterange, '[2015-01-01,2015-01-21)'::daterange, 1.0),
			 (NULL, '[2015-01-01,2015-01-21)', 1.0),
			 ('[2015-01-01,2015-01-11)', NULL, 1.0),
			 ('[2015-01-01,2015-01-21)', '[2015-01-01,2015-01-21)', NULL)) AS v(s, p, d);

-- bad input, each with its SQLSTATE
SELECT pg_temp.err($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,)')$$) AS unbounded_period,
	   pg_temp.err($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[-infinity,2015-01-01)')$$) AS infinite_period,
	   pg_temp.err($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', 'empty')$$) AS empty_period,
	   pg_temp.err($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,2015-02-01)', 1.5)$$) AS degree_above_1,
	   pg_temp.err($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,2015-02-01)', -0.1)$$) AS degree_negative,
	   pg_temp.err($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,2015-02-01)', 'NaN'::float8)$$) AS degree_nan,
	   pg_temp.err($$SELECT fuldtid_trans('{0,0}', '[2015-01-01,2015-02-01)', '[2015-01-01,2015-02-01)')$$) AS bad_state;

-- against a plain-SQL oracle (numeric) on random spells, degrees and periods, per kommune
CREATE TABLE fuldtid_data AS
SELECT (random() * 20)::int AS kommune,
	   CASE WHEN r < 0.03 THEN NULL
			WHEN r < 0.06 THEN daterange(NULL, date '2015-01-01' + (random() * 400)::int)
			WHEN r < 0.09 THEN daterange(date '2014-06-01' + (random() * 400)::int, 'infinity')
			WHEN r < 0.10 THEN 'empty'::daterange
			ELSE daterange(date '2014-06-01' + s, date '2014-06-01' + s + (random() * 200)::int, '[]') END AS spell,
	   CASE WHEN random() < 0.5 THEN '[2015-01-01,2016-01-01)'::daterange
			ELSE daterange(make_date(2015, 3 * q + 1, 1), (make_date(2015, 3 * q + 1, 1) + interval '3 months')::date) END AS period,
	   CASE WHEN random() < 0.02 THEN NULL ELSE round(random()::numeric, 2)::float8 END AS degree
FROM (SELECT setseed(0.5)) AS seed, generate_series(1, 100000) AS i,
	 LATERAL (SELECT random() AS r, (random() * 500)::int AS s, (random() * 3)::int AS q OFFSET 0) AS x;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE NOT pg_temp.near(fte, oracle, 1e-12)) AS mismatches,
	   count(*) FILTER (WHERE NOT pg_temp.near(fte1, oracle1, 1e-12)) AS mismatches_degree_1,
	   round(sum(oracle)::numeric, 3) AS total
FROM (SELECT kommune, fuldtidspersoner(spell, period, degree) AS fte, fuldtidspersoner(spell, period) AS fte1,
			 sum(coalesce(upper(spell * period) - lower(spell * period), 0) * degree::numeric
				 / (upper(period) - lower(period))) FILTER (WHERE degree IS NOT NULL)::float8 AS oracle,
			 sum(coalesce(upper(spell * period) - lower(spell * period), 0)::numeric
				 / (upper(period) - lower(period)))::float8 AS oracle1
	  FROM fuldtid_data WHERE spell IS NOT NULL GROUP BY kommune) AS g;
-- rows with a NULL spell are skipped by the aggregate itself
SELECT (SELECT fuldtidspersoner(spell, period) FROM fuldtid_data) =
	   (SELECT fuldtidspersoner(spell, period) FROM fuldtid_data WHERE spell IS NOT NULL) AS nulls_skipped;

-- parallel plans give the serial results
ANALYZE fuldtid_data;
CREATE TEMP TABLE serial AS
SELECT kommune, fuldtidspersoner(spell, period, degree) AS fte, fuldtidspersoner(spell, period) AS fte1
FROM fuldtid_data GROUP BY kommune;
CREATE TEMP TABLE serial_all AS SELECT fuldtidspersoner(spell, period) AS fte FROM fuldtid_data;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT fuldtidspersoner(spell, period) FROM fuldtid_data;
SELECT pg_temp.near(s.fte, p.fte, 1e-14) AS same_total
FROM serial_all s, (SELECT fuldtidspersoner(spell, period) AS fte FROM fuldtid_data) p;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT kommune, fuldtidspersoner(spell, period, degree) FROM fuldtid_data GROUP BY kommune;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE NOT pg_temp.near(s.fte, p.fte, 1e-14) OR NOT pg_temp.near(s.fte1, p.fte1, 1e-14)) AS differ
FROM serial s JOIN (SELECT kommune, fuldtidspersoner(spell, period, degree) AS fte, fuldtidspersoner(spell, period) AS fte1
					FROM fuldtid_data GROUP BY kommune) p USING (kommune);
RESET ALL;
DROP TABLE fuldtid_data;
