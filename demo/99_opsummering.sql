-- The self-check: every figure the demo files printed (register.demo_figur) against the
-- calibration targets of the synthetic register (synth_target: the documents' figures and
-- the tolerance the generator is calibrated to).  A demo figure meets its target when it
-- follows the target's definition (noegle), is for the same geografi and the document
-- printed the same figure.  At a scale below 1 the register is a sample and its figures
-- are noisy: the tolerances are for scale 1.  A miss is reported, not an error.
\pset footer off

-- how many targets the demo computed and how many are within their tolerance (a figure
-- printed twice, as seeds/000's and seeds/003's 1st quarter of 2015, is the same figure)
SELECT (SELECT skala FROM register.udtraek) AS skala,
	   count(*) AS maal_med_tolerance,
	   count(f.jobreg) AS beregnet_af_demo,
	   count(*) FILTER (WHERE abs(f.jobreg - t.vaerdi) <= t.tolerance) AS inden_for_tolerancen
FROM synth_target t
LEFT JOIN LATERAL (SELECT f.jobreg FROM register.demo_figur f
				   WHERE f.noegle = t.noegle AND f.geografi = t.geografi AND f.dokument = t.vaerdi LIMIT 1) AS f ON true
WHERE t.tolerance IS NOT NULL;

-- the misses: figures outside their tolerance, and targets no demo file computed
SELECT t.nr, t.kilde, left(t.maal, 60) AS maal, t.geografi,
	   register.tal(t.vaerdi, t.enhed, t.vaerdi) AS dokumentet,
	   coalesce(register.tal(f.jobreg, t.enhed, t.vaerdi, 1), 'ikke beregnet') AS jobreg,
	   CASE WHEN t.enhed IN ('fuldtidspersoner', 'personer') THEN dk_number(round(f.jobreg - t.vaerdi)::numeric)
			ELSE dk_number((f.jobreg - t.vaerdi)::numeric, 2) || CASE WHEN t.enhed LIKE 'pct.%' THEN ' point' ELSE '' END
	   END AS afvigelse,
	   dk_number(t.tolerance::numeric, CASE WHEN t.tolerance < 1 THEN 2 ELSE 0 END) AS tolerance
FROM synth_target t
LEFT JOIN LATERAL (SELECT f.jobreg FROM register.demo_figur f
				   WHERE f.noegle = t.noegle AND f.geografi = t.geografi AND f.dokument = t.vaerdi LIMIT 1) AS f ON true
WHERE t.tolerance IS NOT NULL
  AND (f.jobreg IS NULL OR abs(f.jobreg - t.vaerdi) > t.tolerance)
ORDER BY t.nr;

-- demo figures with a document figure that is no calibration target (printed for reference)
SELECT f.kilde, left(f.maal, 60) AS maal, f.geografi,
	   register.tal(f.dokument, f.enhed, f.dokument) AS dokumentet, register.tal(f.jobreg, f.enhed, f.dokument, 1) AS jobreg
FROM register.demo_figur f
WHERE f.dokument IS NOT NULL
  AND NOT EXISTS (SELECT FROM synth_target t
				  WHERE t.noegle = f.noegle AND t.geografi = f.geografi AND t.vaerdi = f.dokument AND t.tolerance IS NOT NULL)
ORDER BY f.kilde, f.maal, f.geografi;

-- per document: the tables, figures and sections the demo answered (kilde) and the figures
-- printed beside the document's
SELECT split_part(f.kilde, ' ', 1) AS dokument, count(DISTINCT f.kilde) AS tabeller_figurer_afsnit,
	   count(*) FILTER (WHERE f.dokument IS NOT NULL) AS tal_ved_dokumentets,
	   count(*) FILTER (WHERE f.noegle IS NOT NULL AND EXISTS (
		   SELECT FROM synth_target t WHERE t.noegle = f.noegle AND t.geografi = f.geografi
		   AND t.vaerdi = f.dokument AND t.tolerance IS NOT NULL)) AS heraf_kalibrerede
FROM register.demo_figur f
GROUP BY 1 ORDER BY 1;
