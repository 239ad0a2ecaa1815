--
-- bad_input: a catalogue of malformed and absurd input for every type and
-- function of the extension.  Each case prints its SQLSTATE and message, or,
-- where the input is valid after all, what it returned, so that no case can
-- return a number unseen.  The last query shows that the backend survived.
--
SET extra_float_digits = 0;

-- a case: the error as SQLSTATE: message, or the value it returned as text
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	EXECUTE q INTO v;
	RETURN 'returned ' || coalesce(v, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- binary input: a bytea's binary COPY form is its raw bytes, so a bytea
-- written with COPY BINARY and read back into a column of another type feeds
-- the bytes to that type's receive function (server-side file in the data
-- directory)
CREATE TABLE bi_recv (isoweek isoweek, weekrange weekrange, weekline weekline, survival survival,
					  logrank_state logrank_state, cuminc cuminc);
CREATE FUNCTION pg_temp.recv(col text, bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/bad_input.bin';
	v text;
BEGIN
	EXECUTE format('COPY (SELECT %L::bytea) TO %L WITH (FORMAT binary)', bytes, f);
	TRUNCATE bi_recv;
	EXECUTE format('COPY bi_recv (%I) FROM %L WITH (FORMAT binary)', col, f);
	EXECUTE format('SELECT %I::text FROM bi_recv', col) INTO v;
	RETURN 'accepted ' || v;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ---------- isoweek and weekrange ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT '2015-W54'::isoweek$$,
	$$SELECT '2014-W53'::isoweek$$,
	$$SELECT '2015-W00'::isoweek$$,
	$$SELECT '0000-W01'::isoweek$$,
	$$SELECT '10000-W01'::isoweek$$,
	$$SELECT ''::isoweek$$,
	$$SELECT '2015-W1'::isoweek$$,
	$$SELECT '2015-W01-1'::isoweek$$,
	$$SELECT isoweek(2015, 54)$$,
	$$SELECT isoweek(-2147483648, 1)$$,
	$$SELECT isoweek('infinity'::date)$$,
	$$SELECT isoweek('4714-11-24 BC'::date)$$,
	$$SELECT '9999-W52'::isoweek + 1$$,
	$$SELECT '0001-W01'::isoweek - 1$$,
	$$SELECT '2015-W01'::isoweek + 2147483647$$,
	$$SELECT '2015-W01'::isoweek - (-2147483648)$$,
	$$SELECT dream_week('y_1453')$$,
	$$SELECT dream_week('y_15')$$,
	$$SELECT dream_week('')$$,
	$$SELECT quarter_weeks(2015, 5)$$,
	$$SELECT quarter_weeks(9999, 4)$$,
	$$SELECT month_weeks(0, 1)$$,
	$$SELECT month_weeks(2015, 13)$$,
	$$SELECT '[2015-W01,2015-W54)'::weekrange$$,
	$$SELECT '[9999-W52,9999-W52]'::weekrange$$,
	$$SELECT '(0001-W01,0001-W01)'::weekrange$$,
	$$SELECT weekrange('2015-W10', '2015-W01')$$
]) AS q;

SELECT what AS "case", pg_temp.recv('isoweek', bytes) AS result FROM (VALUES
	('isoweek: 2 of 4 bytes', '\x0000'::bytea),
	('isoweek: 5 bytes', int4send(0) || '\x00'::bytea),
	('isoweek: week number out of range', int4send(999999999)),
	('isoweek: week number -2^31', int4send(-2147483648))
	) AS v(what, bytes);
-- a weekrange's binary form: flags byte, then each bound as int4 length and bytes
SELECT what AS "case", pg_temp.recv('weekrange', bytes) AS result FROM (VALUES
	('weekrange: bound out of range', '\x02'::bytea || int4send(4) || int4send(0) || int4send(4) || int4send(999999999)),
	('weekrange: bound cut short', '\x02'::bytea || int4send(4) || int4send(0) || int4send(4) || '\x0000'::bytea),
	('weekrange: lower above upper', '\x02'::bytea || int4send(4) || int4send(10) || int4send(4) || int4send(5))
	) AS v(what, bytes);

-- ---------- weekline ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT '2015-W01'::weekline$$,
	$$SELECT '2015-W01 1x'::weekline$$,
	$$SELECT '2015-W01 1x0'::weekline$$,
	$$SELECT '2015-W01 1x1 1x1'::weekline$$,
	$$SELECT '2015-W01 -1x3'::weekline$$,
	$$SELECT '2015-W01 2147483648x1'::weekline$$,
	$$SELECT '2015-W01 1x2147483648'::weekline$$,
	$$SELECT '9999-W50 1x10'::weekline$$,
	$$SELECT 'empty 1x1'::weekline$$,
	$$SELECT '2015-W53 1x1'::weekline$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,2}', '{3}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,NULL}', '{3,4}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{{1,2}}', '{{3,4}}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,2}', '{3,-4}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{-1}', '{3}')$$,
	$$SELECT weekline_from_runs('0001-W01', array_fill(7, ARRAY[2]), '{2147483647,2147483647}')$$,
	$$SELECT weekline_agg(w, c) FROM (VALUES ('2015-W01'::isoweek, 1101), ('2015-W01', 1201)) v(w, c)$$,
	$$SELECT weekline_agg(w, c) FROM (VALUES ('2015-W01'::isoweek, -5)) v(w, c)$$,
	$$SELECT weekline_agg(w, c) IS NULL FROM (VALUES (NULL::isoweek, 1), ('2015-W01', NULL)) v(w, c)$$,
	$$SELECT weekline_agg(w, c) IS NULL FROM (SELECT '2015-W01'::isoweek, 1 WHERE false) v(w, c)$$,
	$$SELECT code_at('2015-W01 1x3', '9999-W52')$$,
	$$SELECT weeks_in('2015-W01 1x3', '{1,NULL}', '[2015-W01,2015-W10)')$$,
	$$SELECT code_in('2015-W01 1x3', '2015-W02', '{1,NULL}')$$,
	$$SELECT code_in('2015-W01 1x3', '2015-W02', '{{1}}')$$,
	$$SELECT weeks_in('2015-W01 1x3', '{{1}}', '[2015-W01,2015-W10)')$$,
	$$SELECT count(*) FROM spells('2015-W01 1x3', '{1}', -1)$$,
	$$SELECT count(*) FROM spells('2015-W01 1x3', '{1,NULL}', 0)$$,
	$$SELECT count(*) FROM spells('2015-W01 1x3 0x100 1x2', '{1}', 2147483647)$$,
	$$SELECT spell_at('2015-W01 1x3', '{1}', -5, '2015-W01')$$,
	$$SELECT dream_weekline('pnr;y_1501', '1;2', '')$$,
	$$SELECT dream_weekline('pnr;y_1501', '1;2', ';;')$$,
	$$SELECT dream_weekline('pnr;ak15', '1;2')$$,
	$$SELECT dream_weekline('pnr;y_1501;y_1503', '1;2;3')$$,
	$$SELECT dream_weekline('pnr;y_1453', '1;2')$$,
	$$SELECT dream_weekline('pnr;y_1501', '1;2;3')$$,
	$$SELECT dream_weekline('pnr;y_1501;y_1502', '1;2')$$,
	$$SELECT dream_weekline('pnr;y_1501', '1;x')$$,
	$$SELECT dream_weekline('pnr;y_1501', '1;-1')$$,
	$$SELECT dream_weekline('pnr;y_1501', '1;99999999999')$$,
	$$SELECT codes('no such codebook', 'a-dagpenge')$$,
	$$SELECT codes('synthetic', 'no such group')$$
]) AS q;

SELECT what AS "case", pg_temp.recv('weekline', bytes) AS result FROM (VALUES
	('weekline: no bytes', ''::bytea),
	('weekline: run count cut short', '\x0000'::bytea),
	('weekline: negative run count', int4send(-1)),
	('weekline: runs announced, none given', int4send(2)),
	('weekline: run cut short', int4send(1) || int4send(0) || int4send(5) || '\x0001'::bytea),
	('weekline: stray bytes after empty', int4send(0) || '\x00'::bytea),
	('weekline: first week out of range', int4send(1) || int4send(-999999999) || int4send(5) || int4send(1)),
	('weekline: run of length 0', int4send(1) || int4send(0) || int4send(5) || int4send(0)),
	('weekline: negative code', int4send(1) || int4send(0) || int4send(-5) || int4send(1)),
	('weekline: equal adjacent codes', int4send(2) || int4send(0) || int4send(5) || int4send(1) || int4send(5) || int4send(1)),
	('weekline: lengths overflow int4', int4send(2) || int4send(0) || int4send(5) || int4send(2147483647) || int4send(6) || int4send(2147483647))
	) AS v(what, bytes);

-- ---------- durations ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT anciennitet('2015-W01 1x10', '{1}', '2015-W05', -1)$$,
	$$SELECT anciennitet('2015-W01 1x10', '{NULL}', '2015-W05')$$,
	$$SELECT langvarig('2015-W01 1x10', '{1}', '2015-W05', 'NaN')$$,
	$$SELECT langvarig('2015-W01 1x10', '{1}', '2015-W05', -1)$$,
	$$SELECT langvarig('2015-W01 1x10', '{1}', '2015-W05', 'Infinity')$$,
	$$SELECT anciennitet_gruppe(-1)$$,
	$$SELECT first_week_on('2015-W01 1x10', '{1,NULL}', '2015-W01')$$,
	$$SELECT anciennitet_fordeling(w) FROM (VALUES (10), (-3)) v(w)$$,
	$$SELECT anciennitet_fordeling(w) IS NULL FROM (SELECT 1 WHERE false) v(w)$$,
	$$SELECT andel_inden_for(s, o, 0, '2016-W52') FROM (VALUES ('2016-W01'::isoweek, NULL::isoweek)) v(s, o)$$,
	$$SELECT andel_inden_for(s, o, 13, '2016-W52') FROM (VALUES ('2016-W10'::isoweek, '2016-W01'::isoweek)) v(s, o)$$,
	$$SELECT andel_inden_for(s, o, 13, '2016-W52') IS NULL FROM (VALUES ('2016-W50'::isoweek, NULL::isoweek)) v(s, o)$$,
	$$SELECT andel_inden_for_trans(NULL, '2016-W01', NULL, 13, '2016-W52')$$
]) AS q;

-- ---------- survival, logrank, surv_svg ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT 'v3;1:1,0,0,1,0'::survival$$,
	$$SELECT 'v1'::survival$$,
	$$SELECT 'v1;2:1,0,0,1,0;1:1,0,0,1,0'::survival$$,
	$$SELECT 'v1;-1:1,0,0,1,0'::survival$$,
	$$SELECT 'v1;NaN:1,0,0,1,0'::survival$$,
	$$SELECT 'v1;1:Infinity,0,0,1,0'::survival$$,
	$$SELECT 'v1;1:1,0,0,-1,0'::survival$$,
	$$SELECT 'v1;1:1,0,0,0,0'::survival$$,
	$$SELECT 'v1;1:1,0,0,1,1'::survival$$,
	$$SELECT 'v1;1:1,0,0,1,0;'::survival$$,
	$$SELECT 'v1;1:1,0,0,99999999999999999999,0'::survival$$,
	$$SELECT 'v1;1:1e999,0,0,1,0'::survival$$,
	$$SELECT survival(d, true) FROM (VALUES (-1.0)) v(d)$$,
	$$SELECT survival(d, true) FROM (VALUES ('NaN'::float8)) v(d)$$,
	$$SELECT survival(d, true) FROM (VALUES ('Infinity'::float8)) v(d)$$,
	$$SELECT survival(1, true, w) FROM (VALUES (-0.5)) v(w)$$,
	$$SELECT survival(1, true, w) FROM (VALUES ('NaN'::float8)) v(w)$$,
	$$SELECT survival(e, x, true) FROM (VALUES (5.0, 5.0)) v(e, x)$$,
	$$SELECT survival(1, true, w) FROM (VALUES (1e308), (1e308)) v(w)$$,
	$$SELECT survival_merge(s) FROM (VALUES ('v1;1:1e308,0,0,1,0'::survival), ('v1;1:1e308,0,0,1,0')) v(s)$$,
	$$SELECT surv_at('v1;1:1e308,0,0,1,0;2:1e308,0,0,1,0', 1)$$,
	$$SELECT logrank(g, s) FROM (VALUES ('a', 'v1;1:1e308,0,0,1,0;2:1e308,0,0,1,0'::survival), ('b', 'v1;1:1,0,0,1,0')) v(g, s)$$,
	$$SELECT survival(d, true) IS NULL FROM (SELECT 1.0 WHERE false) v(d)$$,
	$$SELECT surv_at('v1;1:1,0,0,1,0', 'NaN')$$,
	$$SELECT surv_quantile('v1;1:1,0,0,1,0', 0)$$,
	$$SELECT surv_quantile('v1;1:1,0,0,1,0', 1)$$,
	$$SELECT surv_quantile('v1;1:1,0,0,1,0', 'NaN')$$,
	$$SELECT surv_rmean('v1;1:1,0,0,1,0', -1)$$,
	$$SELECT surv_rmean('v1;1:1,0,0,1,0', 'Infinity')$$,
	$$SELECT count(*) FROM surv_table('v1;1:1,0,0,1,0', 'log', 1)$$,
	$$SELECT count(*) FROM surv_table('v1;1:1,0,0,1,0', 'log', 0)$$,
	$$SELECT count(*) FROM surv_table('v1;1:1,0,0,1,0', 'log', 'NaN')$$,
	$$SELECT count(*) FROM surv_table('v1;1:1,0,0,1,0', 'logit')$$,
	$$SELECT 'v1|"a":v1;1:1,0,0,1,0|"a":v1;2:1,0,0,1,0'::logrank_state$$,
	$$SELECT 'v1|"b":v1;1:1,0,0,1,0|"a":v1;2:1,0,0,1,0'::logrank_state$$,
	$$SELECT 'v1|"a:v1;1:1,0,0,1,0'::logrank_state$$,
	$$SELECT 'v1|a:v1;1:1,0,0,1,0'::logrank_state$$,
	$$SELECT 'v1'::logrank_state$$,
	$$SELECT logrank(d, true, g) FROM (VALUES (-1.0, 'a')) v(d, g)$$,
	$$SELECT logrank(d, true, g) IS NULL FROM (VALUES (NULL::float8, 'a'), (1, NULL)) v(d, g)$$,
	$$SELECT logrank(1, true, i::text) FROM generate_series(1, 12000) i$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], width => 0)$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], height => 100000)$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a', 'b'])$$,
	$$SELECT surv_svg(array_fill('v1;1:1,0,0,1,0'::survival, ARRAY[43]), array_fill('x'::text, ARRAY[43]))$$,
	$$SELECT surv_svg('{}'::survival[], '{}'::text[])$$,
	$$SELECT surv_svg(ARRAY[['v1;1:1,0,0,1,0'::survival]], ARRAY[['a']])$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], max_time => 0)$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], max_time => 'NaN')$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], max_time => 'Infinity')$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], time_step => 0)$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], max_time => 52, time_step => 0.01)$$,
	$$SELECT surv_svg(ARRAY['v1;1:1,0,0,1,0'::survival], ARRAY['a'], width => 200, height => 150, title => repeat('long title ', 100))$$,
	$$SELECT surv_svg(NULL, ARRAY['a']) IS NULL$$
]) AS q;

SELECT what AS "case", pg_temp.recv(col, bytes) AS result FROM (VALUES
	('survival', 'survival: no bytes', ''::bytea),
	('survival', 'survival: version 3', '\x03'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)),
	('survival', 'survival: no times', '\x01'::bytea || int4send(0)),
	('survival', 'survival: more times announced than sent', '\x01'::bytea || int4send(2) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)),
	('survival', 'survival: time cut short', '\x01'::bytea || int4send(1) || float8send(1) || float8send(1)),
	('survival', 'survival: NaN time', '\x01'::bytea || int4send(1) || float8send('NaN') || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0)),
	('survival', 'survival: infinite events', '\x01'::bytea || int4send(1) || float8send(1) || float8send('Infinity') || float8send(0) || float8send(0) || int8send(1) || int8send(0)),
	('survival', 'survival: events without rows', '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(0) || int8send(1)),
	('logrank_state', 'logrank_state: version 3', '\x03'::bytea || int4send(0)),
	('logrank_state', 'logrank_state: no groups', '\x01'::bytea || int4send(0)),
	('logrank_state', 'logrank_state: negative label length', '\x01'::bytea || int4send(1) || int4send(-1) || '\x0000000000000000000000000000'::bytea),
	('logrank_state', 'logrank_state: label longer than the message', '\x01'::bytea || int4send(1) || int4send(1000) || '\x0000000000000000000000000000'::bytea),
	('logrank_state', 'logrank_state: NUL byte in a label', '\x01'::bytea || int4send(1) || int4send(1) || '\x00'::bytea || '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) || float8send(0) || int8send(1) || int8send(0))
	) AS v(col, what, bytes);

-- ---------- cuminc ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT '{1: 0=0}'::cuminc$$,
	$$SELECT '{2: 1=1; 1: 1=1}'::cuminc$$,
	$$SELECT '{1: 2=1, 1=1}'::cuminc$$,
	$$SELECT '{-1: 1=1}'::cuminc$$,
	$$SELECT '{NaN: 1=1}'::cuminc$$,
	$$SELECT '{1e999: 1=1}'::cuminc$$,
	$$SELECT '{1: -1=1}'::cuminc$$,
	$$SELECT '{1: 1=9223372036854775808}'::cuminc$$,
	$$SELECT '{1: 1=9223372036854775807; 2: 1=1}'::cuminc$$,
	$$SELECT '{1: 1=1'::cuminc$$,
	$$SELECT cuminc(d, c) FROM (VALUES (-1.0, 1)) v(d, c)$$,
	$$SELECT cuminc(d, c) FROM (VALUES ('NaN'::float8, 1)) v(d, c)$$,
	$$SELECT cuminc(d, c) FROM (VALUES ('Infinity'::float8, 1)) v(d, c)$$,
	$$SELECT cuminc(d, c) FROM (VALUES (1.0, -1)) v(d, c)$$,
	$$SELECT cuminc(d, c) IS NULL FROM (VALUES (NULL::float8, 1), (1, NULL)) v(d, c)$$,
	$$SELECT cuminc_merge(c) FROM (VALUES ('{1: 1=9223372036854775807}'::cuminc), ('{2: 1=1}')) v(c)$$,
	$$SELECT cuminc_at('{1: 1=1}', 0, 1)$$,
	$$SELECT cuminc_at('{1: 1=1}', 1, 'NaN')$$,
	$$SELECT count(*) FROM cuminc_table('{}')$$,
	$$SELECT cuminc_at(c, 1, 1) FROM (SELECT cuminc(i, i) FROM generate_series(1, 12000) i) s(c)$$,
	$$SELECT count(*) FROM cuminc_table((SELECT cuminc(i, i) FROM generate_series(1, 12000) i))$$
]) AS q;

SELECT what AS "case", pg_temp.recv('cuminc', bytes) AS result FROM (VALUES
	('cuminc: no bytes', ''::bytea),
	('cuminc: version 2', '\x02'::bytea || int4send(0)),
	('cuminc: negative entry count', '\x01'::bytea || int4send(-1)),
	('cuminc: entry cut short', '\x01'::bytea || int4send(1) || float8send(1) || int4send(1)),
	('cuminc: NaN time', '\x01'::bytea || int4send(1) || float8send('NaN') || int4send(1) || int8send(1)),
	('cuminc: zero count', '\x01'::bytea || int4send(1) || float8send(1) || int4send(1) || int8send(0)),
	('cuminc: entries out of order', '\x01'::bytea || int4send(2) || float8send(2) || int4send(1) || int8send(1) || float8send(1) || int4send(1) || int8send(1)),
	('cuminc: trailing bytes', '\x01'::bytea || int4send(0) || '\x00'::bytea)
	) AS v(what, bytes);

-- ---------- fuldtidspersoner ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', 'empty')$$,
	$$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,)')$$,
	$$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[-infinity,2015-01-01)')$$,
	$$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,2015-04-01)', 2)$$,
	$$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)'::daterange, '[2015-01-01,2015-04-01)', 'NaN')$$,
	$$SELECT fuldtidspersoner('[2015-01-01,2015-02-01)', '[2015-01-01,2015-04-01)', -0.5)$$,
	$$SELECT fuldtidspersoner(s, p) IS NULL FROM (SELECT '[2015-01-01,2015-02-01)'::daterange, '[2015-01-01,2015-04-01)'::daterange WHERE false) v(s, p)$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10'::weekline, '{1}', '[2015-W01,)')$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10'::weekline, '{1}', 'empty')$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10', '{1}', '[2015-W01,2015-W05)', 0)$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10', '{1}', '[2015-W01,2015-W05)', 'NaN')$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10', '{1}', '[2015-W01,2015-W05)', 'Infinity')$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10', '{1}', '[2015-W01,2015-W05)', 1e-320)$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10', '{1}', '[2015-W01,2015-W05)', 1e-307) FROM generate_series(1, 100)$$,
	$$SELECT fuldtidspersoner('2015-W01 1x10'::weekline, '{1,NULL}', '[2015-W01,2015-W05)')$$,
	$$SELECT fuldtid_final('{1,2}')$$,
	$$SELECT jobreg_array_sum('{1,2}', '{1,2,3}')$$
]) AS q;

-- ---------- activation ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik', '[2015-01-01,2015-02-01)', 169)$$,
	$$SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik', '[2015-01-01,2015-02-01)', -1)$$,
	$$SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik', '[2015-01-01,2015-02-01)', 'NaN')$$,
	$$SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik', NULL, 20)$$,
	$$SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'yoga', '[2015-01-01,2015-02-01)', 20)$$,
	$$SELECT aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,)', NULL, NULL, NULL)$$,
	$$SELECT aktivering(y, p, NULL, NULL, NULL) FROM (VALUES ('{[2015-01-01,2015-04-01)}'::datemultirange, '[2015-01-01,2015-04-01)'::daterange), ('{[2015-01-01,2015-04-01)}', '[2015-04-01,2015-07-01)')) v(y, p)$$,
	$$SELECT aktivering(y, p, NULL, NULL, NULL) FROM (VALUES ('{[2015-01-01,2015-04-01)}'::datemultirange, '[2015-01-01,2015-04-01)'::daterange), ('{[2015-01-01,2015-03-01)}', '[2015-01-01,2015-04-01)')) v(y, p)$$,
	$$SELECT aktiveringsgrad(a) FROM (VALUES (ROW(1, 1, NULL, 10, 0)::aktivering)) v(a)$$,
	$$SELECT aktiveringsgrad(a) FROM (VALUES (ROW(1, 1, 100, -10, 0)::aktivering)) v(a)$$,
	$$SELECT aktiveringsgrad(a) FROM (VALUES (ROW(1, 1, 'Infinity', 10, 0)::aktivering)) v(a)$$,
	$$SELECT aktiveringsgrad(a) IS NULL FROM (VALUES (ROW(0, 0, 0, 0, 0)::aktivering)) v(a)$$,
	$$SELECT aktiveringsgrad(a) FROM (VALUES (ROW(1, 1, 1e308, 1e308, 0)::aktivering), (ROW(1, 1, 1e308, 1e308, 0)::aktivering)) v(a)$$,
	$$SELECT aktivering_sum(a) FROM (VALUES (ROW(9223372036854775807, 0, 1, 0, 0)::aktivering), (ROW(9223372036854775807, 0, 1, 0, 0)::aktivering)) v(a)$$
]) AS q;

-- ---------- group tests and distributions ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT prop_test(1, 0, 1, 10)$$,
	$$SELECT prop_test(11, 10, 1, 10)$$,
	$$SELECT prop_test('NaN', 10, 1, 10)$$,
	$$SELECT prop_test(1, 'Infinity', 1, 10)$$,
	$$SELECT prop_test(1, 10, 1, 10, 1)$$,
	$$SELECT prop_test(1, 10, 1, 10, 0)$$,
	$$SELECT prop_test(0, 1e308, 1e308, 1e308)$$,
	$$SELECT prop_test(s, g) IS NULL FROM (VALUES (true, true), (false, true)) v(s, g)$$,
	$$SELECT prop_test(s, g) IS NULL FROM (SELECT true, true WHERE false) v(s, g)$$,
	$$SELECT welch_test(1, 1, 1, 2, 1, 10)$$,
	$$SELECT welch_test(1, -1, 10, 2, 1, 10)$$,
	$$SELECT welch_test('NaN', 1, 10, 2, 1, 10)$$,
	$$SELECT welch_test(1, 1, 10, 2, 1, 10, 1)$$,
	$$SELECT welch_test(x, g) FROM (VALUES ('Infinity'::float8, true)) v(x, g)$$,
	$$SELECT welch_test(x, g) IS NULL FROM (VALUES (1.0, true), (2.0, true)) v(x, g)$$,
	$$SELECT welch_test(x, g) FROM (VALUES (1e308, true), (-1e308, true), (1, false), (2, false)) v(x, g)$$,
	$$SELECT welch_test(x, g) FROM (VALUES (1e308, true), (1e308, true), (1, false), (2, false)) v(x, g)$$,
	$$SELECT welch_test(1e308, 1, 10, -1e308, 1, 10)$$,
	$$SELECT welch_test(1, 1e200, 10, 2, 1, 10)$$,
	$$SELECT (welch_test(1, 1e100, 10, 2, 1, 10)).df$$,
	$$SELECT pchisq(1, 0)$$,
	$$SELECT pchisq(1, -1)$$,
	$$SELECT pchisq(1, 'NaN')$$,
	$$SELECT pchisq(1, 'Infinity')$$,
	$$SELECT pchisq(1e300, 1e300)$$,
	$$SELECT pchisq(1e17, 1e17, false)$$,
	$$SELECT pchisq(1e-16, 1e-16, false) BETWEEN 1.8478646501781e-15 AND 1.8478646501782e-15$$,
	$$SELECT pchisq(1e-300, 1e-300) BETWEEN 0.999999999999999 AND 1$$,
	$$SELECT pt(1, 0)$$,
	$$SELECT qt(2, 5)$$,
	$$SELECT qt(0.5, 0)$$,
	$$SELECT qnorm(-0.1)$$,
	$$SELECT qnorm('NaN')$$
]) AS q;

-- ---------- kommuner and klynge benchmarks ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT klynge_benchmark(k, n, d, 101, 'best') FROM (VALUES (101, 1.0, 2.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, NULL, 'lower') FROM (VALUES (101, 1.0, 2.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, f, 'lower') FROM (VALUES (101, 1.0, 2.0, 101), (165, 1.0, 2.0, 165)) v(k, n, d, f)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') FROM (VALUES (101, -1.0, 2.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') FROM (VALUES (101, 1.0, 'NaN'::float8)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') FROM (VALUES (101, 1.0, 0.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') IS NULL FROM (VALUES (NULL::int, 1.0, 2.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') FROM (VALUES (101, 1e308, 1.0), (101, 1e308, 1.0), (165, 1.0, 2.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') FROM (VALUES (101, 1e300, 1e-10), (165, 1.0, 2.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark(k, n, d, 101, 'lower') FROM (VALUES (101, 1.0, 2.0), (165, 1e308, 1.0), (169, 1e308, 1.0)) v(k, n, d)$$,
	$$SELECT klynge_benchmark_final('{101,2,101,1,2}')$$,
	$$SELECT required_change(100, 0, 0.5)$$,
	$$SELECT required_change(-100, 0.1, 0.5)$$,
	$$SELECT required_change(100, 1e-300, 1e300)$$,
	$$SELECT required_change(1e307, 0.01, 1)$$,
	$$SELECT reduce_distance(0.1, 0.05, 2)$$,
	$$SELECT reduce_distance(0.1, 0.05, 'NaN')$$,
	$$SELECT kommune_kode('Atlantis')$$,
	$$SELECT kommune_kode('')$$,
	$$INSERT INTO kommune (kode, navn, region) VALUES (1000, 'Atlantis', 'Hovedstaden')$$,
	$$INSERT INTO klynge (maalgruppe, kommunekode, klynge, gyldig) VALUES ('alle', 999, 'x', '[2015-01-01,2016-01-01)')$$
]) AS q;

-- ---------- Danish presentation ----------
SELECT q AS "case", pg_temp.try(q) AS result FROM unnest(ARRAY[
	$$SELECT dk_number(1, -1)$$,
	$$SELECT dk_number(1, 100)$$,
	$$SELECT dk_number(1, 1000000)$$,
	$$SELECT dk_pct(0.5, 1000000)$$,
	$$SELECT dk_number('NaN')$$,
	$$SELECT dk_pct('-Infinity')$$,
	$$SELECT length(dk_number(('9' || repeat('9', 131000))::numeric, 99))$$
]) AS q;

-- the backend survived every case
SELECT 'alive' AS backend, count(*) AS kommuner FROM kommune;
