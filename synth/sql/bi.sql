--
-- The BI layer (bi/): rollups and views against the same measures computed
-- on the detail with jobreg's aggregates, a rebuild of the rollup tables, the
-- nightly script, jobreg.min_cell, and parallel merges of the rollups.
--
-- A 1 % synthetic register from the demo's own loader, in its own psql (its
-- timings would make this file's output differ from run to run).
\setenv PGDATABASE :DBNAME
\! psql -X -q -v ON_ERROR_STOP=1 -v scale=0.01 -f ../demo/01_register.sql >/dev/null
SELECT count(*) > 0 AS register_loaded FROM register.dream;

-- The layer, years 2014-2024
SET client_min_messages = warning;
\set ECHO none
\i ../bi/install.sql
\set ECHO all
RESET client_min_messages;

-- every relation and function of the layer has a comment; the public views
-- have plain columns only
SELECT count(*) AS without_comment
FROM pg_class AS c
WHERE c.relnamespace = 'bi'::regnamespace AND c.relkind IN ('r', 'v', 'm')
  AND obj_description(c.oid, 'pg_class') IS NULL;
SELECT count(*) AS functions_without_comment
FROM pg_proc AS p WHERE p.pronamespace = 'bi'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL;
SELECT string_agg(DISTINCT data_type, ', ' ORDER BY data_type) AS column_types,
	   count(DISTINCT table_name) AS public_views
FROM information_schema.columns
WHERE table_schema = 'bi' AND table_name ~ '_(kvartal|aar)$';

-- the calendar of the layer: each week's quarter number is that of the
-- quarter_weeks holding it; the two age group functions agree
SELECT count(*) AS weeks, count(*) FILTER (WHERE bi.kvartalsnr(w) <> q.nr) AS mismatches
FROM bi.kvartal AS q, generate_series(0, q.antal_uger - 1) AS i, LATERAL (SELECT lower(q.uger) + i AS w) AS x;
SELECT count(*) FILTER (WHERE bi.aldersgruppe((date '2015-03-01' - make_interval(years => a))::date, date '2015-03-01')
							  IS DISTINCT FROM bi.aldersgruppe(a)
						   OR bi.aldersgruppe((date '2015-03-02' - make_interval(years => a))::date, date '2015-03-01')
							  IS DISTINCT FROM bi.aldersgruppe(a - 1)) AS mismatches
FROM generate_series(16, 66) AS a;

\i ../test/lib/compare.sql

-- The oracle: each measure of 2015 per person (and quarter) from the detail
-- tables, then per area with jobreg's aggregates.  Areas and age groups as
-- the documents define them, written out here from jobreg's reference tables.
CREATE TEMP VIEW t_area AS
SELECT 'kommune' AS niveau, k.navn AS omraade, m.maalgruppe, q.kvartal, k.kode AS kommunekode
FROM kommune AS k, bi.maalgruppe AS m, bi.kvartal AS q WHERE q.aar = 2015
UNION ALL
SELECT 'region', k.region, m.maalgruppe, q.kvartal, k.kode
FROM kommune AS k, bi.maalgruppe AS m, bi.kvartal AS q WHERE q.aar = 2015
UNION ALL
SELECT 'klynge', kl.klynge, m.maalgruppe, q.kvartal, kl.kommunekode
FROM klynge AS kl, bi.maalgruppe AS m, bi.kvartal AS q
WHERE q.aar = 2015 AND kl.gyldig @> q.foerste_dag
  AND (kl.maalgruppe = m.klynge_maalgruppe OR kl.maalgruppe = 'alle')
UNION ALL
SELECT 'hele landet', 'Hele landet', m.maalgruppe, q.kvartal, k.kode
FROM kommune AS k, bi.maalgruppe AS m, bi.kvartal AS q WHERE q.aar = 2015;
CREATE TEMP VIEW t_age (aldersgruppe, indgaar) AS
VALUES ('16-29', '16-29'), ('30+', '30+'), ('i alt', '16-29'), ('i alt', '30+');

-- a person, a målgruppe and a quarter of 2015 with the person's weekline
CREATE TEMP VIEW t_person_quarter AS
SELECT p.pnr, p.kommunekode, m.maalgruppe, m.koder, q.kvartal, q.uger AS kvartal_uger, q.dage,
	   q.sidste_uge, bi.aldersgruppe(p.foedselsdato, q.foerste_dag) AS aldersgruppe, d.uger
FROM register.person AS p JOIN register.dream AS d USING (pnr), bi.maalgruppe AS m, bi.kvartal AS q
WHERE q.aar = 2015;

-- fuldtidspersoner, per quarter and for the whole year (the ISO weeks of 2015)
CREATE TEMP VIEW c_fuldtid AS
WITH on_benefit AS MATERIALIZED (
	SELECT * FROM t_person_quarter AS x WHERE weeks_in(x.uger, x.koder, x.kvartal_uger) > 0
),
detail_quarter AS (
	SELECT a.niveau, a.omraade, a.maalgruppe, a.kvartal, g.aldersgruppe, count(*) AS personer,
		   fuldtidspersoner(x.uger, x.koder, x.kvartal_uger) AS fuldtidspersoner
	FROM on_benefit AS x
		 JOIN t_area AS a USING (kommunekode, maalgruppe, kvartal)
		 JOIN t_age AS g ON g.indgaar = x.aldersgruppe
	GROUP BY 1, 2, 3, 4, 5
),
year_on_benefit AS MATERIALIZED (
	SELECT p.kommunekode, m.maalgruppe, m.koder, d.uger
	FROM register.person AS p JOIN register.dream AS d USING (pnr), bi.maalgruppe AS m
	WHERE weeks_in(d.uger, m.koder, weekrange(isoweek(2015, 1), isoweek(2016, 1))) > 0
),
detail_year AS (
	SELECT a.niveau, a.omraade, a.maalgruppe,
		   fuldtidspersoner(x.uger, x.koder, weekrange(isoweek(2015, 1), isoweek(2016, 1))) AS fuldtidspersoner
	FROM year_on_benefit AS x
		 JOIN (SELECT DISTINCT niveau, omraade, maalgruppe, kommunekode FROM t_area WHERE kvartal = 1) AS a
			 USING (kommunekode, maalgruppe)
	GROUP BY 1, 2, 3
)
SELECT v.niveau, 'quarter' AS periode, count(*) AS cells,
	   count(*) FILTER (WHERE coalesce(d.personer, 0) IS DISTINCT FROM v.personer
						   OR NOT pg_temp.near(coalesce(d.fuldtidspersoner, 0), v.fuldtidspersoner, 1e-9)) AS mismatches
FROM bi.fuldtidspersoner_kvartal AS v
	 LEFT JOIN detail_quarter AS d USING (niveau, omraade, maalgruppe, kvartal, aldersgruppe)
WHERE v.aar = 2015
GROUP BY v.niveau
UNION ALL
SELECT v.niveau, 'year', count(*),
	   count(*) FILTER (WHERE NOT pg_temp.near(coalesce(d.fuldtidspersoner, 0), v.fuldtidspersoner, 1e-9))
FROM bi.fuldtidspersoner_aar AS v
	 LEFT JOIN detail_year AS d USING (niveau, omraade, maalgruppe)
WHERE v.aar = 2015 AND v.aldersgruppe = 'i alt'
GROUP BY v.niveau
ORDER BY 2 DESC, 1;

-- aktivering: one aktivering() per person and quarter, from the benefit
-- periods (the runs on the codes, Monday to Monday) and the offers
CREATE TEMP VIEW c_aktivering AS
WITH person AS MATERIALIZED (
	SELECT x.kommunekode, x.maalgruppe, x.kvartal, x.aldersgruppe,
		   aktivering(y.perioder, x.dage, t.tilbudstype, t.periode, t.timer_pr_uge) AS a
	FROM t_person_quarter AS x
		 CROSS JOIN LATERAL (SELECT range_agg(daterange(monday(lower(r.weeks)), monday(upper(r.weeks)))) AS perioder
							 FROM runs(x.uger) AS r WHERE r.code = ANY (x.koder)) AS y
		 LEFT JOIN bi.kilde_tilbud AS t ON t.pnr = x.pnr AND t.periode && x.dage
	WHERE weeks_in(x.uger, x.koder, x.kvartal_uger) > 0
	GROUP BY x.pnr, x.kommunekode, x.maalgruppe, x.kvartal, x.aldersgruppe
),
detail AS (
	SELECT a.niveau, a.omraade, a.maalgruppe, g.aldersgruppe, GROUPING(a.kvartal) = 1 AS year, a.kvartal,
		   (aktivering_sum(p.a)).*, aktiveringsgrad(p.a) AS aktiveringsgrad,
		   andel_aktiveringsberoerte(p.a) AS andel_aktiveringsberoerte,
		   virksomhedsrettet_andel(p.a) AS virksomhedsrettet_andel
	FROM person AS p
		 JOIN t_area AS a USING (kommunekode, maalgruppe, kvartal)
		 JOIN t_age AS g ON g.indgaar = p.aldersgruppe
	GROUP BY GROUPING SETS ((1, 2, 3, 4, 6), (1, 2, 3, 4))
)
SELECT v.niveau, 'quarter' AS periode, count(*) > 0 AS has_cells,
	   count(*) FILTER (WHERE coalesce(d.personer, 0) IS DISTINCT FROM v.personer
						   OR d.aktiveringsberoerte IS DISTINCT FROM v.aktiveringsberoerte
						   OR NOT pg_temp.near(d.ydelsestimer, v.ydelsestimer, 1e-9)
						   OR NOT pg_temp.near(d.aktiveringstimer, v.aktiveringstimer, 1e-9)
						   OR NOT pg_temp.near(d.virksomhedsrettede_timer, v.virksomhedsrettede_timer, 1e-9)
						   OR NOT pg_temp.near(d.aktiveringsgrad, v.aktiveringsgrad, 1e-9)
						   OR NOT pg_temp.near(d.andel_aktiveringsberoerte, v.andel_aktiveringsberoerte, 1e-9)
						   OR NOT pg_temp.near(d.virksomhedsrettet_andel, v.virksomhedsrettet_andel, 1e-9)) AS mismatches
FROM bi.aktivering_kvartal AS v
	 LEFT JOIN detail AS d ON NOT d.year AND (d.niveau, d.omraade, d.maalgruppe, d.aldersgruppe, d.kvartal)
										  = (v.niveau, v.omraade, v.maalgruppe, v.aldersgruppe, v.kvartal)
WHERE v.aar = 2015
GROUP BY v.niveau
UNION ALL
SELECT v.niveau, 'year', count(*) > 0,
	   count(*) FILTER (WHERE d.personer IS DISTINCT FROM v.personkvartaler
						   OR NOT pg_temp.near(d.ydelsestimer, v.ydelsestimer, 1e-9)
						   OR NOT pg_temp.near(d.aktiveringsgrad, v.aktiveringsgrad, 1e-9)
						   OR NOT pg_temp.near(d.andel_aktiveringsberoerte, v.andel_aktiveringsberoerte, 1e-9)
						   OR NOT pg_temp.near(d.virksomhedsrettet_andel, v.virksomhedsrettet_andel, 1e-9))
FROM bi.aktivering_aar AS v
	 LEFT JOIN detail AS d ON d.year AND (d.niveau, d.omraade, d.maalgruppe, d.aldersgruppe)
									  = (v.niveau, v.omraade, v.maalgruppe, v.aldersgruppe)
WHERE v.aar = 2015 AND v.personkvartaler > 0
GROUP BY v.niveau
ORDER BY 2 DESC, 1;

-- survival of the new spells starting in 2015 (breaks of up to 5 weeks
-- bridged, 52 weeks off the codes before), per start quarter and year
CREATE TEMP VIEW c_overlevelse AS
WITH spell AS MATERIALIZED (
	SELECT p.kommunekode, m.maalgruppe, q.kvartal, bi.aldersgruppe(p.foedselsdato, q.foerste_dag) AS aldersgruppe,
		   s.weeks, NOT s.right_censored AS ended
	FROM register.person AS p JOIN register.dream AS d USING (pnr), bi.maalgruppe AS m,
		 LATERAL spells(d.uger, m.koder, 5) AS s, bi.kvartal AS q
	WHERE q.aar = 2015 AND q.uger @> lower(s.spell) AND NOT s.left_censored AND coalesce(s.prior_gap, 52) >= 52
),
detail AS (
	SELECT a.niveau, a.omraade, a.maalgruppe, g.aldersgruppe, GROUPING(a.kvartal) = 1 AS year, a.kvartal,
		   count(*) AS nye_forloeb, survival(s.weeks, s.ended) AS s
	FROM spell AS s
		 JOIN t_area AS a USING (kommunekode, maalgruppe, kvartal)
		 JOIN t_age AS g ON g.indgaar = s.aldersgruppe
	GROUP BY GROUPING SETS ((1, 2, 3, 4, 6), (1, 2, 3, 4))
),
compared AS (
	SELECT niveau, 'quarter' AS periode,
		   d.nye_forloeb IS DISTINCT FROM v.nye_forloeb
		   OR NOT pg_temp.near(surv_at(d.s, 13), v.andel_efter_13_uger, 1e-9)
		   OR NOT pg_temp.near(surv_at(d.s, 26), v.andel_efter_26_uger, 1e-9)
		   OR NOT pg_temp.near(surv_at(d.s, 52), v.andel_efter_52_uger, 1e-9)
		   OR NOT pg_temp.near(surv_median(d.s), v.median_uger, 1e-9) AS mismatch
	FROM (SELECT * FROM bi.overlevelse_kvartal WHERE aar = 2015) AS v
		 FULL JOIN (SELECT * FROM detail WHERE NOT year) AS d
			 USING (niveau, omraade, maalgruppe, aldersgruppe, kvartal)
	UNION ALL
	SELECT niveau, 'year',
		   d.nye_forloeb IS DISTINCT FROM v.nye_forloeb
		   OR NOT pg_temp.near(surv_at(d.s, 13), v.andel_efter_13_uger, 1e-9)
		   OR NOT pg_temp.near(surv_at(d.s, 52), v.andel_efter_52_uger, 1e-9)
		   OR NOT pg_temp.near(surv_median(d.s), v.median_uger, 1e-9)
	FROM (SELECT * FROM bi.overlevelse_aar WHERE aar = 2015) AS v
		 FULL JOIN (SELECT * FROM detail WHERE year) AS d USING (niveau, omraade, maalgruppe, aldersgruppe)
)
SELECT niveau, periode, count(*) > 0 AS has_cells, count(*) FILTER (WHERE mismatch) AS mismatches
FROM compared GROUP BY 1, 2 ORDER BY 2 DESC, 1;

-- anciennitet (STAR: breaks of up to 5 weeks bridged) in the last week of
-- each quarter, per quarter and for the four quarter ends of the year
CREATE TEMP VIEW c_anciennitet AS
WITH person AS MATERIALIZED (
	SELECT x.kommunekode, x.maalgruppe, x.kvartal, x.aldersgruppe, an.uger
	FROM t_person_quarter AS x,
		 LATERAL (SELECT anciennitet(x.uger, x.koder, x.sidste_uge) AS uger) AS an
	-- (a spell holding the week has a week on the codes at most 5 weeks before)
	WHERE weeks_in(x.uger, x.koder, weekrange(x.sidste_uge - 5, x.sidste_uge + 1)) > 0
	  AND an.uger IS NOT NULL
),
detail AS (
	SELECT a.niveau, a.omraade, a.maalgruppe, g.aldersgruppe, GROUPING(a.kvartal) = 1 AS year, a.kvartal,
		   (anciennitet_fordeling(p.uger)).*
	FROM person AS p
		 JOIN t_area AS a USING (kommunekode, maalgruppe, kvartal)
		 JOIN t_age AS g ON g.indgaar = p.aldersgruppe
	GROUP BY GROUPING SETS ((1, 2, 3, 4, 6), (1, 2, 3, 4))
),
compared AS (
	SELECT niveau, 'quarter' AS periode,
		   d.personer IS DISTINCT FROM v.personer
		   OR NOT pg_temp.near(d.gennemsnit_aar, v.gennemsnit_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_over_2_aar, v.andel_over_2_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_over_3_aar, v.andel_over_3_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_over_5_aar, v.andel_over_5_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_5_7_aar, v.andel_5_7_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_7_10_aar, v.andel_7_10_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_10_plus_aar, v.andel_10_plus_aar, 1e-9) AS mismatch
	FROM (SELECT * FROM bi.anciennitet_kvartal WHERE aar = 2015) AS v
		 FULL JOIN (SELECT * FROM detail WHERE NOT year) AS d
			 USING (niveau, omraade, maalgruppe, aldersgruppe, kvartal)
	UNION ALL
	SELECT niveau, 'year',
		   d.personer IS DISTINCT FROM v.personkvartaler
		   OR NOT pg_temp.near(d.gennemsnit_aar, v.gennemsnit_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_over_2_aar, v.andel_over_2_aar, 1e-9)
		   OR NOT pg_temp.near(d.andel_10_plus_aar, v.andel_10_plus_aar, 1e-9)
	FROM (SELECT * FROM bi.anciennitet_aar WHERE aar = 2015) AS v
		 FULL JOIN (SELECT * FROM detail WHERE year) AS d USING (niveau, omraade, maalgruppe, aldersgruppe)
)
SELECT niveau, periode, count(*) > 0 AS has_cells, count(*) FILTER (WHERE mismatch) AS mismatches
FROM compared GROUP BY 1, 2 ORDER BY 2 DESC, 1;

-- Against plain SQL: the whole country's persons per quarter and share of
-- the population aged 30-66 for 2015, from the runs and the population table
CREATE TEMP VIEW c_plain AS
WITH run AS (
	SELECT m.maalgruppe, q.kvartal, q.antal_uger, d.pnr,
		   upper(r.weeks * q.uger) - lower(r.weeks * q.uger) AS uger
	FROM register.dream AS d
		 CROSS JOIN LATERAL runs(d.uger) AS r
		 JOIN bi.maalgruppe AS m ON r.code = ANY (m.koder)
		 JOIN bi.kvartal AS q ON q.aar = 2015 AND r.weeks && q.uger
		 JOIN register.person AS p ON p.pnr = d.pnr
	WHERE p.foedselsdato <= q.foerste_dag - interval '30 years'
),
plain AS (
	SELECT maalgruppe, count(DISTINCT (pnr, kvartal)) AS personkvartaler,
		   sum(uger)::float8 / (SELECT sum(b.antal * q.antal_uger)
								FROM register.befolkning AS b JOIN bi.kvartal AS q USING (aar, kvartal)
								WHERE b.aar = 2015 AND b.alder >= 30) AS andel
	FROM run GROUP BY maalgruppe
)
SELECT count(*) AS maalgrupper,
	   count(*) FILTER (WHERE p.personkvartaler IS DISTINCT FROM v.personkvartaler
						   OR NOT pg_temp.near(p.andel, v.andel_af_befolkningen, 1e-9)) AS mismatches
FROM plain AS p
	 JOIN bi.fuldtidspersoner_aar AS v USING (maalgruppe)
WHERE v.niveau = 'hele landet' AND v.aar = 2015 AND v.aldersgruppe = '30+';

SELECT * FROM c_fuldtid;
SELECT * FROM c_aktivering;
SELECT * FROM c_overlevelse;
SELECT * FROM c_anciennitet;
SELECT * FROM c_plain;

-- A rebuild of the rollups: the rows do not change when the detail does not
CREATE TEMP VIEW forloeb_text AS
SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe, nye_forloeb, overlevelse::text FROM bi.forloeb_rollup;
CREATE TEMP TABLE before AS SELECT * FROM forloeb_text;
SELECT FROM bi.rollups_genopbyg();
SELECT count(*) AS changed_rows
FROM (SELECT * FROM before EXCEPT SELECT * FROM forloeb_text
	  UNION ALL
	  SELECT * FROM forloeb_text EXCEPT SELECT * FROM before) AS x;

-- Changing the detail: København's offers and Frederiksberg's histories go,
-- the nightly script refreshes, and the views follow the detail
CREATE TEMP TABLE before_year AS
SELECT omraade, maalgruppe, fuldtidspersoner, andel_af_befolkningen
FROM bi.fuldtidspersoner_aar WHERE aar = 2015 AND aldersgruppe = 'i alt';
DELETE FROM register.tilbud WHERE pnr IN (SELECT pnr FROM register.person WHERE kommunekode = 101);
DELETE FROM register.dream WHERE pnr IN (SELECT pnr FROM register.person WHERE kommunekode = 147);
\! bash ../bi/nightly-refresh.sh | sed 's/ in [0-9.]* s$//'
SELECT maalgruppe, max(aktiveringstimer) AS koebenhavn_aktiveringstimer
FROM bi.aktivering_kvartal
WHERE omraade = 'København' AND aldersgruppe = 'i alt' AND maalgruppe <> 'fleksjobvisiterede'
GROUP BY 1 ORDER BY 1;
SELECT count(*) AS cells, count(*) FILTER (WHERE fuldtidspersoner <> 0) AS frederiksberg_nonzero
FROM bi.fuldtidspersoner_kvartal WHERE omraade = 'Frederiksberg';
SELECT omraade, count(*) FILTER (WHERE v.fuldtidspersoner < b.fuldtidspersoner) AS fewer_fuldtidspersoner,
	   count(*) FILTER (WHERE v.fuldtidspersoner > b.fuldtidspersoner) AS more
FROM bi.fuldtidspersoner_aar AS v JOIN before_year AS b USING (omraade, maalgruppe)
WHERE v.aar = 2015 AND v.aldersgruppe = 'i alt' AND omraade IN ('Frederiksberg', 'Hovedstaden', 'Hele landet', 'Aarhus')
GROUP BY 1 ORDER BY 1;
SELECT * FROM c_fuldtid;
SELECT * FROM c_aktivering;
SELECT * FROM c_overlevelse;
SELECT * FROM c_anciennitet;
SELECT * FROM c_plain;

-- the script stops with an error status when it cannot refresh
\! BI_SCHEMA=no_such_schema bash ../bi/nightly-refresh.sh 2>&1 >/dev/null; echo "exit status $?"
CREATE MATERIALIZED VIEW bi.no_unique_index AS SELECT 1 AS x;
COMMENT ON MATERIALIZED VIEW bi.no_unique_index IS 'a view REFRESH … CONCURRENTLY refuses';
\! bash ../bi/nightly-refresh.sh 2>&1 >/dev/null; echo "exit status $?"
DROP MATERIALIZED VIEW bi.no_unique_index;

-- disclosure control (doc/disclosure.md): bi.beskyttelse is computed for the
-- threshold in force when it is refreshed; a cell of fewer persons is
-- withheld, and so are the secondary cells; what is shown is unchanged
CREATE TEMP TABLE open_cells AS
SELECT niveau, omraade, maalgruppe, aldersgruppe, kvartal, personer, fuldtidspersoner
FROM bi.fuldtidspersoner_kvartal WHERE aar = 2015;
SET jobreg.min_cell = 10;
SELECT count(*) FILTER (WHERE v.undertrykt) AS withheld_before_refresh, count(*) AS cells
FROM bi.fuldtidspersoner_kvartal AS v WHERE v.aar = 2015;
REFRESH MATERIALIZED VIEW bi.beskyttelse;
SELECT count(*) FILTER (WHERE v.undertrykt) > 0 AS some_withheld,
	   count(*) FILTER (WHERE o.personer < 10 AND NOT v.undertrykt) AS small_shown,
	   count(*) FILTER (WHERE v.undertrykt AND o.personer >= 10) > 0 AS some_secondary,
	   count(*) FILTER (WHERE v.undertrykt AND (v.personer IS NOT NULL OR v.fuldtidspersoner IS NOT NULL)) AS withheld_but_shown,
	   count(*) FILTER (WHERE NOT v.undertrykt AND NOT pg_temp.near(v.fuldtidspersoner, o.fuldtidspersoner, 0)) AS shown_changed
FROM bi.fuldtidspersoner_kvartal AS v JOIN open_cells AS o USING (niveau, omraade, maalgruppe, aldersgruppe, kvartal)
WHERE v.aar = 2015;
-- a reader under a higher threshold than the refresh's sees nothing
SET jobreg.min_cell = 11;
SELECT bool_and(undertrykt) AS all_withheld FROM bi.fuldtidspersoner_kvartal WHERE aar = 2015;
SET jobreg.min_cell = 5;
REFRESH MATERIALIZED VIEW bi.beskyttelse;
-- Disclosure control of the BI views (issue 19): with a threshold of 5 in
-- force, no published cell rests on fewer than 5 persons, and no withheld
-- cell is the only withheld one of a relation between published cells: an
-- area and its kommuner (quarters; years of regions and the country), a
-- year and its quarters, i alt and its age groups.  Relations recomputed
-- here from the views and bi.omraade, not read from bi.beskyttelse.
CREATE TEMP VIEW vc AS
SELECT 'ydelse' AS f, niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, personer
FROM bi.fuldtidspersoner_kvartal
UNION ALL SELECT 'ydelse', niveau, omraade, maalgruppe, aar, 0, aldersgruppe, undertrykt, NULL FROM bi.fuldtidspersoner_aar
UNION ALL SELECT 'ydelse2', niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, personer FROM bi.aktivering_kvartal
UNION ALL SELECT 'ydelse2', niveau, omraade, maalgruppe, aar, 0, aldersgruppe, undertrykt, NULL FROM bi.aktivering_aar
UNION ALL SELECT 'forloeb', niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, nye_forloeb FROM bi.overlevelse_kvartal
UNION ALL SELECT 'forloeb', niveau, omraade, maalgruppe, aar, 0, aldersgruppe, undertrykt, nye_forloeb FROM bi.overlevelse_aar
UNION ALL SELECT 'anciennitet', niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe, undertrykt, personer FROM bi.anciennitet_kvartal
UNION ALL SELECT 'anciennitet', niveau, omraade, maalgruppe, aar, 0, aldersgruppe, undertrykt, NULL FROM bi.anciennitet_aar;
CREATE TEMP TABLE vcell AS SELECT * FROM vc;
CREATE INDEX ON vcell (f, niveau, omraade, maalgruppe, aar, kvartal, aldersgruppe);
ANALYZE vcell;
SELECT min_cell_effective() AS threshold,
	   count(*) AS cells, count(*) FILTER (WHERE undertrykt) AS withheld,
	   count(*) FILTER (WHERE NOT undertrykt AND personer < 5) AS published_under_5
FROM vcell;
CREATE TEMP TABLE relations AS
SELECT 'area and kommuner' AS kind, a.f,
	   a.undertrykt::int + count(*) FILTER (WHERE k.undertrykt) AS withheld
FROM vcell AS a
	 JOIN bi.omraade AS o ON (o.niveau, o.omraade, o.maalgruppe, o.aar, o.kvartal) = (a.niveau, a.omraade, a.maalgruppe, a.aar, a.kvartal)
	 JOIN kommune AS km ON km.kode = o.kommunekode
	 JOIN vcell AS k ON (k.f, k.niveau, k.omraade, k.maalgruppe, k.aar, k.kvartal, k.aldersgruppe)
						= (a.f, 'kommune', km.navn, a.maalgruppe, a.aar, a.kvartal, a.aldersgruppe)
WHERE a.niveau <> 'kommune' AND a.kvartal > 0
GROUP BY a.f, a.niveau, a.omraade, a.maalgruppe, a.aar, a.kvartal, a.aldersgruppe, a.undertrykt
UNION ALL
SELECT 'region or country year and kommuner', a.f,
	   a.undertrykt::int + count(*) FILTER (WHERE k.undertrykt)
FROM vcell AS a
	 JOIN (SELECT DISTINCT niveau, omraade, maalgruppe, aar, kommunekode FROM bi.omraade
		   WHERE niveau IN ('region', 'hele landet')) AS o
		 ON (o.niveau, o.omraade, o.maalgruppe, o.aar) = (a.niveau, a.omraade, a.maalgruppe, a.aar)
	 JOIN kommune AS km ON km.kode = o.kommunekode
	 JOIN vcell AS k ON (k.f, k.niveau, k.omraade, k.maalgruppe, k.aar, k.kvartal, k.aldersgruppe)
						= (a.f, 'kommune', km.navn, a.maalgruppe, a.aar, 0, a.aldersgruppe)
WHERE a.kvartal = 0
GROUP BY a.f, a.niveau, a.omraade, a.maalgruppe, a.aar, a.aldersgruppe, a.undertrykt
UNION ALL
SELECT 'year and quarters', y.f, y.undertrykt::int + count(*) FILTER (WHERE q.undertrykt)
FROM vcell AS y
	 JOIN vcell AS q ON (q.f, q.niveau, q.omraade, q.maalgruppe, q.aar, q.aldersgruppe)
						= (y.f, y.niveau, y.omraade, y.maalgruppe, y.aar, y.aldersgruppe) AND q.kvartal > 0
WHERE y.kvartal = 0
GROUP BY y.f, y.niveau, y.omraade, y.maalgruppe, y.aar, y.aldersgruppe, y.undertrykt
UNION ALL
SELECT 'i alt and age groups', t.f, t.undertrykt::int + count(*) FILTER (WHERE g.undertrykt)
FROM vcell AS t
	 JOIN vcell AS g ON (g.f, g.niveau, g.omraade, g.maalgruppe, g.aar, g.kvartal)
						= (t.f, t.niveau, t.omraade, t.maalgruppe, t.aar, t.kvartal) AND g.aldersgruppe <> 'i alt'
WHERE t.aldersgruppe = 'i alt'
GROUP BY t.f, t.niveau, t.omraade, t.maalgruppe, t.aar, t.kvartal, t.undertrykt;
-- a relation with exactly one withheld cell gives it by one subtraction (or,
-- for a withheld total, by the sum of its published parts)
SELECT kind, count(*) AS relations, count(*) FILTER (WHERE withheld > 0) AS with_withheld,
	   count(*) FILTER (WHERE withheld = 1) AS recoverable
FROM relations GROUP BY kind ORDER BY kind;
-- ... nor by any combination of them (issue 19): the relations of 2015 above, each
-- with its total, solved together by exact integer elimination written apart from
-- suppress_cells (test/lib/disclosed.sql); relations never cross years, so this is
-- every component of 2015 (all four families)
\i ../test/lib/disclosed.sql
CREATE TEMP TABLE vid AS
SELECT row_number() OVER (ORDER BY f, niveau, omraade, maalgruppe, kvartal, aldersgruppe) AS id, *
FROM vcell WHERE aar = 2015;
CREATE INDEX ON vid (f, niveau, omraade, maalgruppe, kvartal, aldersgruppe);
ANALYZE vid;
CREATE TEMP TABLE vrel AS
SELECT 'a|' || a.id AS rel, a.id, true AS total FROM vid AS a WHERE a.niveau <> 'kommune' AND a.kvartal > 0
UNION ALL
SELECT 'a|' || a.id, k.id, false
FROM vid AS a
	 JOIN bi.omraade AS o ON (o.niveau, o.omraade, o.maalgruppe, o.aar, o.kvartal) = (a.niveau, a.omraade, a.maalgruppe, 2015, a.kvartal)
	 JOIN kommune AS km ON km.kode = o.kommunekode
	 JOIN vid AS k ON (k.f, k.niveau, k.omraade, k.maalgruppe, k.kvartal, k.aldersgruppe)
					  = (a.f, 'kommune', km.navn, a.maalgruppe, a.kvartal, a.aldersgruppe)
WHERE a.niveau <> 'kommune' AND a.kvartal > 0
UNION ALL
SELECT 'r|' || a.id, a.id, true FROM vid AS a WHERE a.niveau IN ('region', 'hele landet') AND a.kvartal = 0
UNION ALL
SELECT 'r|' || a.id, k.id, false
FROM vid AS a
	 JOIN (SELECT DISTINCT niveau, omraade, maalgruppe, kommunekode FROM bi.omraade
		   WHERE aar = 2015 AND niveau IN ('region', 'hele landet')) AS o
		 ON (o.niveau, o.omraade, o.maalgruppe) = (a.niveau, a.omraade, a.maalgruppe)
	 JOIN kommune AS km ON km.kode = o.kommunekode
	 JOIN vid AS k ON (k.f, k.niveau, k.omraade, k.maalgruppe, k.kvartal, k.aldersgruppe)
					  = (a.f, 'kommune', km.navn, a.maalgruppe, 0, a.aldersgruppe)
WHERE a.kvartal = 0
UNION ALL
SELECT 't|' || y.id, q.id, q.kvartal = 0
FROM vid AS y
	 JOIN vid AS q ON (q.f, q.niveau, q.omraade, q.maalgruppe, q.aldersgruppe) = (y.f, y.niveau, y.omraade, y.maalgruppe, y.aldersgruppe)
WHERE y.kvartal = 0
UNION ALL
SELECT 'g|' || t.id, g.id, g.aldersgruppe = 'i alt'
FROM vid AS t
	 JOIN vid AS g ON (g.f, g.niveau, g.omraade, g.maalgruppe, g.kvartal) = (t.f, t.niveau, t.omraade, t.maalgruppe, t.kvartal)
WHERE t.aldersgruppe = 'i alt';
CREATE TEMP TABLE vrel_n AS SELECT dense_rank() OVER (ORDER BY rel) AS rid, id, total FROM vrel;
SELECT count(*) AS withheld_2015, count(*) FILTER (WHERE d.disclosed) AS recoverable_by_combination,
	   count(*) FILTER (WHERE d.disclosed IS NULL) AS not_solved, count(DISTINCT d.component) AS components
FROM pg_temp.disclosed((SELECT array_agg(rid ORDER BY rid, id) FROM vrel_n), (SELECT array_agg(id ORDER BY rid, id) FROM vrel_n),
					   (SELECT array_agg(total ORDER BY rid, id) FROM vrel_n), (SELECT array_agg(id) FROM vid WHERE undertrykt),
					   5000) AS d;
-- information loss: cells and persons withheld, primary and secondary
SELECT tabel, coalesce(regel, 'published') AS regel, count(*) AS celler, sum(personer) AS personer,
	   round(100.0 * sum(personer) / sum(sum(personer)) OVER (PARTITION BY tabel), 1) AS pct_personer
FROM bi.beskyttelse WHERE niveau = 'kommune' AND aldersgruppe = 'i alt' AND kvartal > 0
GROUP BY 1, 2 ORDER BY 1, 2;
RESET jobreg.min_cell;
REFRESH MATERIALIZED VIEW bi.beskyttelse;

-- Parallel merges of the rollups equal serial ones
CREATE TEMP VIEW merged AS
SELECT y.maalgruppe, y.aar, y.personer, y.uger, y.aktivering, f.nye_forloeb, f.s52, f.median
FROM (SELECT maalgruppe, aar, sum(personer) AS personer, sum(uger) AS uger, aktivering_sum(aktivering) AS aktivering
	  FROM bi.ydelse_rollup GROUP BY 1, 2) AS y
	 JOIN (SELECT maalgruppe, aar, sum(nye_forloeb) AS nye_forloeb,
				  surv_at(survival_merge(overlevelse), 52) AS s52, surv_median(survival_merge(overlevelse)) AS median
		   FROM bi.forloeb_rollup GROUP BY 1, 2) AS f USING (maalgruppe, aar);
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE merged_serial AS SELECT * FROM merged;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT maalgruppe, aar, sum(personer), sum(uger), aktivering_sum(aktivering) FROM bi.ydelse_rollup GROUP BY 1, 2;
EXPLAIN (COSTS OFF)
SELECT maalgruppe, aar, sum(nye_forloeb), survival_merge(overlevelse) FROM bi.forloeb_rollup GROUP BY 1, 2;
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE (s.personer, s.uger, s.nye_forloeb, (s.aktivering).personer) IS DISTINCT FROM (p.personer, p.uger, p.nye_forloeb, (p.aktivering).personer)
						   OR NOT pg_temp.near((s.aktivering).ydelsestimer, (p.aktivering).ydelsestimer, 1e-9)
						   OR NOT pg_temp.near((s.aktivering).aktiveringstimer, (p.aktivering).aktiveringstimer, 1e-9)
						   OR NOT pg_temp.near(s.s52, p.s52, 1e-9) OR NOT pg_temp.near(s.median, p.median, 1e-9)) AS mismatches
FROM merged_serial AS s JOIN merged AS p USING (maalgruppe, aar);
RESET ALL;
