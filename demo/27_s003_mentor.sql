-- seeds/003 (København's follow-up, 2016), Tabel 5 "Mål for borgere med helhedsorienteret
-- mentor": when the agreement was made in November 2015, 21 pct. of the aktivitetsparate over 30
-- had a helhedsorienteret mentor, in September 2016 9 pct.; 26 pct. of the borgere took part in an
-- ordinary activation offer in continuation of their mentor forløb (the goal from then on: 25
-- pct.).
--
-- Definitions (synth_maal mentor_andel_2015m11, mentor_andel_2016m9, mentor_tilbud_2015_2016):
-- * the share: persons aktivitetsparat on kontanthjælp in the week (2015-W46, 9-15 November
--   2015; 2016-W37, 12-18 September 2016), aged 30 or more on its Monday, with a mentor period
--   (register.mentor) on some day of the week;
-- * "i forlængelse af mentorforløbet": mentor periods that ended January 2015 - September 2016
--   (the document's note [6]), of persons aged 30 or more, followed by an offer of any type that
--   starts within 28 days after the period's last day (the document does not say how soon:
--   4 weeks is chosen).  With 8 weeks instead of 4 the share is
--   printed beside (not calibrated).
CREATE TEMP TABLE s003_mentor AS
WITH andel AS (
	SELECT x.navn, count(*) AS akt,
		   count(*) FILTER (WHERE EXISTS (SELECT FROM register.mentor m
										  WHERE m.pnr = p.pnr AND m.periode && daterange(monday(x.uge), monday(x.uge) + 7))) AS med_mentor
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS akt) AS k,
		 (VALUES ('2015m11', '2015-W46'::isoweek), ('2016m9', '2016-W37'::isoweek)) AS x (navn, uge)
	WHERE p.kommunekode = 101
	  AND code_at(d.uger, x.uge) = ANY (k.akt)
	  AND p.foedselsdato <= monday(x.uge) - interval '30 years'
	GROUP BY x.navn),
forloeb AS (
	SELECT count(*) AS n,
		   count(*) FILTER (WHERE EXISTS (SELECT FROM register.tilbud t WHERE t.pnr = m.pnr
										  AND lower(t.periode) >= upper(m.periode) AND lower(t.periode) < upper(m.periode) + 28)) AS tilbud_4,
		   count(*) FILTER (WHERE EXISTS (SELECT FROM register.tilbud t WHERE t.pnr = m.pnr
										  AND lower(t.periode) >= upper(m.periode) AND lower(t.periode) < upper(m.periode) + 56)) AS tilbud_8
	FROM register.mentor m JOIN register.person p USING (pnr)
	WHERE upper(m.periode) > date '2015-01-01' AND upper(m.periode) <= date '2016-10-01'
	  AND p.foedselsdato <= upper(m.periode) - interval '30 years')
SELECT v.*
FROM forloeb f,
	 LATERAL (VALUES
		(1, 'aktivitetsparate over 30 år med en helhedsorienteret mentor, november 2015', 21,
		 (SELECT 100.0 * med_mentor / nullif(akt, 0) FROM andel WHERE navn = '2015m11'), 'mentor_andel_2015m11'),
		(2, 'aktivitetsparate over 30 år med en helhedsorienteret mentor, september 2016', 9,
		 (SELECT 100.0 * med_mentor / nullif(akt, 0) FROM andel WHERE navn = '2016m9'), 'mentor_andel_2016m9'),
		(3, 'mentorforløb efterfulgt af et ordinært aktiveringstilbud (inden for 4 uger)', 26,
		 100.0 * f.tilbud_4 / nullif(f.n, 0), 'mentor_tilbud_2015_2016'),
		(4, 'alternativ: efterfulgt af et tilbud inden for 8 uger', 26, 100.0 * f.tilbud_8 / nullif(f.n, 0), NULL))
	 AS v (nr, maal, dokument, jobreg, noegle);

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/003 Tabel 5', maal, 'København', 'pct.', dokument, jobreg, noegle
FROM s003_mentor ORDER BY nr
RETURNING kilde, maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
