--
-- Danish presentation with ICU: dk_number, dk_pct, kommune_kode
--
-- Errors are shown as SQLSTATE, message, detail and hint through a small catcher.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
	hint text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' DETAIL: ' || nullif(detail, ''), '')
		|| coalesce(' HINT: ' || nullif(hint, ''), '');
END $$;

-- the numbers of the documents
SELECT dk_number(16750) AS udsatte, dk_number(14800) AS aktivitetsparate, dk_number(-5750) AS tabel_3,
	   dk_number(5.5, 1) AS pct, dk_number(2804) AS mio_kr, dk_pct(0.055) AS kbh, dk_pct(0.034) AS klyngen,
	   dk_pct(0.062) AS udsatte_andel, dk_pct(0.31, 0) AS virksomhedsrettet;

-- the plain-SQL expectation: to_char with ',' grouping and '.' decimals, the two swapped
CREATE FUNCTION pg_temp.expected(x numeric, d int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT translate(to_char(round(x, d), 'FM' || repeat('999,', 12) || '990'
							 || CASE WHEN d > 0 THEN '.' || repeat('0', d) ELSE '' END), ',.', '.,')
$$;

-- ties are rounded away from zero, as round(numeric) does; no minus on a rounded zero
SELECT x, dk_number(x) AS d0, dk_number(x, 1) AS d1, dk_number(x, 2) AS d2
FROM unnest('{0.5, 1.5, 2.5, -2.5, -0.4, -0.05, 0.125, 0.005, 999.5, 999999.95, -1234567.891}'::numeric[]) AS x;

-- random values of every size, negative and positive, and exact ties, 0 to 4 decimals
SELECT setseed(0.17);
CREATE TEMP TABLE num_cases AS
SELECT round(((random() - 0.4) * 10 ^ (random() * 30 - 8))::numeric, 10) AS x FROM generate_series(1, 4000)
UNION ALL
SELECT (floor(random() * 2000000)::numeric - 1000000 + 0.5) / 10::numeric ^ floor(random() * 5)::int FROM generate_series(1, 4000)
UNION ALL
SELECT floor((random() - 0.5) * 1e12)::numeric FROM generate_series(1, 2000);
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE dk_number(x, d) <> pg_temp.expected(x, d)) AS mismatches,
	   count(*) FILTER (WHERE x < 0) AS negative
FROM num_cases, generate_series(0, 4) AS d;

-- large values: numeric's whole range, every digit kept
SELECT dk_number(10::numeric ^ 30) AS e30,
	   dk_number(123456789012345678901234567890.5) AS thirty_digits,
	   dk_number(0.1234567890123456789, 19) AS nineteen_decimals,
	   dk_number(10::numeric ^ 100) = '10' || repeat('.000', 33) AS e100,
	   dk_number(('7' || repeat('0', 131071))::numeric) = '70' || repeat('.000', 131070 / 3) AS largest_numeric;

-- the minus sign is ICU's Danish one (hyphen-minus, U+002D); NaN and infinities as ICU writes them
SELECT to_hex(ascii(dk_number(-1))) AS minus, dk_number('NaN') AS nan,
	   dk_number('Infinity') AS inf, dk_number('-Infinity') AS minus_inf,
	   dk_pct('NaN') AS pct_nan, dk_pct('Infinity') AS pct_inf;

-- NULL in, NULL out
SELECT dk_number(NULL) IS NULL AS a, dk_number(1, NULL) IS NULL AS b,
	   dk_pct(NULL) IS NULL AS c, dk_pct(0.5, NULL) IS NULL AS d, kommune_kode(NULL) IS NULL AS e;

-- decimals out of range
SELECT what, pg_temp.err(q) AS result
FROM (VALUES ('dk_number -1', 'SELECT dk_number(1, -1)'),
			 ('dk_number 100', 'SELECT dk_number(1, 100)'),
			 ('dk_pct -1', 'SELECT dk_pct(0.5, -1)'),
			 ('dk_pct 100', 'SELECT dk_pct(0.5, 100)')) AS t (what, q);
SELECT dk_number(1, 99) = '1,' || repeat('0', 99) AS most_decimals;

-- dk_pct: the ratio at its shortest decimal form, times 100, rounded like dk_number
SELECT r, dk_pct(r) AS d1, dk_pct(r, 0) AS d0, dk_pct(r, 2) AS d2
FROM unnest('{0.055, 0.034, -0.021, 0.00125, 0.0045, -0.0004, 0.0005, 1, 12.3456789, 1e-300, 0}'::float8[]) AS r;
SELECT setseed(0.23);
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE dk_pct(r, d) <> pg_temp.expected(r::numeric * 100, d) || ' pct.') AS mismatches
FROM (SELECT floor((random() - 0.3) * 2e6)::float8 / 10 ^ floor(random() * 7) AS r
	  FROM generate_series(1, 4000)) AS x, generate_series(0, 4) AS d;

-- kommune_kode: every name, and the spellings people type, give the right code
SELECT count(*) AS kommuner,
	   count(*) FILTER (WHERE kommune_kode(navn) <> kode) AS as_is,
	   count(*) FILTER (WHERE kommune_kode(upper(navn)) <> kode) AS upper,
	   count(*) FILTER (WHERE kommune_kode(lower(navn) || ' kommune') <> kode) AS with_kommune,
	   count(*) FILTER (WHERE kommune_kode(replace(navn, '-', ' ')) <> kode) AS spaces,
	   count(*) FILTER (WHERE kommune_kode(replace(navn, '-', '')) <> kode) AS joined,
	   count(*) FILTER (WHERE kommune_kode(replace(replace(replace(replace(replace(replace(navn,
			'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'Ae'), 'Ø', 'Oe'), 'Å', 'Aa')) <> kode) AS ae_oe_aa,
	   count(*) FILTER (WHERE kommune_kode(replace(translate(navn, 'øåØÅ', 'oaOA'), 'æ', 'ae')) <> kode) AS plain_ascii,
	   count(*) FILTER (WHERE kommune_kode(replace(navn, 'Aa', 'Å')) <> kode) AS new_spelling,
	   count(*) FILTER (WHERE kommune_kode(' ' || navn || 's Kommune ') <> kode) AS genitive
FROM kommune;
-- a name repeated through a statement (remembered after its first match) keeps its code
SELECT count(*) AS calls, count(*) FILTER (WHERE kommune_kode(upper(navn)) <> kode) AS mismatches
FROM kommune, generate_series(1, 50);
SELECT input, kommune_kode(input) AS kode
FROM unnest(ARRAY['Københavns Kommune', 'KØBENHAVN', 'Kbh.', 'Kbh', 'Koebenhavn', 'kobenhavn',
				  'Århus', 'Aarhus Kommune', 'Åbenrå', 'Aalborg', 'Ålborg', 'Høje Tåstrup',
				  'Hoeje-Taastrup', 'Taastrup', 'Lyngby', 'Lyngby-Tårbæk', 'Ringkøbing', 'Skjern',
				  'Ikast', 'Brande', 'Faaborg', 'Fåborg-Midtfyn', 'Nordfyn', 'Nordfyns Kommune',
				  'Vesthimmerland', 'Bornholms Regionskommune', 'AEROE', 'Aero', 'Læsø Kommune',
				  'Laesoe', 'Tårnby', 'Taarnby', 'Helsingor', 'Sønder-borg']) AS input;

-- unknown names: 22023, with the closest names in the hint
SELECT input, pg_temp.err(format('SELECT kommune_kode(%L)', input)) AS result
FROM unnest(ARRAY['Kgbenhavn', 'Frederiks', 'Ringkøbing Skern', 'Holte', 'Christiansø',
				  'Region Hovedstaden', '101', '', 'Kommune', 'Москва']) AS input;

-- a user row that folds like a shipped name makes the name ambiguous
BEGIN;
INSERT INTO kommune (kode, navn, region) VALUES (998, 'Koebenhavn', 'Hovedstaden');
SELECT pg_temp.err($$SELECT kommune_kode('København')$$) AS ambiguous;
ROLLBACK;

-- the table is the extension's own, whatever the search_path says
CREATE SCHEMA decoy;
CREATE TABLE decoy.kommune (kode int, navn text);
INSERT INTO decoy.kommune VALUES (1, 'Decoy'), (2, 'København');
SET search_path = decoy, public;
SELECT public.kommune_kode('København') AS kode, public.kommune_kode('Aabenraa') AS aabenraa;
RESET search_path;
DROP SCHEMA decoy CASCADE;

-- kommune_kode as it is used: clean up names from an import
SELECT navn_i_fil, kommune_kode(navn_i_fil) AS kode, k.navn, k.region
FROM (VALUES ('KØBENHAVNS KOMMUNE'), ('aarhus'), ('Lyngby Taarbaek'), ('Ringkobing-Skjern kommune')) AS f (navn_i_fil)
JOIN kommune k ON k.kode = kommune_kode(navn_i_fil)
ORDER BY k.navn COLLATE dansk;
