--
-- codebook: codes(), the codes of a benefit group in a codebook table
-- (src/history/codebook.c)
--
\i test/lib/errors.sql

SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS aktivitetsparat, codes('synthetic', 'a-dagpenge') AS dagpenge;
SELECT gruppe, count(*) AS codes, min(priority) AS priority FROM codebook WHERE codebook = 'synthetic' GROUP BY gruppe ORDER BY gruppe;
SELECT pg_temp.err($$SELECT codes('synthetic', 'kontanthjaelp')$$) AS unknown_group,
	   pg_temp.err($$SELECT codes('dream', 'a-dagpenge')$$) AS unknown_codebook,
	   codes(NULL, 'SU') IS NULL AS null_in;
-- a codebook table of one's own on the search_path does not fool codes()
CREATE SCHEMA wl_trick;
CREATE TABLE wl_trick.codebook (codebook text, code int, gruppe text, label text, priority int);
INSERT INTO wl_trick.codebook VALUES ('synthetic', 666, 'SU', 'trick', 1);
SET search_path = wl_trick, public;
SELECT codes('synthetic', 'SU') AS su;
RESET search_path;
-- users' rows are dumped, the synthetic rows are the extension's own
SELECT c.relname, x.condition FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(tab, condition) JOIN pg_class c ON c.oid = x.tab
WHERE e.extname = 'jobreg' AND c.relname = 'codebook';
INSERT INTO codebook VALUES ('mine', 100, 'kontanthjælp', 'my own code', 5);
SELECT codes('mine', 'kontanthjælp');
SELECT pg_temp.err($$INSERT INTO codebook VALUES ('mine', -1, 'x', 'negative', 1)$$) AS negative_code;
-- codes() reads the table once per query, however many rows call it, and
-- again when the table may have changed: a PL/pgSQL expression evaluated
-- again after a change sees it
SELECT count(*) AS calls, count(DISTINCT codes('synthetic', 'a-dagpenge' || repeat('', i))) AS distinct_results,
	   count(*) FILTER (WHERE codes(CASE WHEN i % 2 = 0 THEN 'mine' ELSE 'synthetic' END, 'kontanthjælp' || CASE WHEN i % 2 = 0 THEN '' ELSE ' jobparat' END)
						= CASE WHEN i % 2 = 0 THEN '{100}'::int4[] ELSE '{1111,1112}' END) AS right_codes
FROM generate_series(1, 10000) AS i;
DO $$
DECLARE
	before int4[];
	after int4[];
BEGIN
	FOR k IN 1..2 LOOP
		before := codes('mine', 'kontanthjælp');
		INSERT INTO codebook VALUES ('mine', 100 + k, 'kontanthjælp', 'another code', 5);
		after := codes('mine', 'kontanthjælp');
		RAISE NOTICE 'before %, after %', before, after;
	END LOOP;
	DELETE FROM codebook WHERE codebook = 'mine' AND code > 100;
	RAISE NOTICE 'after the delete %', codes('mine', 'kontanthjælp');
END $$;
DELETE FROM codebook WHERE codebook = 'mine';
