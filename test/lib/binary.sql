\set binary_sql_echo :ECHO
\set ECHO none
--
-- test/lib/binary.sql: pg_temp.recv(payload) feeds a binary payload to the
-- receive function of the type named in the psql variable recv_type, by a
-- server-side binary COPY of a one-field file (written into the data
-- directory, as RECV_TYPE_recv.bin, with lo_export).  It returns the value as
-- text, or 'SQLSTATE: message (detail)'.  Use:
--   \set recv_type flow
--   \i test/lib/binary.sql
-- (pg_regress runs in the repository root.)
--
CREATE TEMP TABLE recv_target (v :recv_type);
CREATE FUNCTION pg_temp.recv(payload bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	lo oid;
	file text;
	detail text;
BEGIN
	SELECT t.typname || '_recv.bin' INTO file
	FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
	WHERE a.attrelid = 'pg_temp.recv_target'::regclass AND a.attnum = 1;
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0)
						   || int2send(1::int2) || int4send(length(payload)) || payload
						   || int2send(-1::int2));
	PERFORM lo_export(lo, file);
	PERFORM lo_unlink(lo);
	TRUNCATE pg_temp.recv_target;
	EXECUTE format('COPY pg_temp.recv_target FROM %L WITH (FORMAT binary)', file);
	RETURN (SELECT v::text FROM pg_temp.recv_target);
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END $$;
\set ECHO :binary_sql_echo
