-- bench/groups.sql: survival, cuminc and logrank by GROUP BY with many
-- groups (1,000 to 100,000 over 2 million rows), hash aggregation beside
-- sort aggregation and beside the scan floor, count(*) by the same groups
-- (hashed), timed in the same run (best of 3).  A state per group must cost
-- about the same whichever way the groups are formed.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;

\ir lib/timing.sql

SELECT setseed(0.25) \gset
CREATE UNLOGGED TABLE bm_groups AS
SELECT i, (1 + floor(random() * 520))::float8 AS weeks, random() < 0.7 AS ended,
	   (random() * 3)::int AS cause, (random() * 3)::int::text AS arm
FROM generate_series(1, 2000000) AS i;
VACUUM ANALYZE bm_groups;

CREATE FUNCTION pg_temp.by_groups(ngroups int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	queries text[][] := ARRAY[
		['survival', 'round(sum(surv_at(s, 52))::numeric, 6)', 'survival(weeks, ended)'],
		['cuminc', 'round(sum(cuminc_at(s, 1, 52))::numeric, 6)', 'cuminc(weeks, cause)'],
		['logrank', 'round(sum((s).chisq)::numeric, 6)', 'logrank(weeks, ended, arm)']];
	q text;
BEGIN
	FOR k IN 1 .. array_length(queries, 1) LOOP
		q := format('SELECT %s FROM (SELECT i %% %s AS g, %s AS s FROM bm_groups GROUP BY 1) AS x',
					queries[k][2], ngroups, queries[k][3]);
		SET LOCAL enable_sort = off;
		PERFORM pg_temp.bm(format('%s, %s groups', queries[k][1], ngroups), 'hashed', q);
		RESET enable_sort;
		SET LOCAL enable_hashagg = off;
		PERFORM pg_temp.bm(format('%s, %s groups', queries[k][1], ngroups), 'sorted', q);
		RESET enable_hashagg;
		PERFORM pg_temp.bm(format('%s, %s groups', queries[k][1], ngroups), 'scan floor',
			format('SELECT count(*) FROM (SELECT i %% %s AS g, count(weeks) FROM bm_groups GROUP BY 1) AS x', ngroups));
	END LOOP;
END $$;

\o /dev/null
SELECT pg_temp.by_groups(1000);
SELECT pg_temp.by_groups(20000);
SELECT pg_temp.by_groups(100000);
\o

-- the plans really differ
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT i % 20000 AS g, survival(weeks, ended) FROM bm_groups GROUP BY 1;
RESET enable_sort;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT i % 20000 AS g, survival(weeks, ended) FROM bm_groups GROUP BY 1;
RESET enable_hashagg;

-- side by side: times, results (hashed and sorted must agree), ratios
SELECT task, method, ms, result, x_reference AS "× sorted", x_floor AS "× scan floor"
FROM pg_temp.bm_report('sorted');

DROP TABLE bm_groups;
