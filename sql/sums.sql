--
-- sums: jobreg_array_sum, the combine function of the float8[] count states
-- (src/stats/sums.c), and the compensated sums behind them
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- element-wise sums; STRICT: a NULL state gives NULL
SELECT jobreg_array_sum('{1,2,3}', '{10,20,30}') AS summed,
	   jobreg_array_sum(NULL, '{1}') AS null_left,
	   jobreg_array_sum('{1}', NULL) AS null_right;
-- a direct call never changes its argument (outside an aggregate it sums into a copy)
WITH a AS (SELECT '{1,1}'::float8[] AS s)
SELECT jobreg_array_sum(s, s) AS doubled, s AS unchanged FROM a;
-- as the combine function of an aggregate, against plain SQL: 10,000 random
-- two-element states summed in parallel plans and serially
CREATE TABLE su AS
SELECT ARRAY[floor(random() * 1000), random()]::float8[] AS s FROM generate_series(1, 10000);
ANALYZE su;
CREATE AGGREGATE su_vsum(float8[]) (
	SFUNC = jobreg_array_sum, STYPE = float8[], INITCOND = '{0,0}',
	COMBINEFUNC = jobreg_array_sum, PARALLEL = SAFE);
SELECT (su_vsum(s))[1] = sum(s[1]) AS counts_exact,
	   pg_temp.near((su_vsum(s))[2], sum(s[2]), 1e-12) AS reals_near
FROM su;
CREATE TEMP TABLE su_serial AS SELECT su_vsum(s) AS v FROM su;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT su_vsum(s) FROM su;
SELECT (SELECT su_vsum(s) FROM su)[1] = v[1] AS parallel_counts_equal,
	   pg_temp.near((SELECT su_vsum(s) FROM su)[2], v[2], 1e-12) AS parallel_reals_near
FROM su_serial;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
DROP TABLE su;
DROP AGGREGATE su_vsum(float8[]);
-- a compensated sum keeps what a plain float8 sum loses: a million rows of
-- degree 0.1 are 100,000 full-time persons to the last bit
SELECT fuldtidspersoner('[2015-01-01,2015-01-02)'::daterange, '[2015-01-01,2015-01-02)'::daterange, 0.1) AS compensated,
	   sum(0.1::float8) = 100000 AS plain_sum_exact
FROM generate_series(1, 1000000);

-- bad states: each an error with a SQLSTATE
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT jobreg_array_sum('{1,2}', '{1,2,3}')$$,
	$$SELECT jobreg_array_sum('{1,NULL}', '{1,2}')$$,
	$$SELECT jobreg_array_sum('{{1,2}}', '{{1,2}}')$$
]) AS q;
