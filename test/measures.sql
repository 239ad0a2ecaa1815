-- pgTAP: the Jobindsats measures and group tests: catalogue, aggregate properties, a few facts
BEGIN;
SELECT plan(27);

SELECT has_function('fuldtidspersoner', ARRAY['daterange', 'daterange']);
SELECT has_function('fuldtidspersoner', ARRAY['daterange', 'daterange', 'double precision']);
SELECT has_function('aktivering', ARRAY['datemultirange', 'daterange', 'text', 'daterange', 'double precision']);
SELECT has_function('aktiveringsgrad', ARRAY['aktivering']);
SELECT has_function('andel_aktiveringsberoerte', ARRAY['aktivering']);
SELECT has_function('virksomhedsrettet_andel', ARRAY['aktivering']);
SELECT has_function('aktivering_sum', ARRAY['aktivering']);
SELECT has_function('prop_test', ARRAY['boolean', 'boolean']);
SELECT has_function('prop_test', ARRAY['double precision', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT has_function('welch_test', ARRAY['double precision', 'boolean']);
SELECT has_function('welch_test', ARRAY['double precision', 'double precision', 'bigint', 'double precision', 'double precision', 'bigint', 'double precision']);
SELECT has_type('aktivering');
SELECT has_table('tilbudstype');
SELECT has_pk('tilbudstype');

-- every aggregate of the extension can be parallel and merged; internal states are serialized
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg'
		   WHERE a.aggcombinefn = 0 OR p.proparallel <> 's'), 0::bigint,
		  'every aggregate has a combine function and is parallel safe');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg'
		   WHERE a.aggtranstype = 'internal'::regtype AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0)), 0::bigint,
		  'every internal-state aggregate has serial and deserial functions');
SELECT is((SELECT provolatile FROM pg_proc WHERE oid = 'aktivering_trans'::regproc), 's'::"char",
		  'aktivering reads tilbudstype: its transition is STABLE');

-- users' own offer types survive pg_dump; the shipped ones come with the extension
SELECT ok((SELECT 'tilbudstype'::regclass = ANY (extconfig) FROM pg_extension WHERE extname = 'jobreg'),
		  'tilbudstype is a configuration table');
SELECT is((SELECT extcondition[array_position(extconfig, 'tilbudstype'::regclass)]
		   FROM pg_extension WHERE extname = 'jobreg'), 'WHERE NOT shipped', 'only rows added or changed by users are dumped');
SELECT is((SELECT count(*) FROM pg_attribute WHERE attrelid = 'tilbudstype'::regclass AND attnum > 0
		   AND col_description(attrelid, attnum) IS NULL), 0::bigint, 'every column of tilbudstype has a comment');

SELECT is(fuldtidspersoner(daterange(monday('2014-W01'), monday('2014-W27')),
						   daterange(monday('2014-W01'), monday('2015-W01'))), 0.5::float8,
		  '26 of 52 weeks is half a fuldtidsperson');
SELECT is((SELECT round(p_value::numeric, 3) FROM prop_test(0.123 * 2052, 2052, 0.103 * 2052, 2052)), 0.043,
		  'seeds/001 M3: 12.3 % against 10.3 % of 2,052 gives p = 0.043');
SELECT is((SELECT aktiveringsgrad(a) FROM (
			  SELECT aktivering('{[2015-01-05,2015-02-02)}', '[2015-01-05,2015-02-02)', 'virksomhedspraktik',
								'[2015-01-05,2015-01-19)', 37) AS a) AS x), 0.5::float8,
		  'two of four weeks full time in virksomhedspraktik is an aktiveringsgrad of 0.5');
SELECT throws_ok($$SELECT aktivering('{[2015-01-01,2015-02-01)}', '[2015-01-01,2015-02-01)', 'kursus', '[2015-01-01,2015-02-01)', 10)$$,
				 '22023', NULL, 'an unknown offer type is an error');
SELECT throws_ok($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,)')$$,
				 '22023', NULL, 'an infinite period is an error');
SELECT throws_ok($$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,2015-02-01)', 2)$$,
				 '22023', NULL, 'a degree above 1 is an error');
SELECT ok(pchisq(3.841458820694124, 1, false) BETWEEN 0.0499999999999 AND 0.0500000000001,
		  'the 95 % point of chi-square with 1 df');

SELECT * FROM finish();
ROLLBACK;
