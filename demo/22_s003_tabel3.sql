-- seeds/003 Tabel 3 and its text: København's virksomhedsrettet share of the activation per
-- målgruppe, 2nd quarter 2014 - 1st quarter 2015 against 4th quarter 2015 - 3rd quarter
-- 2016; and the klynge's share for the aktivitetsparate, "now 34 pct., so København is at
-- the klynge's level".
--
-- Definition (synth_maal *_virk_2014q2_2015q1 and *_virk_2015q4_2016q3): activation hours
-- in virksomhedsrettede offers ÷ all activation hours, inside the days on the benefit,
-- persons aged 30 or more on the period's first day; read from the rollup
-- register.aktivering_kommune (15_s000_figur9_tabel5.sql).
CREATE TEMP TABLE s003_tabel3 AS
SELECT a.maalgruppe, a.periode, CASE WHEN a.kommunekode = 101 THEN 'København' ELSE 'klyngen' END AS geografi,
	   virksomhedsrettet_andel(a.alle) AS virksomhedsrettet
FROM register.aktivering_kommune a
JOIN klynge k ON k.kommunekode = a.kommunekode AND k.maalgruppe = a.maalgruppe AND k.klynge = 'København 2015'
GROUP BY 1, 2, 3;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT x.kilde,
	   x.maal || CASE t.periode WHEN '2014q2_2015q1' THEN ', 2. kvt. 2014 - 1. kvt. 2015' ELSE ', 4. kvt. 2015 - 3. kvt. 2016' END,
	   t.geografi, 'pct.', CASE t.periode WHEN '2014q2_2015q1' THEN x.foer ELSE x.efter END,
	   100 * t.virksomhedsrettet, x.noegle || t.periode
FROM (VALUES    -- Tabel 3 as printed (and the text's klynge figure)
		(1, 'seeds/003 Tabel 3', 'virksomhedsrettet andel: kontanthjælp (aktivitetsparate)',
		 'aktivitetsparate kontanthjælpsmodtagere', 'København', 31, 34, 'akt_virk_'),
		(2, 'seeds/003 Tabel 3', 'virksomhedsrettet andel: revalidering', 'revalidering', 'København', 25, 28, 'reva_virk_'),
		(3, 'seeds/003 Tabel 3', 'virksomhedsrettet andel: ledighedsydelse', 'ledighedsydelse', 'København', 28, 33, 'ledy_virk_'),
		(4, 'seeds/003 Tabel 3', 'virksomhedsrettet andel: ressourceforløb', 'ressourceforløb', 'København', 11, 16, 'resf_virk_'),
		(5, 'seeds/003 tekst', 'virksomhedsrettet andel: kontanthjælp (aktivitetsparate)',
		 'aktivitetsparate kontanthjælpsmodtagere', 'klyngen', 48, 34, 'akt_virk_'))
	 AS x (nr, kilde, maal, maalgruppe, geografi, foer, efter, noegle)
JOIN s003_tabel3 t USING (maalgruppe, geografi)
ORDER BY x.nr, t.periode
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
