-- bench/weekline.sql: register histories as weeklines against a long table.
--
-- 100,000 persons (psql -v persons=N to change) x every ISO week of 2008-2024
-- (887 weeks).  Histories are simple and realistic in shape: mostly no code,
-- with 0-4 benefit episodes per person (fewer more likely), each after a break
-- of 1-200 weeks and made of 1-3 runs of 1-80 weeks (short ones more likely)
-- that alternate between a benefit's two codes (passive and in activation) of
-- the synthetic codebook; kontanthjælp is 4 in 10 episodes.
--
-- Side by side in one run: bytes per person of the weekline table, the long
-- table (person, week, code) with its primary-key index, and an int2[] per
-- person; and the time to extract every kontanthjælp spell (STAR's rule:
-- breaks of up to 5 weeks bridged) with spells() and with gaps-and-islands SQL
-- over the long table, with the same output columns.
\set ON_ERROR_STOP 1
\if :{?persons}
\else
\set persons 100000
\endif
\pset footer off
SET client_min_messages = warning;
SELECT setseed(0.2008);

-- the runs: a break (code 0) before each episode, then the episode's runs
CREATE TEMP TABLE bw_episodes AS
SELECT p, e, (ARRAY[1101, 1101, 1111, 1111, 1201, 1201, 1301, 1601, 1901, 1991])[1 + floor(random() * 10)::int] AS base,
	   1 + floor(random() * 200)::int AS gap, 1 + floor(random() * 3)::int AS m
FROM generate_series(1, :persons) AS p, LATERAL generate_series(1, floor(random() ^ 1.5 * 5)::int + 0 * p) AS e;
CREATE TEMP TABLE bw_runs AS
SELECT p, e, 0 AS s, 0 AS code, gap AS len FROM bw_episodes
UNION ALL
SELECT p, e, s, CASE WHEN base IN (1101, 1111, 1201) THEN base + (s + 1) % 2 ELSE base END,
	   1 + floor(random() ^ 2 * 80)::int + 0 * s
FROM bw_episodes, LATERAL generate_series(1, m) AS s;
CREATE TEMP TABLE bw_cut AS
SELECT p, e, s, code, least(len, 887 - start) AS len
FROM (SELECT *, sum(len) OVER (PARTITION BY p ORDER BY e, s) - len AS start FROM bw_runs) r
WHERE start < 887;

CREATE TABLE bw_hist (p int PRIMARY KEY, w weekline NOT NULL);
INSERT INTO bw_hist
SELECT p, CASE WHEN total < 887 THEN weekline_from_runs('2008-W01', codes || 0, lengths || (887 - total))
			   ELSE weekline_from_runs('2008-W01', codes, lengths) END
FROM (SELECT p, coalesce(array_agg(c.code ORDER BY c.e, c.s) FILTER (WHERE c.len IS NOT NULL), '{}') AS codes,
			 coalesce(array_agg(c.len::int ORDER BY c.e, c.s) FILTER (WHERE c.len IS NOT NULL), '{}') AS lengths,
			 coalesce(sum(c.len), 0)::int AS total
	  FROM generate_series(1, :persons) AS p LEFT JOIN bw_cut c USING (p) GROUP BY p) AS x;
DROP TABLE bw_episodes, bw_runs, bw_cut;

CREATE TABLE bw_long (p int, week isoweek, code int, PRIMARY KEY (p, week));
INSERT INTO bw_long
SELECT h.p, lower(r.weeks) + i, r.code
FROM bw_hist h, runs(h.w) AS r, generate_series(0, upper(r.weeks) - lower(r.weeks) - 1) AS i;
CREATE TABLE bw_int2 (p int PRIMARY KEY, codes int2[] NOT NULL);
INSERT INTO bw_int2
SELECT h.p, ('{' || string_agg(rtrim(repeat(r.code || ',', upper(r.weeks) - lower(r.weeks)), ','), ',' ORDER BY r.weeks) || '}')::int2[]
FROM bw_hist h, runs(h.w) AS r GROUP BY h.p;
VACUUM ANALYZE bw_hist;
VACUUM ANALYZE bw_long;
VACUUM ANALYZE bw_int2;

\echo
\echo == the data
SELECT count(*) AS persons, min(last_week(w) - first_week(w) + 1) AS weeks_each,
	   round(avg((SELECT count(*) FROM runs(w))), 1) AS runs_per_person,
	   round(100.0 * count(*) FILTER (WHERE w = weekline_from_runs('2008-W01', '{0}', '{887}')) / count(*), 1) AS pct_never_on_benefit,
	   round(100.0 * sum(weeks_in(w, (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'kontanthjælp jobparat')), '(,)')) / sum(887), 1) AS pct_weeks_on_kontanthjaelp,
	   (SELECT count(*) FROM bw_long) AS long_rows
FROM bw_hist;

\echo
\echo == storage: bytes per person (pg_total_relation_size: heap, TOAST and indexes)
SELECT 'weekline' AS storage, pg_total_relation_size('bw_hist') / :persons AS bytes_per_person,
	   round(avg(pg_column_size(w)), 1) AS avg_value_bytes, max(pg_column_size(w)) AS max_value_bytes
FROM bw_hist
UNION ALL
SELECT 'long table + primary key', pg_total_relation_size('bw_long') / :persons, NULL, NULL
UNION ALL
SELECT 'int2[] per person', pg_total_relation_size('bw_int2') / :persons, round(avg(pg_column_size(codes)), 1), max(pg_column_size(codes))
FROM bw_int2;
SELECT round(pg_total_relation_size('bw_long')::numeric / pg_total_relation_size('bw_hist'), 1) AS long_over_weekline,
	   round(pg_total_relation_size('bw_int2')::numeric / pg_total_relation_size('bw_hist'), 1) AS int2_over_weekline;

-- spell extraction, both ways, each summarised to a count and a checksum of every column
CREATE TEMP TABLE bw_time (way text, ms float8, spells bigint, checksum numeric);
DO $$
DECLARE
	t0 timestamptz;
	n bigint;
	cs numeric;
	kth int[] := codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'kontanthjælp jobparat');
BEGIN
	-- twice each, the first run warming the caches; the second is kept
	FOR pass IN 1 .. 2 LOOP
		DELETE FROM bw_time;
		t0 := clock_timestamp();
		SELECT count(*), sum((lower(s.spell) - '2008-W01'::isoweek) * 7 + s.weeks * 3 + coalesce(s.prior_gap, -1) * 11
							 + coalesce(s.exit_code, -1) + s.left_censored::int * 13 + s.right_censored::int * 17)
		INTO n, cs
		FROM bw_hist h,
			 spells(h.w, kth, 5) AS s;
		INSERT INTO bw_time VALUES ('weekline: spells()', extract(epoch FROM clock_timestamp() - t0) * 1000, n, cs);

		t0 := clock_timestamp();
		WITH on_codes AS (
			SELECT p, week, week - lag(week) OVER (PARTITION BY p ORDER BY week) - 1 AS break
			FROM bw_long
			WHERE code = ANY (kth)
		), numbered AS (
			SELECT p, week, count(*) FILTER (WHERE break IS NULL OR break > 5) OVER (PARTITION BY p ORDER BY week) AS spell_no
			FROM on_codes
		), spell AS (
			SELECT p, spell_no, min(week) AS first, max(week) + 1 AS next, count(*)::int AS weeks
			FROM numbered GROUP BY p, spell_no
		), full_spell AS (
			SELECT s.first, s.weeks, s.first - lag(s.next) OVER (PARTITION BY s.p ORDER BY s.spell_no) AS prior_gap,
				   x.code AS exit_code, s.first = '2008-W01'::isoweek AS left_censored, s.next = '2025-W01'::isoweek AS right_censored
			FROM spell s LEFT JOIN bw_long x ON x.p = s.p AND x.week = s.next
		)
		SELECT count(*), sum((first - '2008-W01'::isoweek) * 7 + weeks * 3 + coalesce(prior_gap, -1) * 11
							 + coalesce(exit_code, -1) + left_censored::int * 13 + right_censored::int * 17)
		INTO n, cs
		FROM full_spell;
		INSERT INTO bw_time VALUES ('long table: gaps-and-islands SQL', extract(epoch FROM clock_timestamp() - t0) * 1000, n, cs);
	END LOOP;
END $$;

\echo
\echo == extracting every kontanthjælp spell (max_gap 5)
SELECT way, round(ms::numeric, 1) AS ms, spells, checksum FROM bw_time ORDER BY ms;
SELECT count(DISTINCT (spells, checksum)) = 1 AS same_spells,
	   round((max(ms) FILTER (WHERE way LIKE 'long%') / max(ms) FILTER (WHERE way LIKE 'weekline%'))::numeric, 1) AS speedup,
	   round((1000 * max(ms) FILTER (WHERE way LIKE 'weekline%') / :persons)::numeric, 2) AS weekline_us_per_person
FROM bw_time;

-- building weeklines from the long rows (the one-time load), for scale
DO $$
DECLARE
	t0 timestamptz := clock_timestamp();
	bad bigint;
BEGIN
	SELECT count(*) INTO bad
	FROM (SELECT p, weekline_agg(week, code) AS w FROM bw_long GROUP BY p) a JOIN bw_hist h USING (p)
	WHERE a.w <> h.w;
	INSERT INTO bw_time VALUES ('build: weekline_agg over the long rows', extract(epoch FROM clock_timestamp() - t0) * 1000, bad, NULL);
END $$;
\echo
\echo == building every weekline with weekline_agg from the long table (GROUP BY person)
SELECT round(ms::numeric, 1) AS ms, spells AS mismatches, round((1000 * ms / (SELECT count(*) FROM bw_long))::numeric, 3) AS us_per_row
FROM bw_time WHERE way LIKE 'build%';

DROP TABLE bw_hist, bw_long, bw_int2;
