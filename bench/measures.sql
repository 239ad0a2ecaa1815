-- bench/measures.sql: the Jobindsats measures and group tests on 10 million rows, each beside
-- its plain-SQL equivalent and the scan floor (a count of the same column), timed in the same
-- run (best of 3).  aktivering's plain-SQL equivalent expands every person-day, so it is timed
-- on a tenth of the persons, with aktivering on the same tenth beside it.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

\ir lib/timing.sql

-- data: 10 million spells, test rows and per-person activation values; 2 million persons
-- with 5 rows each (benefit periods and offers)
SELECT setseed(0.5) \gset
CREATE UNLOGGED TABLE bm_spell AS
SELECT daterange(date '2014-06-01' + s, date '2014-06-01' + s + (random() * 400)::int) AS spell,
	   round(random()::numeric, 2)::float8 AS degree,
	   random() < 0.4 AS grp, random() < 0.12 AS success, 100 + 15 * random() AS x
FROM generate_series(1, 10000000) AS i, LATERAL (SELECT (random() * 700)::int + i * 0 AS s) AS r;
CREATE UNLOGGED TABLE bm_offer AS
SELECT cpr, ydelse,
	   (ARRAY['virksomhedspraktik', 'løntilskud privat', 'nytteindsats', 'vejledning og opkvalificering',
			  'ordinær uddannelse'])[1 + (random() * 4)::int] AS type,
	   daterange(date '2014-12-01' + o, date '2014-12-01' + o + 1 + (random() * 60)::int) AS periode,
	   (ARRAY[10, 18.5, 20, 30, 37])[1 + (random() * 4)::int]::float8 AS timer
FROM (SELECT cpr, datemultirange(daterange(date '2014-10-01' + s, date '2014-10-01' + s + 30 + (random() * 200)::int)) AS ydelse
	  FROM generate_series(1, 2000000) AS cpr, LATERAL (SELECT (random() * 150)::int + cpr * 0 AS s) AS r) AS p,
	 generate_series(1, 5) AS k, LATERAL (SELECT (random() * 110)::int + k * 0 AS o) AS r2;
CREATE UNLOGGED TABLE bm_offer_tenth AS SELECT * FROM bm_offer WHERE cpr % 10 = 0;
CREATE UNLOGGED TABLE bm_person AS
SELECT cpr, aktivering(ydelse, '[2015-01-01,2015-04-01)', type, periode, timer) AS a
FROM bm_offer GROUP BY cpr;
CREATE UNLOGGED TABLE bm_person10 AS SELECT a FROM bm_person, generate_series(1, 5) AS k;
VACUUM ANALYZE bm_spell, bm_offer, bm_offer_tenth, bm_person10;
SELECT (SELECT count(*) FROM bm_spell) AS spell_rows, (SELECT count(*) FROM bm_offer) AS offer_rows,
	   (SELECT count(*) FROM bm_offer_tenth) AS tenth_rows, (SELECT count(*) FROM bm_person10) AS aktivering_values,
	   pg_size_pretty(pg_total_relation_size('bm_spell')) AS spell_size,
	   pg_size_pretty(pg_total_relation_size('bm_offer')) AS offer_size;

-- the timings (their rows are not printed)
\o /dev/null

-- fuldtidspersoner in 2015
SELECT pg_temp.bm('fuldtidspersoner', 'jobreg',
	$$SELECT round(fuldtidspersoner(spell, '[2015-01-01,2016-01-01)', degree)::numeric, 3) FROM bm_spell$$);
SELECT pg_temp.bm('fuldtidspersoner', 'plain SQL',
	$$SELECT round((sum(coalesce(upper(spell * '[2015-01-01,2016-01-01)') - lower(spell * '[2015-01-01,2016-01-01)'), 0) * degree)
				   / 365)::numeric, 3) FROM bm_spell$$);
SELECT pg_temp.bm('fuldtidspersoner', 'scan floor', $$SELECT count(spell) FROM bm_spell$$);

-- two-proportion test
SELECT pg_temp.bm('prop_test', 'jobreg', $$SELECT round((prop_test(success, grp)).p_value::numeric, 6) FROM bm_spell$$);
SELECT pg_temp.bm('prop_test', 'plain SQL',
	$$SELECT round(pchisq(n * (a * d - b * c) ^ 2 / ((a + b) * (c + d) * (a + c) * (b + d)), 1, false)::numeric, 6)
	  FROM (SELECT count(*) FILTER (WHERE success AND grp)::float8 AS a, count(*) FILTER (WHERE NOT success AND grp)::float8 AS b,
				   count(*) FILTER (WHERE success AND NOT grp)::float8 AS c, count(*) FILTER (WHERE NOT success AND NOT grp)::float8 AS d,
				   count(*)::float8 AS n FROM bm_spell) AS t$$);
SELECT pg_temp.bm('prop_test', 'scan floor', $$SELECT count(success) FROM bm_spell$$);

-- Welch t-test
SELECT pg_temp.bm('welch_test', 'jobreg', $$SELECT round((welch_test(x, grp)).p_value::numeric, 6) FROM bm_spell$$);
SELECT pg_temp.bm('welch_test', 'plain SQL',
	$$SELECT round((2 * pt(-abs((m1 - m2) / sqrt(v1 / n1 + v2 / n2)),
						   (v1 / n1 + v2 / n2) ^ 2 / ((v1 / n1) ^ 2 / (n1 - 1) + (v2 / n2) ^ 2 / (n2 - 1))))::numeric, 6)
	  FROM (SELECT count(x) FILTER (WHERE grp) AS n1, avg(x) FILTER (WHERE grp) AS m1, var_samp(x) FILTER (WHERE grp) AS v1,
				   count(x) FILTER (WHERE NOT grp) AS n2, avg(x) FILTER (WHERE NOT grp) AS m2, var_samp(x) FILTER (WHERE NOT grp) AS v2
			FROM bm_spell) AS s$$);
SELECT pg_temp.bm('welch_test', 'scan floor', $$SELECT count(x) FROM bm_spell$$);

-- aktivering per person: all 2 million persons (10 million rows) against the scan floor,
-- and a tenth of them against the plain-SQL day-by-day computation
SELECT pg_temp.bm('aktivering, 10M rows', 'jobreg',
	$$SELECT round(aktiveringsgrad(a)::numeric, 6) FROM (SELECT aktivering(ydelse, '[2015-01-01,2015-04-01)', type, periode, timer) AS a
														 FROM bm_offer GROUP BY cpr) AS p$$);
SELECT pg_temp.bm('aktivering, 10M rows', 'scan floor',
	$$SELECT count(*) FROM (SELECT cpr, count(periode) FROM bm_offer GROUP BY cpr) AS p$$);
SELECT pg_temp.bm('aktivering, 1M rows', 'jobreg',
	$$SELECT round(aktiveringsgrad(a)::numeric, 6) FROM (SELECT aktivering(ydelse, '[2015-01-01,2015-04-01)', type, periode, timer) AS a
														 FROM bm_offer_tenth GROUP BY cpr) AS p$$);
SELECT pg_temp.bm('aktivering, 1M rows', 'plain SQL',
	$$WITH persons AS (SELECT DISTINCT cpr, ydelse FROM bm_offer_tenth),
		   days AS (SELECT p.cpr, d::date AS day FROM persons AS p,
						   generate_series(date '2015-01-01', date '2015-03-31', interval '1 day') AS d
					WHERE p.ydelse @> d::date),
		   offer_days AS (SELECT d.cpr, d.day, sum(o.timer) AS h FROM days AS d
						  JOIN bm_offer_tenth AS o ON o.cpr = d.cpr AND o.periode @> d.day GROUP BY d.cpr, d.day)
	  SELECT round((sum(least(o.h, 37) / 7) FILTER (WHERE o.h IS NOT NULL) / (count(*) * 37 / 7.0))::numeric, 6)
	  FROM days AS d LEFT JOIN offer_days AS o USING (cpr, day)$$);
SELECT pg_temp.bm('aktivering, 1M rows', 'scan floor',
	$$SELECT count(*) FROM (SELECT cpr, count(periode) FROM bm_offer_tenth GROUP BY cpr) AS p$$);

-- population aggregates over 10 million aktivering values (rollup tables)
SELECT pg_temp.bm('aktiveringsgrad', 'jobreg', $$SELECT round(aktiveringsgrad(a)::numeric, 6) FROM bm_person10$$);
SELECT pg_temp.bm('aktiveringsgrad', 'plain SQL',
	$$SELECT round((sum((a).aktiveringstimer) / sum((a).ydelsestimer))::numeric, 6) FROM bm_person10$$);
SELECT pg_temp.bm('aktiveringsgrad', 'scan floor', $$SELECT count(a) FROM bm_person10$$);
SELECT pg_temp.bm('virksomhedsrettet_andel', 'jobreg', $$SELECT round(virksomhedsrettet_andel(a)::numeric, 6) FROM bm_person10$$);
SELECT pg_temp.bm('virksomhedsrettet_andel', 'plain SQL',
	$$SELECT round((sum((a).virksomhedsrettede_timer) / sum((a).aktiveringstimer))::numeric, 6) FROM bm_person10$$);
SELECT pg_temp.bm('virksomhedsrettet_andel', 'scan floor', $$SELECT count(a) FROM bm_person10$$);

\o

-- side by side: times, results (each method must give the same number), ratios
SELECT task, method, ms, result, x_reference AS "× jobreg", x_floor AS "× scan floor"
FROM pg_temp.bm_report('jobreg');

DROP TABLE bm_spell, bm_offer, bm_offer_tenth, bm_person, bm_person10;
