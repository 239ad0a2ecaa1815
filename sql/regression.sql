--
-- regression: mergeable logistic and Poisson models (R's glm)
--
\i test/lib/compare.sql
\i test/lib/errors.sql
-- Binary input: the payload goes through regression_recv by a server-side
-- binary COPY of a one-field file (written into the data directory with lo_export).
\set recv_type regression
\i test/lib/binary.sql

-- a small model by hand: the state keeps rows and events per pattern
SELECT logistic(y, ARRAY[x]) FROM (VALUES (true, 1.0::float8), (false, 1), (true, 2), (false, 0),
	(false, 0), (true, 2), (false, 2), (NULL, 1), (true, NULL)) AS v(y, x);
SELECT poisson(e, t, ARRAY[x, z]) FROM (VALUES (0::float8, 1.5::float8, 1::float8, 0::float8), (2, 0.5, 1, 0),
	(1, 2, -0.0, 1), (3, 1, 0, 1), (NULL, 1, 0, 0), (1, NULL, 0, 0), (1, 1, 0, NULL)) AS v(e, t, x, z);

-- R's reference data and figures (r/regression_reference.R)
\set ECHO none
\i test/data/regression_reference.sql
\set ECHO all
SET client_min_messages = warning;	-- the NOTICEs of S1, A1 and N1 are shown below
CREATE TABLE reg_models AS
SELECT 'L1' AS model, logistic(y, ARRAY[sex, h2, h3, age]) AS r, ARRAY['sex', 'h2', 'h3', 'age'] AS names FROM reg_rows
UNION ALL SELECT 'L2', logistic(y, ARRAY[sex, h2, h3, age, sex2, age2]), ARRAY['sex', 'h2', 'h3', 'age', 'sex2', 'age2'] FROM reg_rows
UNION ALL SELECT 'L0', logistic(y, '{}'), '{}' FROM reg_rows
UNION ALL SELECT 'P1', poisson(events, exposure, ARRAY[sex, h2, h3, age]), ARRAY['sex', 'h2', 'h3', 'age'] FROM reg_rows
UNION ALL SELECT 'P0', poisson(events, exposure, '{}'), '{}' FROM reg_rows
UNION ALL SELECT 'P2', poisson(events, 1, ARRAY[sex, sex2, age]), ARRAY['sex', 'sex2', 'age'] FROM reg_rows
UNION ALL SELECT 'S1', logistic(y, ARRAY[age]), ARRAY['age'] FROM reg_sep
UNION ALL SELECT 'A1', logistic(y, ARRAY[sex, age]), ARRAY['sex', 'age'] FROM reg_allev
UNION ALL SELECT 'N1', logistic(y, ARRAY[sex, age]), ARRAY['sex', 'age'] FROM reg_noev;

-- R parity of the coefficient tables to 1e-8 (relative; absolute 1e-8 for
-- the figures near 0 of the models without a maximum, A1 and N1); aliased
-- terms (R's NA) are NULL.  S1 (separated) is compared below.
SELECT m.model, count(*) AS terms, count(c.estimate) AS estimated,
	   count(*) FILTER (WHERE NOT (pg_temp.near(c.estimate, f.estimate, 1e-8, tol)
		   AND pg_temp.near(c.std_err, f.std_err, 1e-8) AND pg_temp.near(c.statistic, f.statistic, 1e-8, tol)
		   AND pg_temp.near(c.p_value, f.p_value, 1e-8) AND pg_temp.near(c.lower, f.lower, 1e-8)
		   AND pg_temp.near(c.upper, f.upper, 1e-8))) AS off_1e8
FROM reg_models m
	 CROSS JOIN LATERAL (SELECT CASE WHEN m.model IN ('A1', 'N1') THEN 1e-8 ELSE 0 END AS tol) AS t
	 CROSS JOIN LATERAL coef_table(m.r, m.names) AS c
	 FULL JOIN reg_ref_coef f ON f.model = m.model AND f.term = c.term
WHERE m.model <> 'S1'
GROUP BY m.model ORDER BY m.model;
SELECT f.model, (r.n = f.n) AS n, (r.events = f.events) AS events,
	   pg_temp.near(r.loglik, f.loglik, 1e-8, 1e-8) AS loglik,
	   pg_temp.near(r.null_loglik, f.null_loglik, 1e-8, 1e-8) AS null_loglik,
	   pg_temp.near(r.deviance, f.deviance, 1e-8, 1e-8) AS deviance,
	   pg_temp.near(r.aic, f.aic, 1e-8) AS aic,
	   r.iterations = f.iterations AS iterations, r.iterations AS iter,
	   r.converged, f.converged AS r_converged
FROM reg_models m CROSS JOIN LATERAL regression_fit(m.r) r JOIN reg_ref_fit f ON f.model = m.model
ORDER BY f.model;
-- the separated set: R stops after 25 iterations without converging; the
-- same steps give the same figures
SELECT c.term, pg_temp.near(c.estimate, f.estimate, 1e-8) AS estimate,
	   pg_temp.near(c.std_err, f.std_err, 1e-8) AS std_err
FROM coef_table((SELECT r FROM reg_models WHERE model = 'S1'), '{age}') c
	 JOIN reg_ref_coef f ON f.model = 'S1' AND f.term = c.term;
RESET client_min_messages;
-- separation, no events and only events: a NOTICE, converged false
SELECT model, converged, iterations FROM reg_models, regression_fit(r) WHERE model IN ('S1', 'A1', 'N1') ORDER BY model;
SELECT converged FROM regression_fit((SELECT poisson(0, 1, ARRAY[x]) FROM generate_series(1, 5) x));

-- a table as the reader gives it
SELECT term, round(estimate::numeric, 6) AS estimate, round(std_err::numeric, 6) AS std_err,
	   round(statistic::numeric, 4) AS z, round(p_value::numeric, 6) AS p, round(lower::numeric, 6) AS lower,
	   round(upper::numeric, 6) AS upper
FROM coef_table((SELECT r FROM reg_models WHERE model = 'L2'), '{køn,h2,h3,alder,sex2,age2}');
-- default names, another level, ties ignored for GLMs
SELECT term, round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper
FROM coef_table((SELECT r FROM reg_models WHERE model = 'P1'), conf_level => 0.9, ties => 'breslow');
SELECT term FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'), '{a,NULL,c,d}');
SELECT count(*) AS no_rows_for_null FROM coef_table(NULL);

-- predict is the inverse link of the linear predictor of coef_table's estimates
WITH est AS (SELECT array_agg(coalesce(estimate, 0) ORDER BY ord) AS b
			 FROM coef_table((SELECT r FROM reg_models WHERE model = 'L2')) WITH ORDINALITY AS c(term, estimate, s, z, p, l, u, ord))
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE NOT pg_temp.near(predict((SELECT r FROM reg_models WHERE model = 'L2'), ARRAY[sex, h2, h3, age, sex2, age2]),
		   1 / (1 + exp(-(b[1] + b[2] * sex + b[3] * h2 + b[4] * h3 + b[5] * age))), 1e-12)) AS off
FROM reg_rows, est WHERE age IS NOT NULL AND h2 IS NOT NULL;
WITH est AS (SELECT array_agg(estimate ORDER BY ord) AS b
			 FROM coef_table((SELECT r FROM reg_models WHERE model = 'P1')) WITH ORDINALITY AS c(term, estimate, s, z, p, l, u, ord))
SELECT count(*) FILTER (WHERE NOT pg_temp.near(predict((SELECT r FROM reg_models WHERE model = 'P1'), ARRAY[sex, h2, h3, age]),
		   exp(b[1] + b[2] * sex + b[3] * h2 + b[4] * h3 + b[5] * age), 1e-12)) AS off,
	   -- the fitted events add up to the observed ones (the MLE with an intercept;
	   -- to 1e-7 here, as far as R's stopping rule takes the fit)
	   pg_temp.near(sum(exposure * predict((SELECT r FROM reg_models WHERE model = 'P1'), ARRAY[sex, h2, h3, age])),
					sum(events), 1e-7) AS expected_equals_observed
FROM reg_rows, est WHERE age IS NOT NULL AND h2 IS NOT NULL AND events IS NOT NULL AND exposure IS NOT NULL;
SELECT predict((SELECT r FROM reg_models WHERE model = 'L1'), '{1,0,0,NULL}') AS null_covariate;

-- the state against plain SQL: rows and events per pattern
SELECT r::text = (SELECT 'v1;logistic;p=2;' || string_agg(format('%s,%s:%s,%s', sex, h3, n, e), ';' ORDER BY sex, h3)
				  FROM (SELECT sex, h3, count(*) AS n, count(*) FILTER (WHERE y) AS e FROM reg_rows
						WHERE y IS NOT NULL AND sex IS NOT NULL AND h3 IS NOT NULL GROUP BY 1, 2) AS g) AS plain_sql
FROM (SELECT logistic(y, ARRAY[sex, h3]) AS r FROM reg_rows) AS s;

-- text and binary I/O round-trip exactly
SELECT model, r::text::regression::text = r::text AS text_round_trip,
	   pg_temp.recv(regression_send(r)) = r::text AS binary_round_trip
FROM reg_models ORDER BY model;

-- merge law: three parts merged equal the whole, text identical (the sums
-- are whole numbers and fixed-point numbers: exact in any order)
SELECT m.model, regression_merge(part)::text = m.r::text AS merged_equals_whole
FROM reg_models m JOIN (
	SELECT 'L1' AS model, id % 3 AS k, logistic(y, ARRAY[sex, h2, h3, age]) AS part FROM reg_rows GROUP BY 2
	UNION ALL SELECT 'L2', id % 3, logistic(y, ARRAY[sex, h2, h3, age, sex2, age2]) FROM reg_rows GROUP BY 2
	UNION ALL SELECT 'P1', id % 3, poisson(events, exposure, ARRAY[sex, h2, h3, age]) FROM reg_rows GROUP BY 2
	UNION ALL SELECT 'P2', id % 3, poisson(events, 1, ARRAY[sex, sex2, age]) FROM reg_rows GROUP BY 2
) AS p USING (model)
GROUP BY m.model, m.r::text ORDER BY m.model;
-- and any order of the rows
SELECT (SELECT poisson(events, exposure, ARRAY[sex, h2, h3, age] ORDER BY id DESC) FROM reg_rows)::text
	   = (SELECT r::text FROM reg_models WHERE model = 'P1') AS reversed_equals_whole;

-- parallel plans give the same states as serial ones
CREATE TABLE reg_big AS
SELECT g AS id, (hashint4(g) & 1)::float8 AS sex, ((hashint4(g) >> 1) & 3)::float8 AS band,
	   (18 + abs(hashint4(g + 7)) % 50)::float8 AS age,
	   abs(hashint4(g + 11)) % 100 < 30 + (hashint4(g) & 1) * 10 AS y,
	   (abs(hashint4(g + 13)) % 4)::float8 AS events, (1 + abs(hashint4(g + 17)) % 100)::float8 / 10 AS exposure
FROM generate_series(1, 60000) AS g;
ANALYZE reg_big;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE reg_serial AS
SELECT logistic(y, ARRAY[sex, band, age]) AS l, poisson(events, exposure, ARRAY[sex, band]) AS p FROM reg_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT logistic(y, ARRAY[sex, band, age]), poisson(events, exposure, ARRAY[sex, band]) FROM reg_big;
CREATE TABLE reg_parallel AS
SELECT logistic(y, ARRAY[sex, band, age]) AS l, poisson(events, exposure, ARRAY[sex, band]) AS p FROM reg_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT s.l::text = p.l::text AS logistic_parallel_equals_serial,
	   s.p::text = p.p::text AS poisson_parallel_equals_serial
FROM reg_serial s, reg_parallel p;

-- empty input gives NULL, as rows with a NULL anywhere are skipped
SELECT logistic(y, ARRAY[sex]) IS NULL AS empty_is_null FROM reg_rows WHERE false;
SELECT logistic(y, ARRAY[sex, NULL]) IS NULL AS all_skipped FROM reg_rows;
SELECT poisson(events, NULL, ARRAY[sex]) IS NULL AS all_skipped FROM reg_rows;
SELECT regression_merge(r) IS NULL AS merge_of_nothing FROM reg_models WHERE false;

-- Cox models (R's coxph): Efron and Breslow ties, an aliased column, a
-- coefficient that may be infinite (C3: events only where sex = 1)
CREATE TABLE reg_cox_models AS
SELECT 'C1' AS model, cox(weeks, event, ARRAY[sex, h2, h3, age]) AS r, ARRAY['sex', 'h2', 'h3', 'age'] AS names, 'efron' AS ties FROM reg_cox
UNION ALL SELECT 'C1b', cox(weeks, event, ARRAY[sex, h2, h3, age]), ARRAY['sex', 'h2', 'h3', 'age'], 'breslow' FROM reg_cox
UNION ALL SELECT 'C2', cox(weeks, event, ARRAY[sex, sex2, age]), ARRAY['sex', 'sex2', 'age'], 'efron' FROM reg_cox
-- delayed entry: at risk on (entry, exit]
UNION ALL SELECT 'D1', cox(entry, exit, event, ARRAY[sex, h2, h3, age]), ARRAY['sex', 'h2', 'h3', 'age'], 'efron' FROM reg_cox_entry
UNION ALL SELECT 'D1b', cox(entry, exit, event, ARRAY[sex, h2, h3, age]), ARRAY['sex', 'h2', 'h3', 'age'], 'breslow' FROM reg_cox_entry
UNION ALL SELECT 'C3', cox(w, e, ARRAY[s]), ARRAY['sex'], 'efron'
FROM (SELECT g::float8 AS w, false AS e, 0::float8 AS s FROM generate_series(1, 20) AS g
	  UNION ALL SELECT g, true, 1 FROM generate_series(1, 20) AS g) AS v;
SET client_min_messages = warning;
SELECT m.model, count(*) AS terms, count(c.estimate) AS estimated,
	   count(*) FILTER (WHERE NOT (pg_temp.near(c.estimate, f.estimate, tol)
		   AND pg_temp.near(c.std_err, f.std_err, tol) AND pg_temp.near(c.statistic, f.statistic, tol)
		   AND pg_temp.near(c.p_value, f.p_value, tol) AND pg_temp.near(c.lower, f.lower, tol)
		   AND pg_temp.near(c.upper, f.upper, tol))) AS off
FROM reg_cox_models m
	 -- C3's coefficient runs off to infinity: R and jobreg stop at nearly the same place
	 CROSS JOIN LATERAL (SELECT CASE WHEN m.model = 'C3' THEN 1e-7 ELSE 1e-8 END AS tol) AS t
	 CROSS JOIN LATERAL coef_table(m.r, m.names, ties => m.ties) AS c
	 FULL JOIN (SELECT * FROM reg_ref_coef WHERE (model LIKE 'C%' AND model NOT LIKE 'CS%') OR model LIKE 'D%') AS f ON f.model = m.model AND f.term = c.term
GROUP BY m.model ORDER BY m.model;
-- regression_fit takes no ties: it fits with Efron's (C1b's figures are C1's)
SELECT f.model, (r.n = f.n) AS n, (r.events = f.events) AS events,
	   pg_temp.near(r.loglik, f.loglik, 1e-8) AS loglik, pg_temp.near(r.null_loglik, f.null_loglik, 1e-8) AS null_loglik,
	   r.deviance IS NULL AS no_deviance, pg_temp.near(r.aic, f.aic, 1e-8) AS aic,
	   r.iterations = f.iterations AS iterations, r.converged
FROM reg_cox_models m CROSS JOIN LATERAL regression_fit(m.r) r JOIN reg_ref_fit f ON f.model = m.model
WHERE m.model NOT IN ('C1b', 'D1b') ORDER BY f.model;
RESET client_min_messages;
SELECT converged FROM regression_fit((SELECT r FROM reg_cox_models WHERE model = 'C3'));
-- predict is the relative hazard exp(x'b) against x = 0
SELECT pg_temp.near(predict(r, '{1,0,1,40}'),
					exp((SELECT sum(estimate * x) FROM coef_table(r) WITH ORDINALITY AS c(t, estimate, s, z, p, l, u, i)
							 JOIN unnest('{1,0,1,40}'::float8[]) WITH ORDINALITY AS v(x, i) USING (i))), 1e-12) AS relative_hazard
FROM reg_cox_models WHERE model = 'C1';
-- the state: rows leaving, events and rows entering per time and pattern (stratum 0), against plain SQL
-- (format version 2: the patterns numbered in their order, entries by stratum, time and pattern number)
SELECT r::text = (SELECT 'v2;cox;p=1;' || (SELECT string_agg(format('x=%s', sex), ';' ORDER BY sex)
										   FROM (SELECT DISTINCT sex FROM reg_cox
												 WHERE weeks IS NOT NULL AND event IS NOT NULL AND sex IS NOT NULL) AS d)
						 || ';' || string_agg(format('0,%s,%s:%s,%s,0', weeks, k - 1, n, e), ';' ORDER BY weeks, sex)
				  FROM (SELECT weeks, sex, dense_rank() OVER (ORDER BY sex) AS k, n, e
						FROM (SELECT weeks, sex, count(*) AS n, count(*) FILTER (WHERE event) AS e FROM reg_cox
							  WHERE weeks IS NOT NULL AND event IS NOT NULL AND sex IS NOT NULL GROUP BY 1, 2) AS g) AS g) AS plain_sql
FROM (SELECT cox(weeks, event, ARRAY[sex]) AS r FROM reg_cox) AS s;
SELECT cox(t, e, ARRAY[x]) FROM (VALUES (2.5::float8, true, 1::float8), (1, false, 0), (2.5, false, 1), (-0.0, true, 0)) AS v(t, e, x);
-- merge law, round trips, parallel = serial
SELECT regression_merge(part)::text = (SELECT r::text FROM reg_cox_models WHERE model = 'C1') AS merged_equals_whole
FROM (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) AS part FROM reg_cox GROUP BY id % 3) AS p;
SELECT regression_merge(part)::text = (SELECT r::text FROM reg_cox_models WHERE model = 'D1') AS merged_equals_whole
FROM (SELECT cox(entry, exit, event, ARRAY[sex, h2, h3, age]) AS part FROM reg_cox_entry GROUP BY id % 3) AS p;
-- a delayed entry at 0 before every exit is no delay: the same fit as without
SELECT bool_and(pg_temp.near(a.estimate, b.estimate, 1e-12) AND pg_temp.near(a.std_err, b.std_err, 1e-12)) AS entry_at_zero_is_no_entry
FROM coef_table((SELECT cox(weeks, event, ARRAY[sex, age]) FROM reg_cox)) a
	 JOIN coef_table((SELECT cox(-1, weeks, event, ARRAY[sex, age]) FROM reg_cox)) b USING (term);
SELECT cox(t0, t1, e, ARRAY[x]) FROM (VALUES (0::float8, 2.5::float8, true, 1::float8), (1, 2.5, false, 1), (0, 1, true, 0)) AS v(t0, t1, e, x);
SELECT model, r::text::regression::text = r::text AS text_round_trip,
	   pg_temp.recv(regression_send(r)) = r::text AS binary_round_trip
FROM reg_cox_models ORDER BY model;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT cox(age, y, ARRAY[sex, band]) FROM reg_big;
CREATE TABLE reg_cox_parallel AS SELECT cox(age, y, ARRAY[sex, band]) AS c FROM reg_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT c::text = (SELECT cox(age, y, ARRAY[sex, band]) FROM reg_big)::text AS cox_parallel_equals_serial
FROM reg_cox_parallel;
RESET max_parallel_workers_per_gather;
-- Efron's sums with many tied deaths (past 16 a time the den_k are multiplied, not logged):
-- at b = 0 every risk is 1, and the log-likelihood of the n at risk and d deaths of a time
-- is -(log(n - d + 1) + ... + log(n)), here up to 1,500 deaths a time
CREATE TABLE reg_ties AS
SELECT g AS id, (1 + g % 10)::float8 AS w, g % 4 <> 0 AS e, (g / 10 % 3 = 0)::int::float8 AS x
FROM generate_series(1, 20000) AS g;
SELECT pg_temp.near((regression_fit(c)).null_loglik,
					-(SELECT sum(ln(j::float8))
					  FROM (SELECT w, count(*) FILTER (WHERE e) AS d,
								   (SELECT count(*) FROM reg_ties b WHERE b.w >= a.w) AS n
							FROM reg_ties a GROUP BY w) AS t,
						   generate_series(n - d + 1, n) AS j), 1e-12) AS efron_null_loglik_many_ties
FROM (SELECT cox(w, e, ARRAY[x]) AS c FROM reg_ties) AS s;
-- a Cox state counts its rows in a matrix of patterns by times, and in a hash table past
-- the matrix's room (8 counts a row: here it takes part of the 70,000 distinct times) or when
-- rows are taken out; the two give the state that plain SQL gives, and every mix the same
CREATE TABLE reg_times AS
SELECT g AS id, g::float8 AS t, g % 3 = 0 AS e, (g % 2)::float8 AS x FROM generate_series(1, 70000) AS g;
SELECT c::text = 'v2;cox;p=1;x=0;x=1;'
				 || (SELECT string_agg(format('0,%s,%s:1,%s,0', t, x, e::int), ';' ORDER BY t) FROM reg_times) AS many_times_equal_plain_sql,
	   regression_merge(c) OVER ()::text = c::text AS merged_equals_whole
FROM (SELECT cox(t, e, ARRAY[x]) AS c FROM reg_times) AS s;
SELECT regression_merge(part)::text = (SELECT cox(t, e, ARRAY[x]) FROM reg_times)::text AS merged_equals_whole
FROM (SELECT cox(t, e, ARRAY[x]) AS part FROM reg_times GROUP BY id % 7) AS p;
-- a count of 2^32 rows or more goes to the hash table (the matrix counts in 32 bits)
SELECT regression_merge(r)::text = 'v2;cox;p=1;x=1;0,1,0:6000000000,3,0;0,2,0:1,1,0' AS past_32_bits
FROM (VALUES ('v2;cox;p=1;x=1;0,1,0:3000000000,1,0'::regression), ('v2;cox;p=1;x=1;0,1,0:3000000000,2,0'),
			 ('v2;cox;p=1;x=1;0,2,0:1,1,0')) AS v(r);
-- a state with delayed entries (hash table) merged with one without (matrix), and taken apart
WITH a AS (SELECT cox(weeks, event, ARRAY[sex]) AS r FROM reg_cox),
	 b AS (SELECT cox(entry, exit, event, ARRAY[sex]) AS r FROM reg_cox_entry),
	 m AS (SELECT regression_merge(r) AS r FROM (SELECT r FROM a UNION ALL SELECT r FROM b) AS u)
SELECT regression_subtract(m.r, b.r)::text = a.r::text AS merged_less_entries,
	   regression_subtract(m.r, a.r)::text = b.r::text AS merged_less_plain,
	   m.r::text = (SELECT regression_merge(r) FROM (SELECT r FROM b UNION ALL SELECT r FROM a) AS u)::text AS merge_order
FROM a, b, m;
-- bad input
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT cox('NaN', true, '{1}')$$,
	$$SELECT cox('Infinity', true, '{1}')$$,
	$$SELECT cox(2, 2, true, '{1}')$$,
	$$SELECT cox(3, 2, true, '{1}')$$,
	$$SELECT cox('-Infinity', 2, true, '{1}')$$,
	$$SELECT cox(t, true, x) FROM (VALUES (1::float8, '{1,2}'::float8[]), (2, '{1}')) AS v(t, x)$$,
	$$SELECT regression_merge(r) FROM (SELECT r FROM reg_cox_models WHERE model = 'C1' UNION ALL SELECT r FROM reg_models WHERE model = 'L1') AS s$$,
	$$SELECT * FROM coef_table((SELECT r FROM reg_cox_models WHERE model = 'C1'), '{a,b,c,d,e}')$$,
	$$SELECT * FROM coef_table((SELECT r FROM reg_cox_models WHERE model = 'C1'), '{{a,b},{c,d}}')$$
]) AS q;
SELECT input, pg_temp.err_detail(format('SELECT %L::regression', input)) AS result
FROM unnest(ARRAY[
	'v2;cox;p=1;x=1;0,1,0:1,1,0', 'v2;cox;p=1;x=1;0,1:1,1,0', 'v2;cox;p=1;x=1;0,1,0:1,1', 'v2;cox;p=1;x=1;-1,1,0:1,1,0',
	'v2;cox;p=1;x=1;0.5,1,0:1,1,0', 'v2;cox;p=1;x=1;0,2,0:1,1,0;0,1,0:1,1,0', 'v2;cox;p=1;x=1;0,1,0:1,2,0',
	'v2;cox;p=1;x=1;0,1,0:0,0,1;0,2,0:1,1,0', 'v2;cox;p=1;x=1;0,1,0:0,0,2;0,2,0:1,1,0', 'v2;cox;p=1;x=1;0,1,0:0,0,0',
	'v2;cox;p=1;x=1;0,1,0:0,0,1;1,2,0:1,0,0',
	'v2;cox;p=1;strata="a","b";x=1;0,1,0:0,0,1;1,2,0:1,0,0',
	-- the patterns: sorted, each once, each used, numbered from 0; at least one
	'v2;cox;p=1;x=1;x=0;0,1,0:1,1,0;0,1,1:1,0,0', 'v2;cox;p=1;x=1;x=1;0,1,0:1,1,0;0,1,1:1,1,0',
	'v2;cox;p=1;x=0;x=1;0,1,0:1,1,0', 'v2;cox;p=1;x=1;0,1,1:1,1,0', 'v2;cox;p=1;x=1;0,1,0.5:1,1,0',
	'v2;cox;p=1;0,1,0:1,1,0', 'v2;cox;p=2;x=1;0,1,0:1,1,0', 'v2;cox;p=1;x=NaN;0,1,0:1,1,0',
	'v2;cox;p=0;x=;0,1,0:2,1,0',
	-- format version 1 of a cox model (never released) is not read
	'v1;cox;p=1;0,1,1:1,1,0'
]) AS input;

-- disclosure control: jobreg.min_cell withholds tables of models resting on
-- fewer persons: rows, rows with and without the event (logistic), and the
-- rows with 1 and with 0 of every 0/1 covariate
SELECT sum((sex = 1)::int) AS sex1, sum(h3) AS h3_1, count(*) FILTER (WHERE y) AS events
FROM reg_rows WHERE y IS NOT NULL AND sex IS NOT NULL AND h2 IS NOT NULL AND h3 IS NOT NULL AND age IS NOT NULL;
SET jobreg.min_cell = 67;
SELECT count(*) AS terms, count(estimate) AS shown FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'));
SET jobreg.min_cell = 66;
SELECT count(*) AS terms, count(estimate) AS shown FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'));
SET jobreg.min_cell = 250;
SELECT count(*) AS terms, count(estimate) AS shown FROM coef_table((SELECT r FROM reg_models WHERE model = 'L0'));
SELECT * FROM regression_fit((SELECT r FROM reg_models WHERE model = 'L0'));
SET jobreg.min_cell = 200;
SELECT count(*) AS terms, count(estimate) AS shown FROM coef_table((SELECT r FROM reg_models WHERE model = 'L0'));
SELECT n, events, iterations, converged FROM regression_fit((SELECT r FROM reg_models WHERE model = 'L0'));
-- a Cox model needs min_cell events (415 here)
SET jobreg.min_cell = 416;
SELECT count(*) AS terms, count(estimate) AS shown FROM coef_table((SELECT cox(weeks, event, ARRAY[age]) FROM reg_cox));
SET jobreg.min_cell = 415;
SELECT count(*) AS terms, count(estimate) AS shown FROM coef_table((SELECT cox(weeks, event, ARRAY[age]) FROM reg_cox));
RESET jobreg.min_cell;

-- bad input, each an error with a SQLSTATE
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT logistic(y, x) FROM (VALUES (true, '{1,2}'::float8[]), (false, '{1}')) AS v(y, x)$$,
	$$SELECT logistic(true, ARRAY['NaN'::float8])$$,
	$$SELECT logistic(true, ARRAY['Infinity'::float8, 1])$$,
	$$SELECT logistic(true, '{{1,2},{3,4}}'::float8[])$$,
	$$SELECT logistic(true, array_fill(1::float8, ARRAY[65]))$$,
	$$SELECT poisson(1, 0, '{1}')$$,
	$$SELECT poisson(1, -2, '{1}')$$,
	$$SELECT poisson(1, 'NaN', '{1}')$$,
	$$SELECT poisson(-1, 1, '{1}')$$,
	$$SELECT poisson('Infinity', 1, '{1}')$$,
	$$SELECT logistic(true, ARRAY[g::float8]) FROM generate_series(1, 250001) AS g$$,
	$$SELECT regression_merge(r) FROM reg_models WHERE model IN ('L1', 'P1')$$,
	$$SELECT regression_merge(r) FROM reg_models WHERE model IN ('L1', 'L0')$$,
	$$SELECT * FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'), '{a,b}')$$,
	$$SELECT * FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'), conf_level => 1)$$,
	$$SELECT * FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'), conf_level => NULL)$$,
	$$SELECT * FROM coef_table((SELECT r FROM reg_models WHERE model = 'L1'), ties => 'exact')$$,
	$$SELECT predict((SELECT r FROM reg_models WHERE model = 'L1'), '{1,2}')$$,
	$$SELECT logistic_trans(NULL, true, '{1}')$$,
	$$SELECT regression_combine(NULL, NULL)$$
]) AS q;

-- corrupt text input
SELECT input, pg_temp.err_detail(format('SELECT %L::regression', input)) AS result
FROM unnest(ARRAY[
	'', 'v1', 'v2;logistic;p=0;:1,1', 'v1;probit;p=0;:1,1', 'v1;logistic;p=0', 'v1;logistic;p=65;:1,1',
	'v1;logistic;p=1;1:1,1;1:2,1', 'v1;logistic;p=1;2:1,1;1:2,1', 'v1;logistic;p=1;1:1,2',
	'v1;logistic;p=1;1:1.5,1', 'v1;logistic;p=1;1:0,0', 'v1;logistic;p=1;NaN:1,1', 'v1;logistic;p=1;1:1,1x',
	'v1;logistic;p=1;1:1', 'v1;logistic;p=2;1:1,1', 'v1;logistic;p=1;1e999:1,1', 'v1;poisson;p=0;:1,1,1,0,0',
	'v1;poisson;p=0;sums=0,0,0,0,0;:1,1,0,0,0', 'v1;poisson;p=0;sums=0,0,0,0,0;:1,-1,1,0,0',
	'v1;poisson;p=0;sums=0,0,0,0,2;:1,1,1,0,0', 'v1;poisson;p=0;sums=0,0,0,0,0.5;:1,1,1,0,0',
	'v1;poisson;p=0;sums=0,0,0,0,0;:1,1.5,1,0,0', 'v1;poisson;p=0;sums=0,0,0,0,0;:1,1,99999999999999999999999999999999999999999,0,0'
]) AS input;
-- -0 reads as 0; the smallest valid values (a poisson sum is in units of 2^-60)
SELECT 'v1;logistic;p=1;-0:1,0'::regression, 'v1;poisson;p=0;sums=0,0,0,0,0;:1,0,1,0,0'::regression;
SELECT poisson(1, 1, '{}') AS one_event_in_one_unit;

-- corrupt binary input: header, kind, p, counts and values are checked
SELECT n, pg_temp.recv(payload) AS result FROM unnest(ARRAY[
	'\x'::bytea, '\x0101'::bytea,
	'\x0201000000000001' || float8send(1) || float8send(0),
	'\x0109000000000001' || float8send(1) || float8send(0),
	'\x0101004100000001' || float8send(1) || float8send(0),
	'\x0101000000000002' || float8send(1) || float8send(0),
	'\x0101000000000001' || float8send(1),
	'\x0101000000000001' || float8send(1) || float8send(2),
	'\x0101000100000001' || float8send('NaN') || float8send(1) || float8send(0),
	'\x0101000100000002' || float8send(2) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0),
	'\x0101000000000001' || float8send(1) || float8send(0),
	-- poisson: four fixed-point global sums (int8 high, low), rows with non-integer events,
	-- then rows, events, exposure (0 here), and the two sums with 0.1
	'\x0102000000000001' || decode(repeat('00', 64), 'hex') || float8send(0) || float8send(1)
		|| int8send(0) || int8send(5) || decode(repeat('00', 48), 'hex'),
	'\x0102000000000001' || decode(repeat('00', 64), 'hex') || float8send(0) || float8send(1)
		|| int8send(0) || int8send(5) || int8send(0) || int8send(7) || decode(repeat('00', 32), 'hex')
]) WITH ORDINALITY AS t(payload, n);

-- Stratified Cox (R's coxph(Surv(weeks, event) ~ x + strata(region))):
-- a baseline hazard per region; rows with a NULL region are skipped
CREATE TABLE reg_strata_models AS
SELECT 'CS1' AS model, cox(weeks, event, ARRAY[sex, h2, h3, age], region) AS r, 'efron' AS ties FROM reg_cox_strata
UNION ALL SELECT 'CS1b', cox(weeks, event, ARRAY[sex, h2, h3, age], region), 'breslow' FROM reg_cox_strata;
SELECT m.model, count(*) AS terms, count(c.estimate) AS estimated,
	   count(*) FILTER (WHERE NOT (pg_temp.near(c.estimate, f.estimate, 1e-8)
		   AND pg_temp.near(c.std_err, f.std_err, 1e-8) AND pg_temp.near(c.statistic, f.statistic, 1e-8)
		   AND pg_temp.near(c.p_value, f.p_value, 1e-8) AND pg_temp.near(c.lower, f.lower, 1e-8)
		   AND pg_temp.near(c.upper, f.upper, 1e-8))) AS off_1e8
FROM reg_strata_models m
	 CROSS JOIN LATERAL coef_table(m.r, '{sex,h2,h3,age}', ties => m.ties) AS c
	 FULL JOIN (SELECT * FROM reg_ref_coef WHERE model LIKE 'CS%') AS f ON f.model = m.model AND f.term = c.term
GROUP BY m.model ORDER BY m.model;
SELECT f.model, (r.n = f.n) AS n, (r.events = f.events) AS events,
	   pg_temp.near(r.loglik, f.loglik, 1e-8) AS loglik, pg_temp.near(r.null_loglik, f.null_loglik, 1e-8) AS null_loglik,
	   pg_temp.near(r.aic, f.aic, 1e-8) AS aic, r.iterations = f.iterations AS iterations, r.converged
FROM reg_strata_models m CROSS JOIN LATERAL regression_fit(m.r) r JOIN reg_ref_fit f ON f.model = m.model
WHERE m.model = 'CS1';
-- the strata matter here: the fit differs from the unstratified one
SELECT round(a.estimate::numeric, 4) AS stratified, round(b.estimate::numeric, 4) AS unstratified
FROM coef_table((SELECT r FROM reg_strata_models WHERE model = 'CS1')) a
	 JOIN coef_table((SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox_strata WHERE region IS NOT NULL)) b USING (term)
WHERE term = 'x1';
-- one stratum is the unstratified model
SELECT bool_and(pg_temp.near(a.estimate, b.estimate, 1e-12) AND pg_temp.near(a.std_err, b.std_err, 1e-12)) AS one_stratum_is_none
FROM coef_table((SELECT cox(weeks, event, ARRAY[sex, age], 'alle') FROM reg_cox)) a
	 JOIN coef_table((SELECT cox(weeks, event, ARRAY[sex, age]) FROM reg_cox)) b USING (term);
-- the state: labels in byte order, entries numbered by them, against plain SQL
SELECT r::text = (SELECT 'v2;cox;p=1;strata=' || (SELECT string_agg(format('"%s"', region), ',' ORDER BY region COLLATE "C")
													FROM (SELECT DISTINCT region FROM reg_cox_strata
														  WHERE region IS NOT NULL AND weeks IS NOT NULL AND sex IS NOT NULL) AS l)
						 || ';' || (SELECT string_agg(format('x=%s', sex), ';' ORDER BY sex)
									FROM (SELECT DISTINCT sex FROM reg_cox_strata
										  WHERE region IS NOT NULL AND weeks IS NOT NULL AND event IS NOT NULL
												AND sex IS NOT NULL) AS d)
						 || ';' || string_agg(format('%s,%s,%s:%s,%s,0', s - 1, weeks, k - 1, n, e), ';' ORDER BY s, weeks, sex)
				  FROM (SELECT dense_rank() OVER (ORDER BY region COLLATE "C") AS s, weeks, sex,
							   dense_rank() OVER (ORDER BY sex) AS k, n, e
						FROM (SELECT region, weeks, sex, count(*) AS n, count(*) FILTER (WHERE event) AS e FROM reg_cox_strata
							  WHERE weeks IS NOT NULL AND event IS NOT NULL AND sex IS NOT NULL AND region IS NOT NULL
							  GROUP BY 1, 2, 3) AS g) AS g) AS plain_sql
FROM (SELECT cox(weeks, event, ARRAY[sex], region) AS r FROM reg_cox_strata) AS s;
SELECT cox(t, e, ARRAY[x], s) FROM (VALUES (2::float8, true, 1::float8, 'b'), (1, false, 0, 'a"\'), (2, true, 1, NULL),
	(3, true, 0, 'b'), (1, true, 1, '')) AS v(t, e, x, s);
SELECT 'v2;cox;p=1;strata="","a\"\\","b";x=0;x=1;0,1,1:1,1,0;1,1,0:1,0,0;2,2,1:1,1,0;2,3,0:1,1,0'::regression::text AS escaped;
-- merge law (any split, labels met in any order), round trips, parallel = serial
SELECT regression_merge(part ORDER BY k DESC)::text = (SELECT r::text FROM reg_strata_models WHERE model = 'CS1') AS merged_equals_whole
FROM (SELECT id % 4 AS k, cox(weeks, event, ARRAY[sex, h2, h3, age], region) AS part FROM reg_cox_strata GROUP BY id % 4) AS p;
SELECT regression_merge(part)::text = (SELECT r::text FROM reg_strata_models WHERE model = 'CS1') AS by_region_merged_equals_whole
FROM (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age], region) AS part FROM reg_cox_strata GROUP BY region) AS p;
SELECT model, r::text::regression::text = r::text AS text_round_trip,
	   pg_temp.recv(regression_send(r)) = r::text AS binary_round_trip
FROM reg_strata_models ORDER BY model;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT cox(age, y, ARRAY[sex], band::text) FROM reg_big;
CREATE TABLE reg_strata_parallel AS SELECT cox(age, y, ARRAY[sex], band::text) AS c FROM reg_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT c::text = (SELECT cox(age, y, ARRAY[sex], band::text) FROM reg_big)::text AS stratified_parallel_equals_serial
FROM reg_strata_parallel;
RESET max_parallel_workers_per_gather;
-- bad input
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT regression_merge(r) FROM (SELECT r FROM reg_strata_models WHERE model = 'CS1' UNION ALL SELECT r FROM reg_cox_models WHERE model = 'C1') AS s$$,
	$$SELECT cox(1, true, '{1}', repeat('x', 1001))$$,
	$$SELECT cox(1, true, ARRAY[1], g::text) FROM generate_series(1, 10001) AS g$$,
	$$SELECT cox('NaN', true, '{1}', 'a')$$
]) AS q;
SELECT input, pg_temp.err_detail(format('SELECT %L::regression', input)) AS result
FROM unnest(ARRAY[
	'v2;cox;p=1;strata="b","a";x=1;0,1,0:1,1,0;1,1,0:1,1,0', 'v2;cox;p=1;strata="a","a";x=1;0,1,0:1,1,0;1,1,0:1,1,0',
	'v2;cox;p=1;strata="a","b";x=1;0,1,0:1,1,0', 'v2;cox;p=1;strata="a";x=1;1,1,0:1,1,0', 'v2;cox;p=1;strata="a;x=1;0,1,0:1,1,0',
	'v2;cox;p=1;strata=a;x=1;0,1,0:1,1,0', 'v2;cox;p=1;strata="a",;x=1;0,1,0:1,1,0', 'v1;logistic;p=1;strata="a";1:1,1',
	'v2;cox;p=1;x=1;1,1,0:1,1,0'
]) AS input;
SELECT n, pg_temp.recv(payload) AS result FROM unnest(ARRAY[
	-- format 2, one pattern (x 1), one entry (stratum 0, time 1, pattern 0: 1 row, 1 event), then the strata
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0)
		|| int4send(1) || int4send(1) || '\x61'::bytea,
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0)
		|| int4send(1) || int4send(2) || '\x61'::bytea,
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0)
		|| int4send(2) || int4send(1) || '\x61'::bytea,
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0)
		|| int4send(1) || int4send(1) || '\x6162'::bytea,
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0)
		|| '\x00'::bytea,
	'\x0101000100000001' || float8send(1) || float8send(1) || float8send(0) || int4send(1) || int4send(1) || '\x61'::bytea,
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0)
		|| int4send(1) || int4send(1) || '\x00'::bytea
]) WITH ORDINALITY AS t(payload, n);
-- corrupt binary cox payloads: the pattern count and the patterns
SELECT n, pg_temp.recv(payload) AS result FROM unnest(ARRAY[
	'\x0203000100000001' || int4send(0) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0),
	'\x0203000100000001' || int4send(2) || float8send(1) || float8send(0) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(0),
	'\x0203000100000001' || int4send(1) || float8send(1) || float8send(0) || float8send(1) || float8send(1) || float8send(1) || float8send(1) || float8send(0),
	'\x0203000100000001' || int4send(1),
	'\x0103000100000001' || float8send(0) || float8send(1) || float8send(1) || float8send(1) || float8send(1) || float8send(0)
]) WITH ORDINALITY AS t(payload, n);

-- Incremental rollups: regression_subtract (a - b) takes the rows of b out
-- of a, giving exactly (text-identical) the state of the remaining rows;
-- patterns, times and strata left without rows leave the state.
SELECT model, (whole - part)::text = rest::text AS subtract_equals_rest,
	   regression_subtract(whole, part)::text = rest::text AS by_name
FROM (VALUES
	('L1', (SELECT logistic(y, ARRAY[sex, h2, h3, age]) FROM reg_rows),
		   (SELECT logistic(y, ARRAY[sex, h2, h3, age]) FROM reg_rows WHERE id % 3 = 0),
		   (SELECT logistic(y, ARRAY[sex, h2, h3, age]) FROM reg_rows WHERE id % 3 <> 0)),
	('L1 all of sex 1', (SELECT logistic(y, ARRAY[sex, h2, h3, age]) FROM reg_rows),
		   (SELECT logistic(y, ARRAY[sex, h2, h3, age]) FROM reg_rows WHERE sex = 1),
		   (SELECT logistic(y, ARRAY[sex, h2, h3, age]) FROM reg_rows WHERE sex IS DISTINCT FROM 1)),
	('P1 (float exposures)', (SELECT poisson(events, exposure, ARRAY[sex, h2, h3, age]) FROM reg_rows),
		   (SELECT poisson(events, exposure, ARRAY[sex, h2, h3, age]) FROM reg_rows WHERE id % 4 = 1),
		   (SELECT poisson(events, exposure, ARRAY[sex, h2, h3, age]) FROM reg_rows WHERE id % 4 <> 1)),
	('C1', (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox),
		   (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox WHERE id % 3 = 0),
		   (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox WHERE id % 3 <> 0)),
	('C1 all of the last weeks', (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox),
		   (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox WHERE weeks > 20),
		   (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox WHERE NOT weeks > 20)),
	('D1', (SELECT cox(entry, exit, event, ARRAY[sex, h2, h3, age]) FROM reg_cox_entry),
		   (SELECT cox(entry, exit, event, ARRAY[sex, h2, h3, age]) FROM reg_cox_entry WHERE id % 2 = 0),
		   (SELECT cox(entry, exit, event, ARRAY[sex, h2, h3, age]) FROM reg_cox_entry WHERE id % 2 <> 0)),
	('CS1 a whole region', (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age], region) FROM reg_cox_strata),
		   (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age], region) FROM reg_cox_strata
			WHERE region = (SELECT min(region) FROM reg_cox_strata) OR id % 5 = 0),
		   (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age], region) FROM reg_cox_strata
			WHERE NOT (region = (SELECT min(region) FROM reg_cox_strata) OR id % 5 = 0)))
) AS t(model, whole, part, rest)
ORDER BY model;
-- the fit of what is left is the fit of the remaining rows
SELECT count(*) AS terms, count(*) FILTER (WHERE a.estimate = b.estimate AND a.std_err = b.std_err) AS identical
FROM coef_table((SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox)
				- (SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox WHERE id % 3 = 0)) a
	 JOIN coef_table((SELECT cox(weeks, event, ARRAY[sex, h2, h3, age]) FROM reg_cox WHERE id % 3 <> 0)) b USING (term);
-- all rows out: NULL (as the aggregate of no rows)
SELECT (r - r) IS NULL AS nothing_left FROM reg_cox_models WHERE model = 'C1';
SELECT (r - r) IS NULL AS nothing_left FROM reg_models WHERE model = 'P1';
-- what was not added cannot be taken out (22023), nor a model of another kind
SELECT pg_temp.err_detail(q) AS result FROM unnest(ARRAY[
	$$SELECT (SELECT logistic(y, ARRAY[sex]) FROM reg_rows WHERE id < 10) - (SELECT logistic(y, ARRAY[sex]) FROM reg_rows WHERE id < 20)$$,
	$$SELECT 'v1;logistic;p=1;0:2,1'::regression - 'v1;logistic;p=1;0:1,0;1:1,0'::regression$$,
	$$SELECT 'v1;logistic;p=1;0:2,1'::regression - 'v1;logistic;p=1;0:1,1'::regression - 'v1;logistic;p=1;0:1,1'::regression$$,
	$$SELECT 'v1;logistic;p=1;0:2,1'::regression - 'v1;logistic;p=1;0:3,0'::regression$$,
	$$SELECT 'v1;logistic;p=1;0:2,1'::regression - 'v1;logistic;p=2;0,0:1,0'::regression$$,
	$$SELECT 'v1;logistic;p=1;0:2,1'::regression - 'v2;cox;p=1;x=0;0,1,0:1,0,0'::regression$$,
	$$SELECT 'v2;cox;p=1;x=0;0,1,0:2,1,0'::regression - 'v2;cox;p=1;x=0;0,2,0:1,0,0'::regression$$,
	$$SELECT 'v2;cox;p=1;x=0;0,1,0:2,1,0'::regression - 'v2;cox;p=1;x=0;0,1,0:1,0,0'::regression - 'v2;cox;p=1;x=0;0,1,0:1,0,0'::regression$$,
	$$SELECT 'v2;cox;p=1;x=0;0,1,0:0,0,1;0,2,0:1,1,0'::regression - 'v2;cox;p=1;x=0;0,2,0:1,1,0'::regression$$,
	$$SELECT 'v2;cox;p=1;strata="a";x=0;0,1,0:2,1,0'::regression - 'v2;cox;p=1;strata="b";x=0;0,1,0:1,0,0'::regression$$,
	$$SELECT 'v2;cox;p=1;strata="a";x=0;0,1,0:2,1,0'::regression - 'v2;cox;p=1;x=0;0,1,0:1,0,0'::regression$$
]) AS q;

-- Moving-aggregate mode: in a window whose frame start moves, rows leave
-- the state exactly; every frame's state is the one its rows give.
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE m.l::text IS NOT DISTINCT FROM (SELECT logistic(y, ARRAY[sex, h2, age]) FROM reg_rows r
															  WHERE r.id BETWEEN m.id - 24 AND m.id)::text) AS logistic_same,
	   count(*) FILTER (WHERE m.p::text IS NOT DISTINCT FROM (SELECT poisson(events, exposure, ARRAY[sex, h2, age]) FROM reg_rows r
															  WHERE r.id BETWEEN m.id - 24 AND m.id)::text) AS poisson_same
FROM (SELECT id, logistic(y, ARRAY[sex, h2, age]) OVER w AS l, poisson(events, exposure, ARRAY[sex, h2, age]) OVER w AS p
	  FROM reg_rows WINDOW w AS (ORDER BY id ROWS BETWEEN 24 PRECEDING AND CURRENT ROW)) AS m;
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE m.c::text IS NOT DISTINCT FROM (SELECT cox(weeks, event, ARRAY[sex, age]) FROM reg_cox r
															  WHERE r.id BETWEEN m.id - 30 AND m.id)::text) AS cox_same
FROM (SELECT id, cox(weeks, event, ARRAY[sex, age]) OVER (ORDER BY id ROWS BETWEEN 30 PRECEDING AND CURRENT ROW) AS c
	  FROM reg_cox) AS m;
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE m.c::text IS NOT DISTINCT FROM (SELECT cox(entry, exit, event, ARRAY[sex, age]) FROM reg_cox_entry r
															  WHERE r.id BETWEEN m.id - 30 AND m.id)::text) AS cox_entry_same
FROM (SELECT id, cox(entry, exit, event, ARRAY[sex, age]) OVER (ORDER BY id ROWS BETWEEN 30 PRECEDING AND CURRENT ROW) AS c
	  FROM reg_cox_entry) AS m;
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE m.c::text IS NOT DISTINCT FROM (SELECT cox(weeks, event, ARRAY[sex, age], region) FROM reg_cox_strata r
															  WHERE r.id BETWEEN m.id - 30 AND m.id)::text) AS cox_strata_same
FROM (SELECT id, cox(weeks, event, ARRAY[sex, age], region) OVER (ORDER BY id ROWS BETWEEN 30 PRECEDING AND CURRENT ROW) AS c
	  FROM reg_cox_strata) AS m;
-- regression_merge over stored states, by window: the states of the last three parts
CREATE TEMP TABLE reg_parts AS
SELECT id % 10 AS part, cox(weeks, event, ARRAY[sex, age]) AS r FROM reg_cox GROUP BY id % 10;
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE m.r::text = (SELECT cox(weeks, event, ARRAY[sex, age]) FROM reg_cox
										   WHERE id % 10 BETWEEN m.part - 2 AND m.part)::text) AS merge_same
FROM (SELECT part, regression_merge(r) OVER (ORDER BY part ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS r
	  FROM reg_parts) AS m;
-- a frame whose rows all have a NULL is NULL, as the aggregate of them
SELECT id, logistic(y, ARRAY[x]) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r
FROM (VALUES (1, true, 1::float8), (2, NULL, 1), (3, true, NULL), (4, false, 0)) AS v(id, y, x);
