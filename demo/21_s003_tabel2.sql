-- seeds/003 Tabel 2: the aktivitetsparate kontanthjælpsmodtagere fyldt 30 år as a share of
-- the population, October 2015 and October 2016, in København, the klynge and the country.
--
-- Definition (synth_maal akt_fuldtid_2015m10, akt_fuldtid_2016m10): fuldtidspersoner in
-- the month's weeks (Thursday rule: month_weeks) of persons aged 30 or more on the 1st of
-- October, ÷ the persons aged 30-66 that day; read from the rollup register.fuldtid_kommune
-- (10_s000_tabel1.sql).  The klynge is the 2015 one (register.geografi), as the document
-- compares with the same kommuner.
CREATE TEMP TABLE s003_tabel2 AS
SELECT r.periode, g.geografi, 100 * sum(r.fuldtidspersoner) / sum(r.personer_30_66) AS pct
FROM register.fuldtid_kommune r
JOIN register.geografi g USING (maalgruppe, kommunekode)
WHERE r.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND r.periode IN ('oktober 2015', 'oktober 2016')
GROUP BY r.periode, g.geografi;

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
