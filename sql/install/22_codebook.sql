
/* ---------- codebooks: code -> benefit group ---------- */

CREATE TABLE codebook (
	codebook text NOT NULL,
	code int4 NOT NULL CHECK (code >= 0),
	gruppe text NOT NULL,
	label text,
	priority int4,
	shipped bool NOT NULL DEFAULT false,
	PRIMARY KEY (codebook, code)
);
COMMENT ON TABLE codebook IS 'weekly codes and their benefit groups, one codebook per source; the rows of codebook ''synthetic'' are invented codes shipped for demos and tests, not DREAM codes';
COMMENT ON COLUMN codebook.codebook IS 'name of the codebook, e.g. ''synthetic'' or the name you load the official DREAM list under';
COMMENT ON COLUMN codebook.code IS 'the weekly code (0 means no code and needs no row)';
COMMENT ON COLUMN codebook.gruppe IS 'benefit group (ydelsesgruppe) the code belongs to';
COMMENT ON COLUMN codebook.label IS 'what the code means';
COMMENT ON COLUMN codebook.priority IS 'for overlaps in one week: the lower number wins';
COMMENT ON COLUMN codebook.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';

CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON codebook
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON codebook
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON codebook IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON codebook IS 'records shipped keys that leave the table in shipped_deleted';

-- The shipped rows are made by CREATE EXTENSION; users' rows, edited ones included, are dumped.
SELECT pg_catalog.pg_extension_config_dump('codebook', 'WHERE NOT shipped');

/*
 * The synthetic codebook: four-digit codes, so they cannot be taken for
 * DREAM's three-digit codes.  The priorities follow the order of Jobindsats'
 * status hierarchy (1 = a-dagpenge ... 18 = andet).
 */
INSERT INTO codebook (codebook, code, gruppe, label, priority, shipped)
SELECT c.*, true FROM (VALUES
	('synthetic', 1101, 'kontanthjælp aktivitetsparat', 'kontanthjælp, aktivitetsparat (synthetic code)', 5),
	('synthetic', 1102, 'kontanthjælp aktivitetsparat', 'kontanthjælp, aktivitetsparat, i tilbud (synthetic code)', 5),
	('synthetic', 1111, 'kontanthjælp jobparat', 'kontanthjælp, jobparat (synthetic code)', 5),
	('synthetic', 1112, 'kontanthjælp jobparat', 'kontanthjælp, jobparat, i tilbud (synthetic code)', 5),
	('synthetic', 1201, 'a-dagpenge', 'a-dagpenge (synthetic code)', 1),
	('synthetic', 1202, 'a-dagpenge', 'a-dagpenge, i tilbud (synthetic code)', 1),
	('synthetic', 1301, 'sygedagpenge', 'sygedagpenge (synthetic code)', 11),
	('synthetic', 1401, 'fleksjob', 'fleksjob (synthetic code)', 12),
	('synthetic', 1501, 'ledighedsydelse', 'ledighedsydelse (synthetic code)', 13),
	('synthetic', 1601, 'ressourceforløb', 'ressourceforløb (synthetic code)', 9),
	('synthetic', 1701, 'revalidering', 'revalidering (synthetic code)', 8),
	('synthetic', 1801, 'førtidspension', 'førtidspension (synthetic code)', 14),
	('synthetic', 1901, 'SU', 'SU, uddannelse (synthetic code)', 16),
	('synthetic', 1951, 'folkepension', 'folkepension (synthetic code)', 18),
	('synthetic', 1991, 'other', 'barsel, orlov og andet (synthetic code)', 18),
	('synthetic', 2121, 'uddannelseshjælp aktivitetsparat', 'uddannelseshjælp, aktivitetsparat (synthetic code)', 7),
	('synthetic', 2131, 'uddannelseshjælp uddannelsesparat', 'uddannelseshjælp, uddannelsesparat (synthetic code)', 7),
	('synthetic', 2141, 'integrationsydelse', 'integrationsydelse (synthetic code)', 6),
	('synthetic', 2151, 'overgangsydelse aktivitetsparat', 'overgangsydelse, aktivitetsparat (synthetic code)', 6),
	('synthetic', 2156, 'overgangsydelse jobparat', 'overgangsydelse, jobparat (synthetic code)', 6),
	('synthetic', 2161, 'selvforsørgelses- og hjemrejseydelse', 'selvforsørgelses- og hjemrejseydelse (synthetic code)', 6)
) AS c;

CREATE FUNCTION codes(codebook text, gruppe text) RETURNS int4[]
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION codes(text, text) IS 'the codes of a benefit group in a codebook, sorted; an error when there are none';
