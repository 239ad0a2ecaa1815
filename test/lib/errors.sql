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
-- pg_temp.err_detail(query): the same with the error's detail, as
-- 'SQLSTATE: message (detail)' when there is one
CREATE FUNCTION pg_temp.err_detail(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END $$;
\set ECHO :errors_sql_echo
