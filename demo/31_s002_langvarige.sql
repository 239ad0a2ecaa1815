-- seeds/002 (STAR's review of the langvarige, 2022), the register items about the
-- langvarige aktivitetsparate kontanthjælpsmodtagere of 1 March 2020 in the review's 25
-- kommuner (N = 14.164 in the document): who they are (Tabel 1 / Figur 1), where they came
-- from (Figur 4), how their spell changed (Figur 5), their offers in the two years before
-- (Figur 35, 36, 49, 51), long periods without an offer (Figur 47), ordinary hours beside the
-- benefit (Figur 53, 54), jobsamtaler held in the two years (Figur 11-13: register.samtaler;
-- not net of exemptions from samtaler, as the document), exemptions from activation (afsnit 5 and
-- 6.5: register.fritagelse), the share of women by anciennitet (Tabel 12) and the
-- 25 kommuner's weight in the country (afsnit 2.2, Figur 2).
--
-- The population is the one of 30_s002_tabel11.sql (synth_maal lang_antal_2020): aktivitetsparat
-- on kontanthjælp or overgangsydelse in 2020-W09 (register.akt_kth_ovg), aged 30 or more on
-- 2020-03-01, a spell on the kontanthjælp family (kontanthjælp, uddannelseshjælp, integrations-,
-- overgangs- or selvforsørgelses- og hjemrejseydelse, any visitation: register.kth_familie; breaks
-- of at most 5 weeks bridged) of at least 5 years of 365.25 days.  The review window is 1 March 2018 - 29 February 2020 = the weeks
-- [2018-W09, 2020-W09).  Offers are register.tilbud (offers ending in 2012 or later).
-- Where the document is ambiguous, the choice is said at the item.
CREATE TEMP TABLE s002_lang AS
SELECT p.pnr, p.kommunekode, p.koen, p.foedselsdato, b.herkomst, d.uger, e.maaneder,
	   spell_at(d.uger, k.kth, 5, '2020-W09') AS forloeb,
	   anciennitet(d.uger, k.kth, '2020-W09', 5) * 7 / 365.25 AS aar
FROM register.person p
JOIN register.dream d USING (pnr)
JOIN register.baggrund b USING (pnr)
JOIN register.beskaeftigelse e USING (pnr),
	 (SELECT (SELECT kommuner FROM synth_target WHERE noegle = 'lang_antal_2020' AND geografi = '25 kommuner') AS kommuner,
			 register.akt_kth_ovg() AS akt, register.kth_familie() AS kth) AS k
WHERE p.kommunekode = ANY (k.kommuner)
  AND code_at(d.uger, '2020-W09') = ANY (k.akt)
  AND p.foedselsdato <= date '2020-03-01' - interval '30 years'
  AND anciennitet(d.uger, k.kth, '2020-W09', 5) * 7 / 365.25 >= 5;
CREATE INDEX ON s002_lang (pnr);
ANALYZE s002_lang;

-- each person's offers as one datemultirange, and the weeks in offers of the window
CREATE TEMP TABLE s002_tilbud AS
SELECT l.pnr,
	   range_agg(t.periode) AS alle,
	   range_agg(t.periode) FILTER (WHERE v.virksomhedsplacering) AS virksomhed
FROM s002_lang l
JOIN register.tilbud t USING (pnr)
CROSS JOIN LATERAL (SELECT t.tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat', 'loentilskud_offentlig')
					AS virksomhedsplacering) AS v
GROUP BY l.pnr;

-- and each person's exemptions from activation
CREATE TEMP TABLE s002_fritagelse AS
SELECT pnr, range_agg(periode) AS fri FROM register.fritagelse WHERE pnr IN (SELECT pnr FROM s002_lang) GROUP BY pnr;

-- Figur 5's code sets: the kontanthjælp family split into aktivitetsparat (kontanthjælp or
-- overgangsydelse), jobparat, and the other benefits (uddannelseshjælp, integrationsydelse,
-- selvforsørgelses- og hjemrejseydelse)
CREATE TEMP TABLE s002_visitation AS
SELECT register.akt_kth_ovg() AS akt,
	   codes('synthetic', 'kontanthjælp jobparat') || codes('synthetic', 'overgangsydelse jobparat') AS jobparat,
	   codes('synthetic', 'uddannelseshjælp aktivitetsparat') || codes('synthetic', 'uddannelseshjælp uddannelsesparat')
		   || codes('synthetic', 'integrationsydelse') || codes('synthetic', 'selvforsørgelses- og hjemrejseydelse') AS anden;

-- Figur 5's group of the weeks `uger' of a history: how they begin on the family (jobparat,
-- another benefit, or aktivitetsparat) and whether an aktivitetsparat start stays so
CREATE FUNCTION pg_temp.figur5(h weekline, uger weekrange) RETURNS text LANGUAGE sql STABLE
RETURN (SELECT CASE WHEN f.code = ANY (v.akt)
					THEN CASE WHEN weeks_in(h, v.jobparat || v.anden, uger) = 0 THEN 'aktivitetsparat' ELSE 'skift' END
					WHEN f.code = ANY (v.jobparat) THEN 'jobparat' ELSE 'anden ydelse' END
		FROM s002_visitation v, runs(h) AS f
		WHERE f.code = ANY (v.akt || v.jobparat || v.anden) AND f.weeks && uger
		ORDER BY lower(f.weeks) LIMIT 1);

CREATE TEMP TABLE s002_person AS
SELECT l.*,
	   coalesce(offer_weeks(t.alle, '[2018-W09,2020-W09)'), 0) AS tilbudsuger,
	   coalesce(offer_weeks(t.virksomhed, '[2018-W09,2020-W09)'), 0) AS virksomhedsuger,
	   -- Figur 47: the longest period of the spell, from 2012 (the offers the register holds),
	   -- with neither an offer nor an exemption: the document counts "perioder (over 1 år) ...
	   -- hvor de ikke har modtaget et beskæftigelsesrettet tilbud ... uden at være fritaget",
	   -- so an exemption ends a passive period as an offer does (the exemptions are passed with
	   -- the offers).  Beside it longest_without_offer's own reading, where an exemption only
	   -- shortens the period it lies in, and the review's two years alone
	   longest_without_offer(coalesce(t.alle, '{}') + coalesce(f.fri, '{}'), '{}', x.forloeb_2012) AS laengste_uden_tilbud,
	   longest_without_offer(coalesce(t.alle, '{}'), coalesce(f.fri, '{}'), x.forloeb_2012) AS laengste_uden_tilbud_netto,
	   longest_without_offer(coalesce(t.alle, '{}') + coalesce(f.fri, '{}'), '{}', daterange(date '2018-03-01', date '2020-03-01'))
		   AS laengste_uden_tilbud_2aar,
	   -- afsnit 6.5 and 5: exempt on some day of the two years, and on 1 March 2020
	   coalesce(f.fri && daterange(date '2018-03-01', date '2020-03-01'), false) AS fritaget_2aar,
	   coalesce(f.fri @> date '2020-03-01', false) AS fritaget_nu,
	   -- Figur 53: a month of the window with the benefit in all its weeks and a grad above 0
	   EXISTS (SELECT FROM generate_series(date '2018-03-01', date '2020-02-01', interval '1 month') AS m (dag),
						   LATERAL (SELECT extract(year FROM m.dag)::int AS y, extract(month FROM m.dag)::int AS mdr) AS x
			   WHERE grad_at(l.maaneder, x.y, x.mdr) > 0
				 AND weeks_in(l.uger, register.kth_familie(),
							  month_weeks(x.y, x.mdr)) = upper(month_weeks(x.y, x.mdr)) - lower(month_weeks(x.y, x.mdr)))
		   AS ordinaere_timer,
	   -- Figur 4: the code of the week before the spell, and the status of that week
	   -- (status_history: 0 self-supported, 1 job, 2 education; 3 before 2008)
	   code_at(l.uger, lower((l.forloeb).spell) - 1) AS kode_foer,
	   -- the alternative reading: the last code outside the kontanthjælp family in the 13 weeks
	   -- before the spell (a benefit or SU that ended a little before counts, not only the week before)
	   (SELECT r.code FROM runs(l.uger) AS r
		WHERE r.code <> 0 AND r.code <> ALL (register.kth_familie())
		  AND upper(r.weeks) > lower((l.forloeb).spell) - 13 AND lower(r.weeks) < lower((l.forloeb).spell)
		ORDER BY upper(r.weeks) DESC LIMIT 1) AS kode_13_foer,
	   code_at(status_history(l.uger, l.maaneder, 'synthetic', '{SU}'), lower((l.forloeb).spell) - 1) AS status_foer,
	   (l.forloeb).left_censored AS venstrecensureret,
	   -- "ved 18 år" (aged 18 or younger when the spell began) or "efter indrejse": the register
	   -- has no immigration date, but DREAM records a person from the first benefit, so an
	   -- immigrant whose first record is this spell came onto it (a stand-in that misses those with
	   -- SU or another benefit first)
	   extract(year FROM age(monday(lower((l.forloeb).spell)), l.foedselsdato)) < 19
		   OR (l.herkomst LIKE 'indvandrer%'
			   AND NOT EXISTS (SELECT FROM runs(l.uger) AS r WHERE r.code <> 0 AND lower(r.weeks) < lower((l.forloeb).spell)))
		   AS ved_18_eller_indrejse,
	   -- Figur 11-13: the jobsamtaler held in the window.  Figur 13's 33 / 25 / 19 pct. with more
	   -- than 10 cannot all hold beside Figur 11's 19 pct. of all: weighted by the document's own
	   -- anciennitet groups (Tabel 1: 5-7 år 29,3 pct., 7-10 år 31,4 pct., 10+ år 39,7 pct. of the
	   -- 14.164, men and women together) they give 26,4 pct.  The register is calibrated to Figur 11
	   -- (about 20 pct. over 10) and to Figur 13's rise with anciennitet, not its levels
	   (SELECT count(*) FROM register.samtaler s
		WHERE s.pnr = l.pnr AND s.afholdt AND s.dato >= date '2018-03-01' AND s.dato < date '2020-03-01') AS samtaler,
	   -- Figur 5: how the spell began (its first week on the kontanthjælp family) and whether it
	   -- stayed aktivitetsparat, up to the count week (the document's history ends on 1 March
	   -- 2020).  Read from 2014-W01: the kontanthjælp reform of 1 January 2014 brought the
	   -- visitation jobparat / aktivitetsparat and uddannelseshjælp that the document's groups name.
	   -- The whole spell beside it (its weeks before 2014 in the codebook's kontanthjælp codes)
	   pg_temp.figur5(l.uger, (l.forloeb).spell * '[2014-W01,2020-W10)'::weekrange) AS figur5,
	   pg_temp.figur5(l.uger, (l.forloeb).spell * '[1991-W27,2020-W10)'::weekrange) AS figur5_hele_forloebet
FROM s002_lang l
LEFT JOIN s002_tilbud t USING (pnr)
LEFT JOIN s002_fritagelse f USING (pnr),
	 LATERAL (SELECT daterange(greatest(monday(lower((l.forloeb).spell)), date '2012-01-02'), date '2020-03-01') AS forloeb_2012) AS x;

-- Tabel 1: men and women (counts divided by the scale), age on 1 March 2020, herkomst
-- (efterkommere counted with their parents' origin: non-western here), anciennitet group
WITH t AS (
	SELECT koen, count(*) AS n,
		   count(*) FILTER (WHERE alder < 40) AS a30, count(*) FILTER (WHERE alder BETWEEN 40 AND 49) AS a40,
		   count(*) FILTER (WHERE alder BETWEEN 50 AND 59) AS a50, count(*) FILTER (WHERE alder >= 60) AS a60,
		   count(*) FILTER (WHERE herkomst = 'dansk') AS dansk,
		   count(*) FILTER (WHERE herkomst IN ('indvandrer ikke-vestlig', 'efterkommer')) AS ikke_vestlig,
		   count(*) FILTER (WHERE herkomst = 'indvandrer vestlig') AS vestlig,
		   count(*) FILTER (WHERE aar < 7) AS anc5, count(*) FILTER (WHERE aar >= 7 AND aar < 10) AS anc7,
		   count(*) FILTER (WHERE aar >= 10) AS anc10
	FROM (SELECT *, extract(year FROM age(date '2020-03-01', foedselsdato))::int AS alder FROM s002_person) AS p
	GROUP BY koen),
r AS (
	SELECT t.koen, v.nr, v.maal, v.jobreg, v.dokument, v.enhed
	FROM t, register.udtraek u,
		 LATERAL (SELECT CASE t.koen WHEN 'M' THEN 0 ELSE 1 END AS i) AS k,
		 LATERAL (VALUES
			(1, 'i alt', t.n / u.skala, (ARRAY[6698, 7466])[k.i + 1], 'personer'),
			(2, '30-39 år (under 40)', 100.0 * t.a30 / t.n, (ARRAY[24, 24])[k.i + 1], 'pct.'),
			(3, '40-49 år', 100.0 * t.a40 / t.n, (ARRAY[30, 36])[k.i + 1], 'pct.'),
			(4, '50-59 år', 100.0 * t.a50 / t.n, (ARRAY[35, 31])[k.i + 1], 'pct.'),
			(5, '60+ år', 100.0 * t.a60 / t.n, (ARRAY[11, 9])[k.i + 1], 'pct.'),
			(6, 'dansk', 100.0 * t.dansk / t.n, (ARRAY[68, 52])[k.i + 1], 'pct.'),
			(7, 'ikke-vestlig', 100.0 * t.ikke_vestlig / t.n, (ARRAY[29, 45])[k.i + 1], 'pct.'),
			(8, 'vestlig', 100.0 * t.vestlig / t.n, (ARRAY[3, 3])[k.i + 1], 'pct.'),
			(9, '5-7 års anciennitet', 100.0 * t.anc5 / t.n, (ARRAY[33, 26])[k.i + 1], 'pct.'),
			(10, '7-10 års anciennitet', 100.0 * t.anc7 / t.n, (ARRAY[33, 30])[k.i + 1], 'pct.'),
			(11, '10+ års anciennitet', 100.0 * t.anc10 / t.n, (ARRAY[35, 44])[k.i + 1], 'pct.'))
		 AS v (nr, maal, jobreg, dokument, enhed)),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/002 Tabel 1', CASE koen WHEN 'M' THEN 'mænd: ' ELSE 'kvinder: ' END || maal, '25 kommuner', enhed, dokument, jobreg,
		   CASE WHEN nr = 7 THEN 'lang_ikkevestlig_' || lower(koen) || '_2020'
				WHEN nr BETWEEN 2 AND 5 THEN 'lang_alder' || (10 * (nr + 1)) || '_' || lower(koen) || '_2020'
				WHEN nr BETWEEN 9 AND 11 THEN 'lang_anc' || (ARRAY[5, 7, 10])[nr - 8] || '_' || lower(koen) || '_2020' END
	FROM r RETURNING *)
SELECT r.maal,
	   max(register.tal(r.dokument, r.enhed, r.dokument)) FILTER (WHERE r.koen = 'M') AS maend_dokumentet,
	   max(register.tal(r.jobreg, r.enhed, r.dokument, 1)) FILTER (WHERE r.koen = 'M') AS maend_jobreg,
	   max(register.tal(r.dokument, r.enhed, r.dokument)) FILTER (WHERE r.koen = 'K') AS kvinder_dokumentet,
	   max(register.tal(r.jobreg, r.enhed, r.dokument, 1)) FILTER (WHERE r.koen = 'K') AS kvinder_jobreg,
	   (SELECT count(*) FROM ins) > 0 AS gemt
FROM r GROUP BY r.nr, r.maal ORDER BY r.nr;

-- Tabel 12 (population side): the share of women in each anciennitet group and in all
WITH t12 AS (
	SELECT g.nr, g.gruppe, g.dokument, g.noegle, 100.0 * count(*) FILTER (WHERE p.koen = 'K') / count(*) AS jobreg
	FROM s002_person p
	JOIN (VALUES (1, '5-7 år', 5, 7, 47, 'lang_kvinder_5_7_2020'), (2, '7-10 år', 7, 10, 51, 'lang_kvinder_7_10_2020'),
				 (3, '10+ år', 10, 1000, 59, 'lang_kvinder_10_2020'), (4, 'i alt', 5, 1000, 53, 'lang_kvinder_alle_2020'))
		 AS g (nr, gruppe, fra, til, dokument, noegle) ON p.aar >= g.fra AND p.aar < g.til
	GROUP BY g.nr, g.gruppe, g.dokument, g.noegle),
ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/002 Tabel 12', 'kvinder blandt de langvarige: ' || gruppe, '25 kommuner', 'pct.', dokument, jobreg, noegle
	FROM t12 RETURNING *)
SELECT 'seeds/002 Tabel 12' AS kilde, 'kvinder blandt de langvarige: ' || gruppe AS maal,
	   register.tal(dokument, 'pct.', dokument) AS dokumentet, register.tal(jobreg, 'pct.', dokument, 1) AS jobreg
FROM t12 WHERE (SELECT count(*) FROM ins) > 0 ORDER BY nr;

-- the items of one number each: the document's figure beside jobreg's
CREATE TEMP TABLE s002_tal (nr numeric, kilde text, maal text, enhed text, dokument float8, jobreg float8, noegle text);
INSERT INTO s002_tal
SELECT v.*
FROM (SELECT count(*) AS n,
			 -- Figur 4: the week before the spell.  No code = "beskæftigelse/selvforsørgelse";
			 -- SU, a spell begun at 18, an immigrant's first benefit (above), or a spell already
			 -- running when DREAM starts (1991) = "right after education, at 18 or on entering
			 -- Denmark"; any other code = another benefit.
			 count(*) FILTER (WHERE NOT venstrecensureret AND kode_foer = 0 AND NOT ved_18_eller_indrejse) AS foer_selv,
			 count(*) FILTER (WHERE NOT venstrecensureret AND status_foer = 1 AND NOT ved_18_eller_indrejse) AS foer_job,
			 count(*) FILTER (WHERE venstrecensureret OR kode_foer = 1901 OR ved_18_eller_indrejse) AS foer_udd,
			 count(*) FILTER (WHERE NOT venstrecensureret AND kode_foer NOT IN (0, 1901) AND NOT ved_18_eller_indrejse) AS foer_ydelse,
			 count(*) FILTER (WHERE NOT venstrecensureret AND kode_13_foer IS NULL AND NOT ved_18_eller_indrejse) AS foer13_selv,
			 count(*) FILTER (WHERE venstrecensureret OR kode_13_foer = 1901 OR ved_18_eller_indrejse) AS foer13_udd,
			 count(*) FILTER (WHERE NOT venstrecensureret AND kode_13_foer <> 1901 AND NOT ved_18_eller_indrejse) AS foer13_ydelse,
			 count(*) FILTER (WHERE figur5 = 'aktivitetsparat') AS kun_akt,
			 count(*) FILTER (WHERE figur5 = 'jobparat') AS jobparat,
			 count(*) FILTER (WHERE figur5 = 'anden ydelse') AS anden_ydelse,
			 count(*) FILTER (WHERE figur5 = 'skift') AS skift,
			 count(*) FILTER (WHERE figur5_hele_forloebet = 'aktivitetsparat') AS hele_kun_akt,
			 count(*) FILTER (WHERE figur5_hele_forloebet = 'jobparat') AS hele_jobparat,
			 count(*) FILTER (WHERE figur5_hele_forloebet = 'anden ydelse') AS hele_anden_ydelse,
			 count(*) FILTER (WHERE figur5_hele_forloebet = 'skift') AS hele_skift,
			 count(*) FILTER (WHERE tilbudsuger > 0) AS i_tilbud,
			 count(*) FILTER (WHERE tilbudsuger > 27) AS over27,
			 count(*) FILTER (WHERE tilbudsuger > 52) AS over52,
			 avg(tilbudsuger / 104.0) AS andel_uger,
			 count(*) FILTER (WHERE laengste_uden_tilbud > 365) AS passiv,
			 count(*) FILTER (WHERE laengste_uden_tilbud_netto > 365) AS passiv_netto,
			 count(*) FILTER (WHERE laengste_uden_tilbud_2aar > 365) AS passiv_2aar,
			 count(*) FILTER (WHERE fritaget_2aar) AS fritaget_2aar,
			 count(*) FILTER (WHERE fritaget_nu) AS fritaget_nu,
			 count(*) FILTER (WHERE aar >= 10) AS n10,
			 count(*) FILTER (WHERE laengste_uden_tilbud > 365 AND aar >= 10) AS passiv10,
			 count(*) FILTER (WHERE virksomhedsuger > 0 OR ordinaere_timer) AS virksomhed,
			 count(*) FILTER (WHERE virksomhedsuger <= 13) AS v0_13,
			 count(*) FILTER (WHERE virksomhedsuger BETWEEN 14 AND 26) AS v14_26,
			 count(*) FILTER (WHERE virksomhedsuger BETWEEN 27 AND 52) AS v27_52,
			 count(*) FILTER (WHERE virksomhedsuger > 52) AS v53,
			 count(*) FILTER (WHERE ordinaere_timer) AS ordinaere,
			 count(*) FILTER (WHERE samtaler BETWEEN 8 AND 10) AS s8_10,
			 count(*) FILTER (WHERE samtaler > 10) AS s10,
			 count(*) FILTER (WHERE samtaler >= 8) AS s8,
			 100.0 * count(*) FILTER (WHERE samtaler > 10 AND aar >= 10) / nullif(count(*) FILTER (WHERE aar >= 10), 0) AS s10_10,
			 100.0 * count(*) FILTER (WHERE samtaler > 10 AND aar >= 7 AND aar < 10) / nullif(count(*) FILTER (WHERE aar >= 7 AND aar < 10), 0) AS s10_7,
			 100.0 * count(*) FILTER (WHERE samtaler > 10 AND aar < 7) / nullif(count(*) FILTER (WHERE aar < 7), 0) AS s10_5,
			 (SELECT count(*) FROM (SELECT kommunekode FROM s002_person GROUP BY kommunekode HAVING avg(samtaler) > 8) AS k) AS kommuner_over_4
	  FROM s002_person) AS s,
	 LATERAL (VALUES
		(1, 'seeds/002 Figur 4', 'status før forløbet: beskæftigelse/selvforsørgelse (ingen ydelse)', 'pct.', 50, 100.0 * s.foer_selv / nullif(s.n, 0), NULL),
		(2, 'seeds/002 Figur 4', 'heraf i job (grad > 0 i måneden før; kendt fra 2008)', 'pct.', NULL, 100.0 * s.foer_job / nullif(s.n, 0), NULL),
		(3, 'seeds/002 Figur 4', 'status før forløbet: efter uddannelse, ved 18 år eller indrejse', 'pct.', 17, 100.0 * s.foer_udd / nullif(s.n, 0), NULL),
		(4, 'seeds/002 Figur 4', 'status før forløbet: andre ydelser', 'pct.', 26, 100.0 * s.foer_ydelse / nullif(s.n, 0), NULL),
		(4.1, 'seeds/002 Figur 4', 'tilbageblik 13 uger: beskæftigelse/selvforsørgelse', 'pct.', 50, 100.0 * s.foer13_selv / nullif(s.n, 0), NULL),
		(4.2, 'seeds/002 Figur 4', 'tilbageblik 13 uger: efter uddannelse, ved 18 år eller indrejse', 'pct.', 17, 100.0 * s.foer13_udd / nullif(s.n, 0), NULL),
		(4.3, 'seeds/002 Figur 4', 'tilbageblik 13 uger: andre ydelser', 'pct.', 26, 100.0 * s.foer13_ydelse / nullif(s.n, 0), NULL),
		(5, 'seeds/002 Figur 5', 'aktivitetsparat fra start uden skift (fra 2014)', 'pct.', 66, 100.0 * s.kun_akt / nullif(s.n, 0), 'lang_kun_akt_2020'),
		(5.1, 'seeds/002 Figur 5', 'fra jobparat til aktivitetsparat (fra 2014)', 'pct.', 22, 100.0 * s.jobparat / nullif(s.n, 0), 'lang_fra_jobparat_2020'),
		(5.2, 'seeds/002 Figur 5', 'fra uddannelseshjælp, integrations- eller selvforsørgelsesydelse til kontanthjælp (fra 2014)', 'pct.', 10,
		 100.0 * s.anden_ydelse / nullif(s.n, 0), 'lang_fra_anden_2020'),
		(5.3, 'seeds/002 Figur 5', 'aktivitetsparat fra start, skiftet undervejs (fra 2014; resten, 100 - 66 - 22 - 10)', 'pct.', 2,
		 100.0 * s.skift / nullif(s.n, 0), NULL),
		(6, 'seeds/002 Figur 5', 'alternativ: hele forløbet, aktivitetsparat fra start uden skift', 'pct.', 66, 100.0 * s.hele_kun_akt / nullif(s.n, 0), NULL),
		(6.1, 'seeds/002 Figur 5', 'alternativ: hele forløbet, fra jobparat', 'pct.', 22, 100.0 * s.hele_jobparat / nullif(s.n, 0), NULL),
		(6.2, 'seeds/002 Figur 5', 'alternativ: hele forløbet, fra en anden ydelse', 'pct.', 10, 100.0 * s.hele_anden_ydelse / nullif(s.n, 0), NULL),
		(6.3, 'seeds/002 Figur 5', 'alternativ: hele forløbet, skiftet undervejs', 'pct.', 2, 100.0 * s.hele_skift / nullif(s.n, 0), NULL),
		(7, 'seeds/002 afsnit 1.4', 'i tilbud i løbet af de 2 år', 'pct.', 84, 100.0 * s.i_tilbud / nullif(s.n, 0), 'lang_tilbud_2018_2020'),
		(8, 'seeds/002 Figur 35', 'mere end 27 uger i tilbud', 'pct.', 53, 100.0 * s.over27 / nullif(s.n, 0), 'lang_tilbud27_2018_2020'),
		(9, 'seeds/002 Figur 35', 'mere end 52 uger i tilbud', 'pct.', 29, 100.0 * s.over52 / nullif(s.n, 0), 'lang_tilbud52_2018_2020'),
		(10, 'seeds/002 Figur 35', 'gennemsnitlig andel af tiden i tilbud', 'pct.', 36, 100.0 * s.andel_uger, 'lang_tilbudsandel_2018_2020'),
		(11, 'seeds/002 Figur 47', 'mere end 12 måneder uden tilbud og uden fritagelse i forløbet (fra 2012)', 'pct.', 43, 100.0 * s.passiv / nullif(s.n, 0), 'lang_passiv12_2020'),
		(12, 'seeds/002 Figur 47', 'heraf blandt 10+ års anciennitet', 'pct.', 56, 100.0 * s.passiv10 / nullif(s.n10, 0), 'lang_passiv12_10_2020'),
		(13, 'seeds/002 Figur 47', 'alternativ: fritagelse afkorter perioden uden tilbud (fra 2012)', 'pct.', 43, 100.0 * s.passiv_netto / nullif(s.n, 0), NULL),
		(13, 'seeds/002 Figur 47', 'alternativ: mere end 12 måneder uden tilbud og fritagelse i de 2 år 2018-2020', 'pct.', 43, 100.0 * s.passiv_2aar / nullif(s.n, 0), NULL),
		(13, 'seeds/002 afsnit 6.5', 'fritaget for indsats i en periode af de 2 år (resuméet: 43 pct.)', 'pct.', 47, 100.0 * s.fritaget_2aar / nullif(s.n, 0), 'lang_fritaget_2018_2020'),
		(13, 'seeds/002 afsnit 5', 'fritaget for indsats pr. 1. marts 2020', 'pct.', 12, 100.0 * s.fritaget_nu / nullif(s.n, 0), 'lang_fritaget_2020'),
		(14, 'seeds/002 Figur 49', 'i virksomhedsplacering og/eller ordinære timer', 'pct.', 52, 100.0 * s.virksomhed / nullif(s.n, 0), 'lang_virk_2018_2020'),
		(15, 'seeds/002 Figur 51', '0-13 uger i virksomhedsplacering', 'pct.', 63, 100.0 * s.v0_13 / nullif(s.n, 0), 'lang_virk0_13_2018_2020'),
		(16, 'seeds/002 Figur 51', '14-26 uger i virksomhedsplacering', 'pct.', 14, 100.0 * s.v14_26 / nullif(s.n, 0), 'lang_virk14_26_2018_2020'),
		(17, 'seeds/002 Figur 51', '27-52 uger i virksomhedsplacering', 'pct.', 15, 100.0 * s.v27_52 / nullif(s.n, 0), 'lang_virk27_52_2018_2020'),
		(18, 'seeds/002 Figur 51', 'over 52 uger i virksomhedsplacering', 'pct.', 7, 100.0 * s.v53 / nullif(s.n, 0), 'lang_virk52_2018_2020'),
		(19, 'seeds/002 Figur 53', 'ordinære timer parallelt med ydelsen', 'pct.', 11, 100.0 * s.ordinaere / nullif(s.n, 0), 'lang_ordtimer_2018_2020'),
		(60, 'seeds/002 Figur 11', '8-10 afholdte jobsamtaler på 2 år', 'pct.', 37, 100.0 * s.s8_10 / nullif(s.n, 0), NULL),
		(61, 'seeds/002 Figur 11', 'mere end 10 afholdte jobsamtaler på 2 år', 'pct.', 19, 100.0 * s.s10 / nullif(s.n, 0), 'lang_samtaler10_2018_2020'),
		(62, 'seeds/002 Figur 11', '8 eller flere afholdte jobsamtaler på 2 år', 'pct.', 56, 100.0 * s.s8 / nullif(s.n, 0), 'lang_samtaler8_2018_2020'),
		(63, 'seeds/002 Figur 12', 'kommuner (af 25) med flere end 4 samtaler om året i gennemsnit', 'kommuner', 18, s.kommuner_over_4, NULL),
		(64, 'seeds/002 Figur 13', 'mere end 10 samtaler: 10+ års anciennitet', 'pct.', 33, s.s10_10, NULL),
		(65, 'seeds/002 Figur 13', 'mere end 10 samtaler: 7-10 års anciennitet', 'pct.', 25, s.s10_7, NULL),
		(66, 'seeds/002 Figur 13', 'mere end 10 samtaler: 5-7 års anciennitet', 'pct.', 19, s.s10_5, NULL))
	 AS v (nr, kilde, maal, enhed, dokument, jobreg, noegle);

-- Figur 36: the weeks of the window in each kind of offer, as shares of all offer weeks
-- (a week in two offers of different kinds counts for both)
INSERT INTO s002_tal
SELECT 20 + v.nr, 'seeds/002 Figur 36', v.maal, 'pct.', v.dokument, 100.0 * v.uger / nullif(s.alle, 0), v.noegle
FROM (SELECT sum(offer_weeks(o.vejl, '[2018-W09,2020-W09)')) AS vejledning,
			 sum(offer_weeks(o.virk, '[2018-W09,2020-W09)')) AS virksomhed,
			 sum(offer_weeks(o.vejl, '[2018-W09,2020-W09)') + offer_weeks(o.virk, '[2018-W09,2020-W09)')
				 + offer_weeks(o.andet, '[2018-W09,2020-W09)')) AS alle
	  FROM (SELECT l.pnr,
				   coalesce(range_agg(t.periode) FILTER (WHERE t.tilbudstype = 'vejledning_opkvalificering'), '{}') AS vejl,
				   coalesce(range_agg(t.periode) FILTER (WHERE t.tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat',
																			'loentilskud_offentlig')), '{}') AS virk,
				   coalesce(range_agg(t.periode) FILTER (WHERE t.tilbudstype NOT IN ('vejledning_opkvalificering', 'virksomhedspraktik',
																				'loentilskud_privat', 'loentilskud_offentlig')), '{}') AS andet
			FROM s002_lang l JOIN register.tilbud t USING (pnr) GROUP BY l.pnr) AS o) AS s,
	 LATERAL (VALUES (1, 'øvrig vejledning og opkvalificering, andel af tilbudsugerne', 54, s.vejledning, 'lang_vejl_andel_2018_2020'),
					 (2, 'virksomhedsplacering, andel af tilbudsugerne', 40, s.virksomhed, 'lang_virk_andel_2018_2020'))
	 AS v (nr, maal, dokument, uger, noegle);

-- Figur 54 (Jobindsats): each month, the aktivitetsparate kontanthjælpsmodtagere of the 25
-- kommuner (on kontanthjælp or overgangsydelse, as Tabel 11; all ages; on the benefit in every week of the month) and the share of them with a
-- grad above 0 that month; the shares over March 2018 - February 2020 and March 2021 - February
-- 2022 (pooled over the months' person-months: nearly the mean of the monthly shares, as the
-- months are about equally large), and the rise
CREATE TEMP TABLE s002_figur54 AS
WITH akt AS (                   -- the persons of the 25 kommuner with some week as aktivitetsparat in the periods
	SELECT d.uger, e.maaneder
	FROM register.person p
	JOIN register.dream d USING (pnr)
	JOIN register.beskaeftigelse e USING (pnr)
	WHERE p.kommunekode = ANY ((SELECT kommuner FROM synth_target WHERE noegle = 'lang_antal_2020' AND geografi = '25 kommuner')::int[])
	  AND weeks_in(d.uger, register.akt_kth_ovg(), '[2018-W09,2022-W10)') > 0)
SELECT m.dag, count(*) AS personer,
	   count(*) FILTER (WHERE grad_at(a.maaneder, x.y, x.mdr) > 0) AS med_timer
FROM generate_series(date '2018-03-01', date '2022-02-01', interval '1 month') AS m (dag)
CROSS JOIN LATERAL (SELECT extract(year FROM m.dag)::int AS y, extract(month FROM m.dag)::int AS mdr,
						   month_weeks(extract(year FROM m.dag)::int, extract(month FROM m.dag)::int) AS uger) AS x
JOIN akt a ON weeks_in(a.uger, register.akt_kth_ovg(), x.uger) = upper(x.uger) - lower(x.uger)
WHERE m.dag < date '2020-03-01' OR m.dag >= date '2021-03-01'
GROUP BY m.dag;

INSERT INTO s002_tal
SELECT 30 + v.nr, 'seeds/002 Figur 54', v.maal, 'pct.', v.dokument, v.jobreg, v.noegle
FROM (SELECT 100.0 * sum(med_timer) FILTER (WHERE dag < date '2020-03-01') / sum(personer) FILTER (WHERE dag < date '2020-03-01') AS foer,
			 100.0 * sum(med_timer) FILTER (WHERE dag >= date '2021-03-01') / sum(personer) FILTER (WHERE dag >= date '2021-03-01') AS efter
	  FROM s002_figur54) AS s,
	 LATERAL (VALUES (1, 'aktivitetsparate med ordinære timer, gns. pr. måned marts 2018 - februar 2020', 4.6, s.foer, 'akt_ordtimer_2018_2020'),
					 (2, 'aktivitetsparate med ordinære timer, gns. pr. måned marts 2021 - februar 2022', 5.9, s.efter, 'akt_ordtimer_2021_2022'),
					 (3, 'stigning', 27.3, 100 * (s.efter / s.foer - 1), NULL))
	 AS v (nr, maal, dokument, jobreg, noegle);

-- afsnit 2.2: the 25 kommuner's share of the country's persons aged 16-66 (1 April 2020) and
-- of its aktivitetsparate (2020-W09, all ages; target akt25_andel_2020)
INSERT INTO s002_tal
SELECT 40 + v.nr, 'seeds/002 afsnit 2.2', v.maal, 'pct.', v.dokument, v.jobreg, v.noegle
FROM (SELECT (SELECT kommuner FROM synth_target WHERE noegle = 'lang_antal_2020' AND geografi = '25 kommuner') AS k) AS k,
	 LATERAL (SELECT 100.0 * sum(antal) FILTER (WHERE kommunekode = ANY (k.k)) / sum(antal) AS bef
			  FROM register.befolkning WHERE aar = 2020 AND kvartal = 2) AS b,
	 LATERAL (SELECT 100.0 * count(*) FILTER (WHERE p.kommunekode = ANY (k.k)) / count(*) AS akt
			  FROM register.person p JOIN register.dream d USING (pnr)
			  WHERE code_at(d.uger, '2020-W09') = ANY (register.akt_kth_ovg())) AS a,
	 LATERAL (VALUES (1, 'de 25 kommuners andel af befolkningen 16-66 år', 48, b.bef, NULL),
					 (2, 'de 25 kommuners andel af landets aktivitetsparate', 59, a.akt, 'akt25_andel_2020'))
	 AS v (nr, maal, dokument, jobreg, noegle);

-- Figur 2: "N = 1.242.203 borgere i de 25 kommuner" (Danmarks Statistik, primo 2. kvartal
-- 2020).  It does not match the 16-66-year-olds of Tabel 11 (about 1,83 million); the persons
-- aged 30-66 fit it (the langvarige are 30 or more), and are printed as the document's figure
-- (target bef30_2020q2), the 16-66-year-olds beside.
INSERT INTO s002_tal
SELECT 50 + v.nr, 'seeds/002 Figur 2', v.maal, 'personer', v.dokument, v.jobreg / u.skala, v.noegle
FROM register.udtraek u,
	 LATERAL (SELECT sum(antal) FILTER (WHERE alder >= 30) AS p30, sum(antal) AS p16
			  FROM register.befolkning
			  WHERE aar = 2020 AND kvartal = 2
				AND kommunekode = ANY ((SELECT kommuner FROM synth_target WHERE noegle = 'lang_antal_2020' AND geografi = '25 kommuner')::int[])) AS b,
	 LATERAL (VALUES (1, 'borgere i de 25 kommuner, 30-66 år', 1242203, b.p30, 'bef30_2020q2'),
					 (2, 'borgere i de 25 kommuner, 16-66 år (Tabel 11''s nævner)', NULL, b.p16, NULL)) AS v (nr, maal, dokument, jobreg, noegle);

WITH ins AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT kilde, maal, '25 kommuner', enhed, dokument, jobreg, noegle FROM s002_tal
	RETURNING *)
SELECT t.kilde, t.maal, register.tal(t.dokument, t.enhed, t.dokument) AS dokumentet,
	   register.tal(t.jobreg, t.enhed, t.dokument, 1) AS jobreg
FROM s002_tal t
WHERE (SELECT count(*) FROM ins) > 0
ORDER BY t.nr, t.maal;

-- Figur 5 once more with flow_transitions: the langvarige's state in the first week of the
-- reform (2014-W01) against 2020-W09, where all are aktivitetsparat on kontanthjælp or
-- overgangsydelse (state 1).  States: 1 aktivitetsparat, 2 jobparat, 3 uddannelseshjælp,
-- integrations- or selvforsørgelsesydelse (kontanthjælp's family recoded), 0 no benefit, any
-- other code its own.  A spell begun after 2014-W01 is in state 0 or another benefit there,
-- so the per-person reading above (the spell's own first week) is the one beside the document.
WITH f AS (
	SELECT flow(weekline_recode(l.uger, k.akt || k.jobparat || k.anden,
								array_fill(1, ARRAY[cardinality(k.akt)]) || array_fill(2, ARRAY[cardinality(k.jobparat)])
									|| array_fill(3, ARRAY[cardinality(k.anden)])),
				'2014-W01', '2020-W09'::isoweek - '2014-W01') AS f
	FROM s002_lang l, s002_visitation k)
SELECT CASE t.from_code WHEN 0 THEN 'ingen ydelse' WHEN 1 THEN 'aktivitetsparat' WHEN 2 THEN 'jobparat'
						WHEN 3 THEN 'uddannelseshjælp, integrations- eller selvforsørgelsesydelse'
						ELSE (SELECT c.gruppe FROM codebook c WHERE c.codebook = 'synthetic' AND c.code = t.from_code) END
		   AS status_2014_w01,
	   round(sum(t.persons) / (SELECT skala FROM register.udtraek))::int8 AS personer,
	   dk_pct(sum(t.persons) / sum(sum(t.persons)) OVER (), 1) AS andel
FROM f, flow_transitions(f.f, 0, '2020-W09'::isoweek - '2014-W01') AS t
GROUP BY 1 ORDER BY 2 DESC;

-- Tabel 11, every row: the 25 kommuner's langvarige, their share of the aktivitetsparate
-- (aged 30 or more, as in 30_s002_tabel11.sql) and of the population 16-66, and each kommune's
-- place among the 25 by that share (the table's order; its "benchmark-placering" is the
-- ministry's national rank on another measure and is not computed).  Counts divided by the scale;
-- kommune names as jobreg's `kommune` table writes them (Vesthimmerlands, Nordfyns).
WITH dok (navn, antal, pct_akt, pct_bef, plads) AS (VALUES
	('Brøndby', 362, 66, 1.61, 1), ('Lolland', 315, 42, 1.29, 2), ('Odense', 1590, 50, 1.14, 3),
	('Slagelse', 558, 46, 1.10, 4), ('Guldborgsund', 377, 50, 1.02, 5), ('København', 4646, 47, 0.98, 6),
	('Høje-Taastrup', 285, 54, 0.86, 7), ('Aalborg', 1220, 46, 0.83, 8), ('Vordingborg', 223, 43, 0.81, 9),
	('Esbjerg', 574, 46, 0.77, 10), ('Norddjurs', 154, 45, 0.66, 11), ('Næstved', 316, 48, 0.60, 12),
	('Ballerup', 174, 43, 0.57, 13), ('Kolding', 338, 44, 0.56, 14), ('Aarhus', 1361, 41, 0.55, 15),
	('Vejle', 396, 45, 0.53, 16), ('Vesthimmerlands', 115, 48, 0.51, 17), ('Herning', 286, 59, 0.50, 18),
	('Faaborg-Midtfyn', 137, 33, 0.44, 19), ('Thisted', 109, 42, 0.41, 20), ('Nordfyns', 75, 38, 0.41, 21),
	('Sønderborg', 178, 32, 0.39, 22), ('Viborg', 222, 31, 0.37, 23), ('Fredensborg', 90, 42, 0.36, 24),
	('Middelfart', 63, 31, 0.26, 25)),
akt AS (
	SELECT p.kommunekode, count(*) AS aktivitetsparate
	FROM register.person p JOIN register.dream d USING (pnr)
	WHERE p.kommunekode IN (SELECT DISTINCT kommunekode FROM s002_lang)
	  AND code_at(d.uger, '2020-W09') = ANY (register.akt_kth_ovg())
	  AND p.foedselsdato <= date '2020-03-01' - interval '30 years'
	GROUP BY p.kommunekode),
k AS (
	SELECT l.kommunekode, count(*) AS langvarige,
		   (SELECT sum(antal) FROM register.befolkning b WHERE b.kommunekode = l.kommunekode AND b.aar = 2020 AND b.kvartal = 2) AS bef
	FROM s002_lang l GROUP BY l.kommunekode)
SELECT d.navn AS kommune,
	   dk_number(d.antal) || ' / ' || dk_number(round(k.langvarige / u.skala)::int) AS langvarige_dok_jobreg,
	   d.pct_akt || ' / ' || dk_number((100.0 * k.langvarige / a.aktivitetsparate)::numeric, 0) AS pct_af_akt_dok_jobreg,
	   dk_number(d.pct_bef::numeric, 2) || ' / ' || dk_number((100.0 * k.langvarige / k.bef)::numeric, 2) AS pct_af_bef_dok_jobreg,
	   d.plads || ' / ' || rank() OVER (ORDER BY k.langvarige::float8 / k.bef DESC) AS plads_dok_jobreg
FROM dok d
JOIN kommune m ON m.navn = d.navn
JOIN k ON k.kommunekode = m.kode
JOIN akt a ON a.kommunekode = m.kode,
	 register.udtraek u
ORDER BY d.plads;
