-- seeds/003 Tabel 2: the aktivitetsparate kontanthjælpsmodtagere fyldt 30 år as a share of
-- the population, October 2015 and October 2016, in København, the klynge and the country.
--
-- Definition (synth_maal akt_fuldtid_2015m10, akt_fuldtid_2016m10): fuldtidspersoner in
-- the month's weeks (Thursday rule: month_weeks) of persons aged 30 or more on the 1st of
-- October, ÷ the persons aged 30-66 that day.  The klynge is the 2015 one (jobreg's
-- `klynge` rows 'København 2015'), as the document compares with the same kommuner.
CREATE TEMP TABLE s003_tabel2 AS
WITH pr_kommune AS (            -- one pass: both Octobers, each over the persons 30 or more that day
	SELECT p.kommunekode,
		   fuldtidspersoner(d.uger, k.akt, month_weeks(2015, 10))
			   FILTER (WHERE p.foedselsdato <= date '2015-10-01' - interval '30 years') AS oktober_2015,
		   fuldtidspersoner(d.uger, k.akt, month_weeks(2016, 10))
			   FILTER (WHERE p.foedselsdato <= date '2016-10-01' - interval '30 years') AS oktober_2016
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt) AS k
	WHERE weeks_in(d.uger, k.akt, month_weeks(2015, 10)) + weeks_in(d.uger, k.akt, month_weeks(2016, 10)) > 0
	  AND p.foedselsdato <= date '2016-10-01' - interval '30 years'      -- (the others count 0)
	GROUP BY p.kommunekode),
befolkning AS (                 -- persons aged 30-66 on 1 October (the 4th quarter's first day)
	SELECT kommunekode, sum(antal) FILTER (WHERE aar = 2015) AS oktober_2015, sum(antal) FILTER (WHERE aar = 2016) AS oktober_2016
	FROM register.befolkning WHERE kvartal = 4 AND alder >= 30 AND aar IN (2015, 2016) GROUP BY kommunekode),
geografi (kommunekode, geografi) AS (
	SELECT kode, 'hele landet' FROM kommune
	UNION ALL
	SELECT kommunekode, CASE WHEN kommunekode = 101 THEN 'København' ELSE 'klyngen' END
	FROM klynge WHERE klynge = 'København 2015' AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere')
SELECT g.geografi, x.periode, 100 * sum(x.fuldtid) / sum(x.personer_30_66) AS pct
FROM befolkning b LEFT JOIN pr_kommune f USING (kommunekode) JOIN geografi g USING (kommunekode),
	 LATERAL (VALUES ('oktober 2015', f.oktober_2015, b.oktober_2015), ('oktober 2016', f.oktober_2016, b.oktober_2016))
	 AS x (periode, fuldtid, personer_30_66)
GROUP BY g.geografi, x.periode;

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
