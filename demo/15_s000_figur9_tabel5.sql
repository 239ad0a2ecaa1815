-- seeds/000 Figur 9 and Tabel 5: how much activation do the udsatte get?  The
-- aktiveringsgrad of each målgruppe and the share of aktivitetsparate kontanthjælps-
-- modtagere with any activation (andel aktiveringsberørte), 2nd quarter 2014 - 1st quarter
-- 2015, in København, the klynge and the whole country.
--
-- Definition (synth_maal akt_beroerte_ and *_grad_2014q2_2015q1): persons aged 30 or more
-- on the first day of the period, on the benefit in some week of it (Thursday rule; a week
-- on the benefit is its seven days from Monday).  Aktiveringsgrad = activation hours (hours
-- per week × days of the offer inside the days on the benefit ÷ 7) ÷ possible hours (37 per
-- week on the benefit); aktiveringsberørte = persons with an offer during their days on the
-- benefit ÷ persons on it.  Klynge and country figures are pooled (Σ hours ÷ Σ hours).
--
-- jobreg's `aktivering` aggregate gives each person's numbers; `aktivering_sum` adds them
-- up per kommune, målgruppe and period into a rollup table, from which this file and the
-- next two (Tabel 6, Figur 10, seeds/003 Tabel 3) read every klynge and the whole country.
CREATE TABLE register.aktivering_kommune AS
WITH maalgrupper (maalgruppe, koder) AS (VALUES
	('aktivitetsparate kontanthjælpsmodtagere', (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat'))),
	('revalidering', (SELECT codes('synthetic', 'revalidering'))),
	('ledighedsydelse', (SELECT codes('synthetic', 'ledighedsydelse'))),
	('ressourceforløb', (SELECT codes('synthetic', 'ressourceforløb')))),
perioder (periode, uger, fyldt_30) AS (VALUES
	('2014q2_2015q1', weekrange(lower(quarter_weeks(2014, 2)), upper(quarter_weeks(2015, 1))), date '2014-04-01'),
	('2015q4_2016q3', weekrange(lower(quarter_weeks(2015, 4)), upper(quarter_weeks(2016, 3))), date '2015-10-01')),
paa_ydelsen AS (                -- each person's days on the benefit (its weeks, from Monday), per målgruppe and period
	SELECT p.pnr, p.kommunekode, m.maalgruppe, e.periode,
		   daterange(monday(lower(e.uger)), monday(upper(e.uger))) AS dage,
		   range_agg(daterange(monday(lower(r.weeks)), monday(upper(r.weeks)))) AS ydelse
	FROM register.dream d
	JOIN register.person p USING (pnr)
	CROSS JOIN LATERAL runs(d.uger) AS r
	JOIN maalgrupper m ON r.code = ANY (m.koder)
	JOIN perioder e ON r.weeks && e.uger AND p.foedselsdato <= e.fyldt_30 - interval '30 years'
	WHERE weeks_in(d.uger, (SELECT array_agg(code) FROM codebook WHERE codebook = 'synthetic'   -- a first, quick
							AND gruppe IN ('kontanthjælp aktivitetsparat', 'revalidering',     -- filter: on one
										   'ledighedsydelse', 'ressourceforløb')),             -- of them in
				   weekrange(lower(quarter_weeks(2014, 2)), upper(quarter_weeks(2016, 3)))) > 0  -- 2014-2016
	GROUP BY p.pnr, p.kommunekode, m.maalgruppe, e.periode, e.uger),
pr_person AS (                  -- each person's activation in the period, with all their offers
	SELECT y.kommunekode, y.maalgruppe, y.periode,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge) AS alle,
		   aktivering(y.ydelse, y.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
			   FILTER (WHERE t.tilbudstype = 'ordinaer_uddannelse') AS uddannelse
	FROM paa_ydelsen y
	LEFT JOIN register.tilbud t ON t.pnr = y.pnr AND t.periode && y.dage
	GROUP BY y.pnr, y.kommunekode, y.maalgruppe, y.periode, y.dage, y.ydelse)
SELECT maalgruppe, periode, kommunekode, aktivering_sum(alle) AS alle, aktivering_sum(uddannelse) AS uddannelse
FROM pr_person
GROUP BY maalgruppe, periode, kommunekode;
ALTER TABLE register.aktivering_kommune ADD PRIMARY KEY (maalgruppe, periode, kommunekode);
COMMENT ON TABLE register.aktivering_kommune IS 'rollup: activation (aktivering_sum) per målgruppe, period and kommune; all offers, and ordinær uddannelse alone';

-- Figur 9 and Tabel 5 from the rollup: København, its klynge for the målgruppe, the country
CREATE TEMP TABLE tabel5 AS
SELECT a.maalgruppe, g.geografi,
	   aktiveringsgrad(a.alle) AS aktiveringsgrad, andel_aktiveringsberoerte(a.alle) AS andel_aktiveringsberoerte
FROM register.aktivering_kommune a JOIN register.geografi g USING (maalgruppe, kommunekode)
WHERE a.periode = '2014q2_2015q1'
GROUP BY a.maalgruppe, g.geografi;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT x.kilde, x.maal, g.geografi, 'pct.', g.dokument,
	   100 * CASE WHEN x.nr = 1 THEN t.andel_aktiveringsberoerte ELSE t.aktiveringsgrad END, x.noegle
FROM (VALUES    -- Figur 9 and Tabel 5 as printed: København, klyngen, hele landet
		(1, 'seeds/000 Figur 9', 'andel aktiveringsberørte: kontanthjælp (aktivitetsparate)',
		 'aktivitetsparate kontanthjælpsmodtagere', 55, 54, 61, 'akt_beroerte_2014q2_2015q1'),
		(2, 'seeds/000 Figur 9 og Tabel 5', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)',
		 'aktivitetsparate kontanthjælpsmodtagere', 9, 12, 16, 'akt_grad_2014q2_2015q1'),
		(3, 'seeds/000 Tabel 5', 'aktiveringsgrad: revalidering', 'revalidering', 81, 76, 77, 'reva_grad_2014q2_2015q1'),
		(4, 'seeds/000 Tabel 5', 'aktiveringsgrad: ledighedsydelse', 'ledighedsydelse', 10, 16, 12, 'ledy_grad_2014q2_2015q1'),
		(5, 'seeds/000 Tabel 5', 'aktiveringsgrad: ressourceforløb', 'ressourceforløb', 5, 7, 9, 'resf_grad_2014q2_2015q1'))
	 AS x (nr, kilde, maal, maalgruppe, koebenhavn, klyngen, hele_landet, noegle)
CROSS JOIN LATERAL register.tre_geografier(x.maalgruppe, x.koebenhavn, x.klyngen, x.hele_landet) AS g
JOIN tabel5 t ON t.maalgruppe = x.maalgruppe AND t.geografi = g.geografi
ORDER BY x.nr, array_position('{København,klyngen,klyngen (ledighedsydelse),hele landet}', g.geografi)
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
