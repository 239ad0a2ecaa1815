-- seeds/000 Figur 3 (the overlevelseskurve): of the new aktivitetsparate kontanthjælps-
-- modtagere (forløb started 4th quarter 2012 - 3rd quarter 2013), what share is still on
-- kontanthjælp 52 weeks after the start, in København, the klynge and the whole country?
-- The text adds the curves' shape: for 16 weeks København is about as the klynge; after 17
-- weeks København's curve flattens while the others fall on.
--
-- Definition (synth_maal akt_nye_s52_2012q4_2013q3; the cohort as in the calibration): a
-- new forløb starts as aktivitetsparat in a week of 2012 Q4 - 2013 Q3 after at least 52
-- weeks without kontanthjælp (aktivitetsparat or jobparat), the person aged 30 or more at
-- its start.  The curve is jobreg's Kaplan-Meier estimate (`survival`) of the forløb's
-- length in weeks, the forløb ending when kontanthjælp stops for more than 5 weeks, so a
-- short break is not a leaving (the document: people leave as they "overgår til
-- uddannelse, beskæftigelse eller andre ydelser").  The document's footnote defines the
-- figure as the share receiving the benefit t weeks after the start: the share with
-- kontanthjælp *in* week 52, as the calibration reads it.  That share is the one checked
-- against the document; the curve's value at 52 weeks is printed beside it.
\if :{?outdir}
\else
\set outdir .
\endif
CREATE TEMP TABLE figur3 AS
WITH nye AS (                        -- the new forløb of the cohort
	SELECT p.kommunekode, s.spell, s.right_censored,
		   code_at(d.uger, lower(s.spell) + 52) = ANY (k.kontanthjaelp) AS paa_ydelsen_uge_52
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT weekrange(lower(quarter_weeks(2012, 4)), upper(quarter_weeks(2013, 3))) AS startuger,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
				 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')
						 || codes('synthetic', 'kontanthjælp jobparat')) AS kontanthjaelp) AS k,
		 spells(d.uger, k.kontanthjaelp, 5) AS s
	WHERE weeks_in(d.uger, k.kontanthjaelp, k.startuger) > 0          -- (only to skip the rest fast)
	  AND lower(s.spell) <@ k.startuger
	  AND code_at(d.uger, lower(s.spell)) = ANY (k.akt)
	  AND (s.prior_gap IS NULL OR s.prior_gap >= 52)
	  AND p.foedselsdato <= monday(lower(s.spell)) - interval '30 years')
SELECT g.geografi, count(*) AS forloeb,
	   survival(upper(n.spell) - lower(n.spell), NOT n.right_censored) AS kurve,
	   avg(n.paa_ydelsen_uge_52::int) AS status_uge_52
FROM nye AS n JOIN register.geografi AS g
		ON g.kommunekode = n.kommunekode AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'
GROUP BY g.geografi;

-- the figure's points, and the document's figure after 52 weeks beside jobreg's
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Figur 3', r.maal, f.geografi, 'pct.', r.dokument, r.jobreg, r.noegle
FROM figur3 AS f
JOIN (VALUES ('København', 81), ('klyngen', 76), ('hele landet', 77)) AS d (geografi, efter_52) USING (geografi),
	 LATERAL (VALUES
		(1, 'stadig på ydelsen efter 16 uger', NULL, 100 * surv_at(f.kurve, 16), NULL),
		(2, 'stadig på ydelsen efter 17 uger', NULL, 100 * surv_at(f.kurve, 17), NULL),
		(3, 'stadig på ydelsen efter 52 uger (kurven)', d.efter_52, 100 * surv_at(f.kurve, 52), NULL),
		(4, 'på ydelsen i uge 52 (fodnotens definition)', d.efter_52, 100 * f.status_uge_52, 'akt_nye_s52_2012q4_2013q3'))
	 AS r (nr, maal, dokument, jobreg, noegle)
ORDER BY r.nr, array_position('{København,klyngen,hele landet}', f.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;

-- the curves as an SVG picture, like the document's figure
\pset format unaligned
\pset tuples_only on
\o :outdir/figur3.svg
SELECT surv_svg(array_agg(kurve ORDER BY array_position('{København,klyngen,hele landet}', geografi)),
				array_agg(geografi || ' (' || forloeb || ' forløb)'
						  ORDER BY array_position('{København,klyngen,hele landet}', geografi)),
				title => 'Figur 3: nye aktivitetsparate, andel der bliver på kontanthjælp',
				max_time => 52, time_step => 4, x_label => 'uger efter start',
				y_label => 'andel stadig på ydelsen')
FROM figur3;
\o
\pset format aligned
\pset tuples_only off
\echo :outdir/figur3.svg
