--
-- The distribution functions pchisq, pt, qt and qnorm against R (reference
-- values from r/grouptest_reference.R in test/data/): the C functions behind
-- every test statistic of the extension.
--
\i test/lib/errors.sql
\i test/lib/compare.sql

-- distribution functions against R, to 2e-13 relative (the README states it)
CREATE TEMP TABLE r_dist (fn text, x float8, df float8, lower bool, value float8);
\copy r_dist FROM 'test/data/grouptest_dist.csv' WITH (FORMAT csv, HEADER true)
SELECT fn, count(*) AS points,
	   count(*) FILTER (WHERE NOT pg_temp.near(mine, value, 2e-13)) AS beyond_2e_13,
	   CASE WHEN fn IN ('pt', 'pchisq') THEN min(value) FILTER (WHERE value > 0) < 1e-200 END AS reaches_far_tail
FROM (SELECT fn, value,
			 CASE fn WHEN 'pt' THEN pt(x, df, lower) WHEN 'pchisq' THEN pchisq(x, df, lower)
					 WHEN 'qt' THEN qt(x, df) WHEN 'qnorm' THEN qnorm(x) END AS mine
	  FROM r_dist) AS d
GROUP BY fn ORDER BY fn;
-- pchisq's upper tail for df from 1e-16 to 0.1, to 1e-14 relative (the README states it)
CREATE TEMP TABLE r_small_df (x float8, df float8, value float8);
\copy r_small_df FROM 'test/data/grouptest_pchisq_small_df.csv' WITH (FORMAT csv, HEADER true)
SELECT count(*) AS points, count(*) FILTER (WHERE NOT pg_temp.near(pchisq(x, df, false), value, 1e-14)) AS beyond_1e_14
FROM r_small_df;

-- the boundaries: exact values, infinities, symmetry
SELECT pt(0, 5) AS half, pt('-infinity', 3) AS zero, pt('infinity', 3) AS one,
	   pg_temp.near(pt(1.5, 'infinity'), 0.93319279873114191, 1e-15) AS normal_limit,
	   pg_temp.near(pt(-2, 1), 0.5 - atan(2) / pi(), 1e-15) AS cauchy, pt(2, 7, false) = pt(-2, 7) AS symmetric,
	   pchisq(0, 3) AS at_zero, pchisq(-1, 3, false) AS below_zero, pchisq('infinity', 3) AS at_infinity,
	   pg_temp.near(pchisq(3.84, 1, false), 2 * pt(-sqrt(3.84), 'infinity'), 1e-14) AS chisq1_is_z2,
	   abs(pchisq(5, 2, false) - exp(-2.5)) < 1e-16 AS chisq2_is_exp,
	   qt(0, 4) AS q0, qt(1, 4) AS q1, qt(0.5, 4) AS q_half, pg_temp.near(qt(0.975, 1), tan(pi() * 0.475), 1e-14) AS cauchy_q,
	   qnorm(0.5) AS z_half, pg_temp.near(qt(0.3, 8), -qt(0.7, 8), 1e-14) AS q_symmetric,
	   pg_temp.near(pt(qt(0.01, 3.5), 3.5), 0.01, 1e-14) AS roundtrip;
SELECT pg_temp.err('SELECT pt(1, 0)') AS df_zero,
	   pg_temp.err($$SELECT pchisq(1, 'NaN')$$) AS df_nan,
	   pg_temp.err('SELECT qt(1.5, 3)') AS p_above_one,
	   pg_temp.err('SELECT qnorm(-0.1)') AS p_negative,
	   pt('NaN', 3) AS nan_in_nan_out;
SELECT pchisq(NULL, 1) IS NULL AND pt(1, NULL) IS NULL AND qt(NULL, 3) IS NULL AND qnorm(NULL) IS NULL AS strict_nulls;
