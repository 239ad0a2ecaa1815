--
-- limits: the size limits of the stored types (doc/limits.md), just under
-- and just over each, through text input, binary receive, aggregation and
-- merging (SQLSTATE 54000 above), and corrupted stored values, which every
-- reader refuses with SQLSTATE XX001 instead of reading past their end.
-- The last query shows that the backend survived.
--
SET client_min_messages = warning;

-- a query's SQLSTATE, or its result
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	EXECUTE q INTO v;
	RETURN coalesce(v, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

-- binary receive: a bytea written with COPY BINARY is its raw bytes, so read
-- back into a column of another type it feeds them to that type's receive
-- function; returns 'accepted' or the SQLSTATE
-- (temporary, uncompressed: nothing to log or compress)
CREATE TEMP TABLE limits_recv (survival survival, logrank_state logrank_state,
							   cuminc cuminc, weekline weekline);
ALTER TABLE limits_recv ALTER survival SET STORAGE EXTERNAL, ALTER logrank_state SET STORAGE EXTERNAL,
	ALTER cuminc SET STORAGE EXTERNAL;
CREATE TEMP TABLE limits_bytes (b bytea);
ALTER TABLE limits_bytes ALTER b SET STORAGE EXTERNAL;
CREATE FUNCTION pg_temp.recv(col text, bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/limits.bin';
BEGIN
	TRUNCATE limits_bytes;
	INSERT INTO limits_bytes VALUES (bytes);
	EXECUTE format('COPY (SELECT b FROM limits_bytes) TO %L WITH (FORMAT binary)', f);
	TRUNCATE limits_recv;
	EXECUTE format('COPY limits_recv (%I) FROM %L WITH (FORMAT binary)', col, f);
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

-- the wire form of a survival state of one time
CREATE FUNCTION pg_temp.survival_wire1() RETURNS bytea LANGUAGE sql AS $$
	SELECT '\x01'::bytea || int4send(1) || float8send(1) || float8send(1) || float8send(0) ||
		float8send(0) || int8send(1) || int8send(0)
$$;

-- Large inputs are built once, from parts: the times of a survival state
-- (one event each) in text and wire form, for times 1..500,000 (h = 1),
-- 500,001..1,000,000 (h = 2) and 1,000,001 (h = 3); the entries of a cuminc
-- value (cause 1, count 1) in text and wire form for the same times
CREATE TEMP TABLE limits_parts (h int, surv_text text, surv_wire bytea, cuminc_text text, cuminc_wire bytea);
ALTER TABLE limits_parts ALTER surv_text SET STORAGE EXTERNAL, ALTER surv_wire SET STORAGE EXTERNAL,
	ALTER cuminc_text SET STORAGE EXTERNAL, ALTER cuminc_wire SET STORAGE EXTERNAL;
INSERT INTO limits_parts
SELECT h, string_agg(';' || i || ':1,0,0,1,0', ''),
	   string_agg(float8send(i) || '\x3ff00000000000000000000000000000000000000000000000000000000000010000000000000000'::bytea, ''),
	   string_agg(i || ': 1=1', '; '),
	   string_agg(float8send(i) || '\x000000010000000000000001'::bytea, '')
FROM (SELECT CASE WHEN i <= 500000 THEN 1 WHEN i <= 1000000 THEN 2 ELSE 3 END, i
	  FROM generate_series(1, 1000001) i) g(h, i)
GROUP BY h;
CREATE TEMP VIEW limits_big AS
SELECT 'v1' || p1.surv_text || p2.surv_text AS surv_text_1000000,
	   'v1' || p1.surv_text || p2.surv_text || p3.surv_text AS surv_text_1000001,
	   '\x01'::bytea || int4send(1000000) || p1.surv_wire || p2.surv_wire AS surv_wire_1000000,
	   '\x01'::bytea || int4send(1000001) || p1.surv_wire || p2.surv_wire || p3.surv_wire AS surv_wire_1000001,
	   'v1|"a":v1' || p1.surv_text || '|"b":v1' || p2.surv_text AS logrank_text_1000000,
	   'v1|"a":v1' || p1.surv_text || '|"b":v1' || p2.surv_text || p3.surv_text AS logrank_text_1000001,
	   '\x01'::bytea || int4send(2) || int4send(1) || '\x61'::bytea || '\x01'::bytea || int4send(500000) || p1.surv_wire ||
		   int4send(1) || '\x62'::bytea || '\x01'::bytea || int4send(500001) || p2.surv_wire || p3.surv_wire AS logrank_wire_1000001,
	   '{' || p1.cuminc_text || '; ' || p2.cuminc_text || '}' AS cuminc_text_1000000,
	   '{' || p1.cuminc_text || '; ' || p2.cuminc_text || '; ' || p3.cuminc_text || '}' AS cuminc_text_1000001,
	   '\x01'::bytea || int4send(1000000) || p1.cuminc_wire || p2.cuminc_wire AS cuminc_wire_1000000,
	   '\x01'::bytea || int4send(1000001) || p1.cuminc_wire || p2.cuminc_wire || p3.cuminc_wire AS cuminc_wire_1000001
FROM limits_parts p1, limits_parts p2, limits_parts p3
WHERE p1.h = 1 AND p2.h = 2 AND p3.h = 3;
-- the states of 1,000,000 times and entries, parsed once
CREATE TEMP TABLE limits_states (s survival, c cuminc);
ALTER TABLE limits_states ALTER s SET STORAGE EXTERNAL, ALTER c SET STORAGE EXTERNAL;
INSERT INTO limits_states SELECT surv_text_1000000::survival, cuminc_text_1000000::cuminc FROM limits_big;
-- the parts are in order
SELECT h, left(surv_text, 20), right(cuminc_text, 12), length(surv_wire) / 48 AS times,
	   length(cuminc_wire) / 20 AS entries
FROM limits_parts ORDER BY h;

-- ---------- isoweek: fixed size (4 bytes, pass by value) ----------
SELECT typname, typlen, typbyval FROM pg_type WHERE typname = 'isoweek';

-- ---------- survival: at most 1,000,000 distinct times ----------
-- text input (the crash: 22.4 million times used to wrap the size to 48)
SELECT pg_temp.try($$SELECT round(surv_at(surv_text_1000000::survival, 500000)::numeric, 6) FROM limits_big$$) AS text_1000000,
	   pg_temp.try($$SELECT surv_text_1000001::survival FROM limits_big$$) AS text_1000001;
-- binary receive
SELECT pg_temp.recv('survival', surv_wire_1000000) AS recv_1000000,
	   pg_temp.recv('survival', surv_wire_1000001) AS recv_1000001
FROM limits_big;
-- aggregation, with and without delayed entry
SELECT pg_temp.try($$SELECT surv_median(survival(i, true)) FROM generate_series(1, 1000000) i$$) AS agg_1000000,
	   pg_temp.try($$SELECT surv_median(survival(i, true)) FROM generate_series(1, 1000001) i$$) AS agg_1000001,
	   pg_temp.try($$SELECT surv_median(survival(i, i + 0.5, true)) FROM generate_series(1, 500001) i$$) AS agg_entry_1000002;
-- merging: a state of 1,000,000 times with one more time, or with one it has
SELECT pg_temp.try($$SELECT surv_median(survival_merge(s)) FROM
	(SELECT s FROM limits_states UNION ALL SELECT 'v1;1:1,0,0,1,0') g(s)$$) AS merge_1000000,
	   pg_temp.try($$SELECT surv_median(survival_merge(s)) FROM
	(SELECT s FROM limits_states UNION ALL SELECT 'v1;1000001:1,0,0,1,0') g(s)$$) AS merge_1000001;

-- ---------- logrank_state: at most 1000 groups, 1000-byte labels, 1,000,000 times ----------
SELECT pg_temp.try($$SELECT length(('v1' || string_agg('|"' || lpad(i::text, 4, '0') || '":v1;1:1,0,0,1,0', ''))::logrank_state::text)
	FROM generate_series(1, 1000) i$$) AS text_1000_groups,
	   pg_temp.try($$SELECT ('v1' || string_agg('|"' || lpad(i::text, 4, '0') || '":v1;1:1,0,0,1,0', ''))::logrank_state
	FROM generate_series(1, 1001) i$$) AS text_1001_groups;
SELECT pg_temp.try(format($$SELECT length('v1|"%s":v1;1:1,0,0,1,0'::logrank_state::text)$$, repeat('x', 1000))) AS text_label_1000,
	   pg_temp.try(format($$SELECT 'v1|"%s":v1;1:1,0,0,1,0'::logrank_state$$, repeat('x', 1001))) AS text_label_1001;
-- the times of all groups together
SELECT pg_temp.try($$SELECT length(logrank_text_1000000::logrank_state::text) FROM limits_big$$) AS text_1000000_times,
	   pg_temp.try($$SELECT logrank_text_1000001::logrank_state FROM limits_big$$) AS text_1000001_times;
-- binary receive: groups, labels, and 1,000,001 times in two groups
SELECT pg_temp.recv('logrank_state', '\x01'::bytea || int4send(1000) ||
		string_agg(int4send(4) || convert_to(lpad(i::text, 4, '0'), 'UTF8') || pg_temp.survival_wire1(), ''))
	AS recv_1000_groups
FROM generate_series(1, 1000) i;
SELECT pg_temp.recv('logrank_state', '\x01'::bytea || int4send(1001) ||
		string_agg(int4send(4) || convert_to(lpad(i::text, 4, '0'), 'UTF8') || pg_temp.survival_wire1(), ''))
	AS recv_1001_groups
FROM generate_series(1, 1001) i;
SELECT pg_temp.recv('logrank_state', '\x01'::bytea || int4send(1) || int4send(1000) ||
		convert_to(repeat('x', 1000), 'UTF8') || pg_temp.survival_wire1()) AS recv_label_1000,
	   pg_temp.recv('logrank_state', '\x01'::bytea || int4send(1) || int4send(1001) ||
		convert_to(repeat('x', 1001), 'UTF8') || pg_temp.survival_wire1()) AS recv_label_1001;
SELECT pg_temp.recv('logrank_state', logrank_wire_1000001) AS recv_1000001_times FROM limits_big;
-- aggregation: groups, labels and times as rows arrive
SELECT pg_temp.try($$SELECT (logrank(1, true, i::text)).df FROM generate_series(1, 1000) i$$) AS agg_1000_groups,
	   pg_temp.try($$SELECT (logrank(1, true, i::text)).df FROM generate_series(1, 1001) i$$) AS agg_1001_groups,
	   pg_temp.try($$SELECT (logrank(1, true, repeat('x', 1000))).df$$) AS agg_label_1000,
	   pg_temp.try($$SELECT (logrank(1, true, repeat('x', 1001))).df$$) AS agg_label_1001;
SELECT pg_temp.try($$SELECT (logrank(i, true, (i % 2)::text)).df FROM generate_series(1, 1000001) i$$) AS agg_1000001_times;
-- merging stored survival states into groups
SELECT pg_temp.try($$SELECT (logrank(g, s)).df FROM
	(SELECT 'a', s FROM limits_states UNION ALL SELECT 'a', 'v1;1:1,0,0,1,0') x(g, s)$$) AS merge_1000000_times,
	   pg_temp.try($$SELECT (logrank(g, s)).df FROM
	(SELECT 'a', s FROM limits_states UNION ALL SELECT 'b', 'v1;0.5:1,0,0,1,0') x(g, s)$$) AS merge_1000001_times;

-- ---------- cuminc: at most 1,000,000 entries; cuminc_table at most 10,000,000 rows ----------
SELECT pg_temp.try($$SELECT cuminc_at(cuminc_text_1000000::cuminc, 1, 500000) FROM limits_big$$) AS text_1000000,
	   pg_temp.try($$SELECT cuminc_text_1000001::cuminc FROM limits_big$$) AS text_1000001;
SELECT pg_temp.recv('cuminc', cuminc_wire_1000000) AS recv_1000000,
	   pg_temp.recv('cuminc', cuminc_wire_1000001) AS recv_1000001
FROM limits_big;
SELECT pg_temp.try($$SELECT cuminc_at(cuminc(i, 1), 1, 500000) FROM generate_series(1, 1000001) i$$) AS agg_1000001;
SELECT pg_temp.try($$SELECT cuminc_at(cuminc_merge(c), 1, 500000) FROM
	(SELECT c FROM limits_states UNION ALL SELECT '{1: 1=1}') g(c)$$) AS merge_1000000,
	   pg_temp.try($$SELECT cuminc_at(cuminc_merge(c), 1, 500000) FROM
	(SELECT c FROM limits_states UNION ALL SELECT '{1: 2=1}') g(c)$$) AS merge_1000001;
-- a 150 kB literal of 12,000 times, each its own cause: cuminc_at follows
-- one cause in one pass (it used to build a 12,000 x 12,000 matrix, 2 GB);
-- cuminc_table would return 144 million rows
SELECT pg_temp.try($$SELECT cuminc_at(('{' || string_agg(i || ': ' || i || '=1', '; ') || '}')::cuminc, 1, 1)
	FROM generate_series(1, 12000) i$$) AS at_12000_causes,
	   pg_temp.try($$SELECT cuminc_at(('{' || string_agg(i || ': ' || i || '=1', '; ') || '}')::cuminc, 11999, 11999.5)
	FROM generate_series(1, 12000) i$$) AS at_12000_causes_late,
	   pg_temp.try($$SELECT count(*) FROM cuminc_table((SELECT cuminc(i, i) FROM generate_series(1, 12000) i))$$) AS table_144000000_rows;
-- just over the table's rows: 100 event times x 100,001 causes (just under
-- would write 10 million rows; 100 x 1000 shows the same walk)
SELECT pg_temp.try($$SELECT count(*) FROM cuminc_table((SELECT cuminc(i % 100 + 1, i) FROM generate_series(1, 1000) i))$$) AS table_100000_rows,
	   pg_temp.try($$SELECT count(*) FROM cuminc_table((SELECT cuminc(i % 100 + 1, i) FROM generate_series(1, 100001) i))$$) AS table_10000100_rows;

-- ---------- weekline: at most 100,000 runs; weekline_agg at most 1,048,576 rows ----------
SELECT pg_temp.try($$SELECT last_week(('2000-W01 ' || string_agg((i % 2) || 'x1', ' '))::weekline)
	FROM generate_series(1, 100000) i$$) AS text_100000,
	   pg_temp.try($$SELECT ('2000-W01 ' || string_agg((i % 2) || 'x1', ' '))::weekline
	FROM generate_series(1, 100001) i$$) AS text_100001;
SELECT pg_temp.try($$SELECT last_week(weekline_from_runs('2000-W01', array_agg(i % 2), array_agg(1)))
	FROM generate_series(1, 100000) i$$) AS runs_100000,
	   pg_temp.try($$SELECT weekline_from_runs('2000-W01', array_agg(i % 2), array_agg(1))
	FROM generate_series(1, 100001) i$$) AS runs_100001;
SELECT pg_temp.recv('weekline', int4send(100000) || int4send(0) ||
		string_agg(int4send(i % 2) || int4send(1), '')) AS recv_100000
FROM generate_series(1, 100000) i;
SELECT pg_temp.recv('weekline', int4send(100001) || int4send(0) ||
		string_agg(int4send(i % 2) || int4send(1), '')) AS recv_100001
FROM generate_series(1, 100001) i;
SELECT pg_temp.try($$SELECT last_week(weekline_agg('2000-W01'::isoweek + i, i % 2)) FROM generate_series(0, 99999) i$$) AS agg_100000_runs,
	   pg_temp.try($$SELECT last_week(weekline_agg('2000-W01'::isoweek + i, i % 2)) FROM generate_series(0, 100000) i$$) AS agg_100001_runs;
SELECT pg_temp.try($$SELECT weekline_agg('2000-W01'::isoweek + i % 10, 0)::text FROM generate_series(1, 1048576) i$$) AS agg_1048576_rows,
	   pg_temp.try($$SELECT weekline_agg('2000-W01'::isoweek + i % 10, 0)::text FROM generate_series(1, 1048577) i$$) AS agg_1048577_rows;

-- ---------- corrupted stored values: XX001, never a read past the end ----------
-- A stored value's bytes as a bytea, and bytes as a stored value, with no
-- check in between (byteacat copies the bytes into a new varlena): what a
-- damaged disk page would hand to the readers.  Superuser only.
CREATE FUNCTION pg_temp.raw(anyelement, bytea) RETURNS bytea
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE FUNCTION pg_temp.as_survival(bytea, bytea) RETURNS survival
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE FUNCTION pg_temp.as_logrank(bytea, bytea) RETURNS logrank_state
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE FUNCTION pg_temp.as_cuminc(bytea, bytea) RETURNS cuminc
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE FUNCTION pg_temp.as_weekline(bytea, bytea) RETURNS weekline
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';

-- the bytes after the varlena header, as stored
SELECT pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') AS survival_bytes;
SELECT pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') AS logrank_bytes;
SELECT pg_temp.raw('{1: 1=1}'::cuminc, '') AS cuminc_bytes;
SELECT pg_temp.raw('2000-W01 1x3 2x2'::weekline, '') AS weekline_bytes;
-- the unchanged bytes read back
SELECT pg_temp.as_survival(pg_temp.raw('v1;1:1,0,0,1,0'::survival, ''), '') AS survival,
	   pg_temp.as_logrank(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, ''), '') AS logrank,
	   pg_temp.as_cuminc(pg_temp.raw('{1: 1=1}'::cuminc, ''), '') AS cuminc,
	   pg_temp.as_weekline(pg_temp.raw('2000-W01 1x3 2x2'::weekline, ''), '') AS weekline;

-- survival (after the header: version at 0, ntimes at 4, times from 12)
CREATE TABLE limits_corrupt (what text, s survival);
INSERT INTO limits_corrupt
SELECT what, pg_temp.as_survival(bytes, '') FROM (VALUES
	('22.4 million times', overlay(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') PLACING '\x00cc5501'::bytea FROM 5)),
	('2 times, room for 1', overlay(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') PLACING int4send(2) FROM 5)),
	('0 times', overlay(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') PLACING int4send(0) FROM 5)),
	('negative times', overlay(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') PLACING '\xffffffff'::bytea FROM 5)),
	('version 2', overlay(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') PLACING '\x02'::bytea FROM 1)),
	('header only', substring(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') FROM 1 FOR 12)),
	('cut short', substring(pg_temp.raw('v1;1:1,0,0,1,0'::survival, '') FROM 1 FOR 6)),
	('empty', ''::bytea)
) v(what, bytes);
SELECT what,
	   pg_temp.try(format('SELECT surv_at(s, 1) FROM limits_corrupt WHERE what = %L', what)) AS surv_at,
	   pg_temp.try(format('SELECT surv_median(s) FROM limits_corrupt WHERE what = %L', what)) AS surv_median,
	   pg_temp.try(format('SELECT count(*) FROM limits_corrupt, surv_table(s) WHERE what = %L', what)) AS surv_table,
	   pg_temp.try(format('SELECT s::text FROM limits_corrupt WHERE what = %L', what)) AS output,
	   pg_temp.try(format('SELECT survival_send(s) FROM limits_corrupt WHERE what = %L', what)) AS send,
	   pg_temp.try(format('SELECT survival_merge(s)::text FROM limits_corrupt WHERE what = %L', what)) AS merge,
	   pg_temp.try(format('SELECT (logrank(''a'', s)).df FROM limits_corrupt WHERE what = %L', what)) AS logrank,
	   pg_temp.try(format('SELECT surv_svg(ARRAY[s], ARRAY[''a'']) IS NOT NULL FROM limits_corrupt WHERE what = %L', what)) AS svg
FROM limits_corrupt ORDER BY what;

-- logrank_state (after the header: version at 0, ngroups at 4, then per
-- group the label length at 12, the label at 16, its survival at 20, whose
-- count of times is at 28)
SELECT what,
	   pg_temp.try(format('SELECT pg_temp.as_logrank(%L, '''')::text', bytes)) AS output,
	   pg_temp.try(format('SELECT logrank_state_send(pg_temp.as_logrank(%L, ''''))', bytes)) AS send,
	   pg_temp.try(format('SELECT (logrank_final(pg_temp.as_logrank(%L, ''''))).df', bytes)) AS final
FROM (VALUES
	('a million groups', overlay(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') PLACING int4send(1000000) FROM 5)),
	('2 groups, room for 1', overlay(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') PLACING int4send(2) FROM 5)),
	('label past the end', overlay(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') PLACING int4send(900) FROM 13)),
	('negative label length', overlay(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') PLACING '\xffffffff'::bytea FROM 13)),
	('group survival of 22.4 million times', overlay(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') PLACING '\x00cc5501'::bytea FROM 29)),
	('group survival size past the end', overlay(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') PLACING '\x00100000'::bytea FROM 21)),
	('cut short', substring(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') FROM 1 FOR 40)),
	('header only', substring(pg_temp.raw('v1|"a":v1;1:1,0,0,1,0'::logrank_state, '') FROM 1 FOR 12)),
	('empty', ''::bytea)
) v(what, bytes);

-- cuminc (after the header: version at 0, nentries at 4, entries from 12)
SELECT what,
	   pg_temp.try(format('SELECT pg_temp.as_cuminc(%L, '''')::text', bytes)) AS output,
	   pg_temp.try(format('SELECT cuminc_at(pg_temp.as_cuminc(%L, ''''), 1, 1)', bytes)) AS cuminc_at,
	   pg_temp.try(format('SELECT count(*) FROM cuminc_table(pg_temp.as_cuminc(%L, ''''))', bytes)) AS cuminc_table,
	   pg_temp.try(format('SELECT cuminc_merge(c)::text FROM (VALUES (pg_temp.as_cuminc(%L, ''''))) v(c)', bytes)) AS merge
FROM (VALUES
	('a million entries', overlay(pg_temp.raw('{1: 1=1}'::cuminc, '') PLACING int4send(1000000) FROM 5)),
	('2 entries, room for 1', overlay(pg_temp.raw('{1: 1=1}'::cuminc, '') PLACING int4send(2) FROM 5)),
	('negative entries', overlay(pg_temp.raw('{1: 1=1}'::cuminc, '') PLACING '\xffffffff'::bytea FROM 5)),
	('cut short', substring(pg_temp.raw('{1: 1=1}'::cuminc, '') FROM 1 FOR 3)),
	('empty', ''::bytea)
) v(what, bytes);

-- weekline (after the header: version, first week as a zigzag varint, then
-- per run a varint code and a varint length)
SELECT what,
	   pg_temp.try(format('SELECT pg_temp.as_weekline(%L, '''')::text', bytes)) AS output,
	   pg_temp.try(format('SELECT code_at(pg_temp.as_weekline(%L, ''''), ''2000-W06'')', bytes)) AS code_at,
	   pg_temp.try(format('SELECT code_in(pg_temp.as_weekline(%L, ''''), ''2000-W06'', ''{1,2}'')', bytes)) AS code_in,
	   pg_temp.try(format('SELECT count(*) FROM runs(pg_temp.as_weekline(%L, ''''))', bytes)) AS runs,
	   pg_temp.try(format('SELECT weekline_send(pg_temp.as_weekline(%L, ''''))', bytes)) AS send
FROM (VALUES
	('cut in a run', substring(pg_temp.raw('2000-W01 1x3 2x2'::weekline, '') FROM 1 FOR 5)),
	('unterminated varint', pg_temp.raw('2000-W01 1x3 2x2'::weekline, '') || '\x80'::bytea),
	('run past the last week', pg_temp.raw('2000-W01 1x3 2x2'::weekline, '') || '\x03ffffff01'::bytea),
	('first week out of range', '\x01feffffff0f0103'::bytea),
	('version 2', overlay(pg_temp.raw('2000-W01 1x3 2x2'::weekline, '') PLACING '\x02'::bytea FROM 1)),
	('empty', ''::bytea)
) v(what, bytes);

SELECT 'alive' AS backend;
