-- pgTAP: the survival and logrank catalogue and a few facts users rely on
BEGIN;
SELECT plan(39);

SELECT has_type('survival');
SELECT has_type('logrank_state');
SELECT has_type('logrank_result');
SELECT is((SELECT typstorage FROM pg_type WHERE typname = 'survival'), 'x', 'survival is stored extended (toastable)');
SELECT is((SELECT typsend::text FROM pg_type WHERE typname = 'survival'), 'survival_send', 'survival has binary output');
SELECT is((SELECT typreceive::text FROM pg_type WHERE typname = 'logrank_state'), 'logrank_state_recv', 'logrank_state has binary input');

SELECT has_function('survival', ARRAY['double precision', 'boolean']);
SELECT has_function('survival', ARRAY['double precision', 'boolean', 'double precision']);
SELECT has_function('survival', ARRAY['double precision', 'double precision', 'boolean']);
SELECT has_function('survival_merge', ARRAY['survival']);
SELECT has_function('surv_at', ARRAY['survival', 'double precision']);
SELECT has_function('surv_median', ARRAY['survival']);
SELECT has_function('surv_quantile', ARRAY['survival', 'double precision']);
SELECT has_function('surv_rmean', ARRAY['survival', 'double precision']);
SELECT has_function('surv_table', ARRAY['survival', 'text', 'double precision', 'text']);
SELECT has_function('logrank', ARRAY['double precision', 'boolean', 'text']);
SELECT has_function('logrank', ARRAY['text', 'survival']);
SELECT has_function('logrank', ARRAY['double precision', 'boolean', 'text', 'text']);
SELECT has_function('surv_svg', ARRAY['survival[]', 'text[]', 'text', 'double precision', 'double precision', 'text', 'text', 'integer', 'integer']);

-- every aggregate of the feature has a combine function and is parallel safe, with a real state type
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.proname IN ('survival', 'survival_merge', 'logrank')
			 AND a.aggcombinefn <> 0 AND p.proparallel = 's' AND a.aggtranstype <> 'internal'::regtype),
		  7::bigint, 'survival (3), survival_merge and logrank (3): combine function, parallel safe, non-internal state');
SELECT is((SELECT provolatile::text FROM pg_proc WHERE proname = 'surv_table'), 's', 'surv_table is STABLE (it reads jobreg.min_cell)');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
		   WHERE attrelid = 'logrank_result'::regclass AND attnum > 0), ARRAY['chisq', 'df', 'p_value'], 'logrank_result columns');
SELECT is((SELECT proargnames FROM pg_proc WHERE proname = 'surv_table'),
		  ARRAY['', 'conf_type', 'conf_level', 'variance', 'time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err', 'lower', 'upper'],
		  'surv_table columns');

-- numbers users know from R, written by r/survival_reference.R
\i test/data/survival_tap.sql
\i test/lib/compare.sql
CREATE TEMP TABLE km AS
SELECT survival(d, e) AS s FROM (VALUES (1, true), (2, false), (2, true), (3, true), (4, true)) v(d, e);
SELECT ok(pg_temp.near((SELECT surv FROM surv_table((SELECT s FROM km)) WHERE time = 3), (SELECT value FROM survival_r WHERE name = 'surv_3')), 'S(3) = 0.3, as R');
SELECT ok(pg_temp.near((SELECT lower FROM surv_table((SELECT s FROM km)) WHERE time = 1), (SELECT value FROM survival_r WHERE name = 'lower_log_1')), 'log interval at time 1, as R');
SELECT ok(pg_temp.near((SELECT lower FROM surv_table((SELECT s FROM km), 'log-log') WHERE time = 1), (SELECT value FROM survival_r WHERE name = 'lower_loglog_1')), 'log-log interval at time 1, as R');
SELECT ok(pg_temp.near((SELECT surv_median(s) FROM km), (SELECT value FROM survival_r WHERE name = 'median')), 'median 3, as R');
SELECT ok(pg_temp.near((SELECT surv_median(survival(d, e)) FROM (VALUES (1, true), (2, true), (3, false), (4, true)) v(d, e)),
					   (SELECT value FROM survival_r WHERE name = 'median_flat_half')),
		  'flat at one half: the median averages the two times, as R');
SELECT is((SELECT surv_at(s, 100) FROM km), NULL, 'S(t) is NULL after the last time');
SELECT ok(pg_temp.near((SELECT surv_rmean(s, 4) FROM km), (SELECT value FROM survival_r WHERE name = 'rmean_4')), 'restricted mean to 4, as R');
SELECT is((SELECT survival_merge(s)::text FROM (SELECT survival(d, e) AS s FROM
			 (VALUES (1, true), (2, false), (2, true), (3, true), (4, true)) v(d, e) GROUP BY d % 2) x),
		  (SELECT s::text FROM km), 'merging partial states gives the state of all rows');
SELECT ok(pg_temp.near((SELECT (logrank(d, e, g)).p_value FROM (VALUES (1, true, 'a'), (3, true, 'a'), (4, false, 'a'),
			 (2, true, 'b'), (5, true, 'b'), (6, true, 'b')) v(d, e, g)), (SELECT value FROM survival_r WHERE name = 'logrank_p')),
		  'log-rank p-value, as R''s survdiff');

SELECT throws_ok($$SELECT survival(-1, true)$$, '22023', NULL, 'negative duration');
SELECT throws_ok($$SELECT survival(2, 1, true)$$, '22023', NULL, 'entry after exit');
SELECT throws_ok($$SELECT survival(1, true, 'NaN')$$, '22023', NULL, 'NaN weight');
SELECT throws_ok($$SELECT surv_quantile('v1;1:1,0,0,1,0', 1)$$, '22023', NULL, 'p outside (0,1)');
SELECT throws_ok($$SELECT * FROM surv_table('v1;1:1,0,0,1,0', 'logit')$$, '22023', NULL, 'unknown conf_type');
SELECT throws_ok($$SELECT 'v1;2:1,0,0,1,0;1:1,0,0,1,0'::survival$$, '22P02', NULL, 'times out of order');

SET LOCAL jobreg.min_cell = 3;
SELECT is((SELECT array_agg(time ORDER BY time) FROM surv_table((SELECT s FROM km))), '{3,NULL}'::float8[],
		  'jobreg.min_cell = 3 merges the steps at 1, 2 and 3 into one row and withholds the step at 4, time too');

SELECT * FROM finish();
ROLLBACK;
