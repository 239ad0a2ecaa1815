-- seeds/003 (København, status on the udsatte agreement, 2016), Tabel 1 and its text: the
-- udsatte borgere in København in fuldtidspersoner, 1st quarter 2015 against 3rd quarter
-- 2016, per målgruppe, and the beskæftigede fleksjobvisiterede (fleksjob) beside them.
--
-- Definition (synth_maal *_fuldtid_2015q1 and *_fuldtid_2016q3): as seeds/000 Tabel 1,
-- persons aged 30 or more on the quarter's first day; counts divided by the scale.  Read
-- from the rollup register.fuldtid_kommune (10_s000_tabel1.sql).
CREATE TEMP TABLE s003_tabel1 AS
SELECT t.nr, t.kilde, t.maal || ', ' || r.periode AS maal, r.periode, t.maalgruppe, t.noegle,
	   CASE WHEN r.periode = '1. kvt. 2015' THEN t.kvt1_2015 ELSE t.kvt3_2016 END AS dokument,
	   r.fuldtidspersoner / u.skala AS jobreg
FROM (VALUES    -- Tabel 1 as printed (and the text's beskæftigede fleksjobvisiterede)
		(1, 'seeds/003 Tabel 1', 'aktivitetsparate kontanthjælpsmodtagere', 'aktivitetsparate kontanthjælpsmodtagere',
		 14800, 12970, 'akt_fuldtid_'),
		(2, 'seeds/003 Tabel 1', 'fleksjobvisiterede i alt', 'fleksjobvisiterede', 2870, 2863, 'fleks_fuldtid_'),
		(3, 'seeds/003 Tabel 1', '- heraf ledige fleksjobvisiterede', 'ledighedsydelse', 910, 736, 'ledy_fuldtid_'),
		(4, 'seeds/003 Tabel 1', 'borgere i ressourceforløb', 'ressourceforløb', 610, 1795, 'resf_fuldtid_'),
		(5, 'seeds/003 Tabel 1', 'revalidering', 'revalidering', 430, 370, 'reva_fuldtid_'),
		(6, 'seeds/003 Tabel 1', 'i alt (undtagen beskæftigede fleksjobvisiterede)', 'udsatte', 16750, 15871,
		 'udsatte_fuldtid_'),
		(7, 'seeds/003 tekst', 'beskæftigede fleksjobvisiterede', 'fleksjob', 1960, 2127, 'fleksbesk_fuldtid_'))
	 AS t (nr, kilde, maal, maalgruppe, kvt1_2015, kvt3_2016, noegle)
JOIN register.fuldtid_kommune r ON r.maalgruppe = t.maalgruppe AND r.kommunekode = 101      -- København
	AND r.periode IN ('1. kvt. 2015', '3. kvt. 2016'),
	 register.udtraek u;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT kilde, maal, 'København', 'fuldtidspersoner', dokument, jobreg,
	   noegle || CASE WHEN periode = '1. kvt. 2015' THEN '2015q1' ELSE '2016q3' END
FROM s003_tabel1 ORDER BY nr, periode
RETURNING maal, register.tal(dokument, enhed, dokument) AS dokumentet, register.tal(jobreg, enhed, dokument) AS jobreg;
