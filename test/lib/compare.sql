\set compare_sql_echo :ECHO
\set ECHO none
--
-- test/lib/compare.sql: the one comparison of computed numbers the test files
-- use (\i test/lib/compare.sql; pg_regress runs in the repository root).
--
-- pg_temp.near(a, b, rel_tol, abs_tol) is true or false, never NULL, so that
-- "count(*) FILTER (WHERE NOT pg_temp.near(...))" counts a value that is
-- missing on one side instead of dropping the row:
--   both NULL                     equal    (R's NA against our NULL)
--   one NULL                      not equal
--   both NaN                      equal    (float8 '=' says so)
--   one NaN                       not equal
--   equal, infinities included    equal
--   one infinite, other not       not equal (the tolerance test would say
--                                 inf <= inf)
--   otherwise |a - b| <= greatest(abs_tol, rel_tol * greatest(|a|, |b|))
-- The default is a relative tolerance of 1e-10 and no absolute one.
--
-- Quiet (ECHO none, restored at the end): the expected outputs of pg_regress
-- show the \i line only, and pg_prove's TAP stream stays clean.
--
CREATE FUNCTION pg_temp.near(a float8, b float8, rel_tol float8 DEFAULT 1e-10, abs_tol float8 DEFAULT 0)
RETURNS bool LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
		WHEN a = b THEN true
		WHEN a = 'NaN' OR b = 'NaN' OR a IN ('Infinity', '-Infinity') OR b IN ('Infinity', '-Infinity') THEN false
		ELSE abs(a - b) <= greatest(abs_tol, rel_tol * greatest(abs(a), abs(b)))
	END
$$;
\set ECHO :compare_sql_echo
