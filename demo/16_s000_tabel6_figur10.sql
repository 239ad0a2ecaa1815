-- seeds/000 Tabel 6 and Figur 10: what kind of activation?  The virksomhedsrettet share of
-- the activation of each målgruppe, 2nd quarter 2014 - 1st quarter 2015, in København, the
-- klynge and the whole country; and (Figur 10, the text) ordinær uddannelse's share of the
-- activation of the aktivitetsparate kontanthjælpsmodtagere: about 16 pct. in København,
-- "a little more than in the klynge".
--
-- Definition (synth_maal *_virk_2014q2_2015q1, akt_udd_2014q2_2015q1): shares of activation
-- hours, counted as in Tabel 5 (offer hours inside the days on the benefit, persons aged 30
-- or more); virksomhedsrettet as the `tilbudstype` table says (02_opsaetning.sql).  Read
-- from the rollup register.aktivering_kommune that 15_s000_figur9_tabel5.sql built.
CREATE TEMP TABLE tabel6 AS
SELECT a.maalgruppe, g.geografi,
	   virksomhedsrettet_andel(a.alle) AS virksomhedsrettet,
	   sum((a.uddannelse).aktiveringstimer) / nullif(sum((a.alle).aktiveringstimer), 0) AS ordinaer_uddannelse
FROM register.aktivering_kommune a JOIN register.geografi g USING (maalgruppe, kommunekode)
WHERE a.periode = '2014q2_2015q1'
GROUP BY a.maalgruppe, g.geografi;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT x.kilde, x.maal, g.geografi, 'pct.', g.dokument,
	   100 * CASE WHEN x.nr = 5 THEN t.ordinaer_uddannelse ELSE t.virksomhedsrettet END, x.noegle
FROM (VALUES    -- Tabel 6 and Figur 10 as printed: København, klyngen, hele landet
		(1, 'seeds/000 Tabel 6', 'virksomhedsrettet andel: kontanthjælp (aktivitetsparate)',
		 'aktivitetsparate kontanthjælpsmodtagere', 31, 48, 33, 'akt_virk_2014q2_2015q1'),
		(2, 'seeds/000 Tabel 6', 'virksomhedsrettet andel: revalidering', 'revalidering', 25, 14, 24, 'reva_virk_2014q2_2015q1'),
		(3, 'seeds/000 Tabel 6', 'virksomhedsrettet andel: ledighedsydelse', 'ledighedsydelse', 28, 32, 42, 'ledy_virk_2014q2_2015q1'),
		(4, 'seeds/000 Tabel 6', 'virksomhedsrettet andel: ressourceforløb', 'ressourceforløb', 11, 31, 34, 'resf_virk_2014q2_2015q1'),
		(5, 'seeds/000 Figur 10', 'ordinær uddannelse: kontanthjælp (aktivitetsparate)',
		 'aktivitetsparate kontanthjælpsmodtagere', 16, NULL, NULL, 'akt_udd_2014q2_2015q1'))
	 AS x (nr, kilde, maal, maalgruppe, koebenhavn, klyngen, hele_landet, noegle)
CROSS JOIN LATERAL register.tre_geografier(x.maalgruppe, x.koebenhavn, x.klyngen, x.hele_landet) AS g
JOIN tabel6 t ON t.maalgruppe = x.maalgruppe AND t.geografi = g.geografi
WHERE x.nr < 5 OR g.geografi <> 'hele landet'
ORDER BY x.nr, array_position('{København,klyngen,klyngen (ledighedsydelse),hele landet}', g.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
