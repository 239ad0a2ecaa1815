-- seeds/001 (CFBU's evaluation of København's fremskudte beskæftigelsesindsats, 2015): the
-- register analysis.  Aktivitetsparate kontanthjælpsmodtagere over 30 living in the outreach
-- areas in 2013 or 2014 (treated) against "tvillinger" from other deprived areas of København,
-- matched 1:1 on køn, alder, herkomst, civilstand, uddannelse and beskæftigelseshistorik;
-- three outcomes within 52 weeks of the first week as aktivitetsparat:
--   M1 selvforsørgelse (at least one week without a benefit, or on SU): 17,4 / 17,8 pct.
--   M2 job or uddannelse (at least one week in job or on SU):           4,3 / 4,1 pct.
--   M3 virksomhedsrettet tilbud (virksomhedspraktik or løntilskud):     12,3 / 10,3 pct.,
--      "signifikant", t-test p = 0,0357.
-- (The document's table gives M1 as 17,4 treated / 17,8 control and its prose swaps them; the
-- table is taken here.)
--
-- Residence is register.bolig (synth_residence): the persons of København living in an udsat
-- boligområde in 2013-14, in one of the six outreach areas (treated) or in another (the pool
-- of controls), as the document assigns the effort (intention to treat).  The generator is
-- calibrated to the document's 2.052 treated and its areas' shares of first-generation
-- immigrants (54 pct. against 40 pct.), and to M1's, M2's and M3's levels (synth_target
-- 101-106, measured on the pools the twins come from): in 2013-15 the residents of the six
-- areas get virksomhedsrettede offers a little more often than those of the other areas (the
-- generator's residenceVirk), which is the effect the matched comparison should find, the
-- areas' residents break off kontanthjælp less often (residenceBreak) and their breaks more
-- often carry a job (residenceJob); the third BIU note's monthly rates below are calibrated
-- too (446-449).  The file shows the method
-- (logistic -> predict -> match_nearest -> mcnemar / paired_t / prop_test), the balance
-- before and after matching, and what the register gives beside the printed figures.
--
-- Definitions.  Index week: the first week of 2013-W01 ... 2014-W52 with code aktivitetsparat;
-- age 30 or more on its Monday.  Outcomes over the 52 weeks after the index week.  M1: a week
-- with no code or code SU; M2: a week in state job or education of status_history (no code and
-- a grad above 0 in the week's month, or SU); M3: an offer of type virksomhedspraktik or
-- løntilskud on some day of those weeks.  Beskæftigelseshistorik: the share of the 104 weeks
-- before the index week in job (status_history), and the share on any benefit.
CREATE TEMP TABLE s001_kohorte AS
WITH k AS (
	SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS akt, codes('synthetic', 'SU') AS su),
idx AS (
	SELECT p.pnr, p.koen, p.foedselsdato, b.herkomst, b.civilstand, b.uddannelse, d.uger, e.maaneder, bo.fremskudt,
		   first_week_on(d.uger, k.akt, '2013-W01') AS uge
	FROM register.person p
	JOIN register.dream d USING (pnr)
	JOIN register.baggrund b USING (pnr)
	JOIN register.beskaeftigelse e USING (pnr)
	JOIN register.bolig bo USING (pnr), k
	WHERE p.kommunekode = 101
	  AND weeks_in(d.uger, k.akt, '[2013-W01,2015-W01)') > 0)
SELECT i.pnr,
	   i.fremskudt AS indsats,
	   i.koen = 'K' AS kvinde,
	   extract(year FROM age(monday(i.uge), i.foedselsdato))::int AS alder,
	   i.herkomst, i.civilstand, i.uddannelse,
	   weeks_in(s.st, '{1}', weekrange(i.uge - 104, i.uge)) / 104.0 AS job_foer,
	   (104 - weeks_in(i.uger, '{0}', weekrange(i.uge - 104, i.uge))) / 104.0 AS ydelse_foer,
	   weeks_in(i.uger, '{0}' || k.su, weekrange(i.uge + 1, i.uge + 53)) > 0 AS m1,
	   weeks_in(s.st, '{1,2}', weekrange(i.uge + 1, i.uge + 53)) > 0 AS m2,
	   EXISTS (SELECT FROM register.tilbud t
			   WHERE t.pnr = i.pnr
				 AND t.tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat', 'loentilskud_offentlig')
				 AND t.periode && daterange(monday(i.uge + 1), monday(i.uge + 53))) AS m3
FROM idx i, k,
	 LATERAL (SELECT status_history(i.uger, i.maaneder, 'synthetic', '{SU}') AS st) AS s
WHERE i.uge < '2015-W01'
  AND i.foedselsdato <= monday(i.uge) - interval '30 years';

-- the areas beside the document: the treated, and the first-generation immigrants among the
-- adults (18 or more on 1 January 2014) of the six areas and of the other udsatte boligområder
WITH tal AS (
	SELECT v.*
	FROM (SELECT 100.0 * avg((b.herkomst LIKE 'indvandrer%')::int) FILTER (WHERE bo.fremskudt) AS seks,
				 100.0 * avg((b.herkomst LIKE 'indvandrer%')::int) FILTER (WHERE NOT bo.fremskudt) AS oevrige
		  FROM register.bolig bo JOIN register.baggrund b USING (pnr) JOIN register.person p USING (pnr)
		  WHERE p.foedselsdato <= date '1996-01-01') AS i,
		 LATERAL (VALUES
			(1, 'seeds/001 (L398)', 'aktivitetsparate over 30 år bosat i de seks indsatsområder', 'personer', 2052::float8,
			 (SELECT count(*) FILTER (WHERE indsats) FROM s001_kohorte) / :scale, 'fremskudt_kohorte_2013_2014'),
			(2, 'seeds/001 (L144)', 'førstegenerationsindvandrere blandt de voksne i indsatsområderne', 'pct.', 54, i.seks,
			 'fremskudt_indvandrere_voksne'),
			(3, 'seeds/001 (L144)', 'førstegenerationsindvandrere blandt de voksne i øvrige udsatte boligområder', 'pct.', 40,
			 i.oevrige, 'udsat_indvandrere_voksne'))
		 AS v (nr, kilde, maal, enhed, dokument, jobreg, noegle)),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT kilde, maal, 'København', enhed, dokument, jobreg, noegle FROM tal
	RETURNING *)
SELECT t.maal, register.tal(t.dokument, t.enhed, t.dokument) AS dokumentet, register.tal(t.jobreg, t.enhed, t.dokument, 1) AS jobreg
FROM tal t WHERE (SELECT count(*) FROM ins) > 0 ORDER BY t.nr;

-- the covariates as one array (reference groups: mand, dansk, ugift, grundskole)
CREATE TEMP VIEW s001_x AS
SELECT pnr, indsats, m1, m2, m3,
	   ARRAY[kvinde::int, alder, (herkomst = 'indvandrer vestlig')::int, (herkomst = 'indvandrer ikke-vestlig')::int,
			 (herkomst = 'efterkommer')::int, (civilstand = 'gift')::int, (civilstand IN ('fraskilt', 'enke'))::int,
			 (uddannelse = 'gymnasial')::int, (uddannelse = 'erhvervsfaglig')::int, (uddannelse = 'videregående')::int,
			 job_foer, ydelse_foer]::float8[] AS x
FROM s001_kohorte;

-- the propensity model: logistic regression of being in the outreach areas on the covariates
CREATE TEMP TABLE s001_model AS SELECT logistic(indsats, x) AS r FROM s001_x;
SELECT c.term, round(c.estimate::numeric, 3) AS estimate, round(c.std_err::numeric, 3) AS std_err,
	   round(c.p_value::numeric, 4) AS p_value
FROM s001_model,
	 coef_table(r, ARRAY['kvinde', 'alder', 'indvandrer vestlig', 'indvandrer ikke-vestlig', 'efterkommer', 'gift',
						 'fraskilt/enke', 'gymnasial', 'erhvervsfaglig', 'videregående', 'job 2 år før', 'ydelse 2 år før']) AS c;

-- 1:1 nearest-neighbour matching on the predicted probability (no caliper, as the document
-- gives none), each treated person with the nearest not yet used control
CREATE TEMP TABLE s001_par AS
SELECT m.treated_id, m.control_id, m.distance
FROM (SELECT array_agg(pnr::int8 ORDER BY pnr) AS ids, array_agg(indsats ORDER BY pnr) AS treated,
			 array_agg(predict((SELECT r FROM s001_model), x) ORDER BY pnr) AS scores
	  FROM s001_x) AS a,
	 LATERAL match_nearest(a.ids, a.treated, a.scores) AS m;

-- balance: the share of non-western origin and the mean age, before and after matching
SELECT 'før matchning' AS trin,
	   count(*) FILTER (WHERE indsats) AS indsats_n, count(*) FILTER (WHERE NOT indsats) AS kontrol_n,
	   dk_pct(avg((herkomst IN ('indvandrer ikke-vestlig', 'efterkommer'))::int) FILTER (WHERE indsats), 1) AS indsats_ikke_vestlig,
	   dk_pct(avg((herkomst IN ('indvandrer ikke-vestlig', 'efterkommer'))::int) FILTER (WHERE NOT indsats), 1) AS kontrol_ikke_vestlig,
	   dk_number(avg(alder) FILTER (WHERE indsats), 1) AS indsats_alder, dk_number(avg(alder) FILTER (WHERE NOT indsats), 1) AS kontrol_alder
FROM s001_kohorte
UNION ALL
SELECT 'efter matchning', count(*), count(*),
	   dk_pct(avg((t.herkomst IN ('indvandrer ikke-vestlig', 'efterkommer'))::int), 1),
	   dk_pct(avg((c.herkomst IN ('indvandrer ikke-vestlig', 'efterkommer'))::int), 1),
	   dk_number(avg(t.alder), 1), dk_number(avg(c.alder), 1)
FROM s001_par p JOIN s001_kohorte t ON t.pnr = p.treated_id JOIN s001_kohorte c ON c.pnr = p.control_id;

-- the outcomes of the matched pairs: shares, McNemar (the test for paired 0/1 outcomes), the
-- paired t-test of the 0/1 outcomes (what "t-test" on matched pairs computes) and the
-- two-sample test of proportions (prop_test, the pairs taken as independent samples)
CREATE TEMP TABLE s001_effekt AS
SELECT v.nr, v.maal, v.dok_indsats, v.dok_kontrol, v.dok_p,
	   100.0 * count(*) FILTER (WHERE v.yt) / count(*) AS indsats,
	   100.0 * count(*) FILTER (WHERE v.yc) / count(*) AS kontrol,
	   count(*) AS par,
	   (mcnemar(v.yt, v.yc)).p_value AS mcnemar_p,
	   (paired_t(v.yt::int, v.yc::int)).p_value AS paired_t_p,
	   (prop_test(count(*) FILTER (WHERE v.yt), count(*), count(*) FILTER (WHERE v.yc), count(*))).p_value AS prop_test_p
FROM s001_par p
JOIN s001_kohorte t ON t.pnr = p.treated_id
JOIN s001_kohorte c ON c.pnr = p.control_id,
	 LATERAL (VALUES (1, 'M1 selvforsørgelse inden for 52 uger', 17.4, 17.8, NULL::float8, t.m1, c.m1),
					 (2, 'M2 job og uddannelse inden for 52 uger', 4.3, 4.1, NULL, t.m2, c.m2),
					 (3, 'M3 virksomhedsrettet aktivering inden for 52 uger', 12.3, 10.3, 0.0357, t.m3, c.m3))
	 AS v (nr, maal, dok_indsats, dok_kontrol, dok_p, yt, yc)
GROUP BY v.nr, v.maal, v.dok_indsats, v.dok_kontrol, v.dok_p;

WITH ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/001 ' || split_part(e.maal, ' ', 1), e.maal || g.hvem, 'København', 'pct.', g.dok, g.jobreg, g.noegle
	FROM s001_effekt e,
		 LATERAL (VALUES (': indsatsområderne', e.dok_indsats, e.indsats, 'fremskudt_m' || e.nr || '_2013_2014'),
						 (': matchede kontroller', e.dok_kontrol, e.kontrol, 'udsat_m' || e.nr || '_2013_2014'))
		 AS g (hvem, dok, jobreg, noegle)
	RETURNING *)
SELECT e.maal, e.par AS par_jobreg, 2052 AS par_dokumentet,
	   register.tal(e.dok_indsats, 'pct.', e.dok_indsats) || ' / ' || register.tal(e.dok_kontrol, 'pct.', e.dok_kontrol) AS dokumentet,
	   register.tal(e.indsats, 'pct.', e.dok_indsats, 1) || ' / ' || register.tal(e.kontrol, 'pct.', e.dok_kontrol, 1) AS jobreg,
	   coalesce(dk_number(e.dok_p::numeric, 4), '') AS p_dokumentet,
	   dk_number(e.mcnemar_p::numeric, 4) AS p_mcnemar, dk_number(e.paired_t_p::numeric, 4) AS p_paired_t,
	   dk_number(e.prop_test_p::numeric, 4) AS p_prop_test,
	   (SELECT count(*) FROM ins) > 0 AS gemt
FROM s001_effekt e ORDER BY e.nr;

-- The printed M3 itself: with 2.052 pairs, 12,3 pct. against 10,3 pct. is 252 against 211.
-- As two independent samples (prop_test, as jobreg computes it) p = 0,043, not 0,0357.  A
-- paired test of the same shares gives a smaller p when the outcomes within pairs are
-- correlated, so 0,0357 fits a paired t-test; the document does not print the discordant
-- pairs that would settle it.
SELECT dk_number((prop_test(252, 2052, 211, 2052)).p_value::numeric, 4) AS p_prop_test_trykte_tal;

-- BIU's third follow-up note (2017), text: in May 2016 - April 2017, "0,5 pct. af borgerne i
-- indsatsen i gennemsnit pr. måned" went to job or education (Center for Jobindsats as a whole:
-- 0,4 pct.), and 2,2 pct. a month started a virksomhedsplacering (JKI: 2 pct.).  The note's
-- figures imply events ÷ person-months (see the domain note), which is what is computed here.
-- Population: the aktivitetsparate aged 30 or more of København, living in the two areas where
-- the effort went on in 2016-18, Tingbjerg and Urbanplanen (indsatsen; residence as of
-- 2013-14, the register's only one), and all of them (JKI as a whole, the areas included),
-- month by month (on the benefit in the month's first week).  Afgang til job/uddannelse: a week of the month in state
-- job or education (status_history) right after a week on kontanthjælp.  Virksomhedsplacering:
-- a virksomhedspraktik or løntilskud starting in the month.
CREATE TEMP TABLE s001_note3 AS
WITH k AS (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS akt,
				  codes('synthetic', 'kontanthjælp aktivitetsparat') || codes('synthetic', 'kontanthjælp jobparat') AS kth),
maaneder AS (
	SELECT m.dag, month_weeks(extract(year FROM m.dag)::int, extract(month FROM m.dag)::int) AS uger
	FROM generate_series(date '2016-05-01', date '2017-04-01', interval '1 month') AS m (dag)),
pm AS (                         -- person-months
	SELECT p.pnr, m.dag, m.uger,
		   coalesce(bo.omraade IN ('Tingbjerg', 'Urbanplanen'), false) AS indsats,
		   d.uger AS wl, s.st
	FROM register.person p
	JOIN register.dream d USING (pnr)
	LEFT JOIN register.bolig bo USING (pnr)
	JOIN register.beskaeftigelse e USING (pnr), k,
		 LATERAL (SELECT status_history(d.uger, e.maaneder, 'synthetic', '{SU}') AS st) AS s,
		 maaneder m
	WHERE p.kommunekode = 101
	  AND weeks_in(d.uger, k.akt, '[2016-W18,2017-W18)') > 0
	  AND p.foedselsdato <= m.dag - interval '30 years'
	  AND code_at(d.uger, lower(m.uger)) = ANY (k.akt))
SELECT pm.indsats, count(*) AS personmaaneder,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM generate_series(0, upper(pm.uger) - lower(pm.uger) - 1) AS i
								   WHERE code_at(pm.st, lower(pm.uger) + i) IN (1, 2)
									 AND code_at(pm.wl, lower(pm.uger) + i - 1) = ANY (k.kth))) AS afgange,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM register.tilbud t
								   WHERE t.pnr = pm.pnr
									 AND t.tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat', 'loentilskud_offentlig')
									 AND lower(t.periode) >= pm.dag AND lower(t.periode) < pm.dag + interval '1 month')) AS placeringer
FROM pm, k
GROUP BY pm.indsats;

WITH tal AS (
	SELECT v.*
	FROM (SELECT * FROM s001_note3 WHERE indsats) AS i, (SELECT sum(personmaaneder) AS pm, sum(afgange) AS af, sum(placeringer) AS pl FROM s001_note3) AS j,
		 LATERAL (VALUES
			(1, 'afgang til job eller uddannelse pr. måned: indsatsen', 0.5, 100.0 * i.afgange / i.personmaaneder),
			(2, 'afgang til job eller uddannelse pr. måned: Center for Jobindsats', 0.4, 100.0 * j.af / j.pm),
			(3, 'påbegyndte virksomhedsplaceringer pr. måned: indsatsen', 2.2, 100.0 * i.placeringer / i.personmaaneder),
			(4, 'påbegyndte virksomhedsplaceringer pr. måned: Center for Jobindsats', 2, 100.0 * j.pl / j.pm))
		 AS v (nr, maal, dokument, jobreg)),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/001 notat 3', maal, 'København', 'pct.', dokument, jobreg,
		   (ARRAY['note3_afgang_indsats_2016_2017', 'note3_afgang_jki_2016_2017',
				  'note3_placering_indsats_2016_2017', 'note3_placering_jki_2016_2017'])[nr]
	FROM tal
	RETURNING *)
SELECT t.maal, register.tal(t.dokument, 'pct.', t.dokument) AS dokumentet, register.tal(t.jobreg, 'pct.', t.dokument, 1) AS jobreg
FROM tal t WHERE (SELECT count(*) FROM ins) > 0 ORDER BY t.nr;
