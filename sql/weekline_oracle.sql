--
-- weekline against a plain-SQL oracle: 10,000 random histories as a long
-- table (person, week, code) and gaps-and-islands with window functions
--
SET work_mem = '64MB';
SELECT setseed(0.3103);

-- Each person: 1 to 16 runs of a code drawn from 0 and four benefit codes,
-- mostly short (so that breaks of 0 to 4 weeks are common), starting in 1992-2018.
CREATE TABLE wl_runs AS
SELECT p, r, (ARRAY[0, 0, 1101, 1102, 1201, 1301])[1 + floor(random() * 6)::int] AS code,
	   1 + floor(random() ^ 3 * 16)::int AS len
FROM generate_series(1, 10000) AS p,
	 LATERAL generate_series(1, 1 + floor(random() * 16)::int + 0 * p) AS r;
CREATE TABLE wl_start AS
SELECT p, '1992-W01'::isoweek + floor(random() * 1400)::int AS first FROM generate_series(1, 10000) AS p;

CREATE TABLE wl_hist AS
SELECT p, weekline_from_runs(s.first, array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM wl_runs JOIN wl_start s USING (p) GROUP BY p, s.first;

-- the long table, one row per person and week, in random order
CREATE TABLE wl_long AS
SELECT p, s.first + (o.off + i)::int AS week, o.code
FROM (SELECT p, code, len, sum(len) OVER (PARTITION BY p ORDER BY r) - len AS off FROM wl_runs) AS o
	 JOIN wl_start s USING (p), LATERAL generate_series(0, o.len - 1) AS i
ORDER BY random();
ALTER TABLE wl_long ADD PRIMARY KEY (p, week);
ANALYZE wl_long;
ANALYZE wl_hist;

SELECT count(*) AS persons, sum(n) AS weeks, min(n) AS shortest, max(n) AS longest,
	   (SELECT count(*) FROM wl_long WHERE week_of_year(week) = 53) AS weeks_53
FROM (SELECT p, count(*) AS n FROM wl_long GROUP BY p) AS x;

-- weekline_agg over the shuffled long rows gives the weekline built from the runs;
-- text and binary forms round-trip
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE a.w IS DISTINCT FROM h.w) AS agg_mismatch,
	   count(*) FILTER (WHERE h.w::text::weekline IS DISTINCT FROM h.w) AS text_mismatch,
	   count(*) FILTER (WHERE weekline_send(h.w::text::weekline) IS DISTINCT FROM weekline_send(h.w)) AS send_mismatch
FROM wl_hist h LEFT JOIN (SELECT p, weekline_agg(week, code) AS w FROM wl_long GROUP BY p) a USING (p);
\copy wl_hist TO 'results/weekline_oracle.bin' WITH (FORMAT binary)
CREATE TABLE wl_hist_copy (LIKE wl_hist);
\copy wl_hist_copy FROM 'results/weekline_oracle.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.w IS DISTINCT FROM b.w) AS binary_mismatch FROM wl_hist a JOIN wl_hist_copy b USING (p);

-- code_at on every week, and NULL just outside the span; first_week, last_week
SELECT count(*) AS weeks, count(*) FILTER (WHERE code_at(h.w, l.week) IS DISTINCT FROM l.code) AS code_at_mismatch
FROM wl_long l JOIN wl_hist h USING (p);
SELECT count(*) FILTER (WHERE first_week(h.w) IS DISTINCT FROM b.first OR last_week(h.w) IS DISTINCT FROM b.last) AS span_mismatch,
	   count(*) FILTER (WHERE code_at(h.w, b.first - 1) IS NOT NULL OR code_at(h.w, b.last + 1) IS NOT NULL) AS outside_not_null
FROM wl_hist h JOIN (SELECT p, min(week) AS first, max(week) AS last FROM wl_long GROUP BY p) b USING (p);

-- code_in against code = ANY on every week: a set of close codes (a bit mask), a spread one
-- (binary search), the empty set; NULL just outside the span, as code_at's NULL = ANY gives
SELECT count(*) AS weeks,
	   count(*) FILTER (WHERE code_in(h.w, l.week, '{1102,1101,1102}') IS DISTINCT FROM (l.code = ANY ('{1101,1102}'))) AS close_mismatch,
	   count(*) FILTER (WHERE code_in(h.w, l.week, '{70000,0,1301}') IS DISTINCT FROM (l.code = ANY ('{0,1301,70000}'))) AS spread_mismatch,
	   count(*) FILTER (WHERE code_in(h.w, l.week, '{}') IS DISTINCT FROM false) AS empty_mismatch,
	   count(*) FILTER (WHERE code_in(h.w, l.week, '{1101,1102}')) AS in_close
FROM wl_long l JOIN wl_hist h USING (p);
SELECT count(*) FILTER (WHERE code_in(h.w, b.first - 1, '{0,1101}') IS NOT NULL
						   OR code_in(h.w, b.last + 1, '{0,1101}') IS NOT NULL) AS outside_not_null,
	   count(*) FILTER (WHERE code_in(h.w, b.first, NULL) IS NOT NULL) AS null_codes_not_null
FROM wl_hist h JOIN (SELECT p, min(week) AS first, max(week) AS last FROM wl_long GROUP BY p) b USING (p);

-- runs against gaps-and-islands on code changes
CREATE TABLE wl_runs_oracle AS
SELECT p, weekrange(min(week), max(week) + 1) AS weeks, code
FROM (SELECT p, week, code,
			 (week - '2000-W01'::isoweek) - row_number() OVER (PARTITION BY p, code ORDER BY week) AS island
	  FROM wl_long) AS x
GROUP BY p, code, island;
CREATE TABLE wl_runs_fn AS SELECT p, r.* FROM wl_hist, runs(w) AS r;
SELECT (SELECT count(*) FROM wl_runs_oracle) AS runs,
	   (SELECT count(*) FROM (SELECT * FROM wl_runs_oracle EXCEPT ALL SELECT * FROM wl_runs_fn) d) AS missing,
	   (SELECT count(*) FROM (SELECT * FROM wl_runs_fn EXCEPT ALL SELECT * FROM wl_runs_oracle) d) AS extra;

-- weeks_in over periods that start before, inside and after the span, empty and unbounded ones
CREATE TABLE wl_periods AS
SELECT p, CASE p % 10 WHEN 0 THEN '(,)'::weekrange
					  WHEN 1 THEN weekrange(first_week(w) + p % 13, NULL)
					  WHEN 2 THEN 'empty'::weekrange
					  ELSE weekrange(first_week(w) + (p % 17) - 5, first_week(w) + (p % 17) - 5 + p % 61) END AS period
FROM wl_hist;
SELECT count(*) AS periods, sum(o.n) AS weeks_on_codes,
	   count(*) FILTER (WHERE weeks_in(h.w, '{1101,1102}', pr.period) IS DISTINCT FROM o.n) AS weeks_in_mismatch
FROM wl_hist h JOIN wl_periods pr USING (p)
	 JOIN LATERAL (SELECT count(*)::int AS n FROM wl_long l
				   WHERE l.p = h.p AND l.code IN (1101, 1102) AND l.week <@ pr.period) AS o ON true;

-- spells with max_gap 0 to 3 against gaps-and-islands over the weeks on the codes
CREATE TABLE wl_spells_oracle AS
WITH on_codes AS (
	SELECT l.p, g.max_gap, l.week,
		   l.week - lag(l.week) OVER (PARTITION BY l.p, g.max_gap ORDER BY l.week) - 1 AS break
	FROM wl_long l CROSS JOIN generate_series(0, 3) AS g(max_gap)
	WHERE l.code IN (1101, 1102)
), numbered AS (
	SELECT p, max_gap, week,
		   count(*) FILTER (WHERE break IS NULL OR break > max_gap)
			   OVER (PARTITION BY p, max_gap ORDER BY week) AS spell_no
	FROM on_codes
), spell AS (
	SELECT p, max_gap, spell_no, min(week) AS first, max(week) + 1 AS next, count(*)::int AS weeks
	FROM numbered GROUP BY p, max_gap, spell_no
)
SELECT s.p, s.max_gap, weekrange(s.first, s.next) AS spell, s.weeks,
	   s.first - lag(s.next) OVER (PARTITION BY s.p, s.max_gap ORDER BY s.spell_no) AS prior_gap,
	   x.code AS exit_code, s.first = b.first AS left_censored, s.next = b.last + 1 AS right_censored
FROM spell s
	 JOIN (SELECT p, min(week) AS first, max(week) AS last FROM wl_long GROUP BY p) b USING (p)
	 LEFT JOIN wl_long x ON x.p = s.p AND x.week = s.next;
CREATE TABLE wl_spells_fn AS
SELECT h.p, g.max_gap, s.* FROM wl_hist h CROSS JOIN generate_series(0, 3) AS g(max_gap),
	   LATERAL spells(h.w, '{1102,1101}', g.max_gap) AS s;
SELECT max_gap, count(*) AS spells, count(prior_gap) AS with_prior_gap, count(exit_code) AS with_exit,
	   count(*) FILTER (WHERE left_censored) AS left_censored, count(*) FILTER (WHERE right_censored) AS right_censored,
	   sum(weeks) AS weeks, sum(upper(spell) - lower(spell) - weeks) AS bridged_weeks
FROM wl_spells_oracle GROUP BY max_gap ORDER BY max_gap;
SELECT (SELECT count(*) FROM (SELECT * FROM wl_spells_oracle EXCEPT ALL SELECT * FROM wl_spells_fn) d) AS missing,
	   (SELECT count(*) FROM (SELECT * FROM wl_spells_fn EXCEPT ALL SELECT * FROM wl_spells_oracle) d) AS extra;
-- a code that never occurs
SELECT count(*) AS never FROM wl_hist, spells(w, '{4242}', 3);

-- spell_at at a week inside, before and after each span, against the oracle's spells
SELECT count(*) AS probes, count(o.spell) AS in_a_spell,
	   count(*) FILTER (WHERE spell_at(h.w, '{1101,1102}', 2, a.at) IS DISTINCT FROM
						CASE WHEN o.spell IS NOT NULL THEN (o.spell, o.weeks, o.prior_gap, o.exit_code,
															o.left_censored, o.right_censored)::weekline_spell END) AS spell_at_mismatch
FROM wl_hist h
	 CROSS JOIN LATERAL (SELECT first_week(h.w) + (h.p * 7919) % (last_week(h.w) - first_week(h.w) + 3) - 1 AS at) AS a
	 LEFT JOIN wl_spells_oracle o ON o.p = h.p AND o.max_gap = 2 AND a.at <@ o.spell;

-- forced parallel plans give the serial result
CREATE TABLE wl_one AS
SELECT '1500-W01'::isoweek + i AS week, (ARRAY[0, 1101, 1102, 0, 1201])[1 + (i / 7) % 5] AS code
FROM generate_series(0, 49999) AS i ORDER BY random();
ANALYZE wl_one;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT weekline_agg(week, code) FROM wl_one;
CREATE TABLE wl_one_parallel AS SELECT weekline_agg(week, code) AS w FROM wl_one;
SET enable_sort = off;
SET enable_indexscan = off;
EXPLAIN (COSTS OFF) SELECT p, weekline_agg(week, code) FROM wl_long GROUP BY p;
CREATE TABLE wl_parallel AS SELECT p, weekline_agg(week, code) AS w FROM wl_long GROUP BY p;
RESET enable_sort;
RESET enable_indexscan;
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT w FROM wl_one_parallel) = weekline_agg(week, code) AS one_same,
	   (SELECT count(*) FROM runs((SELECT w FROM wl_one_parallel))) AS one_runs
FROM wl_one;
SELECT count(*) AS persons, count(*) FILTER (WHERE s.w IS DISTINCT FROM par.w) AS parallel_mismatch
FROM (SELECT p, weekline_agg(week, code) AS w FROM wl_long GROUP BY p) s FULL JOIN wl_parallel par USING (p);
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
