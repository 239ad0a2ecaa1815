-- pgTAP: kommuner, klynger, klynge benchmarks and Danish presentation
BEGIN;
SELECT plan(37);

SELECT has_table('kommune');
SELECT has_table('klynge');
SELECT col_is_pk('kommune', 'kode');
SELECT columns_are('kommune', ARRAY['kode', 'navn', 'region', 'kilde', 'shipped']);
SELECT columns_are('klynge', ARRAY['maalgruppe', 'kommunekode', 'klynge', 'gyldig', 'kilde', 'shipped']);
SELECT col_type_is('klynge', 'gyldig', 'daterange');
SELECT fk_ok('klynge', 'kommunekode', 'kommune', 'kode');
SELECT has_function('dk_number', ARRAY['numeric', 'integer']);
SELECT has_function('dk_pct', ARRAY['double precision', 'integer']);
SELECT has_function('kommune_kode', ARRAY['text']);
SELECT has_function('required_change', ARRAY['double precision', 'double precision', 'double precision']);
SELECT has_function('reduce_distance', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('klynge_benchmark', ARRAY['integer', 'double precision', 'double precision', 'integer', 'text']);
SELECT function_returns('dk_number', ARRAY['numeric', 'integer'], 'text');
SELECT volatility_is('kommune_kode', ARRAY['text'], 'stable');
SELECT ok(EXISTS (SELECT FROM pg_collation WHERE collname = 'dansk' AND collprovider = 'i'), 'ICU collation dansk exists');

-- reference data
SELECT is((SELECT count(*) FROM kommune), 98::bigint, '98 kommuner');
SELECT is((SELECT navn FROM kommune WHERE kode = 101), 'København', '101 is København');
SELECT is((SELECT navn FROM kommune WHERE kode = 147), 'Frederiksberg', '147 is Frederiksberg');
SELECT is((SELECT navn FROM kommune WHERE kode = 851), 'Aalborg', '851 is Aalborg');
SELECT set_eq($$SELECT kommunekode FROM klynge WHERE maalgruppe = 'ledighedsydelse' AND gyldig @> date '2015-03-31'$$,
			  ARRAY[101, 155, 190, 219, 269], 'ledighedsydelse klynge 2015: København, Dragør, Furesø, Hillerød, Solrød');
SELECT set_eq($$SELECT kommunekode FROM klynge WHERE maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND gyldig @> date '2015-03-31'$$,
			  ARRAY[101, 165, 153, 169, 183, 360], 'udsatte klynge 2015: København, Albertslund, Brøndby, Høje-Taastrup, Ishøj, Lolland');
SELECT ok((SELECT count(*) = 2 FROM pg_extension e, unnest(e.extconfig) c WHERE e.extname = 'jobreg'
		   AND c IN ('kommune'::regclass, 'klynge'::regclass)), 'kommune and klynge are configuration tables (pg_dump)');
SELECT is((SELECT count(*) FROM pg_attribute a WHERE a.attrelid IN ('kommune'::regclass, 'klynge'::regclass)
		   AND a.attnum > 0 AND col_description(a.attrelid, a.attnum) IS NULL), 0::bigint, 'every column is commented');

-- Danish order
SELECT results_eq($$SELECT navn FROM kommune WHERE navn IN ('Aabenraa', 'Ærø', 'Vordingborg', 'Aarhus', 'Albertslund') ORDER BY navn COLLATE dansk$$,
				  ARRAY['Albertslund', 'Vordingborg', 'Ærø', 'Aabenraa', 'Aarhus'], 'Aabenraa sorts after Ærø, as Å');

-- Danish numbers
SELECT is(dk_number(16750), '16.750', 'dk_number 16.750');
SELECT is(dk_number(5.5, 1), '5,5', 'dk_number 5,5');
SELECT is(dk_number(-5750), '-5.750', 'dk_number -5.750');
SELECT is(dk_pct(0.055), '5,5 pct.', 'dk_pct 5,5 pct.');
SELECT throws_ok('SELECT dk_number(1, 100)', '22023', NULL, 'decimals out of range');

-- kommune names
SELECT is(kommune_kode('Københavns Kommune'), 101, 'Københavns Kommune');
SELECT is(kommune_kode('Aabenraa'), kommune_kode('Åbenrå'), 'Aabenraa = Åbenrå');
SELECT is(kommune_kode('hoeje taastrup'), 169, 'hoeje taastrup');
SELECT throws_ok($$SELECT kommune_kode('Atlantis')$$, '22023', 'no kommune is named "Atlantis"', 'unknown name');

-- benchmarks
SELECT ok(-5750 BETWEEN required_change(14800, 0.0555, 0.0335) AND required_change(14800, 0.0545, 0.0345),
		  'Tabel 3: -5,750 is within the rounding of 5,5 and 3,4 pct.');
SELECT is(round(reduce_distance(0.076, 0.05)::numeric, 4), 0.0695, 'Vision 2020: 25 % of the distance');
SELECT is((SELECT (klynge_benchmark(k, n, d, 101, 'lower')).rank
		   FROM (VALUES (101, 5, 100), (165, 3, 100), (153, 4, 100)) t (k, n, d)), 3, 'rank 3 of 3');

SELECT * FROM finish();
ROLLBACK;
