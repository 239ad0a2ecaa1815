-- seeds/002 (STAR's review of the langvarige, 2022), Tabel 11 and afsnit 3.3: on 1 March
-- 2020, how many aktivitetsparate kontanthjælpsmodtagere in the review's 25 kommuner had
-- been on kontanthjælp for at least 5 years; what share of all aktivitetsparate and of the
-- population aged 16-66 are they; their mean anciennitet (10,4 år) and the share with more
-- than 10 years (40 pct.; København 47 pct.).
--
-- Definition (synth_maal lang_*_2020): persons aktivitetsparat on kontanthjælp or
-- overgangsydelse in 2020-W09 (the week of 1 March 2020; the table's note), aged 30 or more on
-- 2020-03-01; anciennitet = the weeks from the start of their spell on the kontanthjælp family
-- (kontanthjælp, uddannelseshjælp, integrations-, overgangs- or selvforsørgelses- og
-- hjemrejseydelse, any visitation: the document's resumé counts years on uddannelseshjælp and
-- integrationsydelse; breaks of at most 5 weeks bridged: STAR's rule; histories from DREAM's
-- first week, 1991-W27) through 2020-W09, in
-- years of 365.25 days; langvarig = at least 5 years.  (jobreg's `langvarig()` and
-- `anciennitet_fordeling` count years of 52 weeks: 260 weeks rather than 261 are 5 years.)
-- The 25 kommuner are those of the calibration target (synth_target.kommuner).  The counts
-- are printed for reference: the register keeps the 2015 population, 3 pct. below 2020's.
-- Age: the document includes the under-30s ("Kun et fåtal ... under 30 år", Tabel 1's note);
-- the calibrated figures keep the 30+ of the calibration target, because the register's
-- under-30s are not "a few": 13 pct. of its aktivitetsparate on kontanthjælp in 2020-W09 are
-- under 30 (young people with a vocational education, who get kontanthjælp rather than
-- uddannelseshjælp), and 10 pct. of its langvarige (1.484 of 15.153 at scale 1; the document's
-- 14.164 against the register's 13.669 over 30 leaves room for about 500).  The document's
-- all-ages figures are printed beside them ("alle aldre"), with that difference in them.
CREATE TEMP TABLE s002_tabel11 AS
WITH aktivitetsparate AS (      -- the aktivitetsparate of 1 March 2020 and their anciennitet in years
	SELECT p.kommunekode, anciennitet(d.uger, k.kontanthjaelp, '2020-W09', 5) * 7 / 365.25 AS aar,
		   p.foedselsdato <= date '2020-03-01' - interval '30 years' AS over_30
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT (SELECT kommuner FROM synth_target WHERE noegle = 'lang_antal_2020' AND geografi = '25 kommuner') AS kommuner,
				 (SELECT register.akt_kth_ovg()) AS akt,
				 (SELECT register.kth_familie()) AS kontanthjaelp) AS k
	WHERE p.kommunekode = ANY (k.kommuner)
	  AND code_at(d.uger, '2020-W09') = ANY (k.akt)),
pr_kommune AS (                 -- per kommune and definition, with the persons aged 16-66 on 1 April 2020
	SELECT a.kommunekode, alle_aldre, count(*) AS aktivitetsparate,
		   count(*) FILTER (WHERE a.aar >= 5) AS langvarige,
		   sum(a.aar) FILTER (WHERE a.aar >= 5) AS langvariges_aar,
		   count(*) FILTER (WHERE a.aar > 10) AS over_10_aar,
		   (SELECT sum(antal) FROM register.befolkning b
			WHERE b.kommunekode = a.kommunekode AND b.aar = 2020 AND b.kvartal = 2) AS personer_16_66
	FROM aktivitetsparate a, (VALUES (false), (true)) AS d (alle_aldre)
	WHERE a.over_30 OR d.alle_aldre
	GROUP BY a.kommunekode, alle_aldre)
SELECT g.geografi, alle_aldre,          -- København, and the 25 kommuner pooled
	   sum(langvarige) / u.skala AS langvarige,
	   100.0 * sum(langvarige) / nullif(sum(aktivitetsparate), 0) AS pct_af_aktivitetsparate,
	   100.0 * sum(langvarige) / sum(personer_16_66) AS pct_af_befolkningen,
	   sum(langvariges_aar) / nullif(sum(langvarige), 0) AS gennemsnitlig_anciennitet,
	   100.0 * sum(over_10_aar) / nullif(sum(langvarige), 0) AS pct_over_10_aar
FROM pr_kommune, register.udtraek u,
	 LATERAL (VALUES ('25 kommuner'), (CASE WHEN kommunekode = 101 THEN 'København' END)) AS g (geografi)
WHERE g.geografi IS NOT NULL
GROUP BY g.geografi, alle_aldre, u.skala;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT r.kilde, r.maal || CASE WHEN t.alle_aldre THEN ' (alle aldre)' ELSE '' END, t.geografi, r.enhed, r.dokument, r.jobreg,
	   CASE WHEN NOT t.alle_aldre THEN r.noegle END
FROM s002_tabel11 t
JOIN (VALUES ('25 kommuner', 14164, 46, 0.77, 10.4, 40), ('København', 4646, 47, 0.98, NULL, 47))
	 AS d (geografi, antal, pct_akt, pct_bef, anciennitet, over_10) USING (geografi)
CROSS JOIN LATERAL (VALUES
	(1, 'seeds/002 Tabel 11', 'langvarige aktivitetsparate (mindst 5 års anciennitet)', 'personer', d.antal, t.langvarige, 'lang_antal_2020'),
	(2, 'seeds/002 Tabel 11', 'langvarige i pct. af aktivitetsparate', 'pct.', d.pct_akt, t.pct_af_aktivitetsparate, 'lang_andel_akt_2020'),
	(3, 'seeds/002 Tabel 11', 'langvarige i pct. af befolkningen 16-66 år', 'pct. af befolkningen 16-66 år', d.pct_bef,
	 t.pct_af_befolkningen, 'lang_andel_pop_2020'),
	(4, 'seeds/002 afsnit 3.3', 'gennemsnitlig anciennitet for langvarige', 'år', d.anciennitet, t.gennemsnitlig_anciennitet,
	 'lang_anc_mean_2020'),
	(5, CASE WHEN t.geografi = 'København' THEN 'seeds/002 Figur 3' ELSE 'seeds/002 afsnit 3.3' END,
	 'langvarige med mere end 10 års anciennitet', 'pct.', d.over_10, t.pct_over_10_aar, 'lang_over10_2020'))
	 AS r (nr, kilde, maal, enhed, dokument, jobreg, noegle)
ORDER BY r.nr, t.geografi = 'København', t.alle_aldre
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
