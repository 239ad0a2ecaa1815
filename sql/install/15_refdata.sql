
/* ---------- reference data: shipped rows and users' rows ---------- */

/*
 * The reference tables (codebook, tilbudstype, kommune, klynge) have a
 * column shipped that only this script and the upgrade scripts can set;
 * pg_dump dumps the other rows, the users'.  See src/core/refdata.c and the
 * README ("Reference data in pg_dump and restore").  The key functions are
 * declared with an ISO datestyle, so that a key with a date range is the
 * same jsonb in every session.
 */
CREATE FUNCTION reference_row_guard() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE PARALLEL UNSAFE
	SET datestyle = 'ISO, YMD';
CREATE FUNCTION reference_row_forget() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE PARALLEL UNSAFE
	SET datestyle = 'ISO, YMD';
CREATE FUNCTION shipped_deleted_apply() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION reference_row_guard() IS 'trigger before insert or update of a reference table: outside jobreg''s install and upgrade scripts every row becomes a user row (shipped = false), and an insert of the key of a shipped row replaces that row; in the scripts, a shipped row''s key is recorded in shipped_key';
COMMENT ON FUNCTION reference_row_forget() IS 'trigger after update or delete of a reference table: a key of shipped_key that leaves the table (deleted, or the row given another key) is recorded in shipped_deleted';
COMMENT ON FUNCTION shipped_deleted_apply() IS 'trigger after insert into shipped_deleted: deletes the shipped row of that key, as a restore must (foreign key checks wait for the end of the statement)';

CREATE TABLE shipped_key (
	table_name text NOT NULL CHECK (table_name IN ('codebook', 'tilbudstype', 'kommune', 'klynge')),
	row_key jsonb NOT NULL,
	PRIMARY KEY (table_name, row_key)
);
COMMENT ON TABLE shipped_key IS 'the keys of the reference rows the extension ships, written by its install and upgrade scripts (not dumped: CREATE EXTENSION makes it)';
COMMENT ON COLUMN shipped_key.table_name IS 'the reference table: codebook, tilbudstype, kommune or klynge';
COMMENT ON COLUMN shipped_key.row_key IS 'the primary key of the row, {"column": value, ...} (dates in ISO form)';

CREATE TABLE shipped_deleted (
	table_name text NOT NULL CHECK (table_name IN ('codebook', 'tilbudstype', 'kommune', 'klynge')),
	row_key jsonb NOT NULL,
	PRIMARY KEY (table_name, row_key)
);
COMMENT ON TABLE shipped_deleted IS 'keys of shipped reference rows that were deleted or given another key; dumped by pg_dump, and a row inserted here (as by a restore) deletes the shipped row of that key; delete a row here to have the shipped row back after the next restore';
COMMENT ON COLUMN shipped_deleted.table_name IS 'the reference table: codebook, tilbudstype, kommune or klynge';
COMMENT ON COLUMN shipped_deleted.row_key IS 'the primary key of the row, {"column": value, ...} as in shipped_key';

CREATE TRIGGER shipped_deleted_apply AFTER INSERT ON shipped_deleted
	FOR EACH ROW EXECUTE FUNCTION shipped_deleted_apply();
COMMENT ON TRIGGER shipped_deleted_apply ON shipped_deleted IS 'deletes the shipped row whose key is inserted';

SELECT pg_catalog.pg_extension_config_dump('shipped_deleted', '');
