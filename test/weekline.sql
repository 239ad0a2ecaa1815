-- pgTAP: the weekline catalogue and the facts about register histories users rely on
BEGIN;
SELECT plan(32);

SELECT has_type('weekline');
SELECT has_type('weekline_spell');
SELECT has_function('weekline_agg', ARRAY['isoweek', 'integer']);
SELECT has_function('weekline_from_runs', ARRAY['isoweek', 'integer[]', 'integer[]']);
SELECT has_function('dream_weekline', ARRAY['text', 'text', 'text']);
SELECT has_function('code_at', ARRAY['weekline', 'isoweek']);
SELECT has_function('first_week', ARRAY['weekline']);
SELECT has_function('last_week', ARRAY['weekline']);
SELECT has_function('runs', ARRAY['weekline']);
SELECT has_function('weeks_in', ARRAY['weekline', 'integer[]', 'weekrange']);
SELECT has_function('spells', ARRAY['weekline', 'integer[]', 'integer']);
SELECT has_function('spell_at', ARRAY['weekline', 'integer[]', 'integer', 'isoweek']);
SELECT has_function('codes', ARRAY['text', 'text']);
SELECT has_table('codebook');
SELECT col_is_pk('codebook', ARRAY['codebook', 'code']);
SELECT has_opclass('weekline_hash_ops');
SELECT is((SELECT aggcombinefn::text FROM pg_aggregate WHERE aggfnoid = 'weekline_agg(isoweek, int4)'::regprocedure),
		  'weekline_agg_combine', 'weekline_agg has a combine function');
SELECT is((SELECT typstorage FROM pg_type WHERE typname = 'weekline'), 'x', 'weekline is TOAST-able (storage extended)');
SELECT is(provolatile, 's', 'codes() is STABLE') FROM pg_proc WHERE oid = 'codes(text, text)'::regprocedure;
SELECT is(l.lanname, 'c', 'codes() is C: it names the table of its own schema, whatever the search_path')
FROM pg_proc AS p JOIN pg_language AS l ON l.oid = p.prolang WHERE p.oid = 'codes(text, text)'::regprocedure;

SELECT is('2015-W01 0x10 1101x26 0x16'::weekline::text, '2015-W01 0x10 1101x26 0x16', 'text form round-trips');
SELECT is(last_week('2015-W50 1101x5'), '2016-W01'::isoweek, 'the span crosses week 53 of 2015');
SELECT is(code_at('2015-W50 0x2 1101x3', '2015-W53'), 1101, 'code of 2015-W53');
SELECT ok(code_at('2015-W50 0x2 1101x3', '2016-W02') IS NULL, 'code_at outside the span is NULL');
SELECT is(weeks_in('2015-W50 0x2 1101x3 1102x4', '{1101,1102}', '[2015-W51,2016-W02)'), 3, 'weeks on the codes in a period');
SELECT results_eq($$SELECT spell::text, weeks, prior_gap, exit_code FROM spells('2015-W01 1101x2 0x3 1101x1 0x1', '{1101}', 2)$$,
				  $$VALUES ('[2015-W01,2015-W03)', 2, NULL::int, 0), ('[2015-W06,2015-W07)', 1, 3, 0)$$,
				  'a break of max_gap + 1 weeks ends the spell');
SELECT is((spell_at('2015-W01 1101x2 0x3 1101x1 0x1', '{1101}', 3, '2015-W04')).weeks, 3, 'a break of max_gap weeks is bridged');
SELECT is(codes('synthetic', 'kontanthjælp aktivitetsparat'), ARRAY[1101, 1102], 'synthetic codebook group');

SELECT throws_ok($$SELECT '2015-W01 5x1 5x2'::weekline$$, '22P02', NULL, 'non-canonical text input');
SELECT throws_ok($$SELECT weekline_agg(w, c) FROM (VALUES ('2015-W01'::isoweek, 1), ('2015-W01', 2)) v(w, c)$$,
				 '21000', NULL, 'two codes for one week');
SELECT throws_ok($$SELECT dream_weekline('pnr;y_1501', '1;2;3')$$, '22P04', NULL, 'a DREAM line wider than its header');
SELECT throws_ok($$SELECT codes('synthetic', 'no such group')$$, '22023', NULL, 'an unknown benefit group');

SELECT * FROM finish();
ROLLBACK;
