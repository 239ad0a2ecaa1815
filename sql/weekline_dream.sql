--
-- DREAM ingestion: dream_weekline, and loading a file wider than a table may be
--
\i test/lib/errors.sql

-- one line: the weekly columns y_YYWW make the weekline, other columns are skipped;
-- an empty field or '.' is no code; white space (and a CR of a CRLF file) is trimmed
SELECT dream_weekline('pnr;y_1552;y_1553;y_1601;y_1602;ak16', E'0101;1101;1101; 1102 ;.;7\r') AS semicolons,
	   dream_weekline(E'pnr\ty_1552\ty_1553', E'1\t\t1301', E'\t') AS tabs,
	   dream_weekline('PNR,Y_9127,Y_9128', '1,,', ',') AS no_codes,
	   dream_weekline('y_2001', '5') AS one_week;
SELECT dream_weekline(NULL, '1;2') IS NULL AS null_header, dream_weekline('pnr;y_1501', NULL) IS NULL AS null_line;

-- malformed headers and lines: each an error with a SQLSTATE
SELECT what, pg_temp.err(format('SELECT dream_weekline(%L, %L, %L)', header, line, delim)) AS result
FROM (VALUES
	('too few fields', 'pnr;y_1501;y_1502', '1;5', ';'),
	('too many fields', 'pnr;y_1501;y_1502', '1;5;5;5', ';'),
	('a code that is not a number', 'pnr;y_1501;y_1502', '1;5;abc', ';'),
	('a negative code', 'pnr;y_1501;y_1502', '1;5;-5', ';'),
	('a decimal code', 'pnr;y_1501;y_1502', '1;5;1.5', ';'),
	('a code too large', 'pnr;y_1501;y_1502', '1;5;99999999999', ';'),
	('a week left out (2015-W53)', 'pnr;y_1552;y_1601', '1;5;5', ';'),
	('weeks out of order', 'pnr;y_1502;y_1501', '1;5;5', ';'),
	('a week that does not exist', 'pnr;y_1452;y_1453', '1;5;5', ';'),
	('no weekly columns', 'pnr;ak15;branche_2015_01', '1;5;5', ';'),
	('a two-character delimiter', 'pnr;y_1501', '1;5', ';;'),
	('an empty delimiter', 'pnr;y_1501', '1;5', '')
	) AS v(what, header, line, delim);

-- a DREAM-style file of 1,748 weekly columns (1991-W27 to 2024-W52): too wide for a table
SELECT pg_temp.err('CREATE TABLE wl_wide (pnr int, ' || string_agg(format('y_%s int', i), ', ') || ')') AS wide_table
FROM generate_series(1, 1748) AS i;

SELECT setseed(0.1991);
CREATE TABLE wl_dream_src AS
SELECT p, weekline_from_runs('1991-W27'::isoweek + floor(random() * 1400)::int + 0 * p,
							 array_agg((ARRAY[0, 1101, 1201, 1301, 1901])[1 + floor(random() * 5)::int]),
							 array_agg(1 + floor(random() ^ 2 * 20)::int)) AS w
FROM generate_series(1, 300) AS p, LATERAL generate_series(1, 1 + floor(random() * 15)::int + 0 * p) AS r
GROUP BY p;
CREATE TABLE wl_dream_weeks AS
SELECT w, format('y_%s%s', lpad((isoyear(w) % 100)::text, 2, '0'), lpad(week_of_year(w)::text, 2, '0')) AS col
FROM generate_series(0, '2024-W52'::isoweek - '1991-W27') AS i, LATERAL (SELECT '1991-W27'::isoweek + i AS w) AS x;
-- the file: a header, then one line per person; weeks outside a person's history are '.', code 0 is empty
CREATE TABLE wl_dream_file AS
SELECT 0 AS n, 'pnr;' || string_agg(col, ';' ORDER BY w) || ';ak24;branche_2024_12' AS line FROM wl_dream_weeks
UNION ALL
SELECT p, format('%s;%s;1;47', lpad(p::text, 10, '0'),
				 string_agg(CASE code_at(s.w, d.w) WHEN 0 THEN '' ELSE coalesce(code_at(s.w, d.w)::text, '.') END, ';' ORDER BY d.w))
FROM wl_dream_src s, wl_dream_weeks d GROUP BY p;
SELECT count(*) - 1 AS persons, max(length(line)) AS longest_line,
	   (SELECT count(*) FROM wl_dream_weeks) AS weekly_columns,
	   array_length(string_to_array((SELECT line FROM wl_dream_file WHERE n = 0), ';'), 1) AS header_fields
FROM wl_dream_file;
\copy (SELECT line FROM wl_dream_file ORDER BY n) TO 'results/weekline_dream.csv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')

-- the documented way in: every line whole into a one-column table, numbered in file order
-- (CSV with delimiter and quote characters that never occur: no field splitting, no escapes)
CREATE TABLE wl_dream_raw (n bigint GENERATED ALWAYS AS IDENTITY, line text);
\copy wl_dream_raw (line) FROM 'results/weekline_dream.csv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
CREATE TABLE wl_dream AS
SELECT split_part(r.line, ';', 1) AS pnr, dream_weekline(h.line, r.line) AS w
FROM wl_dream_raw r, (SELECT line FROM wl_dream_raw WHERE n = 1) h
WHERE r.n > 1;

-- every weekline spans the file's weeks and agrees with its source week by week
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE first_week(d.w) <> '1991-W27' OR last_week(d.w) <> '2024-W52') AS span_mismatch,
	   count(*) FILTER (WHERE d.w <> padded.w) AS weekline_mismatch
FROM wl_dream d
	 JOIN LATERAL (SELECT weekline_agg(week, code) AS w
				   FROM (SELECT lower(r.weeks) + i AS week, r.code
						 FROM wl_dream_src s, runs(s.w) AS r, generate_series(0, upper(r.weeks) - lower(r.weeks) - 1) AS i
						 WHERE s.p = d.pnr::int
						 UNION ALL VALUES ('1991-W27'::isoweek, 0), ('2024-W52', 0)) AS long) AS padded ON true;
SELECT count(*) AS weeks, count(*) FILTER (WHERE code_at(d.w, wk.w) <> coalesce(code_at(s.w, wk.w), 0)) AS code_mismatch
FROM wl_dream d JOIN wl_dream_src s ON s.p = d.pnr::int CROSS JOIN wl_dream_weeks wk;
