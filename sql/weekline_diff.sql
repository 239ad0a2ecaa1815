--
-- weekline_diff: weekline_first_difference(a, b), the first week in which
-- two weeklines differ (a week in one span only, or other codes)
--
-- small cases: same, other code, other end, other start, empty
SELECT a, b, weekline_first_difference(a::weekline, b::weekline) AS first_difference
FROM (VALUES ('2015-W01 1101x3 0x2 1102x4', '2015-W01 1101x3 0x2 1102x4'),
			 ('2015-W01 1101x3 0x2 1102x4', '2015-W01 1101x3 0x2 1101x4'),
			 ('2015-W01 1101x3 0x2 1102x4', '2015-W01 1101x3 0x2 1102x6'),
			 ('2015-W01 1101x3 0x2 1102x4', '2015-W01 1101x3 0x2 1102x2'),
			 ('2015-W01 1101x3 0x2 1102x4', '2015-W01 1101x3 0x3 1102x3'),
			 ('2015-W01 1101x3 0x2 1102x4', '2014-W52 0x1 1101x3 0x2 1102x4'),
			 ('2015-W01 1101x3 0x2 1102x4', '2015-W02 1101x2 0x2 1102x4'),
			 ('2015-W01 1101x3 0x2 1102x4', 'empty'),
			 ('empty', '2016-W10 0x1'),
			 ('empty', 'empty')) AS v (a, b);
SELECT weekline_first_difference(NULL, '2015-W01 1101x3') IS NULL AS strict;

-- against a plain-SQL oracle (the first week of either span whose codes
-- differ, code_at being NULL outside the span) on pairs of synthetic
-- histories: another person's, and the same one changed from a week on
SELECT setseed(0.2020);
CREATE TABLE h AS
SELECT i, weekline_from_runs(('2010-W01'::isoweek + floor(random() * 30)::int),
							 ARRAY(SELECT (ARRAY[0, 1101, 1102, 2101, 0])[1 + floor(random() * 5)::int] FROM generate_series(1, n)),
							 ARRAY(SELECT 1 + floor(random() * 12)::int FROM generate_series(1, n))) AS w
FROM generate_series(1, 400) AS i, LATERAL (SELECT 1 + (i * 7) % 23 AS n) AS k;
CREATE TABLE pairs AS
SELECT a.w AS a, b.w AS b FROM h AS a JOIN h AS b ON b.i = a.i % 400 + 1
UNION ALL
SELECT a.w, (SELECT weekline_from_runs(min(lower(r.weeks)),
									   array_agg(r.code ORDER BY lower(r.weeks)) || (a.i % 3) * 1101,
									   array_agg(least(upper(r.weeks), cut) - lower(r.weeks) ORDER BY lower(r.weeks)) || 1 + a.i % 4)
			 FROM runs(a.w) AS r WHERE lower(r.weeks) < cut)
FROM h AS a, LATERAL (SELECT first_week(a.w) + 1 + a.i % 60 AS cut) AS c
UNION ALL
SELECT w, w FROM h;
SELECT count(*) AS pairs, count(*) FILTER (WHERE f IS NULL) AS same,
	   count(*) FILTER (WHERE f IS NOT DISTINCT FROM o) AS agree
FROM (SELECT weekline_first_difference(a, b) AS f,
			 (SELECT min(s.lo + k) FROM generate_series(0, s.hi - s.lo) AS k
			  WHERE code_at(a, s.lo + k) IS DISTINCT FROM code_at(b, s.lo + k)) AS o
	  FROM pairs,
		   LATERAL (SELECT least(first_week(a), first_week(b)) AS lo, greatest(last_week(a), last_week(b)) AS hi) AS s) AS x;
-- symmetric
SELECT count(*) FILTER (WHERE weekline_first_difference(a, b) IS DISTINCT FROM weekline_first_difference(b, a)) AS asymmetric FROM pairs;
