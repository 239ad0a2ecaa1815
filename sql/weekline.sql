--
-- weekline: register histories, DREAM ingestion, spells and codebooks
--
-- Errors are shown as SQLSTATE and message through a small catcher.
\i test/lib/errors.sql

-- text I/O: canonical forms round-trip; white space is free
SELECT w::weekline AS parsed, w::weekline::text = w AS round_trip
FROM unnest(ARRAY['2015-W01 0x10 1101x26 0x16', 'empty', '2015-W53 5x1', '1991-W27 0x1744',
				  '0001-W01 7x3', '9999-W49 1x3', '2000-W01 2147483647x1']) AS w;
SELECT ' 2015W01	 1101x2   0x3 '::weekline AS spaces_and_tabs, ' EMPTY '::weekline AS empty_any_case,
	   NULL::weekline IS NULL AS null_in;

-- malformed text input: each an error with a SQLSTATE
SELECT input, pg_temp.err(format('SELECT %L::weekline', input)) AS result
FROM unnest(ARRAY['', 'abc', '2015-W01', '2015-W01 5', '2015-W01 5x', '2015-W01 x5', '2015-Wxx 5x1',
				  '2014-W53 5x1', '2015-W01 5x0', '2015-W01 -5x1', '2015-W01 +5x1', '2015-W01 5x1 5x2',
				  '2015-W01 5x1x', '2015-W01 5x1,6x1', '2015-W01 5X1', '2015-W01 2147483648x1',
				  '2015-W01 5x99999999999', '9999-W50 1x3', 'empty 5x1', 'emptyish']) AS input;

-- binary I/O: COPY round trip of every shape
CREATE TABLE wl_io (id int, w weekline);
INSERT INTO wl_io VALUES (1, '2015-W01 0x10 1101x26 0x16'), (2, 'empty'), (3, '0001-W01 7x3'),
	(4, '9999-W49 1x3'), (5, '1991-W27 0x1744'), (6, '2000-W01 2147483647x1 0x1');
\copy wl_io TO 'results/weekline.bin' WITH (FORMAT binary)
CREATE TABLE wl_io_copy (LIKE wl_io);
\copy wl_io_copy FROM 'results/weekline.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, count(*) FILTER (WHERE a.w = b.w AND a.w::text = b.w::text) AS same
FROM wl_io a JOIN wl_io_copy b USING (id);
SELECT id, weekline_send(w) FROM wl_io ORDER BY id LIMIT 3;

-- malformed binary input: a bytea's binary COPY form is its raw bytes, so a
-- bytea written with COPY BINARY and read back into a weekline column feeds
-- crafted bytes to weekline_recv (server-side files, in the data directory)
CREATE TABLE wl_bad (w weekline);
CREATE FUNCTION pg_temp.recv(bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/weekline_recv.bin';
BEGIN
	EXECUTE format('COPY (SELECT %L::bytea) TO %L WITH (FORMAT binary)', bytes, f);
	RETURN pg_temp.err(format('COPY wl_bad FROM %L WITH (FORMAT binary)', f));
END $$;
SELECT what, pg_temp.recv(bytes) AS result FROM (VALUES
	('two runs announced, none given', int4send(2)),
	('a negative number of runs', int4send(-1)),
	('no bytes at all', ''::bytea),
	('the empty weekline and stray bytes', int4send(0) || int4send(7)),
	('first week out of range', int4send(1) || int4send(999999999) || int4send(5) || int4send(1)),
	('a run of length 0', int4send(1) || int4send(0) || int4send(5) || int4send(0)),
	('a negative code', int4send(1) || int4send(0) || int4send(-5) || int4send(3)),
	('adjacent runs with the same code', int4send(2) || int4send(0) || int4send(5) || int4send(1) || int4send(5) || int4send(2)),
	('runs past 9999-W52', int4send(1) || int4send('9999-W50'::isoweek - '2000-W01') || int4send(5) || int4send(10)),
	('lengths that overflow int4', int4send(2) || int4send(0) || int4send(5) || int4send(2147483647) || int4send(6) || int4send(2147483647)),
	('a run cut short', int4send(1) || int4send(0) || int4send(5) || int2send(1::int2)),
	('well-formed: empty', int4send(0)),
	('well-formed: two runs', int4send(2) || int4send(0) || int4send(5) || int4send(1) || int4send(0) || int4send(2))
	) AS v(what, bytes);
SELECT w FROM wl_bad ORDER BY w::text;

-- equality and hashing
SELECT '2015-W01 1x2 0x3'::weekline = '2015W01 1x2  0x3'::weekline AS same,
	   '2015-W01 1x2 0x3'::weekline = '2015-W02 1x2 0x3'::weekline AS other_start,
	   '2015-W01 1x2 0x3'::weekline <> '2015-W01 1x2 0x4'::weekline AS other_length,
	   'empty'::weekline = 'empty'::weekline AS empties;
SELECT w, count(*) FROM (VALUES ('2015-W01 1x2'::weekline), ('2015-W01 1x2'), ('empty'), ('2015-W01 1x3')) v(w)
GROUP BY w ORDER BY w::text;

-- weekline_from_runs: equal adjacent codes merge; malformed runs are errors
SELECT weekline_from_runs('2015-W50', '{0,1101,1101,0}', '{2,2,3,1}') AS merged,
	   weekline_from_runs('2015-W50', '{}', '{}') AS no_runs,
	   weekline_from_runs('2015-W50', '{7}', '{1}') AS one_week;
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT weekline_from_runs('2015-W01', '{1,2}', '{3}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,NULL}', '{3,4}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,2}', '{3,NULL}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,2}', '{3,0}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,2}', '{3,-1}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{1,-2}', '{3,1}')$$,
	$$SELECT weekline_from_runs('2015-W01', '{{1,2}}', '{{3,1}}')$$,
	$$SELECT weekline_from_runs('9999-W40', '{1,2}', '{10,10}')$$]) AS q;
SELECT weekline_from_runs(NULL, '{1}', '{1}') IS NULL AS null_first, weekline_from_runs('2015-W01', NULL, '{1}') IS NULL AS null_codes;

-- readers on hand-made histories
SELECT first_week(w), last_week(w), code_at(w, '2015-W10') AS w10, code_at(w, '2015-W53') AS w53,
	   code_at(w, '2015-W49') AS before, code_at(w, '2016-W05') AS after
FROM (VALUES ('2015-W50 0x2 1101x3 1102x4'::weekline)) v(w);
SELECT * FROM runs('2015-W50 0x2 1101x3 1102x4');
SELECT weeks_in(w, '{1101,1102}', p) AS weeks, p AS period
FROM (VALUES ('2015-W50 0x2 1101x3 1102x4'::weekline)) v(w),
	 unnest(ARRAY['[2015-W51,2016-W02)', '(,)', '[2016-W01,)', '(,2015-W52)', 'empty', '[2010-W01,2010-W05)']::weekrange[]) p;
SELECT weeks_in('2015-W50 0x2 1101x3 1102x4', '{}', '(,)') AS no_codes, weeks_in('2015-W50 0x2 1101x3 1102x4', '{1101,1101,9999}', '(,)') AS dup_and_unknown;

-- the empty weekline and a one-week span
SELECT first_week(w), last_week(w), code_at(w, '2015-W01'), weeks_in(w, '{1}', '(,)'),
	   (SELECT count(*) FROM runs(w)) AS runs, (SELECT count(*) FROM spells(w, '{0,1}')) AS spells,
	   spell_at(w, '{1}', 0, '2015-W01') IS NULL AS no_spell
FROM (VALUES ('empty'::weekline)) v(w);
SELECT first_week(w), last_week(w), code_at(w, '2015-W01'), weeks_in(w, '{1}', '(,)'),
	   (SELECT count(*) FROM runs(w)) AS runs, s.*, spell_at(w, '{1}', 0, '2015-W01') AS spell_at
FROM (VALUES ('2015-W01 1x1'::weekline)) v(w), spells(w, '{1}') s;

-- spells: touching both ends, breaks of exactly max_gap and max_gap + 1 weeks
SELECT * FROM spells('2015-W01 1101x5', '{1101}');
SELECT g AS max_gap, s.*
FROM generate_series(0, 4) g, spells('2015-W01 0x1 1101x2 0x3 1102x2 1201x4 1101x1 0x1', '{1101,1102}', g) s;
-- a trailing break shorter than max_gap: the spell ended inside the span, so it is not censored
SELECT * FROM spells('2015-W01 1101x2 0x2', '{1101}', 5);
-- codes that never occur; a set of codes that covers everything, 0 included
SELECT count(*) AS never FROM spells('2015-W01 0x1 1101x2 0x3', '{9999}', 3);
SELECT * FROM spells('2015-W01 0x1 1101x2 0x3', '{0,1101}');
SELECT pg_temp.err($$SELECT * FROM spells('2015-W01 1x1', '{1}', -1)$$) AS negative_gap,
	   pg_temp.err($$SELECT * FROM spells('2015-W01 1x1', '{1,NULL}')$$) AS null_code;
-- across a 53-week year
SELECT * FROM spells('2015-W50 1101x4 0x2 1101x3', '{1101}', 2);
SELECT (spell_at(w, '{1101}', 2, at)).*, at
FROM (VALUES ('2015-W50 1101x4 0x2 1101x3'::weekline)) v(w),
	 unnest(ARRAY['2015-W49', '2015-W50', '2015-W53', '2016-W01', '2016-W02', '2016-W05', '2016-W06']::isoweek[]) at;

-- weekline_agg: any order, gaps are 0, a 0 row yields, duplicates are harmless, conflicts are errors
SELECT weekline_agg(w, c)
FROM (VALUES ('2016-W01'::isoweek, 3), ('2015-W52', 3), ('2015-W53', 0), ('2015-W53', 3), ('2016-W03', 3), ('2016-W03', 3), ('2016-W05', 0)) v(w, c);
SELECT weekline_agg(w, c) IS NULL AS empty_input FROM (VALUES ('2015-W01'::isoweek, 1)) v(w, c) WHERE false;
SELECT weekline_agg(w, c) IS NULL AS only_nulls FROM (VALUES (NULL::isoweek, 1), ('2015-W01', NULL)) v(w, c);
SELECT weekline_agg(w, c) AS nulls_skipped FROM (VALUES (NULL::isoweek, 1), ('2015-W01', NULL), ('2015-W02', 4)) v(w, c);
SELECT pg_temp.err($$SELECT weekline_agg(w, c) FROM (VALUES ('2015-W01'::isoweek, 1), ('2015-W02', 2), ('2015-W01', 3)) v(w, c)$$) AS conflict,
	   pg_temp.err($$SELECT weekline_agg(w, c) FROM (VALUES ('2015-W01'::isoweek, -1)) v(w, c)$$) AS negative,
	   pg_temp.err($$SELECT weekline_agg(w, c) FROM (VALUES ('0001-W01'::isoweek, 1), ('9999-W52', 1)) v(w, c)$$) AS past_the_end;
SELECT weekline_agg(w, 1) AS whole_range_but_one
FROM (VALUES ('0001-W01'::isoweek), ('9999-W51')) v(w);

