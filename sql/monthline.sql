--
-- monthline: monthly employment (DREAM's grad_ and branche_ columns), its
-- readers, dream_monthline, and status_history
--
\i test/lib/errors.sql

-- text form: round trips, the empty value, white space
SELECT m, m::text = t AS same_text
FROM (VALUES ('v1 2008-01 -/-x3 37/471100x12 100/471100x1'), ('v1 empty'), ('v1 1991-12 0/-x1'),
			 ('v1 9999-12 1000/2147483647x1'), ('v1 0001-01 -/0x2')) AS v(t),
	 LATERAL (SELECT t::monthline AS m) AS x;
SELECT '  v1   2008-01   5/7x2  -/7x1 '::monthline AS spaces;

-- equality is the same span and the same pair every month; GROUP BY and DISTINCT hash on it
SELECT 'v1 2008-01 1/2x3'::monthline = monthline('2008-01-01', '{1,1,1}', '{2,2,2}') AS same,
	   'v1 2008-01 1/2x3'::monthline = 'v1 2008-02 1/2x3' AS other_start,
	   'v1 2008-01 1/2x3'::monthline <> 'v1 2008-01 1/2x2 1/-x1' AS other_branche,
	   'v1 empty'::monthline = monthline('2008-01-01', '{}') AS empty_same;
SELECT m, count(*)
FROM (VALUES ('v1 2008-01 1/2x3'::monthline), (monthline('2008-01-01', '{1,1,1}', '{2,2,2}')), ('v1 empty'), ('v1 empty'),
			 ('v1 2008-01 -/-x1')) AS v(m)
GROUP BY m ORDER BY count(*) DESC, m::text;

-- malformed text: every one an error with a SQLSTATE
SELECT what, pg_temp.err(format('SELECT %L::monthline', t)) AS result
FROM (VALUES
	('no version', '2008-01 1/1x1'),
	('version 2', 'v2 2008-01 1/1x1'),
	('no runs', 'v1 2008-01'),
	('nothing', ''),
	('month 13', 'v1 2008-13 1/1x1'),
	('month 0', 'v1 2008-00 1/1x1'),
	('year 0', 'v1 0000-01 1/1x1'),
	('two-digit year', 'v1 08-01 1/1x1'),
	('zero length', 'v1 2008-01 1/1x0'),
	('no length', 'v1 2008-01 1/1x'),
	('no branche', 'v1 2008-01 1x3'),
	('equal adjacent runs', 'v1 2008-01 1/1x1 1/1x2'),
	('equal missing runs', 'v1 2008-01 -/-x1 -/-x2'),
	('negative grad', 'v1 2008-01 -1/1x1'),
	('grad too large', 'v1 2008-01 1001/1x1'),
	('branche too large', 'v1 2008-01 1/2147483648x1'),
	('decimal grad', 'v1 2008-01 0.5/1x1'),
	('trailing junk', 'v1 2008-01 1/1x1 z'),
	('empty and runs', 'v1 empty 1/1x1'),
	('past 9999-12', 'v1 9999-12 1/1x2'),
	('length overflow', 'v1 2008-01 1/1x99999999999')
	) AS v(what, t);

-- binary form: through monthline_recv by a server-side binary COPY of one field
\set recv_type monthline
\i test/lib/binary.sql
SELECT name, pg_temp.recv(payload) AS result
FROM (VALUES
	('valid', monthline_send('v1 2008-01 -/-x3 37/471100x12')),
	('empty', monthline_send('v1 empty')),
	('hand-made', '\x01'::bytea || int4send(2) || int4send(96) || int4send(-1) || int4send(-1) || int4send(3)
				  || int4send(37) || int4send(471100) || int4send(12)),
	('version 2', '\x02'::bytea || int4send(0)),
	('too short', '\x01'::bytea),
	('cut short', '\x01'::bytea || int4send(1) || int4send(96) || int4send(1) || int4send(1)),
	('trailing bytes', '\x01'::bytea || int4send(0) || int4send(0)),
	('negative count', '\x01'::bytea || int4send(-1)),
	('too many runs', '\x01'::bytea || int4send(100001) || int4send(96)),
	('grad -2', '\x01'::bytea || int4send(1) || int4send(96) || int4send(-2) || int4send(1) || int4send(1)),
	('grad 1001', '\x01'::bytea || int4send(1) || int4send(96) || int4send(1001) || int4send(1) || int4send(1)),
	('branche -2', '\x01'::bytea || int4send(1) || int4send(96) || int4send(1) || int4send(-2) || int4send(1)),
	('zero length', '\x01'::bytea || int4send(1) || int4send(96) || int4send(1) || int4send(1) || int4send(0)),
	('equal adjacent runs', '\x01'::bytea || int4send(2) || int4send(96) || int4send(1) || int4send(1) || int4send(1)
							|| int4send(1) || int4send(1) || int4send(1)),
	('month before 0001-01', '\x01'::bytea || int4send(1) || int4send(-24001) || int4send(1) || int4send(1) || int4send(1)),
	('past 9999-12', '\x01'::bytea || int4send(1) || int4send(95999) || int4send(1) || int4send(1) || int4send(2))
	) AS v(name, payload);

-- the run limit (doc/limits.md): 100,000 runs are a monthline, 100,001 are SQLSTATE 54000
SELECT length(('v1 0001-01 ' || string_agg((i % 2)::text || '/-x1', ' '))::monthline::text) AS at_limit
FROM generate_series(1, 100000) AS i;
SELECT pg_temp.err('SELECT (''v1 0001-01 '' || string_agg((i % 2)::text || ''/-x1'', '' ''))::monthline
					FROM generate_series(1, 100001) AS i') AS over_limit;

-- damaged stored values: every reader refuses them with XX001, never reads past the end.
-- A value's stored bytes as a bytea and back, unchecked (byteacat), as a damaged page would give them.
CREATE FUNCTION pg_temp.raw(anyelement, bytea) RETURNS bytea
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE FUNCTION pg_temp.as_monthline(bytea, bytea) RETURNS monthline
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
SELECT pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') AS stored_bytes,
	   pg_temp.as_monthline(pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, ''), '') AS read_back;
SELECT what,
	   pg_temp.err(format('SELECT pg_temp.as_monthline(%L, '''')::text', bytes)) AS output,
	   pg_temp.err(format('SELECT grad_at(pg_temp.as_monthline(%L, ''''), 2000, 5)', bytes)) AS grad_at,
	   pg_temp.err(format('SELECT count(*) FROM months(pg_temp.as_monthline(%L, ''''))', bytes)) AS months,
	   pg_temp.err(format('SELECT status_history(''2000-W01 0x30'', pg_temp.as_monthline(%L, ''''), ''synthetic'')', bytes)) AS status,
	   pg_temp.err(format('SELECT monthline_send(pg_temp.as_monthline(%L, ''''))', bytes)) AS send
FROM (VALUES
	('cut in a run', substring(pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') FROM 1 FOR 5)),
	('unterminated varint', pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') || '\x80'::bytea),
	('grad 1001', pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') || '\xea070101'::bytea),
	('zero length', pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') || '\x010100'::bytea),
	('run past 9999-12', pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') || '\x0101ffff07'::bytea),
	('first month out of range', '\x01feffffff0f010101'::bytea),
	('version 2', overlay(pg_temp.raw('v1 2000-01 37/4711x3 -/-x2'::monthline, '') PLACING '\x02'::bytea FROM 1)),
	('no bytes', ''::bytea)
) v(what, bytes);

-- building from per-month arrays: NULL is missing, equal months merge
SELECT monthline('2008-01-17', '{NULL,NULL,37,37,37,0}', '{NULL,NULL,471100,471100,471100,471100}') AS built,
	   monthline('2008-01-01', '{100,100}') AS no_branche,
	   monthline('2008-01-01', '{}') AS empty,
	   monthline(NULL, '{1}') IS NULL AS null_first;
SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('lengths differ', $$SELECT monthline('2008-01-01', '{1,2}', '{1}')$$),
	('negative grad', $$SELECT monthline('2008-01-01', '{1,-1}')$$),
	('negative branche', $$SELECT monthline('2008-01-01', '{1,1}', '{5,-5}')$$),
	('grad above 1000', $$SELECT monthline('2008-01-01', '{1001}')$$),
	('two dimensions', $$SELECT monthline('2008-01-01', '{{1},{2}}')$$),
	('infinite date', $$SELECT monthline('infinity', '{1}')$$),
	('year 10000', $$SELECT monthline('9999-12-01', '{1,2}')$$)
	) AS v(what, q);

-- readers
SELECT grad_at(m, 2008, 1) AS jan_missing, grad_at(m, 2008, 4) AS apr, branche_at(m, 2008, 4) AS apr_branche,
	   grad_at(m, 2007, 12) AS before_span, grad_at(m, 2009, 4) AS after_span,
	   first_month(m), last_month(m),
	   grad_at(m, '2008-W14') AS w14,   -- Thursday 2008-04-03: April
	   grad_at(m, '2008-W13') AS w13,   -- Thursday 2008-03-27: March
	   branche_at(m, '2008-W14') AS w14_branche,
	   first_month('v1 empty') AS empty_first, last_month('v1 empty') AS empty_last
FROM (VALUES ('v1 2008-01 -/-x2 20/-x1 37/471100x12'::monthline)) AS v(m);
SELECT * FROM months('v1 2008-11 -/-x1 37/471100x2 0/-x1');
SELECT count(*) AS rows FROM months('v1 empty');
SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('month 13', $$SELECT grad_at('v1 2008-01 1/1x1', 2008, 13)$$),
	('month 0', $$SELECT branche_at('v1 2008-01 1/1x1', 2008, 0)$$),
	('year 0', $$SELECT grad_at('v1 2008-01 1/1x1', 0, 1)$$)
	) AS v(what, q);
SELECT grad_at(NULL::monthline, 2008, 1) IS NULL AS null_line, grad_at('v1 2008-01 1/1x1', NULL::int, 1) IS NULL AS null_year;

-- a week belongs to the month of its Thursday, exactly as month_weeks says: every week of 1991-2030
-- (grad = the month's number, 1990-01 to 2031-12)
SELECT count(*) AS weeks,
	   count(*) FILTER (WHERE grad_at(m, w) IS DISTINCT FROM
						(SELECT mo FROM generate_series(1, 12) AS mo WHERE month_weeks(isoyear(w), mo) @> w)) AS month_mismatch,
	   count(*) FILTER (WHERE branche_at(m, w) IS DISTINCT FROM extract(year FROM thursday(w))::int) AS year_mismatch
FROM (SELECT monthline('1990-01-01', array_agg((i - 1) % 12 + 1 ORDER BY i), array_agg(1990 + (i - 1) / 12 ORDER BY i)) AS m
	  FROM generate_series(1, 12 * 42) AS i) AS ml,
	 generate_series(0, '2030-W52'::isoweek - '1991-W01') AS i,
	 LATERAL (SELECT '1991-W01'::isoweek + i AS w) AS x;

-- DREAM lines
SELECT dream_monthline('pnr;grad_2008_01;branche_2008_01;grad_2008_02;branche_2008_02;y_0801', E'1;37;471100;.; ;1101\r') AS long_names,
	   dream_monthline('PNR,BRANCHE_0802,GRAD_0801,GRAD_0802,BRANCHE_0801', '1,2,3,,4', ',') AS short_names_any_order,
	   dream_monthline(E'grad_9112\tgrad_9201', E'5\t', E'\t') AS two_digit_years,
	   dream_monthline('grad_2008_01;grad_2008_02;branche_2008_05', '1;2;3') AS branche_later;
SELECT dream_monthline(NULL, '1') IS NULL AS null_header, dream_monthline('grad_0801', NULL) IS NULL AS null_line;
SELECT what, pg_temp.err(format('SELECT dream_monthline(%L, %L, %L)', header, line, delim)) AS result
FROM (VALUES
	('too few fields', 'pnr;grad_0801;grad_0802', '1;5', ';'),
	('too many fields', 'pnr;grad_0801', '1;5;5', ';'),
	('a grad that is not a number', 'pnr;grad_0801', '1;abc', ';'),
	('a negative grad', 'pnr;grad_0801', '1;-5', ';'),
	('a decimal grad', 'pnr;grad_0801', '1;0.5', ';'),
	('a grad above 1000', 'pnr;grad_0801', '1;1001', ';'),
	('a branche too large', 'pnr;branche_0801', '1;99999999999', ';'),
	('a branche with letters', 'pnr;branche_0801', '1;47A', ';'),
	('a month left out', 'pnr;grad_0801;grad_0803', '1;5;5', ';'),
	('a month twice', 'pnr;grad_0801;grad_2008_01', '1;5;5', ';'),
	('month 13', 'pnr;grad_2008_13', '1;5', ';'),
	('no monthly columns', 'pnr;y_0801;ak08', '1;5;5', ';'),
	('a two-character delimiter', 'pnr;grad_0801', '1;5', ';;')
	) AS v(what, header, line, delim);

-- a generated DREAM file of 1,748 weekly columns (1991-W27 to 2024-W52) and 408 monthly ones
-- (grad_ and branche_ for 2008-01 to 2024-12) in a shuffled order, two name styles
SELECT setseed(0.2008);
CREATE TABLE ml_src AS
SELECT p,
	   weekline_from_runs('1991-W27'::isoweek + 0 * p,
						  (SELECT array_agg((ARRAY[0, 0, 1101, 1201, 1301, 1901])[1 + floor(random() * 6)::int] ORDER BY r)
						   FROM generate_series(1, 41 + 0 * p) AS r),
						  array_fill(43, ARRAY[40]) || 28) AS w,
	   (SELECT array_agg(CASE WHEN random() < 0.4 THEN NULL ELSE (ARRAY[0, 37, 100, 100])[1 + floor(random() * 4)::int] END
						 ORDER BY i)
		FROM generate_series(1, 204 + 0 * p) AS i) AS grads,
	   (SELECT array_agg(CASE WHEN random() < 0.5 THEN NULL ELSE (ARRAY[11100, 471100, 862100])[1 + floor(random() * 3)::int] END
						 ORDER BY i)
		FROM generate_series(1, 204 + 0 * p) AS i) AS branches
FROM generate_series(1, 40) AS p;
SELECT count(*) AS persons, min(last_week(w)) AS last_week FROM ml_src;
CREATE TABLE ml_cols AS
SELECT row_number() OVER (ORDER BY random()) AS pos, kind, i, col
FROM (SELECT 'w' AS kind, i, format('y_%s%s', lpad((isoyear(w) % 100)::text, 2, '0'), lpad(week_of_year(w)::text, 2, '0')) AS col
	  FROM generate_series(0, '2024-W52'::isoweek - '1991-W27') AS i, LATERAL (SELECT '1991-W27'::isoweek + i AS w) AS x
	  UNION ALL
	  SELECT 'g', i, format('grad_%s_%s', 2008 + (i - 1) / 12, lpad(((i - 1) % 12 + 1)::text, 2, '0'))
	  FROM generate_series(1, 204) AS i
	  UNION ALL
	  SELECT 'b', i, format('branche_%s%s', lpad((8 + (i - 1) / 12)::text, 2, '0'), lpad(((i - 1) % 12 + 1)::text, 2, '0'))
	  FROM generate_series(1, 204) AS i) AS c;
-- the weekly columns stay in order (dream_weekline needs that); the monthly ones are shuffled among them
CREATE TABLE ml_order AS
SELECT c.kind, c.i, c.col, CASE WHEN c.kind = 'w' THEN s.pos ELSE c.pos END AS pos
FROM ml_cols c
	 LEFT JOIN (SELECT pos, row_number() OVER (ORDER BY pos) - 1 AS rk FROM ml_cols WHERE kind = 'w') AS s
		ON c.kind = 'w' AND s.rk = c.i;
-- the source's codes week by week (i = weeks since 1991-W27)
CREATE TABLE ml_src_codes AS
SELECT s.p, lower(r.weeks) - '1991-W27'::isoweek + k AS i, r.code
FROM ml_src s, runs(s.w) AS r, generate_series(0, upper(r.weeks) - lower(r.weeks) - 1) AS k;
CREATE TABLE ml_file AS
SELECT 0 AS n, 'pnr;' || string_agg(col, ';' ORDER BY pos) || ';ak24' AS line FROM ml_order
UNION ALL
SELECT s.p, lpad(s.p::text, 10, '0') || ';' ||
	   string_agg(CASE o.kind
					WHEN 'w' THEN coalesce(nullif(c.code, 0)::text, '')
					WHEN 'g' THEN coalesce(s.grads[o.i]::text, CASE WHEN o.i % 2 = 0 THEN '.' ELSE '' END)
					ELSE coalesce(s.branches[o.i]::text, '') END, ';' ORDER BY o.pos) || ';1'
FROM ml_src s CROSS JOIN ml_order o LEFT JOIN ml_src_codes c ON o.kind = 'w' AND c.p = s.p AND c.i = o.i
GROUP BY s.p;
SELECT count(*) FILTER (WHERE kind = 'w') AS weekly_columns, count(*) FILTER (WHERE kind <> 'w') AS monthly_columns,
	   (SELECT array_length(string_to_array(line, ';'), 1) FROM ml_file WHERE n = 0) AS header_fields,
	   (SELECT max(length(line)) > 7000 FROM ml_file) AS long_lines,
	   (SELECT min(pos) FROM ml_order WHERE kind <> 'w') < (SELECT max(pos) FROM ml_order WHERE kind = 'w') AS monthly_among_weekly
FROM ml_order;
CREATE TABLE ml_dream AS
SELECT split_part(r.line, ';', 1)::int AS p, dream_weekline(h.line, r.line) AS w, dream_monthline(h.line, r.line) AS m
FROM ml_file r, (SELECT line FROM ml_file WHERE n = 0) h
WHERE r.n > 0;

-- the oracle: the source arrays month by month, in plain SQL
SELECT count(*) AS person_months,
	   count(*) FILTER (WHERE x.grad IS DISTINCT FROM s.grads[i] OR x.branche IS DISTINCT FROM s.branches[i]
						OR x.month <> make_date(2008 + (i::int - 1) / 12, (i::int - 1) % 12 + 1, 1)) AS mismatch
FROM ml_dream d JOIN ml_src s USING (p),
	 LATERAL (SELECT *, row_number() OVER () AS i FROM months(d.m)) AS x;
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE first_month(d.m) <> '2008-01-01' OR last_month(d.m) <> '2024-12-01') AS span_mismatch,
	   count(*) FILTER (WHERE d.m::text <> monthline('2008-01-01', s.grads, s.branches)::text) AS builder_mismatch,
	   count(*) FILTER (WHERE d.w <> s.w) AS weekline_mismatch
FROM ml_dream d JOIN ml_src s USING (p);

-- status_history against a plain-SQL oracle: every week of every person
CREATE TABLE ml_groups AS
SELECT code, gruppe, dense_rank() OVER (ORDER BY first_code)::int AS g
FROM (SELECT code, gruppe, min(code) OVER (PARTITION BY gruppe) AS first_code FROM codebook WHERE codebook = 'synthetic') AS c;
CREATE TABLE ml_months AS SELECT d.p, x.month, x.grad FROM ml_dream d, months(d.m) AS x;
CREATE TABLE ml_status_oracle AS
SELECT c.p, '1991-W27'::isoweek + c.i AS week,
	   CASE WHEN c.code <> 0 THEN CASE WHEN g.gruppe = ANY (e.education) THEN 2 ELSE 10 + g.g END
			WHEN mm.p IS NULL THEN 3
			WHEN mm.grad > 0 THEN 1
			ELSE 0 END AS state,
	   mm.grad IS NOT NULL AS grad_registered,
	   e.education
FROM ml_src_codes c
	 CROSS JOIN (VALUES ('{}'::text[]), ('{SU}')) AS e(education)
	 LEFT JOIN ml_groups g ON g.code = c.code
	 LEFT JOIN ml_months mm ON mm.p = c.p AND mm.month = date_trunc('month', thursday('1991-W27'::isoweek + c.i))::date;
SELECT o.education, count(*) AS persons,
	   count(*) FILTER (WHERE status_history(d.w, d.m, 'synthetic', o.education) <> o.h) AS mismatch,
	   sum(weeks_in(o.h, '{1}', '[2008-W01,2025-W01)')) AS job_weeks,
	   sum(weeks_in(o.h, '{3}', '[1991-W27,2025-W01)')) AS unknown_weeks
FROM (SELECT p, education, weekline_agg(week, state) AS h FROM ml_status_oracle GROUP BY p, education) AS o
	 JOIN ml_dream d USING (p)
GROUP BY o.education ORDER BY o.education;

-- min_grad 0 (STAR's rule: any registered grad) against the same oracle with "grad IS NOT NULL"
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE status_history(d.w, d.m, 'synthetic', min_grad => 0) <> o.h) AS mismatch
FROM (SELECT p, weekline_agg(week, CASE WHEN state = 0 AND grad_registered THEN 1 ELSE state END) AS h
	  FROM ml_status_oracle WHERE education = '{}' GROUP BY p) AS o
	 JOIN ml_dream d USING (p);

-- the status history read by flow and weeks_in, as any weekline: the same numbers as from the oracle's rows
SELECT s.state, f.persons = s.persons AS same_persons
FROM (SELECT code AS state, persons FROM flow_table((SELECT flow(status_history(w, m, 'synthetic', '{SU}'), '2010-W01', 10) FROM ml_dream))
	  WHERE week = 10) AS f
	 FULL JOIN (SELECT state, count(*)::float8 AS persons FROM ml_status_oracle
				WHERE education = '{SU}' AND week = '2010-W11' GROUP BY state) AS s USING (state)
ORDER BY state;

-- forced parallel plans give the same
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT sum(weeks_in(status_history(w, m, 'synthetic'), '{1}', '[2008-W01,2025-W01)')) AS job_weeks,
	   sum(grad_at(m, 2015, 6)) AS grad_sum, count(*) FILTER (WHERE branche_at(m, '2020-W20') = 471100) AS branche_count
FROM ml_dream;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT sum(weeks_in(status_history(w, m, 'synthetic'), '{1}', '[2008-W01,2025-W01)')) AS job_weeks,
	   sum(grad_at(m, 2015, 6)) AS grad_sum, count(*) FILTER (WHERE branche_at(m, '2020-W20') = 471100) AS branche_count
FROM ml_dream;

-- small cases by hand: the states, month boundaries by the Thursday rule, education
SELECT * FROM status_states('synthetic', '{SU}');
SELECT status_history('2008-W13 0x2 1101x1 1901x1 0x1', 'v1 2008-03 0/-x1 37/-x1', 'synthetic') AS history,
	   -- 2008-W13 (Thu 27 March, grad 0) self-supported; W14 (Thu 3 April, grad 37) job; then kontanthjælp, SU; W17 job
	   status_history('2008-W13 0x2 1101x1 1901x1 0x1', 'v1 2008-03 0/-x1 37/-x1', 'synthetic', '{SU}') AS su_as_education,
	   status_history('2008-W13 0x5', 'v1 2008-04 -/-x1', 'synthetic') AS outside_months,
	   status_history('empty', 'v1 2008-04 -/-x1', 'synthetic') AS empty_history,
	   status_history('2008-W13 0x5', 'v1 empty', 'synthetic') AS empty_monthline,
	   -- min_grad: 0 makes the registered grad 0 of March a job, 40 makes April's 37 no job
	   status_history('2008-W13 0x2', 'v1 2008-03 0/-x1 37/-x1', 'synthetic', min_grad => 0) AS any_grad,
	   status_history('2008-W13 0x2', 'v1 2008-03 0/-x1 37/-x1', 'synthetic', min_grad => 40) AS grad_40;
SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('a code not in the codebook', $$SELECT status_history('2008-W13 4242x1', 'v1 2008-03 1/1x1', 'synthetic')$$),
	('no such codebook', $$SELECT status_history('2008-W13 1101x1', 'v1 2008-03 1/1x1', 'nonesuch')$$),
	('no such group', $$SELECT status_history('2008-W13 1101x1', 'v1 2008-03 1/1x1', 'synthetic', '{uddannelse}')$$),
	('NULL group', $$SELECT status_history('2008-W13 1101x1', 'v1 2008-03 1/1x1', 'synthetic', '{NULL}')$$),
	('negative min_grad', $$SELECT status_history('2008-W13 1101x1', 'v1 2008-03 1/1x1', 'synthetic', min_grad => -1)$$),
	('min_grad above 1000', $$SELECT status_history('2008-W13 1101x1', 'v1 2008-03 1/1x1', 'synthetic', min_grad => 1001)$$),
	('states of no codebook', $$SELECT * FROM status_states('nonesuch')$$)
	) AS v(what, q);
SELECT status_history(NULL, 'v1 2008-03 1/1x1', 'synthetic') IS NULL AS null_history,
	   status_history('2008-W13 0x1', NULL, 'synthetic') IS NULL AS null_monthline;
