-- bench/incremental.sql: the BI layer's rollups updated with a delivery of
-- changed weeklines (bi.rollups_opdater) beside a rebuild (bi.rollups_genopbyg)
-- in the same run, for deliveries touching 1 % and 10 % of the persons; that
-- the updated rollups equal the rebuilt ones (text of every row); the memory
-- of each state; and a moving window of survival states with and without
-- the inverse transition.
--   BENCH=incremental make bench                    (scale 0.05 of the national register)
--   BENCH=incremental BENCH_ARGS="-v scale=1" make bench   (the whole country)
-- On a database of your own: psql -v setup_only=1 -f bench/incremental.sql
-- makes the register, the BI layer and the deliveries and stops; then
-- psql -v reuse=1 -f bench/incremental.sql runs the timed part on them
-- (as often as you like: every delivery is undone by the next one).
\set ON_ERROR_STOP 1
\if :{?scale}
\else
\set scale 0.05
\endif
SET client_min_messages = warning;
SET jit = off;
\if :{?reuse}
\else
\set QUIET on
\ir ../demo/01_register.sql
\timing off
\ir ../bi/install.sql
\set QUIET off

-- Deliveries: pct % of the persons; a quarter of them lose their history, a
-- quarter get the next person's, half get a new final year (their history
-- cut at 2024-W01, then 52 weeks of kontanthjælp): harder than a real
-- delivery, which mostly adds weeks at the end.  The 'back' deliveries
-- give the same persons their weeklines again.
CREATE FUNCTION pg_temp.delivery(pct int) RETURNS TABLE (pnr int, uger weekline) LANGUAGE sql AS $$
	SELECT p.pnr,
		   CASE (hashint4(p.pnr + 1)::int8 & 2147483647) % 4
			   WHEN 0 THEN NULL
			   WHEN 1 THEN (SELECT d2.uger FROM register.dream AS d2 WHERE d2.pnr > p.pnr ORDER BY d2.pnr LIMIT 1)
			   ELSE (SELECT weekline_from_runs(min(lower(r.weeks)),
											   array_agg(r.code ORDER BY lower(r.weeks)) || 1101,
											   array_agg(least(upper(r.weeks), '2024-W01') - lower(r.weeks)
														 ORDER BY lower(r.weeks)) || 52)
					 FROM runs(p.uger) AS r WHERE lower(r.weeks) < '2024-W01')
		   END
	FROM register.dream AS p
	WHERE (hashint4(p.pnr)::int8 & 2147483647) % 100 < pct
$$;
CREATE TABLE lev_1 AS SELECT * FROM pg_temp.delivery(1);
CREATE TABLE back_1 AS SELECT d.pnr, d.uger FROM register.dream AS d JOIN lev_1 USING (pnr);
-- the common case: 1 % of the persons get new weeks at the end of their
-- history (cut at 2024-W01, then 52 weeks of kontanthjælp) and nothing else
CREATE TABLE lev_end_1 AS
SELECT p.pnr, (SELECT weekline_from_runs(min(lower(r.weeks)), array_agg(r.code ORDER BY lower(r.weeks)) || 1101,
										 array_agg(least(upper(r.weeks), '2024-W01') - lower(r.weeks)
												   ORDER BY lower(r.weeks)) || 52)
			   FROM runs(p.uger) AS r WHERE lower(r.weeks) < '2024-W01') AS uger
FROM register.dream AS p WHERE (hashint4(p.pnr + 7)::int8 & 2147483647) % 100 < 1;
CREATE TABLE back_end_1 AS SELECT d.pnr, d.uger FROM register.dream AS d JOIN lev_end_1 USING (pnr);
CREATE TABLE lev_10 AS SELECT * FROM pg_temp.delivery(10);
CREATE TABLE back_10 AS SELECT d.pnr, d.uger FROM register.dream AS d JOIN lev_10 USING (pnr);
ANALYZE lev_1, back_1, lev_end_1, back_end_1, lev_10, back_10;
\endif
\if :{?setup_only}
\quit
\endif

-- The rows of the rollups as text, for the identity check
CREATE FUNCTION pg_temp.digest() RETURNS text LANGUAGE sql AS $$
	SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
		SELECT 'y' || r::text FROM bi.ydelse_rollup AS r
		UNION ALL SELECT 'f' || r::text FROM bi.forloeb_rollup AS r
		UNION ALL SELECT 'a' || r::text FROM bi.anciennitet_rollup AS r) AS x (t)
$$;

CREATE TEMP TABLE timing (what text, ms float8);
CREATE FUNCTION pg_temp.timed(what text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	INSERT INTO timing VALUES (what, 1000 * extract(epoch FROM clock_timestamp() - t0));
END $$;

SELECT (SELECT count(*) FROM register.dream) AS weeklines, (SELECT count(*) FROM lev_1) AS delivery_1pct,
	   (SELECT count(*) FROM lev_end_1) AS delivery_1pct_new_weeks,
	   (SELECT count(*) FROM lev_10) AS delivery_10pct,
	   (SELECT count(*) FROM bi.ydelse_rollup) AS ydelse_rows, (SELECT count(*) FROM bi.forloeb_rollup) AS forloeb_rows,
	   (SELECT count(*) FROM bi.anciennitet_rollup) AS anciennitet_rows;

-- Two rounds: rebuild, 1 % in and back, 10 % in and back (each its own
-- transaction, as the nightly job runs them, and VACUUM after a rebuild as
-- it does); the identity of the rows after each delivery with a rebuild from
-- the same register is checked once.
SELECT pg_temp.timed('rebuild', 'SELECT bi.rollups_genopbyg()');
VACUUM (ANALYZE) bi.ydelse_rollup, bi.forloeb_rollup, bi.anciennitet_rollup;
SELECT pg_temp.timed('update 1 %', $$SELECT count(*) FROM bi.rollups_opdater('lev_1')$$);
SELECT pg_temp.digest() AS after_update \gset
SELECT pg_temp.timed('rebuild', 'SELECT bi.rollups_genopbyg()');
VACUUM (ANALYZE) bi.ydelse_rollup, bi.forloeb_rollup, bi.anciennitet_rollup;
SELECT pg_temp.digest() = :'after_update' AS identical_1pct;
SELECT pg_temp.timed('update 1 %', $$SELECT count(*) FROM bi.rollups_opdater('back_1')$$);
SELECT pg_temp.timed('update 1 %, new weeks at the end', $$SELECT count(*) FROM bi.rollups_opdater('lev_end_1')$$);
SELECT pg_temp.timed('update 1 %, new weeks at the end', $$SELECT count(*) FROM bi.rollups_opdater('back_end_1')$$);
SELECT pg_temp.timed('update 10 %', $$SELECT count(*) FROM bi.rollups_opdater('lev_10')$$);
SELECT pg_temp.digest() AS after_update \gset
SELECT pg_temp.timed('rebuild', 'SELECT bi.rollups_genopbyg()');
VACUUM (ANALYZE) bi.ydelse_rollup, bi.forloeb_rollup, bi.anciennitet_rollup;
SELECT pg_temp.digest() = :'after_update' AS identical_10pct;
SELECT pg_temp.timed('update 10 %', $$SELECT count(*) FROM bi.rollups_opdater('back_10')$$);
SELECT pg_temp.timed('refresh of the materialized views', $$REFRESH MATERIALIZED VIEW CONCURRENTLY bi.befolkning_rollup; REFRESH MATERIALIZED VIEW CONCURRENTLY bi.omraade$$);

SELECT what, count(*) AS runs, round(min(ms)) AS best_ms, round(max(ms)) AS worst_ms,
	   round(((SELECT min(ms) FROM timing WHERE what = 'rebuild') / min(ms))::numeric, 1) AS rebuild_over_this
FROM timing GROUP BY what ORDER BY best_ms DESC;

-- Memory of each state: bytes per rollup row (the stored value) and in all
SELECT s.state, count(*) AS rows, round(avg(s.bytes)) AS mean_bytes, max(s.bytes) AS max_bytes,
	   pg_size_pretty(sum(s.bytes)) AS total
FROM (SELECT 'survival (forloeb_rollup.overlevelse)' AS state, pg_column_size(overlevelse) AS bytes FROM bi.forloeb_rollup
	  UNION ALL SELECT 'fixed-point sums (ydelse_rollup.summer)', pg_column_size(summer) FROM bi.ydelse_rollup
	  UNION ALL SELECT 'aktivering (ydelse_rollup.aktivering)', pg_column_size(aktivering) FROM bi.ydelse_rollup
	  UNION ALL SELECT 'anciennitet_fordeling state (anciennitet_rollup.fordeling)', pg_column_size(fordeling) FROM bi.anciennitet_rollup) AS s
GROUP BY s.state ORDER BY 1;
SELECT c.relname AS rollup, pg_size_pretty(pg_total_relation_size(c.oid)) AS size_with_indexes
FROM pg_class AS c WHERE c.relnamespace = 'bi'::regnamespace AND c.relname LIKE '%rollup' ORDER BY 1;

-- A moving window: survival states over the last 500 of 20,000 rows.
-- Whole weights: each row leaves the frame by subtraction; fractional
-- weights: PostgreSQL aggregates each frame afresh (the inverse declines).
SELECT setseed(0.5);
CREATE TEMP TABLE mw AS
SELECT i, (1 + floor(random() * 520))::float8 AS weeks, random() < 0.7 AS ended
FROM generate_series(1, 20000) AS i;
TRUNCATE timing;
SELECT pg_temp.timed('window, whole weights (inverse)',
	'SELECT sum(pg_column_size(s)) FROM (SELECT survival(weeks, ended, 1.0) OVER (ORDER BY i ROWS 499 PRECEDING) AS s FROM mw) AS x');
SELECT pg_temp.timed('window, fractional weights (afresh)',
	'SELECT sum(pg_column_size(s)) FROM (SELECT survival(weeks, ended, 0.5) OVER (ORDER BY i ROWS 499 PRECEDING) AS s FROM mw) AS x');
SELECT what, round(ms) AS ms, round(((SELECT max(ms) FROM timing) / ms)::numeric, 1) AS slowest_over_this FROM timing ORDER BY ms;
