-- seeds/000 Figur 3 with Figur 2's spell rule, afsnit 1.2's "omkring 7 pct. færre", and
-- afsnit 5's BIFLIS figure under other spell rules.
--
-- Figur 3 (13_s000_figur3.sql) bridges breaks of up to 5 weeks (STAR's rule) while Figur 2
-- (12_s000_figur2.sql) ends a forløb at any week without kontanthjælp (Jobindsats' rule
-- before 2017); both figures cite Jobindsats, so this file redraws Figur 3 with Figur 2's
-- rule.  Under it, the Kaplan-Meier value after 52 weeks is the share still on kontanthjælp
-- *without a break* ("fortsat modtager ydelsen"), which the share on it in week 52 (the
-- calibration's reading, 13_…) is not: that share counts those who left and came back.
-- Cohort as in 13_…: forløb started as aktivitetsparat in 2012 Q4 - 2013 Q3 after at least
-- 52 weeks without kontanthjælp (aktivitetsparat or jobparat), aged 30 or more at the start.
-- Both rules are printed, København, the klynge and the whole country.
--
-- Afsnit 1.2: "omkring 7 pct. færre aktivitetsparate kontanthjælpsmodtagere forlader
-- kontanthjælp inden for det første år, sammenlignet med klyngen".  Figur 3's printed 81 and
-- 76 pct. give three readings: 5 points more stay (81 - 76); 21 pct. fewer leave (19 ÷ 24 - 1);
-- 6,6 pct. more stay (81 ÷ 76 - 1).  Only the last is "omkring 7": the text's "færre
-- forlader" is the relative difference of those who stay.  All three are printed from the
-- printed figures and from the register: the share on kontanthjælp in week 52 (the reading
-- 13_… is calibrated with) and the Kaplan-Meier values under both rules.
--
-- Afsnit 5 (BIFLIS): of those with more than 3 years on kontanthjælp, 70 pct. have had it for
-- more than 5.  12_… computes 53 pct. with Jobindsats' rule (any break ends a forløb).  BIFLIS
-- is the kommune's own system and its rule is not given; a rule that bridges breaks lengthens
-- the forløb, so the share is printed under STAR's rule (5 weeks), and with breaks of up to
-- 13 and 52 weeks bridged, to show how much of the gap the rule can explain.
\if :{?outdir}
\else
\set outdir .
\endif
CREATE TEMP TABLE figur3_regler AS
WITH k AS (
	SELECT weekrange(lower(quarter_weeks(2012, 4)), upper(quarter_weeks(2013, 3))) AS startuger,
		   (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
		   (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')
				   || codes('synthetic', 'kontanthjælp jobparat')) AS kontanthjaelp),
nye AS (                        -- the new forløb under each rule (max_gap 0: Figur 2's, 5: STAR's)
	SELECT r.max_gap, p.kommunekode, s.spell, s.right_censored,
		   code_at(d.uger, lower(s.spell) + 52) = ANY (k.kontanthjaelp) AS paa_ydelsen_uge_52
	FROM register.person p
	JOIN register.dream d USING (pnr)
	CROSS JOIN k
	CROSS JOIN (VALUES (0), (5)) AS r (max_gap)
	CROSS JOIN LATERAL spells(d.uger, k.kontanthjaelp, r.max_gap) AS s
	WHERE weeks_in(d.uger, k.kontanthjaelp, k.startuger) > 0          -- (only to skip the rest fast)
	  AND lower(s.spell) <@ k.startuger
	  AND code_at(d.uger, lower(s.spell)) = ANY (k.akt)
	  AND (s.prior_gap IS NULL OR s.prior_gap >= 52)
	  AND p.foedselsdato <= monday(lower(s.spell)) - interval '30 years')
SELECT n.max_gap, g.geografi, count(*) AS forloeb,
	   survival(upper(n.spell) - lower(n.spell), NOT n.right_censored) AS kurve,
	   avg(n.paa_ydelsen_uge_52::int) AS status_uge_52
FROM nye AS n JOIN register.geografi AS g
		ON g.kommunekode = n.kommunekode AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'
GROUP BY n.max_gap, g.geografi;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Figur 3', r.maal, f.geografi, 'pct.', r.dokument, r.jobreg, NULL
FROM figur3_regler AS f
JOIN (VALUES ('København', 81), ('klyngen', 76), ('hele landet', 77)) AS d (geografi, efter_52) USING (geografi),
	 LATERAL (VALUES
		(1, 'fortsat på ydelsen efter 16 uger (Figur 2''s regel)', NULL, 100 * surv_at(f.kurve, 16)),
		(2, 'fortsat på ydelsen efter 17 uger (Figur 2''s regel)', NULL, 100 * surv_at(f.kurve, 17)),
		(3, 'fortsat på ydelsen efter 52 uger (Figur 2''s regel)', d.efter_52, 100 * surv_at(f.kurve, 52)))
	 AS r (nr, maal, dokument, jobreg)
WHERE f.max_gap = 0
ORDER BY r.nr, array_position('{København,klyngen,hele landet}', f.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;

-- the two rules side by side: forløb, and the curve after 16, 17 and 52 weeks
SELECT f.geografi, f.max_gap AS brud_bygget_over_uger, f.forloeb,
	   dk_pct(surv_at(f.kurve, 16), 1) AS efter_16, dk_pct(surv_at(f.kurve, 17), 1) AS efter_17,
	   dk_pct(surv_at(f.kurve, 52), 1) AS efter_52
FROM figur3_regler f
ORDER BY array_position('{København,klyngen,hele landet}', f.geografi), f.max_gap;

-- afsnit 1.2: København against the klynge after 52 weeks, three readings, from three
-- figures of the register: the share on kontanthjælp in week 52 (13_…'s calibrated figure,
-- 80,5 and 75,5 pct.) and the curves of both rules
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 afsnit 1.2', x.maal || ', ' || s.grundlag, 'København', x.enhed, x.dokument, x.jobreg, NULL
FROM (SELECT 1 AS nr, 'på ydelsen i uge 52' AS grundlag, k.status_uge_52 AS k, c.status_uge_52 AS c
	  FROM figur3_regler k JOIN figur3_regler c ON c.max_gap = k.max_gap AND c.geografi = 'klyngen'
	  WHERE k.geografi = 'København' AND k.max_gap = 5
	  UNION ALL
	  SELECT 3 - k.max_gap / 5, 'kurven, brud på op til ' || k.max_gap || ' uger bygget over',
			 surv_at(k.kurve, 52), surv_at(c.kurve, 52)
	  FROM figur3_regler k JOIN figur3_regler c ON c.max_gap = k.max_gap AND c.geografi = 'klyngen'
	  WHERE k.geografi = 'København') AS s,
	 LATERAL (VALUES
		(1, 'flere bliver på ydelsen, relativt (81 ÷ 76 - 1 = 6,6: "omkring 7 pct.")', 'pct.',
		 7::float8, 100 * (s.k / s.c - 1)),
		(2, 'flere bliver på ydelsen, pct.-point (81 - 76 = 5)', 'point', NULL, 100 * (s.k - s.c)),
		(3, 'færre forlader ydelsen, relativt (19 ÷ 24 - 1 = -21)', 'pct.', NULL, 100 * ((1 - s.k) / (1 - s.c) - 1)))
	 AS x (nr, maal, enhed, dokument, jobreg)
ORDER BY s.nr, x.nr
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;

-- afsnit 5 (BIFLIS): more than 5 years among those with more than 3, under four spell rules
-- (the persons of Figur 2: aktivitetsparat in 2015-W10, aged 30 or more, in København), in
-- one pass
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 afsnit 5 (BIFLIS)',
	   'mere end 5 år blandt dem med mere end 3, brud på op til ' || r.max_gap || ' uger bygget over',
	   'København', 'pct.', 70, 100 * (r.f).andel_over_5_aar / nullif((r.f).andel_over_3_aar, 0), NULL
FROM (SELECT anciennitet_fordeling(anciennitet(d.uger, k.kontanthjaelp, '2015-W10', 0)) AS f0,
			 anciennitet_fordeling(anciennitet(d.uger, k.kontanthjaelp, '2015-W10', 5)) AS f5,
			 anciennitet_fordeling(anciennitet(d.uger, k.kontanthjaelp, '2015-W10', 13)) AS f13,
			 anciennitet_fordeling(anciennitet(d.uger, k.kontanthjaelp, '2015-W10', 52)) AS f52
	  FROM register.person p
	  JOIN register.dream d USING (pnr),
		   (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
				   (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')
						   || codes('synthetic', 'kontanthjælp jobparat')) AS kontanthjaelp) AS k
	  WHERE p.kommunekode = 101
		AND code_at(d.uger, '2015-W10') = ANY (k.akt)
		AND p.foedselsdato <= date '2015-03-02' - interval '30 years') AS a,
	 LATERAL (VALUES (0, a.f0), (5, a.f5), (13, a.f13), (52, a.f52)) AS r (max_gap, f)
ORDER BY r.max_gap
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;

-- Figur 3 redrawn with Figur 2's rule
\pset format unaligned
\pset tuples_only on
\o :outdir/figur3_fortsat.svg
SELECT surv_svg(array_agg(kurve ORDER BY array_position('{København,klyngen,hele landet}', geografi)),
				array_agg(geografi || ' (' || forloeb || ' forløb)'
						  ORDER BY array_position('{København,klyngen,hele landet}', geografi)),
				title => 'Figur 3: nye aktivitetsparate, andel fortsat på kontanthjælp (ethvert brud afslutter forløbet)',
				max_time => 52, time_step => 4, x_label => 'uger efter start',
				y_label => 'andel fortsat på ydelsen')
FROM figur3_regler WHERE max_gap = 0;
\o
\pset format aligned
\pset tuples_only off
\echo :outdir/figur3_fortsat.svg
