-- seeds/000 Tabel 3: how far is København from its klynge?  Each målgruppe as a share of
-- the population aged 30-66 in København and in the klynge (1st quarter 2015), and the
-- change in fuldtidspersoner that would bring København to the klynge's level.
--
-- Definition: as Tabel 1 (synth_maal *_fuldtid_2015q1), shares of the persons aged 30-66
-- on 1 January 2015; read from the rollup register.fuldtid_kommune (10_s000_tabel1.sql).  The klynger are jobreg's `klynge` rows 'København 2015' (Albertslund,
-- Brøndby, Høje-Taastrup, Ishøj, Lolland; for ledighedsydelse Dragør, Furesø, Hillerød,
-- Solrød); klynge_benchmark pools the other kommuner (Σ fuldtidspersoner ÷ Σ population)
-- and gives the required change, here divided by the register's scale.  The document's
-- "krævet ændring" was computed from its unrounded rates (see the README's Klynge
-- benchmarks), so it is shown for reference only.
CREATE TEMP TABLE tabel3 AS
WITH benchmark AS (             -- København against the other kommuner of its klynge, per målgruppe
	SELECT r.maalgruppe, (klynge_benchmark(r.kommunekode, r.fuldtidspersoner, r.personer_30_66, 101, 'lower')).*
	FROM register.fuldtid_kommune r
	JOIN klynge k ON k.kommunekode = r.kommunekode AND k.maalgruppe = r.maalgruppe
		AND k.klynge = 'København 2015' AND k.gyldig @> date '2015-03-31'
	WHERE r.periode = '1. kvt. 2015'
	GROUP BY r.maalgruppe)
SELECT d.nr, d.maal, r.*
FROM benchmark AS b
JOIN (VALUES            -- Tabel 3 as printed: København, klyngen, krævet ændring
		(1, 'aktivitetsparate kontanthjælpsmodtagere', 'aktivitetsparate kontanthjælpsmodtagere', 'klyngen',
		 5.5, 3.4, -5750, 'akt_fuldtid_2015q1'),
		(2, 'fleksjobvisiterede i alt', 'fleksjobvisiterede', 'klyngen', 1.1, 1.6, 1500, 'fleks_fuldtid_2015q1'),
		(3, 'heraf ledige fleksjobvisiterede', 'ledighedsydelse', 'klyngen (ledighedsydelse)', 0.3, 0.4, 270,
		 'ledy_fuldtid_2015q1'),
		(4, 'borgere i ressourceforløb', 'ressourceforløb', 'klyngen', 0.2, 0.4, 420, 'resf_fuldtid_2015q1'),
		(5, 'revalidender', 'revalidering', 'klyngen', 0.2, 0.3, 280, 'reva_fuldtid_2015q1'))
	 AS d (nr, maal, maalgruppe, klyngen, kbh_pct, klyngen_pct, kraevet_aendring, noegle) USING (maalgruppe),
	 register.udtraek AS u,
	 LATERAL (VALUES
		('København', 'pct. af befolkningen 30-66 år', d.kbh_pct, 100 * b.own_rate, d.noegle),
		(d.klyngen, 'pct. af befolkningen 30-66 år', d.klyngen_pct, 100 * b.cluster_rate, d.noegle),
		('krævet ændring', 'fuldtidspersoner', d.kraevet_aendring, b.required_change / u.skala, NULL))
	 AS r (geografi, enhed, dokument, jobreg, noegle);

-- the table as the document prints it, jobreg's figure beside; kept for 99_opsummering.sql
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Tabel 3', CASE WHEN geografi = 'krævet ændring' THEN 'krævet ændring: ' || maal ELSE maal END,
	   CASE WHEN geografi = 'krævet ændring' THEN 'København' ELSE geografi END, enhed, dokument, jobreg, noegle
FROM tabel3 ORDER BY nr, geografi = 'krævet ændring', geografi <> 'København'
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
