--
-- isoweek and weekrange
--
-- Errors are shown as SQLSTATE and message through a small catcher.
\i test/lib/errors.sql

-- text I/O
SELECT '2014-W10'::isoweek, '2014W10'::isoweek, ' 2015-w53 '::isoweek, '0001-W01'::isoweek, '9999-W52'::isoweek;
SELECT NULL::isoweek IS NULL AS null_in;

-- invalid input: each an error with a SQLSTATE
SELECT input, pg_temp.err(format('SELECT %L::isoweek', input)) AS result
FROM unnest(ARRAY['2015-W54', '2014-W53', '2014-W00', '', 'abc', '2014-W1x', '2014-W1',
				  '2014-W100', '14-W10', '2014--W10', '2014-X10', '0000-W10', '10000-W01',
				  '-201-W10', '2014-W10x', '2014 W10']) AS input;

-- agreement with PostgreSQL's own calendar for every day from 1900-01-01 to 2100-12-31
SELECT count(*) AS days,
	   count(*) FILTER (WHERE isoyear(isoweek(d)) <> extract(isoyear FROM d)) AS year_mismatch,
	   count(*) FILTER (WHERE week_of_year(isoweek(d)) <> extract(week FROM d)) AS week_mismatch,
	   count(*) FILTER (WHERE monday(isoweek(d)) <> date_trunc('week', d)::date) AS monday_mismatch,
	   count(*) FILTER (WHERE thursday(isoweek(d)) <> date_trunc('week', d)::date + 3) AS thursday_mismatch,
	   count(*) FILTER (WHERE isoweek(d)::text <> to_char(d, 'IYYY-"W"IW')) AS text_mismatch,
	   count(*) FILTER (WHERE isoweek(isoyear(isoweek(d)), week_of_year(isoweek(d))) <> isoweek(d)) AS make_mismatch,
	   count(*) FILTER (WHERE isoweek(d) - isoweek(date '2000-01-03') <> floor((date_trunc('week', d)::date - date '2000-01-03') / 7.0)) AS number_mismatch
FROM generate_series(date '1900-01-01', date '2100-12-31', interval '1 day') AS g(t), LATERAL (SELECT t::date AS d) AS x;

-- every 53-week year from 1900 to 2100, against PostgreSQL's calendar
SELECT (SELECT array_agg(y ORDER BY y) FROM generate_series(1900, 2100) y
		WHERE isoyear(isoweek(y, 1) + 52) = y) =
	   (SELECT array_agg(y ORDER BY y) FROM generate_series(1900, 2100) y
		WHERE extract(week FROM make_date(y, 12, 28)) = 53) AS same_53_week_years,
	   (SELECT count(*) FROM generate_series(1900, 2100) y WHERE isoweek(y + 1, 1) - isoweek(y, 1) = 53) AS n_53_week_years,
	   (SELECT string_agg(y::text, ',' ORDER BY y) FROM generate_series(2000, 2030) y WHERE isoyear(isoweek(y, 1) + 52) = y) AS from_2000_to_2030;
SELECT isoweek(2015, 53), isoweek(2020, 53), pg_temp.err('SELECT isoweek(2014, 53)') AS w2014_53;

-- arithmetic across year ends
SELECT '2014-W10'::isoweek + 52 AS a, '2015-W10'::isoweek + 52 AS b, 52 + '2015-W10'::isoweek AS c,
	   '2016-W01'::isoweek - 1 AS d, '2016-W09'::isoweek - '2015-W10'::isoweek AS e,
	   '2015-W10'::isoweek - '2016-W09'::isoweek AS f, '2020-W53'::isoweek + 1 AS g;
SELECT pg_temp.err($$SELECT '9999-W52'::isoweek + 1$$) AS past_max,
	   pg_temp.err($$SELECT '0001-W01'::isoweek - 1$$) AS before_min,
	   pg_temp.err($$SELECT '2014-W10'::isoweek + 2147483647$$) AS int_overflow;

-- constructors and parts
SELECT isoweek(date '2014-03-03') AS monday_w10, isoweek(date '2014-03-09') AS sunday_w10,
	   isoweek(date '2016-01-03') AS belongs_to_2015, isoweek(date '2024-12-30') AS belongs_to_2025,
	   monday('2015-W53'), thursday('2015-W53'), isoyear('2015-W53'), week_of_year('2015-W53');
SELECT pg_temp.err($$SELECT isoweek('infinity'::date)$$) AS infinite,
	   pg_temp.err('SELECT isoweek(2014, 0)') AS week0,
	   pg_temp.err('SELECT isoweek(0, 1)') AS year0,
	   pg_temp.err('SELECT isoweek(10000, 1)') AS year10000;

-- DREAM week names and codes
SELECT dream_week('y_1410'), dream_week('1410'), dream_week('y_9127'), dream_week('Y_9901'),
	   dream_week('y_0001'), dream_week('9052'), dream_week('y_1553');
SELECT input, pg_temp.err(format('SELECT dream_week(%L)', input)) AS result
FROM unnest(ARRAY['y_1453', 'y_1400', 'y_141', 'x_1410', 'y_14100', '', 'y1410']) AS input;

-- quarters and months by the Thursday rule
SELECT quarter_weeks(2015, 1), quarter_weeks(2015, 4), quarter_weeks(2016, 1), month_weeks(2014, 3), month_weeks(2015, 12);
SELECT count(*) AS weeks,
	   count(*) FILTER (WHERE NOT w <@ quarter_weeks(extract(year FROM thursday(w))::int, extract(quarter FROM thursday(w))::int)) AS quarter_mismatch,
	   count(*) FILTER (WHERE NOT w <@ month_weeks(extract(year FROM thursday(w))::int, extract(month FROM thursday(w))::int)) AS month_mismatch
FROM generate_series(0, 3000) AS i, LATERAL (SELECT '1995-W01'::isoweek + i AS w) AS x;
-- consecutive quarters tile the weeks
SELECT count(*) FILTER (WHERE upper(quarter_weeks(y, q)) <> lower(CASE WHEN q = 4 THEN quarter_weeks(y + 1, 1) ELSE quarter_weeks(y, q + 1) END)) AS gaps,
	   min(upper(quarter_weeks(y, q)) - lower(quarter_weeks(y, q))) AS min_weeks,
	   max(upper(quarter_weeks(y, q)) - lower(quarter_weeks(y, q))) AS max_weeks
FROM generate_series(1991, 2030) y, generate_series(1, 4) q;
SELECT pg_temp.err('SELECT quarter_weeks(2015, 5)') AS q5, pg_temp.err('SELECT month_weeks(2015, 0)') AS m0,
	   pg_temp.err('SELECT quarter_weeks(9999, 4)') AS beyond;

-- weekrange canonical form
SELECT '[2015-W01,2015-W03]'::weekrange = '[2015-W01,2015-W04)'::weekrange AS closed_eq_open,
	   '[2015-W01,2015-W03]'::weekrange AS closed, '(2014-W52,2015-W03]'::weekrange AS open_closed,
	   '(2015-W53,2016-W01)'::weekrange AS empty, weekrange('2015-W10', '2015-W20'),
	   weekrange('2015-W10', '2015-W20', '[]'), '[2015-W10,)'::weekrange AS unbounded;
SELECT upper('[2015-W01,2015-W03]'::weekrange) - lower('[2015-W01,2015-W03]'::weekrange) AS n_weeks,
	   '2015-W02'::isoweek <@ '[2015-W01,2015-W03]'::weekrange AS contains,
	   '[2015-W01,2015-W10)'::weekrange * '[2015-W05,2015-W20)'::weekrange AS intersection;

-- NULL in, NULL out
SELECT isoweek(NULL::date), isoweek(NULL, 10), monday(NULL), dream_week(NULL), quarter_weeks(2015, NULL), NULL::isoweek + 1;

-- as a primary key, in GROUP BY, in joins and index scans
CREATE TABLE weeks (w isoweek PRIMARY KEY, n int);
INSERT INTO weeks SELECT '2010-W01'::isoweek + i, i FROM generate_series(0, 999) i;
CREATE TABLE other (w isoweek, k int);
INSERT INTO other SELECT '2010-W01'::isoweek + (i * 7) % 1200, i FROM generate_series(0, 1999) i;
ANALYZE weeks;
ANALYZE other;
SELECT pg_temp.err($$INSERT INTO weeks VALUES ('2010-W01', 0)$$) AS duplicate_key;

SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM weeks WHERE w = '2012-W05';
SELECT * FROM weeks WHERE w = '2012-W05';
EXPLAIN (COSTS OFF) SELECT count(*) FROM weeks WHERE w BETWEEN '2012-W50' AND '2013-W02';
SELECT count(*), min(w), max(w) FROM weeks WHERE w BETWEEN '2012-W50' AND '2013-W02';
RESET enable_seqscan;

SELECT isoyear(w) AS year, count(*) FROM weeks GROUP BY isoyear(w) ORDER BY 1 LIMIT 3;
SELECT count(*) AS groups, sum(c) AS total FROM (SELECT w, count(*) AS c FROM other GROUP BY w) g;

SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM weeks JOIN other USING (w);
SELECT count(*), sum(n), sum(k) FROM weeks JOIN other USING (w);
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM weeks JOIN other USING (w);
SELECT count(*), sum(n), sum(k) FROM weeks JOIN other USING (w);
RESET enable_hashjoin;
RESET enable_nestloop;

-- the same join with the weeks as plain week numbers
SELECT count(*), sum(n), sum(k)
FROM (SELECT w - '2000-W01'::isoweek AS i, n FROM weeks) a JOIN (SELECT w - '2000-W01'::isoweek AS i, k FROM other) b USING (i);

-- window frames measured in weeks
SELECT w, sum(n) OVER (ORDER BY w RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM weeks ORDER BY w LIMIT 4;

-- binary COPY round trip
\copy weeks TO 'results/isoweek.bin' WITH (FORMAT binary)
CREATE TABLE weeks_copy (LIKE weeks);
\copy weeks_copy FROM 'results/isoweek.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, (SELECT count(*) FROM (SELECT * FROM weeks EXCEPT SELECT * FROM weeks_copy) d) AS differ FROM weeks_copy;
-- also through send/recv of a weekrange column
CREATE TABLE ranges AS SELECT weekrange(w, w + n) AS r FROM weeks;
\copy ranges TO 'results/weekrange.bin' WITH (FORMAT binary)
CREATE TABLE ranges_copy (r weekrange);
\copy ranges_copy FROM 'results/weekrange.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, (SELECT count(*) FROM (SELECT * FROM ranges EXCEPT SELECT * FROM ranges_copy) d) AS differ FROM ranges_copy;

-- malformed binary input is rejected
CREATE TABLE bad (w isoweek);
\copy (SELECT 999999999::int4) TO 'results/isoweek_big.bin' WITH (FORMAT binary)
\copy bad FROM 'results/isoweek_big.bin' WITH (FORMAT binary)
\copy (SELECT 1::int2) TO 'results/isoweek_short.bin' WITH (FORMAT binary)
\copy bad FROM 'results/isoweek_short.bin' WITH (FORMAT binary)
\copy (SELECT 1::int8) TO 'results/isoweek_long.bin' WITH (FORMAT binary)
\copy bad FROM 'results/isoweek_long.bin' WITH (FORMAT binary)
\copy (SELECT 0::int4) TO 'results/isoweek_zero.bin' WITH (FORMAT binary)
\copy bad FROM 'results/isoweek_zero.bin' WITH (FORMAT binary)
SELECT * FROM bad;
