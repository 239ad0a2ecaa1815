-- The BI layer on the demo register (README: "BI views and nightly rollups").
-- Rollup materialized views keep mergeable states per kommune, quarter,
-- målgruppe and age group; views with plain columns merge them into kommuner,
-- klynger, regions, years and the whole country for BI tools; a nightly job
-- (bi/nightly-refresh.sh) refreshes the rollups CONCURRENTLY.  The demo builds
-- the rollups for 2015 only (bi_fra_aar, bi_til_aar) to keep within the demo's
-- time; the layer's default is 2014-2024.
\set bi_fra_aar 2015
\set bi_til_aar 2015
SET client_min_messages = warning;
SELECT clock_timestamp() AS bi_start \gset
\set QUIET on
\ir ../bi/install.sql
\set QUIET off
SELECT round(extract(epoch FROM clock_timestamp() - :'bi_start'::timestamptz)) AS sekunder_for_rollups,
	   (SELECT count(*) FROM bi.ydelse_rollup) AS ydelse_rollup_raekker,
	   pg_size_pretty(pg_total_relation_size('bi.ydelse_rollup') + pg_total_relation_size('bi.forloeb_rollup')
					  + pg_total_relation_size('bi.anciennitet_rollup')) AS rollups_stoerrelse;

-- What a BI tool asks (counts are of the synthetic register, divided by its scale).
-- 1. Aktivitetsparate over 30 as a share of the population aged 30-66, 1st quarter 2015:
--    København against the other kommuner of its klynge (klynge_benchmark over the
--    kommune rows of the view), beside Tabel 1 and 3 of the 2015 analysis.
SELECT dk_number(round(b.koebenhavn / u.skala)::numeric) AS koebenhavn_fuldtidspersoner,
	   dk_pct((b.bm).own_rate) AS koebenhavn, dk_pct((b.bm).cluster_rate) AS klyngen,
	   dk_number(round((b.bm).required_change / u.skala)::numeric) AS kraevet_aendring,
	   '14.800 | 5,5 pct. | 3,4 pct. | -5.750' AS dokumentet
FROM (SELECT klynge_benchmark(v.kommunekode, v.fuldtidspersoner, v.befolkning, 101, 'lower') AS bm,
			 max(v.fuldtidspersoner) FILTER (WHERE v.kommunekode = 101) AS koebenhavn
	  FROM bi.fuldtidspersoner_kvartal AS v
		   JOIN klynge AS k ON k.kommunekode = v.kommunekode AND k.gyldig @> v.periode_start
	  WHERE v.niveau = 'kommune' AND v.aar = 2015 AND v.kvartal = 1 AND v.maalgruppe = 'aktivitetsparate'
		AND v.aldersgruppe = '30+' AND k.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere') AS b,
	 register.udtraek AS u;

-- 2. Activation of the aktivitetsparate over 30 in 2015, per kommune of the klynge,
--    the klynge, the 6 big cities and the whole country.
SELECT v.niveau, v.omraade, dk_pct(v.aktiveringsgrad) AS aktiveringsgrad,
	   dk_pct(v.andel_aktiveringsberoerte) AS aktiveringsberoerte,
	   dk_pct(v.virksomhedsrettet_andel) AS virksomhedsrettet
FROM bi.aktivering_aar AS v
WHERE v.aar = 2015 AND v.maalgruppe = 'aktivitetsparate' AND v.aldersgruppe = '30+'
  AND (v.niveau IN ('klynge', 'hele landet')
	   OR v.kommunekode IN (SELECT kommunekode FROM klynge WHERE klynge = 'København 2015'
							AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'))
ORDER BY v.niveau = 'kommune' DESC, v.niveau, v.omraade COLLATE dansk;

-- 3. New spells on kontanthjælp (aktivitetsparat) started in 2015: the share still on it
--    after 13 and 52 weeks, and the median, for København's klynge kommune by kommune.
SELECT v.omraade, dk_number(round(v.nye_forloeb / u.skala)::numeric) AS nye_forloeb,
	   dk_pct(v.andel_efter_13_uger, 0) AS efter_13_uger, dk_pct(v.andel_efter_52_uger, 0) AS efter_52_uger,
	   v.median_uger
FROM bi.overlevelse_aar AS v, register.udtraek AS u
WHERE v.aar = 2015 AND v.maalgruppe = 'aktivitetsparate' AND v.aldersgruppe = 'i alt'
  AND (v.omraade IN ('København 2015', 'Hele landet')
	   OR v.kommunekode IN (SELECT kommunekode FROM klynge WHERE klynge = 'København 2015'
							AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'))
ORDER BY v.niveau = 'kommune' DESC, v.omraade COLLATE dansk;

-- The nightly job refreshes every rollup CONCURRENTLY while BI tools read the views:
--   PGDATABASE=… bash bi/nightly-refresh.sh
SELECT round(extract(epoch FROM clock_timestamp() - :'bi_start'::timestamptz)) AS sekunder_i_alt;
