-- bench/parallel.sql: every aggregate of jobreg, serial against parallel.
--
-- Each aggregate runs on the same data with max_parallel_workers_per_gather = 0
-- and = 2, alternately, best of 3 each, in one run; the table prints both times,
-- the speedup, and whether the parallel plan has a Partial Aggregate under a
-- Gather (partial states computed in the workers, merged by the combine
-- function).  The first row, count() over the spell rows, is the scan floor: the
-- speedup the machine gives a plain scan.  Parallel plans are made cheap to choose (setup and tuple costs 0),
-- so the planner takes one wherever it can.  The leader takes part, as it does by
-- default.  At the end: any aggregate of the extension that was not timed.
--
-- Data (psql -v rows=N to change the 2,000,000): N spell rows with every column an
-- aggregate needs; N weeklines; N long rows for N/100 persons; N/200 stored
-- survival and cuminc states; N/2 offer rows for N/10 persons; N aktivering values.
\set ON_ERROR_STOP 1
\if :{?rows}
\else
\set rows 2000000
\endif
\pset footer off
SET client_min_messages = warning;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;

SELECT setseed(0.3) \gset
CREATE UNLOGGED TABLE bp_row AS
SELECT weeks, random() < 0.7 AS ended, 0.5 + random() AS w, floor(random() * weeks) AS entry,
	   (ARRAY['København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers'])[1 + i % 6] AS grp,
	   (ARRAY[0, 1, 1, 2, 3])[1 + floor(random() * 5)::int] AS cause,
	   daterange(date '2014-06-01' + s, date '2014-06-01' + s + (random() * 400)::int) AS spell,
	   round(random()::numeric, 2)::float8 AS degree,
	   random() < 0.12 AS success, random() < 0.4 AS tgrp, 100 + 15 * random() AS x,
	   '2016-W01'::isoweek + s % 52 AS start,
	   CASE WHEN random() < 0.4 THEN '2016-W01'::isoweek + s % 52 + floor(random() * 30)::int END AS outcome,
	   floor(random() * 700)::int AS anc,
	   (SELECT array_agg(kode ORDER BY kode) FROM kommune)[1 + i % 98] AS kommune,
	   random() * 10 AS num, 1 + random() * 100 AS den
FROM generate_series(1, :rows) AS i,
	 LATERAL (SELECT least(1 + floor(-ln(1 - random()) * 40), 520) AS weeks, (random() * 700)::int AS s, i * 0 AS z) AS r;
CREATE UNLOGGED TABLE bp_hist AS
SELECT weekline_from_runs('2008-W01', ARRAY[0, c, 0], ARRAY[a, b, 887 - a - b]) AS wl
FROM generate_series(1, :rows) AS i,
	 LATERAL (SELECT (ARRAY[1101, 1102, 1111, 1201, 1301])[1 + floor(random() * 5)::int] AS c,
					 1 + floor(random() * 400)::int AS a, 1 + floor(random() * 300)::int + i * 0 AS b) AS r;
CREATE UNLOGGED TABLE bp_long AS
SELECT i / 100 AS pnr, '2008-W01'::isoweek + (i % 100) * 5 AS week, (ARRAY[1101, 1102, 1201, 1301])[1 + (i / 7) % 4] AS code
FROM generate_series(0, :rows - 1) AS i;
CREATE UNLOGGED TABLE bp_state AS
SELECT grp, survival(weeks, ended) AS s, cuminc(weeks, cause) AS c
FROM (SELECT *, row_number() OVER () % (:rows / 200) AS g FROM bp_row) AS r GROUP BY g, grp;
-- 5 offers per person; a person's benefit period depends on the person only
CREATE UNLOGGED TABLE bp_offer AS
SELECT i / 5 AS cpr, datemultirange(daterange(date '2014-10-01' + i / 5 % 150, date '2015-01-01' + i / 5 % 150)) AS ydelse,
	   (SELECT array_agg(kode ORDER BY kode) FROM tilbudstype)[1 + i % 7] AS type,
	   daterange(date '2014-12-01' + o, date '2014-12-01' + o + 1 + floor(random() * 60)::int) AS periode,
	   (ARRAY[10, 18.5, 20, 30, 37])[1 + floor(random() * 5)::int]::float8 AS timer
FROM generate_series(0, :rows / 2 - 1) AS i, LATERAL (SELECT floor(random() * 110)::int + i * 0 AS o) AS r;
CREATE UNLOGGED TABLE bp_akt AS
SELECT a FROM (SELECT aktivering(ydelse, '[2015-01-01,2015-04-01)', type, periode, timer) AS a FROM bp_offer GROUP BY cpr) AS p,
	 generate_series(1, 10) AS k;
VACUUM ANALYZE bp_row, bp_hist, bp_long, bp_state, bp_offer, bp_akt;
SELECT (SELECT count(*) FROM bp_row) AS spell_rows, (SELECT count(*) FROM bp_hist) AS weeklines,
	   (SELECT count(*) FROM bp_long) AS long_rows, (SELECT count(*) FROM bp_state) AS stored_states,
	   (SELECT count(*) FROM bp_offer) AS offer_rows, (SELECT count(*) FROM bp_akt) AS aktivering_values,
	   pg_size_pretty(pg_total_relation_size('bp_row')) AS spell_table;

CREATE TEMP TABLE bp_time (agg regprocedure, ms0 float8, ms2 float8, partial bool, seq serial);
-- Times `query` with 0 and with 2 workers per Gather, best of 3 each, alternately.
CREATE FUNCTION pg_temp.par(agg regprocedure, query text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	plan text := '';
	line text;
	t0 timestamptz;
	best0 float8 := 'infinity';
	best2 float8 := 'infinity';
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', '2', true);
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		plan := plan || line || E'\n';
	END LOOP;
	FOR k IN 1..3 LOOP
		PERFORM set_config('max_parallel_workers_per_gather', '0', true);
		t0 := clock_timestamp();
		EXECUTE query;
		best0 := least(best0, extract(epoch FROM clock_timestamp() - t0) * 1000);
		PERFORM set_config('max_parallel_workers_per_gather', '2', true);
		t0 := clock_timestamp();
		EXECUTE query;
		best2 := least(best2, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	INSERT INTO bp_time (agg, ms0, ms2, partial)
	VALUES (agg, best0, best2, plan ~ 'Gather' AND plan ~ 'Partial (Hash|Group)?Aggregate');
END $$;

\o /dev/null
SELECT pg_temp.par('count("any")', 'SELECT count(weeks) FROM bp_row');   -- the scan floor
SELECT pg_temp.par('min(isoweek)', 'SELECT min(start) FROM bp_row');
SELECT pg_temp.par('max(isoweek)', 'SELECT max(start) FROM bp_row');
SELECT pg_temp.par('weekline_agg(isoweek, int)',
	'SELECT count(w) FROM (SELECT pnr, weekline_agg(week, code) AS w FROM bp_long GROUP BY pnr) AS p');
SELECT pg_temp.par('survival(float8, bool)', 'SELECT survival(weeks, ended) FROM bp_row');
SELECT pg_temp.par('survival(float8, bool, float8)', 'SELECT survival(weeks, ended, w) FROM bp_row');
SELECT pg_temp.par('survival(float8, float8, bool)', 'SELECT survival(entry, weeks, ended) FROM bp_row');
SELECT pg_temp.par('survival_merge(survival)', 'SELECT survival_merge(s) FROM bp_state');
SELECT pg_temp.par('logrank(float8, bool, text)', 'SELECT logrank(weeks, ended, grp) FROM bp_row');
SELECT pg_temp.par('logrank(text, survival)', 'SELECT logrank(grp, s) FROM bp_state');
SELECT pg_temp.par('cuminc(float8, int)', 'SELECT cuminc(weeks, cause) FROM bp_row');
SELECT pg_temp.par('cuminc_merge(cuminc)', 'SELECT cuminc_merge(c) FROM bp_state');
SELECT pg_temp.par('fuldtidspersoner(daterange, daterange)',
	$$SELECT fuldtidspersoner(spell, '[2015-01-01,2016-01-01)') FROM bp_row$$);
SELECT pg_temp.par('fuldtidspersoner(daterange, daterange, float8)',
	$$SELECT fuldtidspersoner(spell, '[2015-01-01,2016-01-01)', degree) FROM bp_row$$);
SELECT pg_temp.par('fuldtidspersoner(weekline, int[], weekrange)',
	$$SELECT fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, 1)) FROM bp_hist$$);
SELECT pg_temp.par('fuldtidspersoner(weekline, int[], weekrange, float8)',
	$$SELECT fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, 1), 13) FROM bp_hist$$);
SELECT pg_temp.par('prop_test(bool, bool)', 'SELECT prop_test(success, tgrp) FROM bp_row');
SELECT pg_temp.par('welch_test(float8, bool)', 'SELECT welch_test(x, tgrp) FROM bp_row');
SELECT pg_temp.par('aktivering(datemultirange, daterange, text, daterange, float8)',
	$$SELECT count(a) FROM (SELECT aktivering(ydelse, '[2015-01-01,2015-04-01)', type, periode, timer) AS a
							FROM bp_offer GROUP BY cpr) AS p$$);
SELECT pg_temp.par('aktivering_sum(aktivering)', 'SELECT aktivering_sum(a) FROM bp_akt');
SELECT pg_temp.par('aktiveringsgrad(aktivering)', 'SELECT aktiveringsgrad(a) FROM bp_akt');
SELECT pg_temp.par('andel_aktiveringsberoerte(aktivering)', 'SELECT andel_aktiveringsberoerte(a) FROM bp_akt');
SELECT pg_temp.par('virksomhedsrettet_andel(aktivering)', 'SELECT virksomhedsrettet_andel(a) FROM bp_akt');
SELECT pg_temp.par('anciennitet_fordeling(int)', 'SELECT anciennitet_fordeling(anc) FROM bp_row');
SELECT pg_temp.par('andel_inden_for(isoweek, isoweek, int, isoweek)',
	$$SELECT andel_inden_for(start, outcome, 13, '2016-W52') FROM bp_row$$);
SELECT pg_temp.par('klynge_benchmark(int, float8, float8, int, text)',
	$$SELECT klynge_benchmark(kommune, num, den, 101, 'lower') FROM bp_row$$);
\o

SELECT agg AS aggregate, round(ms0::numeric) AS serial_ms, round(ms2::numeric) AS "2 workers ms",
	   round((ms0 / ms2)::numeric, 2) AS speedup, partial AS "Partial Aggregate under Gather"
FROM bp_time ORDER BY seq;
SELECT count(*) AS jobreg_aggregates, round(exp(avg(ln(ms0 / ms2)))::numeric, 2) AS geometric_mean_speedup,
	   round(min(ms0 / ms2)::numeric, 2) AS lowest, round(max(ms0 / ms2)::numeric, 2) AS highest,
	   count(*) FILTER (WHERE NOT partial) AS without_partial_plan
FROM bp_time WHERE agg <> 'count("any")'::regprocedure;
SELECT coalesce(string_agg(a.aggfnoid::regprocedure::text, ', '), 'none') AS aggregates_not_timed
FROM pg_aggregate AS a
	 JOIN pg_depend AS d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
	 JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'jobreg'
WHERE a.aggfnoid::regprocedure NOT IN (SELECT agg FROM bp_time);

DROP TABLE bp_row, bp_hist, bp_long, bp_state, bp_offer, bp_akt;
