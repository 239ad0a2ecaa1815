--
-- Activation: aktivering() per person, and aktiveringsgrad, andel_aktiveringsberoerte,
-- virksomhedsrettet_andel and aktivering_sum over persons
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- the shipped offer types
SELECT kode, virksomhedsrettet FROM tilbudstype ORDER BY virksomhedsrettet DESC, kode;

-- a worked example, first quarter 2015 (90 days, so 90 × 37/7 possible hours when on the benefit throughout)
CREATE TEMP TABLE ydelse (cpr int, periode daterange);
CREATE TEMP TABLE tilbud (cpr int, type text, periode daterange, timer float8);
INSERT INTO ydelse VALUES
	(1, '[2015-01-01,2015-04-01)'),		-- on the benefit all quarter
	(2, '[2015-01-01,2015-01-15)'),		-- two stretches
	(2, '[2015-02-01,2015-02-15)'),
	(3, '[2014-01-01,2015-01-01)'),		-- off the benefit in the quarter
	(4, '[2015-03-01,)');				-- open-ended, no offer
INSERT INTO tilbud VALUES
	(1, 'virksomhedspraktik', '[2015-01-05,2015-02-02)', 37),		-- 4 weeks full time
	(1, 'vejledning og opkvalificering', '[2015-01-19,2015-03-02)', 20),	-- overlaps 2 weeks: capped at 37
	(2, 'løntilskud privat', '[2015-01-10,2015-06-01)', 30),		-- counts only while on the benefit
	(3, 'nytteindsats', '[2014-06-01,2015-06-01)', 37);			-- no benefit: no activation
CREATE TEMP TABLE per_person AS
SELECT y.cpr, aktivering(y.perioder, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer) AS a
FROM (SELECT cpr, range_agg(periode) AS perioder FROM ydelse GROUP BY cpr) AS y
	 LEFT JOIN tilbud AS t USING (cpr)
GROUP BY y.cpr;
SELECT cpr, (a).personer, (a).aktiveringsberoerte, round((a).ydelsestimer::numeric, 4) AS ydelsestimer,
	   round((a).aktiveringstimer::numeric, 4) AS aktiveringstimer,
	   round((a).virksomhedsrettede_timer::numeric, 4) AS virksomhedsrettede_timer
FROM per_person ORDER BY cpr;
-- by hand: person 1 has 14 days of praktik alone (74 h), 14 days of both capped at 37/7 a day
-- (74 h, of which 37/57 praktik), 28 days of vejledning alone (80 h); person 2 has 19 benefit
-- days with løntilskud at 30 h a week (10-14 January, 1-14 February)
SELECT (SELECT (a).aktiveringstimer FROM per_person WHERE cpr = 1) = 74 + 74 + 80 AS p1_hours,
	   pg_temp.near((SELECT (a).virksomhedsrettede_timer FROM per_person WHERE cpr = 1), 74 + 74 * 37 / 57.0, 1e-15) AS p1_virk,
	   pg_temp.near((SELECT (a).aktiveringstimer FROM per_person WHERE cpr = 2), 19 * 30 / 7.0, 1e-15) AS p2_hours;
SELECT round(aktiveringsgrad(a)::numeric, 6) AS aktiveringsgrad,
	   round(andel_aktiveringsberoerte(a)::numeric, 6) AS andel_aktiveringsberoerte,
	   round(virksomhedsrettet_andel(a)::numeric, 6) AS virksomhedsrettet_andel,
	   (aktivering_sum(a)).personer, (aktivering_sum(a)).aktiveringsberoerte
FROM per_person;

-- capping, zero hours, bounds of ranges
SELECT label, (aktivering(y, '[2015-01-01,2015-01-29)', k, p, h)).*
FROM (VALUES
	('two full-time offers', '{[2015-01-01,2015-01-29)}'::datemultirange, 'virksomhedspraktik', '[2015-01-01,2015-01-29)'::daterange, 37.0),
	('two full-time offers', '{[2015-01-01,2015-01-29)}', 'ordinær uddannelse', '[2015-01-01,2015-01-29)', 37.0),
	('one offer above full time', '{[2015-01-01,2015-01-29)}', 'jobrotation', '[2015-01-01,2015-01-15)', 50.0),
	('zero hours', '{[2015-01-01,2015-01-29)}', 'virksomhedspraktik', '[2015-01-01,2015-01-29)', 0.0),
	('closed and unbounded', '{(,2015-01-07]}', 'virksomhedspraktik', '[2015-01-05,)', 35.0),
	('infinite', '{[-infinity,infinity)}', 'nytteindsats', '(2015-01-27,infinity]', 14.0),
	('no benefit', '{}', 'virksomhedspraktik', '[2015-01-01,2015-01-29)', 37.0),
	('empty offer', '{[2015-01-01,2015-01-08)}', 'virksomhedspraktik', 'empty', 37.0),
	('no offer', '{[2015-01-01,2015-01-08)}', NULL, NULL, NULL)) AS v(label, y, k, p, h)
GROUP BY label ORDER BY label;

-- NULLs: rows without benefit periods or period are skipped; no rows give NULL
SELECT aktivering(y, p, NULL, NULL, NULL) IS NULL AS only_null_rows
FROM (VALUES (NULL::datemultirange, '[2015-01-01,2015-02-01)'::daterange), ('{[2015-01-01,2015-02-01)}', NULL)) AS v(y, p);
SELECT (aktivering(y, '[2015-01-01,2015-01-08)', k, p, 7)).aktiveringstimer AS null_benefit_row_skipped
FROM (VALUES ('{[2015-01-01,2015-01-08)}'::datemultirange, 'virksomhedspraktik', '[2015-01-01,2015-01-08)'::daterange),
			 (NULL, 'virksomhedspraktik', '[2015-01-01,2015-01-08)')) AS v(y, k, p);
SELECT aktivering(NULL::datemultirange, NULL::daterange, NULL, NULL, NULL) FILTER (WHERE false) IS NULL AS no_rows,
	   aktiveringsgrad(a) IS NULL AS grad_no_rows, andel_aktiveringsberoerte(a) IS NULL AS andel_no_rows,
	   virksomhedsrettet_andel(a) IS NULL AS virk_no_rows, aktivering_sum(a) IS NULL AS sum_no_rows
FROM per_person WHERE false;
SELECT aktiveringsgrad(a) AS grad_no_benefit, virksomhedsrettet_andel(a) AS virk_no_activation,
	   aktivering_sum(a) AS sum_of_nobody
FROM per_person WHERE cpr = 3;
SELECT aktivering_sum(a) IS NOT DISTINCT FROM (SELECT aktivering_sum(a) FROM per_person) AS null_rows_skipped
FROM (SELECT a FROM per_person UNION ALL SELECT NULL) AS x;
-- jobreg.min_cell: a ratio resting on fewer persons than n is withheld; the
-- virksomhedsrettet andel rests on the activated persons
SELECT sum((a).personer) AS personer, sum((a).aktiveringsberoerte) AS beroerte FROM per_person;
SET jobreg.min_cell = 3;
SELECT aktiveringsgrad(a) IS NOT NULL AS grad_shown, andel_aktiveringsberoerte(a) IS NOT NULL AS andel_shown,
	   virksomhedsrettet_andel(a) IS NULL AS virk_withheld
FROM per_person;
SET jobreg.min_cell = 100;
SELECT aktiveringsgrad(a) IS NULL AS grad_withheld, andel_aktiveringsberoerte(a) IS NULL AS andel_withheld,
	   aktivering_sum(a) IS NULL AS sum_withheld, aktivering_personer(a) AS persons_shown
FROM per_person;
-- the persons are those on the benefit (field personer): rows of persons off the benefit do not count
SET jobreg.min_cell = 4;
SELECT aktivering_personer(a) AS persons, aktivering_sum(a) IS NULL AS sum_withheld, aktiveringsgrad(a) IS NULL AS grad_withheld
FROM (SELECT a FROM per_person UNION ALL SELECT a FROM per_person WHERE cpr = 3) AS x;
RESET jobreg.min_cell;

-- bad input, each with its SQLSTATE
SELECT pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', 'kursus', '[2015-01-01,2015-02-01)', 10)$$) AS unknown_type,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', 'virksomhedspraktik', '[2015-01-01,2015-02-01)', -1)$$) AS negative_hours,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', 'virksomhedspraktik', '[2015-01-01,2015-02-01)', 169)$$) AS hours_above_week,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', 'virksomhedspraktik', '[2015-01-01,2015-02-01)', 'NaN')$$) AS nan_hours;
SELECT pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,)', NULL, NULL, NULL)$$) AS infinite_period,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', 'empty', NULL, NULL, NULL)$$) AS empty_period,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', 'virksomhedspraktik', NULL, 10)$$) AS offer_without_days,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', NULL, '[2015-01-01,2015-02-01)', 10)$$) AS offer_without_type;
-- forgetting GROUP BY person, or mixing periods, is an error, not a wrong number
SELECT pg_temp.err($$SELECT aktivering(y.perioder, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer)
					 FROM (SELECT cpr, range_agg(periode) AS perioder FROM ydelse GROUP BY cpr) y JOIN tilbud t USING (cpr)$$) AS no_group_by,
	   pg_temp.err($$SELECT aktivering('{[2015-01-01,2015-04-01)}', p, NULL, NULL, NULL)
					 FROM (VALUES ('[2015-01-01,2015-04-01)'::daterange), ('[2015-01-01,2015-07-01)')) v(p)$$) AS two_periods;
SELECT pg_temp.err($$SELECT aktiveringsgrad(ROW(1, 0, NULL, 0, 0)::aktivering)$$) AS null_field,
	   pg_temp.err($$SELECT aktiveringsgrad(ROW(1, 0, -5, 0, 0)::aktivering)$$) AS negative_field,
	   pg_temp.err($$SELECT aktivering_accum('{0,0,0}', ROW(1, 0, 5, 0, 0)::aktivering)$$) AS bad_state;
SELECT pg_temp.err($$SELECT aktivering_inv('{0,0,0,0,0,0,0,0,0,0,0,0}', ROW(1, 0, 5, 0, 0)::aktivering)$$) AS take_out_of_empty,
	   pg_temp.err($$SELECT aktivering_inv(aktivering_accum('{0,0,0,0,0,0,0,0,0,0,0,0}', ROW(1, 0, 5, 0, 0)::aktivering), ROW(1, 0, 6, 0, 0)::aktivering)$$) AS take_out_more,
	   pg_temp.err($$SELECT aktiveringsgrad(ROW(1, 0, 1e17, 0, 0)::aktivering)$$) AS too_many_hours,
	   pg_temp.err($$SELECT aktiveringsgrad_final('{1,1,0,0.5,0,0,0,0,0,0,0,0}')$$) AS fractional_limb,
	   pg_temp.err($$SELECT aktiveringsgrad_final('{1,-1,0,0,0,0,0,0,0,0,0,0}')$$) AS negative_count;

-- the classification is the table's: count nytteindsats as virksomhedsrettet, add a local type
BEGIN;
UPDATE tilbudstype SET virksomhedsrettet = true WHERE kode = 'nytteindsats';
INSERT INTO tilbudstype (kode, navn, virksomhedsrettet) VALUES ('trainee', 'Trainee-indsats', true);
SELECT k, (aktivering('{[2015-01-01,2015-01-29)}', '[2015-01-01,2015-01-29)', k, '[2015-01-01,2015-01-29)', 37)).virksomhedsrettede_timer
FROM (VALUES ('nytteindsats'), ('trainee')) AS v(k) GROUP BY k ORDER BY k;
ROLLBACK;

-- against a plain-SQL oracle that works day by day, on random persons
CREATE TABLE ak_ydelse AS
SELECT cpr, CASE WHEN random() < 0.05 THEN daterange(date '2014-10-01' + s, NULL)
				 ELSE daterange(date '2014-10-01' + s, date '2014-10-01' + s + 1 + (random() * 150)::int) END AS periode
FROM (SELECT setseed(0.25)) AS seed, generate_series(1, 1500) AS cpr,
	 LATERAL (SELECT generate_series(1, 1 + (random() * 2)::int + cpr * 0) AS k) AS kk,
	 LATERAL (SELECT (random() * 240)::int + k * 0 AS s OFFSET 0) AS x;
CREATE TABLE ak_tilbud AS
SELECT cpr, (ARRAY['virksomhedspraktik', 'løntilskud privat', 'løntilskud offentlig', 'nytteindsats', 'jobrotation',
				   'vejledning og opkvalificering', 'ordinær uddannelse'])[1 + (random() * 6)::int] AS type,
	   CASE WHEN random() < 0.05 THEN daterange(date '2014-11-01' + s, NULL)
			ELSE daterange(date '2014-11-01' + s, date '2014-11-01' + s + 1 + (random() * 100)::int) END AS periode,
	   (ARRAY[0, 5, 10, 18.5, 20, 30, 37, 45, 7.4])[1 + (random() * 8)::int] AS timer
FROM (SELECT setseed(0.26)) AS seed, generate_series(1, 1500) AS cpr,
	 LATERAL (SELECT generate_series(1, (random() * 4)::int + cpr * 0) AS k) AS kk,
	 LATERAL (SELECT (random() * 180)::int + k * 0 AS s OFFSET 0) AS x;
SELECT (SELECT count(*) FROM ak_ydelse) AS benefit_rows, (SELECT count(*) FROM ak_tilbud) AS offer_rows;
CREATE TABLE ak_result AS
SELECT y.cpr, aktivering(y.perioder, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer) AS a
FROM (SELECT cpr, range_agg(periode) AS perioder FROM ak_ydelse GROUP BY cpr) AS y LEFT JOIN ak_tilbud AS t USING (cpr)
GROUP BY y.cpr;
CREATE TEMP TABLE ak_oracle AS
WITH days AS (SELECT y.cpr, d::date AS day
			  FROM (SELECT cpr, range_agg(periode) AS perioder FROM ak_ydelse GROUP BY cpr) AS y,
				   generate_series(date '2015-01-01', date '2015-03-31', interval '1 day') AS d
			  WHERE y.perioder @> d::date),
	 offer_days AS (SELECT d.cpr, d.day, sum(t.timer) AS h,
						   coalesce(sum(t.timer) FILTER (WHERE k.virksomhedsrettet), 0) AS hv
					FROM days AS d JOIN ak_tilbud AS t ON t.cpr = d.cpr AND t.periode @> d.day
						 JOIN tilbudstype AS k ON k.kode = t.type
					WHERE t.timer > 0 GROUP BY d.cpr, d.day)
SELECT d.cpr, count(*) AS benefit_days,
	   coalesce(sum(least(o.h, 37) / 7) FILTER (WHERE o.h IS NOT NULL), 0) AS hours,
	   coalesce(sum(o.hv * least(o.h, 37) / o.h / 7), 0) AS virk
FROM days AS d LEFT JOIN offer_days AS o USING (cpr, day)
GROUP BY d.cpr;
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE (r.a).personer IS DISTINCT FROM (o.cpr IS NOT NULL)::int) AS personer_differ,
	   count(*) FILTER (WHERE (r.a).aktiveringsberoerte IS DISTINCT FROM (coalesce(o.hours, 0) > 0)::int) AS beroerte_differ,
	   count(*) FILTER (WHERE NOT pg_temp.near((r.a).ydelsestimer, coalesce(o.benefit_days, 0) * 37 / 7.0, 1e-12)) AS ydelsestimer_differ,
	   count(*) FILTER (WHERE NOT pg_temp.near((r.a).aktiveringstimer, coalesce(o.hours, 0), 1e-12)) AS timer_differ,
	   count(*) FILTER (WHERE NOT pg_temp.near((r.a).virksomhedsrettede_timer, coalesce(o.virk, 0), 1e-12)) AS virk_differ,
	   count(*) FILTER (WHERE (r.a).aktiveringstimer > 0 AND (r.a).aktiveringstimer < (r.a).ydelsestimer) AS partly_active,
	   count(*) FILTER (WHERE (r.a).virksomhedsrettede_timer > 0) AS with_virk
FROM ak_result AS r LEFT JOIN ak_oracle AS o USING (cpr);
SELECT pg_temp.near(aktiveringsgrad(a), (SELECT sum(hours) / sum(benefit_days * 37 / 7.0) FROM ak_oracle), 1e-12) AS grad,
	   pg_temp.near(andel_aktiveringsberoerte(a), (SELECT count(*) FILTER (WHERE hours > 0)::float8 / count(*) FROM ak_oracle), 1e-12) AS andel,
	   pg_temp.near(virksomhedsrettet_andel(a), (SELECT sum(virk) / sum(hours) FROM ak_oracle), 1e-12) AS virk,
	   round(aktiveringsgrad(a)::numeric, 4) AS aktiveringsgrad
FROM ak_result;

-- the order of a person's rows does not matter
SELECT count(*) FILTER (WHERE a1 IS DISTINCT FROM a2) AS differ
FROM (SELECT y.cpr,
			 aktivering(y.perioder, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer ORDER BY t.timer, t.periode) AS a1,
			 aktivering(y.perioder, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer ORDER BY t.periode DESC, t.type) AS a2
	  FROM (SELECT cpr, range_agg(periode) AS perioder FROM ak_ydelse GROUP BY cpr) AS y LEFT JOIN ak_tilbud AS t USING (cpr)
	  GROUP BY y.cpr) AS x;

-- parallel plans give the serial results: the per-person aggregate (partial states,
-- serialized and combined per person), on persons with many offers each, and the
-- population aggregates
CREATE TABLE ak_flat AS
SELECT y.cpr, y.perioder, t.type, t.periode, t.timer
FROM (SELECT cpr, range_agg(periode) AS perioder FROM ak_ydelse WHERE cpr <= 40 GROUP BY cpr) AS y,
	 ak_tilbud AS t, generate_series(1, 50) AS copies
WHERE t.cpr BETWEEN 1 + (y.cpr - 1) * 30 AND y.cpr * 30;
ANALYZE ak_flat;
ANALYZE ak_result;
CREATE TEMP TABLE ak_flat_serial AS
SELECT cpr, aktivering(perioder, '[2015-01-01,2015-04-01)', type, periode, timer) AS a FROM ak_flat GROUP BY cpr;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT cpr, aktivering(perioder, '[2015-01-01,2015-04-01)', type, periode, timer) FROM ak_flat GROUP BY cpr;
SELECT count(*) AS persons, count(*) FILTER (WHERE p.a IS DISTINCT FROM s.a) AS differ,
	   count(*) FILTER (WHERE (s.a).aktiveringstimer > 0) AS active
FROM (SELECT cpr, aktivering(perioder, '[2015-01-01,2015-04-01)', type, periode, timer) AS a FROM ak_flat GROUP BY cpr) AS p
	 FULL JOIN ak_flat_serial AS s USING (cpr);
EXPLAIN (COSTS OFF) SELECT aktiveringsgrad(a), aktivering_sum(a) FROM ak_result;
CREATE TEMP TABLE par AS
SELECT aktiveringsgrad(a) AS g, andel_aktiveringsberoerte(a) AS b, virksomhedsrettet_andel(a) AS v, aktivering_sum(a) AS s
FROM ak_result;
RESET ALL;
SELECT pg_temp.near(p.g, q.g, 1e-14) AND pg_temp.near(p.b, q.b, 1e-14) AND pg_temp.near(p.v, q.v, 1e-14)
	   AND (p.s).personer = (q.s).personer AND pg_temp.near((p.s).aktiveringstimer, (q.s).aktiveringstimer, 1e-14) AS same
FROM par AS p,
	 (SELECT aktiveringsgrad(a) AS g, andel_aktiveringsberoerte(a) AS b, virksomhedsrettet_andel(a) AS v,
			 aktivering_sum(a) AS s FROM ak_result) AS q;

-- rollups: per-group sums combine to the whole
SELECT pg_temp.near(aktiveringsgrad(s), (SELECT aktiveringsgrad(a) FROM ak_result), 1e-14) AS rollup_same
FROM (SELECT cpr % 10 AS g, aktivering_sum(a) AS s FROM ak_result GROUP BY 1) AS rollup;

-- exact sums: the order of the rows does not change a bit, nor does a parallel plan
SELECT (SELECT aktivering_sum(a ORDER BY cpr) FROM ak_result)::text = (SELECT aktivering_sum(a ORDER BY cpr DESC) FROM ak_result)::text AS order_free,
	   (SELECT aktiveringsgrad(a ORDER BY md5(cpr::text)) FROM ak_result)::text = (SELECT aktiveringsgrad(a ORDER BY cpr) FROM ak_result)::text AS order_free_grad,
	   (SELECT s FROM par)::text = (SELECT aktivering_sum(a) FROM ak_result)::text AS parallel_same_text;
-- ... and agrees with numeric sums of the values' shortest decimals (each within half a unit in the last place)
SELECT pg_temp.near((aktivering_sum(a)).aktiveringstimer, sum((a).aktiveringstimer::text::numeric)::float8, 1e-15) AS hours_as_numeric,
	   pg_temp.near((aktivering_sum(a)).ydelsestimer, sum((a).ydelsestimer::text::numeric)::float8, 1e-15) AS benefit_hours_as_numeric,
	   pg_temp.near((aktivering_sum(a)).virksomhedsrettede_timer, sum((a).virksomhedsrettede_timer::text::numeric)::float8, 1e-15) AS virk_as_numeric
FROM ak_result;
SELECT aktivering_personer(a) AS persons, sum((a).personer) AS oracle, aktivering_personer(a) FILTER (WHERE false) AS no_rows FROM ak_result;

-- moving-aggregate mode (issue 20): rows leave the frame; each row equals the plain aggregates over its frame, as text
CREATE TEMP TABLE ak_w AS SELECT row_number() OVER (ORDER BY cpr) AS r, a FROM ak_result;
CREATE FUNCTION pg_temp.ak_all(lo int8, hi int8) RETURNS text LANGUAGE sql AS
$$SELECT row(aktivering_sum(a), aktiveringsgrad(a), andel_aktiveringsberoerte(a), virksomhedsrettet_andel(a), aktivering_personer(a))::text
  FROM ak_w WHERE r BETWEEN lo AND hi$$;
SELECT count(*) AS rows, count(*) FILTER (WHERE m.t IS DISTINCT FROM pg_temp.ak_all(m.r - 60, m.r)) AS differ
FROM (SELECT r, row(aktivering_sum(a) OVER w, aktiveringsgrad(a) OVER w, andel_aktiveringsberoerte(a) OVER w,
					virksomhedsrettet_andel(a) OVER w, aktivering_personer(a) OVER w)::text AS t
	  FROM ak_w WINDOW w AS (ORDER BY r ROWS BETWEEN 60 PRECEDING AND CURRENT ROW)) AS m;
-- under a threshold the frames cross it (persons on the benefit in a frame of 61 rows vary around 40)
SET jobreg.min_cell = 40;
SELECT count(*) AS rows, count(*) FILTER (WHERE m.g IS NULL) AS withheld,
	   count(*) FILTER (WHERE m.t IS DISTINCT FROM pg_temp.ak_all(m.r - 60, m.r)) AS differ
FROM (SELECT r, aktiveringsgrad(a) OVER w AS g,
			 row(aktivering_sum(a) OVER w, aktiveringsgrad(a) OVER w, andel_aktiveringsberoerte(a) OVER w,
				 virksomhedsrettet_andel(a) OVER w, aktivering_personer(a) OVER w)::text AS t
	  FROM ak_w WINDOW w AS (ORDER BY r ROWS BETWEEN 60 PRECEDING AND CURRENT ROW)) AS m;
RESET jobreg.min_cell;
-- a 0.1.0 catalog with this library (before ALTER EXTENSION jobreg UPDATE): INITCOND of 6 zeros,
-- combined by jobreg_array_sum, also in a parallel plan whose workers may see no rows
CREATE AGGREGATE pg_temp.grad_010(aktivering) (SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktiveringsgrad_final, PARALLEL = SAFE);
CREATE AGGREGATE pg_temp.sum_010(aktivering) (SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktivering_sum_final, PARALLEL = SAFE);
SELECT (SELECT pg_temp.grad_010(a) FROM ak_result)::text = (SELECT aktiveringsgrad(a) FROM ak_result)::text AS grad_010_same,
	   (SELECT pg_temp.sum_010(a) FROM ak_result)::text = (SELECT aktivering_sum(a) FROM ak_result)::text AS sum_010_same,
	   (SELECT pg_temp.sum_010(a) FROM ak_result WHERE false) IS NULL AS sum_010_empty;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT pg_temp.sum_010(a) FROM ak_result;
SELECT (SELECT pg_temp.sum_010(a) FROM ak_result)::text = (SELECT aktivering_sum(a) FROM ak_result)::text AS parallel_010_same,
	   (SELECT pg_temp.sum_010(a) FROM ak_result WHERE cpr = 7)::text = (SELECT aktivering_sum(a) FROM ak_result WHERE cpr = 7)::text AS parallel_010_one_row;
RESET ALL;
DROP TABLE ak_ydelse, ak_tilbud, ak_result, ak_flat;
