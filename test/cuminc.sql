-- pgTAP: the cuminc catalogue and the facts users rely on
BEGIN;
SELECT plan(25);

SELECT has_type('cuminc');
SELECT has_function('cuminc', ARRAY['double precision', 'integer']);
SELECT has_function('cuminc_merge', ARRAY['cuminc']);
SELECT has_function('cuminc_table', ARRAY['cuminc']);
SELECT has_function('cuminc_at', ARRAY['cuminc', 'integer', 'double precision']);
SELECT isa_ok(NULL::cuminc, 'cuminc');

-- the state type is cuminc itself, never internal, with a combine function
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.proname IN ('cuminc', 'cuminc_merge') AND a.aggtranstype = 'cuminc'::regtype
			 AND a.aggcombinefn <> 0 AND p.proparallel = 's'), 2::bigint,
		  'both aggregates keep a cuminc state, combine and are parallel safe');
SELECT is((SELECT (typstorage, typalign, typsend <> 0, typreceive <> 0) FROM pg_type WHERE oid = 'cuminc'::regtype),
		  ('x'::"char", 'd'::"char", true, true), 'cuminc is an extended varlena with binary I/O');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'cuminc_table(cuminc)'::regprocedure),
		  ARRAY['c', 'time', 'cause', 'estimate', 'variance'], 'cuminc_table returns (time, cause, estimate, variance)');

-- a small example worked by hand: 8 persons; at time 1, 5 leave for cause 1
-- and 2 are censored; at 2.5 the one person left leaves for cause 2
SELECT is(cuminc(d, c)::text, '{1: 0=2, 1=5; 2.5: 2=1}', 'cuminc counts per time and cause')
FROM (VALUES (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 0), (1, 0), (2.5, 2)) AS v(d, c);
-- R's numbers for this example: cmprsk::cuminc(c(1,1,1,1,1,1,1,2.5), c(1,1,1,1,1,0,0,2)),
-- written by r/cuminc_reference.R
\i test/data/cuminc_tap.sql
\i test/lib/compare.sql
SELECT ok(pg_temp.near(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 1, 1), (SELECT estimate FROM cuminc_r WHERE time = 1 AND cause = 1)),
		  'F1(1) = 5/8, as cmprsk');
SELECT ok(pg_temp.near(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2.5), (SELECT estimate FROM cuminc_r WHERE time = 2.5 AND cause = 2)),
		  'F2(2.5) = S(1) x 1/1 = 3/8, as cmprsk');
SELECT ok(pg_temp.near(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2), (SELECT estimate FROM cuminc_r WHERE time = 2 AND cause = 2)),
		  'F2 is 0 before its first event, as cmprsk');
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 1, 3), NULL, 'no estimate past the last follow-up time');
-- every row of cuminc_table is cmprsk's row at that time (R also has the
-- time 2 without events, which is no row of cuminc_table)
SELECT is((SELECT count(*) FILTER (WHERE NOT (pg_temp.near(t.estimate, r.estimate) AND pg_temp.near(t.variance, r.variance)))
		   FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1}') AS t LEFT JOIN cuminc_r AS r USING (time, cause)),
		  0::bigint, 'estimates and variances as cmprsk''s');
SELECT is((SELECT count(*) FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1}')), 4::bigint, 'one row per event time and cause');

-- merging
SELECT is(cuminc_merge(c)::text, '{1: 0=2, 1=5; 2.5: 2=1}', 'merge adds counts')
FROM (VALUES ('{1: 1=2}'::cuminc), ('{1: 0=2, 1=3}'), (NULL), ('{2.5: 2=1}')) AS v(c);

-- errors
SELECT throws_ok($$SELECT cuminc(d, 1) FROM (VALUES (-1.0::float8)) AS v(d)$$, '22003', NULL, 'negative duration');
SELECT throws_ok($$SELECT cuminc(d, 1) FROM (VALUES ('NaN'::float8)) AS v(d)$$, '22023', NULL, 'NaN duration');
SELECT throws_ok($$SELECT cuminc(1, c) FROM (VALUES (-1)) AS v(c)$$, '22023', NULL, 'negative cause');
SELECT throws_ok($$SELECT '{1: 1=1; 1: 2=1}'::cuminc$$, '22P02', NULL, 'repeated time in text input');
SELECT throws_ok($$SELECT cuminc_at('{1: 1=1}', 0, 1)$$, '22023', NULL, 'cause 0 is censoring');

-- disclosure control
SET LOCAL jobreg.min_cell = 5;
SELECT is((SELECT count(*) FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1}') WHERE estimate IS NULL AND time IS NULL), 1::bigint,
		  'jobreg.min_cell withholds the single event of cause 2, time too');
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2.5), NULL, 'and cuminc_at');
RESET jobreg.min_cell;
SELECT isnt(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2.5), NULL, 'until reset');

SELECT * FROM finish();
ROLLBACK;
