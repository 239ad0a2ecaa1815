-- bi/views.sql: the views BI tools read (schema bi, part 3 of 3).
--
-- Every figure is merged from the rollups' states (sums, aktivering_sum,
-- survival_merge); no view reads the register.  The public views end in plain
-- columns (int, int8, float8, text, date).  Each has one row per
--	 niveau (kommune, region, klynge, hele landet) × omraade × maalgruppe ×
--	 aldersgruppe (16-29, 30+, i alt) × quarter (…_kvartal) or year (…_aar)
-- so filter on niveau and aldersgruppe before adding rows up.  Figures that
-- rest on fewer persons than jobreg.min_cell are NULL (undertrykt = true).

-- Areas: the kommuner each area is made of, per målgruppe and quarter (a
-- kommune belongs to a klynge of the målgruppe's klynge målgruppe, or of
-- målgruppe 'alle', in the quarters whose first day the membership covers).
CREATE MATERIALIZED VIEW bi.omraade AS
SELECT 'kommune' AS niveau, k.navn AS omraade, k.kode AS omraade_kode,
	   m.maalgruppe, q.aar, q.kvartal, k.kode AS kommunekode
FROM kommune AS k, bi.maalgruppe AS m, bi.kvartal AS q
UNION ALL
SELECT 'region', k.region, NULL, m.maalgruppe, q.aar, q.kvartal, k.kode
FROM kommune AS k, bi.maalgruppe AS m, bi.kvartal AS q
UNION ALL
SELECT DISTINCT 'klynge', kl.klynge, NULL::int, m.maalgruppe, q.aar, q.kvartal, kl.kommunekode
FROM klynge AS kl
	 JOIN bi.maalgruppe AS m ON kl.maalgruppe IN (m.klynge_maalgruppe, 'alle')
	 JOIN bi.kvartal AS q ON kl.gyldig @> q.foerste_dag
UNION ALL
SELECT 'hele landet', 'Hele landet', NULL, m.maalgruppe, q.aar, q.kvartal, k.kode
FROM kommune AS k, bi.maalgruppe AS m, bi.kvartal AS q;
CREATE UNIQUE INDEX ON bi.omraade (niveau, omraade, maalgruppe, aar, kvartal, kommunekode);
CREATE INDEX ON bi.omraade (kommunekode, maalgruppe, aar, kvartal);
COMMENT ON MATERIALIZED VIEW bi.omraade IS 'BI areas: the kommuner of each kommune, region, klynge and the whole country, per målgruppe and quarter';

-- Age groups and their total: 'i alt' is made of every group.
CREATE VIEW bi.aldersgrupper AS
SELECT g AS aldersgruppe, g AS indgaar
FROM (SELECT DISTINCT bi.aldersgruppe(a) AS g FROM generate_series(0, 130) AS a) AS x
UNION ALL
SELECT 'i alt', g
FROM (SELECT DISTINCT bi.aldersgruppe(a) AS g FROM generate_series(0, 130) AS a) AS x;
COMMENT ON VIEW bi.aldersgrupper IS 'BI age groups: each group is made of itself, i alt of all of them';

-- The cells of the views and the rollup cells each is made of: an area, a
-- målgruppe, a quarter and an age group, from a kommune's quarter and age group.
CREATE VIEW bi.celle AS
SELECT o.niveau, o.omraade, o.omraade_kode, o.maalgruppe, o.aar, o.kvartal, a.aldersgruppe,
	   o.kommunekode, a.indgaar
FROM bi.omraade AS o CROSS JOIN bi.aldersgrupper AS a;
COMMENT ON VIEW bi.celle IS 'BI internal: each cell of the views (area, målgruppe, quarter, age group) and the kommune and age group of each rollup row it merges';



/* ---------- merged states per area and quarter, and per year (internal) ---------- */

-- The activation sums add up in fixed point (ydelse_rollup.summer), exactly
-- and in any order, so the figures are the same however the rollup rows lie
-- (rebuilt or updated: bi/incremental.sql); the ratios are jobreg's
-- aggregates over the one summed aktivering value.
CREATE VIEW bi.ydelse_kvartal_tilstand AS
SELECT t.niveau, t.omraade, t.omraade_kode, t.maalgruppe, t.aar, t.kvartal, t.aldersgruppe, t.antal_uger,
	   t.befolkning, t.befolkningsuger, t.personer, t.uger, t.summer, bi.aktivering_af(t.summer) AS aktivering, f.*
FROM (SELECT c.niveau, c.omraade, c.omraade_kode, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe, q.antal_uger,
			 coalesce(sum(b.befolkning), 0)::int8 AS befolkning,
			 coalesce(sum(b.befolkning * q.antal_uger), 0)::int8 AS befolkningsuger,
			 coalesce(sum(y.personer), 0)::int8 AS personer,
			 coalesce(sum(y.uger), 0)::int8 AS uger,
			 ARRAY[coalesce(sum(y.summer[1]), 0), coalesce(sum(y.summer[2]), 0), coalesce(sum(y.summer[3]), 0),
				   coalesce(sum(y.summer[4]), 0), coalesce(sum(y.summer[5]), 0),
				   coalesce(sum(y.summer[6]), 0)]::int8[] AS summer
	  FROM bi.celle AS c
		   JOIN bi.kvartal AS q USING (aar, kvartal)
		   LEFT JOIN bi.befolkning_rollup AS b
			   ON (b.kommunekode, b.aar, b.kvartal, b.aldersgruppe) = (c.kommunekode, c.aar, c.kvartal, c.indgaar)
		   LEFT JOIN bi.ydelse_rollup AS y
			   ON (y.kommunekode, y.aar, y.kvartal, y.maalgruppe, y.aldersgruppe)
				  = (c.kommunekode, c.aar, c.kvartal, c.maalgruppe, c.indgaar)
	  GROUP BY c.niveau, c.omraade, c.omraade_kode, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe, q.antal_uger) AS t
	 CROSS JOIN LATERAL (
		 SELECT aktiveringsgrad(v.a) AS aktiveringsgrad,
				andel_aktiveringsberoerte(v.a) AS andel_aktiveringsberoerte,
				virksomhedsrettet_andel(v.a) AS virksomhedsrettet_andel
		 FROM (VALUES (bi.aktivering_af(t.summer))) AS v (a)) AS f;
COMMENT ON VIEW bi.ydelse_kvartal_tilstand IS 'BI internal: population, persons, weeks, aktivering sums and ratios per area, målgruppe, age group and quarter';

-- A year: quarters add up; a person may be counted in each of its quarters, so
-- the year's persons are at least those of its busiest quarter.
CREATE VIEW bi.ydelse_aar_tilstand AS
SELECT t.*, bi.aktivering_af(t.summer) AS aktivering, f.*
FROM (SELECT niveau, omraade, omraade_kode, maalgruppe, aar, aldersgruppe,
			 sum(antal_uger)::int AS antal_uger, sum(befolkningsuger)::int8 AS befolkningsuger,
			 sum(personer)::int8 AS personkvartaler, max(personer) AS personer_mindst,
			 sum(uger)::int8 AS uger,
			 ARRAY[sum(summer[1]), sum(summer[2]), sum(summer[3]), sum(summer[4]), sum(summer[5]),
				   sum(summer[6])]::int8[] AS summer
	  FROM bi.ydelse_kvartal_tilstand
	  GROUP BY niveau, omraade, omraade_kode, maalgruppe, aar, aldersgruppe) AS t
	 CROSS JOIN LATERAL (
		 SELECT aktiveringsgrad(v.a) AS aktiveringsgrad,
				andel_aktiveringsberoerte(v.a) AS andel_aktiveringsberoerte,
				virksomhedsrettet_andel(v.a) AS virksomhedsrettet_andel
		 FROM (VALUES (bi.aktivering_af(t.summer))) AS v (a)) AS f;
COMMENT ON VIEW bi.ydelse_aar_tilstand IS 'BI internal: the quarters of ydelse_kvartal_tilstand merged into years';

CREATE VIEW bi.forloeb_kvartal_tilstand AS
SELECT c.niveau, c.omraade, c.omraade_kode, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe,
	   sum(f.nye_forloeb)::int8 AS nye_forloeb,
	   survival_merge(f.overlevelse) AS overlevelse
FROM bi.celle AS c
	 JOIN bi.forloeb_rollup AS f
		 ON (f.kommunekode, f.aar, f.kvartal, f.maalgruppe, f.aldersgruppe)
			= (c.kommunekode, c.aar, c.kvartal, c.maalgruppe, c.indgaar)
GROUP BY c.niveau, c.omraade, c.omraade_kode, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe;
COMMENT ON VIEW bi.forloeb_kvartal_tilstand IS 'BI internal: new spells and their merged survival state per area, målgruppe, age group and start quarter';

CREATE VIEW bi.forloeb_aar_tilstand AS
SELECT niveau, omraade, omraade_kode, maalgruppe, aar, aldersgruppe,
	   sum(nye_forloeb)::int8 AS nye_forloeb,
	   survival_merge(overlevelse) AS overlevelse
FROM bi.forloeb_kvartal_tilstand
GROUP BY niveau, omraade, omraade_kode, maalgruppe, aar, aldersgruppe;
COMMENT ON VIEW bi.forloeb_aar_tilstand IS 'BI internal: the start quarters of forloeb_kvartal_tilstand merged into years';

-- anciennitet_fordeling's state (anciennitet_rollup.fordeling: persons,
-- weeks and persons per band, whole numbers) adds up exactly and in any
-- order; years are 52 weeks, as in anciennitet_fordeling.
CREATE VIEW bi.anciennitet_kvartal_tilstand AS
SELECT c.niveau, c.omraade, c.omraade_kode, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe,
	   sum(r.fordeling[1])::int8 AS personer,
	   sum(r.fordeling[2]) AS uger_i_alt,
	   sum(r.fordeling[2]) / 52 AS aar_i_alt,
	   sum(r.fordeling[3]) AS over_2_aar,
	   sum(r.fordeling[4]) AS over_3_aar,
	   sum(r.fordeling[5]) AS over_5_aar,
	   sum(r.fordeling[6]) AS aar_5_7,
	   sum(r.fordeling[7]) AS aar_7_10,
	   sum(r.fordeling[8]) AS aar_10_plus
FROM bi.celle AS c
	 JOIN bi.anciennitet_rollup AS r
		 ON (r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
			= (c.kommunekode, c.aar, c.kvartal, c.maalgruppe, c.indgaar)
GROUP BY c.niveau, c.omraade, c.omraade_kode, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe;
COMMENT ON VIEW bi.anciennitet_kvartal_tilstand IS 'BI internal: persons, weeks, years and persons per anciennitet band (anciennitet_fordeling''s counts) per area, målgruppe, age group and quarter end';

CREATE VIEW bi.anciennitet_aar_tilstand AS
SELECT niveau, omraade, omraade_kode, maalgruppe, aar, aldersgruppe,
	   sum(personer)::int8 AS personkvartaler, max(personer) AS personer_mindst,
	   sum(uger_i_alt) / 52 AS aar_i_alt, sum(over_2_aar) AS over_2_aar, sum(over_3_aar) AS over_3_aar,
	   sum(over_5_aar) AS over_5_aar, sum(aar_5_7) AS aar_5_7, sum(aar_7_10) AS aar_7_10,
	   sum(aar_10_plus) AS aar_10_plus
FROM bi.anciennitet_kvartal_tilstand
GROUP BY niveau, omraade, omraade_kode, maalgruppe, aar, aldersgruppe;
COMMENT ON VIEW bi.anciennitet_aar_tilstand IS 'BI internal: the quarter ends of anciennitet_kvartal_tilstand merged into years';


/* ---------- disclosure control across the views (bi.beskyttelse) ---------- */

-- Every published cell of the three families of views (ydelse: fuldtidspersoner
-- and aktivering; forloeb: overlevelse; anciennitet), quarter and year, with
-- the persons behind it, and the relations along which cells add up, each with
-- its total: an area and its kommuner (a year only when the area's kommuner are
-- the same in every quarter), a year and its quarters, 'i alt' and its age
-- groups.  Both hierarchies, kommune → klynge → hele landet and kommune →
-- region → hele landet, are in these relations (a klynge, a region and the
-- country each with its kommuner): suppress_cells solves them all together,
-- so a region less a klynge in it, or the country less the regions, is
-- checked too.  suppress_cells withholds the cells of fewer persons than the
-- threshold in force when the view is refreshed (primary) and then secondary
-- cells until no withheld cell can be computed from the published ones by
-- any combination of the relations.  Year cells are judged by their busiest
-- quarter (personer_mindst).  kvartal 0 is the year.
-- The work is one function, so that it runs without JIT compilation: the
-- planner's estimate of this query is far above its real cost, and compiling
-- it took longer than running it (3 s of 10 s at scale 1).
CREATE FUNCTION bi.beskyttelse_beregn()
	RETURNS TABLE (tabel text, niveau text, omraade text, maalgruppe text, aar int, kvartal int,
				   aldersgruppe text, personer int8, undertrykt bool, regel text, min_cell int)
	LANGUAGE sql STABLE SET jit = off
AS $$
WITH rollup AS (
	-- the rollups' common columns: a kommune's quarter and age group, and its persons
	SELECT 'ydelse' AS tabel, kommunekode, aar, kvartal, maalgruppe, aldersgruppe, personer
	FROM bi.ydelse_rollup
	UNION ALL
	SELECT 'forloeb', kommunekode, aar, kvartal, maalgruppe, aldersgruppe, nye_forloeb
	FROM bi.forloeb_rollup
	UNION ALL
	SELECT 'anciennitet', kommunekode, aar, kvartal, maalgruppe, aldersgruppe, personer
	FROM bi.anciennitet_rollup
),
kvartal_celle AS MATERIALIZED (
	-- the persons of each quarter's cells, as the *_kvartal_tilstand views count
	-- them: every cell of ydelse, the cells of the others that have rollup rows
	SELECT t.tabel, c.niveau, c.omraade, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe,
		   coalesce(sum(r.personer), 0)::int8 AS personer
	FROM bi.celle AS c
		 CROSS JOIN (VALUES ('ydelse'), ('forloeb'), ('anciennitet')) AS t (tabel)
		 LEFT JOIN rollup AS r
			 ON (r.tabel, r.kommunekode, r.aar, r.kvartal, r.maalgruppe, r.aldersgruppe)
				= (t.tabel, c.kommunekode, c.aar, c.kvartal, c.maalgruppe, c.indgaar)
	GROUP BY t.tabel, c.niveau, c.omraade, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe
	HAVING t.tabel = 'ydelse' OR count(r.tabel) > 0
),
celle AS MATERIALIZED (
	-- and of the years: new spells add up, persons are those of the busiest quarter
	SELECT row_number() OVER (ORDER BY x.tabel, x.niveau, x.omraade, x.maalgruppe, x.aar, x.kvartal, x.aldersgruppe) AS id, x.*
	FROM (SELECT * FROM kvartal_celle
		  UNION ALL
		  SELECT tabel, niveau, omraade, maalgruppe, aar, 0, aldersgruppe,
				 CASE WHEN tabel = 'forloeb' THEN sum(personer) ELSE max(personer) END::int8
		  FROM kvartal_celle
		  GROUP BY tabel, niveau, omraade, maalgruppe, aar, aldersgruppe) AS x
),
-- the kommuner of each area in each quarter, and in a year when the same in every quarter
medlem AS (
	SELECT niveau, omraade, maalgruppe, aar, kvartal, kommunekode
	FROM bi.omraade WHERE niveau <> 'kommune'
	UNION ALL
	SELECT niveau, omraade, maalgruppe, aar, 0, kommunekode
	FROM (SELECT o.niveau, o.omraade, o.maalgruppe, o.aar, o.kommunekode, q.kvartaler,
				 min(count(*)) OVER (PARTITION BY o.niveau, o.omraade, o.maalgruppe, o.aar) AS faerrest
		  FROM bi.omraade AS o
			   JOIN (SELECT aar, count(*) AS kvartaler FROM bi.kvartal GROUP BY aar) AS q USING (aar)
		  WHERE o.niveau <> 'kommune'
		  GROUP BY o.niveau, o.omraade, o.maalgruppe, o.aar, o.kommunekode, q.kvartaler) AS x
	WHERE faerrest = kvartaler
),
relation (noegle, id, total) AS (
	-- an area (the total) and its kommuner, when its kommuner are known
	SELECT concat_ws('|', 'a', c.tabel, c.niveau, c.omraade, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe), c.id, true
	FROM celle AS c
	WHERE c.niveau <> 'kommune'
	  AND EXISTS (SELECT FROM medlem AS m
				  WHERE (m.niveau, m.omraade, m.maalgruppe, m.aar, m.kvartal) = (c.niveau, c.omraade, c.maalgruppe, c.aar, c.kvartal))
	UNION ALL
	SELECT concat_ws('|', 'a', k.tabel, m.niveau, m.omraade, m.maalgruppe, m.aar, m.kvartal, k.aldersgruppe), k.id, false
	FROM medlem AS m
		 JOIN kommune AS km ON km.kode = m.kommunekode
		 JOIN celle AS k ON k.niveau = 'kommune' AND k.omraade = km.navn AND k.maalgruppe = m.maalgruppe
							AND k.aar = m.aar AND k.kvartal = m.kvartal
	UNION ALL
	-- a year (the total) and its quarters
	SELECT concat_ws('|', 't', tabel, niveau, omraade, maalgruppe, aar, aldersgruppe), id, kvartal = 0 FROM celle
	UNION ALL
	-- i alt (the total) and its age groups
	SELECT concat_ws('|', 'g', tabel, niveau, omraade, maalgruppe, aar, kvartal), id, aldersgruppe = 'i alt' FROM celle
),
nummer AS (
	SELECT r.id, r.total, dense_rank() OVER (ORDER BY r.noegle) AS rel FROM relation AS r
),
beskyttet AS (
	SELECT s.*
	FROM suppress_cells((SELECT array_agg(id ORDER BY id) FROM celle),
						(SELECT array_agg(personer ORDER BY id) FROM celle),
						(SELECT array_agg(rel) FROM nummer),
						(SELECT array_agg(id) FROM nummer),
						member_total => (SELECT array_agg(total) FROM nummer)) AS s
)
SELECT c.tabel, c.niveau, c.omraade, c.maalgruppe, c.aar, c.kvartal, c.aldersgruppe, c.personer,
	   b.withheld AS undertrykt, b.rule AS regel, min_cell_effective() AS min_cell
FROM celle AS c JOIN beskyttet AS b ON b.cell = c.id;
$$;
COMMENT ON FUNCTION bi.beskyttelse_beregn() IS 'BI disclosure control: every published cell, its persons and whether suppress_cells withholds it (bi.beskyttelse stores the result)';
-- The view names bi.celle as well (an always true condition that reads no
-- row), so that bi/nightly-refresh.sh, which orders the materialized views by
-- what they read, refreshes it after bi.omraade.
CREATE MATERIALIZED VIEW bi.beskyttelse AS
SELECT b.* FROM bi.beskyttelse_beregn() AS b
WHERE EXISTS (SELECT FROM bi.celle LIMIT 0) IS NOT NULL;
CREATE UNIQUE INDEX ON bi.beskyttelse (tabel, niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe);
COMMENT ON MATERIALIZED VIEW bi.beskyttelse IS 'BI disclosure control: every published cell, its persons, whether it is withheld (primary or secondary, suppress_cells) and the threshold in force when it was refreshed';

-- Whether the figures of a cell may be shown: always with no threshold in
-- force; else when bi.beskyttelse publishes the cell and was computed for a
-- threshold at least the one in force (a higher threshold than the refresh's
-- withholds everything: its secondary cells are not known).
CREATE FUNCTION bi.vis(undertrykt bool, beregnet_min_cell int) RETURNS bool
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN min_cell_effective() = 0 OR (NOT coalesce(undertrykt, true) AND beregnet_min_cell >= min_cell_effective());
COMMENT ON FUNCTION bi.vis(bool, int) IS 'true when a cell''s figures may be shown: no threshold in force, or the cell is published by bi.beskyttelse computed for at least the threshold in force';

-- The cells of bi.beskyttelse with their report: per family, rule and level,
-- the cells and persons withheld and the smallest count published.
CREATE VIEW bi.beskyttelse_rapport AS
SELECT tabel, coalesce(regel, 'published') AS regel, niveau, count(*) AS celler,
	   sum(personer) AS personer, min(personer) AS mindste, max(min_cell) AS min_cell
FROM bi.beskyttelse
GROUP BY tabel, coalesce(regel, 'published'), niveau;
COMMENT ON VIEW bi.beskyttelse_rapport IS 'BI disclosure control for output checkers: per family of views, rule (primary, secondary, published) and level, the cells, their persons and the smallest count';


/* ---------- the views for BI tools: plain columns ---------- */

CREATE VIEW bi.fuldtidspersoner_kvartal AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar, kvartal,
	   make_date(aar, 3 * kvartal - 2, 1) AS periode_start, befolkning,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN personer END AS personer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN uger::float8 / antal_uger END AS fuldtidspersoner,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN uger::float8 / nullif(befolkningsuger, 0) END AS andel_af_befolkningen,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.ydelse_kvartal_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'ydelse') AS b
		 USING (niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe);
COMMENT ON VIEW bi.fuldtidspersoner_kvartal IS 'BI: persons on the målgruppe''s benefit, fuldtidspersoner (weeks on it ÷ weeks of the quarter) and their share of the population, per area and quarter';

CREATE VIEW bi.fuldtidspersoner_aar AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar,
	   make_date(aar, 1, 1) AS periode_start,
	   round(befolkningsuger::numeric / antal_uger)::int8 AS befolkning,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN personkvartaler END AS personkvartaler,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN uger::float8 / antal_uger END AS fuldtidspersoner,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN uger::float8 / nullif(befolkningsuger, 0) END AS andel_af_befolkningen,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.ydelse_aar_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'ydelse' AND kvartal = 0) AS b
		 USING (niveau, omraade, maalgruppe, aar, aldersgruppe);
COMMENT ON VIEW bi.fuldtidspersoner_aar IS 'BI: fuldtidspersoner (weeks on the benefit ÷ weeks of the year) and their share of the population (mean over the quarters), per area and year';

CREATE VIEW bi.aktivering_kvartal AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar, kvartal,
	   make_date(aar, 3 * kvartal - 2, 1) AS periode_start,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN personer END AS personer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).aktiveringsberoerte END AS aktiveringsberoerte,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).ydelsestimer END AS ydelsestimer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).aktiveringstimer END AS aktiveringstimer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).virksomhedsrettede_timer END AS virksomhedsrettede_timer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aktiveringsgrad END AS aktiveringsgrad,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN andel_aktiveringsberoerte END AS andel_aktiveringsberoerte,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN virksomhedsrettet_andel END AS virksomhedsrettet_andel,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.ydelse_kvartal_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'ydelse') AS b
		 USING (niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe);
COMMENT ON VIEW bi.aktivering_kvartal IS 'BI: activation of the persons on the målgruppe''s benefit (jobreg''s aktivering sums and ratios), per area and quarter';

CREATE VIEW bi.aktivering_aar AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar,
	   make_date(aar, 1, 1) AS periode_start,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN personkvartaler END AS personkvartaler,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).aktiveringsberoerte END AS aktiveringsberoerte_kvartaler,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).ydelsestimer END AS ydelsestimer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).aktiveringstimer END AS aktiveringstimer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN (aktivering).virksomhedsrettede_timer END AS virksomhedsrettede_timer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aktiveringsgrad END AS aktiveringsgrad,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN andel_aktiveringsberoerte END AS andel_aktiveringsberoerte,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN virksomhedsrettet_andel END AS virksomhedsrettet_andel,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.ydelse_aar_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'ydelse' AND kvartal = 0) AS b
		 USING (niveau, omraade, maalgruppe, aar, aldersgruppe);
COMMENT ON VIEW bi.aktivering_aar IS 'BI: activation per area and year, merged from the quarters (andel aktiveringsberørte is per person and quarter)';

CREATE VIEW bi.overlevelse_kvartal AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar, kvartal,
	   make_date(aar, 3 * kvartal - 2, 1) AS periode_start,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN nye_forloeb END AS nye_forloeb,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_at(overlevelse, 13) END AS andel_efter_13_uger,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_at(overlevelse, 26) END AS andel_efter_26_uger,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_at(overlevelse, 52) END AS andel_efter_52_uger,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_median(overlevelse) END AS median_uger,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.forloeb_kvartal_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'forloeb') AS b
		 USING (niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe);
COMMENT ON VIEW bi.overlevelse_kvartal IS 'BI: new spells by start quarter and the share still on the målgruppe''s benefit after 13, 26 and 52 weeks (Kaplan-Meier), per area';

CREATE VIEW bi.overlevelse_aar AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar,
	   make_date(aar, 1, 1) AS periode_start,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN nye_forloeb END AS nye_forloeb,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_at(overlevelse, 13) END AS andel_efter_13_uger,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_at(overlevelse, 26) END AS andel_efter_26_uger,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_at(overlevelse, 52) END AS andel_efter_52_uger,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN surv_median(overlevelse) END AS median_uger,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.forloeb_aar_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'forloeb' AND kvartal = 0) AS b
		 USING (niveau, omraade, maalgruppe, aar, aldersgruppe);
COMMENT ON VIEW bi.overlevelse_aar IS 'BI: new spells by start year and the share still on the målgruppe''s benefit after 13, 26 and 52 weeks (Kaplan-Meier), per area';

CREATE VIEW bi.anciennitet_kvartal AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar, kvartal,
	   make_date(aar, 3 * kvartal - 2, 1) AS periode_start,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN personer END AS personer,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_i_alt / nullif(personer, 0) END AS gennemsnit_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN over_2_aar / nullif(personer, 0) END AS andel_over_2_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN over_3_aar / nullif(personer, 0) END AS andel_over_3_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN over_5_aar / nullif(personer, 0) END AS andel_over_5_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_5_7 / nullif(personer, 0) END AS andel_5_7_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_7_10 / nullif(personer, 0) END AS andel_7_10_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_10_plus / nullif(personer, 0) END AS andel_10_plus_aar,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.anciennitet_kvartal_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'anciennitet') AS b
		 USING (niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe);
COMMENT ON VIEW bi.anciennitet_kvartal IS 'BI: anciennitet (STAR: breaks of up to 5 weeks bridged) of the persons on the målgruppe''s benefit in the last week of the quarter, per area';

CREATE VIEW bi.anciennitet_aar AS
SELECT niveau, omraade, omraade_kode AS kommunekode, maalgruppe, aldersgruppe, aar,
	   make_date(aar, 1, 1) AS periode_start,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN personkvartaler END AS personkvartaler,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_i_alt / nullif(personkvartaler, 0) END AS gennemsnit_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN over_2_aar / nullif(personkvartaler, 0) END AS andel_over_2_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN over_3_aar / nullif(personkvartaler, 0) END AS andel_over_3_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN over_5_aar / nullif(personkvartaler, 0) END AS andel_over_5_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_5_7 / nullif(personkvartaler, 0) END AS andel_5_7_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_7_10 / nullif(personkvartaler, 0) END AS andel_7_10_aar,
	   CASE WHEN bi.vis(b.undertrykt, b.min_cell) THEN aar_10_plus / nullif(personkvartaler, 0) END AS andel_10_plus_aar,
	   NOT bi.vis(b.undertrykt, b.min_cell) AS undertrykt
FROM bi.anciennitet_aar_tilstand
	 LEFT JOIN (SELECT niveau, omraade, maalgruppe, aar, aldersgruppe, undertrykt, min_cell
				FROM bi.beskyttelse WHERE tabel = 'anciennitet' AND kvartal = 0) AS b
		 USING (niveau, omraade, maalgruppe, aar, aldersgruppe);
COMMENT ON VIEW bi.anciennitet_aar IS 'BI: anciennitet at the four quarter ends of the year taken together (each person once per quarter end), per area';
