-- seeds/000 Figur 10, the whole offer mix, and Tabel 5 in the period of its title.
--
-- Figur 10 ("Anvendelse af tilbud for aktivitetsparate kontanthjælpsmodtagere", 2nd quarter
-- 2014 - 1st quarter 2015): the share of each kind of offer in the activation of the
-- aktivitetsparate, København against the klynge.  The text prints one figure: ordinær
-- uddannelse "ca. 16 pct.", "en lidt højere anvendelse, sammenlignet med klyngen"
-- (16_s000_tabel6_figur10.sql computes it); here every offer type of the register, in
-- København, the klynge and the whole country.  Shares of activation hours, counted as in
-- Tabel 5 and 6 (offer hours inside the days on kontanthjælp as aktivitetsparat, persons
-- aged 30 or more on 2014-04-01); each type's hours are counted with `aktivering` over that
-- type's offers alone (as 15_… counts ordinær uddannelse), so two offers of different types
-- in the same week are not capped at full time together.
--
-- Tabel 5's title says "1. kvrt. 2015", while Figur 9, whose 9 pct. Tabel 5 repeats, says
-- 2nd quarter 2014 - 1st quarter 2015, and 15_… (calibrated) uses the four quarters.  The
-- aktiveringsgrad of the title's quarter is printed here beside the document's figures
-- (synth_maal *_grad_2015q1: the calibration checks them too).
CREATE TEMP TABLE aktivering_type AS
WITH maalgrupper (maalgruppe, koder) AS (VALUES
	('aktivitetsparate kontanthjælpsmodtagere', (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat'))),
	('revalidering', (SELECT codes('synthetic', 'revalidering'))),
	('ledighedsydelse', (SELECT codes('synthetic', 'ledighedsydelse'))),
	('ressourceforløb', (SELECT codes('synthetic', 'ressourceforløb')))),
perioder (periode, uger, fyldt_30) AS (VALUES
	('2014q2_2015q1', weekrange(lower(quarter_weeks(2014, 2)), upper(quarter_weeks(2015, 1))), date '2014-04-01'),
	('2015q1', quarter_weeks(2015, 1), date '2015-01-01')),
paa_ydelsen AS (                -- each person's days on the benefit, per målgruppe and period
	SELECT p.pnr, p.kommunekode, m.maalgruppe, e.periode,
		   daterange(monday(lower(e.uger)), monday(upper(e.uger))) AS dage,
		   range_agg(daterange(monday(lower(r.weeks)), monday(upper(r.weeks)))) AS ydelse
	FROM register.dream d
	JOIN register.person p USING (pnr)
	CROSS JOIN LATERAL runs(d.uger) AS r
	JOIN maalgrupper m ON r.code = ANY (m.koder)
	JOIN perioder e ON r.weeks && e.uger AND p.foedselsdato <= e.fyldt_30 - interval '30 years'
	WHERE weeks_in(d.uger, (SELECT array_agg(code) FROM codebook WHERE codebook = 'synthetic'   -- a quick filter
							AND gruppe IN ('kontanthjælp aktivitetsparat', 'revalidering',
										   'ledighedsydelse', 'ressourceforløb')),
				   weekrange(lower(quarter_weeks(2014, 2)), upper(quarter_weeks(2015, 1)))) > 0
	  AND (e.periode = '2015q1' OR m.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere')
	GROUP BY p.pnr, p.kommunekode, m.maalgruppe, e.periode, e.uger),
pr_person AS (                  -- all offers, and each type's offers alone (the register's types)
	SELECT y.kommunekode, y.maalgruppe, y.periode,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge) AS alle,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'virksomhedspraktik') AS virksomhedspraktik,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'loentilskud_privat') AS loentilskud_privat,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'loentilskud_offentlig') AS loentilskud_offentlig,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'jobrotation') AS jobrotation,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'nytteindsats') AS nytteindsats,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'vejledning_opkvalificering') AS vejledning_opkvalificering,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'ordinaer_uddannelse') AS ordinaer_uddannelse
	FROM paa_ydelsen y
	LEFT JOIN register.tilbud t ON t.pnr = y.pnr AND t.periode && y.dage
	GROUP BY y.pnr, y.kommunekode, y.maalgruppe, y.periode, y.dage, y.ydelse),
pr_geografi AS (
	SELECT y.maalgruppe, y.periode, g.geografi,
		   aktivering_sum(y.alle) AS alle,
		   aktivering_sum(y.virksomhedspraktik) AS virksomhedspraktik,
		   aktivering_sum(y.loentilskud_privat) AS loentilskud_privat,
		   aktivering_sum(y.loentilskud_offentlig) AS loentilskud_offentlig,
		   aktivering_sum(y.jobrotation) AS jobrotation,
		   aktivering_sum(y.nytteindsats) AS nytteindsats,
		   aktivering_sum(y.vejledning_opkvalificering) AS vejledning_opkvalificering,
		   aktivering_sum(y.ordinaer_uddannelse) AS ordinaer_uddannelse
	FROM pr_person y
	JOIN register.geografi g ON g.kommunekode = y.kommunekode AND g.maalgruppe = y.maalgruppe
	GROUP BY y.maalgruppe, y.periode, g.geografi)
SELECT x.maalgruppe, x.periode, v.tilbudstype, x.geografi, v.a
FROM pr_geografi x,
	 LATERAL (VALUES ('alle', x.alle), ('virksomhedspraktik', x.virksomhedspraktik),
					 ('loentilskud_privat', x.loentilskud_privat), ('loentilskud_offentlig', x.loentilskud_offentlig),
					 ('jobrotation', x.jobrotation), ('nytteindsats', x.nytteindsats),
					 ('vejledning_opkvalificering', x.vejledning_opkvalificering),
					 ('ordinaer_uddannelse', x.ordinaer_uddannelse)) AS v (tilbudstype, a)
WHERE v.tilbudstype = 'alle' OR x.periode = '2014q2_2015q1';

-- Figur 10: each type's share of the activation hours (the text's ordinær uddannelse first)
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Figur 10', 'andel af aktiveringen: ' || s.betegnelse, t.geografi, 'pct.',
	   CASE WHEN t.tilbudstype = 'ordinaer_uddannelse' AND t.geografi = 'København' THEN 16 END,
	   100 * coalesce((t.a).aktiveringstimer, 0) / nullif((a.a).aktiveringstimer, 0), NULL
FROM aktivering_type t
JOIN aktivering_type a ON a.maalgruppe = t.maalgruppe AND a.periode = t.periode AND a.geografi = t.geografi
					  AND a.tilbudstype = 'alle'
JOIN synth_tilbudstype s ON s.tilbudstype = t.tilbudstype
WHERE t.periode = '2014q2_2015q1'
ORDER BY t.tilbudstype <> 'ordinaer_uddannelse', s.virksomhedsrettet DESC, s.tilbudstype,
		 array_position('{København,klyngen,hele landet}', t.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;

-- the text's comparison: ordinær uddannelse a little more used in København than in the klynge
SELECT dk_number((k.jobreg - c.jobreg)::numeric, 1) AS uddannelse_koebenhavn_minus_klyngen_point,
	   k.jobreg > c.jobreg AS lidt_hoejere_end_klyngen
FROM register.demo_figur k
JOIN register.demo_figur c ON c.kilde = k.kilde AND c.maal = k.maal AND c.geografi = 'klyngen'
WHERE k.kilde = 'seeds/000 Figur 10' AND k.geografi = 'København' AND k.maal LIKE '%uddannelse%'
  AND k.noegle IS NULL;

-- Tabel 5 in its title's period, the 1st quarter of 2015, beside the printed figures
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad i 1. kvt. 2015: ' || x.navn, g.geografi, 'pct.',
	   g.dokument, 100 * (t.a).aktiveringstimer / nullif((t.a).ydelsestimer, 0), x.noegle
FROM (VALUES
		(1, 'aktivitetsparate kontanthjælpsmodtagere', 'kontanthjælp (aktivitetsparate)', 9, 12, 16, 'akt_grad_2015q1'),
		(2, 'revalidering', 'revalidering', 81, 76, 77, 'reva_grad_2015q1'),
		(3, 'ledighedsydelse', 'ledighedsydelse', 10, 16, 12, 'ledy_grad_2015q1'),
		(4, 'ressourceforløb', 'ressourceforløb', 5, 7, 9, 'resf_grad_2015q1'))
	 AS x (nr, maalgruppe, navn, koebenhavn, klyngen, hele_landet, noegle)
CROSS JOIN LATERAL register.tre_geografier(x.maalgruppe, x.koebenhavn, x.klyngen, x.hele_landet) AS g
JOIN aktivering_type t ON t.maalgruppe = x.maalgruppe AND t.geografi = g.geografi
					  AND t.periode = '2015q1' AND t.tilbudstype = 'alle'
ORDER BY x.nr, array_position('{København,klyngen,klyngen (ledighedsydelse),hele landet}', g.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
