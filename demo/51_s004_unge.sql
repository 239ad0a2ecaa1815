-- seeds/004 (Jobcenter København's beskæftigelsesplan 2018), afsnit 4.5 "Unge i uddannelse":
-- København has about 3.300 helårspersoner on uddannelseshjælp; 72 pct. of them are
-- aktivitetsparate, 25 pct. uddannelsesparate and about 3 pct. åbenlyst uddannelsesparate; the
-- share of aktivitetsparate is larger than in the klynge and in the whole country; København is
-- "nummer et ud af seks i klyngen" on its goal for the young (2. kvartal 2017) and "nummer to ud
-- af seks" for the 18-19-year-olds.
--
-- Choices (the document names neither its klynge nor its measure):
-- * Uddannelseshjælp = the codebook's groups 'uddannelseshjælp aktivitetsparat' and
--   'uddannelseshjælp uddannelsesparat' (the register has no åbenlyst uddannelsesparate: they
--   are among the uddannelsesparate, so the document's 25 + 3 pct. is compared with them).
--   The register gives uddannelseshjælp to the under-30s without a vocational or higher
--   education from 2014 (synth/README.md).
-- * Helårspersoner = fuldtidspersoner over the weeks of 2017 Q2 (Thursday rule), as in 50_....
-- * The goal's measure: of the persons on uddannelseshjælp in 2017-W14 (the first week of the
--   quarter), the share in job or education 26 weeks later (status_history: state 1 job, state 2
--   SU), higher is better -- the measure 50_... uses for the other groups; for the 18-19-year-olds
--   the same among those aged 18 or 19 on 3 April 2017.  The klynge is the 2015 klynge of 50_...
--   (København, Albertslund, Brøndby, Høje-Taastrup, Ishøj, Lolland).
-- København's count and share of aktivitetsparate are calibrated (synth_target 429 and 430: from
-- 2015 few of its under-25s start on the kontanthjælp family and many more leave it for SU); the
-- ranks and the comparison with the klynge and the country are the register's.
CREATE TEMP TABLE s004_unge_kommune AS
SELECT p.kommunekode,
	   fuldtidspersoner(d.uger, k.udd, quarter_weeks(2017, 2)) AS udd,
	   fuldtidspersoner(d.uger, k.akt, quarter_weeks(2017, 2)) AS akt,
	   fuldtidspersoner(d.uger, k.uddparat, quarter_weeks(2017, 2)) AS uddparat,
	   count(*) FILTER (WHERE x.kode = ANY (k.udd)) AS n,
	   count(*) FILTER (WHERE x.kode = ANY (k.udd) AND x.senere IN (1, 2)) AS job_udd,
	   count(*) FILTER (WHERE x.kode = ANY (k.udd) AND x.alder IN (18, 19)) AS n_18_19,
	   count(*) FILTER (WHERE x.kode = ANY (k.udd) AND x.alder IN (18, 19) AND x.senere IN (1, 2)) AS job_udd_18_19
FROM register.person p
JOIN register.dream d USING (pnr)
JOIN register.beskaeftigelse e USING (pnr),
	 (SELECT codes('synthetic', 'uddannelseshjælp aktivitetsparat') AS akt,
			 codes('synthetic', 'uddannelseshjælp uddannelsesparat') AS uddparat,
			 codes('synthetic', 'uddannelseshjælp aktivitetsparat') || codes('synthetic', 'uddannelseshjælp uddannelsesparat') AS udd) AS k,
	 LATERAL (SELECT code_at(d.uger, '2017-W14') AS kode,
					 extract(year FROM age(date '2017-04-03', p.foedselsdato))::int AS alder) AS c,
	 LATERAL (SELECT c.kode, c.alder,
					 CASE WHEN c.kode = ANY (k.udd)
						  THEN code_at(status_history(d.uger, e.maaneder, 'synthetic', '{SU}'), '2017-W40') END AS senere) AS x
WHERE p.foedselsdato > date '2017-04-01' - interval '31 years'     -- only the young can have uddannelseshjælp in 2017
GROUP BY p.kommunekode;

-- the ranks in the klynge, København in focus
CREATE TEMP TABLE s004_unge_rang AS
SELECT m.nr, m.maal, m.dokument_rang, b.*
FROM (VALUES (1, 'unge på uddannelseshjælp i job eller uddannelse efter 26 uger', '1 ud af 6'),
			 (2, '18-19-årige på uddannelseshjælp i job eller uddannelse efter 26 uger', '2 ud af 6'))
	 AS m (nr, maal, dokument_rang),
	 LATERAL (SELECT (klynge_benchmark(k.kommunekode,
									   CASE m.nr WHEN 1 THEN k.job_udd ELSE k.job_udd_18_19 END,
									   nullif(CASE m.nr WHEN 1 THEN k.n ELSE k.n_18_19 END, 0),
									   101, 'higher')).*
			  FROM s004_unge_kommune k
			  WHERE k.kommunekode IN (SELECT kommunekode FROM klynge
									  WHERE klynge = 'København 2015' AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere')) AS b;

SELECT '4.5' AS afsnit, maal, dokument_rang AS dokumentet, rank || ' ud af ' || kommuner AS jobreg,
	   dk_pct(own_rate, 1) AS koebenhavn, dk_pct(best_rate, 1) AS bedste, best_kommune AS bedste_kommune
FROM s004_unge_rang ORDER BY nr;

-- the counts and shares: København, and the share of aktivitetsparate in the klynge and the country
WITH g AS (
	SELECT x.geografi, sum(k.udd) AS udd, sum(k.akt) AS akt, sum(k.uddparat) AS uddparat
	FROM s004_unge_kommune k,
		 LATERAL (VALUES ('København', k.kommunekode = 101),
						 ('klyngen', k.kommunekode IN (SELECT kommunekode FROM klynge
													  WHERE klynge = 'København 2015' AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere')),
						 ('hele landet', true)) AS x (geografi, med)
	WHERE x.med
	GROUP BY x.geografi),
tal AS (
	SELECT v.*, g.geografi
	FROM g, register.udtraek u,
		 LATERAL (VALUES
			(1, 'unge på uddannelseshjælp (helårspersoner)', 'fuldtidspersoner', CASE WHEN g.geografi = 'København' THEN 3300 END,
			 g.udd / u.skala, 'udd_fuldtid_2017q2'),
			(2, 'heraf aktivitetsparate', 'pct.', CASE WHEN g.geografi = 'København' THEN 72 END, 100 * g.akt / g.udd,
			 'udd_akt_andel_2017q2'),
			(3, 'heraf uddannelsesparate (med åbenlyst uddannelsesparate: 25 + ca. 3)', 'pct.',
			 CASE WHEN g.geografi = 'København' THEN 28 END, 100 * g.uddparat / g.udd, NULL))
		 AS v (nr, maal, enhed, dokument, jobreg, noegle)),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/004 afsnit 4.5', maal, geografi, enhed, dokument, jobreg,
		   CASE WHEN geografi = 'København' THEN noegle END FROM tal
	RETURNING *)
SELECT t.maal, t.geografi, register.tal(t.dokument, t.enhed, coalesce(t.dokument, 0)) AS dokumentet,
	   register.tal(t.jobreg, t.enhed, coalesce(t.dokument, 0), 1) AS jobreg
FROM tal t WHERE (SELECT count(*) FROM ins) > 0
ORDER BY t.nr, array_position(ARRAY['København', 'klyngen', 'hele landet'], t.geografi);

-- the claim "andelen af aktivitetsparate unge er større i København end i klyngen og hele landet"
SELECT bool_and(k.andel > o.andel) AS koebenhavn_hoejest
FROM (SELECT jobreg AS andel FROM register.demo_figur
	  WHERE kilde = 'seeds/004 afsnit 4.5' AND maal = 'heraf aktivitetsparate' AND geografi = 'København') AS k,
	 (SELECT jobreg AS andel FROM register.demo_figur
	  WHERE kilde = 'seeds/004 afsnit 4.5' AND maal = 'heraf aktivitetsparate' AND geografi <> 'København') AS o;
