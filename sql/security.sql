--
-- security: the install script runs as a superuser, so no object planted in
-- the target schema may capture its calls; everybody can read the reference
-- tables; and jobreg is a trusted extension: a non-superuser with CREATE on a
-- database can install it, and is then no superuser either.
--
SELECT current_database() AS regress_db \gset
CREATE ROLE regress_jobreg_mallory;
CREATE DATABASE regress_jobreg_security;
\c regress_jobreg_security

-- a schema where a less trusted role can create objects, and in it overloads
-- that match the install script's calls better than pg_catalog's do; each
-- makes its owner a superuser if the script calls it
CREATE SCHEMA trap AUTHORIZATION regress_jobreg_mallory;
SET ROLE regress_jobreg_mallory;
CREATE FUNCTION trap.daterange(text, text) RETURNS daterange LANGUAGE sql
	AS $$ ALTER ROLE regress_jobreg_mallory SUPERUSER; SELECT pg_catalog.daterange($1::date, $2::date) $$;
CREATE FUNCTION trap.isempty(daterange) RETURNS bool LANGUAGE sql
	AS $$ ALTER ROLE regress_jobreg_mallory SUPERUSER; SELECT pg_catalog.isempty($1) $$;
RESET ROLE;
CREATE EXTENSION jobreg SCHEMA trap;
SELECT rolsuper AS mallory_is_superuser FROM pg_roles WHERE rolname = 'regress_jobreg_mallory';
SELECT count(*) AS klynge_rows FROM trap.klynge;

-- a role without privileges of its own can use everything that reads the
-- reference tables, but not change them
CREATE ROLE regress_jobreg_analyst;
GRANT USAGE ON SCHEMA trap TO regress_jobreg_analyst;
SET ROLE regress_jobreg_analyst;
SET search_path = trap;
SELECT kommune_kode('Århus') AS kode, codes('synthetic', 'a-dagpenge') AS codes,
	   (SELECT count(*) FROM klynge) AS klynge_rows,
	   (aktivering('{[2015-01-01,2015-04-01)}', '[2015-01-01,2015-04-01)', 'virksomhedspraktik',
				   '[2015-01-01,2015-02-01)', 20)).aktiveringstimer;
INSERT INTO codebook VALUES ('mine', 1, 'x', NULL, 1);
UPDATE tilbudstype SET virksomhedsrettet = true WHERE kode = 'nytteindsats';
RESET search_path;
RESET ROLE;

-- a trusted installation by a non-superuser, who plants the same overloads
-- in its own schema first
CREATE ROLE regress_jobreg_installer;
CREATE DATABASE regress_jobreg_trusted;
GRANT CREATE ON DATABASE regress_jobreg_trusted TO regress_jobreg_installer;
\c regress_jobreg_trusted
SET ROLE regress_jobreg_installer;
CREATE SCHEMA mine;
CREATE FUNCTION mine.daterange(text, text) RETURNS daterange LANGUAGE sql
	AS $$ ALTER ROLE regress_jobreg_installer SUPERUSER; SELECT pg_catalog.daterange($1::date, $2::date) $$;
CREATE FUNCTION mine.isempty(daterange) RETURNS bool LANGUAGE sql
	AS $$ ALTER ROLE regress_jobreg_installer SUPERUSER; SELECT pg_catalog.isempty($1) $$;
CREATE EXTENSION jobreg SCHEMA mine;
SELECT e.extowner::regrole AS extension_owner, r.rolsuper AS tables_owned_by_a_superuser
FROM pg_extension e, pg_class c JOIN pg_roles r ON r.oid = c.relowner
WHERE e.extname = 'jobreg' AND c.oid = 'mine.codebook'::regclass;
SELECT rolsuper AS installer_is_superuser FROM pg_roles WHERE rolname = 'regress_jobreg_installer';
-- the installer adds its own rows and lets others do so
INSERT INTO mine.codebook VALUES ('dream', 1, 'a-dagpenge', NULL, 1);
SELECT mine.codes('dream', 'a-dagpenge'), mine.kommune_kode('Kbh.');
GRANT INSERT ON mine.codebook TO regress_jobreg_analyst;
RESET ROLE;

\c :regress_db
DROP DATABASE regress_jobreg_security;
DROP DATABASE regress_jobreg_trusted;
DROP ROLE regress_jobreg_mallory, regress_jobreg_analyst, regress_jobreg_installer;
