--
-- durations: anciennitet, langvarig, bands, first_week_on, anciennitet_fordeling, andel_inden_for
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- a hand-made history: on codes 10/11 for 20 weeks, off 3, on 10, off 8, on 5
SELECT '2014-W01 10x12 11x8 0x3 10x10 0x8 11x5'::weekline AS wl \gset
SELECT anciennitet(:'wl', '{10,11}', '2014-W20') AS in_first_spell,
	   anciennitet(:'wl', '{10,11}', '2014-W30') AS bridged_3_weeks,
	   anciennitet(:'wl', '{10,11}', '2014-W30', 2) AS gap_too_long,
	   anciennitet(:'wl', '{10,11}', '2014-W22') AS in_bridged_break,
	   anciennitet(:'wl', '{10,11}', '2014-W36', 8) AS bridged_8_weeks,
	   anciennitet(:'wl', '{10,11}', '2014-W36') AS off_benefit,
	   anciennitet(:'wl', '{20}', '2014-W10') AS code_never_occurs,
	   anciennitet(:'wl', '{10,11}', '2016-W01') AS outside_span;
SELECT langvarig(:'wl', '{10,11}', '2014-W30', 0.5) AS half_year,
	   langvarig(:'wl', '{10,11}', '2014-W30', 0.6) AS not_yet,
	   langvarig(:'wl', '{10,11}', '2014-W36') AS off_benefit;
SELECT first_week_on(:'wl', '{11}', '2014-W01') AS first_11, first_week_on(:'wl', '{11}', '2014-W15') AS inside_run,
	   first_week_on(:'wl', '{11}', '2014-W21') AS next_run, first_week_on(:'wl', '{20}', '2014-W01') AS never;
SELECT w, anciennitet_gruppe(w) FROM unnest(ARRAY[0, 259, 260, 363, 364, 519, 520, 2000]) w;

-- bad input
SELECT pg_temp.err($$SELECT anciennitet_gruppe(-1)$$) AS negative_weeks,
	   pg_temp.err($$SELECT langvarig('2014-W01 10x3', '{10}', '2014-W02', -1)$$) AS negative_years,
	   pg_temp.err($$SELECT langvarig('2014-W01 10x3', '{10}', '2014-W02', 'NaN')$$) AS nan_years,
	   pg_temp.err($$SELECT anciennitet('2014-W01 10x3', '{10}', '2014-W02', -1)$$) AS negative_gap,
	   pg_temp.err($$SELECT anciennitet('2014-W01 10x3', '{10,NULL}', '2014-W02')$$) AS null_code;
SELECT pg_temp.err($$SELECT andel_inden_for(w, w, 0, w) FROM (VALUES ('2014-W01'::isoweek)) v(w)$$) AS zero_weeks,
	   pg_temp.err($$SELECT andel_inden_for(w, w - 1, 13, w + 20) FROM (VALUES ('2014-W01'::isoweek)) v(w)$$) AS outcome_before_start,
	   pg_temp.err($$SELECT anciennitet_fordeling(w) FROM (VALUES (-3)) v(w)$$) AS negative_anciennitet,
	   pg_temp.err($$SELECT jobreg_array_sum('{1,2}', '{1}')$$) AS mismatched_states,
	   pg_temp.err($$SELECT anciennitet_fordeling_final('{1,NULL,0,0,0,0,0,0}')$$) AS null_in_state;

-- NULLs and empty input behave like PostgreSQL's aggregates
SELECT anciennitet(NULL, '{10}', '2014-W01'), langvarig('2014-W01 10x3', NULL, '2014-W01'), anciennitet_gruppe(NULL);
SELECT anciennitet_fordeling(n) IS NULL AS empty_is_null, andel_inden_for(w, w, 13, w) IS NULL AS empty_share
FROM (SELECT NULL::int AS n, NULL::isoweek AS w WHERE false) e;
SELECT (anciennitet_fordeling(w)).* FROM (VALUES (NULL::int), (104), (105), (NULL)) v(w);
SELECT andel_inden_for(s, o, 13, u) FROM (VALUES
	('2016-W01'::isoweek, '2016-W05'::isoweek, '2016-W40'::isoweek),  -- reached
	('2016-W01', NULL, '2016-W40'),                                  -- followed, not reached
	('2016-W01', '2016-W14', '2016-W40'),                            -- week 14: too late
	('2016-W30', '2016-W31', '2016-W40'),                            -- only 11 weeks followed: skipped
	(NULL, '2016-W02', '2016-W40')) v(s, o, u);                      -- no start: skipped
-- jobreg.min_cell: fewer persons than n keep the row with every figure withheld
SET jobreg.min_cell = 3;
SELECT (anciennitet_fordeling(w)).* FROM (VALUES (104), (105)) v(w);
SELECT (anciennitet_fordeling(w)).personer FROM (VALUES (104), (105), (300)) v(w);
SELECT andel_inden_for(s, o, 13, u) AS two_followed, andel_inden_for(s, o, 13, u) FILTER (WHERE o IS NULL) AS one_followed
FROM (VALUES ('2016-W01'::isoweek, '2016-W05'::isoweek, '2016-W40'::isoweek), ('2016-W01', NULL, '2016-W40'),
			 ('2016-W02', NULL, '2016-W40')) v(s, o, u);
RESET jobreg.min_cell;

-- 2,000 random histories over 300 weeks, against a long table and gaps-and-islands SQL
SELECT setseed(0.2015);
CREATE TABLE an_runs AS
SELECT p, r, (ARRAY[0, 10, 11, 20])[1 + floor(random() * 4)::int] AS code, 1 + floor(random() * random() * 30)::int AS len
FROM generate_series(1, 2000) p, generate_series(1, 20) r;
CREATE TABLE an_long AS
SELECT p, '2014-W01'::isoweek + (off - len)::int + i AS week, code
FROM (SELECT p, code, len, sum(len) OVER (PARTITION BY p ORDER BY r) AS off FROM an_runs) x, generate_series(0, len - 1) i;
CREATE TABLE an_wl AS SELECT p, weekline_agg(week, code) AS wl FROM an_long GROUP BY p;
CREATE TABLE an_probe AS
SELECT at, g FROM unnest(ARRAY['2014-W10', '2014-W52', '2015-W30', '2016-W20', '2018-W01']::isoweek[]) at, unnest(ARRAY[0, 2, 5]) g;

-- the spell holding `at`, by gaps-and-islands: a new spell starts after a break longer than g weeks
CREATE TABLE an_oracle AS
WITH on_weeks AS (SELECT p, week FROM an_long WHERE code IN (10, 11)),
	 starts AS (SELECT g, p, week, CASE WHEN week - lag(week) OVER w > g + 1 OR lag(week) OVER w IS NULL THEN 1 ELSE 0 END AS s
				FROM on_weeks, (SELECT DISTINCT g FROM an_probe) gs WINDOW w AS (PARTITION BY g, p ORDER BY week)),
	 islands AS (SELECT g, p, week, sum(s) OVER (PARTITION BY g, p ORDER BY week) AS id FROM starts),
	 spells AS (SELECT g, p, min(week) AS f, max(week) AS l FROM islands GROUP BY g, p, id)
SELECT pr.at, pr.g, s.p, pr.at - s.f + 1 AS weeks
FROM an_probe pr JOIN spells s ON s.g = pr.g AND pr.at BETWEEN s.f AND s.l;

SELECT count(*) AS probes,
	   count(o.weeks) AS in_a_spell,
	   count(*) FILTER (WHERE anciennitet(w.wl, '{10,11}', pr.at, pr.g) IS DISTINCT FROM o.weeks) AS anciennitet_mismatch,
	   count(*) FILTER (WHERE langvarig(w.wl, '{10,11}', pr.at, 0.5, pr.g) IS DISTINCT FROM coalesce(o.weeks >= 26, false)) AS langvarig_mismatch
FROM an_wl w CROSS JOIN an_probe pr LEFT JOIN an_oracle o ON o.p = w.p AND o.at = pr.at AND o.g = pr.g;

SELECT count(*) AS probes,
	   count(*) FILTER (WHERE first_week_on(w.wl, '{11,20}', pr.at) IS DISTINCT FROM o.first) AS first_week_on_mismatch
FROM an_wl w CROSS JOIN (SELECT DISTINCT at FROM an_probe) pr
LEFT JOIN (SELECT l.p, pr.at, min(l.week) AS first FROM an_long l JOIN (SELECT DISTINCT at FROM an_probe) pr ON l.week >= pr.at
		   WHERE l.code IN (11, 20) GROUP BY l.p, pr.at) o ON o.p = w.p AND o.at = pr.at;

-- anciennitet_fordeling and andel_inden_for against plain SQL, by group
CREATE TABLE an_rows AS
SELECT i % 7 AS grp, floor(random() * 800)::int AS weeks,
	   '2015-W01'::isoweek + floor(random() * 150)::int AS start,
	   CASE WHEN random() < 0.7 THEN floor(random() * 40)::int END AS outcome_after,
	   '2015-W01'::isoweek + 150 AS observed_until
FROM generate_series(1, 100000) i;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE (f).personer IS DISTINCT FROM n OR NOT pg_temp.near((f).gennemsnit_aar, mean, 0, 1e-12)
			OR NOT (pg_temp.near((f).andel_over_2_aar, o2, 0) AND pg_temp.near((f).andel_over_3_aar, o3, 0)
					AND pg_temp.near((f).andel_over_5_aar, o5, 0) AND pg_temp.near((f).andel_5_7_aar, b57, 0)
					AND pg_temp.near((f).andel_7_10_aar, b710, 0) AND pg_temp.near((f).andel_10_plus_aar, b10, 0))) AS fordeling_mismatch,
	   count(*) FILTER (WHERE NOT pg_temp.near(share, share_sql, 0)) AS andel_mismatch
FROM (SELECT grp, anciennitet_fordeling(weeks) AS f, count(*) AS n, avg(weeks) / 52 AS mean,
			 (count(*) FILTER (WHERE weeks > 104))::float8 / count(*) AS o2,
			 (count(*) FILTER (WHERE weeks > 156))::float8 / count(*) AS o3,
			 (count(*) FILTER (WHERE weeks > 260))::float8 / count(*) AS o5,
			 (count(*) FILTER (WHERE weeks >= 260 AND weeks < 364))::float8 / count(*) AS b57,
			 (count(*) FILTER (WHERE weeks >= 364 AND weeks < 520))::float8 / count(*) AS b710,
			 (count(*) FILTER (WHERE weeks >= 520))::float8 / count(*) AS b10,
			 andel_inden_for(start, start + outcome_after, 13, observed_until) AS share,
			 (count(*) FILTER (WHERE start + 12 <= observed_until AND outcome_after < 13))::float8
				/ count(*) FILTER (WHERE start + 12 <= observed_until) AS share_sql
	  FROM an_rows GROUP BY grp) g;

-- forced parallel plans give the serial results
ANALYZE an_rows;
CREATE TABLE an_serial AS
SELECT anciennitet_fordeling(weeks) AS f, andel_inden_for(start, start + outcome_after, 26, observed_until) AS a FROM an_rows;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT anciennitet_fordeling(weeks), andel_inden_for(start, start + outcome_after, 26, observed_until) FROM an_rows;
SELECT (SELECT f FROM an_serial) = anciennitet_fordeling(weeks) AS fordeling_same,
	   (SELECT a FROM an_serial) = andel_inden_for(start, start + outcome_after, 26, observed_until) AS andel_same
FROM an_rows;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- anciennitet walks the runs without building spells: on random histories (fixed seed), at
-- every week of their span and beyond, for several max_gap, it equals the spell_at way
SELECT setseed(0.61);
CREATE TEMP TABLE an_hist AS
SELECT p, weekline_from_runs('2015-W01'::isoweek + p % 5, array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM (SELECT p, r, (ARRAY[0, 0, 10, 11, 20, 30])[1 + floor(random() * 6)::int] AS code,
			 1 + floor(random() * 8)::int AS len
	  FROM generate_series(1, 300) AS p, LATERAL generate_series(1, 1 + floor(random() * 12)::int + 0 * p) AS r) AS runs
GROUP BY p;
SELECT g.max_gap, count(*) AS cases,
	   count(*) FILTER (WHERE anciennitet(h.w, '{10,11}', a.at, g.max_gap) IS NOT NULL) AS in_a_spell,
	   count(*) FILTER (WHERE anciennitet(h.w, '{10,11}', a.at, g.max_gap)
						IS DISTINCT FROM a.at - lower((spell_at(h.w, '{10,11}', g.max_gap, a.at)).spell) + 1) AS differ
FROM an_hist AS h, (VALUES (0), (1), (3), (5), (100)) AS g(max_gap),
	 LATERAL (SELECT first_week(h.w) + k AS at FROM generate_series(-2, last_week(h.w) - first_week(h.w) + 2) AS k) AS a
GROUP BY g.max_gap ORDER BY g.max_gap;
SELECT pg_temp.err($$SELECT anciennitet('2015-W01 10x3', '{10}', '2015-W02', -1)$$) AS negative_gap;
