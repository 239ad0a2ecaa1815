-- seeds/004 (Jobcenter København's beskæftigelsesplan 2018), afsnit 4: København against
-- the comparable kommuner (klyngen) in 2. kvartal 2017, per målgruppe: the number of
-- helårspersoner, the share of the population, and the rank ("nummer N ud af M") with the
-- distance to the best kommune, computed with klynge_benchmark and reduce_distance; and the
-- shares the text gives (the dagpengemodtagere over 50, the jobparate of non-western origin);
-- and the readable figures of afsnit 6 (the results of 2016).
--
-- Choices (the document names neither its klynger nor its measures' exact definitions):
-- * Klynger: jobreg ships only the 2015 klynge ('København 2015': København, Albertslund,
--   Brøndby, Høje-Taastrup, Ishøj, Lolland), six jobcentre as the plan's six; it stands in for
--   the 2017 klynge.  Dagpenge are ranked among 30 kommuner ("nummer 30 ud af 30"): here the
--   30 kommuner with the most persons aged 16-66.
-- * Helårspersoner = fuldtidspersoner over the weeks of 2017 Q2 (Thursday rule); for the
--   kontanthjælp groups (jobparate, udsatte) aged 30 or more on 1 April 2017, as most of the
--   under-30s receive uddannelseshjælp (afsnit 4.5: 51_s004_unge.sql); the register gives
--   kontanthjælp to the under-30s with a vocational education, left out here as before.  The
--   udsatte's footnotes count 16-49 and 50-66 years, and seeds/003's note [1] says the count
--   behind the vision goal also has integrationsydelse and every age 16-66: that reading is
--   printed beside as the alternative (it adds the younger, where the register has too many).
-- * Ydelsesmodtagere (afsnit 4.1): the benefits the jobcenter works with: every code but SU,
--   folkepension, fleksjob, førtidspension and "other" (efterløn, barsel), in pct. of the
--   persons aged 16-66 on 1 April 2017.  With førtidspension and "other" the share is much
--   higher than the printed 12,1 pct.
-- * "I job" (4.3, 4.4, 4.7): of the persons on the målgruppe's codes in 2017-W14 (the first week
--   of the quarter), the share in job or education 26 weeks later (status_history: state 1
--   job = no code and a grad in the month, state 2 = SU).  Higher is better.
-- * Sygemeldte hurtigere i job (4.6): of the persons on sygedagpenge in 2017-W14, the share whose
--   spell had lasted more than 22 weeks (the document: 52 pct.).  Lower is better.
-- The ranks are the register's, printed beside the document's; afsnit 4.3's last place is a
-- shape of the calibration (synth/sql/calibration.sql: in 2017 København's self-support after
-- a-dagpenge has a job less often), the others are not calibrated.  Calibrated (synth_target
-- 421-424, 431 and 450, steps of 2017 in jobreg_synth; 454, the herkomst of København's marginal
-- class): the jobparate's non-western share, København's helårspersoner on a-dagpenge,
-- sygedagpenge and kontanthjælp as jobparat (aged 30 or more: from 2017 they leave faster and
-- fewer are visited jobparat), the share over 50 of its dagpengemodtagere (from 2017 fewer over 50
-- and more under 50 start on a-dagpenge), the sygedagpenge spells over 22 weeks (the klynge's
-- spells are longer from 2017, which puts København second of the six, as printed), and the
-- whole country's sygedagpenge as a share of the population.
CREATE TEMP TABLE s004_klynge AS
SELECT 'seks' AS klynge, kommunekode FROM klynge
WHERE klynge = 'København 2015' AND maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'
UNION ALL
SELECT 'tredive', kommunekode FROM (SELECT kommunekode FROM synth_kommune_pop ORDER BY pop_16_66 DESC, kommunekode LIMIT 30) AS k;

CREATE TEMP TABLE s004_koder AS
SELECT codes('synthetic', 'a-dagpenge') AS dagpenge, codes('synthetic', 'kontanthjælp jobparat') AS jobparat,
	   codes('synthetic', 'sygedagpenge') AS syge,
	   codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'revalidering')
		   || codes('synthetic', 'ressourceforløb') || codes('synthetic', 'ledighedsydelse') AS udsatte,
	   codes('synthetic', 'integrationsydelse') AS integration,
	   (SELECT array_agg(code ORDER BY code) FROM codebook
		WHERE codebook = 'synthetic' AND code <> 0
		  AND gruppe NOT IN ('SU', 'folkepension', 'fleksjob', 'førtidspension', 'other')) AS ydelse;

-- per kommune of the 30: helårspersoner in 2017 Q2 (and 2016 Q2 for afsnit 4.1), and the
-- persons of 2017-W14 with their status 26 weeks later
CREATE TEMP TABLE s004_kommune AS
SELECT p.kommunekode,
	   fuldtidspersoner(d.uger, k.ydelse, quarter_weeks(2017, 2)) AS ydelse,
	   fuldtidspersoner(d.uger, k.ydelse, quarter_weeks(2016, 2)) AS ydelse_2016,
	   fuldtidspersoner(d.uger, k.dagpenge, quarter_weeks(2017, 2)) AS dagpenge,
	   fuldtidspersoner(d.uger, k.dagpenge, quarter_weeks(2017, 2))
		   FILTER (WHERE p.foedselsdato <= date '2017-04-01' - interval '50 years') AS dagpenge_o50,
	   fuldtidspersoner(d.uger, k.jobparat, quarter_weeks(2017, 2)) FILTER (WHERE a.over30) AS jobparat,
	   count(*) FILTER (WHERE a.over30 AND weeks_in(d.uger, k.jobparat, quarter_weeks(2017, 2)) > 0) AS jobparat_personer,
	   fuldtidspersoner(d.uger, k.syge, quarter_weeks(2017, 2)) AS syge,
	   fuldtidspersoner(d.uger, k.udsatte, quarter_weeks(2017, 2)) FILTER (WHERE a.over30) AS udsatte,
	   fuldtidspersoner(d.uger, k.udsatte, quarter_weeks(2017, 2))
		   FILTER (WHERE a.over30 AND p.foedselsdato > date '2017-04-01' - interval '50 years') AS udsatte_u50,
	   fuldtidspersoner(d.uger, k.udsatte, quarter_weeks(2017, 2))
		   FILTER (WHERE p.foedselsdato <= date '2017-04-01' - interval '50 years') AS udsatte_o50,
	   fuldtidspersoner(d.uger, k.udsatte || k.integration, quarter_weeks(2017, 2)) AS udsatte_16_66,
	   fuldtidspersoner(d.uger, k.udsatte || k.integration, quarter_weeks(2017, 2))
		   FILTER (WHERE p.foedselsdato > date '2017-04-01' - interval '50 years') AS udsatte_16_49,
	   count(*) FILTER (WHERE x.kode = ANY (k.dagpenge)) AS dp_n,
	   count(*) FILTER (WHERE x.kode = ANY (k.dagpenge) AND x.senere IN (1, 2)) AS dp_job,
	   count(*) FILTER (WHERE x.kode = ANY (k.jobparat)) AS jp_n,
	   count(*) FILTER (WHERE x.kode = ANY (k.jobparat) AND x.senere IN (1, 2)) AS jp_job,
	   count(*) FILTER (WHERE x.kode = ANY (k.jobparat) AND b.herkomst IN ('indvandrer ikke-vestlig', 'efterkommer')) AS jp_ikke_vestlig,
	   avg(x.jp_anciennitet) AS jp_varighed,
	   count(*) FILTER (WHERE x.jp_anciennitet < 104) AS jp_under2aar,
	   count(*) FILTER (WHERE x.kode = ANY (k.syge)) AS sy_n,
	   count(*) FILTER (WHERE x.kode = ANY (k.syge) AND anciennitet(d.uger, k.syge, '2017-W14', 0) > 22) AS sy_over22,
	   count(*) FILTER (WHERE x.kode = ANY (k.udsatte) AND p.foedselsdato > date '2017-04-03' - interval '50 years') AS u50_n,
	   count(*) FILTER (WHERE x.kode = ANY (k.udsatte) AND p.foedselsdato > date '2017-04-03' - interval '50 years'
						  AND x.senere IN (1, 2)) AS u50_job,
	   count(*) FILTER (WHERE x.kode = ANY (k.udsatte) AND p.foedselsdato <= date '2017-04-03' - interval '50 years') AS o50_n,
	   count(*) FILTER (WHERE x.kode = ANY (k.udsatte) AND p.foedselsdato <= date '2017-04-03' - interval '50 years'
						  AND x.senere IN (1, 2)) AS o50_job
FROM register.person p
JOIN register.dream d USING (pnr)
JOIN register.beskaeftigelse e USING (pnr)
JOIN register.baggrund b USING (pnr),
	 s004_koder k,
	 LATERAL (SELECT p.foedselsdato <= date '2017-04-01' - interval '30 years' AS over30) AS a,
	 LATERAL (SELECT CASE WHEN a.over30 OR NOT code_at(d.uger, '2017-W14') = ANY (k.jobparat || k.udsatte)
						  THEN code_at(d.uger, '2017-W14') END AS kode) AS c,
	 LATERAL (SELECT c.kode,
					 CASE WHEN c.kode = ANY (k.dagpenge || k.jobparat || k.udsatte)
						  THEN code_at(status_history(d.uger, e.maaneder, 'synthetic', '{SU}'), '2017-W40') END AS senere,
					 -- the jobparate's anciennitet (weeks, breaks of up to 5 weeks bridged)
					 CASE WHEN c.kode = ANY (k.jobparat) THEN anciennitet(d.uger, k.jobparat, '2017-W14', 5) END AS jp_anciennitet) AS x
WHERE p.kommunekode IN (SELECT kommunekode FROM s004_klynge)
GROUP BY p.kommunekode;

-- the population on 1 April 2017 (2016) by age group
CREATE TEMP TABLE s004_bef AS
SELECT kommunekode,
	   sum(antal) FILTER (WHERE aar = 2017) AS bef,
	   sum(antal) FILTER (WHERE aar = 2016) AS bef_2016,
	   sum(antal) FILTER (WHERE aar = 2017 AND alder < 50) AS bef_u50,
	   sum(antal) FILTER (WHERE aar = 2017 AND alder >= 50) AS bef_o50
FROM register.befolkning WHERE kvartal = 2 AND aar IN (2016, 2017)
GROUP BY kommunekode;

-- the ranks: one klynge_benchmark per measure, København in focus
CREATE TEMP TABLE s004_rang AS
SELECT m.nr, m.afsnit, m.maal, m.dokument_rang, m.retning, b.*
FROM (VALUES
		(1, '4.1', 'ydelsesmodtagere i pct. af befolkningen 16-66 år', NULL::text, 'lower', 'seks'),
		(2, '4.3', 'dagpengemodtagere i job eller uddannelse efter 26 uger', '30 ud af 30', 'higher', 'tredive'),
		(3, '4.4', 'jobparate kontanthjælpsmodtagere i job eller uddannelse efter 26 uger', '1 ud af 6', 'higher', 'seks'),
		(4, '4.6', 'sygedagpengemodtagere med forløb over 22 uger', '2 ud af 6', 'lower', 'seks'),
		(5, '4.7', 'udsatte under 50 år i job eller uddannelse efter 26 uger', '3 ud af 6', 'higher', 'seks'),
		(6, '4.7', 'udsatte over 50 år i job eller uddannelse efter 26 uger', '6 ud af 6 (sidst)', 'higher', 'seks'),
		(7, '4.1', 'ydelsesmodtagere i pct. af befolkningen 16-66 år, 2. kvartal 2016', NULL, 'lower', 'seks'))
	 AS m (nr, afsnit, maal, dokument_rang, retning, klynge),
	 LATERAL (SELECT (klynge_benchmark(k.kommunekode,
									   CASE m.nr WHEN 1 THEN k.ydelse WHEN 2 THEN k.dp_job WHEN 3 THEN k.jp_job
												 WHEN 4 THEN k.sy_over22 WHEN 5 THEN k.u50_job WHEN 6 THEN k.o50_job
												 ELSE k.ydelse_2016 END,
									   nullif(CASE m.nr WHEN 1 THEN b.bef WHEN 2 THEN k.dp_n WHEN 3 THEN k.jp_n
														WHEN 4 THEN k.sy_n WHEN 5 THEN k.u50_n WHEN 6 THEN k.o50_n
														ELSE b.bef_2016 END, 0),  -- a kommune without the group is left out
									   101, m.retning)).*
			  FROM s004_kommune k JOIN s004_bef b USING (kommunekode)
			  WHERE k.kommunekode IN (SELECT kommunekode FROM s004_klynge s WHERE s.klynge = m.klynge)) AS b;

SELECT afsnit, maal, dokument_rang AS dokumentet, rank || ' ud af ' || kommuner AS jobreg,
	   dk_pct(own_rate, 1) AS koebenhavn, dk_pct(best_rate, 1) AS bedste, best_kommune AS bedste_kommune,
	   dk_number(abs(distance_pp)::numeric, 1) AS afstand_pct_point,
	   CASE WHEN nr = 6 THEN dk_pct(reduce_distance(own_rate, best_rate, 0.25), 1) END AS maal_25_pct_kortere_afstand
FROM s004_rang ORDER BY nr;

-- the counts and shares the document prints, København (counts divided by the scale)
WITH k AS (
	SELECT s.*, b.*, u.skala FROM s004_kommune s JOIN s004_bef b USING (kommunekode), register.udtraek u
	WHERE s.kommunekode = 101),
tal AS (
	SELECT v.*
	FROM k,
		 LATERAL (VALUES
			(1, 'seeds/004 afsnit 4.1', 'ydelsesmodtagere (helårspersoner)', 'fuldtidspersoner', 55000, k.ydelse / k.skala, NULL),
			(2, 'seeds/004 afsnit 4.1', 'ydelsesmodtagere i pct. af befolkningen', 'pct.', 12.1, 100 * k.ydelse / k.bef, NULL),
			(3, 'seeds/004 afsnit 4.1', 'afstand til den bedste kommune: ændring 2016-2017', 'pct.-point', 0.1,
			 abs((SELECT distance_pp FROM s004_rang WHERE nr = 1)) - abs((SELECT distance_pp FROM s004_rang WHERE nr = 7)), NULL),
			(4, 'seeds/004 afsnit 4.3', 'ledige dagpengemodtagere (helårspersoner)', 'fuldtidspersoner', 13000, k.dagpenge / k.skala, 'dp_fuldtid_2017q2'),
			(5, 'seeds/004 afsnit 4.3', 'dagpengemodtagere over 50 år (andel af helårspersonerne)', 'pct.', 16, 100 * k.dagpenge_o50 / k.dagpenge, 'dp_over50_2017q2'),
			(6, 'seeds/004 afsnit 4.4', 'jobparate kontanthjælpsmodtagere (helårspersoner)', 'fuldtidspersoner', 3060, k.jobparat / k.skala, 'jp_fuldtid_2017q2'),
			(7, 'seeds/004 afsnit 4.4', 'jobparate med ikke-vestlig baggrund', 'pct.', 39, 100.0 * k.jp_ikke_vestlig / nullif(k.jp_n, 0), 'jp_ikkevestlig_2017w14'),
			(8, 'seeds/004 afsnit 4.4', 'jobparate ledige mindre end to år (dokumentet: mere end fire ud af fem)', 'pct.', 80,
			 100.0 * k.jp_under2aar / nullif(k.jp_n, 0), NULL),
			(9, 'seeds/004 afsnit 4.6', 'sygedagpengemodtagere (helårspersoner)', 'fuldtidspersoner', 6550, k.syge / k.skala, 'syge_fuldtid_2017q2'),
			(10, 'seeds/004 afsnit 4.6', 'sygedagpengemodtagere i pct. af befolkningen', 'pct.', 1.5, 100 * k.syge / k.bef, NULL),
			(11, 'seeds/004 afsnit 4.6', 'sygedagpengeforløb over 22 uger', 'pct.', 52, 100.0 * k.sy_over22 / nullif(k.sy_n, 0), 'syge_over22_2017w14'),
			(12, 'seeds/004 afsnit 4.7', 'udsatte ledige (helårspersoner)', 'fuldtidspersoner', 16700, k.udsatte / k.skala, NULL),
			(13, 'seeds/004 afsnit 4.7', 'udsatte under 50 år (helårspersoner)', 'fuldtidspersoner', 9600, k.udsatte_u50 / k.skala, NULL),
			(14, 'seeds/004 afsnit 4.7', 'udsatte under 50 år i pct. af befolkningen under 50', 'pct.', 2.6, 100 * k.udsatte_u50 / k.bef_u50, NULL),
			(15, 'seeds/004 afsnit 4.7', 'udsatte over 50 år (helårspersoner)', 'fuldtidspersoner', 7100, k.udsatte_o50 / k.skala, NULL),
			(16, 'seeds/004 afsnit 4.7', 'udsatte over 50 år i pct. af befolkningen over 50', 'pct.', 7.6, 100 * k.udsatte_o50 / k.bef_o50, NULL),
			(17, 'seeds/004 afsnit 4.7', 'alternativ: udsatte ledige 16-66 år med integrationsydelse', 'fuldtidspersoner', 16700,
			 k.udsatte_16_66 / k.skala, NULL),
			(18, 'seeds/004 afsnit 4.7', 'alternativ: udsatte 16-49 år med integrationsydelse', 'fuldtidspersoner', 9600,
			 k.udsatte_16_49 / k.skala, NULL))
		 AS v (nr, kilde, maal, enhed, dokument, jobreg, noegle)),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT kilde, maal, 'København', enhed, dokument, jobreg, noegle FROM tal
	RETURNING *)
SELECT t.kilde, t.maal, register.tal(t.dokument, t.enhed, t.dokument) AS dokumentet,
	   register.tal(t.jobreg, t.enhed, t.dokument, 1) AS jobreg
FROM tal t WHERE (SELECT count(*) FROM ins) > 0 ORDER BY t.nr;

-- afsnit 4.6's comparison: the whole country's sygedagpenge as a share of its population ("ligger
-- væsentlig under niveauet for hele landet på 2.2 pct."; calibrated, target 424)
WITH land AS (
	SELECT (SELECT fuldtidspersoner(d.uger, k.syge, quarter_weeks(2017, 2)) FROM register.dream d, s004_koder k) AS syge,
		   (SELECT sum(bef) FROM s004_bef) AS bef),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/004 afsnit 4.6', 'sygedagpengemodtagere i pct. af befolkningen', 'hele landet', 'pct.', 2.2,
		   100 * syge / bef, 'syge_andel_2017q2'
	FROM land
	RETURNING *)
SELECT kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
	   register.tal(jobreg, enhed, dokument, 1) AS jobreg
FROM ins;

-- afsnit 6 (the results of 2016, Figur 1-6): København in 4. kvartal 2016.  The six pages are
-- printed rotated and their text is garbled; readable are Figur 5's "6.700 sygedagpengemodtagere
-- ... 1,6 pct. af befolkningen (16-66 år)" and Figur 6's udsatte: København "har nærmet sig målet
-- med 0,2 pct.-point i forhold til samme kvartal året før", the goal being the best kommune of
-- the klynge (afsnit 2): read as the distance to the best of the six shrinking from 4. kvartal
-- 2015 to 4. kvartal 2016 (as afsnit 4.1's 0,1), the share's own fall beside.  The udsatte here
-- are 16-66 years with integrationsydelse, as the figure's population; afsnit 4.7's reading (30
-- or more, without integrationsydelse) beside.  Nothing here is calibrated: København's
-- sygedagpenge are calibrated in 2017 Q2 (afsnit 4.6) by steps of 2017, and the register's level
-- of 2016 is what the histories give.
CREATE TEMP TABLE s004_2016 AS
SELECT p.kommunekode, v.aar,
	   (SELECT sum(antal) FROM register.befolkning b
		WHERE b.kommunekode = p.kommunekode AND b.aar = v.aar AND b.kvartal = 4) AS bef,
	   fuldtidspersoner(d.uger, k.syge, quarter_weeks(v.aar, 4)) AS syge,
	   fuldtidspersoner(d.uger, k.udsatte || k.integration, quarter_weeks(v.aar, 4)) AS udsatte_16_66,
	   fuldtidspersoner(d.uger, k.udsatte, quarter_weeks(v.aar, 4))
		   FILTER (WHERE p.foedselsdato <= make_date(v.aar, 10, 1) - interval '30 years') AS udsatte_30
FROM register.person p
JOIN register.dream d USING (pnr),
	 s004_koder k,
	 (VALUES (2015), (2016)) AS v (aar)
WHERE p.kommunekode IN (SELECT kommunekode FROM s004_klynge WHERE klynge = 'seks')
GROUP BY p.kommunekode, v.aar;

CREATE TEMP TABLE s004_2016_afstand AS
SELECT v.aar, l.laesning, b.*
FROM (VALUES (2015), (2016)) AS v (aar),
	 (VALUES ('16-66'), ('30+')) AS l (laesning),
	 LATERAL (SELECT (klynge_benchmark(s.kommunekode, CASE l.laesning WHEN '16-66' THEN s.udsatte_16_66 ELSE s.udsatte_30 END,
									   s.bef, 101, 'lower')).*
			  FROM s004_2016 s WHERE s.aar = v.aar) AS b;

WITH a AS (
	SELECT l.laesning, f.own_rate AS andel_2015, t.own_rate AS andel_2016,
		   abs(f.distance_pp) - abs(t.distance_pp) AS naermere
	FROM (VALUES ('16-66'), ('30+')) AS l (laesning)
	JOIN s004_2016_afstand f ON f.laesning = l.laesning AND f.aar = 2015
	JOIN s004_2016_afstand t ON t.laesning = l.laesning AND t.aar = 2016),
tal AS (
	SELECT v.*
	FROM s004_2016 k,
		 register.udtraek u,
		 LATERAL (VALUES
			(1, 'sygedagpengemodtagere, 4. kvartal 2016 (helårspersoner)', 'fuldtidspersoner', 6700, k.syge / u.skala),
			(2, 'sygedagpengemodtagere i pct. af befolkningen 16-66 år, 4. kvartal 2016', 'pct.', 1.6, 100 * k.syge / k.bef),
			(3, 'udsatte 16-66 år: afstanden til den bedste kommune mindsket, 4. kvartal 2015-2016', 'pct.-point', 0.2,
			 (SELECT naermere FROM a WHERE laesning = '16-66')),
			(4, 'alternativ: udsatte 16-66 år, andelens fald 4. kvartal 2015-2016', 'pct.-point', 0.2,
			 (SELECT 100 * (andel_2015 - andel_2016) FROM a WHERE laesning = '16-66')),
			(5, 'alternativ: udsatte 30 år eller mere (som afsnit 4.7), afstanden mindsket', 'pct.-point', 0.2,
			 (SELECT naermere FROM a WHERE laesning = '30+')))
		 AS v (nr, maal, enhed, dokument, jobreg)
	WHERE k.kommunekode = 101 AND k.aar = 2016),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/004 afsnit 6', maal, 'København', enhed, dokument, jobreg, NULL FROM tal
	RETURNING *)
SELECT 'seeds/004 afsnit 6' AS kilde, t.maal, register.tal(t.dokument, t.enhed, t.dokument) AS dokumentet,
	   register.tal(t.jobreg, t.enhed, t.dokument, 1) AS jobreg
FROM tal t WHERE (SELECT count(*) FROM ins) > 0 ORDER BY t.nr;

-- and the udsatte's shares and the best of the six behind those distances
SELECT laesning AS udsatte, aar AS "4. kvartal", dk_pct(own_rate, 2) AS koebenhavn, dk_pct(best_rate, 2) AS bedste,
	   best_kommune AS bedste_kommune, dk_number(abs(distance_pp)::numeric, 2) AS afstand_pct_point, rank || ' ud af ' || kommuner AS plads
FROM s004_2016_afstand ORDER BY laesning, aar;

-- the jobparate's mean time on the benefit: København's place among the six (the document:
-- "den næstkorteste i klyngen").  Read as the mean anciennitet of the jobparate of 2017-W14
-- (breaks of up to 5 weeks bridged); beside it Jobindsats' own "gennemsnitlig varighed på
-- ydelsen" of a quarter (fuldtidspersoner ÷ personer × 13 weeks, the by-hand rule after the
-- measure was retired in June 2017), 2017 Q2.  København is the shortest by both.
SELECT k.kommunekode, dk_number((k.jp_varighed / 52.0)::numeric, 2) AS gns_aar_paa_ydelsen,
	   rank() OVER (ORDER BY k.jp_varighed) AS plads,
	   dk_number((13 * k.jobparat / nullif(k.jobparat_personer, 0))::numeric, 1) AS uger_i_kvartalet,
	   rank() OVER (ORDER BY k.jobparat / nullif(k.jobparat_personer, 0)) AS plads_jobindsats
FROM s004_kommune k WHERE k.kommunekode IN (SELECT kommunekode FROM s004_klynge WHERE klynge = 'seks')
ORDER BY plads;
