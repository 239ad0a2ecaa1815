-- seeds/000 Figur 2: how long have the aktivitetsparate kontanthjælpsmodtagere been on
-- kontanthjælp?  The shares with more than 2 and more than 3 years, March 2015, in
-- København, the klynge and the whole country (the document prints no figure for the
-- country, only that it is lower); and the text's BIFLIS figure, the share with more than
-- 5 years among those with more than 3 (a different system: for reference only).
--
-- Definition (synth_maal akt_anc_over2/over3/over5af3_2015w10): persons with code
-- aktivitetsparat in 2015-W10, aged 30 or more on 2015-03-02; anciennitet = the weeks from
-- the start of their kontanthjælp forløb (aktivitetsparat or jobparat) through 2015-W10,
-- by Jobindsats' rule before 2017: any week without kontanthjælp ends the forløb
-- (max_gap 0).  anciennitet_fordeling counts "more than 2 years" as more than 104 weeks,
-- which is the same as more than 2 × 365.25 days for whole weeks (and so for 3 and 5).
-- Kontanthjælp here is the kontanthjælp family (register.kth_familie): for the few aged 30
-- in March 2015 who had uddannelseshjælp in 2014 before turning 30, the forløb goes on at 30
-- (the benefit is paid without a break); with kontanthjælp's codes alone it would start at
-- the 30th birthday.  The document predates the question (uddannelseshjælp began in 2014).
CREATE TEMP TABLE figur2 AS
WITH anciennitet AS (
	SELECT p.kommunekode, anciennitet(d.uger, k.kontanthjaelp, '2015-W10', 0) AS uger
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
				 (SELECT register.kth_familie()) AS kontanthjaelp) AS k
	WHERE code_at(d.uger, '2015-W10') = ANY (k.akt)
	  AND p.foedselsdato <= date '2015-03-02' - interval '30 years'),
fordeling AS (
	SELECT g.geografi, (anciennitet_fordeling(a.uger)).*
	FROM anciennitet AS a JOIN register.geografi AS g
		ON g.kommunekode = a.kommunekode AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'
	GROUP BY g.geografi)
SELECT f.geografi, r.*
FROM fordeling AS f
JOIN (VALUES ('København', 56, 41, 70), ('klyngen', 52, 39, NULL), ('hele landet', NULL, NULL, NULL))
	 AS d (geografi, over_2, over_3, over_5_af_3) USING (geografi),
	 LATERAL (VALUES
		(1, 'seeds/000 Figur 2', 'mere end 2 års anciennitet', d.over_2, 100 * f.andel_over_2_aar, 'akt_anc_over2_2015w10'),
		(2, 'seeds/000 Figur 2', 'mere end 3 års anciennitet', d.over_3, 100 * f.andel_over_3_aar, 'akt_anc_over3_2015w10'),
		(3, 'seeds/000 afsnit 5 (BIFLIS)', 'mere end 5 år blandt dem med mere end 3',
		 d.over_5_af_3, 100 * f.andel_over_5_aar / nullif(f.andel_over_3_aar, 0), 'akt_anc_over5af3_2015w10'))
	 AS r (nr, kilde, maal, dokument, jobreg, noegle)
WHERE r.nr < 3 OR f.geografi = 'København';

-- the figure as the document prints it, jobreg's beside; kept for 99_opsummering.sql
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT kilde, maal, geografi, 'pct.', dokument, jobreg, noegle
FROM figur2 ORDER BY nr, array_position('{København,klyngen,hele landet}', geografi)
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
