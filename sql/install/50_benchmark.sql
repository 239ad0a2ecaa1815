
/* ---------- kommuner, klynger and klynge benchmarks ---------- */

/*
 * Reference tables.  The rows the extension ships have shipped = true and
 * are made again by CREATE EXTENSION; pg_dump dumps only the other rows,
 * the ones users add or edit (see 15_refdata.sql).
 */
CREATE TABLE kommune (
	kode int PRIMARY KEY CHECK (kode BETWEEN 100 AND 999),
	navn text NOT NULL UNIQUE,
	region text NOT NULL
		CHECK (region IN ('Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland')),
	kilde text NOT NULL DEFAULT 'bruger',
	shipped bool NOT NULL DEFAULT false
);

COMMENT ON TABLE kommune IS 'the 98 Danish municipalities (since 2007) with their kommunekode and region';
COMMENT ON COLUMN kommune.kode IS 'kommunekode, the official 3-digit code (101 København, 147 Frederiksberg, …)';
COMMENT ON COLUMN kommune.navn IS 'official name without "Kommune" (København, Høje-Taastrup, Aabenraa); sort with COLLATE dansk';
COMMENT ON COLUMN kommune.region IS 'region: Hovedstaden, Sjælland, Syddanmark, Midtjylland or Nordjylland';
COMMENT ON COLUMN kommune.kilde IS 'source of the row: jobreg for the rows the extension ships, bruger by default; a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
COMMENT ON COLUMN kommune.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';

CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON kommune
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON kommune
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON kommune IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON kommune IS 'records shipped keys that leave the table in shipped_deleted';

INSERT INTO kommune (kode, navn, region, kilde, shipped)
SELECT kode, navn, region, 'jobreg', true
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

SELECT pg_catalog.pg_extension_config_dump('kommune', 'WHERE NOT shipped');

/*
 * Calls below are qualified with pg_catalog: the script runs as a superuser,
 * and an overload planted in the target schema (daterange(text, text),
 * isempty(daterange)) would match unqualified calls better than pg_catalog's.
 */
CREATE TABLE klynge (
	maalgruppe text NOT NULL,
	kommunekode int NOT NULL REFERENCES kommune (kode),
	klynge text NOT NULL,
	gyldig daterange NOT NULL CHECK (NOT pg_catalog.isempty(gyldig)),
	kilde text NOT NULL DEFAULT 'bruger',
	shipped bool NOT NULL DEFAULT false,
	PRIMARY KEY (maalgruppe, klynge, kommunekode, gyldig)
);

COMMENT ON TABLE klynge IS 'klynger: groups of comparable kommuner a kommune is benchmarked against, per målgruppe and period';
COMMENT ON COLUMN klynge.maalgruppe IS 'målgruppe the klynge applies to (aktivitetsparate kontanthjælpsmodtagere, ledighedsydelse, …; alle for a general comparison group)';
COMMENT ON COLUMN klynge.kommunekode IS 'a member of the klynge (the focus kommune is a member of its own klynge)';
COMMENT ON COLUMN klynge.klynge IS 'name of the klynge';
COMMENT ON COLUMN klynge.gyldig IS 'the period the membership is valid for';
COMMENT ON COLUMN klynge.kilde IS 'source of the row: jobreg for the rows the extension ships, bruger by default; a plain attribute, set it as you like: whether pg_dump dumps a row depends on shipped';
COMMENT ON COLUMN klynge.shipped IS 'true for a row as the extension ships it, set only by its install and upgrade scripts; a row you insert or update is yours (false) and pg_dump dumps it';

CREATE TRIGGER reference_row_guard BEFORE INSERT OR UPDATE ON klynge
	FOR EACH ROW EXECUTE FUNCTION reference_row_guard();
CREATE TRIGGER reference_row_forget AFTER UPDATE OR DELETE ON klynge
	FOR EACH ROW EXECUTE FUNCTION reference_row_forget();
COMMENT ON TRIGGER reference_row_guard ON klynge IS 'makes every row but the shipped ones a user row; an insert of a shipped key replaces the shipped row';
COMMENT ON TRIGGER reference_row_forget ON klynge IS 'records shipped keys that leave the table in shipped_deleted';

/*
 * The klynger the source documents name.  "Analyse af udsatte borgere i
 * Københavns Kommune" (October 2015), Tabel 3, 5 and 6: for ledighedsydelse
 * København is compared with Dragør, Furesø, Hillerød and Solrød, for the
 * other målgrupper with Albertslund, Brøndby, Høje-Taastrup, Ishøj and
 * Lolland; its data run from 2. kvartal 2014 to 1. kvartal 2015, so the
 * rows are valid from 2014-04-01 to the end of 2015.  Tabel 4 (August
 * 2015) compares København with the other 6-byer: Aarhus, Aalborg, Odense,
 * Esbjerg and Randers.
 */
INSERT INTO klynge (maalgruppe, kommunekode, klynge, gyldig, kilde, shipped)
SELECT m.maalgruppe, k.kode, 'København 2015', pg_catalog.daterange('2014-04-01', '2016-01-01'), 'jobreg', true
FROM (VALUES ('aktivitetsparate kontanthjælpsmodtagere'), ('fleksjobvisiterede'),
			 ('ressourceforløb'), ('revalidering')) AS m (maalgruppe),
	 (VALUES (101), (165), (153), (169), (183), (360)) AS k (kode)
UNION ALL
SELECT 'ledighedsydelse', k.kode, 'København 2015', pg_catalog.daterange('2014-04-01', '2016-01-01'), 'jobreg', true
FROM (VALUES (101), (155), (190), (219), (269)) AS k (kode)
UNION ALL
SELECT 'alle', k.kode, '6-byerne', pg_catalog.daterange('2015-01-01', '2016-01-01'), 'jobreg', true
FROM (VALUES (101), (751), (851), (461), (561), (730)) AS k (kode);

SELECT pg_catalog.pg_extension_config_dump('klynge', 'WHERE NOT shipped');

/* The benchmark of a focus kommune against the other kommuner of the input */
CREATE TYPE klynge_benchmark_result AS (
	focus int,
	kommuner int,
	own_rate float8,
	cluster_rate float8,
	gap_pp float8,
	required_change float8,
	rank int,
	best_kommune int,
	best_rate float8,
	distance_pp float8
);

COMMENT ON TYPE klynge_benchmark_result IS 'result of klynge_benchmark: own and pooled klynge rate, gap, required change, rank and distance to the best kommune';

CREATE FUNCTION klynge_benchmark_trans(float8[], int, float8, float8, int, text) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION klynge_benchmark_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION klynge_benchmark_final(float8[]) RETURNS klynge_benchmark_result
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION klynge_benchmark_trans(float8[], int, float8, float8, int, text) IS 'klynge_benchmark transition: adds a row to its kommune''s sums';
COMMENT ON FUNCTION klynge_benchmark_combine(float8[], float8[]) IS 'klynge_benchmark combine: merges the per-kommune sums of two partial states';
COMMENT ON FUNCTION klynge_benchmark_final(float8[]) IS 'klynge_benchmark final: rates, gap, required change, rank and distance from per-kommune sums; with persons, figures under jobreg.min_cell persons NULL';

CREATE AGGREGATE klynge_benchmark(kommunekode int, numerator float8, denominator float8, focus int, direction text) (
	SFUNC = klynge_benchmark_trans,
	STYPE = float8[],
	COMBINEFUNC = klynge_benchmark_combine,
	FINALFUNC = klynge_benchmark_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE klynge_benchmark(int, float8, float8, int, text) IS 'benchmark of the focus kommune against the other kommuner of the input (its klynge): pooled rates Σnumerator/Σdenominator; direction lower or higher is better';

CREATE FUNCTION required_change(own_count float8, own_rate float8, cluster_rate float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION reduce_distance(own_rate float8, best_rate float8, share float8 DEFAULT 0.25) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION required_change(float8, float8, float8) IS 'change in the count that brings own_rate to cluster_rate: own_count × (cluster_rate / own_rate − 1)';
COMMENT ON FUNCTION reduce_distance(float8, float8, float8) IS 'the rate after closing a share (default 25 %, Vision 2020) of the distance to the best rate';

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

/* ---------- klynge benchmarks with the persons behind each kommune (issue 19) ---------- */

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
