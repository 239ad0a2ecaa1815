-- jobreg upgrade script: 0.1.0 -> 0.2.0, run by ALTER EXTENSION jobreg UPDATE.
--
-- It brings a database made with 0.1.0's install script to what 0.2.0's install
-- script (sql/install/*.sql) creates.  Every object added or changed in sql/install
-- between the tags v0.1.0 and v0.2.0 needs its statement here; the shared library
-- keeps every C symbol that 0.1.0's script names.  The statements are added with
-- the changes themselves.

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jobreg UPDATE TO '0.2.0'" to load this file. \quit
