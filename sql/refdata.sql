--
-- reference data: shipped rows and users' rows (src/core/refdata.c)
--
SET datestyle = ISO;
\i test/lib/errors.sql

-- the shipped rows, their recorded keys, and what pg_dump dumps
SELECT t.table_name, t.rows, t.shipped, (SELECT count(*) FROM shipped_key k WHERE k.table_name = t.table_name) AS keys
FROM (SELECT 'codebook' AS table_name, count(*) AS rows, count(*) FILTER (WHERE shipped) AS shipped FROM codebook
	  UNION ALL SELECT 'tilbudstype', count(*), count(*) FILTER (WHERE shipped) FROM tilbudstype
	  UNION ALL SELECT 'kommune', count(*), count(*) FILTER (WHERE shipped) FROM kommune
	  UNION ALL SELECT 'klynge', count(*), count(*) FILTER (WHERE shipped) FROM klynge) t
ORDER BY 1;
SELECT c.relname, x.condition
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x (tab, condition)
JOIN pg_class c ON c.oid = x.tab
WHERE e.extname = 'jobreg' ORDER BY c.relname;
SELECT * FROM shipped_key WHERE table_name IN ('kommune', 'klynge') ORDER BY row_key::text LIMIT 3;
SELECT count(*) AS deleted FROM shipped_deleted;

BEGIN;
-- nobody but the scripts sets shipped: not on insert, not on update
INSERT INTO codebook (codebook, code, gruppe, label, priority, shipped)
VALUES ('synthetic', 7001, 'mine', 'tagged as the synthetic codebook, but mine', 1, true);
INSERT INTO kommune (kode, navn, region, kilde, shipped) VALUES (998, 'Prøveby', 'Sjælland', 'jobreg', true);
INSERT INTO tilbudstype VALUES ('mit tilbud', 'Mit tilbud', true, true, true);
UPDATE kommune SET shipped = true WHERE kode = 998;
SELECT codebook, code, shipped FROM codebook WHERE code = 7001;
SELECT kode, kilde, shipped FROM kommune WHERE kode = 998;
SELECT kode, standard, shipped FROM tilbudstype WHERE kode = 'mit tilbud';

-- an edited shipped row is a user row (dumped); the key stays, nothing is recorded as deleted
UPDATE codebook SET label = 'kontanthjælp, mit navn' WHERE codebook = 'synthetic' AND code = 1101;
UPDATE kommune SET navn = 'Københavns Kommune' WHERE kode = 101;
SELECT codebook, code, label, shipped FROM codebook WHERE code = 1101;
SELECT kode, navn, shipped, kommune_kode('Københavns Kommune') AS found FROM kommune WHERE kode = 101;
SELECT count(*) AS deleted FROM shipped_deleted;

-- an insert of a shipped key replaces the shipped row (as a restore does); a user row's key is still unique
INSERT INTO tilbudstype (kode, navn, virksomhedsrettet) VALUES ('nytteindsats', 'Nytteindsats', true);
SELECT kode, navn, virksomhedsrettet, standard, shipped FROM tilbudstype WHERE kode = 'nytteindsats';
SELECT pg_temp.err($$INSERT INTO tilbudstype (kode, navn, virksomhedsrettet) VALUES ('nytteindsats', 'igen', false)$$) AS user_key_again;
SELECT pg_temp.err($$INSERT INTO kommune (kode, navn, region) VALUES (147, 'Aalborg', 'Nordjylland')$$) AS unique_name;

-- deleted shipped keys are recorded: a shipped row, an edited one, one moved to
-- another key (a klynge row: a date range in the key, ISO whatever the datestyle);
-- a user row's key is not
SET datestyle = 'SQL, DMY';
DELETE FROM codebook WHERE codebook = 'synthetic' AND code IN (1991, 1101, 7001);
UPDATE klynge SET klynge = 'Aarhus og de andre' WHERE klynge = '6-byerne' AND kommunekode = 751;
DELETE FROM kommune WHERE kode = 998;
SELECT * FROM shipped_deleted ORDER BY table_name, row_key::text;
SELECT klynge, kommunekode, gyldig, shipped FROM klynge WHERE kommunekode = 751;
SET datestyle = ISO;

-- a key inserted into shipped_deleted deletes its shipped row; the foreign key
-- of klynge is checked at the end of the statement, so a kommune may come
-- before the klynge rows that name it
SELECT pg_temp.err($$INSERT INTO shipped_deleted VALUES ('kommune', '{"kode": 561}')$$) AS still_in_a_klynge;
INSERT INTO shipped_deleted
SELECT 'kommune', '{"kode": 561}'
UNION ALL
SELECT 'klynge', jsonb_build_object('maalgruppe', maalgruppe, 'klynge', klynge, 'kommunekode', kommunekode, 'gyldig', gyldig)
FROM klynge WHERE kommunekode = 561;
SELECT (SELECT count(*) FROM kommune WHERE kode = 561) AS kommune_561,
	   (SELECT count(*) FROM klynge WHERE kommunekode = 561) AS klynge_561,
	   (SELECT count(*) FROM shipped_deleted) AS deleted;
-- a deleted key of a user row is left alone; only the reference tables are named
INSERT INTO shipped_deleted VALUES ('tilbudstype', '{"kode": "nytteindsats"}');
SELECT kode, shipped FROM tilbudstype WHERE kode = 'nytteindsats';
SELECT pg_temp.err($$INSERT INTO shipped_deleted VALUES ('pg_class', '{"oid": 1}')$$) AS other_table;
ROLLBACK;

-- the triggers want to be the triggers they were declared as
SELECT pg_temp.err($$CREATE TEMP TABLE wrong (k int PRIMARY KEY, shipped bool);
	CREATE TRIGGER g AFTER INSERT ON wrong FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
	INSERT INTO wrong VALUES (1, true)$$) AS wrong_timing;
SELECT pg_temp.err($$CREATE TEMP TABLE noflag (k int PRIMARY KEY);
	CREATE TRIGGER g BEFORE INSERT ON noflag FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
	INSERT INTO noflag VALUES (1)$$) AS no_shipped_column;
