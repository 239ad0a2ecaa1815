-- bench/durations.sql: the duration measures and fuldtidspersoner over weeklines, each beside its
-- plain-SQL equivalent and the scan floor, timed in the same run (best of 3).
-- 10 million anciennitet values for the aggregates; 200,000 weeklines (2014-2016, a few spells
-- each) for anciennitet and fuldtidspersoner, whose plain-SQL equivalents run on the same
-- histories as a long table (person, week, code) with its primary key.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

\ir lib/timing.sql

SELECT setseed(0.7);
CREATE UNLOGGED TABLE bd_rows AS
SELECT floor(-ln(1 - random()) * 150)::int AS weeks,
	   '2015-W01'::isoweek + floor(random() * 150)::int AS start,
	   CASE WHEN random() < 0.7 THEN floor(random() * 40)::int END AS after
FROM generate_series(1, 10000000);
-- 200,000 persons: alternating runs off and on kontanthjælp (code 1101) over 2014-2016
CREATE UNLOGGED TABLE bd_runs AS
SELECT p, r, CASE WHEN r % 2 = 0 THEN 1101 ELSE 0 END AS code, 1 + floor(random() * 40)::int AS len
FROM generate_series(1, 200000) p, generate_series(1, 8) r;
CREATE UNLOGGED TABLE bd_long AS
SELECT p, week, code FROM (
	SELECT p, '2014-W01'::isoweek + (off - len)::int + i AS week, code
	FROM (SELECT p, code, len, sum(len) OVER (PARTITION BY p ORDER BY r) AS off FROM bd_runs) x,
		 generate_series(0, len - 1) i) y
WHERE week < '2017-W01';
ALTER TABLE bd_long ADD PRIMARY KEY (p, week);
CREATE UNLOGGED TABLE bd_wl AS SELECT p, weekline_agg(week, code) AS wl FROM bd_long GROUP BY p;
VACUUM ANALYZE bd_rows, bd_long, bd_wl;
SELECT (SELECT count(*) FROM bd_rows) AS aggregate_rows, (SELECT count(*) FROM bd_wl) AS persons,
	   (SELECT count(*) FROM bd_long) AS person_weeks,
	   pg_size_pretty(pg_total_relation_size('bd_wl')) AS weekline_size,
	   pg_size_pretty(pg_total_relation_size('bd_long')) AS long_table_size;

\o /dev/null
SELECT pg_temp.bm('anciennitet_fordeling', 'jobreg',
	$$SELECT round((anciennitet_fordeling(weeks)).andel_over_2_aar::numeric, 6) FROM bd_rows$$);
SELECT pg_temp.bm('anciennitet_fordeling', 'plain SQL',
	$$SELECT round((o2::float8 / n)::numeric, 6)
	  FROM (SELECT count(*) AS n, avg(weeks) / 52 AS mean, count(*) FILTER (WHERE weeks > 104) AS o2,
				   count(*) FILTER (WHERE weeks > 156) AS o3, count(*) FILTER (WHERE weeks > 260) AS o5,
				   count(*) FILTER (WHERE weeks >= 260 AND weeks < 364) AS b57,
				   count(*) FILTER (WHERE weeks >= 364 AND weeks < 520) AS b710,
				   count(*) FILTER (WHERE weeks >= 520) AS b10
			FROM bd_rows) AS s$$);
SELECT pg_temp.bm('anciennitet_fordeling', 'scan floor', $$SELECT count(weeks) FROM bd_rows$$);

SELECT pg_temp.bm('andel_inden_for', 'jobreg',
	$$SELECT round(andel_inden_for(start, start + after, 13, '2017-W52')::numeric, 6) FROM bd_rows$$);
SELECT pg_temp.bm('andel_inden_for', 'plain SQL',
	$$SELECT round(((count(*) FILTER (WHERE after < 13))::float8 / count(*))::numeric, 6)
	  FROM bd_rows WHERE start + 12 <= '2017-W52'::isoweek$$);
SELECT pg_temp.bm('andel_inden_for', 'scan floor', $$SELECT count(start) FROM bd_rows$$);

SELECT pg_temp.bm('anciennitet at 2016-W10', 'jobreg',
	$$SELECT sum(anciennitet(wl, '{1101}', '2016-W10', 5)) FROM bd_wl$$);
SELECT pg_temp.bm('anciennitet at 2016-W10', 'plain SQL',
	$$WITH on_weeks AS (SELECT p, week FROM bd_long WHERE code = 1101),
		   starts AS (SELECT p, week, CASE WHEN week - lag(week) OVER w > 6 OR lag(week) OVER w IS NULL THEN 1 ELSE 0 END AS s
					  FROM on_weeks WINDOW w AS (PARTITION BY p ORDER BY week)),
		   islands AS (SELECT p, week, sum(s) OVER (PARTITION BY p ORDER BY week) AS id FROM starts),
		   spells AS (SELECT p, min(week) AS f, max(week) AS l FROM islands GROUP BY p, id)
	  SELECT sum('2016-W10'::isoweek - f + 1) FROM spells WHERE '2016-W10'::isoweek BETWEEN f AND l$$);
SELECT pg_temp.bm('anciennitet at 2016-W10', 'scan floor', $$SELECT count(wl) FROM bd_wl$$);

SELECT pg_temp.bm('fuldtidspersoner 2015 Q1 (weeks)', 'jobreg',
	$$SELECT round(fuldtidspersoner(wl, '{1101}', quarter_weeks(2015, 1))::numeric, 4) FROM bd_wl$$);
SELECT pg_temp.bm('fuldtidspersoner 2015 Q1 (weeks)', 'plain SQL',
	$$SELECT round((count(*)::float8 / 13)::numeric, 4) FROM bd_long
	  WHERE code = 1101 AND week >= '2015-W01' AND week < '2015-W14'$$);
SELECT pg_temp.bm('fuldtidspersoner 2015 Q1 (weeks)', 'scan floor', $$SELECT count(wl) FROM bd_wl$$);
\o

SELECT task, method, ms, result, x_reference AS "× jobreg", x_floor AS "× scan floor"
FROM pg_temp.bm_report('jobreg');

DROP TABLE bd_rows, bd_runs, bd_long, bd_wl;
