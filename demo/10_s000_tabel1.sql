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
CREATE TEMP TABLE tabel1 AS
WITH pr_kommune AS (            -- one pass over the register: fuldtidspersoner per kommune
	SELECT p.kommunekode,
		   fuldtidspersoner(d.uger, k.akt, k.kvartal) AS akt,
		   fuldtidspersoner(d.uger, k.fleksjobvisiterede, k.kvartal) AS fleks,
		   fuldtidspersoner(d.uger, k.ledighedsydelse, k.kvartal) AS ledy,
		   fuldtidspersoner(d.uger, k.ressourceforloeb, k.kvartal) AS resf,
		   fuldtidspersoner(d.uger, k.revalidering, k.kvartal) AS reva,
		   fuldtidspersoner(d.uger, k.udsatte, k.kvartal) AS udsatte
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT quarter_weeks(2015, 1) AS kvartal,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
				 (SELECT codes('synthetic', 'fleksjob') || codes('synthetic', 'ledighedsydelse')) AS fleksjobvisiterede,
				 (SELECT codes('synthetic', 'ledighedsydelse')) AS ledighedsydelse,
				 (SELECT codes('synthetic', 'ressourceforløb')) AS ressourceforloeb,
				 (SELECT codes('synthetic', 'revalidering')) AS revalidering,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'ledighedsydelse')
						 || codes('synthetic', 'ressourceforløb') || codes('synthetic', 'revalidering')) AS udsatte) AS k
	WHERE weeks_in(d.uger, k.udsatte || k.fleksjobvisiterede, k.kvartal) > 0   -- (the others count 0)
	  AND p.foedselsdato <= date '2015-01-01' - interval '30 years'
	GROUP BY p.kommunekode),
befolkning AS (                 -- persons aged 30-66 on 1 January 2015
	SELECT kommunekode, sum(antal) AS personer_30_66
	FROM register.befolkning WHERE aar = 2015 AND kvartal = 1 AND alder >= 30
	GROUP BY kommunekode),
kbh AS (SELECT * FROM pr_kommune JOIN befolkning USING (kommunekode) WHERE kommunekode = 101),   -- København
landet AS (SELECT sum(udsatte) AS udsatte, sum(personer_30_66) AS personer_30_66
		   FROM befolkning LEFT JOIN pr_kommune USING (kommunekode))
SELECT t.*
FROM kbh, landet, register.udtraek AS u,
	 LATERAL (VALUES
		(1, 'seeds/000 Tabel 1', 'aktivitetsparate kontanthjælpsmodtagere', 'København', 14800, kbh.akt / u.skala, 'akt_fuldtid_2015q1'),
		(2, 'seeds/000 Tabel 1', 'fleksjobvisiterede i alt', 'København', 2870, kbh.fleks / u.skala, 'fleks_fuldtid_2015q1'),
		(3, 'seeds/000 Tabel 1', 'heraf ledige fleksjobvisiterede (ledighedsydelse)', 'København', 910, kbh.ledy / u.skala, 'ledy_fuldtid_2015q1'),
		(4, 'seeds/000 Tabel 1', 'borgere i ressourceforløb', 'København', 610, kbh.resf / u.skala, 'resf_fuldtid_2015q1'),
		(5, 'seeds/000 Tabel 1', 'revalidender', 'København', 430, kbh.reva / u.skala, 'reva_fuldtid_2015q1'),
		(6, 'seeds/000 Tabel 1', 'i alt (ekskl. beskæftigede fleksjobvisiterede)', 'København', 16750, kbh.udsatte / u.skala, 'udsatte_fuldtid_2015q1'),
		(7, 'seeds/000 afsnit 1', 'udsatte borgere, pct. af befolkningen 30-66 år', 'København', 6.2,
		 100 * kbh.udsatte / kbh.personer_30_66, 'udsatte_fuldtid_2015q1'),
		(8, 'seeds/000 afsnit 1', 'udsatte borgere, pct. af befolkningen 30-66 år', 'hele landet', 3.7,
		 100 * landet.udsatte / landet.personer_30_66, 'udsatte_fuldtid_2015q1'))
	 AS t (nr, kilde, maal, geografi, dokument, jobreg, noegle);

-- the table as the document prints it, jobreg's figure beside; kept for 99_opsummering.sql
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT kilde, maal, geografi, CASE WHEN nr <= 6 THEN 'fuldtidspersoner' ELSE 'pct.' END, dokument, jobreg, noegle
FROM tabel1 ORDER BY nr
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
