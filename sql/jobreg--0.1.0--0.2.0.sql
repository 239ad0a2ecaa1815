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

CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE flow_merge(flow) (
	SFUNC = flow_combine,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE flow(weekline, isoweek, int4) IS 'the weekly states of a cohort from the origin week to origin + horizon; histories ending earlier are right-censored, histories not covering the origin contribute nothing';
COMMENT ON AGGREGATE flow_merge(flow) IS 'merges flow states of disjoint cohorts with the same origin and horizon';

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
COMMENT ON FUNCTION regression_in(cstring) IS 'regression input: v1;<kind>;p=<p>[;sums=...];x1,...,xp:sums;...';
COMMENT ON FUNCTION regression_out(regression) IS 'regression output: v1;<kind>;p=<p>[;sums=...];x1,...,xp:sums;... (patterns sorted)';
COMMENT ON FUNCTION regression_recv(internal) IS 'regression binary input: format version, kind, p, patterns, global sums, per pattern covariates and sums';
COMMENT ON FUNCTION regression_send(regression) IS 'regression binary output: format version, kind, p, patterns, global sums, per pattern covariates and sums';

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

CREATE AGGREGATE logistic(y bool, x float8[]) (
	SFUNC = logistic_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE poisson(events float8, exposure float8, x float8[]) (
	SFUNC = poisson_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE cox(duration float8, event bool, x float8[]) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE cox(entry float8, exit float8, event bool, x float8[]) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE regression_merge(regression) (
	SFUNC = regression_combine,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE logistic(bool, float8[]) IS 'logistic regression of y on x with an intercept (R: glm(y ~ x, binomial)); rows with a NULL skipped';
COMMENT ON AGGREGATE poisson(float8, float8, float8[]) IS 'Poisson regression of events on x with an intercept and offset log(exposure) (R: glm(events ~ x + offset(log(exposure)), poisson)); rows with a NULL skipped';
COMMENT ON AGGREGATE cox(float8, bool, float8[]) IS 'Cox proportional hazards model of the duration and event on x (R: coxph(Surv(duration, event) ~ x)); rows with a NULL skipped';
COMMENT ON AGGREGATE cox(float8, float8, bool, float8[]) IS 'Cox proportional hazards model with delayed entry, at risk on (entry, exit] (R: coxph(Surv(entry, exit, event) ~ x)); rows with a NULL skipped';
COMMENT ON AGGREGATE regression_merge(regression) IS 'merges regression states of disjoint rows with the same kind and covariates';

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
