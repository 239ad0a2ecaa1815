-- scripts/sharded-check.sql: jobreg sharded with postgres_fdw, checked against one node.
--
-- Run on the coordinator by scripts/run-sharded.sh, which passes each shard's
-- socket directory and port as psql variables shard1_host ... shard3_port and
-- has given every shard scripts/sharded-shard.sql.  This file
--
--   1. makes the shards foreign servers (extensions 'jobreg', so that jobreg's
--      functions, operators and aggregates may be sent to them) and four
--      tables hash-partitioned by pnr across them: sh_person, sh_spell,
--      sh_tilbud, sh_long, each partition a foreign table on its shard;
--   2. generates realistic data (setseed) into local copies, sh_local_*: the
--      single node holding all rows; and routes the same rows to the shards;
--   3. shows with EXPLAIN VERBOSE what postgres_fdw sends to the shards, and
--      fails unless the plans have the expected shape;
--   4. computes every measure (survival, cuminc, logrank, flows, the counts and
--      sums of the measures) twice, two-level on the shards and in one step on
--      the local copy, and fails on any difference (floating-point sums merged
--      across shards: on any beyond 1e-12 relative).
\set ON_ERROR_STOP 1
\if :{?persons}
\else
\set persons 30000
\endif
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION jobreg;
CREATE EXTENSION postgres_fdw;

-- ---------------------------------------------------------------------------
\echo == 1. shards and partitioned tables

CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host :'shard1_host', port :'shard1_port',
	dbname 'postgres', extensions 'jobreg', use_remote_estimate 'true', fetch_size '10000', batch_size '1000');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host :'shard2_host', port :'shard2_port',
	dbname 'postgres', extensions 'jobreg', use_remote_estimate 'true', fetch_size '10000', batch_size '1000');
CREATE SERVER shard3 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host :'shard3_host', port :'shard3_port',
	dbname 'postgres', extensions 'jobreg', use_remote_estimate 'true', fetch_size '10000', batch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user :'USER');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user :'USER');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard3 OPTIONS (user :'USER');

CREATE TABLE sh_person (pnr int NOT NULL, kommune int NOT NULL, wl weekline NOT NULL,
						ydelse datemultirange NOT NULL) PARTITION BY HASH (pnr);
CREATE TABLE sh_spell (pnr int NOT NULL, kommune int NOT NULL, start isoweek NOT NULL,
					   weeks int NOT NULL, ended bool NOT NULL, afgang int NOT NULL) PARTITION BY HASH (pnr);
CREATE TABLE sh_tilbud (pnr int NOT NULL, type text NOT NULL, periode daterange NOT NULL,
						timer float8 NOT NULL) PARTITION BY HASH (pnr);
CREATE TABLE sh_long (pnr int NOT NULL, week isoweek NOT NULL, code int NOT NULL) PARTITION BY HASH (pnr);
-- partition i of each table lives on shard i, in the shard's table of the same name without sh_
DO $$
DECLARE
	t text;
BEGIN
	FOR i IN 1..3 LOOP
		FOREACH t IN ARRAY ARRAY['person', 'spell', 'tilbud', 'long'] LOOP
			EXECUTE format('CREATE FOREIGN TABLE sh_%s_%s PARTITION OF sh_%s FOR VALUES WITH (MODULUS 3, REMAINDER %s) '
						   'SERVER shard%s OPTIONS (table_name %L)', t, i, t, i - 1, i, t);
		END LOOP;
	END LOOP;
END $$;

SELECT c.relname AS partition, pg_get_expr(c.relpartbound, c.oid) AS bound, s.srvname AS server,
	   array_to_string(s.srvoptions, ', ') AS server_options
FROM pg_class c JOIN pg_foreign_table f ON f.ftrelid = c.oid JOIN pg_foreign_server s ON s.oid = f.ftserver
WHERE c.relname LIKE 'sh\_person\__' ORDER BY 1;

-- ---------------------------------------------------------------------------
\echo == 2. data: the single node (sh_local_*) and the same rows on the shards

-- Histories over the 887 ISO weeks of 2008-2024: 0-5 benefit episodes per
-- person (fewer more likely), each after a break of 1-150 weeks, of 1-3 runs of
-- 1-80 weeks (short ones more likely) alternating between a benefit's passive and
-- activation codes; kontanthjælp is half the episodes.  A third of the persons live
-- in the København 2015 klynge, the rest anywhere.
SELECT setseed(0.4711) \gset
CREATE TEMP TABLE sh_gen_episode AS
SELECT p, e, (ARRAY[1101, 1101, 1111, 1111, 1101, 1201, 1301, 1601, 1901, 1991])[1 + floor(random() * 10)::int] AS base,
	   1 + floor(random() * 150)::int AS gap, 1 + floor(random() * 3)::int AS m
FROM generate_series(1, :persons) AS p, LATERAL generate_series(1, floor(random() ^ 1.5 * 6)::int + 0 * p) AS e;
CREATE TEMP TABLE sh_gen_run AS
SELECT p, e, s, code, least(len, 887 - start)::int AS len
FROM (SELECT *, sum(len) OVER (PARTITION BY p ORDER BY e, s) - len AS start
	  FROM (SELECT p, e, 0 AS s, 0 AS code, gap AS len FROM sh_gen_episode
			UNION ALL
			SELECT p, e, s, CASE WHEN base IN (1101, 1111, 1201) THEN base + (s + 1) % 2 ELSE base END,
				   1 + floor(random() ^ 2 * 80)::int + 0 * s
			FROM sh_gen_episode, LATERAL generate_series(1, m) AS s) AS r) AS r
WHERE start < 887;

CREATE TABLE sh_local_person (LIKE sh_person);
INSERT INTO sh_local_person
SELECT p, kommune, wl,
	   coalesce((SELECT range_agg(daterange(monday(lower(r.weeks)), monday(upper(r.weeks))))
				 FROM runs(wl) AS r WHERE r.code IN (1101, 1102, 1111, 1112)), '{}')
FROM (SELECT p, CASE WHEN random() < 0.33 THEN (ARRAY[101, 165, 153, 169, 183, 360])[1 + floor(random() * 6)::int]
					 ELSE (SELECT array_agg(kode ORDER BY kode) FROM kommune)[1 + floor(random() * 98)::int] END AS kommune,
			 CASE WHEN total < 887 THEN weekline_from_runs('2008-W01', codes || 0, lengths || (887 - total))
				  ELSE weekline_from_runs('2008-W01', codes, lengths) END AS wl
	  FROM (SELECT p, coalesce(array_agg(r.code ORDER BY r.e, r.s) FILTER (WHERE r.len IS NOT NULL), '{}') AS codes,
				   coalesce(array_agg(r.len ORDER BY r.e, r.s) FILTER (WHERE r.len IS NOT NULL), '{}') AS lengths,
				   coalesce(sum(r.len), 0)::int AS total
			FROM generate_series(1, :persons) AS p LEFT JOIN sh_gen_run AS r USING (p) GROUP BY p) AS x) AS y;
DROP TABLE sh_gen_episode, sh_gen_run;

-- new kontanthjælp spells (not running when the history starts); afgang: 1 = no
-- code after the spell (selvforsørget), 2 = SU (education), 3 = another benefit,
-- 0 = still running at the end (censored)
CREATE TABLE sh_local_spell (LIKE sh_spell);
INSERT INTO sh_local_spell
SELECT p.pnr, p.kommune, lower(s.spell), s.weeks, NOT s.right_censored,
	   CASE WHEN s.right_censored THEN 0 WHEN s.exit_code = 0 THEN 1 WHEN s.exit_code = 1901 THEN 2 ELSE 3 END
FROM sh_local_person AS p, spells(p.wl, '{1101,1102,1111,1112}', 5) AS s
WHERE NOT s.left_censored;

-- activation offers: half of the persons on kontanthjælp around the first
-- quarter of 2015 have 1-5
CREATE TABLE sh_local_tilbud (LIKE sh_tilbud);
INSERT INTO sh_local_tilbud
SELECT pnr, (SELECT array_agg(kode ORDER BY kode) FROM tilbudstype)[1 + floor(random() * 7)::int],
	   daterange(date '2014-12-01' + o, date '2014-12-01' + o + 7 + floor(random() * 80)::int),
	   (ARRAY[10, 18.5, 20, 30, 37])[1 + floor(random() * 5)::int]
FROM (SELECT pnr, 1 + floor(random() * 5)::int AS n FROM sh_local_person
	  WHERE ydelse && daterange('2015-01-01', '2015-04-01') AND random() < 0.5) AS p,
	 generate_series(1, n) AS k, LATERAL (SELECT floor(random() * 120)::int + k * 0 AS o) AS r;

-- the long form (pnr, week, code) that registers deliver, for the first 3,000
-- persons: a row per week with a code, and code 0 in the first and last week
-- for the span
CREATE TABLE sh_local_long (pnr int NOT NULL, week isoweek NOT NULL, code int NOT NULL);
INSERT INTO sh_local_long
SELECT pnr, lower(r.weeks) + i, r.code
FROM sh_local_person, runs(wl) AS r, generate_series(0, upper(r.weeks) - lower(r.weeks) - 1) AS i
WHERE pnr <= 3000 AND r.code <> 0
UNION ALL
SELECT pnr, w, 0 FROM generate_series(1, 3000) AS pnr, (VALUES ('2008-W01'::isoweek), ('2024-W52')) AS s(w);

INSERT INTO sh_person SELECT * FROM sh_local_person;
INSERT INTO sh_spell SELECT * FROM sh_local_spell;
INSERT INTO sh_tilbud SELECT * FROM sh_local_tilbud;
INSERT INTO sh_long SELECT * FROM sh_local_long;
ANALYZE sh_local_person, sh_local_spell, sh_local_tilbud, sh_local_long, sh_person, sh_spell, sh_tilbud, sh_long;
-- statistics on the shards too: postgres_fdw's remote estimates (use_remote_estimate)
-- ask each shard's planner, which decides whether a join or an aggregate is sent
\set coordinator_host :HOST
\set coordinator_port :PORT
\connect postgres :USER :shard1_host :shard1_port
ANALYZE;
\connect postgres :USER :shard2_host :shard2_port
ANALYZE;
\connect postgres :USER :shard3_host :shard3_port
ANALYZE;
\connect postgres :USER :coordinator_host :coordinator_port
SET client_min_messages = warning;

SELECT t.name AS "table", t.local_rows,
	   (SELECT count(*) FROM sh_person_1) AS shard1_rows, (SELECT count(*) FROM sh_person_2) AS shard2_rows,
	   (SELECT count(*) FROM sh_person_3) AS shard3_rows
FROM (VALUES ('person', (SELECT count(*) FROM sh_local_person))) AS t(name, local_rows)
UNION ALL
SELECT 'spell', (SELECT count(*) FROM sh_local_spell), (SELECT count(*) FROM sh_spell_1),
	   (SELECT count(*) FROM sh_spell_2), (SELECT count(*) FROM sh_spell_3)
UNION ALL
SELECT 'tilbud', (SELECT count(*) FROM sh_local_tilbud), (SELECT count(*) FROM sh_tilbud_1),
	   (SELECT count(*) FROM sh_tilbud_2), (SELECT count(*) FROM sh_tilbud_3)
UNION ALL
SELECT 'long', (SELECT count(*) FROM sh_local_long), (SELECT count(*) FROM sh_long_1),
	   (SELECT count(*) FROM sh_long_2), (SELECT count(*) FROM sh_long_3);

-- ---------------------------------------------------------------------------
\echo == 3. what runs on the shards: EXPLAIN VERBOSE

-- The plan of a query, line by line; fails unless each key of `expect` occurs
-- in it exactly as many times as its value says.
CREATE FUNCTION pg_temp.explain(query text, expect jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	plan text := '';
	line text;
	e record;
	n int;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
		plan := plan || line || E'\n';
		RETURN NEXT line;
	END LOOP;
	FOR e IN SELECT key, value::int AS times FROM jsonb_each_text(expect) LOOP
		n := (length(plan) - length(replace(plan, e.key, ''))) / length(e.key);
		IF n <> e.times THEN
			RAISE EXCEPTION 'plan check failed: "%" occurs % times, expected %', e.key, n, e.times
				USING DETAIL = plan;
		END IF;
	END LOOP;
END $$;

-- A view that runs `query` once on each shard (`{n}` in it: the partition
-- number) and appends the results.  Each branch reads the foreign tables of one
-- shard only, so postgres_fdw can send the whole grouped query there.
CREATE FUNCTION pg_temp.per_shard_view(name text, query text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('CREATE VIEW %I AS %s', name,
				   (SELECT string_agg(replace(query, '{n}', n::text), E'\nUNION ALL\n' ORDER BY n)
					FROM generate_series(1, 3) AS n));
END $$;

SET enable_partitionwise_join = on;
SET enable_partitionwise_aggregate = on;

\echo
\echo -- (a) GROUP BY with the partition key: every group lies on one shard, so each
\echo --     shard gets the whole aggregate: weeklines built from long rows on the
\echo --     shards (weekline_agg has an internal state: that does not matter here),
\echo --     and the activation of each person from a join of two partitions (the join
\echo --     is sent; whether the aggregate goes with it the planner decides by cost,
\echo --     and grouping by person hardly reduces the rows)
SELECT * FROM pg_temp.explain($$
	SELECT pnr, weekline_agg(week, code) FROM sh_long GROUP BY pnr$$,
	'{"Relations: Aggregate on (public.sh_long_": 3, "public.weekline_agg(week, code)": 3, "Partial": 0}');
SELECT * FROM pg_temp.explain($$
	SELECT p.pnr, aktivering(p.ydelse, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer) AS a
	FROM sh_person AS p LEFT JOIN sh_tilbud AS t ON t.pnr = p.pnr
	WHERE p.ydelse && daterange('2015-01-01', '2015-04-01')
	GROUP BY p.pnr$$,
	'{"Relations: (public.sh_person_": 3, "LEFT JOIN public.tilbud": 3}');

\echo
\echo -- (b) GROUP BY without the partition key: PostgreSQL aggregates partially per
\echo --     partition, but postgres_fdw cannot send a partial aggregate, so every row
\echo --     comes to the coordinator and the Partial Aggregate runs there
SELECT * FROM pg_temp.explain($$
	SELECT kommune, survival(weeks, ended) FROM sh_spell GROUP BY kommune$$,
	'{"->  Partial": 3, "Finalize": 1, "Remote SQL: SELECT kommune, weeks, ended FROM public.spell": 3, "public.survival(": 0}');

\echo
\echo -- (b2) without the server option extensions jobreg, postgres_fdw sends no jobreg
\echo --      function, operator or aggregate: not even the isoweek comparison
BEGIN;
ALTER SERVER shard1 OPTIONS (DROP extensions);
SELECT * FROM pg_temp.explain($$
	SELECT kommune, survival(weeks, ended) FROM sh_spell_1 WHERE start >= '2012-W01' GROUP BY kommune$$,
	'{"Filter: (sh_spell_1.start >= ''2012-W01''::isoweek)": 1, "Remote SQL: SELECT kommune, start, weeks, ended FROM public.spell": 1, "public.survival(": 0}');
ROLLBACK;

\echo
\echo -- (c) the two-level pattern: one grouped query per shard, sent whole (survival
\echo --     and cuminc computed on the shards, one state per kommune and shard comes
\echo --     back), then survival_merge and cuminc_merge on the coordinator
\o /dev/null
SELECT FROM pg_temp.per_shard_view('sh_state_shard', $$
	SELECT kommune, survival(weeks, ended) AS s, cuminc(weeks, afgang) AS c, count(*) AS spells,
		   count(*) FILTER (WHERE ended AND weeks <= 26) AS ended_26
	FROM sh_spell_{n} WHERE start >= '2012-W01' AND start < '2014-W01' GROUP BY kommune$$);
\o
SELECT * FROM pg_temp.explain($$
	SELECT kommune, survival_merge(s), cuminc_merge(c) FROM sh_state_shard GROUP BY kommune$$,
	'{"Relations: Aggregate on (public.sh_spell_": 3, "public.survival(weeks, ended), public.cuminc(weeks, afgang)": 3, "GROUP BY 1": 3, "survival_merge(": 1, "Partial": 0}');

\echo
\echo -- (d) the other measures the same way, grouped by kommune on every shard:
\echo --     fuldtidspersoner by quarter, the anciennitet distribution, the counts for
\echo --     klynge_benchmark and prop_test
\o /dev/null
SELECT FROM pg_temp.per_shard_view('sh_person_shard', $$
	SELECT kommune, count(*) AS personer,
		   count(*) FILTER (WHERE code_at(wl, '2015-W10') IN (1101, 1102)) AS aktivitetsparate,
		   fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, 1)) AS q1,
		   fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, 2)) AS q2,
		   fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, 3)) AS q3,
		   fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, 4)) AS q4,
		   anciennitet_fordeling(anciennitet(wl, '{1101,1102,1111,1112}', isoweek(date '2020-03-01'))) AS a
	FROM sh_person_{n} GROUP BY kommune$$);
\o
SELECT * FROM pg_temp.explain($$
	SELECT kommune, sum(q1), sum(q2), sum(q3), sum(q4), sum((a).personer) FROM sh_person_shard GROUP BY kommune$$,
	'{"Relations: Aggregate on (public.sh_person_": 3, "public.fuldtidspersoner(wl, ''{1101,1102,1111,1112}''::integer[], ''[2015-W01,2015-W14)''::public.weekrange)": 3, "public.anciennitet_fordeling(public.anciennitet(wl, ''{1101,1102,1111,1112}''::integer[], ''2020-W09''::public.isoweek, 5))": 3}');

\echo
\echo -- (e) multi-state flows the same way: the kontanthjælp recipients of 2015-W10,
\echo --     their weekly states for a year (weekline_recode: kontanthjælp 1, SU 3,
\echo --     other benefits 2, no code 0), one flow per kommune on every shard, merged
\echo --     with flow_merge on the coordinator
\o /dev/null
SELECT FROM pg_temp.per_shard_view('sh_flow_shard', $$
	SELECT kommune, flow(weekline_recode(wl, '{1101,1102,1111,1112,1201,1202,1301,1601,1901,1991}',
										 '{1,1,1,1,2,2,2,2,3,2}'), '2015-W10', 52) AS f
	FROM sh_person_{n} WHERE code_at(wl, '2015-W10') IN (1101, 1102, 1111, 1112) GROUP BY kommune$$);
\o
SELECT * FROM pg_temp.explain($$
	SELECT kommune, flow_merge(f) FROM sh_flow_shard GROUP BY kommune$$,
	'{"Relations: Aggregate on (public.sh_person_": 3, "public.flow(public.weekline_recode(wl,": 3, "flow_merge(": 1, "Partial": 0}');

-- ---------------------------------------------------------------------------
\echo
\echo == 4. two-level answers on the shards against one node holding all rows

CREATE TEMP TABLE sh_result (measure text, compared int, differing int, how text, seq serial);

-- Both queries return (key text, value text): every value must be the same
-- text, and every key must be on both sides.
CREATE FUNCTION pg_temp.same(measure text, sharded text, single text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format($q$INSERT INTO sh_result (measure, compared, differing, how)
		SELECT %L, count(*), count(*) FILTER (WHERE s.p IS NULL OR l.p IS NULL OR s.v IS DISTINCT FROM l.v), 'identical'
		FROM (SELECT k, v, true AS p FROM (%s) AS x(k, v)) AS s
			 FULL JOIN (SELECT k, v, true AS p FROM (%s) AS x(k, v)) AS l USING (k)$q$, measure, sharded, single);
END $$;

-- Both queries return (key text, value float8): values must agree to 1e-12
-- relative; how many are not bit-identical is noted.
CREATE FUNCTION pg_temp.close(measure text, sharded text, single text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format($q$INSERT INTO sh_result (measure, compared, differing, how)
		SELECT %L, count(*),
			   count(*) FILTER (WHERE s.p IS NULL OR l.p IS NULL OR (s.v IS NULL) <> (l.v IS NULL)
									  OR abs(s.v - l.v) > 1e-12 * greatest(abs(s.v), abs(l.v))),
			   format('to 1e-12: %%s not bit-identical, at most %%s relative',
					  count(*) FILTER (WHERE s.v IS DISTINCT FROM l.v),
					  to_char(coalesce(max(abs(s.v - l.v) / nullif(greatest(abs(s.v), abs(l.v)), 0)), 0), '9.9EEEE'))
		FROM (SELECT k, v, true AS p FROM (%s) AS x(k, v)) AS s
			 FULL JOIN (SELECT k, v, true AS p FROM (%s) AS x(k, v)) AS l USING (k)$q$, measure, sharded, single);
END $$;

-- the merged states, stored on the coordinator as a rollup table
CREATE TABLE sh_rollup AS
SELECT kommune, survival_merge(s) AS s, cuminc_merge(c) AS c, sum(spells) AS spells, sum(ended_26) AS ended_26
FROM sh_state_shard GROUP BY kommune;
CREATE TEMP VIEW sh_local_spell_2012_13 AS
SELECT * FROM sh_local_spell WHERE start >= '2012-W01' AND start < '2014-W01';

\o /dev/null
SELECT FROM pg_temp.same('survival by kommune: survival_merge of per-shard survival',
	'SELECT kommune::text, s::text FROM sh_rollup',
	'SELECT kommune::text, survival(weeks, ended)::text FROM sh_local_spell_2012_13 GROUP BY kommune');
SELECT FROM pg_temp.same('survival, whole country: surv_table rows',
	'SELECT time::text, t::text FROM surv_table((SELECT survival_merge(s) FROM sh_rollup)) AS t',
	'SELECT time::text, t::text FROM surv_table((SELECT survival(weeks, ended) FROM sh_local_spell_2012_13)) AS t');
SELECT FROM pg_temp.same('cuminc by kommune: cuminc_merge of per-shard cuminc',
	'SELECT kommune::text, c::text FROM sh_rollup',
	'SELECT kommune::text, cuminc(weeks, afgang)::text FROM sh_local_spell_2012_13 GROUP BY kommune');
SELECT FROM pg_temp.same('cuminc, whole country: cuminc_table rows',
	'SELECT time || '' '' || cause, t::text FROM cuminc_table((SELECT cuminc_merge(c) FROM sh_rollup)) AS t',
	'SELECT time || '' '' || cause, t::text FROM cuminc_table((SELECT cuminc(weeks, afgang) FROM sh_local_spell_2012_13)) AS t');
SELECT FROM pg_temp.same('logrank across kommuner, from the stored merged states',
	'SELECT ''test'', logrank(kommune::text, s)::text FROM sh_rollup',
	'SELECT ''test'', logrank(weeks, ended, kommune::text)::text FROM sh_local_spell_2012_13');
SELECT FROM pg_temp.same('logrank across kommuner, from the per-shard states',
	'SELECT ''test'', logrank(kommune::text, s)::text FROM sh_state_shard',
	'SELECT ''test'', logrank(weeks, ended, kommune::text)::text FROM sh_local_spell_2012_13');
SELECT FROM pg_temp.same('prop_test from per-shard counts: ended within 26 weeks, København against the rest',
	'SELECT ''test'', prop_test(sum(ended_26) FILTER (WHERE kommune = 101), sum(spells) FILTER (WHERE kommune = 101),
								sum(ended_26) FILTER (WHERE kommune <> 101), sum(spells) FILTER (WHERE kommune <> 101))::text
	 FROM sh_rollup',
	'SELECT ''test'', prop_test(ended AND weeks <= 26, kommune = 101)::text FROM sh_local_spell_2012_13');
SELECT FROM pg_temp.same('klynge_benchmark from per-shard counts: aktivitetsparate 2015-W10 in the København klynge',
	$$SELECT 'benchmark', klynge_benchmark(s.kommune, s.aktivitetsparate, s.personer, 101, 'lower')::text
	  FROM sh_person_shard AS s JOIN klynge AS k ON k.kommunekode = s.kommune
	  WHERE k.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND k.gyldig @> date '2015-03-31'$$,
	$$SELECT 'benchmark', klynge_benchmark(p.kommune, (code_at(p.wl, '2015-W10') IN (1101, 1102))::int, 1, 101, 'lower')::text
	  FROM sh_local_person AS p JOIN klynge AS k ON k.kommunekode = p.kommune
	  WHERE k.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND k.gyldig @> date '2015-03-31'$$);
SELECT FROM pg_temp.close('fuldtidspersoner by kommune and quarter of 2015: sum of per-shard fuldtidspersoner',
	'SELECT kommune || '' Q'' || q, sum(v) FROM sh_person_shard, LATERAL (VALUES (1, q1), (2, q2), (3, q3), (4, q4)) AS x(q, v) GROUP BY 1',
	$$SELECT kommune || ' Q' || q, fuldtidspersoner(wl, '{1101,1102,1111,1112}', quarter_weeks(2015, q))
	  FROM sh_local_person, generate_series(1, 4) AS q GROUP BY kommune, q$$);
SELECT FROM pg_temp.close('anciennitet_fordeling by kommune on 2020-03-01: per-shard results weighted by personer',
	$$SELECT m.kommune || ' ' || j.key, j.value::float8
	  FROM (SELECT kommune, sum((a).personer) AS personer,
				   sum((a).gennemsnit_aar * (a).personer) / sum((a).personer) AS gennemsnit_aar,
				   sum((a).andel_over_2_aar * (a).personer) / sum((a).personer) AS andel_over_2_aar,
				   sum((a).andel_over_3_aar * (a).personer) / sum((a).personer) AS andel_over_3_aar,
				   sum((a).andel_over_5_aar * (a).personer) / sum((a).personer) AS andel_over_5_aar,
				   sum((a).andel_5_7_aar * (a).personer) / sum((a).personer) AS andel_5_7_aar,
				   sum((a).andel_7_10_aar * (a).personer) / sum((a).personer) AS andel_7_10_aar,
				   sum((a).andel_10_plus_aar * (a).personer) / sum((a).personer) AS andel_10_plus_aar
			FROM sh_person_shard GROUP BY kommune HAVING sum((a).personer) > 0) AS m,
		   jsonb_each_text(to_jsonb(m) - 'kommune') AS j$$,
	$$SELECT m.kommune || ' ' || j.key, j.value::float8
	  FROM (SELECT kommune, (anciennitet_fordeling(anciennitet(wl, '{1101,1102,1111,1112}', isoweek(date '2020-03-01')))).*
			FROM sh_local_person GROUP BY kommune) AS m,
		   jsonb_each_text(to_jsonb(m) - 'kommune') AS j
	  WHERE m.personer IS NOT NULL$$);

-- flows: the per-kommune states merged on the coordinator, against the flow of
-- the same persons on one node
CREATE TABLE sh_flow_rollup AS SELECT kommune, flow_merge(f) AS f FROM sh_flow_shard GROUP BY kommune;
CREATE TEMP VIEW sh_local_flow AS
SELECT kommune, flow(weekline_recode(wl, '{1101,1102,1111,1112,1201,1202,1301,1601,1901,1991}',
									 '{1,1,1,1,2,2,2,2,3,2}'), '2015-W10', 52) AS f
FROM sh_local_person WHERE code_at(wl, '2015-W10') IN (1101, 1102, 1111, 1112) GROUP BY kommune;
SELECT FROM pg_temp.same('flow by kommune: flow_merge of per-shard flow',
	'SELECT kommune::text, f::text FROM sh_flow_rollup',
	'SELECT kommune::text, f::text FROM sh_local_flow');
SELECT FROM pg_temp.same('flow, whole country: flow_table rows',
	'SELECT week || '' '' || code, t::text FROM flow_table((SELECT flow_merge(f) FROM sh_flow_rollup)) AS t',
	'SELECT week || '' '' || code, t::text FROM flow_table((SELECT flow_merge(f) FROM sh_local_flow)) AS t');
SELECT FROM pg_temp.same('flow by kommune: flow_table rows from the per-shard states',
	'SELECT kommune || '' '' || week || '' '' || code, t::text FROM (SELECT kommune, flow_merge(f) AS f FROM sh_flow_shard GROUP BY kommune) AS k, flow_table(k.f) AS t',
	'SELECT kommune || '' '' || week || '' '' || code, t::text FROM sh_local_flow AS k, flow_table(k.f) AS t');
SELECT FROM pg_temp.same('flow, whole country: flow_transitions from week 0 to week 52',
	'SELECT from_code || ''>'' || to_code, t::text FROM flow_transitions((SELECT flow_merge(f) FROM sh_flow_rollup), 0, 52) AS t',
	'SELECT from_code || ''>'' || to_code, t::text FROM flow_transitions((SELECT flow_merge(f) FROM sh_local_flow), 0, 52) AS t');

-- activation: each person on the shard (GROUP BY pnr, partitionwise), then
-- the kommune on the coordinator
CREATE TEMP TABLE sh_aktivering_sharded AS
SELECT p.pnr, p.kommune, aktivering(p.ydelse, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer) AS a
FROM sh_person AS p LEFT JOIN sh_tilbud AS t ON t.pnr = p.pnr
WHERE p.ydelse && daterange('2015-01-01', '2015-04-01')
GROUP BY p.pnr, p.kommune;
CREATE TEMP TABLE sh_aktivering_single AS
SELECT p.pnr, p.kommune, aktivering(p.ydelse, '[2015-01-01,2015-04-01)', t.type, t.periode, t.timer) AS a
FROM sh_local_person AS p LEFT JOIN sh_local_tilbud AS t ON t.pnr = p.pnr
WHERE p.ydelse && daterange('2015-01-01', '2015-04-01')
GROUP BY p.pnr, p.kommune;
SELECT FROM pg_temp.same('aktivering per person, on the shards',
	'SELECT pnr::text, a::text FROM sh_aktivering_sharded', 'SELECT pnr::text, a::text FROM sh_aktivering_single');
SELECT FROM pg_temp.close('aktiveringsgrad, andel aktiveringsberørte, virksomhedsrettet andel by kommune',
	$$SELECT kommune || ' ' || m, v FROM (SELECT kommune, aktiveringsgrad(a) AS g, andel_aktiveringsberoerte(a) AS b,
												 virksomhedsrettet_andel(a) AS r FROM sh_aktivering_sharded GROUP BY kommune) AS x,
			LATERAL (VALUES ('grad', g), ('berørte', b), ('virksomhedsrettet', r)) AS y(m, v)$$,
	$$SELECT kommune || ' ' || m, v FROM (SELECT kommune, aktiveringsgrad(a) AS g, andel_aktiveringsberoerte(a) AS b,
												 virksomhedsrettet_andel(a) AS r FROM sh_aktivering_single GROUP BY kommune) AS x,
			LATERAL (VALUES ('grad', g), ('berørte', b), ('virksomhedsrettet', r)) AS y(m, v)$$);
SELECT FROM pg_temp.same('weekline_agg per person from long rows, on the shards',
	'SELECT pnr::text, weekline_agg(week, code)::text FROM sh_long GROUP BY pnr',
	'SELECT pnr::text, wl::text FROM sh_local_person WHERE pnr <= 3000');

\o
SELECT measure, compared, differing, how FROM sh_result ORDER BY seq;

\echo
\echo -- some of the answers
SELECT round(surv_at(s, 13)::numeric, 4) AS still_on_after_13_weeks, surv_median(s) AS median_weeks,
	   round(cuminc_at(c, 1, 26)::numeric, 4) AS selvforsoerget_within_26_weeks,
	   (SELECT format('chisq %s, df %s, p %s', round(chisq::numeric, 1), df, round(p_value::numeric, 4))
		FROM (SELECT (logrank(kommune::text, s)).* FROM sh_rollup) AS l) AS logrank_kommuner
FROM (SELECT survival_merge(s) AS s, cuminc_merge(c) AS c FROM sh_rollup) AS x;
SELECT t.code AS tilstand, dk_pct(t.share) AS andel_efter_52_uger, t.persons AS personer
FROM flow_table((SELECT flow_merge(f) FROM sh_flow_rollup)) AS t WHERE t.week = 52 ORDER BY t.code;
SELECT b.kommuner, dk_pct(b.own_rate) AS koebenhavn, dk_pct(b.cluster_rate) AS klyngen, b.rank,
	   (SELECT round(sum(q1)::numeric, 1) FROM sh_person_shard) AS fuldtidspersoner_2015_q1
FROM (SELECT (klynge_benchmark(s.kommune, s.aktivitetsparate, s.personer, 101, 'lower')).*
	  FROM sh_person_shard AS s JOIN klynge AS k ON k.kommunekode = s.kommune
	  WHERE k.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND k.gyldig @> date '2015-03-31') AS b;

DO $$
BEGIN
	IF EXISTS (SELECT FROM sh_result WHERE differing > 0 OR compared = 0) THEN
		RAISE EXCEPTION 'the sharded answers differ from the single node'
			USING DETAIL = (SELECT string_agg(measure || ': ' || differing || ' of ' || compared, '; ')
							FROM sh_result WHERE differing > 0 OR compared = 0);
	END IF;
END $$;
\pset tuples_only on
\pset format unaligned
SELECT format('jobreg: sharded check passed: %s measures, %s values, none differing', count(*), sum(compared))
FROM sh_result;
