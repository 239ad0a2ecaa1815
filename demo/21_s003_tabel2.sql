-- seeds/003 Tabel 2: the aktivitetsparate kontanthjælpsmodtagere fyldt 30 år as a share of
-- the population, October 2015 and October 2016, in København, the klynge and the country.
--
-- Definition (synth_maal akt_fuldtid_2015m10, akt_fuldtid_2016m10): fuldtidspersoner in
-- the month's weeks (Thursday rule: month_weeks) of persons aged 30 or more on the 1st of
-- October, ÷ the persons aged 30-66 that day.  The klynge is the 2015 one (jobreg's
-- `klynge` rows 'København 2015'), as the document compares with the same kommuner.
CREATE TEMP TABLE s003_tabel2 AS
WITH maaneder (periode, uger, fyldt_30, aar) AS (VALUES
	('oktober 2015', month_weeks(2015, 10), date '2015-10-01', 2015),
	('oktober 2016', month_weeks(2016, 10), date '2016-10-01', 2016)),
pr_kommune AS (
	SELECT m.periode, m.aar, p.kommunekode, fuldtidspersoner(d.uger, k.akt, m.uger) AS akt
	FROM register.person p
	JOIN register.dream d USING (pnr)
	JOIN maaneder m ON p.foedselsdato <= m.fyldt_30 - interval '30 years',
		 (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt) AS k
	GROUP BY m.periode, m.aar, p.kommunekode),
befolkning AS (                 -- persons aged 30-66 on 1 October (the 4th quarter's first day)
	SELECT aar, kommunekode, sum(antal) AS personer_30_66
	FROM register.befolkning WHERE kvartal = 4 AND alder >= 30 GROUP BY aar, kommunekode),
geografi (kommunekode, geografi) AS (
	SELECT kode, 'hele landet' FROM kommune
	UNION ALL
	SELECT kommunekode, CASE WHEN kommunekode = 101 THEN 'København' ELSE 'klyngen' END
	FROM klynge WHERE klynge = 'København 2015' AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere')
SELECT f.periode, g.geografi, 100 * sum(f.akt) / sum(b.personer_30_66) AS pct
FROM pr_kommune f JOIN befolkning b USING (aar, kommunekode) JOIN geografi g USING (kommunekode)
GROUP BY f.periode, g.geografi;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/003 Tabel 2', 'aktivitetsparate fyldt 30 år, pct. af befolkningen, ' || t.periode, t.geografi,
	   'pct. af befolkningen 30-66 år', d.dokument, t.pct,
	   CASE t.periode WHEN 'oktober 2015' THEN 'akt_fuldtid_2015m10' ELSE 'akt_fuldtid_2016m10' END
FROM s003_tabel2 t
JOIN (VALUES ('oktober 2015', 'København', 5.4), ('oktober 2015', 'klyngen', 3.1), ('oktober 2015', 'hele landet', 2.6),
			 ('oktober 2016', 'København', 4.7), ('oktober 2016', 'klyngen', 2.8), ('oktober 2016', 'hele landet', 2.1))
	 AS d (periode, geografi, dokument) USING (periode, geografi)
ORDER BY t.periode, array_position('{København,klyngen,hele landet}', t.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
