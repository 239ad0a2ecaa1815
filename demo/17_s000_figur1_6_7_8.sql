-- seeds/000 Figur 1, 6, 7 and 8: København among all 98 kommuner.
--   Figur 1: aktivitetsparate kontanthjælpsmodtagere over 30 as a share of the population,
--            1st quarter 2015: "København er den kommune i landet, der har den højeste andel".
--   Figur 6: fleksjobvisiterede (ledige included) as a share of the population, 1st quarter
--            2015: København "lidt over 1 pct.", "blandt de tre kommuner ... med færrest".
--   Figur 7: ledige fleksjobvisiterede as a share of all fleksjobvisiterede: "lidt over 30
--            pct.", "den anden højeste ledighed blandt fleksjobvisiterede i hele landet".
--   Figur 8: the same ledighed quarter by quarter 2004-2014 in København, the klynge and the
--            whole country: København "3-5 pct.-point højere end i hele landet" until 2013,
--            higher than the klynge in every year but 2009 (on a level), and markedly higher
--            than both from 2013.
--
-- Definitions: fuldtidspersoner of persons aged 30 or more (Tabel 1's, read from the rollup
-- register.fuldtid_kommune that 10_s000_tabel1.sql built), the population aged 30-66.
-- `klynge_benchmark` over all 98 kommuner gives the rank: direction 'higher' ranks the
-- highest share 1 (Figur 1, 7), 'lower' the lowest (Figur 6).
-- Figur 7 gives no period; the demo uses Figur 6's 1st quarter of 2015 (Tabel 1's 910 of
-- 2.870 is 31,7 pct., "lidt over 30"); the calibration reads "lidt over 30" as 31 ± 1
-- (synth_maal ledy_andel_fleks_2015q1) and checks the three ranks (calibration.sql).
-- Figur 8's klynge is the ledighedsydelse klynge (Dragør, Furesø, Hillerød, Solrød: Tabel
-- 3's note), without København; its rate is pooled (Σ ledige ÷ Σ fleksjobvisiterede), as
-- Jobindsats pools a klynge, and a year pools its four quarters.  "3-5 pct.-point" compares
-- printed integers, so the calibration reads it as 2,5-5,5 points in each year 2004-2012, and
-- "på niveau" in 2009 as within 1 point (two shapes of synth/sql/calibration.sql); from 2013
-- the document gives no figure ("markant højere"), so the file prints the register's gap.
CREATE TEMP TABLE figur1_6_7 AS
WITH k AS (                     -- per kommune, 1st quarter 2015
	SELECT kommunekode,
		   sum(fuldtidspersoner) FILTER (WHERE maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere') AS akt,
		   sum(fuldtidspersoner) FILTER (WHERE maalgruppe = 'fleksjobvisiterede') AS fleks,
		   sum(fuldtidspersoner) FILTER (WHERE maalgruppe = 'ledighedsydelse') AS ledy,
		   max(personer_30_66) AS personer_30_66
	FROM register.fuldtid_kommune
	WHERE periode = '1. kvt. 2015'
	GROUP BY kommunekode)
SELECT 1 AS figur, (klynge_benchmark(kommunekode, akt, personer_30_66, 101, 'higher')).*,
	   sum(akt) / sum(personer_30_66) AS landet
FROM k
UNION ALL
SELECT 6, (klynge_benchmark(kommunekode, fleks, personer_30_66, 101, 'lower')).*,
	   sum(fleks) / sum(personer_30_66)
FROM k
UNION ALL
SELECT 7, (klynge_benchmark(kommunekode, ledy, fleks, 101, 'higher')).*,
	   sum(ledy) / sum(fleks)
FROM k WHERE fleks > 0;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT x.kilde, x.maal, x.geografi, x.enhed, x.dokument, x.jobreg, NULL
FROM figur1_6_7 f,
	 LATERAL (VALUES
		(1, 'seeds/000 Figur 1', 'aktivitetsparate over 30 år, pct. af befolkningen 30-66 år', 'København',
		 'pct.', NULL::float8, 100 * f.own_rate),
		(2, 'seeds/000 Figur 1', 'aktivitetsparate over 30 år, pct. af befolkningen 30-66 år', 'hele landet',
		 'pct.', NULL, 100 * f.landet),
		(3, 'seeds/000 Figur 1', 'placering blandt landets kommuner (1 = højeste andel)', 'København',
		 'placering', 1, f.rank)) AS x (nr, kilde, maal, geografi, enhed, dokument, jobreg)
WHERE f.figur = 1
UNION ALL
SELECT x.kilde, x.maal, x.geografi, x.enhed, x.dokument, x.jobreg, NULL
FROM figur1_6_7 f,
	 LATERAL (VALUES
		(1, 'seeds/000 Figur 6', 'fleksjobvisiterede, pct. af befolkningen 30-66 år ("lidt over 1 pct.")', 'København',
		 'pct.', 1::float8, 100 * f.own_rate),
		(2, 'seeds/000 Figur 6', 'fleksjobvisiterede, pct. af befolkningen 30-66 år ("lidt over 1 pct.")', 'hele landet',
		 'pct.', NULL, 100 * f.landet),
		(3, 'seeds/000 Figur 6', 'placering (1 = laveste andel; dokumentet: blandt de 3 laveste)', 'København',
		 'placering', 3, f.rank)) AS x (nr, kilde, maal, geografi, enhed, dokument, jobreg)
WHERE f.figur = 6
UNION ALL
SELECT x.kilde, x.maal, x.geografi, x.enhed, x.dokument, x.jobreg,
	   CASE WHEN x.nr = 1 THEN 'ledy_andel_fleks_2015q1' END
FROM figur1_6_7 f,
	 LATERAL (VALUES
		(1, 'seeds/000 Figur 7', 'ledige fleksjobvisiterede, pct. af fleksjobvisiterede ("lidt over 30 pct.": 31 ± 1)', 'København',
		 'pct.', 31::float8, 100 * f.own_rate),
		(2, 'seeds/000 Figur 7', 'ledige fleksjobvisiterede, pct. af fleksjobvisiterede', 'hele landet',
		 'pct.', NULL, 100 * f.landet),
		(3, 'seeds/000 Figur 7', 'placering (1 = højeste ledighed)', 'København',
		 'placering', 2, f.rank)) AS x (nr, kilde, maal, geografi, enhed, dokument, jobreg)
WHERE f.figur = 7
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 2) AS jobreg;

-- which kommuner are on either side of København (the figures' bars around the red one)
SELECT f.figur, m.navn AS hoejeste_eller_laveste_kommune, dk_pct(f.best_rate, 2) AS andel,
	   f.rank || ' af ' || f.kommuner AS koebenhavns_placering
FROM figur1_6_7 f JOIN kommune m ON m.kode = f.best_kommune
ORDER BY f.figur;

-- Figur 8: fleksjobledigheden quarter by quarter, 2004-2014 (persons aged 30 or more on the
-- quarter's first day), per kommune in one pass over those with fleksjob or ledighedsydelse
CREATE TEMP TABLE figur8_kommune AS
WITH kvartaler AS (
	SELECT aar, kvartal, quarter_weeks(aar, kvartal) AS uger, make_date(aar, 3 * kvartal - 2, 1) AS foerste_dag
	FROM generate_series(2004, 2014) AS aar, generate_series(1, 4) AS kvartal),
k AS (
	SELECT (SELECT codes('synthetic', 'ledighedsydelse')) AS ledy,
		   (SELECT codes('synthetic', 'fleksjob') || codes('synthetic', 'ledighedsydelse')) AS fleks)
SELECT q.aar, q.kvartal, p.kommunekode,
	   fuldtidspersoner(d.uger, k.ledy, q.uger) AS ledige,
	   fuldtidspersoner(d.uger, k.fleks, q.uger) AS fleksjobvisiterede
FROM register.person p
JOIN register.dream d USING (pnr)
CROSS JOIN k
JOIN kvartaler q ON p.foedselsdato <= q.foerste_dag - interval '30 years'
WHERE weeks_in(d.uger, k.fleks, weekrange(lower(quarter_weeks(2004, 1)), upper(quarter_weeks(2014, 4)))) > 0
GROUP BY q.aar, q.kvartal, p.kommunekode;

CREATE TEMP TABLE figur8 AS
SELECT f.aar,
	   100 * sum(f.ledige) FILTER (WHERE f.kommunekode = 101)
		   / nullif(sum(f.fleksjobvisiterede) FILTER (WHERE f.kommunekode = 101), 0) AS koebenhavn,
	   100 * sum(f.ledige) FILTER (WHERE g.geografi = 'klyngen (ledighedsydelse)')
		   / nullif(sum(f.fleksjobvisiterede) FILTER (WHERE g.geografi = 'klyngen (ledighedsydelse)'), 0) AS klyngen,
	   100 * sum(f.ledige) / nullif(sum(f.fleksjobvisiterede), 0) AS hele_landet
FROM figur8_kommune f
LEFT JOIN register.geografi g ON g.kommunekode = f.kommunekode AND g.maalgruppe = 'ledighedsydelse'
							 AND g.geografi <> 'hele landet'
GROUP BY f.aar;

SELECT aar, dk_number(koebenhavn::numeric, 1) AS koebenhavn, dk_number(klyngen::numeric, 1) AS klyngen,
	   dk_number(hele_landet::numeric, 1) AS hele_landet,
	   dk_number((koebenhavn - hele_landet)::numeric, 1) AS koebenhavn_minus_landet,
	   dk_number((koebenhavn - klyngen)::numeric, 1) AS koebenhavn_minus_klyngen
FROM figur8 ORDER BY aar;

-- the text's claims: the gap to the country 2004-2012 (3-5 points), and the years in which
-- København was above the klynge (all but 2009, on a level)
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Figur 8', x.maal, 'København', x.enhed, x.dokument, x.jobreg, NULL
FROM (SELECT min(koebenhavn - hele_landet) FILTER (WHERE aar <= 2012) AS min_gap,
			 max(koebenhavn - hele_landet) FILTER (WHERE aar <= 2012) AS max_gap,
			 count(*) FILTER (WHERE koebenhavn > klyngen AND aar <> 2009) AS aar_over_klyngen,
			 avg(koebenhavn - klyngen) FILTER (WHERE aar = 2009) AS gap_klynge_2009,
			 avg(koebenhavn - hele_landet) FILTER (WHERE aar >= 2013) AS gap_2013
	  FROM figur8) AS s,
	 LATERAL (VALUES
		(1, 'fleksjobledighed over hele landet 2004-2012, mindste forskel', 'point', 3::float8, s.min_gap),
		(2, 'fleksjobledighed over hele landet 2004-2012, største forskel', 'point', 5, s.max_gap),
		(3, 'fleksjobledighed over hele landet 2013-2014 ("markant højere")', 'point', NULL, s.gap_2013),
		(4, 'år 2004-2014 ud over 2009 med højere fleksjobledighed end klyngen', 'antal år', 10, s.aar_over_klyngen),
		(5, 'fleksjobledighed over klyngen i 2009 ("på niveau")', 'point', 0, s.gap_klynge_2009))
	 AS x (nr, maal, enhed, dokument, jobreg)
ORDER BY x.nr
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
