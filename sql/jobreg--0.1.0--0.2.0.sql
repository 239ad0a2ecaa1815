--
-- jobreg upgrade script: 0.1.0 -> 0.2.0, run by ALTER EXTENSION jobreg UPDATE.
--
-- It brings a database made with 0.1.0's install script to what 0.2.0's install
-- script (sql/install/*.sql) creates; scripts/run-dump-restore.sh checks that an
-- updated database and a fresh install define every object alike and hold the
-- same reference rows.  The shared library keeps every C symbol that 0.1.0's
-- script names.  This file is a record of one release step: it is not changed
-- when later versions change the install script.

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jobreg UPDATE TO '0.2.0'" to load this file. \quit

/* ---------- reference data: the shipped flag (15_refdata.sql) ---------- */

/*
 * The reference tables (codebook, tilbudstype, kommune, klynge) have a
 * column shipped that only this script and the upgrade scripts can set;
 * pg_dump dumps the other rows, the users'.  See src/refdata.c and the
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


ALTER TABLE codebook ADD COLUMN shipped bool NOT NULL DEFAULT false;
COMMENT ON COLUMN codebook.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';
CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON codebook
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON codebook
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON codebook IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON codebook IS 'records shipped keys that leave the table in shipped_deleted';

ALTER TABLE tilbudstype ADD COLUMN shipped bool NOT NULL DEFAULT false;
COMMENT ON COLUMN tilbudstype.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';
COMMENT ON COLUMN tilbudstype.standard IS 'true for the standard offer types of the official classification (the extension ships them); a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON tilbudstype
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON tilbudstype
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON tilbudstype IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON tilbudstype IS 'records shipped keys that leave the table in shipped_deleted';

ALTER TABLE kommune ADD COLUMN shipped bool NOT NULL DEFAULT false;
COMMENT ON COLUMN kommune.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';
COMMENT ON COLUMN kommune.kilde IS 'source of the row: jobreg for the rows the extension ships, bruger by default; a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON kommune
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON kommune
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON kommune IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON kommune IS 'records shipped keys that leave the table in shipped_deleted';

ALTER TABLE klynge ADD COLUMN shipped bool NOT NULL DEFAULT false;
COMMENT ON COLUMN klynge.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';
COMMENT ON COLUMN klynge.kilde IS 'source of the row: jobreg for the rows the extension ships, bruger by default; a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON klynge
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON klynge
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON klynge IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON klynge IS 'records shipped keys that leave the table in shipped_deleted';

/*
 * The rows 0.1.0 shipped, as its install script made them.  A row still as
 * shipped is marked shipped; the key of every one is recorded in shipped_key
 * (by the guard trigger, as the install script records them), also when the
 * user edited the row (it stays the user's); a shipped row the user deleted
 * (or gave another key) is made again and its key recorded in
 * shipped_deleted, which deletes it, as if it had been deleted under 0.2.0.
 */
CREATE TEMP TABLE jobreg_shipped_codebook (LIKE codebook INCLUDING DEFAULTS);
INSERT INTO pg_temp.jobreg_shipped_codebook (codebook, code, gruppe, label, priority) VALUES
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
	('synthetic', 1991, 'other', 'barsel, orlov og andet (synthetic code)', 18);
CREATE TEMP TABLE jobreg_shipped_tilbudstype (LIKE tilbudstype INCLUDING DEFAULTS);
INSERT INTO pg_temp.jobreg_shipped_tilbudstype (kode, navn, virksomhedsrettet, standard) VALUES
	('virksomhedspraktik', 'Virksomhedspraktik', true, true),
	('løntilskud privat', 'Ansættelse med løntilskud, privat arbejdsgiver', true, true),
	('løntilskud offentlig', 'Ansættelse med løntilskud, offentlig arbejdsgiver', true, true),
	('nytteindsats', 'Nytteindsats', false, true),
	('jobrotation', 'Jobrotation (ansættelse som vikar)', false, true),
	('vejledning og opkvalificering', 'Øvrig vejledning og opkvalificering', false, true),
	('ordinær uddannelse', 'Ordinær uddannelse', false, true);
CREATE TEMP TABLE jobreg_shipped_kommune (LIKE kommune INCLUDING DEFAULTS);
INSERT INTO pg_temp.jobreg_shipped_kommune (kode, navn, region, kilde)
SELECT kode, navn, region, 'jobreg'
FROM (VALUES
	(101, 'København', 'Hovedstaden'), (147, 'Frederiksberg', 'Hovedstaden'),
	(151, 'Ballerup', 'Hovedstaden'), (153, 'Brøndby', 'Hovedstaden'),
	(155, 'Dragør', 'Hovedstaden'), (157, 'Gentofte', 'Hovedstaden'),
	(159, 'Gladsaxe', 'Hovedstaden'), (161, 'Glostrup', 'Hovedstaden'),
	(163, 'Herlev', 'Hovedstaden'), (165, 'Albertslund', 'Hovedstaden'),
	(167, 'Hvidovre', 'Hovedstaden'), (169, 'Høje-Taastrup', 'Hovedstaden'),
	(173, 'Lyngby-Taarbæk', 'Hovedstaden'), (175, 'Rødovre', 'Hovedstaden'),
	(183, 'Ishøj', 'Hovedstaden'), (185, 'Tårnby', 'Hovedstaden'),
	(187, 'Vallensbæk', 'Hovedstaden'), (190, 'Furesø', 'Hovedstaden'),
	(201, 'Allerød', 'Hovedstaden'), (210, 'Fredensborg', 'Hovedstaden'),
	(217, 'Helsingør', 'Hovedstaden'), (219, 'Hillerød', 'Hovedstaden'),
	(223, 'Hørsholm', 'Hovedstaden'), (230, 'Rudersdal', 'Hovedstaden'),
	(240, 'Egedal', 'Hovedstaden'), (250, 'Frederikssund', 'Hovedstaden'),
	(260, 'Halsnæs', 'Hovedstaden'), (270, 'Gribskov', 'Hovedstaden'),
	(400, 'Bornholm', 'Hovedstaden'),
	(253, 'Greve', 'Sjælland'), (259, 'Køge', 'Sjælland'),
	(265, 'Roskilde', 'Sjælland'), (269, 'Solrød', 'Sjælland'),
	(306, 'Odsherred', 'Sjælland'), (316, 'Holbæk', 'Sjælland'),
	(320, 'Faxe', 'Sjælland'), (326, 'Kalundborg', 'Sjælland'),
	(329, 'Ringsted', 'Sjælland'), (330, 'Slagelse', 'Sjælland'),
	(336, 'Stevns', 'Sjælland'), (340, 'Sorø', 'Sjælland'),
	(350, 'Lejre', 'Sjælland'), (360, 'Lolland', 'Sjælland'),
	(370, 'Næstved', 'Sjælland'), (376, 'Guldborgsund', 'Sjælland'),
	(390, 'Vordingborg', 'Sjælland'),
	(410, 'Middelfart', 'Syddanmark'), (420, 'Assens', 'Syddanmark'),
	(430, 'Faaborg-Midtfyn', 'Syddanmark'), (440, 'Kerteminde', 'Syddanmark'),
	(450, 'Nyborg', 'Syddanmark'), (461, 'Odense', 'Syddanmark'),
	(479, 'Svendborg', 'Syddanmark'), (480, 'Nordfyns', 'Syddanmark'),
	(482, 'Langeland', 'Syddanmark'), (492, 'Ærø', 'Syddanmark'),
	(510, 'Haderslev', 'Syddanmark'), (530, 'Billund', 'Syddanmark'),
	(540, 'Sønderborg', 'Syddanmark'), (550, 'Tønder', 'Syddanmark'),
	(561, 'Esbjerg', 'Syddanmark'), (563, 'Fanø', 'Syddanmark'),
	(573, 'Varde', 'Syddanmark'), (575, 'Vejen', 'Syddanmark'),
	(580, 'Aabenraa', 'Syddanmark'), (607, 'Fredericia', 'Syddanmark'),
	(621, 'Kolding', 'Syddanmark'), (630, 'Vejle', 'Syddanmark'),
	(615, 'Horsens', 'Midtjylland'), (657, 'Herning', 'Midtjylland'),
	(661, 'Holstebro', 'Midtjylland'), (665, 'Lemvig', 'Midtjylland'),
	(671, 'Struer', 'Midtjylland'), (706, 'Syddjurs', 'Midtjylland'),
	(707, 'Norddjurs', 'Midtjylland'), (710, 'Favrskov', 'Midtjylland'),
	(727, 'Odder', 'Midtjylland'), (730, 'Randers', 'Midtjylland'),
	(740, 'Silkeborg', 'Midtjylland'), (741, 'Samsø', 'Midtjylland'),
	(746, 'Skanderborg', 'Midtjylland'), (751, 'Aarhus', 'Midtjylland'),
	(756, 'Ikast-Brande', 'Midtjylland'), (760, 'Ringkøbing-Skjern', 'Midtjylland'),
	(766, 'Hedensted', 'Midtjylland'), (779, 'Skive', 'Midtjylland'),
	(791, 'Viborg', 'Midtjylland'),
	(773, 'Morsø', 'Nordjylland'), (787, 'Thisted', 'Nordjylland'),
	(810, 'Brønderslev', 'Nordjylland'), (813, 'Frederikshavn', 'Nordjylland'),
	(820, 'Vesthimmerlands', 'Nordjylland'), (825, 'Læsø', 'Nordjylland'),
	(840, 'Rebild', 'Nordjylland'), (846, 'Mariagerfjord', 'Nordjylland'),
	(849, 'Jammerbugt', 'Nordjylland'), (851, 'Aalborg', 'Nordjylland'),
	(860, 'Hjørring', 'Nordjylland')
) AS k (kode, navn, region);
CREATE TEMP TABLE jobreg_shipped_klynge (LIKE klynge INCLUDING DEFAULTS);
INSERT INTO pg_temp.jobreg_shipped_klynge (maalgruppe, kommunekode, klynge, gyldig, kilde)
SELECT m.maalgruppe, k.kode, 'København 2015', pg_catalog.daterange('2014-04-01', '2016-01-01'), 'jobreg'
FROM (VALUES ('aktivitetsparate kontanthjælpsmodtagere'), ('fleksjobvisiterede'),
			 ('ressourceforløb'), ('revalidering')) AS m (maalgruppe),
	 (VALUES (101), (165), (153), (169), (183), (360)) AS k (kode)
UNION ALL
SELECT 'ledighedsydelse', k.kode, 'København 2015', pg_catalog.daterange('2014-04-01', '2016-01-01'), 'jobreg'
FROM (VALUES (101), (155), (190), (219), (269)) AS k (kode)
UNION ALL
SELECT 'alle', k.kode, '6-byerne', pg_catalog.daterange('2015-01-01', '2016-01-01'), 'jobreg'
FROM (VALUES (101), (751), (851), (461), (561), (730)) AS k (kode);
UPDATE codebook AS t SET shipped = true FROM pg_temp.jobreg_shipped_codebook AS s WHERE t.codebook = s.codebook AND t.code = s.code;
UPDATE codebook AS t SET shipped = false FROM pg_temp.jobreg_shipped_codebook AS s WHERE t.codebook = s.codebook AND t.code = s.code AND NOT (t.codebook, t.code, t.gruppe, t.label, t.priority) IS NOT DISTINCT FROM (s.codebook, s.code, s.gruppe, s.label, s.priority);
CREATE TEMP TABLE jobreg_missing_codebook AS
SELECT s.* FROM pg_temp.jobreg_shipped_codebook AS s WHERE NOT EXISTS (SELECT FROM codebook AS t WHERE t.codebook = s.codebook AND t.code = s.code);
UPDATE tilbudstype AS t SET shipped = true FROM pg_temp.jobreg_shipped_tilbudstype AS s WHERE t.kode = s.kode;
UPDATE tilbudstype AS t SET shipped = false FROM pg_temp.jobreg_shipped_tilbudstype AS s WHERE t.kode = s.kode AND NOT (t.kode, t.navn, t.virksomhedsrettet, t.standard) IS NOT DISTINCT FROM (s.kode, s.navn, s.virksomhedsrettet, s.standard);
CREATE TEMP TABLE jobreg_missing_tilbudstype AS
SELECT s.* FROM pg_temp.jobreg_shipped_tilbudstype AS s WHERE NOT EXISTS (SELECT FROM tilbudstype AS t WHERE t.kode = s.kode);
UPDATE kommune AS t SET shipped = true FROM pg_temp.jobreg_shipped_kommune AS s WHERE t.kode = s.kode;
UPDATE kommune AS t SET shipped = false FROM pg_temp.jobreg_shipped_kommune AS s WHERE t.kode = s.kode AND NOT (t.kode, t.navn, t.region, t.kilde) IS NOT DISTINCT FROM (s.kode, s.navn, s.region, s.kilde);
CREATE TEMP TABLE jobreg_missing_kommune AS
SELECT s.* FROM pg_temp.jobreg_shipped_kommune AS s WHERE NOT EXISTS (SELECT FROM kommune AS t WHERE t.kode = s.kode);
UPDATE klynge AS t SET shipped = true FROM pg_temp.jobreg_shipped_klynge AS s WHERE t.maalgruppe = s.maalgruppe AND t.klynge = s.klynge AND t.kommunekode = s.kommunekode AND t.gyldig = s.gyldig;
UPDATE klynge AS t SET shipped = false FROM pg_temp.jobreg_shipped_klynge AS s WHERE t.maalgruppe = s.maalgruppe AND t.klynge = s.klynge AND t.kommunekode = s.kommunekode AND t.gyldig = s.gyldig AND NOT (t.maalgruppe, t.kommunekode, t.klynge, t.gyldig, t.kilde) IS NOT DISTINCT FROM (s.maalgruppe, s.kommunekode, s.klynge, s.gyldig, s.kilde);
CREATE TEMP TABLE jobreg_missing_klynge AS
SELECT s.* FROM pg_temp.jobreg_shipped_klynge AS s WHERE NOT EXISTS (SELECT FROM klynge AS t WHERE t.maalgruppe = s.maalgruppe AND t.klynge = s.klynge AND t.kommunekode = s.kommunekode AND t.gyldig = s.gyldig);
CREATE TEMP TABLE jobreg_keys_before AS SELECT * FROM shipped_key;
INSERT INTO codebook (codebook, code, gruppe, label, priority, shipped) SELECT codebook, code, gruppe, label, priority, true FROM pg_temp.jobreg_missing_codebook;
INSERT INTO tilbudstype (kode, navn, virksomhedsrettet, standard, shipped) SELECT kode, navn, virksomhedsrettet, standard, true FROM pg_temp.jobreg_missing_tilbudstype;
INSERT INTO kommune (kode, navn, region, kilde, shipped) SELECT kode, navn, region, kilde, true FROM pg_temp.jobreg_missing_kommune;
INSERT INTO klynge (maalgruppe, kommunekode, klynge, gyldig, kilde, shipped) SELECT maalgruppe, kommunekode, klynge, gyldig, kilde, true FROM pg_temp.jobreg_missing_klynge;
-- the rows just made are shipped rows the user deleted: record their keys as
-- deleted, which deletes them again (shipped_deleted_apply)
INSERT INTO shipped_deleted SELECT * FROM shipped_key EXCEPT SELECT * FROM pg_temp.jobreg_keys_before;
DROP TABLE pg_temp.jobreg_keys_before;
DROP TABLE pg_temp.jobreg_shipped_codebook, pg_temp.jobreg_missing_codebook;
DROP TABLE pg_temp.jobreg_shipped_tilbudstype, pg_temp.jobreg_missing_tilbudstype;
DROP TABLE pg_temp.jobreg_shipped_kommune, pg_temp.jobreg_missing_kommune;
DROP TABLE pg_temp.jobreg_shipped_klynge, pg_temp.jobreg_missing_klynge;
SELECT pg_catalog.pg_extension_config_dump('codebook', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('tilbudstype', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('kommune', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('klynge', 'WHERE NOT shipped');

/*
 * shipped_key is written by the extension's scripts only.  Whoever deletes a
 * shipped reference row (or gives it another key) records it in
 * shipped_deleted, so needs INSERT there: grant it with DELETE on the tables.
 */
GRANT SELECT ON shipped_key, shipped_deleted TO PUBLIC;
GRANT INSERT, DELETE ON shipped_deleted TO @extowner@ WITH GRANT OPTION;

/* ---------- comments that name the new limits (doc/bounds.md) ---------- */
COMMENT ON FUNCTION logrank_final(logrank_state) IS 'the log-rank test of a logrank state, of at most 1,000 groups (doc/bounds.md)';
COMMENT ON AGGREGATE logrank(float8, bool, text) IS 'log-rank test that the groups have the same survival, as survdiff in R; at most 1,000 groups';
COMMENT ON AGGREGATE logrank(text, survival) IS 'log-rank test over stored survival states, one or more per group; at most 1,000 groups';
COMMENT ON FUNCTION surv_svg(survival[], text[], text, float8, float8, text, text, int4, int4) IS 'SVG image of labelled Kaplan-Meier curves with axes and a legend; the time axis ends between 1e-6 and 1e12 and has at most 200 ticks';
COMMENT ON FUNCTION cuminc_table(cuminc) IS 'cumulative incidence per cause with the variance of R''s cmprsk::cuminc, at every time with an event; honours jobreg.min_cell; at most 10 million rows (event times × causes)';
COMMENT ON FUNCTION pchisq(float8, float8, bool) IS 'chi-square distribution function, as R''s pchisq: P[X <= x], or P[X > x] when lower_tail is false; df at most 1e12';
COMMENT ON FUNCTION kommune_kode(text) IS 'the kommunekode of a municipality name, tolerant of case, æ/ø/å spellings, hyphens and a "Kommune" suffix; unknown names are an error listing the closest; names of at most 200 characters';

/* ---------- flows and recoding (37_flow.sql) ---------- */

/* ---------- flow: a cohort's weekly states from an origin week ---------- */

CREATE TYPE flow;

CREATE FUNCTION flow_in(cstring) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION flow_out(flow) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION flow_recv(internal) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION flow_send(flow) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE flow (
	INPUT = flow_in,
	OUTPUT = flow_out,
	RECEIVE = flow_recv,
	SEND = flow_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE flow IS 'a cohort''s weekly states from an origin week (persons per pair of weeks and codes, as a sparse difference array); mergeable';
COMMENT ON FUNCTION flow_in(cstring) IS 'flow input: v1;origin=<isoweek>;horizon=<weeks>;x,y,from>to:delta;...';
COMMENT ON FUNCTION flow_out(flow) IS 'flow output: v1;origin=<isoweek>;horizon=<weeks>;x,y,from>to:delta;...';
COMMENT ON FUNCTION flow_recv(internal) IS 'flow binary input: format version, origin, horizon, entries (x, y, from, to, delta)';
COMMENT ON FUNCTION flow_send(flow) IS 'flow binary output: format version, origin, horizon, entries (x, y, from, to, delta)';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION flow_trans(flow, weekline, isoweek, int4) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_combine(flow, flow) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION flow_trans(flow, weekline, isoweek, int4) IS 'transition function of the flow aggregate: adds one person''s weeks from the origin';
COMMENT ON FUNCTION flow_combine(flow, flow) IS 'combine function of flow and flow_merge: adds the entries of two states of the same origin and horizon';

-- Moving-aggregate mode (a window frame whose start moves): rows leaving the
-- frame are taken out of the state, exactly (entries are whole numbers).
CREATE FUNCTION flow_msfunc(flow, weekline, isoweek, int4) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_msfunc(flow, flow) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_mcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_minvfunc(flow, weekline, isoweek, int4) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_minvfunc(flow, flow) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_minvcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_mfinal(flow) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION flow_msfunc(flow, weekline, isoweek, int4) IS 'moving-aggregate transition function of flow(history, origin, horizon)';
COMMENT ON FUNCTION flow_msfunc(flow, flow) IS 'moving-aggregate transition function of flow_merge';
COMMENT ON FUNCTION flow_minvfunc(flow, weekline, isoweek, int4) IS 'moving-aggregate inverse transition of flow(history, origin, horizon): takes a person out, exactly';
COMMENT ON FUNCTION flow_minvfunc(flow, flow) IS 'moving-aggregate inverse transition of flow_merge: takes a state out, exactly';
COMMENT ON FUNCTION flow_mfinal(flow) IS 'moving-aggregate final function of flow and flow_merge: the state, NULL when the frame holds no row';

CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE,
	MSFUNC = flow_msfunc, MINVFUNC = flow_minvfunc, MSTYPE = flow,
	MFINALFUNC = flow_mfinal
);
CREATE AGGREGATE flow_merge(flow) (
	SFUNC = flow_combine,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE,
	MSFUNC = flow_msfunc, MINVFUNC = flow_minvfunc, MSTYPE = flow,
	MFINALFUNC = flow_mfinal
);

COMMENT ON AGGREGATE flow(weekline, isoweek, int4) IS 'the weekly states of a cohort from the origin week to origin + horizon; histories ending earlier are right-censored, histories not covering the origin contribute nothing';
COMMENT ON AGGREGATE flow_merge(flow) IS 'merges flow states of disjoint cohorts with the same origin and horizon';

/* The codebook's groups applied inside the aggregate: no weekline built per row */
CREATE FUNCTION flow_trans(flow, weekline, isoweek, int4, text) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_trans_codebook' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION flow_trans(flow, weekline, isoweek, int4, text) IS 'transition function of flow(history, origin, horizon, codebook): adds one person''s weeks from the origin, codes mapped to the codebook''s groups';
CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4, codebook text) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE flow(weekline, isoweek, int4, text) IS 'flow(weekline_recode(history, codebook), origin, horizon) without building a weekline per row: the codes mapped to the codebook''s groups as they are read (up to the horizon)';

/* The inverse of merging: incremental rollups take persons' old weeks out */
CREATE FUNCTION flow_subtract(a flow, b flow) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = flow, RIGHTARG = flow, FUNCTION = flow_subtract);
COMMENT ON FUNCTION flow_subtract(flow, flow) IS 'the flow of the persons of a that are not persons of b: exactly what aggregating them gives; 22023 when b is not part of a';
COMMENT ON OPERATOR - (flow, flow) IS 'flow_subtract: the flow without the persons of the right-hand flow';

CREATE FUNCTION flow_table(f flow, OUT week int4, OUT code int4, OUT persons float8,
						   OUT share float8, OUT std_err float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 500;
CREATE FUNCTION flow_transitions(f flow, from_week int4, to_week int4,
								 OUT from_code int4, OUT to_code int4, OUT persons float8,
								 OUT share float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 25;
CREATE FUNCTION flow_mean_weeks(f flow, code int4) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION flow_table(flow) IS 'per week and code: persons observed, Aalen-Johansen state occupation probability and its Greenwood-type standard error; honours jobreg.min_cell';
COMMENT ON FUNCTION flow_transitions(flow, int4, int4) IS 'among persons observed in both weeks: persons per code in from_week and code in to_week, with row shares; honours jobreg.min_cell';
COMMENT ON FUNCTION flow_mean_weeks(flow, int4) IS 'expected weeks in a code from the origin week to the horizon (restricted mean time in state); honours jobreg.min_cell';

CREATE FUNCTION weekline_recode(w weekline, from_codes int4[], to_codes int4[]) RETURNS weekline
	AS 'MODULE_PATHNAME', 'weekline_recode' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_recode(w weekline, codebook text) RETURNS weekline
	AS 'MODULE_PATHNAME', 'weekline_recode_codebook' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION weekline_recode(weekline, int4[], int4[]) IS 'the weekline with code from_codes[i] replaced by to_codes[i]; other codes kept';
COMMENT ON FUNCTION weekline_recode(weekline, text) IS 'the weekline with each code replaced by the number of its group in the codebook (groups numbered 1, 2, ... by their smallest code; 0 kept)';

/* ---------- monthly employment and status histories (21_monthline.sql) ---------- */

/* ---------- monthline: one person's monthly employment (grad, branche), run-length encoded ---------- */

CREATE TYPE monthline;

CREATE FUNCTION monthline_in(cstring) RETURNS monthline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monthline_out(monthline) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monthline_recv(internal) RETURNS monthline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monthline_send(monthline) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE monthline (
	INPUT = monthline_in,
	OUTPUT = monthline_out,
	RECEIVE = monthline_recv,
	SEND = monthline_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE monthline IS 'one person''s monthly employment over a span of months: per month a grad (employment degree, 0-1000 or missing) and a branche (industry code or missing), run-length encoded; written ''v1 2008-01 -/-x3 37/471100x12'' or ''v1 empty''';
COMMENT ON FUNCTION monthline_in(cstring) IS 'monthline input: v1, first month YYYY-MM and GRAD/BRANCHExMONTHS runs (- for missing), or v1 empty';
COMMENT ON FUNCTION monthline_out(monthline) IS 'monthline output: v1, first month YYYY-MM and GRAD/BRANCHExMONTHS runs (- for missing), or v1 empty';
COMMENT ON FUNCTION monthline_recv(internal) IS 'monthline binary input: uint8 version, int4 runs, int4 first month, int4 grad, branche (-1 missing) and length per run';
COMMENT ON FUNCTION monthline_send(monthline) IS 'monthline binary output: uint8 version, int4 runs, int4 first month, int4 grad, branche (-1 missing) and length per run';

/* equality and hashing (GROUP BY, DISTINCT, hash joins); monthlines have no order */

CREATE FUNCTION monthline_eq(monthline, monthline) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION monthline_ne(monthline, monthline) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION monthline_hash(monthline) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION monthline_hash_extended(monthline, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION monthline_eq(monthline, monthline) IS 'implementation of = for monthline';
COMMENT ON FUNCTION monthline_ne(monthline, monthline) IS 'implementation of <> for monthline';
COMMENT ON FUNCTION monthline_hash(monthline) IS 'hash of a monthline';
COMMENT ON FUNCTION monthline_hash_extended(monthline, int8) IS 'seeded 64-bit hash of a monthline';

CREATE OPERATOR = (
	LEFTARG = monthline, RIGHTARG = monthline, PROCEDURE = monthline_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR <> (
	LEFTARG = monthline, RIGHTARG = monthline, PROCEDURE = monthline_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);

COMMENT ON OPERATOR = (monthline, monthline) IS 'same span and the same grad and branche every month';
COMMENT ON OPERATOR <> (monthline, monthline) IS 'different span or a different grad or branche in some month';

CREATE OPERATOR CLASS monthline_hash_ops
	DEFAULT FOR TYPE monthline USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 monthline_hash(monthline),
		FUNCTION 2 monthline_hash_extended(monthline, int8);

COMMENT ON OPERATOR CLASS monthline_hash_ops USING hash IS 'default hash operator class for monthline';

CREATE FUNCTION monthline(first_month date, grads int4[], branches int4[] DEFAULT '{}') RETURNS monthline
	AS 'MODULE_PATHNAME', 'monthline_from_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION monthline(date, int4[], int4[]) IS 'the monthline from the month of first_month with grads[i] and branches[i] in month i (NULL elements are missing; an empty branches array: no branche)';

CREATE FUNCTION dream_monthline(header text, line text, delimiter text DEFAULT ';') RETURNS monthline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dream_monthline(text, text, text) IS 'monthline of one line of a DREAM-style file, read by its header: the grad_YYYY_MM / grad_YYMM and branche_YYYY_MM / branche_YYMM fields in any order (empty or . is missing); other fields are skipped';

CREATE FUNCTION grad_at(m monthline, year int4, month int4) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_grad_at_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION grad_at(m monthline, week isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_grad_at_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION branche_at(m monthline, year int4, month int4) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_branche_at_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION branche_at(m monthline, week isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_branche_at_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION first_month(monthline) RETURNS date
	AS 'MODULE_PATHNAME', 'monthline_first_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION last_month(monthline) RETURNS date
	AS 'MODULE_PATHNAME', 'monthline_last_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION months(monthline, OUT month date, OUT grad int4, OUT branche int4) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'monthline_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;

COMMENT ON FUNCTION grad_at(monthline, int4, int4) IS 'the grad (employment degree) of a month; NULL when missing or outside the span';
COMMENT ON FUNCTION grad_at(monthline, isoweek) IS 'the grad of the month a week belongs to (the month of its Thursday); NULL when missing or outside the span';
COMMENT ON FUNCTION branche_at(monthline, int4, int4) IS 'the branche (industry code) of a month; NULL when missing or outside the span';
COMMENT ON FUNCTION branche_at(monthline, isoweek) IS 'the branche of the month a week belongs to (the month of its Thursday); NULL when missing or outside the span';
COMMENT ON FUNCTION first_month(monthline) IS 'the first month of the span (its first day); NULL when empty';
COMMENT ON FUNCTION last_month(monthline) IS 'the last month of the span (its first day); NULL when empty';
COMMENT ON FUNCTION months(monthline) IS 'one row per month of the span: month (its first day), grad and branche (NULL when missing)';

CREATE FUNCTION status_history(benefits weekline, employment monthline, codebook text,
							   education text[] DEFAULT '{}', min_grad int4 DEFAULT 1) RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION status_states(codebook text, education text[] DEFAULT '{}',
							  OUT state int4, OUT label text) RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION status_history(weekline, monthline, text, text[], int4) IS 'the weekly states of a person: 0 no benefit code and no grad of at least min_grad in the week''s month (self-supported without registered income), 1 no code and a grad of at least min_grad (job), 2 a code of an education group, 3 no code and the month outside the monthline, 10 + g a code of benefit group g of the codebook';
COMMENT ON FUNCTION status_states(text, text[]) IS 'the states of status_history with the codebook and education groups, and what each is';

/* ---------- offers over time (46_tilbud.sql) ---------- */

/* ---------- offers (tilbud) over time ---------- */

CREATE FUNCTION offer_weeks(offers datemultirange, period weekrange) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION offer_gaps(offers datemultirange, exempt datemultirange, within daterange,
						   OUT gap daterange, OUT days int4, OUT net_days int4) RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
CREATE FUNCTION longest_without_offer(offers datemultirange, exempt datemultirange, within daterange) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION offer_weeks(datemultirange, weekrange) IS 'weeks of the period with an offer on at least one day (DREAM''s one-day rule)';
COMMENT ON FUNCTION offer_gaps(datemultirange, datemultirange, daterange) IS 'the periods of within without an offer day: the gap, its days, and its days net of exemption days';
COMMENT ON FUNCTION longest_without_offer(datemultirange, datemultirange, daterange) IS 'the longest period of within without an offer, in days net of exemption days; 0 when offers cover within, NULL for an empty within';
/* ---------- adjusted comparisons (issue 17): smr, match_nearest, paired tests, stratified logrank, gray_test ---------- */

CREATE FUNCTION smr(observed float8, expected float8, conf_level float8 DEFAULT 0.95,
					OUT ratio float8, OUT lower float8, OUT upper float8, OUT p_value float8)
	RETURNS record
	AS 'MODULE_PATHNAME', 'smr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION smr(float8, float8, float8) IS 'standardized ratio observed / expected with the exact Poisson confidence interval and two-sided p-value, as R''s poisson.test(observed, T = expected)';

-- Not STRICT: a NULL caliper means none (a NULL array gives no rows).
CREATE FUNCTION match_nearest(ids int8[], treated bool[], scores float8[], caliper float8 DEFAULT NULL,
							  OUT treated_id int8, OUT control_id int8, OUT distance float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'match_nearest' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION match_nearest(int8[], bool[], float8[], float8) IS 'greedy 1:1 nearest-neighbour matching on a score without replacement, treated units from the largest score down, as MatchIt''s matchit(method = "nearest", m.order = "largest", replace = FALSE); units with a NULL are left out';

CREATE TYPE mcnemar_result AS (
	statistic float8,
	df int4,
	p_value float8,
	treated_only float8,
	control_only float8,
	pairs float8
);
COMMENT ON TYPE mcnemar_result IS 'result of mcnemar: chi-square statistic, df and p-value as R''s mcnemar.test, the discordant pairs (outcome in the treated unit only, in the control only) and all pairs';

CREATE FUNCTION mcnemar_trans(float8[], bool, bool) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mcnemar_trans(float8[], bool, bool, bool) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mcnemar_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mcnemar_final(float8[]) RETURNS mcnemar_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mcnemar_trans(float8[], bool, bool) IS 'mcnemar transition: counts the pair in its cell of the 2 x 2 table';
COMMENT ON FUNCTION mcnemar_trans(float8[], bool, bool, bool) IS 'mcnemar transition: counts the pair in its cell of the 2 x 2 table and keeps the correction, which all rows must share';
COMMENT ON FUNCTION mcnemar_combine(float8[], float8[]) IS 'mcnemar combine: adds the cells of two partial states';
COMMENT ON FUNCTION mcnemar_final(float8[]) IS 'mcnemar final: the test, NULL without pairs';

CREATE AGGREGATE mcnemar(treated_outcome bool, control_outcome bool) (
	SFUNC = mcnemar_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = mcnemar_combine,
	FINALFUNC = mcnemar_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE mcnemar(treated_outcome bool, control_outcome bool, correct bool) (
	SFUNC = mcnemar_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = mcnemar_combine,
	FINALFUNC = mcnemar_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE mcnemar(bool, bool) IS 'McNemar''s test of a binary outcome over matched pairs (one row per pair), with the continuity correction, as R''s mcnemar.test';
COMMENT ON AGGREGATE mcnemar(bool, bool, bool) IS 'McNemar''s test of a binary outcome over matched pairs (one row per pair), with the continuity correction when correct is true, as R''s mcnemar.test(correct = )';

CREATE TYPE paired_t_result AS (
	difference float8,
	conf_low float8,
	conf_high float8,
	statistic float8,
	df float8,
	p_value float8,
	std_err float8,
	sd float8,
	n int8
);
COMMENT ON TYPE paired_t_result IS 'result of paired_t: mean difference with confidence interval, t statistic, df and p-value, standard error, standard deviation of the differences and pairs, as R''s t.test(paired = TRUE)';

CREATE FUNCTION paired_t_trans(float8[], float8, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION paired_t_trans(float8[], float8, float8, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION paired_t_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION paired_t_final(float8[]) RETURNS paired_t_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION paired_t_trans(float8[], float8, float8) IS 'paired_t transition: updates the count, compensated sum and squared deviations of the differences x - y';
COMMENT ON FUNCTION paired_t_trans(float8[], float8, float8, float8) IS 'paired_t transition: updates the moments of the differences x - y and keeps the confidence level, which all rows must share';
COMMENT ON FUNCTION paired_t_combine(float8[], float8[]) IS 'paired_t combine: merges two partial states (Chan, Golub and LeVeque)';
COMMENT ON FUNCTION paired_t_final(float8[]) IS 'paired_t final: the test, NULL without pairs';

CREATE AGGREGATE paired_t(x float8, y float8) (
	SFUNC = paired_t_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = paired_t_combine,
	FINALFUNC = paired_t_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE paired_t(x float8, y float8, conf_level float8) (
	SFUNC = paired_t_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0,0,0}',
	COMBINEFUNC = paired_t_combine,
	FINALFUNC = paired_t_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE paired_t(float8, float8) IS 'paired t-test of x - y over matched pairs (one row per pair), 95 % interval, as R''s t.test(x, y, paired = TRUE)';
COMMENT ON AGGREGATE paired_t(float8, float8, float8) IS 'paired t-test of x - y over matched pairs (one row per pair) with the given confidence level, as R''s t.test(x, y, paired = TRUE, conf.level = )';

-- logrank: strata (32_logrank.sql); stratified states are format version 2, unstratified ones stay version 1
COMMENT ON TYPE logrank_state IS 'state of the logrank aggregate: a survival state per group, or per stratum and group';
COMMENT ON FUNCTION logrank_state_in(cstring) IS 'logrank_state input: v1|"label":survival|..., stratified v2|"stratum","label":survival|...';
COMMENT ON FUNCTION logrank_state_out(logrank_state) IS 'logrank_state output: v1|"label":survival|..., stratified v2|"stratum","label":survival|...';
CREATE FUNCTION logrank_sfunc(logrank_state, float8, bool, text, text) RETURNS logrank_state
	AS 'MODULE_PATHNAME', 'logrank_sfunc_strata' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION logrank_sfunc(logrank_state, float8, bool, text, text) IS 'transition function of logrank(duration, event, grp, strata)';
CREATE AGGREGATE logrank(duration float8, event bool, grp text, strata text) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, FINALFUNC = logrank_final,
	COMBINEFUNC = logrank_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE logrank(float8, bool, text, text) IS 'stratified log-rank test that the groups have the same survival within strata, as survdiff(Surv(t, e) ~ g + strata(s)) in R; at most 1,000 stratum-group cells';

CREATE TYPE gray_state;

CREATE FUNCTION gray_state_in(cstring) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION gray_state_out(gray_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION gray_state_recv(internal) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION gray_state_send(gray_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE gray_state (
	INPUT = gray_state_in,
	OUTPUT = gray_state_out,
	RECEIVE = gray_state_recv,
	SEND = gray_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE gray_state IS 'state of the gray_test aggregate: persons leaving per group, time and cause (0 = censored); mergeable';
COMMENT ON FUNCTION gray_state_in(cstring) IS 'gray_state input: v1|"label"|...;time,group,cause,count;...';
COMMENT ON FUNCTION gray_state_out(gray_state) IS 'gray_state output: v1|"label"|...;time,group,cause,count;...';
COMMENT ON FUNCTION gray_state_recv(internal) IS 'gray_state binary input: format version, labels, entries (time, group, cause, count)';
COMMENT ON FUNCTION gray_state_send(gray_state) IS 'gray_state binary output: format version, labels, entries (time, group, cause, count)';

CREATE TYPE gray_test_result AS (cause int4, statistic float8, df int4, p_value float8);
COMMENT ON TYPE gray_test_result IS 'one cause''s Gray test: statistic, degrees of freedom and p-value, as a row of cmprsk::cuminc(...)$Tests';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION gray_test_trans(gray_state, float8, int4, text) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION gray_test_combine(gray_state, gray_state) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION gray_test_final(gray_state) RETURNS gray_test_result[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION gray_test_trans(gray_state, float8, int4, text) IS 'transition function of gray_test: counts the person under its group, time and cause';
COMMENT ON FUNCTION gray_test_combine(gray_state, gray_state) IS 'combine function of gray_test: adds the counts of two states';
COMMENT ON FUNCTION gray_test_final(gray_state) IS 'final function of gray_test: one test per cause, NULL with fewer than two groups';

CREATE AGGREGATE gray_test(duration float8, cause int4, grp text) (
	SFUNC = gray_test_trans,
	STYPE = gray_state,
	COMBINEFUNC = gray_test_combine,
	FINALFUNC = gray_test_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE gray_test(float8, int4, text) IS 'Gray''s test (rho = 0) that the groups have the same cumulative incidence, one per cause (cause 0 = censored), as cmprsk::cuminc(ftime, fstatus, group)$Tests; an array of gray_test_result, unnest it for rows; at most 100 groups';
/* ---------- the chronogram of a flow (58_flow_svg.sql) ---------- */

/* ---------- flow_svg: the chronogram of a flow as an SVG image ---------- */

/* Not strict (title may be NULL); STABLE: the stacks honour jobreg.min_cell */
CREATE FUNCTION flow_svg(f flow, codes int4[], labels text[], title text DEFAULT NULL,
						 week_step int4 DEFAULT NULL,
						 x_label text DEFAULT 'uger efter startugen',
						 y_label text DEFAULT 'andel af personerne',
						 width int4 DEFAULT 720, height int4 DEFAULT 450)
	RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION flow_svg(flow, int4[], text[], text, int4, text, text, int4, int4) IS 'SVG chronogram of a flow: stacked state shares per week with a legend and the persons observed under the time axis; 1 to 14 states, every code of the flow listed, at most 200 ticks; cells withheld by jobreg.min_cell drawn as one grey band';

/* ---------- regression: mergeable logistic, Poisson and Cox models (27_regression.sql) ---------- */

/* ---------- regression: mergeable logistic, Poisson and Cox models ---------- */

CREATE TYPE regression;

CREATE FUNCTION regression_in(cstring) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION regression_out(regression) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION regression_recv(internal) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION regression_send(regression) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE regression (
	INPUT = regression_in,
	OUTPUT = regression_out,
	RECEIVE = regression_recv,
	SEND = regression_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE regression IS 'a logistic, Poisson or Cox model as sums per distinct covariate pattern (and time, for Cox); mergeable, fitted by the readers';
COMMENT ON FUNCTION regression_in(cstring) IS 'regression input: v1;<kind>;p=<p>[;sums=...];x1,...,xp:sums;... (v2;cox;p=<p>[;strata=...];x=x1,...,xp;...;stratum,time,pattern:sums;...)';
COMMENT ON FUNCTION regression_out(regression) IS 'regression output: v1;<kind>;p=<p>[;sums=...];x1,...,xp:sums;... (v2;cox;p=<p>[;strata=...];x=x1,...,xp;...;stratum,time,pattern:sums;...), sorted';
COMMENT ON FUNCTION regression_recv(internal) IS 'regression binary input: format version, kind, p, entries, (cox) the patterns, global sums, per entry key and sums';
COMMENT ON FUNCTION regression_send(regression) IS 'regression binary output: format version, kind, p, entries, (cox) the patterns, global sums, per entry key and sums';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION logistic_trans(regression, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION poisson_trans(regression, float8, float8, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_trans(regression, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_trans(regression, float8, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_trans_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_combine(regression, regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION logistic_trans(regression, bool, float8[]) IS 'transition function of the logistic aggregate: adds one row to its covariate pattern';
COMMENT ON FUNCTION poisson_trans(regression, float8, float8, float8[]) IS 'transition function of the poisson aggregate: adds one row to its covariate pattern';
COMMENT ON FUNCTION cox_trans(regression, float8, bool, float8[]) IS 'transition function of the cox aggregate: adds one row to its time and covariate pattern';
COMMENT ON FUNCTION cox_trans(regression, float8, float8, bool, float8[]) IS 'transition function of the cox aggregate with delayed entry: adds one row''s exit and entry';
COMMENT ON FUNCTION regression_combine(regression, regression) IS 'combine function of logistic, poisson, cox and regression_merge: adds the sums of two states of the same kind and p';

/*
 * Moving-aggregate mode (a window frame whose start moves): rows leaving the
 * frame are taken out of the state, exactly (see regression_subtract).
 */
CREATE FUNCTION logistic_msfunc(regression, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION logistic_minvfunc(regression, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION poisson_msfunc(regression, float8, float8, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION poisson_minvfunc(regression, float8, float8, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_msfunc(regression, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_msfunc(regression, float8, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_msfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_minvfunc(regression, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_minvfunc(regression, float8, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_minvfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_msfunc(regression, regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_minvfunc(regression, regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_mfinal(regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION logistic_msfunc(regression, bool, float8[]) IS 'moving-aggregate transition function of logistic';
COMMENT ON FUNCTION logistic_minvfunc(regression, bool, float8[]) IS 'moving-aggregate inverse transition of logistic: takes a row out, exactly';
COMMENT ON FUNCTION poisson_msfunc(regression, float8, float8, float8[]) IS 'moving-aggregate transition function of poisson';
COMMENT ON FUNCTION poisson_minvfunc(regression, float8, float8, float8[]) IS 'moving-aggregate inverse transition of poisson: takes a row out, exactly (fixed-point sums)';
COMMENT ON FUNCTION cox_msfunc(regression, float8, bool, float8[]) IS 'moving-aggregate transition function of cox(duration, event, x)';
COMMENT ON FUNCTION cox_msfunc(regression, float8, float8, bool, float8[]) IS 'moving-aggregate transition function of cox(entry, exit, event, x)';
COMMENT ON FUNCTION cox_minvfunc(regression, float8, bool, float8[]) IS 'moving-aggregate inverse transition of cox(duration, event, x): takes a row out, exactly';
COMMENT ON FUNCTION cox_minvfunc(regression, float8, float8, bool, float8[]) IS 'moving-aggregate inverse transition of cox(entry, exit, event, x): takes a row out, exactly';
COMMENT ON FUNCTION regression_msfunc(regression, regression) IS 'moving-aggregate transition function of regression_merge';
COMMENT ON FUNCTION regression_minvfunc(regression, regression) IS 'moving-aggregate inverse transition of regression_merge: takes a state out, exactly';
COMMENT ON FUNCTION regression_mfinal(regression) IS 'moving-aggregate final function of the regression aggregates: the state, NULL when the frame holds no row';

CREATE AGGREGATE logistic(y bool, x float8[]) (
	SFUNC = logistic_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = logistic_msfunc, MINVFUNC = logistic_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE poisson(events float8, exposure float8, x float8[]) (
	SFUNC = poisson_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = poisson_msfunc, MINVFUNC = poisson_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE cox(duration float8, event bool, x float8[]) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = cox_msfunc, MINVFUNC = cox_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE cox(entry float8, exit float8, event bool, x float8[]) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = cox_msfunc, MINVFUNC = cox_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE regression_merge(regression) (
	SFUNC = regression_combine,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = regression_msfunc, MINVFUNC = regression_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);

COMMENT ON AGGREGATE logistic(bool, float8[]) IS 'logistic regression of y on x with an intercept (R: glm(y ~ x, binomial)); rows with a NULL skipped';
COMMENT ON AGGREGATE poisson(float8, float8, float8[]) IS 'Poisson regression of events on x with an intercept and offset log(exposure) (R: glm(events ~ x + offset(log(exposure)), poisson)); rows with a NULL skipped';
COMMENT ON AGGREGATE cox(float8, bool, float8[]) IS 'Cox proportional hazards model of the duration and event on x (R: coxph(Surv(duration, event) ~ x)); rows with a NULL skipped';
COMMENT ON AGGREGATE cox(float8, float8, bool, float8[]) IS 'Cox proportional hazards model with delayed entry, at risk on (entry, exit] (R: coxph(Surv(entry, exit, event) ~ x)); rows with a NULL skipped';
COMMENT ON AGGREGATE regression_merge(regression) IS 'merges regression states of disjoint rows with the same kind and covariates';

/* The inverse of merging: incremental rollups take a person's old rows out */
CREATE FUNCTION regression_subtract(a regression, b regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = regression, RIGHTARG = regression, FUNCTION = regression_subtract);
COMMENT ON FUNCTION regression_subtract(regression, regression) IS 'the state of the rows of a that are not rows of b: exactly what aggregating them gives; NULL when no row is left';
COMMENT ON OPERATOR - (regression, regression) IS 'regression_subtract: the state without the rows of the right-hand state';

CREATE FUNCTION coef_table(r regression, names text[] DEFAULT NULL, conf_level float8 DEFAULT 0.95,
						   ties text DEFAULT 'efron',
						   OUT term text, OUT estimate float8, OUT std_err float8,
						   OUT statistic float8, OUT p_value float8, OUT lower float8, OUT upper float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 10;
CREATE FUNCTION regression_fit(r regression, OUT n int8, OUT events float8, OUT loglik float8,
							   OUT null_loglik float8, OUT deviance float8, OUT aic float8,
							   OUT iterations int4, OUT converged bool)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION predict(r regression, x float8[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'regression_predict' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION coef_table(regression, text[], float8, text) IS 'estimates, standard errors, z statistics, p-values and Wald intervals of a model (R: summary(glm)$coefficients, summary(coxph)$coefficients, confint.default); ties (efron, breslow) is for Cox models; honours jobreg.min_cell';
COMMENT ON FUNCTION regression_fit(regression) IS 'rows, events, log-likelihood of the model and of the intercept-only model, deviance, AIC, iterations and convergence (R: logLik, deviance, AIC); honours jobreg.min_cell';
COMMENT ON FUNCTION predict(regression, float8[]) IS 'the fitted probability (logistic), rate per unit of exposure (poisson) or relative hazard exp(x''b) (cox) at covariates x';

/* ---------- incremental rollups (issue 20): the inverse of the survival state (30_survival.sql) ---------- */

/*
 * Moving-aggregate mode (a window frame whose start moves): rows leaving the
 * frame are taken out of the state, exactly (see survival_subtract).
 */
CREATE FUNCTION survival_msfunc(survival, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_msfunc(survival, float8, bool, float8) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_msfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_msfunc(survival, float8, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_msfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_msfunc(survival, survival) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_mcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, float8, bool, float8) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_minvfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, float8, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_minvfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, survival) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_minvcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_mfinal(survival) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION survival_msfunc(survival, float8, bool) IS 'moving-aggregate transition function of survival(duration, event)';
COMMENT ON FUNCTION survival_msfunc(survival, float8, bool, float8) IS 'moving-aggregate transition function of survival(duration, event, weight)';
COMMENT ON FUNCTION survival_msfunc(survival, float8, float8, bool) IS 'moving-aggregate transition function of survival(entry, exit, event)';
COMMENT ON FUNCTION survival_msfunc(survival, survival) IS 'moving-aggregate transition function of survival_merge';
COMMENT ON FUNCTION survival_minvfunc(survival, float8, bool) IS 'moving-aggregate inverse transition of survival(duration, event): takes a row out';
COMMENT ON FUNCTION survival_minvfunc(survival, float8, bool, float8) IS 'moving-aggregate inverse transition of survival(duration, event, weight): takes a row out; NULL (aggregate afresh) once a fractional weight was added';
COMMENT ON FUNCTION survival_minvfunc(survival, float8, float8, bool) IS 'moving-aggregate inverse transition of survival(entry, exit, event): takes a row out';
COMMENT ON FUNCTION survival_minvfunc(survival, survival) IS 'moving-aggregate inverse transition of survival_merge: takes a state out; NULL (aggregate afresh) when a weighted count is not a whole number';
COMMENT ON FUNCTION survival_mfinal(survival) IS 'moving-aggregate final function of the survival aggregates: the state, NULL when the frame holds no row';

/*
 * Aggregates of 0.1.0 get their moving-aggregate mode in place (ALTER
 * AGGREGATE cannot add it, and dropping them would drop the user's views and
 * rollups that use them).  jobreg_upgrade_moving writes the catalog columns
 * that CREATE AGGREGATE writes for MSFUNC, MINVFUNC, MSTYPE, MINITCOND and
 * MFINALFUNC (a NULL msfunc or mfinalfunc: the aggregate's own SFUNC or
 * FINALFUNC), then makes the aggregate's dependencies on functions those of
 * its catalog row: one on every support function it names, none on a function
 * it no longer names.  Dropped at the end of this script.
 */
CREATE FUNCTION jobreg_upgrade_moving(agg regprocedure, msfunc regprocedure, minvfunc regprocedure,
									  mfinalfunc regprocedure, mstype regtype, minitval text)
RETURNS void LANGUAGE sql AS $fn$
	UPDATE pg_catalog.pg_aggregate
	SET aggmtransfn = coalesce(msfunc::oid, aggtransfn::oid)::regproc,
		aggminvtransfn = minvfunc::oid::regproc,
		aggmfinalfn = coalesce(mfinalfunc::oid, aggfinalfn::oid)::regproc,
		aggmtranstype = mstype, aggmtransspace = 0, aggminitval = minitval,
		aggmfinalextra = false, aggmfinalmodify = 'r'
	WHERE aggfnoid = agg;
	DELETE FROM pg_catalog.pg_depend AS d
	USING pg_catalog.pg_aggregate AS a
	WHERE a.aggfnoid = agg AND d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = agg::oid
	  AND d.refclassid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'n'
	  AND d.refobjid <> ALL (ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
								   a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn]::oid[]);
	INSERT INTO pg_catalog.pg_depend (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
	SELECT DISTINCT 'pg_catalog.pg_proc'::regclass, agg::oid, 0, 'pg_catalog.pg_proc'::regclass, f.fn, 0, 'n'
	FROM pg_catalog.pg_aggregate AS a,
		 unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
					  a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn]::oid[]) AS f (fn)
	WHERE a.aggfnoid = agg AND f.fn <> 0
	  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
					  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = agg::oid
						AND d.refclassid = 'pg_catalog.pg_proc'::regclass AND d.refobjid = f.fn);
$fn$;

/* The survival aggregates of 0.1.0 get their moving-aggregate mode in place */
SELECT jobreg_upgrade_moving(m.agg, m.msfunc, m.minvfunc, 'survival_mfinal(survival)', 'survival', NULL)
FROM (VALUES ('survival(float8, bool)'::regprocedure, 'survival_msfunc(survival, float8, bool)'::regprocedure,
			  'survival_minvfunc(survival, float8, bool)'::regprocedure),
			 ('survival(float8, bool, float8)', 'survival_msfunc(survival, float8, bool, float8)',
			  'survival_minvfunc(survival, float8, bool, float8)'),
			 ('survival(float8, float8, bool)', 'survival_msfunc(survival, float8, float8, bool)',
			  'survival_minvfunc(survival, float8, float8, bool)'),
			 ('survival_merge(survival)', 'survival_msfunc(survival, survival)',
			  'survival_minvfunc(survival, survival)')) AS m (agg, msfunc, minvfunc);

/* The inverse of merging: incremental rollups take a person's old rows out */
CREATE FUNCTION survival_subtract(a survival, b survival) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = survival, RIGHTARG = survival, FUNCTION = survival_subtract);
COMMENT ON FUNCTION survival_subtract(survival, survival) IS 'the state of the rows of a that are not rows of b: exactly what aggregating them gives (whole-number weights only); NULL when no row is left';
COMMENT ON OPERATOR - (survival, survival) IS 'survival_subtract: the state without the rows of the right-hand state';

/* ---------- incremental rollups (issue 20): the inverse of anciennitet_fordeling (45_anciennitet.sql) ---------- */

CREATE FUNCTION anciennitet_fordeling_inv(float8[], int4) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION anciennitet_fordeling_inv(float8[], int4) IS 'moving-aggregate inverse of anciennitet_fordeling: counts a person out (exact: whole-number counts)';
/* anciennitet_fordeling of 0.1.0 gets its moving-aggregate mode in place, as the survival aggregates above */
SELECT jobreg_upgrade_moving('anciennitet_fordeling(int4)', NULL, 'anciennitet_fordeling_inv(float8[], int4)',
							 NULL, 'float8[]', '{0,0,0,0,0,0,0,0}');
/* ---------- the decoding floor (20_weekline.sql) ---------- */

CREATE FUNCTION weekline_runs_count(weekline) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_runs_count(weekline) IS 'the number of runs (0 when empty); decodes every run: the benchmarks'' decoding floor';

/* ---------- the Kaplan-Meier state of weekline spells (31_spell_survival.sql) ---------- */

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION spell_survival_trans(survival, weekline, int4[], int4, weekrange) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION spell_survival_trans(survival, weekline, int4[], int4, weekrange) IS 'transition function of spell_survival: adds the spells of one history';

CREATE AGGREGATE spell_survival(history weekline, codes int4[], max_gap int4, started weekrange) (
	SFUNC = spell_survival_trans, STYPE = survival,
	COMBINEFUNC = survival_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE spell_survival(weekline, int4[], int4, weekrange) IS 'Kaplan-Meier state of the spells (as spells(history, codes, max_gap)) that start in started and not at the first week of the history: survival(weeks, NOT right_censored) without building rows';

/* ---------- fuldtidspersoner over several periods in one pass (40_fuldtid.sql) ---------- */


CREATE FUNCTION fuldtid_periods_trans(float8[], weekline, int4[], weekrange[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_inv(float8[], weekline, int4[], weekrange[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_final(float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_periods_persons(float8[]) RETURNS int8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fuldtid_periods_trans(float8[], weekline, int4[], weekrange[]) IS 'fuldtidspersoner_perioder transition: counts, per period, the weeks on the codes in it and whether the history is a person with such a week';
COMMENT ON FUNCTION fuldtid_periods_inv(float8[], weekline, int4[], weekrange[]) IS 'moving-aggregate inverse of fuldtidspersoner_perioder: takes a history out (exact: whole weeks)';
COMMENT ON FUNCTION fuldtid_periods_combine(float8[], float8[]) IS 'fuldtidspersoner_perioder combine: adds two partial states period by period';
COMMENT ON FUNCTION fuldtid_periods_final(float8[]) IS 'fuldtidspersoner_perioder final: per period its weeks ÷ its ISO weeks, NULL for no rows, a NULL element under jobreg.min_cell persons';
COMMENT ON FUNCTION fuldtid_periods_persons(float8[]) IS 'fuldtidspersoner_perioder_personer final: per period the persons with a week on the codes in it';

CREATE AGGREGATE fuldtidspersoner_perioder(wl weekline, codes int4[], periods weekrange[]) (
	SFUNC = fuldtid_periods_trans,
	STYPE = float8[],
	INITCOND = '{}',
	COMBINEFUNC = fuldtid_periods_combine,
	FINALFUNC = fuldtid_periods_final,
	MSFUNC = fuldtid_periods_trans,
	MINVFUNC = fuldtid_periods_inv,
	MSTYPE = float8[],
	MINITCOND = '{}',
	MFINALFUNC = fuldtid_periods_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_perioder(weekline, int4[], weekrange[]) IS 'fuldtidspersoner for several periods at once: element i equals fuldtidspersoner(wl, codes, periods[i]); each history read once';
CREATE AGGREGATE fuldtidspersoner_perioder_personer(wl weekline, codes int4[], periods weekrange[]) (
	SFUNC = fuldtid_periods_trans,
	STYPE = float8[],
	INITCOND = '{}',
	COMBINEFUNC = fuldtid_periods_combine,
	FINALFUNC = fuldtid_periods_persons,
	MSFUNC = fuldtid_periods_trans,
	MINVFUNC = fuldtid_periods_inv,
	MSTYPE = float8[],
	MINITCOND = '{}',
	MFINALFUNC = fuldtid_periods_persons,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_perioder_personer(weekline, int4[], weekrange[]) IS 'the persons behind fuldtidspersoner_perioder: per period the histories with at least one week on the codes in it';
/* ---------- disclosure control (05_disclosure.sql) ---------- */

/* ---------- disclosure control: the threshold in force ---------- */

CREATE FUNCTION min_cell_effective() RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION min_cell_effective() IS 'the disclosure threshold jobreg applies now: the largest of jobreg.min_cell, jobreg.min_cell_floor and the floor of jobreg.policy (0 = off)';

/* ---------- suppress_cells (59_suppress.sql) ---------- */

/* ---------- suppress_cells: primary and secondary suppression over hierarchies ---------- */

CREATE FUNCTION suppress_cells(cell_ids int8[], cell_persons int8[], relation_ids int8[], member_ids int8[],
							   min_persons int4 DEFAULT NULL, round_to int4 DEFAULT 0,
							   member_total bool[] DEFAULT NULL, audit bool DEFAULT true,
							   OUT cell int8, OUT persons int8, OUT withheld bool, OUT rule text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION suppress_report(cell_ids int8[], cell_persons int8[], relation_ids int8[], member_ids int8[],
								min_persons int4 DEFAULT NULL, round_to int4 DEFAULT 0,
								member_total bool[] DEFAULT NULL, audit bool DEFAULT true,
								OUT rule text, OUT cells int8, OUT persons int8, OUT smallest int8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 3;

COMMENT ON FUNCTION suppress_cells(int8[], int8[], int8[], int8[], int4, int4, bool[], bool) IS 'disclosure control of a set of published cells: primary (fewer persons than min_persons, default the threshold in force) and secondary suppression, so that no withheld cell can be computed from the published ones by solving the relations (a total and its parts) one at a time or all together; published counts rounded to round_to';
COMMENT ON FUNCTION suppress_report(int8[], int8[], int8[], int8[], int4, int4, bool[], bool) IS 'for output checkers: the cells, persons and smallest count withheld by the primary rule, by the secondary rule, and published, of suppress_cells with the same arguments';
/* ---------- regression: the stratified Cox model (27_regression.sql) ---------- */

CREATE FUNCTION cox_trans(regression, float8, bool, float8[], text) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_trans_strata' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cox_trans(regression, float8, bool, float8[], text) IS 'transition function of the stratified cox aggregate: adds one row to its stratum, time and covariate pattern';
CREATE FUNCTION cox_msfunc(regression, float8, bool, float8[], text) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_msfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_minvfunc(regression, float8, bool, float8[], text) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_minvfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cox_msfunc(regression, float8, bool, float8[], text) IS 'moving-aggregate transition function of cox(duration, event, x, strata)';
COMMENT ON FUNCTION cox_minvfunc(regression, float8, bool, float8[], text) IS 'moving-aggregate inverse transition of cox(duration, event, x, strata): takes a row out, exactly';
CREATE AGGREGATE cox(duration float8, event bool, x float8[], strata text) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = cox_msfunc, MINVFUNC = cox_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
COMMENT ON AGGREGATE cox(float8, bool, float8[], text) IS 'stratified Cox proportional hazards model, a baseline hazard per stratum (R: coxph(Surv(duration, event) ~ x + strata(s))); rows with a NULL skipped';

/* ---------- expected against actual: klynge_benchmark_oe (50_benchmark.sql) ---------- */

CREATE TYPE klynge_oe_result AS (
	focus int,
	kommuner int,
	observed float8,
	expected float8,
	ratio float8,
	lower float8,
	upper float8,
	p_value float8,
	cluster_ratio float8,
	rank int,
	best_kommune int,
	best_ratio float8
);
COMMENT ON TYPE klynge_oe_result IS 'result of klynge_benchmark_oe: the focus kommune''s observed and expected counts, their ratio with smr''s 95 % interval and p-value, the klynge''s pooled ratio, rank and the best kommune';

CREATE FUNCTION klynge_benchmark_oe_final(float8[]) RETURNS klynge_oe_result
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION klynge_benchmark_oe_final(float8[]) IS 'klynge_benchmark_oe final: observed ÷ expected per kommune, smr''s interval for the focus kommune, the pooled klynge ratio and the rank; with persons, figures under jobreg.min_cell persons NULL';

CREATE AGGREGATE klynge_benchmark_oe(kommunekode int, observed float8, expected float8, focus int, direction text) (
	SFUNC = klynge_benchmark_trans,
	STYPE = float8[],
	COMBINEFUNC = klynge_benchmark_combine,
	FINALFUNC = klynge_benchmark_oe_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE klynge_benchmark_oe(int, float8, float8, int, text) IS 'benchmark of the focus kommune on observed ÷ expected (expected from a national model): ratio with smr''s 95 % interval (R poisson.test), pooled klynge ratio, rank; direction lower or higher is better';

/* ---------- funnel_svg (59_funnel_svg.sql) ---------- */

-- Not STRICT: names, focus, title and persons may be NULL
CREATE FUNCTION funnel_svg(kommunekoder int4[], observed float8[], expected float8[],
						   names text[] DEFAULT NULL, focus int4 DEFAULT NULL, title text DEFAULT NULL,
						   x_label text DEFAULT 'forventet antal',
						   y_label text DEFAULT 'faktisk ÷ forventet',
						   width int4 DEFAULT 720, height int4 DEFAULT 450, persons int8[] DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION funnel_svg(int4[], float8[], float8[], text[], int4, text, text, text, int4, int4, int8[]) IS 'SVG funnel plot: per kommune observed ÷ expected against the expected count, the target 1 and smr''s exact 95 % and 99.8 % limits; the focus kommune and those outside 99.8 % named; kommuner under jobreg.min_cell persons (persons, else the observed count) not drawn';


/* ---------- surv_table: the robust variance (30_survival.sql) ---------- */

-- a fourth argument with a default: every earlier call form still works
DROP FUNCTION surv_table(survival, text, float8);
CREATE FUNCTION surv_table(survival, conf_type text DEFAULT 'log', conf_level float8 DEFAULT 0.95,
						   variance text DEFAULT 'auto',
						   OUT "time" float8, OUT n_risk float8, OUT n_event float8, OUT n_censor float8,
						   OUT surv float8, OUT std_err float8, OUT lower float8, OUT upper float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 50;

COMMENT ON FUNCTION surv_table(survival, text, float8, text) IS 'Kaplan-Meier table with standard errors and confidence intervals, as summary(survfit) in R; variance auto (R''s default: robust with non-integer weights), greenwood or robust';

/* ---------- persons behind fuldtidspersoner over weeklines, and its inverse (issues 19, 20; 40_fuldtid.sql) ---------- */

COMMENT ON FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange) IS 'fuldtidspersoner transition: counts the history, its weeks on the codes in the period (by the ISO weeks of the period) and whether it is a person with such a week';
COMMENT ON FUNCTION fuldtid_weeks_trans(float8[], weekline, int4[], weekrange, float8) IS 'fuldtidspersoner transition: counts the history, its weeks on the codes in the period (by weeks_in_period) and whether it is a person with such a week';

/* ---------- fuldtidspersoner over weeklines: whole weeks, persons and the inverse (issues 19, 20) ---------- */

CREATE FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_final(float8[]) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fuldtid_weeks_persons(float8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange) IS 'moving-aggregate inverse of fuldtidspersoner over weeklines: takes a history out (exact: whole weeks)';
COMMENT ON FUNCTION fuldtid_weeks_inv(float8[], weekline, int4[], weekrange, float8) IS 'moving-aggregate inverse of fuldtidspersoner over weeklines with weeks_in_period: takes a history out (exact: whole weeks)';
COMMENT ON FUNCTION fuldtid_weeks_combine(float8[], float8[]) IS 'fuldtidspersoner over weeklines, combine: adds the counts of two partial states';
COMMENT ON FUNCTION fuldtid_weeks_final(float8[]) IS 'fuldtidspersoner over weeklines, final: Σ weeks ÷ weeks of the period; NULL for no rows or fewer persons than jobreg.min_cell';
COMMENT ON FUNCTION fuldtid_weeks_persons(float8[]) IS 'fuldtidspersoner_personer final: the persons with a week on the codes in the period';

/*
 * fuldtidspersoner over weeklines of 0.1.0 keeps its name, arguments,
 * transition functions and INITCOND; its state now holds whole weeks per
 * denominator and the persons, so it gets the new combine and final
 * functions and its moving-aggregate mode in place, as the survival
 * aggregates above.
 */
UPDATE pg_catalog.pg_aggregate
SET aggcombinefn = 'fuldtid_weeks_combine(float8[], float8[])'::regprocedure::oid::regproc,
	aggfinalfn = 'fuldtid_weeks_final(float8[])'::regprocedure::oid::regproc
WHERE aggfnoid IN ('fuldtidspersoner(weekline, int4[], weekrange)'::regprocedure,
				   'fuldtidspersoner(weekline, int4[], weekrange, float8)'::regprocedure);
SELECT jobreg_upgrade_moving(m.agg, NULL, m.inv, NULL, 'float8[]', '{0,0,0}')
FROM (VALUES ('fuldtidspersoner(weekline, int4[], weekrange)'::regprocedure,
			  'fuldtid_weeks_inv(float8[], weekline, int4[], weekrange)'::regprocedure),
			 ('fuldtidspersoner(weekline, int4[], weekrange, float8)',
			  'fuldtid_weeks_inv(float8[], weekline, int4[], weekrange, float8)')) AS m (agg, inv);
COMMENT ON AGGREGATE fuldtidspersoner(weekline, int4[], weekrange) IS 'full-time equivalents from weeklines: Σ weeks on the codes in the period ÷ the actual ISO weeks of the period (Thursday rule: quarter_weeks, month_weeks); NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE fuldtidspersoner(weekline, int4[], weekrange, float8) IS 'full-time equivalents from weeklines with a fixed denominator: Σ weeks on the codes in the period ÷ weeks_in_period (Jobindsats: 13 a quarter, 52 a year); NULL under jobreg.min_cell persons';


CREATE AGGREGATE fuldtidspersoner_personer(wl weekline, codes int4[], period weekrange) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_weeks_combine,
	FINALFUNC = fuldtid_weeks_persons,
	MSFUNC = fuldtid_weeks_trans,
	MINVFUNC = fuldtid_weeks_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = fuldtid_weeks_persons,
	PARALLEL = SAFE
);
CREATE AGGREGATE fuldtidspersoner_personer(wl weekline, codes int4[], period weekrange, weeks_in_period float8) (
	SFUNC = fuldtid_weeks_trans,
	STYPE = float8[],
	INITCOND = '{0,0,0}',
	COMBINEFUNC = fuldtid_weeks_combine,
	FINALFUNC = fuldtid_weeks_persons,
	MSFUNC = fuldtid_weeks_trans,
	MINVFUNC = fuldtid_weeks_inv,
	MSTYPE = float8[],
	MINITCOND = '{0,0,0}',
	MFINALFUNC = fuldtid_weeks_persons,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE fuldtidspersoner_personer(weekline, int4[], weekrange) IS 'the persons behind fuldtidspersoner(wl, codes, period): histories with at least one week on the codes in the period';
COMMENT ON AGGREGATE fuldtidspersoner_personer(weekline, int4[], weekrange, float8) IS 'the persons behind fuldtidspersoner(wl, codes, period, weeks_in_period): histories with at least one week on the codes in the period';

/* ---------- activation: exact sums, persons and the inverse (issues 19, 20; 44_aktivering.sql) ---------- */

/* the finals of 0.1.0 read jobreg.min_cell: STABLE */
ALTER FUNCTION aktivering_sum_final(float8[]) STABLE;
ALTER FUNCTION aktiveringsgrad_final(float8[]) STABLE;
ALTER FUNCTION aktiveringsberoerte_final(float8[]) STABLE;
ALTER FUNCTION virksomhedsrettet_final(float8[]) STABLE;
COMMENT ON FUNCTION aktivering_accum(float8[], aktivering) IS 'transition of the population activation aggregates: adds one aktivering value (counts whole, hours in fixed point of 2^-64 hours: exact sums)';
COMMENT ON FUNCTION aktivering_sum_final(float8[]) IS 'aktivering_sum final: the summed aktivering value, NULL for no rows or fewer persons than jobreg.min_cell';

/* ---------- activation: the persons behind the population figures, and the inverse (issues 19, 20) ---------- */

CREATE FUNCTION aktivering_inv(float8[], aktivering) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION aktivering_persons_final(float8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION aktivering_inv(float8[], aktivering) IS 'moving-aggregate inverse of the population activation aggregates: takes one aktivering value out (exact: whole counts, fixed-point hours)';
COMMENT ON FUNCTION aktivering_persons_final(float8[]) IS 'aktivering_personer final: the persons on the benefit behind the sums';

/*
 * The population aggregates of 0.1.0 keep their names, transition, combine
 * and final functions; their state is now 12 whole numbers (counts, and the
 * hours in fixed point), so they get its INITCOND and their moving-aggregate
 * mode in place, as the survival aggregates above.
 */
UPDATE pg_catalog.pg_aggregate SET agginitval = '{0,0,0,0,0,0,0,0,0,0,0,0}'
WHERE aggfnoid IN ('aktivering_sum(aktivering)'::regprocedure, 'aktiveringsgrad(aktivering)'::regprocedure,
				   'andel_aktiveringsberoerte(aktivering)'::regprocedure,
				   'virksomhedsrettet_andel(aktivering)'::regprocedure);
SELECT jobreg_upgrade_moving(m.agg, NULL, 'aktivering_inv(float8[], aktivering)', NULL, 'float8[]',
							 '{0,0,0,0,0,0,0,0,0,0,0,0}')
FROM (VALUES ('aktivering_sum(aktivering)'::regprocedure), ('aktiveringsgrad(aktivering)'),
			 ('andel_aktiveringsberoerte(aktivering)'), ('virksomhedsrettet_andel(aktivering)')) AS m (agg);
COMMENT ON AGGREGATE aktivering_sum(aktivering) IS 'sum of aktivering values (persons, hours), for rollups; NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE aktiveringsgrad(aktivering) IS 'aktiveringsgrad: activation hours ÷ possible activation hours (37 a week on the benefit); NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE andel_aktiveringsberoerte(aktivering) IS 'andel aktiveringsberørte: persons with any activation in the period ÷ persons on the benefit in the period; NULL under jobreg.min_cell persons';
COMMENT ON AGGREGATE virksomhedsrettet_andel(aktivering) IS 'virksomhedsrettet andel: company-directed activation hours ÷ all activation hours; NULL under jobreg.min_cell activated persons';

CREATE AGGREGATE aktivering_personer(aktivering) (
	SFUNC = aktivering_accum, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, FINALFUNC = aktivering_persons_final,
	MSFUNC = aktivering_accum, MINVFUNC = aktivering_inv, MSTYPE = float8[], MINITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0}',
	MFINALFUNC = aktivering_persons_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE aktivering_personer(aktivering) IS 'the persons behind the activation figures: the sum of the field personer (persons on the benefit), 0 for no rows';

/* ---------- klynge benchmarks with the persons behind each kommune (issue 19; 50_benchmark.sql) ---------- */

/* klynge_benchmark_final of 0.1.0 reads jobreg.min_cell in the form with persons: STABLE */
ALTER FUNCTION klynge_benchmark_final(float8[]) STABLE;
COMMENT ON FUNCTION klynge_benchmark_final(float8[]) IS 'klynge_benchmark final: rates, gap, required change, rank and distance from per-kommune sums; with persons, figures under jobreg.min_cell persons NULL';

-- Not STRICT: rows with a NULL are skipped
CREATE FUNCTION klynge_benchmark_persons_trans(float8[], int, float8, float8, int8, int, text) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION klynge_benchmark_persons_trans(float8[], int, float8, float8, int8, int, text) IS 'klynge_benchmark with persons, transition: adds a row to its kommune''s sums and persons';

CREATE AGGREGATE klynge_benchmark(kommunekode int, numerator float8, denominator float8, persons int8, focus int, direction text) (
	SFUNC = klynge_benchmark_persons_trans,
	STYPE = float8[],
	COMBINEFUNC = klynge_benchmark_combine,
	FINALFUNC = klynge_benchmark_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE klynge_benchmark(int, float8, float8, int8, int, text) IS 'klynge_benchmark with the persons behind each kommune''s figures: a kommune under jobreg.min_cell persons is withheld (not the best, not ranked; the focus kommune''s figures NULL)';
CREATE AGGREGATE klynge_benchmark_oe(kommunekode int, observed float8, expected float8, persons int8, focus int, direction text) (
	SFUNC = klynge_benchmark_persons_trans,
	STYPE = float8[],
	COMBINEFUNC = klynge_benchmark_combine,
	FINALFUNC = klynge_benchmark_oe_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE klynge_benchmark_oe(int, float8, float8, int8, int, text) IS 'klynge_benchmark_oe with the persons behind each kommune''s figures: a kommune under jobreg.min_cell persons is withheld (not the best, not ranked; the focus kommune''s figures NULL)';
/* ---------- the synthetic codebook: the rest of the kontanthjælp family (22_codebook.sql) ---------- */

/*
 * Rows that 0.2.0 ships and 0.1.0 did not.  A row the user already has under
 * such a key stays the user's (as an edited shipped row would); its key is
 * recorded as shipped all the same.
 */
CREATE TEMP TABLE jobreg_new_codebook (LIKE codebook INCLUDING DEFAULTS);
INSERT INTO pg_temp.jobreg_new_codebook (codebook, code, gruppe, label, priority) VALUES
	('synthetic', 2121, 'uddannelseshjælp aktivitetsparat', 'uddannelseshjælp, aktivitetsparat (synthetic code)', 7),
	('synthetic', 2131, 'uddannelseshjælp uddannelsesparat', 'uddannelseshjælp, uddannelsesparat (synthetic code)', 7),
	('synthetic', 2141, 'integrationsydelse', 'integrationsydelse (synthetic code)', 6),
	('synthetic', 2151, 'overgangsydelse aktivitetsparat', 'overgangsydelse, aktivitetsparat (synthetic code)', 6),
	('synthetic', 2156, 'overgangsydelse jobparat', 'overgangsydelse, jobparat (synthetic code)', 6),
	('synthetic', 2161, 'selvforsørgelses- og hjemrejseydelse', 'selvforsørgelses- og hjemrejseydelse (synthetic code)', 6);
INSERT INTO codebook (codebook, code, gruppe, label, priority, shipped)
SELECT s.codebook, s.code, s.gruppe, s.label, s.priority, true FROM pg_temp.jobreg_new_codebook AS s
WHERE NOT EXISTS (SELECT FROM codebook AS t WHERE t.codebook = s.codebook AND t.code = s.code);
INSERT INTO shipped_key (table_name, row_key)
SELECT 'codebook', pg_catalog.jsonb_build_object('codebook', s.codebook, 'code', s.code) FROM pg_temp.jobreg_new_codebook AS s
ON CONFLICT DO NOTHING;
DROP TABLE pg_temp.jobreg_new_codebook;
/* ---------- spells(): the planner's estimate of its rows (20_weekline.sql) ---------- */

-- the planner's estimate of spells()'s rows and cost (SupportRequestRows, SupportRequestCost)
CREATE FUNCTION weekline_spells_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_spells_support(internal) IS 'planner support function of spells(): its rows (counted for a constant weekline, else from the number of codes) and cost';
ALTER FUNCTION spells(weekline, int4[], int4) SUPPORT weekline_spells_support;
/* ---------- incremental rollups (issue 20): the inverse of the cuminc state (35_cuminc.sql) ---------- */

/*
 * Moving-aggregate mode (a window frame whose start moves): persons leaving
 * the frame are counted out of the state, exactly (see cuminc_subtract).
 */
CREATE FUNCTION cuminc_msfunc(cuminc, float8, int4) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_msfunc(cuminc, cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME', 'cuminc_mcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_minvfunc(cuminc, float8, int4) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_minvfunc(cuminc, cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME', 'cuminc_minvcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_mfinal(cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION cuminc_msfunc(cuminc, float8, int4) IS 'moving-aggregate transition function of cuminc(duration, cause)';
COMMENT ON FUNCTION cuminc_msfunc(cuminc, cuminc) IS 'moving-aggregate transition function of cuminc_merge';
COMMENT ON FUNCTION cuminc_minvfunc(cuminc, float8, int4) IS 'moving-aggregate inverse transition of cuminc(duration, cause): counts a row out';
COMMENT ON FUNCTION cuminc_minvfunc(cuminc, cuminc) IS 'moving-aggregate inverse transition of cuminc_merge: counts a value out';
COMMENT ON FUNCTION cuminc_mfinal(cuminc) IS 'moving-aggregate final function of the cuminc aggregates: the value, NULL when the frame holds no input';

/* cuminc and cuminc_merge of 0.1.0 get their moving-aggregate mode in place, as the survival aggregates above */
SELECT jobreg_upgrade_moving(m.agg, m.msfunc, m.minvfunc, 'cuminc_mfinal(cuminc)', 'cuminc', NULL)
FROM (VALUES ('cuminc(float8, int4)'::regprocedure, 'cuminc_msfunc(cuminc, float8, int4)'::regprocedure,
			  'cuminc_minvfunc(cuminc, float8, int4)'::regprocedure),
			 ('cuminc_merge(cuminc)', 'cuminc_msfunc(cuminc, cuminc)', 'cuminc_minvfunc(cuminc, cuminc)')) AS m (agg, msfunc, minvfunc);
/* the last of 0.1.0's aggregates to get its moving-aggregate mode: the helper goes */
DROP FUNCTION jobreg_upgrade_moving(regprocedure, regprocedure, regprocedure, regprocedure, regtype, text);

/* The inverse of merging: incremental rollups take a person's old rows out */
CREATE FUNCTION cuminc_subtract(a cuminc, b cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = cuminc, RIGHTARG = cuminc, FUNCTION = cuminc_subtract);
COMMENT ON FUNCTION cuminc_subtract(cuminc, cuminc) IS 'the value of the persons of a that are not persons of b: exactly what counting them gives; NULL when no one is left';
COMMENT ON OPERATOR - (cuminc, cuminc) IS 'cuminc_subtract: the value without the persons of the right-hand value';

/* ---------- weekline_first_difference: where two histories part (weekline_diff.c) ---------- */

CREATE FUNCTION weekline_first_difference(a weekline, b weekline) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_first_difference(weekline, weekline) IS 'the first week in which two weeklines differ (a week in one span only, or other codes); NULL when they are the same week for week';

/* ---------- flow with a cohort: filter and aggregate in one reading (37_flow.sql) ---------- */

/* The cohort inside the aggregate: persons outside it are read only up to the origin */
CREATE FUNCTION flow_trans(flow, weekline, isoweek, int4, text, int4[]) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_trans_cohort' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION flow_trans(flow, weekline, isoweek, int4, text, int4[]) IS 'transition function of flow(history, origin, horizon, codebook, cohort): adds one person of the cohort, codes mapped to the codebook''s groups; others are skipped';
CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4, codebook text, cohort int4[]) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE flow(weekline, isoweek, int4, text, int4[]) IS 'flow(history, origin, horizon, codebook) FILTER (WHERE code_at(history, origin) = ANY (cohort)): persons whose code in the origin week is not in cohort contribute nothing and are read only up to it';

/* ---------- code_in: the cohort filter code_at(history, week) = ANY (codes) in one call (20_weekline.sql) ---------- */

CREATE FUNCTION code_in(history weekline, week isoweek, codes int4[]) RETURNS bool
	AS 'MODULE_PATHNAME', 'weekline_code_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION code_in(weekline, isoweek, int4[]) IS 'code_at(history, week) = ANY (codes), faster as a filter: true when the week''s code is one of codes; NULL outside the span';
