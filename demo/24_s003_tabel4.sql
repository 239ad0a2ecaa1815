-- seeds/003 Tabel 4: Center for Jobindsats' (JKI) results for the aktivitetsparate over 30,
-- 2014, 2015 and 2016 (January - October): forløb ended in job or uddannelse (644 / 677 /
-- 767) and virksomhedsplaceringer (2.987 / 3.404 / 3.646); and the text: January - October
-- 2016, "4,5 pct. af kontaktforløbene for aktivitetsparate kontanthjælpsmodtagere over 30 år
-- [er] blevet afsluttet til job eller uddannelse".
--
-- The document counts in BIFLIS, the kommune's own case system; the register has no
-- kontaktforløb, so the demo counts what DREAM and the offers show.  Definitions (chosen):
-- - a kontaktforløb is a spell as aktivitetsparat (`spells`, breaks of up to 5 weeks bridged:
--   STAR's rule, so a short break is not an ending) of a person in København aged 30 or more
--   in the week it ends or, for the 4,5 pct., in the first week of the period it touches;
-- - it ends "til job eller uddannelse" when the first week after it is job or education on the
--   status history (`status_history`: no benefit code and a grad above 0 in the week's month,
--   or SU); a week with neither code nor grad (self-supported without registered income) is not
--   a job; it is counted in the year of that first week;
-- - a virksomhedsplacering is a virksomhedsrettet offer (the `tilbudstype` table, as in
--   Tabel 6) starting in the year while the person is aktivitetsparat in København, aged 30
--   or more.
-- The 4,5 pct. is the forløb ended in job or uddannelse in January - October 2016 ÷ the forløb
-- running in some week of it (767 ÷ 4,5 pct. = about 17.000 forløb).  The register is not
-- calibrated to these figures: they are printed as the model gives them.
CREATE TEMP TABLE tabel4_perioder AS
SELECT * FROM (VALUES
	('2014', weekrange(lower(quarter_weeks(2014, 1)), upper(quarter_weeks(2014, 4))), daterange('2014-01-01', '2015-01-01')),
	('2015', weekrange(lower(quarter_weeks(2015, 1)), upper(quarter_weeks(2015, 4))), daterange('2015-01-01', '2016-01-01')),
	('2016 (oktober)', weekrange(lower(month_weeks(2016, 1)), upper(month_weeks(2016, 10))), daterange('2016-01-01', '2016-11-01'))) AS e (aar, uger, dage);

CREATE TEMP TABLE tabel4_forloeb AS
SELECT e.aar, count(*) AS forloeb,
	   count(*) FILTER (WHERE upper(s.spell) <@ e.uger
						AND code_at(status_history(d.uger, b.maaneder, 'synthetic', '{SU}'), upper(s.spell)) IN (1, 2)
						AND p.foedselsdato <= monday(upper(s.spell)) - interval '30 years') AS job_uddannelse
FROM register.person p
JOIN register.dream d USING (pnr)
JOIN register.beskaeftigelse b USING (pnr),
	 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS akt) AS k,
	 spells(d.uger, k.akt, 5) AS s,
	 tabel4_perioder AS e
WHERE p.kommunekode = 101
  AND weeks_in(d.uger, k.akt, weekrange(lower(quarter_weeks(2014, 1)), upper(month_weeks(2016, 10)))) > 0
  AND (s.spell && e.uger OR upper(s.spell) <@ e.uger)
  AND p.foedselsdato <= monday(greatest(lower(s.spell), lower(e.uger))) - interval '30 years'
GROUP BY e.aar;

CREATE TEMP TABLE tabel4_placeringer AS
SELECT e.aar, count(*) AS virksomhedsplaceringer
FROM register.tilbud t
JOIN tilbudstype y ON y.kode = t.tilbudstype AND y.virksomhedsrettet
JOIN register.person p USING (pnr)
JOIN register.dream d USING (pnr)
JOIN tabel4_perioder e ON lower(t.periode) <@ e.dage
WHERE p.kommunekode = 101
  AND code_at(d.uger, isoweek(lower(t.periode))) = ANY (codes('synthetic', 'kontanthjælp aktivitetsparat'))
  AND p.foedselsdato <= lower(t.periode) - interval '30 years'
GROUP BY e.aar;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/003 Tabel 4', x.maal || ', ' || f.aar, 'København', x.enhed, x.dokument, x.jobreg, NULL
FROM tabel4_forloeb f
JOIN tabel4_placeringer v USING (aar)
JOIN (VALUES ('2014', 644, 2987), ('2015', 677, 3404), ('2016 (oktober)', 767, 3646))
	 AS d (aar, job_uddannelse, virksomhedsplaceringer) USING (aar),
	 LATERAL (VALUES
		(1, 'forløb afsluttet til job eller uddannelse', 'personer', d.job_uddannelse::float8,
		 f.job_uddannelse / (SELECT skala FROM register.udtraek)),
		(2, 'virksomhedsplaceringer', 'personer', d.virksomhedsplaceringer,
		 v.virksomhedsplaceringer / (SELECT skala FROM register.udtraek)),
		(3, 'andel af forløbene afsluttet til job eller uddannelse', 'pct.',
		 CASE WHEN f.aar = '2016 (oktober)' THEN 4.5 END, 100.0 * f.job_uddannelse / f.forloeb))
	 AS x (nr, maal, enhed, dokument, jobreg)
ORDER BY x.nr, f.aar
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;

-- how the forløb ended, January - October 2016 (the register's view of "job eller uddannelse"):
-- the state of the status history in the first week after the forløb
SELECT t.label AS afgang_til,
	   dk_number(round(count(*) / (SELECT skala FROM register.udtraek))::numeric) AS forloeb
FROM register.person p
JOIN register.dream d USING (pnr)
JOIN register.beskaeftigelse b USING (pnr),
	 spells(d.uger, codes('synthetic', 'kontanthjælp aktivitetsparat'), 5) AS s,
	 LATERAL (SELECT code_at(status_history(d.uger, b.maaneder, 'synthetic', '{SU}'), upper(s.spell)) AS state) AS x
LEFT JOIN status_states('synthetic', '{SU}') AS t USING (state)
WHERE p.kommunekode = 101
  AND upper(s.spell) <@ weekrange(lower(month_weeks(2016, 1)), upper(month_weeks(2016, 10)))
  AND p.foedselsdato <= monday(upper(s.spell)) - interval '30 years'
GROUP BY 1 ORDER BY count(*) DESC;
