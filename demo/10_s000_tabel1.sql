-- seeds/000 (København, oktober 2015), Tabel 1 and the text of afsnit 1:
-- how many udsatte borgere (fyldt 30 år) are there in København, in fuldtidspersoner in
-- the 1st quarter of 2015, per målgruppe -- and what share of the population aged 30-66
-- are they, in København and in the whole country?
--
-- Definition (synth_maal akt_/fleks_/ledy_/resf_/reva_/udsatte_fuldtid_2015q1):
-- fuldtidspersoner = weeks on the benefit in the quarter's weeks (Thursday rule:
-- quarter_weeks) ÷ the number of those weeks, summed over persons aged 30 or more on
-- 1 January 2015; shares are of the persons aged 30-66 that day (register.befolkning).
-- The register is a sample at scale `skala`: counts are divided by it.
--
-- Fuldtidspersoner add up, so one pass over the register stores them per kommune,
-- målgruppe and period in a rollup table, with the population 30-66 beside them; this
-- file, Tabel 3 and seeds/003's Tabel 1 and 2 read every area and period from it.
CREATE TABLE register.fuldtid_kommune AS
WITH perioder (periode, uger, fyldt_30, aar, kvartal) AS (VALUES
	('1. kvt. 2015', quarter_weeks(2015, 1), date '2015-01-01', 2015, 1),
	('3. kvt. 2016', quarter_weeks(2016, 3), date '2016-07-01', 2016, 3),
	('oktober 2015', month_weeks(2015, 10), date '2015-10-01', 2015, 4),
	('oktober 2016', month_weeks(2016, 10), date '2016-10-01', 2016, 4)),
pr_kommune AS (                 -- one pass over the register
	SELECT e.periode, p.kommunekode,
		   fuldtidspersoner(d.uger, k.akt, e.uger) AS akt,
		   fuldtidspersoner(d.uger, k.fleksjob || k.ledighedsydelse, e.uger) AS fleks,
		   fuldtidspersoner(d.uger, k.ledighedsydelse, e.uger) AS ledy,
		   fuldtidspersoner(d.uger, k.ressourceforloeb, e.uger) AS resf,
		   fuldtidspersoner(d.uger, k.revalidering, e.uger) AS reva,
		   fuldtidspersoner(d.uger, k.udsatte, e.uger) AS udsatte,
		   fuldtidspersoner(d.uger, k.fleksjob, e.uger) AS fleksjob
	FROM register.dream d
	JOIN register.person p USING (pnr)
	JOIN perioder e ON p.foedselsdato <= e.fyldt_30 - interval '30 years',
		 (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
				 (SELECT codes('synthetic', 'fleksjob')) AS fleksjob,
				 (SELECT codes('synthetic', 'ledighedsydelse')) AS ledighedsydelse,
				 (SELECT codes('synthetic', 'ressourceforløb')) AS ressourceforloeb,
				 (SELECT codes('synthetic', 'revalidering')) AS revalidering,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'ledighedsydelse')
						 || codes('synthetic', 'ressourceforløb') || codes('synthetic', 'revalidering')) AS udsatte,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'fleksjob')
						 || codes('synthetic', 'ledighedsydelse') || codes('synthetic', 'ressourceforløb')
						 || codes('synthetic', 'revalidering')) AS alle) AS k
	WHERE weeks_in(d.uger, k.alle, weekrange(lower(quarter_weeks(2015, 1)), upper(month_weeks(2016, 10)))) > 0
										-- (the others count 0: a quick filter)
	GROUP BY e.periode, p.kommunekode),
befolkning AS (                 -- persons aged 30-66 on the first day of each period
	SELECT e.periode, b.kommunekode, sum(b.antal) AS personer_30_66
	FROM register.befolkning b JOIN perioder e USING (aar, kvartal)
	WHERE b.alder >= 30
	GROUP BY e.periode, b.kommunekode)
SELECT b.periode, m.maalgruppe, b.kommunekode, coalesce(m.fuldtidspersoner, 0) AS fuldtidspersoner, b.personer_30_66
FROM befolkning b
LEFT JOIN pr_kommune f USING (periode, kommunekode),
	 LATERAL (VALUES ('aktivitetsparate kontanthjælpsmodtagere', f.akt), ('fleksjobvisiterede', f.fleks),
					 ('ledighedsydelse', f.ledy), ('ressourceforløb', f.resf), ('revalidering', f.reva),
					 ('udsatte', f.udsatte), ('fleksjob', f.fleksjob)) AS m (maalgruppe, fuldtidspersoner);
ALTER TABLE register.fuldtid_kommune ADD PRIMARY KEY (periode, maalgruppe, kommunekode);
COMMENT ON TABLE register.fuldtid_kommune IS 'rollup: fuldtidspersoner (persons aged 30 or more) and the population 30-66 per period, målgruppe and kommune';

-- Tabel 1 (København) and afsnit 1 (the udsatte as a share of the population, København and
-- the whole country) from the rollup
CREATE TEMP TABLE tabel1 AS
SELECT t.*, f.jobreg
FROM (VALUES
		(1, 'seeds/000 Tabel 1', 'aktivitetsparate kontanthjælpsmodtagere', 'aktivitetsparate kontanthjælpsmodtagere',
		 'København', 'fuldtidspersoner', 14800, 'akt_fuldtid_2015q1'),
		(2, 'seeds/000 Tabel 1', 'fleksjobvisiterede i alt', 'fleksjobvisiterede', 'København', 'fuldtidspersoner', 2870,
		 'fleks_fuldtid_2015q1'),
		(3, 'seeds/000 Tabel 1', 'heraf ledige fleksjobvisiterede (ledighedsydelse)', 'ledighedsydelse', 'København',
		 'fuldtidspersoner', 910, 'ledy_fuldtid_2015q1'),
		(4, 'seeds/000 Tabel 1', 'borgere i ressourceforløb', 'ressourceforløb', 'København', 'fuldtidspersoner', 610,
		 'resf_fuldtid_2015q1'),
		(5, 'seeds/000 Tabel 1', 'revalidender', 'revalidering', 'København', 'fuldtidspersoner', 430, 'reva_fuldtid_2015q1'),
		(6, 'seeds/000 Tabel 1', 'i alt (ekskl. beskæftigede fleksjobvisiterede)', 'udsatte', 'København',
		 'fuldtidspersoner', 16750, 'udsatte_fuldtid_2015q1'),
		(7, 'seeds/000 afsnit 1', 'udsatte borgere, pct. af befolkningen 30-66 år', 'udsatte', 'København',
		 'pct.', 6.2, 'udsatte_fuldtid_2015q1'),
		(8, 'seeds/000 afsnit 1', 'udsatte borgere, pct. af befolkningen 30-66 år', 'udsatte', 'hele landet',
		 'pct.', 3.7, 'udsatte_fuldtid_2015q1'))
	 AS t (nr, kilde, maal, maalgruppe, geografi, enhed, dokument, noegle),
	 LATERAL (SELECT CASE WHEN t.enhed = 'pct.' THEN 100 * sum(r.fuldtidspersoner) / sum(r.personer_30_66)
						  ELSE sum(r.fuldtidspersoner) / (SELECT skala FROM register.udtraek) END AS jobreg
			  FROM register.fuldtid_kommune r
			  WHERE r.periode = '1. kvt. 2015' AND r.maalgruppe = t.maalgruppe
				AND (t.geografi = 'hele landet' OR r.kommunekode = 101)) AS f;

-- the table as the document prints it, jobreg's figure beside; kept for 99_opsummering.sql
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT kilde, maal, geografi, enhed, dokument, jobreg, noegle FROM tabel1 ORDER BY nr
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
