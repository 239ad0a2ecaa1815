--
-- spell_survival: the Kaplan-Meier state of weekline spells without spells() rows
-- (src/survival/spell_survival.c)
--
\i test/lib/errors.sql

-- by hand: three histories, spells of 1101/1102 bridging breaks of up to 2 weeks
CREATE TABLE ss_small (id int, w weekline);
INSERT INTO ss_small VALUES
	(1, '2015-W01 0x4 1101x3 0x2 1102x2 0x10'),	-- a spell of 5 weeks (7 elapsed), ended
	(2, '2015-W01 1101x6 0x8'),					-- left-censored: left out
	(3, '2015-W01 0x2 1101x3 0x5 1102x4'),			-- 3 weeks ended, then 4 weeks right-censored
	(4, NULL);									-- skipped
SELECT spell_survival(w, '{1101,1102}', 2, '[2015-W01,2016-W01)') FROM ss_small;
SELECT survival(sp.weeks, NOT sp.right_censored)
FROM ss_small, spells(w, '{1101,1102}', 2) AS sp
WHERE NOT sp.left_censored AND lower(sp.spell) <@ '[2015-W01,2016-W01)'::weekrange;
-- only spells starting in the range: the second spell of history 3 starts in 2015-W11
SELECT spell_survival(w, '{1101,1102}', 2, '[2015-W01,2015-W10)') FROM ss_small;
-- no spell at all gives NULL, as no rows do
SELECT spell_survival(w, '{1101,1102}', 2, '[2016-W01,2017-W01)') IS NULL AS no_spell,
	   (SELECT spell_survival(w, '{1101}', 0, '[2015-W01,2016-W01)') FROM ss_small WHERE false) IS NULL AS no_rows,
	   spell_survival(w, '{1101,1102}', 2, 'empty') IS NULL AS empty_range
FROM ss_small;
-- a NULL argument skips the row
SELECT spell_survival(w, NULL, 2, '[2015-W01,2016-W01)') IS NULL AS null_codes,
	   spell_survival(w, '{1101,1102}', NULL, '[2015-W01,2016-W01)') IS NULL AS null_gap,
	   spell_survival(w, '{1101,1102}', 2, NULL) IS NULL AS null_range
FROM ss_small;

-- errors
SELECT pg_temp.err($$SELECT spell_survival(w, '{1101}', -1, '[2015-W01,2016-W01)') FROM ss_small$$);
SELECT pg_temp.err($$SELECT spell_survival(w, '{1101,NULL}', 0, '[2015-W01,2016-W01)') FROM ss_small$$);
SELECT pg_temp.err($$SELECT spell_survival_trans(NULL, '2015-W01 1101x2', '{1101}', 0, '[2015-W01,2016-W01)')$$);

-- random histories (fixed seed): the state equals the spells() way, text for text,
-- for several gaps and ranges (open ends included)
SELECT setseed(0.75);
CREATE TABLE ss_hist AS
SELECT p, p % 7 AS grp,
	   weekline_from_runs('2010-W01'::isoweek + (p % 13) * 20, array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM (SELECT p, r, (ARRAY[0, 0, 1101, 1102, 1201, 1301])[1 + floor(random() * 6)::int] AS code,
			 1 + floor(random() * 40)::int AS len
	  FROM generate_series(1, 3000) AS p, LATERAL generate_series(1, 1 + floor(random() * 30)::int + 0 * p) AS r) AS runs
GROUP BY p;
CREATE TABLE ss_case (max_gap int, started weekrange);
INSERT INTO ss_case VALUES (0, '[2012-W01,2014-W01)'), (5, '[2012-W01,2014-W01)'), (5, '(,)'),
	(2, '[2013-W10,)'), (13, '(,2011-W30)'), (0, '[2012-W05,2012-W06)');
SELECT c.max_gap, c.started,
	   (SELECT count(*) FROM ss_hist, spells(w, '{1101,1102}', c.max_gap) AS sp
		WHERE NOT sp.left_censored AND lower(sp.spell) <@ c.started) AS spells,
	   (SELECT survival(sp.weeks, NOT sp.right_censored)::text FROM ss_hist, spells(w, '{1101,1102}', c.max_gap) AS sp
		WHERE NOT sp.left_censored AND lower(sp.spell) <@ c.started)
	   = (SELECT spell_survival(w, '{1101,1102}', c.max_gap, c.started)::text FROM ss_hist) AS same_state
FROM ss_case AS c ORDER BY c.max_gap, c.started;
-- by group (GROUP BY)
SELECT count(*) AS groups, count(*) FILTER (WHERE a.s IS DISTINCT FROM b.s) AS differ
FROM (SELECT grp, survival(sp.weeks, NOT sp.right_censored)::text AS s
	  FROM ss_hist, spells(w, '{1101,1102}', 5) AS sp
	  WHERE NOT sp.left_censored AND lower(sp.spell) >= '2012-W01' AND lower(sp.spell) < '2014-W01'
	  GROUP BY grp) AS a
	 FULL JOIN (SELECT grp, spell_survival(w, '{1101,1102}', 5, '[2012-W01,2014-W01)')::text AS s
				FROM ss_hist GROUP BY grp) AS b USING (grp);
-- merge law: the states of any split, merged, equal the whole
SELECT (SELECT survival_merge(s)::text FROM (SELECT spell_survival(w, '{1101,1102}', 5, '(,)') AS s
											FROM ss_hist GROUP BY p % 5) AS parts)
	   = (SELECT spell_survival(w, '{1101,1102}', 5, '(,)')::text FROM ss_hist) AS merged_equals_whole;

-- forced parallel plan equals serial
CREATE TEMP TABLE ss_serial AS
SELECT spell_survival(w, '{1101,1102}', 5, '[2011-W01,2015-W01)')::text AS s FROM ss_hist;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT spell_survival(w, '{1101,1102}', 5, '[2011-W01,2015-W01)') FROM ss_hist;
SELECT spell_survival(w, '{1101,1102}', 5, '[2011-W01,2015-W01)')::text = (SELECT s FROM ss_serial) AS parallel_equals_serial
FROM ss_hist;
RESET max_parallel_workers_per_gather;
DROP TABLE ss_small, ss_hist, ss_case;
