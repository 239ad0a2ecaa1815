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
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 1, 1), 5 / 8.0::float8, 'F1(1) = 5/8');
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2.5), 3 / 8.0::float8, 'F2(2.5) = S(1) x 1/1 = 3/8');
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2), 0::float8, 'F2 is 0 before its first event');
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 1, 3), NULL, 'no estimate past the last follow-up time');
-- R: cmprsk::cuminc(c(1,1,1,1,1,1,1,2.5), c(1,1,1,1,1,0,0,2)), variances at 1 and 2.5
SELECT ok((SELECT bool_and(abs(variance - r) <= 1e-10 * r)
		   FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1}') JOIN (VALUES (1.0::float8, 1, 0.033482142857142856::float8),
																(2.5, 1, 0.033482142857142856), (2.5, 2, 0.17410714285714285)) AS v(time, cause, r)
		   USING (time, cause)), 'variances as cmprsk''s');
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
SELECT is((SELECT count(*) FROM cuminc_table('{1: 0=2, 1=5; 2.5: 2=1}') WHERE estimate IS NULL), 2::bigint,
		  'jobreg.min_cell hides rows with fewer at risk');
SELECT is(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2.5), NULL, 'and cuminc_at');
RESET jobreg.min_cell;
SELECT isnt(cuminc_at('{1: 0=2, 1=5; 2.5: 2=1}', 2, 2.5), NULL, 'until reset');

SELECT * FROM finish();
ROLLBACK;
