--
-- calibration: every figure of synth_target computed from the synthetic
-- register with plain SQL (runs expanded arithmetically, no jobreg
-- aggregates), printed beside the document's figure.
--
-- Variables: seed (1), scale (0.05), widen (3), kommuner (NULL = all 98).
-- The regression suite runs it at the test scale 0.05, where sampling noise
-- is larger than the tolerances: a figure passes there when it lies within
-- the tolerance plus :widen (3) standard errors.  synth/calibrate.sh runs it
-- at the default scale 1 with widen = 0, the strict check.
--
\if :{?scale}
\else
\set scale 0.05
\endif
\if :{?seed}
\else
\set seed 1
\endif
\if :{?widen}
\else
\set widen 3
\endif
\if :{?kommuner}
\else
\set kommuner NULL
\endif
SET client_min_messages = warning;

-- the data: persons, histories from DREAM's first week, offers from 2014
CREATE TEMP TABLE p AS SELECT * FROM synth_persons(:seed, :scale, :kommuner);
CREATE TEMP TABLE h AS SELECT * FROM synth_histories(:seed, :scale, :kommuner, '1991-W27');
CREATE TEMP TABLE o AS SELECT * FROM synth_offers(:seed, :scale, :kommuner, '2014-W01');
CREATE TEMP TABLE pop AS SELECT * FROM synth_population(:seed, :scale, :kommuner);

-- the runs with a code, weeks as int4 since 2000-W01: [fra, til)
CREATE TEMP TABLE r AS
SELECT h.pnr, x.code, (w0 + x.off)::int AS fra, (w0 + x.off + x.len)::int AS til
FROM h, LATERAL (SELECT h.first_week - '2000-W01'::isoweek AS w0) AS s,
	 LATERAL (SELECT c.code, c.len, sum(c.len) OVER (ORDER BY c.i) - c.len AS off
			  FROM unnest(h.codes, h.lengths) WITH ORDINALITY AS c(code, len, i)) AS x
WHERE x.code <> 0;
CREATE INDEX ON r (pnr, fra);

-- week number (int4 since 2000-W01) of an isoweek
CREATE FUNCTION pg_temp.wk(w isoweek) RETURNS int LANGUAGE sql IMMUTABLE
	RETURN w - '2000-W01'::isoweek;
ANALYZE p, r, o;

-- population aged 30-66 and 16-66 by kommune and quarter
CREATE TEMP TABLE popk AS
SELECT kommunekode, aar, kvartal, sum(antal) FILTER (WHERE alder >= 30) AS p30, sum(antal) AS p16
FROM pop GROUP BY kommunekode, aar, kvartal;

-- kontanthjælp spells: the kontanthjælp family (kontanthjælp 1101 and 1111, uddannelseshjælp
-- 2121/2131, integrationsydelse 2141, overgangsydelse 2151/2156, selvforsørgelses- og
-- hjemrejseydelse 2161: seeds/002's anciennitet counts them all), breaks of at most gap weeks
-- bridged; ks0: Jobindsats' rule before 2017 (any break ends a spell), ks5: STAR's (5 weeks).
-- Before 2014 and from 30 years of age the family is kontanthjælp alone, but for the few who
-- turned 30 in 2014-15 after uddannelseshjælp (Figur 2), and for seeds/002's langvarige.
CREATE FUNCTION pg_temp.spells(gap int)
	RETURNS TABLE (pnr int, fra int, til int, first_code int) LANGUAGE sql AS $$
	WITH k AS (
		SELECT pnr, code, fra, til,
			   CASE WHEN fra - lag(til) OVER (PARTITION BY pnr ORDER BY fra) <= gap THEN 0 ELSE 1 END AS ny
		FROM r WHERE code IN (1101, 1111, 2121, 2131, 2141, 2151, 2156, 2161)),
	n AS (SELECT *, sum(ny) OVER (PARTITION BY pnr ORDER BY fra) AS nr FROM k)
	SELECT pnr, min(fra), max(til), (array_agg(code ORDER BY fra))[1]
	FROM n GROUP BY pnr, nr $$;
CREATE TEMP TABLE ks0 AS SELECT * FROM pg_temp.spells(0);
CREATE TEMP TABLE ks5 AS SELECT * FROM pg_temp.spells(5);

-- measures per kommune: num, den, persons n, and sum of squares for means
CREATE TEMP TABLE m (noegle text, kommunekode int, num float8, den float8, n float8, sq float8);

/* ---------- fuldtidspersoner and shares of the population ---------- */

CREATE TEMP TABLE fdef (noegle text, code int, fra int, til int, alder_dato date, pop_aar int, pop_kv int);
INSERT INTO fdef
SELECT g.key || '_fuldtid_' || pe.navn, unnest(g.codes), pg_temp.wk(lower(pe.w)), pg_temp.wk(upper(pe.w)),
	   pe.d, pe.pa, pe.pk
FROM (VALUES ('akt', '{1101}'::int[]), ('fleks', '{1401,1501}'), ('fleksbesk', '{1401}'), ('ledy', '{1501}'),
			 ('resf', '{1601}'), ('reva', '{1701}'), ('udsatte', '{1101,1501,1601,1701}')) AS g(key, codes),
	 (VALUES ('2015q1', quarter_weeks(2015, 1), date '2015-01-01', 2015, 1),
			 ('2016q3', quarter_weeks(2016, 3), date '2016-07-01', 2016, 3),
			 ('2015m10', month_weeks(2015, 10), date '2015-10-01', 2015, 4),
			 ('2016m10', month_weeks(2016, 10), date '2016-10-01', 2016, 4)) AS pe(navn, w, d, pa, pk);

INSERT INTO m
SELECT f.noegle, p.kommunekode,
	   sum(least(r.til, f.til) - greatest(r.fra, f.fra))::float8 / (f.til - f.fra),
	   (SELECT p30 FROM popk WHERE popk.kommunekode = p.kommunekode AND aar = f.pop_aar AND kvartal = f.pop_kv),
	   count(DISTINCT r.pnr), NULL::float8
FROM fdef f
JOIN r ON r.code = f.code AND r.fra < f.til AND r.til > f.fra
JOIN p ON p.pnr = r.pnr AND p.foedselsdato <= (f.alder_dato - interval '30 years')::date
GROUP BY f.noegle, p.kommunekode, f.til, f.fra, f.pop_aar, f.pop_kv;

-- Figur 7: the ledige among the fleksjobvisiterede, 1st quarter 2015 (demo/17_…)
INSERT INTO m
SELECT 'ledy_andel_fleks_2015q1', f.kommunekode, coalesce(l.num, 0), f.num, f.n, NULL
FROM m f LEFT JOIN m l ON l.kommunekode = f.kommunekode AND l.noegle = 'ledy_fuldtid_2015q1'
WHERE f.noegle = 'fleks_fuldtid_2015q1';

/* ---------- Figur 2: anciennitet (Jobindsats' spells) of the aktivitetsparate, week 10 2015 ---------- */

CREATE TEMP TABLE anc AS
SELECT p.pnr, p.kommunekode, pg_temp.wk('2015-W10') - ks0.fra + 1 AS uger
FROM r JOIN p USING (pnr) JOIN ks0 ON ks0.pnr = r.pnr AND ks0.fra <= r.fra AND ks0.til >= r.til
WHERE r.code = 1101 AND r.fra <= pg_temp.wk('2015-W10') AND r.til > pg_temp.wk('2015-W10')
  AND p.foedselsdato <= date '2015-03-02' - interval '30 years';

INSERT INTO m
SELECT 'akt_anc_over2_2015w10', kommunekode, count(*) FILTER (WHERE uger * 7 / 365.25 > 2), count(*), count(*), NULL::float8
FROM anc GROUP BY kommunekode
UNION ALL
SELECT 'akt_anc_over3_2015w10', kommunekode, count(*) FILTER (WHERE uger * 7 / 365.25 > 3), count(*), count(*), NULL
FROM anc GROUP BY kommunekode
UNION ALL
SELECT 'akt_anc_over5af3_2015w10', kommunekode, count(*) FILTER (WHERE uger * 7 / 365.25 > 5),
	   count(*) FILTER (WHERE uger * 7 / 365.25 > 3), count(*) FILTER (WHERE uger * 7 / 365.25 > 3), NULL
FROM anc GROUP BY kommunekode;

/* ---------- Figur 3: new recipients (no kontanthjælp in 52 weeks), still on t weeks later ---------- */

CREATE TEMP TABLE nye AS
SELECT ks0.pnr, p.kommunekode, ks0.fra
FROM ks0 JOIN p USING (pnr)
WHERE ks0.first_code = 1101
  AND ks0.fra >= pg_temp.wk(lower(quarter_weeks(2012, 4))) AND ks0.fra < pg_temp.wk(upper(quarter_weeks(2013, 3)))
  AND NOT EXISTS (SELECT FROM r WHERE r.pnr = ks0.pnr AND r.code IN (1101, 1111) AND r.til > ks0.fra - 52 AND r.fra < ks0.fra)
  AND p.foedselsdato <= ('2000-01-03'::date + 7 * ks0.fra - interval '30 years')::date;

INSERT INTO m
SELECT 'akt_nye_s' || t || '_2012q4_2013q3', kommunekode,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM r WHERE r.pnr = nye.pnr AND r.code IN (1101, 1111)
									 AND r.fra <= nye.fra + t AND r.til > nye.fra + t)),
	   count(*), count(*), NULL
FROM nye, (VALUES (16), (17), (52)) AS x(t) GROUP BY t, kommunekode;

/* ---------- Figur 4-5: the aktivitetsparate of week 10 2014, one year later ---------- */

CREATE TEMP TABLE kohorte AS
SELECT p.pnr, p.kommunekode,
	   coalesce((SELECT r2.code FROM r r2 WHERE r2.pnr = p.pnr AND r2.fra <= pg_temp.wk('2015-W10')
				 AND r2.til > pg_temp.wk('2015-W10')), 0) AS status
FROM r JOIN p USING (pnr)
WHERE r.code = 1101 AND r.fra <= pg_temp.wk('2014-W10') AND r.til > pg_temp.wk('2014-W10')
  AND p.foedselsdato <= date '2014-03-03' - interval '30 years';

INSERT INTO m
SELECT 'akt_status52_' || s.navn || '_2014w10', kommunekode,
	   count(*) FILTER (WHERE CASE s.navn WHEN 'akt' THEN status = 1101 WHEN 'job' THEN status = 0
							  ELSE status NOT IN (0, 1101) END),
	   count(*), count(*), NULL
FROM kohorte, (VALUES ('akt'), ('job'), ('andre')) AS s(navn) GROUP BY s.navn, kommunekode;

/* ---------- Figur 9, Tabel 5-6, Figur 10, seeds/003 Tabel 3: activation ---------- */

-- benefit runs in the period, as dates, for persons aged 30+ at its start
CREATE TEMP TABLE adef (key text, code int, navn text, fra int, til int, alder_dato date);
INSERT INTO adef
SELECT g.key, g.code, pe.navn, pg_temp.wk(lower(pe.w)), pg_temp.wk(upper(pe.w)), pe.d
FROM (VALUES ('akt', 1101), ('reva', 1701), ('ledy', 1501), ('resf', 1601)) AS g(key, code),
	 (VALUES ('2014q2_2015q1', weekrange(lower(quarter_weeks(2014, 2)), upper(quarter_weeks(2015, 1))), date '2014-04-01'),
			 ('2015q4_2016q3', weekrange(lower(quarter_weeks(2015, 4)), upper(quarter_weeks(2016, 3))), date '2015-10-01'),
			 ('2015q1', quarter_weeks(2015, 1), date '2015-01-01'))    -- Tabel 5's title (demo/19_…)
	 AS pe(navn, w, d);

CREATE TEMP TABLE ar AS
SELECT a.key, a.navn, p.pnr, p.kommunekode,
	   greatest(r.fra, a.fra) AS fra, least(r.til, a.til) AS til,
	   daterange('2000-01-03'::date + 7 * greatest(r.fra, a.fra), '2000-01-03'::date + 7 * least(r.til, a.til)) AS dage
FROM adef a
JOIN r ON r.code = a.code AND r.fra < a.til AND r.til > a.fra
JOIN p ON p.pnr = r.pnr AND p.foedselsdato <= (a.alder_dato - interval '30 years')::date;

-- activation hours inside those runs: hours per week x days / 7
CREATE TEMP TABLE at AS
SELECT ar.key, ar.navn, ar.pnr, ar.kommunekode, t.virksomhedsrettet, o.tilbudstype,
	   o.timer_pr_uge * (upper(o.periode * ar.dage) - lower(o.periode * ar.dage)) / 7.0 AS timer
FROM ar JOIN o ON o.pnr = ar.pnr AND o.periode && ar.dage
JOIN synth_tilbudstype t USING (tilbudstype);

ANALYZE ar, at;
INSERT INTO m
SELECT ar.key || '_beroerte_' || ar.navn, ar.kommunekode, count(DISTINCT ar.pnr) FILTER (WHERE a.pnr IS NOT NULL),
	   count(DISTINCT ar.pnr), count(DISTINCT ar.pnr), NULL::float8
FROM ar LEFT JOIN (SELECT DISTINCT key, navn, pnr FROM at) AS a USING (key, navn, pnr)
WHERE ar.key = 'akt' AND ar.navn = '2014q2_2015q1'
GROUP BY ar.key, ar.navn, ar.kommunekode
UNION ALL
SELECT key || '_grad_' || navn, kommunekode, coalesce(t.timer, 0), 37.0 * sum(til - fra), count(DISTINCT pnr), NULL
FROM ar LEFT JOIN (SELECT key, navn, kommunekode, sum(timer) AS timer FROM at GROUP BY 1, 2, 3) AS t
	 USING (key, navn, kommunekode)
GROUP BY key, navn, kommunekode, t.timer
UNION ALL
SELECT key || '_virk_' || navn, kommunekode, sum(timer) FILTER (WHERE virksomhedsrettet), sum(timer),
	   count(DISTINCT pnr), NULL
FROM at GROUP BY key, navn, kommunekode
UNION ALL
SELECT key || '_udd_' || navn, kommunekode, sum(timer) FILTER (WHERE tilbudstype = 'ordinaer_uddannelse'),
	   sum(timer), count(DISTINCT pnr), NULL
FROM at WHERE key = 'akt' GROUP BY key, navn, kommunekode;

/* ---------- seeds/003: new ledighedsydelse spells, in fleksjob within 26 weeks ---------- */

INSERT INTO m
SELECT 'ledy_fleksjob26_2016m1_4', p.kommunekode,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM r f WHERE f.pnr = r.pnr AND f.code = 1401 AND f.fra = r.til
									 AND f.fra - r.fra <= 26)),
	   count(*), count(*), NULL
FROM r JOIN p USING (pnr)
WHERE r.code = 1501 AND r.fra >= pg_temp.wk(lower(month_weeks(2016, 1))) AND r.fra < pg_temp.wk(upper(month_weeks(2016, 4)))
  AND p.foedselsdato <= ('2000-01-03'::date + 7 * r.fra - interval '30 years')::date
GROUP BY p.kommunekode;

/* ---------- seeds/002: langvarige aktivitetsparate on 1 March 2020 ---------- */
-- aktivitetsparate on kontanthjælp or overgangsydelse (Tabel 11's note): codes 1101 and 2151

CREATE TEMP TABLE lang AS
SELECT p.pnr, p.kommunekode, p.koen, ks5.fra AS spell_fra, ks5.til AS spell_til,
	   (pg_temp.wk('2020-W09') - ks5.fra + 1) * 7 / 365.25 AS aar
FROM r JOIN p USING (pnr) JOIN ks5 ON ks5.pnr = r.pnr AND ks5.fra <= r.fra AND ks5.til >= r.til
WHERE r.code IN (1101, 2151) AND r.fra <= pg_temp.wk('2020-W09') AND r.til > pg_temp.wk('2020-W09')
  AND p.foedselsdato <= date '2020-03-01' - interval '30 years';

INSERT INTO m
SELECT 'lang_antal_2020', kommunekode, count(*) FILTER (WHERE aar >= 5), NULL::float8, count(*) FILTER (WHERE aar >= 5), NULL::float8
FROM lang GROUP BY kommunekode
UNION ALL
SELECT 'lang_andel_akt_2020', kommunekode, count(*) FILTER (WHERE aar >= 5), count(*), count(*), NULL
FROM lang GROUP BY kommunekode
UNION ALL
SELECT 'lang_andel_pop_2020', kommunekode, count(*) FILTER (WHERE aar >= 5),
	   (SELECT p16 FROM popk WHERE popk.kommunekode = lang.kommunekode AND aar = 2020 AND kvartal = 2),
	   count(*) FILTER (WHERE aar >= 5), NULL
FROM lang GROUP BY kommunekode
UNION ALL
SELECT 'lang_anc_mean_2020', kommunekode, sum(aar) FILTER (WHERE aar >= 5), count(*) FILTER (WHERE aar >= 5),
	   count(*) FILTER (WHERE aar >= 5), sum(aar * aar) FILTER (WHERE aar >= 5)
FROM lang GROUP BY kommunekode
UNION ALL
SELECT 'lang_over10_2020', kommunekode, count(*) FILTER (WHERE aar > 10), count(*) FILTER (WHERE aar >= 5),
	   count(*) FILTER (WHERE aar >= 5), NULL
FROM lang GROUP BY kommunekode;

/* ---------- seeds/002: background and employment of the langvarige (synth_background, synth_employment) ---------- */

-- only the 25 kommuner of the targets (of those asked for): at scale 1 the whole country's
-- months would be hundreds of millions of rows
CREATE TEMP TABLE k25 AS
SELECT coalesce(array_agg(k ORDER BY k), '{}') AS kommuner
FROM (SELECT unnest(kommuner) AS k FROM synth_target WHERE nr = 86) AS t
WHERE k = ANY (coalesce(:kommuner, ARRAY[k]));
CREATE TEMP TABLE bg AS SELECT * FROM synth_background(:seed, :scale, (SELECT kommuner FROM k25));
CREATE TEMP TABLE em AS SELECT * FROM synth_employment(:seed, :scale, (SELECT kommuner FROM k25), '2018-01-01');
-- the months of March 2018 - February 2022 with their weeks [fra, til) (Thursday rule), and
-- each person's grad in them
CREATE TEMP TABLE mdr AS
SELECT m.dag, pg_temp.wk(lower(month_weeks(extract(year FROM m.dag)::int, extract(month FROM m.dag)::int))) AS fra,
	   pg_temp.wk(upper(month_weeks(extract(year FROM m.dag)::int, extract(month FROM m.dag)::int))) AS til
FROM generate_series(date '2018-03-01', date '2022-02-01', interval '1 month') AS m (dag);
CREATE TEMP TABLE emg AS
SELECT em.pnr, (em.first_month + (g.i - 1) * interval '1 month')::date AS dag, g.grad
FROM em, unnest(em.grads) WITH ORDINALITY AS g (grad, i)
WHERE g.grad > 0 AND em.first_month + (g.i - 1) * interval '1 month' BETWEEN date '2018-03-01' AND date '2022-02-01';
CREATE INDEX ON emg (pnr, dag);
-- months in which a person is on the codes in every week
CREATE FUNCTION pg_temp.hel_maaned(codes int[])
	RETURNS TABLE (pnr int, dag date) LANGUAGE sql AS $$
	SELECT r.pnr, mdr.dag FROM r JOIN mdr ON r.fra < mdr.til AND r.til > mdr.fra
	WHERE r.code = ANY (codes)
	GROUP BY r.pnr, mdr.dag, mdr.til, mdr.fra
	HAVING sum(least(r.til, mdr.til) - greatest(r.fra, mdr.fra)) = mdr.til - mdr.fra $$;
ANALYZE bg, emg;

-- the langvarige of lang (5 years or more) in the 25 kommuner
CREATE TEMP TABLE lang5 AS
SELECT pnr, kommunekode, koen, spell_fra, spell_til, aar
FROM lang WHERE aar >= 5 AND kommunekode = ANY ((SELECT kommuner FROM k25)::int[]);
CREATE TEMP TABLE lang5_ord AS
SELECT DISTINCT h.pnr FROM pg_temp.hel_maaned('{1101,1111,2121,2131,2141,2151,2156,2161}') h JOIN emg USING (pnr, dag)
WHERE h.pnr IN (SELECT pnr FROM lang5) AND h.dag < date '2020-03-01';

INSERT INTO m
SELECT 'lang_ikkevestlig_' || lower(l.koen) || '_2020', l.kommunekode,
	   count(*) FILTER (WHERE b.herkomst IN ('indvandrer ikke-vestlig', 'efterkommer')), count(*), count(*), NULL::float8
FROM lang5 l JOIN bg b USING (pnr) GROUP BY l.koen, l.kommunekode
UNION ALL
-- Tabel 1: the ages on 1 March 2020 by sex
SELECT 'lang_alder' || g.k || '_' || lower(l.koen) || '_2020', l.kommunekode,
	   count(*) FILTER (WHERE extract(year FROM age(date '2020-03-01', x.foedselsdato)) BETWEEN g.fra AND g.til), count(*), count(*), NULL
FROM lang5 l JOIN p x USING (pnr), (VALUES ('30', 0, 39), ('40', 40, 49), ('50', 50, 59), ('60', 60, 200)) AS g (k, fra, til)
GROUP BY g.k, l.koen, l.kommunekode
UNION ALL
-- Tabel 1: the anciennitet groups by sex
SELECT 'lang_anc' || g.k || '_' || lower(l.koen) || '_2020', l.kommunekode,
	   count(*) FILTER (WHERE l.aar >= g.fra AND l.aar < g.til), count(*), count(*), NULL
FROM lang5 l, (VALUES ('5', 5, 7), ('7', 7, 10), ('10', 10, 1000)) AS g (k, fra, til)
GROUP BY g.k, l.koen, l.kommunekode
UNION ALL
-- Tabel 12: the share of women by anciennitet (5-7, 7-10, 10 or more years, all)
SELECT 'lang_kvinder_' || g.k || '_2020', l.kommunekode, count(*) FILTER (WHERE l.koen = 'K'), count(*), count(*), NULL
FROM lang5 l JOIN (VALUES ('5_7', 5, 7), ('7_10', 7, 10), ('10', 10, 1000), ('alle', 5, 1000)) AS g (k, fra, til)
  ON l.aar >= g.fra AND l.aar < g.til
GROUP BY g.k, l.kommunekode
UNION ALL
SELECT 'lang_ordtimer_2018_2020', l.kommunekode, count(o.pnr), count(*), count(*), NULL
FROM lang5 l LEFT JOIN lang5_ord o USING (pnr) GROUP BY l.kommunekode
UNION ALL
-- Figur 49: a virksomhedspraktik or løntilskud on some day of the weeks [2018-W09, 2020-W09), or ordinary hours
SELECT 'lang_virk_2018_2020', l.kommunekode,
	   count(*) FILTER (WHERE o.pnr IS NOT NULL OR v.pnr IS NOT NULL), count(*), count(*), NULL
FROM lang5 l LEFT JOIN lang5_ord o USING (pnr)
LEFT JOIN (SELECT DISTINCT t.pnr FROM o t
		   WHERE t.tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat', 'loentilskud_offentlig')
			 AND t.periode && daterange('2018-02-26', '2020-02-24')) AS v ON v.pnr = l.pnr
GROUP BY l.kommunekode;

-- Figur 5: how the langvarige's spell (the STAR spell of 2020-W09) began, from 2014-W01 (the
-- kontanthjælp reform's visitation and uddannelseshjælp) up to 2020-W09: its first week on the
-- family as jobparat (1111, 2156), on uddannelseshjælp, integrationsydelse or selvforsørgelses- og
-- hjemrejseydelse (2121, 2131, 2141, 2161), or aktivitetsparat (1101, 2151) and staying so
CREATE TEMP TABLE lang5_visitation AS
SELECT l.pnr, l.kommunekode, f.code IN (1111, 2156) AS jobparat, f.code IN (2121, 2131, 2141, 2161) AS anden,
	   f.code IN (1101, 2151) AND NOT EXISTS (SELECT FROM r WHERE r.pnr = l.pnr AND r.code IN (1111, 2121, 2131, 2141, 2156, 2161)
														 AND r.fra < w.til AND r.til > w.fra) AS kun_akt
FROM lang5 l,
	 LATERAL (SELECT greatest(l.spell_fra, pg_temp.wk('2014-W01')) AS fra, least(l.spell_til, pg_temp.wk('2020-W10')) AS til) AS w,
	 LATERAL (SELECT r.code FROM r WHERE r.pnr = l.pnr AND r.code IN (1101, 1111, 2121, 2131, 2141, 2151, 2156, 2161)
								   AND r.fra < w.til AND r.til > w.fra
			  ORDER BY r.fra LIMIT 1) AS f;
INSERT INTO m
SELECT x.noegle, v.kommunekode,
	   count(*) FILTER (WHERE CASE x.noegle WHEN 'lang_kun_akt_2020' THEN v.kun_akt
											WHEN 'lang_fra_jobparat_2020' THEN v.jobparat ELSE v.anden END),
	   count(*), count(*), NULL::float8
FROM lang5_visitation v,
	 (VALUES ('lang_kun_akt_2020'), ('lang_fra_jobparat_2020'), ('lang_fra_anden_2020')) AS x (noegle)
GROUP BY x.noegle, v.kommunekode;

-- Figur 11: held jobsamtaler of the langvarige in the two years
CREATE TEMP TABLE lang5_samtaler AS
SELECT l.pnr, l.kommunekode, count(c.pnr) AS n
FROM lang5 l
LEFT JOIN synth_contacts(:seed, :scale, (SELECT kommuner FROM k25), '2018-03-01', '2020-02-29') c ON c.pnr = l.pnr AND c.afholdt
GROUP BY l.pnr, l.kommunekode;
INSERT INTO m
SELECT 'lang_samtaler' || x.k || '_2018_2020', kommunekode,
	   count(*) FILTER (WHERE CASE x.k WHEN 8 THEN n >= 8 ELSE n > 10 END), count(*), count(*), NULL::float8
FROM lang5_samtaler, (VALUES (8), (10)) AS x (k) GROUP BY x.k, kommunekode;

-- afsnit 1.4, Figur 35, 36 and 51: the langvarige's weeks in offers in [2018-W09, 2020-W09), a
-- week counting when an offer holds one of its days, by kind (vejledning og opkvalificering,
-- virksomhedsplacering, the rest)
CREATE TEMP TABLE lang5_tilbud AS
SELECT l.pnr, l.kommunekode,
	   count(DISTINCT u.w) AS uger,
	   count(DISTINCT u.w) FILTER (WHERE k.art = 'vejl') AS vejl,
	   count(DISTINCT u.w) FILTER (WHERE k.art = 'virk') AS virk,
	   count(DISTINCT u.w) FILTER (WHERE k.art = 'andet') AS andet
FROM lang5 l
LEFT JOIN o t ON t.pnr = l.pnr AND t.periode && daterange('2018-02-26', '2020-02-24')
LEFT JOIN LATERAL (SELECT CASE WHEN t.tilbudstype = 'vejledning_opkvalificering' THEN 'vejl'
							   WHEN t.tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat', 'loentilskud_offentlig') THEN 'virk'
							   ELSE 'andet' END AS art) AS k ON true
LEFT JOIN LATERAL generate_series(greatest(pg_temp.wk(isoweek(lower(t.periode))), pg_temp.wk('2018-W09')),
								  least(pg_temp.wk(isoweek(upper(t.periode) - 1)), pg_temp.wk('2020-W09') - 1)) AS u (w)
	 ON t.pnr IS NOT NULL		-- greatest and least skip NULLs: no offer, no weeks
GROUP BY l.pnr, l.kommunekode;
INSERT INTO m
SELECT 'lang_tilbud_2018_2020', kommunekode, count(*) FILTER (WHERE uger > 0), count(*), count(*), NULL::float8
FROM lang5_tilbud GROUP BY kommunekode
UNION ALL
SELECT 'lang_tilbud27_2018_2020', kommunekode, count(*) FILTER (WHERE uger > 27), count(*), count(*), NULL
FROM lang5_tilbud GROUP BY kommunekode
UNION ALL
SELECT 'lang_tilbud52_2018_2020', kommunekode, count(*) FILTER (WHERE uger > 52), count(*), count(*), NULL
FROM lang5_tilbud GROUP BY kommunekode
UNION ALL
SELECT 'lang_tilbudsandel_2018_2020', kommunekode, sum(uger / 104.0), count(*), count(*), NULL
FROM lang5_tilbud GROUP BY kommunekode
UNION ALL
SELECT 'lang_' || k.navn || '_andel_2018_2020', t.kommunekode, sum(k.uger), sum(t.vejl + t.virk + t.andet), count(*), NULL
FROM lang5_tilbud t, LATERAL (VALUES ('vejl', t.vejl), ('virk', t.virk)) AS k (navn, uger)
GROUP BY k.navn, t.kommunekode
UNION ALL
SELECT 'lang_virk' || b.navn || '_2018_2020', t.kommunekode, count(*) FILTER (WHERE t.virk BETWEEN b.fra AND b.til), count(*), count(*), NULL
FROM lang5_tilbud t, (VALUES ('0_13', 0, 13), ('14_26', 14, 26), ('27_52', 27, 52), ('52', 53, 104)) AS b (navn, fra, til)
GROUP BY b.navn, t.kommunekode;

-- Figur 47, afsnit 5 and 6.5: the langvarige's offers from 2012 and exemptions, and the longest
-- stretch of their spell (from 2012) with neither (the document: "perioder (over 1 år) ... hvor
-- de ikke har modtaget et beskæftigelsesrettet tilbud ... uden at være fritaget")
CREATE TEMP TABLE lang5_fri AS
SELECT l.pnr, l.kommunekode, l.aar, coalesce(f.fri, '{}') AS fri,
	   datemultirange(daterange(greatest(date '2000-01-03' + 7 * l.spell_fra, date '2012-01-02'), date '2020-03-01'))
		   - coalesce(t.tilbud, '{}') - coalesce(f.fri, '{}') AS passiv
FROM lang5 l
LEFT JOIN (SELECT pnr, range_agg(periode) AS tilbud FROM synth_offers(:seed, :scale, (SELECT kommuner FROM k25), '2012-W01')
		   WHERE pnr IN (SELECT pnr FROM lang5) GROUP BY pnr) AS t USING (pnr)
LEFT JOIN (SELECT pnr, range_agg(periode) AS fri FROM synth_exemptions(:seed, :scale, (SELECT kommuner FROM k25), '2012-W01')
		   WHERE pnr IN (SELECT pnr FROM lang5) GROUP BY pnr) AS f USING (pnr);
INSERT INTO m
SELECT CASE WHEN g.ti THEN 'lang_passiv12_10_2020' ELSE 'lang_passiv12_2020' END, f.kommunekode,
	   count(*) FILTER (WHERE (SELECT max(upper(x) - lower(x)) FROM unnest(f.passiv) AS x) > 365), count(*), count(*), NULL::float8
FROM lang5_fri f JOIN (VALUES (false), (true)) AS g (ti) ON NOT g.ti OR f.aar >= 10
GROUP BY g.ti, f.kommunekode
UNION ALL
SELECT 'lang_fritaget_2018_2020', kommunekode, count(*) FILTER (WHERE fri && daterange('2018-03-01', '2020-03-01')), count(*), count(*), NULL
FROM lang5_fri GROUP BY kommunekode
UNION ALL
SELECT 'lang_fritaget_2020', kommunekode, count(*) FILTER (WHERE fri @> date '2020-03-01'), count(*), count(*), NULL
FROM lang5_fri GROUP BY kommunekode;

-- Figur 2: the persons aged 30-66 at the start of 2020 Q2
INSERT INTO m
SELECT 'bef30_2020q2', kommunekode, p30, NULL, p30, NULL FROM popk WHERE aar = 2020 AND kvartal = 2;

-- afsnit 2.2: the country's aktivitetsparate on kontanthjælp or overgangsydelse in 2020-W09, and
-- those of them in the 25 kommuner
INSERT INTO m
SELECT 'akt25_andel_2020', p.kommunekode,
	   count(*) FILTER (WHERE p.kommunekode = ANY ((SELECT kommuner FROM k25)::int[])), count(*), count(*), NULL
FROM r JOIN p USING (pnr)
WHERE r.code IN (1101, 2151) AND r.fra <= pg_temp.wk('2020-W09') AND r.til > pg_temp.wk('2020-W09')
GROUP BY p.kommunekode;

-- Figur 54: the aktivitetsparate on kontanthjælp or overgangsydelse (1101, 2151) in every week of
-- a month, and those of them with a grad above 0 that month (all ages), pooled over the months
-- of each period
INSERT INTO m
SELECT CASE WHEN h.dag < date '2020-03-01' THEN 'akt_ordtimer_2018_2020' ELSE 'akt_ordtimer_2021_2022' END,
	   p.kommunekode, count(e.pnr), count(*), count(*), NULL
FROM pg_temp.hel_maaned('{1101,2151}') h JOIN p USING (pnr) LEFT JOIN emg e USING (pnr, dag)
WHERE (h.dag < date '2020-03-01' OR h.dag >= date '2021-03-01')
  AND p.kommunekode = ANY ((SELECT kommuner FROM k25)::int[])
GROUP BY 1, p.kommunekode;

/* ---------- seeds/003 Tabel 5: helhedsorienteret mentor of the aktivitetsparate (synth_mentor) ---------- */

CREATE TEMP TABLE me AS
SELECT * FROM synth_mentor(:seed, :scale,
						   (SELECT coalesce(array_agg(k), '{}') FROM unnest(ARRAY[101]) AS k WHERE k = ANY (coalesce(:kommuner, ARRAY[k]))),
						   '2014-W01');
CREATE INDEX ON me (pnr);
CREATE TEMP TABLE ome AS SELECT * FROM o WHERE pnr IN (SELECT pnr FROM me);
CREATE INDEX ON ome (pnr);
ANALYZE me, ome;

INSERT INTO m
SELECT 'mentor_andel_' || x.navn, p.kommunekode,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM me WHERE me.pnr = r.pnr AND me.periode && daterange(monday(x.uge), monday(x.uge) + 7))),
	   count(*), count(*), NULL::float8
FROM r JOIN p USING (pnr), (VALUES ('2015m11', '2015-W46'::isoweek), ('2016m9', '2016-W37'::isoweek)) AS x (navn, uge)
WHERE r.code = 1101 AND r.fra <= pg_temp.wk(x.uge) AND r.til > pg_temp.wk(x.uge)
  AND p.kommunekode = 101 AND p.foedselsdato <= monday(x.uge) - interval '30 years'
GROUP BY x.navn, p.kommunekode;

INSERT INTO m
SELECT 'mentor_tilbud_2015_2016', p.kommunekode,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM ome WHERE ome.pnr = me.pnr AND lower(ome.periode) >= upper(me.periode)
									 AND lower(ome.periode) < upper(me.periode) + 28)),
	   count(*), count(*), NULL::float8
FROM me JOIN p USING (pnr)
WHERE upper(me.periode) > date '2015-01-01' AND upper(me.periode) <= date '2016-10-01'
  AND p.foedselsdato <= upper(me.periode) - interval '30 years'
GROUP BY p.kommunekode;

/* ---------- seeds/001: residence in København's udsatte boligområder (synth_residence) ---------- */

CREATE TEMP TABLE kbh AS SELECT k FROM unnest(ARRAY[101]) AS k WHERE k = ANY (coalesce(:kommuner, ARRAY[k]));
CREATE TEMP TABLE bo AS SELECT * FROM synth_residence(:seed, :scale, (SELECT coalesce(array_agg(k), '{}') FROM kbh));

-- the aktivitetsparate over 30 of 2013-14 living in the six areas: the first week with code
-- 1101 from 2013-W01 before 2015-W01 (idx13), aged 30 or more on its Monday
CREATE TEMP TABLE idx13 AS
SELECT r.pnr, min(greatest(r.fra, pg_temp.wk('2013-W01'))) AS uge
FROM r WHERE r.code = 1101 AND r.til > pg_temp.wk('2013-W01') AND r.fra < pg_temp.wk('2015-W01')
GROUP BY r.pnr;
INSERT INTO m
SELECT 'fremskudt_kohorte_2013_2014', p.kommunekode, count(*), count(*), count(*), NULL
FROM idx13 AS i
JOIN p USING (pnr) JOIN bo USING (pnr)
WHERE bo.fremskudt AND p.foedselsdato <= monday('2000-W01'::isoweek + i.uge) - interval '30 years'
GROUP BY p.kommunekode;

-- M1-M3 over the 52 weeks after the index week, for the aktivitetsparate over 30 of 2013-14 in
-- the six areas and in the other udsatte boligområder (the pool of the document's matched twins):
-- M1 a week with no code or SU (1901); M2 a week with SU, or with no code in a month with a grad
-- (the week's Thursday's month); M3 a virksomhedspraktik or løntilskud on some day (offers from
-- 2012, so that those running into 2013 count)
CREATE TEMP TABLE ko AS
SELECT i.pnr, i.uge, bo.fremskudt
FROM idx13 AS i JOIN p USING (pnr) JOIN bo USING (pnr)
WHERE p.foedselsdato <= monday('2000-W01'::isoweek + i.uge) - interval '30 years';
CREATE TEMP TABLE o12 AS
SELECT * FROM synth_offers(:seed, :scale, (SELECT coalesce(array_agg(k), '{}') FROM kbh), '2012-W01')
WHERE tilbudstype IN ('virksomhedspraktik', 'loentilskud_privat', 'loentilskud_offentlig');
CREATE INDEX ON o12 (pnr);
-- the third BIU note (May 2016 - April 2017): per person-month of the aktivitetsparate over 30
-- (code 1101 in the month's first week, aged 30 on its first day), the months with a week in job
-- or education (as M2) right after a week on kontanthjælp (1101, 1111), and those in which a
-- virksomhedspraktik or løntilskud starts; indsatsen = residents of Tingbjerg and Urbanplanen,
-- Center for Jobindsats = all of København's
CREATE TEMP TABLE n3pm AS
SELECT r.pnr, m.dag, pg_temp.wk(lower(m.uger)) AS fra, pg_temp.wk(upper(m.uger)) AS til,
	   coalesce(bo.omraade IN ('Tingbjerg', 'Urbanplanen'), false) AS indsats
FROM (SELECT d::date AS dag, month_weeks(extract(year FROM d)::int, extract(month FROM d)::int) AS uger
	  FROM generate_series(date '2016-05-01', date '2017-04-01', interval '1 month') AS d) AS m
JOIN r ON r.code = 1101 AND r.fra <= pg_temp.wk(lower(m.uger)) AND r.til > pg_temp.wk(lower(m.uger))
JOIN p USING (pnr) LEFT JOIN bo USING (pnr)
WHERE p.kommunekode = 101 AND p.foedselsdato <= m.dag - interval '30 years';
-- seeds/003 Tabel 4 (demo/24_…): København's spells on kontanthjælp as aktivitetsparat (1101,
-- 1102; no break bridged) whose first week after (til) lies in 2014, 2015 or January - October
-- 2016, of persons aged 30 or more on that week's Monday
CREATE TEMP TABLE t4 AS
SELECT r.pnr, r.til, y.aar
FROM r JOIN p USING (pnr),
	 (VALUES ('2014', quarter_weeks(2014, 1), quarter_weeks(2014, 4)),
			 ('2015', quarter_weeks(2015, 1), quarter_weeks(2015, 4)),
			 ('2016m10', month_weeks(2016, 1), month_weeks(2016, 10))) AS y (aar, foerste, sidste)
WHERE r.code IN (1101, 1102) AND p.kommunekode = 101
  AND r.til >= pg_temp.wk(lower(y.foerste)) AND r.til < pg_temp.wk(upper(y.sidste))
  AND NOT EXISTS (SELECT FROM r n WHERE n.pnr = r.pnr AND n.fra = r.til AND n.code IN (1101, 1102))
  AND p.foedselsdato <= monday('2000-W01'::isoweek + r.til) - interval '30 years';
-- the months with a grad, January 2013 - May 2017, of the persons of M1-M3, of the BIU note and
-- of Tabel 4
CREATE TEMP TABLE emk AS
SELECT em.pnr, (em.first_month + (g.i - 1) * interval '1 month')::date AS dag
FROM synth_employment(:seed, :scale, (SELECT coalesce(array_agg(k), '{}') FROM kbh), '2013-01-01') AS em,
	 unnest(em.grads) WITH ORDINALITY AS g (grad, i)
WHERE g.grad > 0 AND em.first_month + (g.i - 1) * interval '1 month' < date '2017-06-01'
  AND em.pnr IN (SELECT pnr FROM ko UNION SELECT pnr FROM n3pm UNION SELECT pnr FROM t4);
CREATE INDEX ON emk (pnr, dag);
-- job or education in week w of a person of emk: code SU (1901), or no code and a grad in the
-- month of the week's Thursday (M2, the BIU note, Tabel 4)
CREATE FUNCTION pg_temp.job_uddannelse(pnr int, w int) RETURNS bool LANGUAGE sql STABLE
	RETURN coalesce((SELECT r.code = 1901 FROM r WHERE r.pnr = $1 AND r.fra <= $2 AND r.til > $2),
					EXISTS (SELECT FROM emk WHERE emk.pnr = $1
							  AND emk.dag = date_trunc('month', monday('2000-W01'::isoweek + $2) + 3)::date));
-- each week of the window: its code (0 = none) and whether it is job or education
CREATE TEMP TABLE kouger AS
SELECT ko.pnr, coalesce(c.code, 0) AS code, pg_temp.job_uddannelse(ko.pnr, w) AS job_uddannelse
FROM ko, generate_series(ko.uge + 1, ko.uge + 52) AS w
LEFT JOIN LATERAL (SELECT r.code FROM r WHERE r.pnr = ko.pnr AND r.fra <= w AND r.til > w) AS c ON true;
INSERT INTO m
SELECT CASE WHEN ko.fremskudt THEN 'fremskudt_' ELSE 'udsat_' END || x.maal || '_2013_2014', p.kommunekode,
	   count(*) FILTER (WHERE x.ja), count(*), count(*), NULL
FROM ko JOIN p USING (pnr)
JOIN (SELECT u.pnr, bool_or(u.code IN (0, 1901)) AS m1, bool_or(u.job_uddannelse) AS m2
	  FROM kouger u GROUP BY u.pnr) AS y USING (pnr),
	 LATERAL (VALUES ('m1', y.m1), ('m2', y.m2),
					 ('m3', EXISTS (SELECT FROM o12
									WHERE o12.pnr = ko.pnr
									  AND o12.periode && daterange(monday('2000-W01'::isoweek + ko.uge + 1),
																   monday('2000-W01'::isoweek + ko.uge + 53)))))
	 AS x (maal, ja)
GROUP BY 1, p.kommunekode;

CREATE TEMP TABLE n3 AS
SELECT n.indsats,
	   EXISTS (SELECT FROM generate_series(n.fra, n.til - 1) AS w
			   WHERE EXISTS (SELECT FROM r WHERE r.pnr = n.pnr AND r.code IN (1101, 1111) AND r.fra <= w - 1 AND r.til > w - 1)
				 AND pg_temp.job_uddannelse(n.pnr, w)) AS afgang,
	   EXISTS (SELECT FROM o12 WHERE o12.pnr = n.pnr	-- o12: the virksomhedsrettede offers (above)
				 AND lower(o12.periode) >= n.dag AND lower(o12.periode) < n.dag + interval '1 month') AS placering
FROM n3pm AS n;
INSERT INTO m
SELECT x.noegle || g.hvem || '_2016_2017', 101, count(*) FILTER (WHERE x.ja), count(*), count(*), NULL
FROM n3, LATERAL (VALUES ('note3_afgang_', n3.afgang), ('note3_placering_', n3.placering)) AS x (noegle, ja),
	 LATERAL (VALUES ('jki', true), ('indsats', n3.indsats)) AS g (hvem, med)
WHERE g.med
GROUP BY 1;

-- Tabel 4's spells that ended in job or education: the week after the spell is job or education
INSERT INTO m
SELECT 't4_afgang_job_' || t4.aar, 101, count(*) FILTER (WHERE x.job), count(*), count(*) FILTER (WHERE x.job), NULL
FROM t4, LATERAL (SELECT pg_temp.job_uddannelse(t4.pnr, t4.til) AS job) AS x
GROUP BY t4.aar;

-- first-generation immigrants among the adults (18 or more on 1 January 2014) of the areas
INSERT INTO m
SELECT CASE WHEN bo.fremskudt THEN 'fremskudt_indvandrere_voksne' ELSE 'udsat_indvandrere_voksne' END,
	   p.kommunekode, count(*) FILTER (WHERE b.herkomst LIKE 'indvandrer%'), count(*), count(*), NULL
FROM bo JOIN p USING (pnr) JOIN bg AS b USING (pnr)	-- bg: the 25 kommuner of seeds/002, København among them
WHERE p.foedselsdato <= date '1996-01-01'
GROUP BY 1, p.kommunekode;

/* ---------- seeds/004: a-dagpenge, sygedagpenge, jobparate (30+) and uddannelseshjælp in 2. kvartal 2017 ---------- */

INSERT INTO m
SELECT g.noegle, p.kommunekode,
	   sum(least(r.til, q.til) - greatest(r.fra, q.fra))
		   FILTER (WHERE r.code = ANY (g.num_codes)
					 AND p.foedselsdato <= date '2017-04-01' - make_interval(years => g.num_alder))::float8 / (q.til - q.fra),
	   sum(least(r.til, q.til) - greatest(r.fra, q.fra))::float8 / (q.til - q.fra),	-- den: a share's denominator; counts ignore it
	   count(DISTINCT r.pnr), NULL::float8
FROM (VALUES ('dp_fuldtid_2017q2', '{1201}'::int[], '{1201}'::int[], false, 0),
			 -- afsnit 4.3: the share of the a-dagpenge's fuldtidspersoner aged 50 or more on 1 April
			 ('dp_over50_2017q2', '{1201}', '{1201}', false, 50),
			 ('syge_fuldtid_2017q2', '{1301}', '{1301}', false, 0),
			 ('jp_fuldtid_2017q2', '{1111}', '{1111}', true, 0),
			 ('udd_fuldtid_2017q2', '{2121,2131}', '{2121,2131}', false, 0),
			 -- the aktivitetsparate's share of the uddannelseshjælp's fuldtidspersoner
			 ('udd_akt_andel_2017q2', '{2121}', '{2121,2131}', false, 0))
	 AS g (noegle, num_codes, codes, over30, num_alder),	-- num_alder: the numerator's least age
	 (SELECT pg_temp.wk(lower(quarter_weeks(2017, 2))) AS fra, pg_temp.wk(upper(quarter_weeks(2017, 2))) AS til) AS q,
	 r JOIN p USING (pnr)
WHERE r.code = ANY (g.codes) AND r.fra < q.til AND r.til > q.fra
  AND (NOT g.over30 OR p.foedselsdato <= date '2017-04-01' - interval '30 years')
GROUP BY g.noegle, p.kommunekode, q.fra, q.til
UNION ALL
-- of the persons on sygedagpenge in 2017-W14: a spell of more than 22 weeks by then
SELECT 'syge_over22_2017w14', p.kommunekode, count(*) FILTER (WHERE pg_temp.wk('2017-W14') - r.fra + 1 > 22),
	   count(*), count(*), NULL
FROM r JOIN p USING (pnr)
WHERE r.code = 1301 AND r.fra <= pg_temp.wk('2017-W14') AND r.til > pg_temp.wk('2017-W14')
GROUP BY p.kommunekode;
-- afsnit 4.4: of the persons on kontanthjælp as jobparat (1111, 1112) in 2017-W14 aged 30 or more
-- on 1 April 2017, the share of non-western origin (indvandrer ikke-vestlig or efterkommer)
INSERT INTO m
SELECT 'jp_ikkevestlig_2017w14', p.kommunekode,
	   count(*) FILTER (WHERE b.herkomst IN ('indvandrer ikke-vestlig', 'efterkommer')), count(*), count(*), NULL
FROM r JOIN p USING (pnr) JOIN bg AS b USING (pnr)	-- bg: the 25 kommuner of seeds/002, København among them
WHERE r.code IN (1111, 1112) AND r.fra <= pg_temp.wk('2017-W14') AND r.til > pg_temp.wk('2017-W14')
  AND p.kommunekode = 101 AND p.foedselsdato <= date '2017-04-01' - interval '30 years'
GROUP BY p.kommunekode;
-- the sygedagpenge as a share of the population aged 16-66 (the country's, afsnit 4.6)
INSERT INTO m
SELECT 'syge_andel_2017q2', k.kommunekode, coalesce(f.num, 0), k.p16, coalesce(f.n, 0), NULL
FROM popk k LEFT JOIN m f ON f.kommunekode = k.kommunekode AND f.noegle = 'syge_fuldtid_2017q2'
WHERE k.aar = 2017 AND k.kvartal = 2;

/* ---------- each target beside the document's figure ---------- */

CREATE TEMP TABLE resultat AS
SELECT t.nr, t.kilde, t.maal, t.geografi, t.vaerdi, t.enhed, t.tolerance,
	   CASE WHEN t.enhed = 'fuldtidspersoner' OR t.enhed = 'personer' THEN sum(m.num) / :scale
			WHEN t.enhed = 'år' THEN sum(m.num) / sum(m.den)
			ELSE 100 * sum(m.num) / sum(m.den) END AS opnaaet,
	   sum(m.n) AS n,
	   -- standard error of the figure at this scale
	   CASE WHEN t.enhed IN ('fuldtidspersoner', 'personer') THEN sum(m.num) / :scale / sqrt(sum(m.n))
			WHEN t.enhed = 'år' THEN sqrt((sum(m.sq) / sum(m.den) - (sum(m.num) / sum(m.den)) ^ 2) / sum(m.n))
			WHEN t.enhed LIKE 'pct. af befolkningen%' THEN 100 * sum(m.num) / sum(m.den) / sqrt(sum(m.n))
			ELSE 100 * sqrt((sum(m.num) / sum(m.den)) * (1 - sum(m.num) / sum(m.den)) / sum(m.n)) END AS se
FROM synth_target t
JOIN m ON m.noegle = t.noegle AND (t.kommuner IS NULL OR m.kommunekode = ANY (t.kommuner))
GROUP BY t.nr, t.kilde, t.maal, t.geografi, t.vaerdi, t.enhed, t.tolerance;

SELECT nr, kilde, left(maal, 50) AS maal, geografi, vaerdi,
	   round(opnaaet::numeric, CASE WHEN enhed IN ('fuldtidspersoner', 'personer') THEN 0
									WHEN enhed LIKE 'pct. af befolkningen%' THEN 2 ELSE 1 END) AS opnaaet,
	   CASE WHEN tolerance IS NULL THEN NULL
			ELSE abs(opnaaet - vaerdi) <= tolerance + :widen * se END AS inden_for
FROM resultat ORDER BY nr;

-- the curves' shapes; at widen > 0 a difference may miss by :widen standard errors.
-- Shares (percent) in København (k), the klynge (c) and the country (l), and their n
CREATE TEMP TABLE kcl AS
SELECT noegle, 100 * sum(num) FILTER (WHERE kommunekode = 101) / sum(den) FILTER (WHERE kommunekode = 101) AS k,
	   100 * sum(num) FILTER (WHERE kommunekode IN (153, 165, 169, 183, 360))
		   / sum(den) FILTER (WHERE kommunekode IN (153, 165, 169, 183, 360)) AS c,
	   100 * sum(num) / sum(den) AS l,
	   sum(den) FILTER (WHERE kommunekode = 101) AS nk,
	   sum(den) FILTER (WHERE kommunekode IN (153, 165, 169, 183, 360)) AS nc, sum(den) AS nl
FROM m WHERE noegle LIKE 'akt_nye_s%' OR noegle IN ('akt_anc_over2_2015w10', 'akt_anc_over3_2015w10')
GROUP BY noegle;
CREATE TEMP TABLE s3 AS
SELECT substring(noegle FROM 'akt_nye_s([0-9]+)_')::int AS t, * FROM kcl WHERE noegle LIKE 'akt_nye_s%';
-- the fall from week 17 to 52 per region, with a standard error (percentage points) that
-- ignores the correlation of the two shares, so errs on the large side
CREATE TEMP TABLE fall AS
SELECT a.k - b.k AS k, a.c - b.c AS c, a.l - b.l AS l,
	   sqrt((a.k * (100 - a.k) + b.k * (100 - b.k)) / a.nk) AS sek,
	   sqrt((a.c * (100 - a.c) + b.c * (100 - b.c)) / a.nc) AS sec,
	   sqrt((a.l * (100 - a.l) + b.l * (100 - b.l)) / a.nl) AS sel
FROM s3 a, s3 b WHERE a.t = 17 AND b.t = 52;
-- seeds/004 afsnit 4.3: of the persons on a-dagpenge (1201, 1202) in 2017-W14 in the 30 largest
-- kommuner (by persons aged 16-66), the share in job or education in 2017-W40: code SU (1901), or
-- no code and a grad above 0 in October 2017 (the month of the week's Thursday)
CREATE TEMP TABLE k30 AS
SELECT kommunekode FROM synth_kommune_pop ORDER BY pop_16_66 DESC, kommunekode LIMIT 30;
DELETE FROM k30 WHERE kommunekode NOT IN (SELECT kommunekode FROM p);
CREATE TEMP TABLE dp30 AS
SELECT p.kommunekode, r.pnr
FROM r JOIN p USING (pnr)
WHERE r.code IN (1201, 1202) AND r.fra <= pg_temp.wk('2017-W14') AND r.til > pg_temp.wk('2017-W14')
  AND p.kommunekode IN (SELECT kommunekode FROM k30);
CREATE TEMP TABLE dp30job AS
SELECT e.pnr FROM synth_employment(:seed, :scale, (SELECT coalesce(array_agg(kommunekode), '{}') FROM k30), '2017-10-01') AS e
WHERE e.first_month = date '2017-10-01' AND e.grads[1] > 0 AND e.pnr IN (SELECT pnr FROM dp30);
CREATE TEMP TABLE dprang AS
SELECT d.kommunekode, avg(x.job::int) AS andel, sqrt(avg(x.job::int) * (1 - avg(x.job::int)) / count(*)) AS se
FROM dp30 d
LEFT JOIN LATERAL (SELECT r.code FROM r WHERE r.pnr = d.pnr AND r.fra <= pg_temp.wk('2017-W40') AND r.til > pg_temp.wk('2017-W40')) AS c ON true,
	 LATERAL (SELECT coalesce(c.code = 1901, d.pnr IN (SELECT pnr FROM dp30job)) AS job) AS x
GROUP BY d.kommunekode;

CREATE TEMP TABLE form AS
SELECT 'Figur 3: the first 16 weeks about as in the klynge' AS form,
	   (SELECT k - c BETWEEN -1 - :widen * se AND 4 + :widen * se
		FROM s3, LATERAL (SELECT sqrt(k * (100 - k) / nk + c * (100 - c) / nc) AS se) AS x WHERE t = 16) AS ok
UNION ALL
SELECT 'Figur 3: after week 17 København flattens, the klynge and the country fall on',
	   (SELECT k - c < :widen * sqrt(sek ^ 2 + sec ^ 2) AND k - l < :widen * sqrt(sek ^ 2 + sel ^ 2) FROM fall)
UNION ALL
SELECT 'Figur 2: the whole country has shorter spells than København and the klynge',
	   (SELECT bool_and(l - k < :widen * sqrt(k * (100 - k) / nk + l * (100 - l) / nl)
						AND l - c < :widen * sqrt(c * (100 - c) / nc + l * (100 - l) / nl))
		FROM kcl WHERE noegle LIKE 'akt_anc_%')
UNION ALL
-- at widen > 0 another kommune counts as below København only by more than :widen standard errors
SELECT 'seeds/004 afsnit 4.3: København is the last of the 30 largest kommuner at getting dagpengemodtagere into job',
	   (SELECT count(*) = 0 FROM dprang o, dprang k WHERE k.kommunekode = 101 AND o.kommunekode <> 101
		AND o.andel + :widen * o.se < k.andel)
	   OR NOT EXISTS (SELECT FROM dprang WHERE kommunekode = 101);
-- Figur 1, 6 and 7 (demo/17_…): København's place among all kommuner, 1st quarter 2015;
-- at widen > 0 another kommune counts as above (below) København only when it is so by more
-- than :widen standard errors of its own share
CREATE TEMP TABLE rang AS
SELECT m.noegle, m.kommunekode, m.num / m.den AS andel,
	   CASE WHEN m.noegle = 'ledy_andel_fleks_2015q1' THEN sqrt((m.num / m.den) * (1 - m.num / m.den) / m.n)
			ELSE m.num / m.den / sqrt(m.n) END AS se
FROM m WHERE m.noegle IN ('akt_fuldtid_2015q1', 'fleks_fuldtid_2015q1', 'ledy_andel_fleks_2015q1') AND m.den > 0 AND m.n > 0;
INSERT INTO form
SELECT 'Figur 1: København has the highest share of aktivitetsparate in the country',
	   (SELECT count(*) = 0 FROM rang o, rang k WHERE o.noegle = 'akt_fuldtid_2015q1' AND k.noegle = o.noegle
		AND k.kommunekode = 101 AND o.kommunekode <> 101 AND o.andel - :widen * o.se > k.andel)
UNION ALL
SELECT 'Figur 6: København is among the three kommuner with the fewest fleksjobvisiterede',
	   (SELECT count(*) <= 2 FROM rang o, rang k WHERE o.noegle = 'fleks_fuldtid_2015q1' AND k.noegle = o.noegle
		AND k.kommunekode = 101 AND o.kommunekode <> 101 AND o.andel + :widen * o.se < k.andel)
UNION ALL
SELECT 'Figur 7: at most one kommune has a higher ledighed among fleksjobvisiterede than København',
	   (SELECT count(*) <= 1 FROM rang o, rang k WHERE o.noegle = 'ledy_andel_fleks_2015q1' AND k.noegle = o.noegle
		AND k.kommunekode = 101 AND o.kommunekode <> 101 AND o.andel - :widen * o.se > k.andel);
-- seeds/000 Figur 8 (demo/17_…): the ledige (ledighedsydelse, 1501) among the fleksjobvisiterede
-- (1401, 1501), fuldtidspersoner aged 30 or more on the quarter's first day, a year pooling its
-- quarters; København (k), the ledighedsydelse klynge (c) and the country (l), and their
-- person-years.  "3-5 pct.-point" as printed integers: a gap of 2.5-5.5 points in 2004-2012.
CREATE TEMP TABLE f8 AS
WITH q AS (
	SELECT aar, pg_temp.wk(lower(quarter_weeks(aar, kv))) AS fra, pg_temp.wk(upper(quarter_weeks(aar, kv))) AS til,
		   make_date(aar, 3 * kv - 2, 1) AS d
	FROM generate_series(2004, 2014) AS aar, generate_series(1, 4) AS kv),
g AS (
	SELECT q.aar, p.kommunekode, (least(r.til, q.til) - greatest(r.fra, q.fra))::float8 AS uger, r.code = 1501 AS ledig
	FROM r JOIN p USING (pnr) JOIN q ON r.fra < q.til AND r.til > q.fra AND p.foedselsdato <= q.d - interval '30 years'
	WHERE r.code IN (1401, 1501))
SELECT aar, 100 * sum(uger) FILTER (WHERE ledig AND kommunekode = 101) / sum(uger) FILTER (WHERE kommunekode = 101) AS k,
	   100 * sum(uger) FILTER (WHERE ledig AND kommunekode IN (155, 190, 219, 269))
		   / sum(uger) FILTER (WHERE kommunekode IN (155, 190, 219, 269)) AS c,
	   100 * sum(uger) FILTER (WHERE ledig) / sum(uger) AS l,
	   sum(uger) FILTER (WHERE kommunekode = 101) / 52 AS nk,
	   sum(uger) FILTER (WHERE kommunekode IN (155, 190, 219, 269)) / 52 AS nc, sum(uger) / 52 AS nl
FROM g GROUP BY aar;
INSERT INTO form
SELECT 'Figur 8: København 3-5 points above the country in every year 2004-2012',
	   (SELECT bool_and(k - l BETWEEN 2.5 - :widen * se AND 5.5 + :widen * se)
		FROM f8, LATERAL (SELECT sqrt(k * (100 - k) / nk + l * (100 - l) / nl) AS se) AS x WHERE aar <= 2012)
UNION ALL
SELECT 'Figur 8: København above the klynge in 2004-2014 but in 2009, on a level (within 1 point) in 2009',
	   (SELECT bool_and(CASE WHEN aar = 2009 THEN abs(k - c) <= 1 + :widen * se ELSE k - c > -:widen * se END)
		FROM f8, LATERAL (SELECT sqrt(k * (100 - k) / nk + c * (100 - c) / nc) AS se) AS x);
SELECT * FROM form;

-- every target with a tolerance is computed and met, and every shape holds
SELECT count(*) AS maal_med_tolerance,
	   count(*) FILTER (WHERE abs(x.opnaaet - t.vaerdi) <= t.tolerance + :widen * x.se) AS inden_for,
	   'kalibreret: ' || (count(*) = count(*) FILTER (WHERE abs(x.opnaaet - t.vaerdi) <= t.tolerance + :widen * x.se)
						   AND (SELECT bool_and(ok) FROM form)) AS resultat
FROM synth_target t LEFT JOIN resultat x USING (nr)
WHERE t.tolerance IS NOT NULL;
