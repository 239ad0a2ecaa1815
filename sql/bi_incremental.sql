--
-- bi_incremental: the BI layer's rollups updated with a delivery of changed
-- weeklines (bi.rollups_opdater, bi/incremental.sql) hold exactly the rows a
-- rebuild gives, and the views read exactly the same figures (text), for
-- deliveries touching 1 % and 10 % of the persons
--
\i test/lib/errors.sql
SET client_min_messages = warning;
SET jit = off;
-- a small synthetic register, as demo/01_register.sql makes it (seed 1)
CREATE EXTENSION jobreg_synth;
CREATE SCHEMA register;
CREATE TABLE register.person AS SELECT * FROM synth_persons(1, 0.004);
ALTER TABLE register.person ADD PRIMARY KEY (pnr);
CREATE TABLE register.dream AS
SELECT pnr, weekline_from_runs(first_week, codes, lengths) AS uger
FROM synth_histories(1, 0.004, first => '1991-W27');
ALTER TABLE register.dream ADD PRIMARY KEY (pnr);
DELETE FROM register.dream WHERE pnr % 97 = 0;	-- persons whose first history comes in a delivery
CREATE TABLE register.tilbud AS SELECT * FROM synth_offers(1, 0.004, first => '2012-W01');
CREATE INDEX ON register.tilbud (pnr);
CREATE TABLE register.befolkning AS SELECT * FROM synth_population(1, 0.004);
ANALYZE register.person, register.dream, register.tilbud, register.befolkning;
SELECT count(*) > 15000 AS persons FROM register.person;

-- the layer for 2015-2016
\set bi_fra_aar 2015
\set bi_til_aar 2016
\set bi_echo :ECHO
\set ECHO none
\set QUIET on
\i bi/install.sql
\set QUIET off
\set ECHO :bi_echo

-- Digests of every rollup row and of every row of the eight views, as text
CREATE FUNCTION pg_temp.digest(OUT rollups text, OUT views text) LANGUAGE sql AS $$
SELECT (SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
			SELECT 'y' || r::text FROM bi.ydelse_rollup AS r
			UNION ALL SELECT 'f' || r::text FROM bi.forloeb_rollup AS r
			UNION ALL SELECT 'a' || r::text FROM bi.anciennitet_rollup AS r) AS x (t)),
	   (SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
			SELECT 'fk' || v::text FROM bi.fuldtidspersoner_kvartal AS v
			UNION ALL SELECT 'fa' || v::text FROM bi.fuldtidspersoner_aar AS v
			UNION ALL SELECT 'ak' || v::text FROM bi.aktivering_kvartal AS v
			UNION ALL SELECT 'aa' || v::text FROM bi.aktivering_aar AS v
			UNION ALL SELECT 'ok' || v::text FROM bi.overlevelse_kvartal AS v
			UNION ALL SELECT 'oa' || v::text FROM bi.overlevelse_aar AS v
			UNION ALL SELECT 'nk' || v::text FROM bi.anciennitet_kvartal AS v
			UNION ALL SELECT 'na' || v::text FROM bi.anciennitet_aar AS v) AS x (t))
$$;
CREATE TEMP TABLE before AS SELECT * FROM pg_temp.digest();

-- A delivery: the new weekline of every changed person.  Changes of every
-- kind: a later part of the history replaced (new weeks), the whole history
-- replaced by another person's, a history removed, a person's first history.
CREATE FUNCTION pg_temp.delivery(pct int, salt int) RETURNS TABLE (pnr int, uger weekline)
LANGUAGE sql AS $$
	SELECT p.pnr,
		   CASE (p.pnr::int8 / 100 + salt) % 4
			   WHEN 0 THEN (SELECT weekline_from_runs(min(lower(r.weeks)),
													  array_agg(r.code ORDER BY lower(r.weeks)) || 1101,
													  array_agg(least(upper(r.weeks), '2016-W10') - lower(r.weeks)
																ORDER BY lower(r.weeks)) || 30)
							FROM runs(d.uger) AS r WHERE lower(r.weeks) < '2016-W10')
			   WHEN 1 THEN (SELECT d2.uger FROM register.dream AS d2 WHERE d2.pnr > p.pnr ORDER BY d2.pnr LIMIT 1)
			   WHEN 2 THEN NULL
			   ELSE coalesce(d.uger, (SELECT d2.uger FROM register.dream AS d2 ORDER BY d2.pnr LIMIT 1))
		   END
	FROM register.person AS p
		 LEFT JOIN register.dream AS d USING (pnr)
	WHERE (p.pnr::int8 * 7 + salt) % 100 < pct
$$;

-- 1 % of the persons: the update gives the rebuild's rows and figures
CREATE TABLE levering_1 AS SELECT * FROM pg_temp.delivery(1, 0);
SELECT count(*) > 100 AS persons, count(*) FILTER (WHERE uger IS NULL) > 10 AS some_removed,
	   count(*) FILTER (WHERE pnr NOT IN (SELECT pnr FROM register.dream)) AS first_history
FROM levering_1;
BEGIN;
SELECT rollup, opdateret > 0 AS updated, nye + slettet >= 0 AS counted FROM bi.rollups_opdater('levering_1');
COMMIT;
CREATE TEMP TABLE updated_1 AS SELECT * FROM pg_temp.digest();
DO $$ BEGIN PERFORM bi.rollups_genopbyg(); END $$;
CREATE TEMP TABLE rebuilt_1 AS SELECT * FROM pg_temp.digest();
SELECT u.rollups = r.rollups AS rollups_identical, u.views = r.views AS views_identical,
	   u.rollups <> b.rollups AS rollups_changed, u.views <> b.views AS views_changed
FROM updated_1 AS u, rebuilt_1 AS r, before AS b;
-- the rollups as many rows as before, give or take
SELECT (SELECT count(*) FROM bi.ydelse_rollup) > 1000 AS ydelse_rows, (SELECT count(*) FROM bi.forloeb_rollup) > 500 AS forloeb_rows,
	   (SELECT count(*) FROM bi.anciennitet_rollup) > 1000 AS anciennitet_rows;

-- 10 %, twice in one transaction (the second delivery changes some of the
-- first one's persons again), then a transaction that is rolled back
CREATE TABLE levering_10a AS SELECT * FROM pg_temp.delivery(10, 1);
CREATE TABLE levering_10b AS SELECT * FROM pg_temp.delivery(10, 3);
SELECT (SELECT count(*) FROM levering_10a) > 1500 AS persons_a, (SELECT count(*) FROM levering_10b) > 1500 AS persons_b,
	   (SELECT count(*) FROM levering_10a JOIN levering_10b USING (pnr)) > 1000 AS in_both;
BEGIN;
SELECT count(*) AS rollups FROM bi.rollups_opdater('levering_10a');
SELECT count(*) AS rollups FROM bi.rollups_opdater('levering_10b');
COMMIT;
CREATE TEMP TABLE updated_10 AS SELECT * FROM pg_temp.digest();
BEGIN;
SELECT count(*) AS rollups FROM bi.rollups_opdater('levering_1');
ROLLBACK;
SELECT (SELECT rollups FROM pg_temp.digest()) = u.rollups AS rollback_leaves_rows FROM updated_10 AS u;
DO $$ BEGIN PERFORM bi.rollups_genopbyg(); END $$;
CREATE TEMP TABLE rebuilt_10 AS SELECT * FROM pg_temp.digest();
SELECT u.rollups = r.rollups AS rollups_identical, u.views = r.views AS views_identical,
	   u.rollups <> b.rollups AS rollups_changed
FROM updated_10 AS u, rebuilt_10 AS r, updated_1 AS b;

-- One week changed per person (a week off the codes put on them, or one
-- on them taken off) at weeks all over 2015-2016: breaks made and closed
-- next to quarter ends and spell ends, where what an update recomputes
-- (from the first changed week on) must hold everything that changed
CREATE TABLE levering_uge AS
SELECT d.pnr, (SELECT weekline_from_runs(first_week(d.uger), array_agg(x.code ORDER BY x.s), array_agg(x.n ORDER BY x.s))
			   FROM (SELECT lower(r.weeks) AS s, r.code, least(upper(r.weeks), w) - lower(r.weeks) AS n
					 FROM runs(d.uger) AS r WHERE lower(r.weeks) < w
					 UNION ALL SELECT w, CASE WHEN code_at(d.uger, w) = 0 THEN 1101 ELSE 0 END, 1
					 UNION ALL SELECT greatest(lower(r.weeks), w + 1), r.code, upper(r.weeks) - greatest(lower(r.weeks), w + 1)
					 FROM runs(d.uger) AS r WHERE upper(r.weeks) > w + 1) AS x) AS uger
FROM register.dream AS d, LATERAL (SELECT '2015-W01'::isoweek + ((hashint4(d.pnr)::int8 & 2147483647) % 110)::int AS w) AS v
WHERE d.pnr % 10 = 3 AND first_week(d.uger) < w AND last_week(d.uger) > w;
CREATE TABLE tilbage_uge AS SELECT d.pnr, d.uger FROM register.dream AS d JOIN levering_uge USING (pnr);
SELECT count(*) > 1000 AS persons, count(DISTINCT weekline_first_difference(l.uger, d.uger)) > 100 AS changed_weeks
FROM levering_uge AS l JOIN register.dream AS d USING (pnr);
BEGIN;
SELECT count(*) AS rollups FROM bi.rollups_opdater('levering_uge');
COMMIT;
CREATE TEMP TABLE updated_uge AS SELECT * FROM pg_temp.digest();
DO $$ BEGIN PERFORM bi.rollups_genopbyg(); END $$;
SELECT u.rollups = r.rollups AS rollups_identical, u.views = r.views AS views_identical
FROM updated_uge AS u, pg_temp.digest() AS r;
-- and back: the rows from before the week changes
SELECT count(*) AS rollups FROM bi.rollups_opdater('tilbage_uge');
SELECT r.rollups = u.rollups AS rollups_as_before FROM pg_temp.digest() AS r, updated_10 AS u;

-- A rollup out of step with the register is refused, and nothing changes:
-- here rows of forloeb_rollup were deleted behind the layer's back
CREATE TABLE levering_x AS SELECT * FROM pg_temp.delivery(10, 2);
CREATE TEMP TABLE register_before AS SELECT md5(string_agg(d::text, ',' ORDER BY pnr)) AS dream FROM register.dream AS d;
WITH d AS (DELETE FROM bi.forloeb_rollup WHERE aar = 2015 RETURNING 1)
SELECT count(*) > 0 AS rows_deleted FROM d;	-- how many depends on the synthetic register
CREATE TEMP TABLE out_of_step AS SELECT * FROM pg_temp.digest();
SELECT pg_temp.err($$SELECT * FROM bi.rollups_opdater('levering_x')$$) AS refused;
SELECT (SELECT rollups FROM pg_temp.digest()) = o.rollups AS rollups_unchanged,
	   (SELECT md5(string_agg(d::text, ',' ORDER BY pnr)) FROM register.dream AS d) = r.dream AS register_unchanged
FROM out_of_step AS o, register_before AS r;
-- the rebuild brings the layer back in step
DO $$ BEGIN PERFORM bi.rollups_genopbyg(); END $$;
SELECT pg_temp.err($$SELECT * FROM bi.rollups_opdater('levering_x')$$) AS in_step_again;

-- The views in parallel plans read the same figures as in serial ones
CREATE TEMP VIEW all_figures AS
SELECT 'fk' || v::text AS t FROM bi.fuldtidspersoner_kvartal AS v
UNION ALL SELECT 'fa' || v::text FROM bi.fuldtidspersoner_aar AS v
UNION ALL SELECT 'ak' || v::text FROM bi.aktivering_kvartal AS v
UNION ALL SELECT 'aa' || v::text FROM bi.aktivering_aar AS v
UNION ALL SELECT 'ok' || v::text FROM bi.overlevelse_kvartal AS v
UNION ALL SELECT 'oa' || v::text FROM bi.overlevelse_aar AS v
UNION ALL SELECT 'nk' || v::text FROM bi.anciennitet_kvartal AS v
UNION ALL SELECT 'na' || v::text FROM bi.anciennitet_aar AS v;
CREATE TEMP TABLE serial_figures AS SELECT md5(string_agg(t, E'\n' ORDER BY t)) AS d FROM all_figures;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
SELECT count(*) > 0 AS parallel_plan
FROM pg_temp.plan($$SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM all_figures$$) AS p (line)
WHERE line LIKE '%Gather%';
SELECT (SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM all_figures) = s.d AS parallel_equals_serial
FROM serial_figures AS s;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
