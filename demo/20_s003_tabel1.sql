-- seeds/003 (København, status on the udsatte agreement, 2016), Tabel 1 and its text: the
-- udsatte borgere in København in fuldtidspersoner, 1st quarter 2015 against 3rd quarter
-- 2016, per målgruppe, and the beskæftigede fleksjobvisiterede (fleksjob) beside them.
--
-- Definition (synth_maal *_fuldtid_2015q1 and *_fuldtid_2016q3): as seeds/000 Tabel 1,
-- persons aged 30 or more on the quarter's first day; counts divided by the scale.
CREATE TEMP TABLE s003_tabel1 AS
WITH kvartaler (periode, uger, fyldt_30) AS (VALUES
	('1. kvt. 2015', quarter_weeks(2015, 1), date '2015-01-01'),
	('3. kvt. 2016', quarter_weeks(2016, 3), date '2016-07-01')),
kbh AS (                        -- fuldtidspersoner in København (101), per quarter
	SELECT q.periode,
		   fuldtidspersoner(d.uger, k.akt, q.uger) AS akt,
		   fuldtidspersoner(d.uger, k.fleksjobvisiterede, q.uger) AS fleks,
		   fuldtidspersoner(d.uger, k.ledighedsydelse, q.uger) AS ledy,
		   fuldtidspersoner(d.uger, k.ressourceforloeb, q.uger) AS resf,
		   fuldtidspersoner(d.uger, k.revalidering, q.uger) AS reva,
		   fuldtidspersoner(d.uger, k.udsatte, q.uger) AS udsatte,
		   fuldtidspersoner(d.uger, k.fleksjob, q.uger) AS fleksjob
	FROM register.person p
	JOIN register.dream d USING (pnr)
	JOIN kvartaler q ON p.foedselsdato <= q.fyldt_30 - interval '30 years',
		 (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
				 (SELECT codes('synthetic', 'fleksjob')) AS fleksjob,
				 (SELECT codes('synthetic', 'fleksjob') || codes('synthetic', 'ledighedsydelse')) AS fleksjobvisiterede,
				 (SELECT codes('synthetic', 'ledighedsydelse')) AS ledighedsydelse,
				 (SELECT codes('synthetic', 'ressourceforløb')) AS ressourceforloeb,
				 (SELECT codes('synthetic', 'revalidering')) AS revalidering,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'ledighedsydelse')
						 || codes('synthetic', 'ressourceforløb') || codes('synthetic', 'revalidering')) AS udsatte) AS k
	WHERE p.kommunekode = 101
	  AND weeks_in(d.uger, k.udsatte || k.fleksjob,                          -- (the others count 0)
				   weekrange(lower(quarter_weeks(2015, 1)), upper(quarter_weeks(2016, 3)))) > 0
	GROUP BY q.periode)
SELECT r.*
FROM (SELECT kbh.*, kbh.periode = '1. kvt. 2015' AS i_2015 FROM kbh) AS kbh, register.udtraek AS u,
	 LATERAL (VALUES
		(1, 'aktivitetsparate kontanthjælpsmodtagere', kbh.periode,
		 CASE WHEN i_2015 THEN 14800 ELSE 12970 END, kbh.akt / u.skala, 'akt_fuldtid_'),
		(2, 'fleksjobvisiterede i alt', kbh.periode, CASE WHEN i_2015 THEN 2870 ELSE 2863 END, kbh.fleks / u.skala, 'fleks_fuldtid_'),
		(3, '- heraf ledige fleksjobvisiterede', kbh.periode, CASE WHEN i_2015 THEN 910 ELSE 736 END, kbh.ledy / u.skala, 'ledy_fuldtid_'),
		(4, 'borgere i ressourceforløb', kbh.periode, CASE WHEN i_2015 THEN 610 ELSE 1795 END, kbh.resf / u.skala, 'resf_fuldtid_'),
		(5, 'revalidering', kbh.periode, CASE WHEN i_2015 THEN 430 ELSE 370 END, kbh.reva / u.skala, 'reva_fuldtid_'),
		(6, 'i alt (undtagen beskæftigede fleksjobvisiterede)', kbh.periode,
		 CASE WHEN i_2015 THEN 16750 ELSE 15871 END, kbh.udsatte / u.skala, 'udsatte_fuldtid_'),
		(7, 'beskæftigede fleksjobvisiterede (teksten)', kbh.periode,
		 CASE WHEN i_2015 THEN 1960 ELSE 2127 END, kbh.fleksjob / u.skala, 'fleksbesk_fuldtid_'))
	 AS r (nr, maal, periode, dokument, jobreg, noegle);

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT CASE WHEN nr = 7 THEN 'seeds/003 tekst' ELSE 'seeds/003 Tabel 1' END, maal || ', ' || periode, 'København',
	   'fuldtidspersoner', dokument, jobreg,
	   noegle || CASE WHEN periode = '1. kvt. 2015' THEN '2015q1' ELSE '2016q3' END
FROM s003_tabel1 ORDER BY nr, periode
RETURNING maal, register.tal(dokument, enhed, dokument) AS dokumentet, register.tal(jobreg, enhed, dokument) AS jobreg;
