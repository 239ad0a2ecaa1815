-- seeds/003 Tabel 5, the goals for gruppe 1 and 2 and for the helhedsorienterede mentorer:
-- - gruppe 1 (an intensive, job-directed forløb of up to 13 weeks): "74 pct. ... er kommet i
--   virksomhedspraktik inden for 13 uger og 84 pct. ... inden for 26 uger";
-- - gruppe 2 (virksomhedsforberedende forløb): "13 pct. ... er kommet i en virksomhedspraktik
--   inden for 26 uger";
--   both for forløb started January - April 2016 (notes 3 and 4);
-- - "26 pct. af borgerne har i forlængelse af deres helhedsorienterede mentorforløb deltaget i
--   et ordinært aktiveringstilbud" (January 2015 - September 2016), and the share of the
--   aktivitetsparate over 30 with a helhedsorienteret mentor: 21 pct. (November 2015) and
--   9 pct. (September 2016).
--
-- The register has no gruppe: the groups are the kommune's own visitation.  (The mentor
-- figures are in 27_s003_mentor.sql: register.mentor.)  So:
-- - a forløb (chosen) is a new activation period: an offer started in January - April 2016 by
--   a person in København aged 30 or more who is aktivitetsparat in the week it starts, with
--   no offer on any of the 91 days (13 weeks) before;
-- - gruppe 1 is read as every such forløb (the register cannot tell the groups apart), gruppe 2
--   as those that start with vejledning og opkvalificering (virksomhedsforberedende);
-- - the outcome is the first virksomhedspraktik starting on or after the forløb's first day;
--   `andel_inden_for` gives the share within 13 and 26 weeks (start week included, so 13
--   weeks are the start week and the 12 after), all forløb followed to 2024.  The share with
--   any virksomhedsrettet offer (praktik or løntilskud, the goal's "virksomhedsplacering") is
--   printed beside.
-- The generator draws each offer's type independently of the ones before (synth/README.md),
-- so the register has no forløb built to lead to a praktik: its shares show what offers drawn
-- at random give, far from the document's, and are not calibrated.
CREATE TEMP TABLE tabel5_forloeb AS
WITH o AS (                     -- København's offers, with the last day of the person's earlier offers
	SELECT t.pnr, t.tilbudstype, t.periode,
		   max(upper(t.periode)) OVER (PARTITION BY t.pnr ORDER BY lower(t.periode), upper(t.periode)
									   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS tidligere_slut
	FROM register.tilbud t
	WHERE t.pnr IN (SELECT pnr FROM register.person WHERE kommunekode = 101)),
starter AS (                    -- new activation periods started January - April 2016
	SELECT o.pnr, o.tilbudstype, lower(o.periode) AS startdag
	FROM o
	WHERE lower(o.periode) <@ daterange('2016-01-01', '2016-05-01')
	  AND (o.tidligere_slut IS NULL OR o.tidligere_slut < lower(o.periode) - 91))
SELECT s.pnr, s.tilbudstype AS foerste_tilbud, isoweek(s.startdag) AS start,
	   (SELECT isoweek(min(lower(t.periode))) FROM register.tilbud t
		WHERE t.pnr = s.pnr AND t.tilbudstype = 'virksomhedspraktik' AND lower(t.periode) >= s.startdag) AS praktik,
	   (SELECT isoweek(min(lower(t.periode))) FROM register.tilbud t JOIN tilbudstype y ON y.kode = t.tilbudstype
		WHERE t.pnr = s.pnr AND y.virksomhedsrettet AND lower(t.periode) >= s.startdag) AS virksomhedsrettet
FROM starter s
JOIN register.person p USING (pnr)
JOIN register.dream d USING (pnr)
WHERE code_at(d.uger, isoweek(s.startdag)) = ANY (codes('synthetic', 'kontanthjælp aktivitetsparat'))
  AND p.foedselsdato <= s.startdag - interval '30 years';

-- the forløb by their first offer
SELECT foerste_tilbud, count(*) AS forloeb FROM tabel5_forloeb GROUP BY 1 ORDER BY 2 DESC;

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/003 Tabel 5', x.maal, 'København', 'pct.', x.dokument, 100 * x.jobreg, NULL
FROM (SELECT andel_inden_for(start, praktik, 13, '2024-W52') AS g1_praktik_13,
			 andel_inden_for(start, praktik, 26, '2024-W52') AS g1_praktik_26,
			 andel_inden_for(start, virksomhedsrettet, 13, '2024-W52') AS g1_virk_13,
			 andel_inden_for(start, virksomhedsrettet, 26, '2024-W52') AS g1_virk_26,
			 andel_inden_for(start, praktik, 26, '2024-W52')
				 FILTER (WHERE foerste_tilbud = 'vejledning_opkvalificering') AS g2_praktik_26
	  FROM tabel5_forloeb) AS a,
	 LATERAL (VALUES
		(1, 'gruppe 1: i virksomhedspraktik inden for 13 uger', 74::float8, a.g1_praktik_13),
		(2, 'gruppe 1: i virksomhedspraktik inden for 26 uger', 84, a.g1_praktik_26),
		(3, 'gruppe 1: i virksomhedsrettet tilbud inden for 13 uger', NULL, a.g1_virk_13),
		(4, 'gruppe 1: i virksomhedsrettet tilbud inden for 26 uger', NULL, a.g1_virk_26),
		(5, 'gruppe 2: i virksomhedspraktik inden for 26 uger', 13, a.g2_praktik_26))
	 AS x (nr, maal, dokument, jobreg)
ORDER BY x.nr
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
