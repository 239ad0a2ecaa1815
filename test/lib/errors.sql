\set errors_sql_echo :ECHO
\set ECHO none
--
-- test/lib/errors.sql: pg_temp.err(query) runs a query and returns
-- 'no error' or 'SQLSTATE: message', so that a test file can show many
-- errors in one result (\i test/lib/errors.sql; pg_regress runs in the
-- repository root).
--
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
\set ECHO :errors_sql_echo
