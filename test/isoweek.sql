-- pgTAP: the isoweek and weekrange catalogue and a few facts users rely on
BEGIN;
SELECT plan(24);

SELECT has_type('isoweek');
SELECT ok(to_regtype('weekrange') IS NOT NULL, 'range type weekrange should exist');
SELECT has_function('isoweek', ARRAY['date']);
SELECT has_function('isoweek', ARRAY['integer', 'integer']);
SELECT has_function('dream_week', ARRAY['text']);
SELECT has_function('quarter_weeks', ARRAY['integer', 'integer']);
SELECT has_function('month_weeks', ARRAY['integer', 'integer']);
SELECT has_opclass('isoweek_ops');
SELECT has_opclass('isoweek_hash_ops');
SELECT has_operator('isoweek', '+', 'integer', 'isoweek');
SELECT has_operator('isoweek', '-', 'isoweek', 'integer');

SELECT is('2014-W10'::isoweek + 52, '2015-W10'::isoweek, '2014-W10 + 52 is 2015-W10');
SELECT is('2015-W10'::isoweek + 52, '2016-W09'::isoweek, '2015-W10 + 52 is 2016-W09 (2015 has 53 weeks)');
SELECT is(monday('2015-W53'), date '2015-12-28', 'Monday of 2015-W53');
SELECT is(isoweek(date '2016-01-03'), '2015-W53'::isoweek, '3 January 2016 is in 2015-W53');
SELECT is(dream_week('y_9127'), '1991-W27'::isoweek, 'DREAM y_9127 is 1991-W27');
SELECT is(quarter_weeks(2015, 1), '[2015-W01,2015-W14)'::weekrange, 'Q1 2015 by the Thursday rule');
SELECT is('[2015-W01,2015-W03]'::weekrange, '[2015-W01,2015-W04)'::weekrange, 'canonical form [)');

SELECT throws_ok($$SELECT '2014-W53'::isoweek$$, '22008', NULL, 'week 53 of a 52-week year');
SELECT throws_ok($$SELECT 'abc'::isoweek$$, '22007', NULL, 'garbage');
SELECT throws_ok($$SELECT '9999-W52'::isoweek + 1$$, '22008', NULL, 'past the last week');

-- every function of the extension is documented and parallel safe, but the
-- triggers of the reference tables, which write (PARALLEL UNSAFE)
SELECT is((SELECT count(*) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg'
		   WHERE obj_description(p.oid, 'pg_proc') IS NULL), 0::bigint, 'every function has a comment');
SELECT is((SELECT count(*) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg'
		   WHERE p.proparallel <> CASE WHEN p.prorettype = 'trigger'::regtype THEN 'u' ELSE 's' END),
		  0::bigint, 'every function is parallel safe, every trigger function parallel unsafe');
SELECT is((SELECT count(*) FROM pg_type t JOIN pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg'
		   WHERE obj_description(t.oid, 'pg_type') IS NULL), 0::bigint, 'every type has a comment');

SELECT * FROM finish();
ROLLBACK;
