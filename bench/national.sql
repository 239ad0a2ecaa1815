-- bench/national.sql: the national register on one machine.
--
-- 5.5 million synthetic persons (jobreg_synth) with weekly histories from DREAM's first
-- week, 1991-W27, to 2024-W52, one weekline per person in nat_register (pnr, kommunekode,
-- uger).  The generator stops at scale 1 (the 4.7 million persons of 2008-2024), so the
-- register is seed 1 at scale 1 plus seed 2 at scale 0.17 with pnr + 1,000,000,000
-- (kommunekode = pnr / 1,000,000 in both, as jobreg_synth numbers persons).
-- psql -v scale=0.1 runs a tenth of it.
--
-- Printed, in one run: generation and load time, storage, the decoding floor
-- (sum(weekline_runs_count(uger)): every run of every weekline decoded once, the least work a
-- query reading whole histories does) beside the scan floor count(uger), and for four questions
--   (a) the Kaplan-Meier curve of kontanthjælp spells begun in 2012-2013, by kommune
--       (spells with max_gap 5 + survival; S(t) at 13, 26 and 52 weeks),
--   (b) fuldtidspersoner on kontanthjælp by kommune and quarter of 2015,
--   (c) the anciennitet distribution on kontanthjælp at 2020-W09 (1 March 2020), by kommune,
--   (d) the status of every kontanthjælp recipient of 2015-W10 week by week for 104 weeks, by
--       kommune (flow of the codebook's groups: flow(uger, origin, horizon, 'synthetic'), which
--       recodes inside the aggregate, + flow_table; the cohort by code_in), beside
--       fuldtidspersoner over the same rows (serial and with 2 workers) and the plain-SQL way
--       (code_at per person and week, the cohort by code_at = ANY) on 1 %, scaled to the whole
--       register; and two variants:
--       the cohort inside the aggregate (flow(uger, origin, horizon, 'synthetic', codes)) and the
--       filter form with its rows counted instead of rendered for the comparison,
-- the time on the whole register with 0 and 2 parallel workers (alternately, best of 3),
-- the backend's CPU time (serial), its peak private memory and the aggregates' memory from
-- EXPLAIN ANALYZE; and, on 1 % of the persons, jobreg beside the plain-SQL way (a long
-- table (pnr, week, code) of the weeks with a code, with its primary key, and a person
-- table with each history's first and last week), with the results compared.  Kontanthjælp
-- is codes('synthetic', ...) of both groups, taken once per query by a scalar subquery.
\set ON_ERROR_STOP 1
\set QUIET 1
\if :{?scale}
\else
\set scale 1
\endif
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jobreg_synth;
SELECT :scale AS scale, round(:scale * 0.17, 4) AS extra_scale \gset

-- ---------- generation and load ----------
CREATE TABLE nat_register (pnr int NOT NULL, kommunekode int NOT NULL, uger weekline NOT NULL);
SELECT clock_timestamp() AS t0 \gset
INSERT INTO nat_register
SELECT pnr, pnr / 1000000, weekline_from_runs(first_week, codes, lengths)
FROM synth_histories(1, :scale, first => '1991-W27');
INSERT INTO nat_register
SELECT 1000000000 + pnr, pnr / 1000000, weekline_from_runs(first_week, codes, lengths)
FROM synth_histories(2, :extra_scale, first => '1991-W27');
SELECT clock_timestamp() AS t1 \gset
ALTER TABLE nat_register ADD PRIMARY KEY (pnr);
-- nearly every history is different; ANALYZE's sample guesses a third, and the planner
-- would then cache spells() per distinct weekline (Memoize), see the README
ALTER TABLE nat_register ALTER uger SET (n_distinct = -1);
VACUUM ANALYZE nat_register;
SELECT clock_timestamp() AS t2 \gset

SELECT count(*) AS persons, count(DISTINCT kommunekode) AS kommuner,
	   round(extract(epoch FROM :'t1'::timestamptz - :'t0'::timestamptz)::numeric, 1) AS generate_and_insert_s,
	   round(extract(epoch FROM :'t2'::timestamptz - :'t1'::timestamptz)::numeric, 1) AS primary_key_vacuum_analyze_s,
	   round(avg(pg_column_size(uger)), 1) AS weekline_bytes_avg, max(pg_column_size(uger)) AS weekline_bytes_max,
	   pg_size_pretty(pg_relation_size('nat_register')) AS heap,
	   pg_size_pretty(pg_total_relation_size('nat_register')) AS total_with_pkey,
	   round(pg_relation_size('nat_register')::numeric / count(*), 1) AS heap_bytes_per_person,
	   round(pg_total_relation_size('nat_register')::numeric / count(*), 1) AS total_bytes_per_person
FROM nat_register;
SELECT count(*) AS runs, round(count(*)::numeric / (SELECT count(*) FROM nat_register), 2) AS runs_per_person,
	   sum(upper(weeks) - lower(weeks)) AS person_weeks,
	   sum(upper(weeks) - lower(weeks)) FILTER (WHERE code <> 0) AS person_weeks_with_a_code
FROM nat_register, runs(uger);

-- ---------- the 1 % subset and its plain-SQL tables ----------
CREATE TABLE nat_sub AS SELECT * FROM nat_register WHERE pnr % 100 = 0;
CREATE TABLE nat_person AS
SELECT pnr, kommunekode, first_week(uger) AS first_week, last_week(uger) AS last_week FROM nat_sub;
ALTER TABLE nat_person ADD PRIMARY KEY (pnr);
CREATE TABLE nat_long AS
SELECT s.pnr, lower(r.weeks) + i AS week, r.code
FROM nat_sub AS s, runs(s.uger) AS r, generate_series(0, upper(r.weeks) - lower(r.weeks) - 1) AS i
WHERE r.code <> 0;
ALTER TABLE nat_long ADD PRIMARY KEY (pnr, week);
ALTER TABLE nat_sub ALTER uger SET (n_distinct = -1);
VACUUM ANALYZE nat_sub, nat_person, nat_long;
SELECT (SELECT count(*) FROM nat_sub) AS subset_persons,
	   pg_size_pretty(pg_total_relation_size('nat_sub')) AS subset_weeklines,
	   (SELECT count(*) FROM nat_long) AS long_rows,
	   pg_size_pretty(pg_total_relation_size('nat_long')) AS long_table_with_pkey,
	   round(pg_total_relation_size('nat_long')::numeric / pg_total_relation_size('nat_sub'), 1) AS long_x_weeklines;

-- the plain-SQL spells (gaps and islands: a week more than 6 weeks after the previous week on
-- the codes starts a spell, so breaks of up to 5 weeks are bridged): first and last week, weeks on
-- the codes; (a) and (c) read them
CREATE VIEW nat_long_spell AS
WITH k AS (SELECT pnr, week FROM nat_long
		   WHERE code = ANY ((SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')
									 || codes('synthetic', 'kontanthjælp jobparat'))::int[])),
	 starts AS (SELECT pnr, week, CASE WHEN week - lag(week) OVER w <= 6 THEN 0 ELSE 1 END AS s
				FROM k WINDOW w AS (PARTITION BY pnr ORDER BY week)),
	 islands AS (SELECT pnr, week, sum(s) OVER (PARTITION BY pnr ORDER BY week) AS id FROM starts),
	 spell AS (SELECT pnr, min(week) AS f, max(week) AS l, count(*) AS weeks FROM islands GROUP BY pnr, id)
SELECT pnr, f, l, weeks FROM spell;

-- the codebook's groups numbered as weekline_recode(w, 'synthetic') numbers them (1, 2, ... in
-- the order of their smallest code; 0 stays 0): (d)'s plain SQL maps code_at's codes with it
CREATE TABLE nat_group AS
SELECT c.code, g.nr AS grp
FROM codebook AS c
JOIN (SELECT gruppe, rank() OVER (ORDER BY min(code)) AS nr FROM codebook
	  WHERE codebook = 'synthetic' GROUP BY gruppe) AS g USING (gruppe)
WHERE c.codebook = 'synthetic';
-- with its statistics, as autovacuum would give a user's lookup table: without them the planner
-- sorts the 1 % run's 175,000 (person, week) rows for a merge join, and the plain SQL took
-- 280-340 ms instead of 180 (runs before 2026-12-05 15:00 overstate it so)
ANALYZE nat_group;

-- ---------- the queries ----------
-- Each returns rows with floats rounded to 9 decimals, so that serial, parallel and
-- plain-SQL results can be compared by an md5 of their text.  ${t} is the table, ${kth} the
-- kontanthjælp codes (aktivitetsparat and jobparat) as a scalar subquery.
-- OFFSET 0 keeps an outer filter on an aggregate's result (s IS NOT NULL) out of the
-- aggregating subquery: pushed down, it becomes a HAVING with its own copy of the codes'
-- scalar subquery, which PostgreSQL cannot match with the select list's, so the aggregate
-- ran twice (before 2026-12-05 (a) spell_survival and (c) did).
CREATE TABLE nat_query (task text, method text, query text);
INSERT INTO nat_query VALUES
('(a) Kaplan-Meier', 'jobreg', $$
SELECT kommunekode, count(*) AS spells,
	   round(surv_at(survival(sp.weeks, NOT sp.right_censored), 13)::numeric, 9) AS s13,
	   round(surv_at(survival(sp.weeks, NOT sp.right_censored), 26)::numeric, 9) AS s26,
	   round(surv_at(survival(sp.weeks, NOT sp.right_censored), 52)::numeric, 9) AS s52
FROM ${t} AS r,
	 spells(r.uger, ${kth}, 5) AS sp
WHERE NOT sp.left_censored AND lower(sp.spell) >= '2012-W01' AND lower(sp.spell) < '2014-W01'
GROUP BY kommunekode$$),
('(a) Kaplan-Meier', 'spell_survival', $$
SELECT kommunekode,
	   round(surv_at(s, 13)::numeric, 9) AS s13, round(surv_at(s, 26)::numeric, 9) AS s26,
	   round(surv_at(s, 52)::numeric, 9) AS s52
FROM (SELECT kommunekode,
			 spell_survival(r.uger, ${kth}, 5, '[2012-W01,2014-W01)') AS s
	  FROM ${t} AS r GROUP BY kommunekode OFFSET 0) AS k
WHERE s IS NOT NULL$$),
('(a) Kaplan-Meier', 'plain SQL', $$
WITH sp AS (SELECT p.kommunekode, s.weeks, s.l < p.last_week AS ended
			FROM nat_long_spell AS s JOIN nat_person AS p USING (pnr)
			WHERE s.f > p.first_week AND s.f >= '2012-W01' AND s.f < '2014-W01'),
	 per_time AS (SELECT kommunekode, weeks, count(*) FILTER (WHERE ended) AS d, count(*) AS n_out
				  FROM sp GROUP BY 1, 2),
	 km AS (SELECT kommunekode, weeks, d, n_out,
				   exp(sum(ln(CASE WHEN n > d THEN (n - d)::float8 / n END)) OVER w) AS surv,
				   bool_or(n = d) OVER w AS zero
			FROM (SELECT *, sum(n_out) OVER (PARTITION BY kommunekode ORDER BY weeks DESC) AS n FROM per_time) r
			WINDOW w AS (PARTITION BY kommunekode ORDER BY weeks))
SELECT kommunekode, sum(n_out) AS spells,
	   round((CASE WHEN max(weeks) < 13 THEN NULL WHEN bool_or(zero) FILTER (WHERE weeks <= 13) THEN 0
				   ELSE coalesce(min(surv) FILTER (WHERE weeks <= 13), 1) END)::numeric, 9) AS s13,
	   round((CASE WHEN max(weeks) < 26 THEN NULL WHEN bool_or(zero) FILTER (WHERE weeks <= 26) THEN 0
				   ELSE coalesce(min(surv) FILTER (WHERE weeks <= 26), 1) END)::numeric, 9) AS s26,
	   round((CASE WHEN max(weeks) < 52 THEN NULL WHEN bool_or(zero) FILTER (WHERE weeks <= 52) THEN 0
				   ELSE coalesce(min(surv) FILTER (WHERE weeks <= 52), 1) END)::numeric, 9) AS s52
FROM km GROUP BY kommunekode$$),
('(b) fuldtidspersoner', 'jobreg', $$
SELECT kommunekode, q.q, round(q.f::numeric, 9) AS fuldtidspersoner
FROM (SELECT kommunekode,
			 fuldtidspersoner(uger, ${kth}, quarter_weeks(2015, 1)) AS q1,
			 fuldtidspersoner(uger, ${kth}, quarter_weeks(2015, 2)) AS q2,
			 fuldtidspersoner(uger, ${kth}, quarter_weeks(2015, 3)) AS q3,
			 fuldtidspersoner(uger, ${kth}, quarter_weeks(2015, 4)) AS q4
	  FROM ${t} GROUP BY kommunekode) AS k,
	 LATERAL (VALUES (1, q1), (2, q2), (3, q3), (4, q4)) AS q(q, f)$$),
('(b) fuldtidspersoner', 'fuldtidspersoner_perioder', $$
SELECT kommunekode, q.q, round(q.f::numeric, 9) AS fuldtidspersoner
FROM (SELECT kommunekode,
			 fuldtidspersoner_perioder(uger, ${kth},
									   ARRAY[quarter_weeks(2015, 1), quarter_weeks(2015, 2),
											 quarter_weeks(2015, 3), quarter_weeks(2015, 4)]) AS f
	  FROM ${t} GROUP BY kommunekode) AS k,
	 unnest(k.f) WITH ORDINALITY AS q(f, q)$$),
('(b) fuldtidspersoner', 'plain SQL', $$
SELECT k.kommunekode, q.q, round(coalesce(c.weeks, 0)::numeric / (upper(q.w) - lower(q.w)), 9) AS fuldtidspersoner
FROM (SELECT DISTINCT kommunekode FROM nat_person) AS k
	 CROSS JOIN (SELECT q, quarter_weeks(2015, q) AS w FROM generate_series(1, 4) AS q) AS q
	 LEFT JOIN (SELECT p.kommunekode, extract(quarter FROM thursday(l.week))::int AS q, count(*) AS weeks
				FROM nat_long AS l JOIN nat_person AS p USING (pnr)
				WHERE l.code = ANY (${kth}::int[])
				  AND l.week >= lower(quarter_weeks(2015, 1)) AND l.week < upper(quarter_weeks(2015, 4))
				GROUP BY 1, 2) AS c ON c.kommunekode = k.kommunekode AND c.q = q.q$$),
('(c) anciennitet', 'jobreg', $$
SELECT kommunekode, (f).personer, round((f).gennemsnit_aar::numeric, 9) AS gennemsnit_aar,
	   round((f).andel_over_2_aar::numeric, 9) AS over_2, round((f).andel_over_3_aar::numeric, 9) AS over_3,
	   round((f).andel_over_5_aar::numeric, 9) AS over_5, round((f).andel_5_7_aar::numeric, 9) AS a5_7,
	   round((f).andel_7_10_aar::numeric, 9) AS a7_10, round((f).andel_10_plus_aar::numeric, 9) AS a10_plus
FROM (SELECT kommunekode,
			 anciennitet_fordeling(anciennitet(uger, ${kth}, '2020-W09')) AS f
	  FROM ${t} GROUP BY kommunekode OFFSET 0) AS k
WHERE (f).personer IS NOT NULL$$),
('(c) anciennitet', 'plain SQL', $$
WITH held AS (SELECT pnr, '2020-W09'::isoweek - f + 1 AS weeks FROM nat_long_spell
			  WHERE f <= '2020-W09' AND l >= '2020-W09')
SELECT p.kommunekode, count(*) AS personer, round(avg(h.weeks) / 52, 9) AS gennemsnit_aar,
	   round(count(*) FILTER (WHERE h.weeks > 104)::numeric / count(*), 9) AS over_2,
	   round(count(*) FILTER (WHERE h.weeks > 156)::numeric / count(*), 9) AS over_3,
	   round(count(*) FILTER (WHERE h.weeks > 260)::numeric / count(*), 9) AS over_5,
	   round(count(*) FILTER (WHERE h.weeks >= 260 AND h.weeks < 364)::numeric / count(*), 9) AS a5_7,
	   round(count(*) FILTER (WHERE h.weeks >= 364 AND h.weeks < 520)::numeric / count(*), 9) AS a7_10,
	   round(count(*) FILTER (WHERE h.weeks >= 520)::numeric / count(*), 9) AS a10_plus
FROM held AS h JOIN nat_person AS p USING (pnr)
GROUP BY p.kommunekode$$),
('(d) flow', 'jobreg', $$
SELECT k.kommunekode, t.week, t.code, t.persons, round(t.share::numeric, 6) AS share
FROM (SELECT kommunekode, flow(uger, '2015-W10', 104, 'synthetic') AS f
	  FROM ${t}
	  WHERE code_in(uger, '2015-W10', ${kth})
	  GROUP BY kommunekode) AS k,
	 flow_table(k.f) AS t
WHERE t.persons > 0$$),
('(d) flow', 'plain SQL', $$
WITH kohorte AS (SELECT kommunekode, uger FROM ${t}
				 WHERE code_at(uger, '2015-W10') = ANY (${kth}::int[])),
	 uge AS (SELECT k.kommunekode, w.week, code_at(k.uger, '2015-W10'::isoweek + w.week) AS code
			 FROM kohorte AS k, generate_series(0, 104) AS w (week)),
	 n AS (SELECT u.kommunekode, u.week, coalesce(g.grp, 0)::int AS code, count(*) AS persons
		   FROM uge AS u LEFT JOIN nat_group AS g USING (code)
		   WHERE u.code IS NOT NULL
		   GROUP BY 1, 2, 3)
SELECT kommunekode, week, code, persons::float8 AS persons,
	   round(persons::numeric / sum(persons) OVER (PARTITION BY kommunekode, week), 6) AS share
FROM n$$),
('(d) flow', 'flow cohort', $$
SELECT k.kommunekode, t.week, t.code, t.persons, round(t.share::numeric, 6) AS share
FROM (SELECT kommunekode, flow(uger, '2015-W10', 104, 'synthetic',
							   ${kth}) AS f
	  FROM ${t}
	  GROUP BY kommunekode) AS k,
	 flow_table(k.f) AS t
WHERE t.persons > 0$$),
('(d) flow', 'jobreg, rows counted', $$
SELECT count(*) AS rows, sum(t.persons) AS persons
FROM (SELECT kommunekode, flow(uger, '2015-W10', 104, 'synthetic') AS f
	  FROM ${t}
	  WHERE code_in(uger, '2015-W10', ${kth})
	  GROUP BY kommunekode) AS k,
	 flow_table(k.f) AS t
WHERE t.persons > 0$$),
('(d) flow', 'fuldtidspersoner', $$
SELECT kommunekode,
	   round(fuldtidspersoner(uger, ${kth},
							  weekrange('2015-W10', '2015-W10'::isoweek + 105))::numeric, 9) AS fuldtidspersoner
FROM ${t}
WHERE code_in(uger, '2015-W10', ${kth})
GROUP BY kommunekode$$),
-- (d)'s own floor: the cohort filter alone, which every way of answering (d) runs over every person
('(d) flow', 'cohort filter', $$
SELECT count(*) FROM ${t}
WHERE code_in(uger, '2015-W10', ${kth})$$),
('scan floor', 'count(uger)', $$SELECT count(uger) FROM ${t}$$),
('decoding floor', 'weekline_runs_count', $$SELECT sum(weekline_runs_count(uger)) FROM ${t}$$);

-- (d)'s plain SQL with its rows counted (the share tested, so that it is computed) instead of
-- rendered and hashed: beside 'jobreg, rows counted', the ratio without the comparison's md5,
-- which the 1 % run would otherwise carry into the scaling by 100
INSERT INTO nat_query
SELECT task, 'plain SQL, rows counted',
	   'SELECT count(*) AS rows, sum(persons) AS persons FROM (' || query || ') AS x WHERE share IS NOT NULL'
FROM nat_query WHERE task = '(d) flow' AND method = 'plain SQL';

-- the text of a query on a table: ${t} and ${kth} replaced
CREATE FUNCTION nat_q(task text, method text, tab text) RETURNS text LANGUAGE sql AS $$
	SELECT replace(replace(query, '${t}', tab), '${kth}',
				   $k$(SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'kontanthjælp jobparat'))$k$)
	FROM nat_query WHERE nat_query.task = nat_q.task AND nat_query.method = nat_q.method
$$;
-- the backend's CPU time (user + system) in ms, 10 ms resolution
CREATE FUNCTION nat_cpu_ms() RETURNS float8 LANGUAGE sql AS $$
	SELECT (split_part(s, ' ', 12)::float8 + split_part(s, ' ', 13)::float8) * 10
	FROM (SELECT split_part(pg_read_file('/proc/self/stat'), ') ', 2) AS s) AS x
$$;

CREATE TABLE nat_time (task text, method text, scope text, workers int, ms float8, cpu_ms float8,
							result text, plan text, seq serial);
-- Runs each (query, workers) pair `reps` times, the pairs alternately; keeps the best
-- wall time (and the backend's CPU time in that run) and an md5 of the result rows.
CREATE FUNCTION nat_bm(task text, methods text[], scope text, tab text, workers int[], reps int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	nw int := array_length(workers, 1);
	n int := array_length(methods, 1) * nw;
	best float8[] := array_fill('infinity'::float8, ARRAY[n]);
	cpu float8[] := array_fill(0::float8, ARRAY[n]);
	res text[] := array_fill(NULL::text, ARRAY[n]);
	plans text[] := array_fill(''::text, ARRAY[n]);
	i int;
	query text;
	line text;
	r text;
	t0 timestamptz;
	c0 float8;
	ms float8;
BEGIN
	FOR k IN 1..reps LOOP
		FOR m IN 1..array_length(methods, 1) LOOP
			query := nat_q(task, methods[m], tab);
			FOR w IN 1..nw LOOP
				i := (m - 1) * nw + w;
				PERFORM set_config('max_parallel_workers_per_gather', workers[w]::text, true);
				IF k = 1 THEN
					FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
						plans[i] := plans[i] || line || E'\n';
					END LOOP;
				END IF;
				c0 := nat_cpu_ms();
				t0 := clock_timestamp();
				EXECUTE 'SELECT md5(string_agg(x::text, '','' ORDER BY x::text)) FROM (' || query || ') AS x'
					INTO r;
				res[i] := r;
				ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
				IF ms < best[i] THEN
					best[i] := ms;
					cpu[i] := nat_cpu_ms() - c0;
				END IF;
			END LOOP;
		END LOOP;
	END LOOP;
	FOR m IN 1..array_length(methods, 1) LOOP
		FOR w IN 1..nw LOOP
			i := (m - 1) * nw + w;
			INSERT INTO nat_time (task, method, scope, workers, ms, cpu_ms, result, plan)
			VALUES (task, methods[m], scope, workers[w], best[i], cpu[i], res[i], plans[i]);
		END LOOP;
	END LOOP;
END $$;

\o /dev/null
-- the whole register: 0 and 2 workers, alternately, best of 3
SELECT nat_bm(task, ARRAY[method], 'all persons', 'nat_register', ARRAY[0, 2], 3)
FROM nat_query WHERE method IN ('jobreg', 'spell_survival', 'fuldtidspersoner_perioder', 'count(uger)', 'weekline_runs_count', 'fuldtidspersoner',
								 'flow cohort', 'jobreg, rows counted', 'cohort filter') ORDER BY task DESC, method;
-- 1 %: jobreg and plain SQL, serial, alternately, best of 3
SELECT nat_bm(task, ARRAY['jobreg', 'plain SQL'], '1 % of persons', 'nat_sub', ARRAY[0], 3)
FROM (SELECT DISTINCT task FROM nat_query WHERE method = 'plain SQL') AS t ORDER BY task;
SELECT nat_bm('scan floor', ARRAY['count(uger)'], '1 % of persons', 'nat_sub', ARRAY[0], 3);
SELECT nat_bm('(d) flow', ARRAY['jobreg, rows counted', 'plain SQL, rows counted'], '1 % of persons', 'nat_sub', ARRAY[0], 3);
\o

\echo
\echo 'The whole register, serial (0 workers) and parallel (2 workers per Gather): best of 3'
SELECT s.task, s.method, round(s.ms::numeric) AS serial_ms, round(s.cpu_ms::numeric) AS serial_cpu_ms,
	   round(p.ms::numeric) AS "2 workers ms", round((s.ms / p.ms)::numeric, 2) AS speedup,
	   round((s.ms / f.ms)::numeric, 1) AS "serial × scan floor",
	   round((s.ms / d.ms)::numeric, 2) AS "serial × decoding floor",
	   round((s.cpu_ms / nullif(d.cpu_ms, 0))::numeric, 2) AS "CPU × decoding floor's CPU",
	   p.plan ~ 'Gather' AND p.plan ~ 'Partial (Hash|Group)?Aggregate' AS "Partial Aggregate under Gather",
	   s.result = p.result AS same_result
FROM nat_time AS s
	 JOIN nat_time AS p ON p.task = s.task AND p.method = s.method AND p.scope = s.scope AND p.workers = 2
	 JOIN nat_time AS f ON f.task = 'scan floor' AND f.scope = s.scope AND f.workers = 0
	 JOIN nat_time AS d ON d.task = 'decoding floor' AND d.scope = s.scope AND d.workers = 0
WHERE s.scope = 'all persons' AND s.workers = 0
ORDER BY s.seq;

\echo
\echo '1 % of the persons, serial: jobreg beside plain SQL (long table), best of 3'
SELECT j.task, (SELECT count(*) FROM nat_sub) AS persons, round(j.ms::numeric) AS jobreg_ms,
	   round(p.ms::numeric) AS plain_sql_ms, round((p.ms / j.ms)::numeric, 1) AS "plain SQL × jobreg",
	   round((j.ms / f.ms)::numeric, 1) AS "jobreg × scan floor", j.result = p.result AS same_result
FROM nat_time AS j
	 JOIN nat_time AS p ON p.task = j.task AND p.scope = j.scope AND p.method = 'plain SQL'
	 JOIN nat_time AS f ON f.task = 'scan floor' AND f.scope = j.scope
WHERE j.scope = '1 % of persons' AND j.method = 'jobreg'
ORDER BY j.task;

\echo
\echo '(d) the status of the kontanthjælp recipients of 2015-W10 for 104 weeks, by kommune: flow beside'
\echo 'fuldtidspersoner over the same rows (whole register), and beside plain SQL (code_at per person and'
\echo 'week) on 1 % of the persons, scaled by the persons to the whole register; best of 3'
SELECT f.workers, (SELECT count(*) FROM nat_register) AS persons,
	   round(f.ms::numeric) AS flow_ms, round(u.ms::numeric) AS fuldtidspersoner_ms,
	   round((f.ms / u.ms)::numeric, 2) AS "flow × fuldtidspersoner (target <= 3)",
	   round(p.ms::numeric) AS plain_sql_1pct_ms,
	   round((p.ms * (SELECT count(*) FROM nat_register) / (SELECT count(*) FROM nat_sub))::numeric) AS plain_sql_scaled_ms,
	   round((p.ms * (SELECT count(*) FROM nat_register) / (SELECT count(*) FROM nat_sub) / f.ms)::numeric, 1)
		   AS "plain SQL scaled × flow (target >= 50)",
	   round((p.ms / j.ms)::numeric, 1) AS "plain SQL × flow on the same 1 %",
	   j.result = p.result AS same_result_1pct, f.result = fs.result AS same_result_serial_parallel
FROM nat_time AS f
	 JOIN nat_time AS u ON u.task = f.task AND u.method = 'fuldtidspersoner' AND u.scope = f.scope AND u.workers = f.workers
	 JOIN nat_time AS fs ON fs.task = f.task AND fs.method = 'jobreg' AND fs.scope = f.scope AND fs.workers = 0
	 JOIN nat_time AS j ON j.task = f.task AND j.method = 'jobreg' AND j.scope = '1 % of persons'
	 JOIN nat_time AS p ON p.task = f.task AND p.method = 'plain SQL' AND p.scope = '1 % of persons'
WHERE f.task = '(d) flow' AND f.method = 'jobreg' AND f.scope = 'all persons'
ORDER BY f.workers;

\echo
\echo '(d) variants, whole register, best of 3: the cohort inside the aggregate, flow(uger, origin, 104, codebook, cohort),'
\echo 'and the filter form with its rows counted instead of rendered and hashed (the comparison''s md5 of'
\echo 'about 124,000 rows runs on the leader after the Gather), beside the filter form (jobreg)'
SELECT v.method, v.workers, round(v.ms::numeric) AS ms, round(j.ms::numeric) AS jobreg_ms,
	   round((v.ms / j.ms)::numeric, 2) AS "× jobreg",
	   round((vs.ms / v.ms)::numeric, 2) AS speedup,
	   CASE WHEN v.method = 'flow cohort' THEN v.result = j.result END AS same_rows_as_jobreg
FROM nat_time AS v
	 JOIN nat_time AS j ON j.task = v.task AND j.method = 'jobreg' AND j.scope = v.scope AND j.workers = v.workers
	 JOIN nat_time AS vs ON vs.task = v.task AND vs.method = v.method AND vs.scope = v.scope AND vs.workers = 0
WHERE v.task = '(d) flow' AND v.method IN ('flow cohort', 'jobreg, rows counted') AND v.scope = 'all persons'
ORDER BY v.method, v.workers;

\echo
\echo '(d) with the rows counted on both sides (no md5 of the result rows in either time): plain SQL on 1 %,'
\echo 'scaled by the persons, beside flow on the whole register, and beside the cohort filter alone (the'
\echo 'bound: no way of answering (d) that reads every person can be faster); best of 3'
SELECT f.workers, round(f.ms::numeric) AS flow_rows_counted_ms, round(p.ms::numeric) AS plain_sql_rows_counted_1pct_ms,
	   round((p.ms * (SELECT count(*) FROM nat_register) / (SELECT count(*) FROM nat_sub))::numeric) AS plain_sql_scaled_ms,
	   round((p.ms * (SELECT count(*) FROM nat_register) / (SELECT count(*) FROM nat_sub) / f.ms)::numeric, 1)
		   AS "plain SQL scaled × flow, rows counted",
	   round((p.ms / j.ms)::numeric, 1) AS "plain SQL × flow on the same 1 %, rows counted",
	   round(c.ms::numeric) AS cohort_filter_ms,
	   round((p.ms * (SELECT count(*) FROM nat_register) / (SELECT count(*) FROM nat_sub) / c.ms)::numeric, 1)
		   AS "plain SQL scaled × cohort filter (the bound)",
	   j.result = p.result AS same_counts_1pct
FROM nat_time AS f
	 JOIN nat_time AS j ON j.task = f.task AND j.method = 'jobreg, rows counted' AND j.scope = '1 % of persons'
	 JOIN nat_time AS p ON p.task = f.task AND p.method = 'plain SQL, rows counted' AND p.scope = '1 % of persons'
	 JOIN nat_time AS c ON c.task = f.task AND c.method = 'cohort filter' AND c.scope = f.scope AND c.workers = f.workers
WHERE f.task = '(d) flow' AND f.method = 'jobreg, rows counted' AND f.scope = 'all persons'
ORDER BY f.workers;

\echo
\echo 'Some of the answers (the whole register)'
-- (a) and (d) as the benchmark ran them, for three kommuner and København
SELECT format('SELECT * FROM (%s) AS x WHERE kommunekode IN (101, 751, 461) ORDER BY kommunekode',
			  nat_q('(a) Kaplan-Meier', 'jobreg', 'nat_register')) \gexec
SELECT format('SELECT * FROM (%s) AS x WHERE kommunekode = 101 AND week IN (0, 52, 104) AND code IN (0, 1, 2, 3, 4, 9) ORDER BY week, code',
			  nat_q('(d) flow', 'jobreg', 'nat_register')) \gexec

-- ---------- memory ----------
-- Each query on the whole register once more, serially, in a fresh backend: the peak memory
-- of the plan's hash tables (a hash aggregate's includes its transition states) from
-- EXPLAIN ANALYZE, and the backend's peak private memory, VmHWM - RssShmem - RssFile from
-- /proc/self/status (shared buffers and mapped files are not the query's; JIT is included).
CREATE TABLE nat_memory (task text, hash_peak_kb bigint, disk_kb bigint, backend_private_kb bigint, seq serial);
CREATE FUNCTION nat_memory(task text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	plan jsonb;
	st text;
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', '0', true);
	EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) '
		|| nat_q(task, CASE WHEN task = 'scan floor' THEN 'count(uger)' ELSE 'jobreg' END, 'nat_register')
		INTO plan;
	st := pg_read_file('/proc/self/status');
	INSERT INTO nat_memory (task, hash_peak_kb, disk_kb, backend_private_kb)
	SELECT task,
		   (SELECT max(v::text::bigint) FROM jsonb_path_query(plan, 'strict $.**."Peak Memory Usage"') AS v),
		   (SELECT coalesce(sum(v::text::bigint), 0) FROM jsonb_path_query(plan, 'strict $.**."Disk Usage"') AS v),
		   (SELECT sum(CASE WHEN m[1] = 'VmHWM' THEN 1 ELSE -1 END * m[2]::bigint)
			FROM regexp_matches(st, '(VmHWM|RssShmem|RssFile):\s+(\d+) kB', 'g') AS m);
END $$;
\c
SELECT nat_memory('scan floor') \g /dev/null
\c
SELECT nat_memory('(a) Kaplan-Meier') \g /dev/null
\c
SELECT nat_memory('(b) fuldtidspersoner') \g /dev/null
\c
SELECT nat_memory('(c) anciennitet') \g /dev/null
\c
SELECT nat_memory('(d) flow') \g /dev/null
SET client_min_messages = warning;
\echo
SELECT current_setting('work_mem') AS work_mem \gset
\echo 'Memory, serial, each query in a fresh backend; work_mem =' :work_mem
SELECT task, hash_peak_kb AS "hash tables peak kB", disk_kb AS "spilled kB",
	   backend_private_kb AS "backend peak private kB"
FROM nat_memory ORDER BY seq;

DROP FUNCTION nat_memory(text), nat_bm(text, text[], text, text, int[], int), nat_cpu_ms(), nat_q(text, text, text);
DROP VIEW nat_long_spell;
DROP TABLE nat_register, nat_sub, nat_person, nat_long, nat_group, nat_query, nat_time, nat_memory;
