-- seeds/000 Figur 4 and 5: the aktivitetsparate kontanthjælpsmodtagere of week 10 of 2014
-- (new and long-term alike), month by month for a year: still aktivitetsparate, in job, or
-- on other benefits?  København (Figur 4) and the whole country (Figur 5); the text gives
-- the status after 12 months: 88/2/10 pct. in København, 79/2/19 pct. in the country.
--
-- Definition (synth_maal akt_status52_akt/job/andre_2014w10): persons with code
-- aktivitetsparat in 2014-W10, aged 30 or more on 2014-03-03, by their code in each week
-- from 2014-W10 to 2015-W10: aktivitetsparat (state 1); no code (state 0: self-supported,
-- taken as in job, as the register has no employment data); any other code (state 2: other
-- benefits, jobparat included).  The document's three groups add up to 100, so its "i
-- beskæftigelse" is everyone off benefits (selvforsørgelse); the alternatives are printed
-- beside it: off benefits with wages in the month (eIndkomst's grad, register.beskaeftigelse),
-- and jobparat on kontanthjælp counted apart from the other benefits.
-- weekline_recode maps the codebook's codes to the three
-- states, `flow` follows the cohort week by week (one mergeable state per kommune, merged
-- for København and the whole country), and flow_svg draws the figures.  The register runs
-- to 2024, so nobody is censored within the year and the shares are the plain shares.
\if :{?outdir}
\else
\set outdir .
\endif
CREATE TEMP TABLE figur4_5_kommune AS
WITH tilstande AS (               -- every code of the codebook but 0: aktivitetsparat 1, other 2
	SELECT array_agg(c.code ORDER BY c.code) AS koder,
		   array_agg(CASE WHEN c.code = ANY (k.akt) THEN 1 ELSE 2 END ORDER BY c.code) AS tilstand
	FROM codebook c, (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS akt) AS k
	WHERE c.codebook = 'synthetic' AND c.code <> 0)
SELECT p.kommunekode, flow(weekline_recode(d.uger, t.koder, t.tilstand), '2014-W10', 52) AS f,
	   -- for the check below: each person's code in 2015-W10 read with code_at
	   count(*) AS personer,
	   count(*) FILTER (WHERE s.kode = ANY (k.akt)) AS akt_52,
	   count(*) FILTER (WHERE s.kode = 0) AS job_52,
	   -- the alternatives: off benefits with wages in the month, and jobparat
	   count(*) FILTER (WHERE s.kode = 0 AND s.grad > 0) AS loen_52,
	   count(*) FILTER (WHERE s.kode = ANY (k.jobparat)) AS jobparat_52
FROM register.person p
JOIN register.dream d USING (pnr)
LEFT JOIN register.beskaeftigelse e USING (pnr),
	 tilstande AS t,
	 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat') AS akt,
			 codes('synthetic', 'kontanthjælp jobparat') AS jobparat) AS k,
	 -- the code and the month's grad in 2015-W10, 52 weeks after the origin
	 LATERAL (SELECT code_at(d.uger, '2014-W10'::isoweek + 52) AS kode,
					 grad_at(e.maaneder, '2014-W10'::isoweek + 52) AS grad) AS s
WHERE code_at(d.uger, '2014-W10') = ANY (k.akt)
  AND p.foedselsdato <= date '2014-03-03' - interval '30 years'
GROUP BY p.kommunekode;

CREATE TEMP TABLE figur4_5 AS
SELECT g.geografi, flow_merge(k.f) AS f, sum(k.personer) AS personer, sum(k.akt_52) AS akt_52,
	   sum(k.job_52) AS job_52, sum(k.loen_52) AS loen_52, sum(k.jobparat_52) AS jobparat_52
FROM figur4_5_kommune AS k
JOIN register.geografi AS g ON g.kommunekode = k.kommunekode
	AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND g.geografi <> 'klyngen'
GROUP BY g.geografi;

-- month by month (month m = week round(52 m / 12) after 2014-W10), as the figures draw it
SELECT f.geografi, m.maaned, m.uge,
	   dk_number(sum(t.persons)::numeric) AS personer,
	   dk_pct(sum(t.share) FILTER (WHERE t.code = 1), 1) AS stadig_aktivitetsparat,
	   dk_pct(sum(t.share) FILTER (WHERE t.code = 0), 1) AS i_job,
	   dk_pct(sum(t.share) FILTER (WHERE t.code = 2), 1) AS andre_ydelser
FROM figur4_5 AS f,
	 LATERAL (SELECT maaned, round(52 * maaned / 12.0)::int AS uge FROM generate_series(0, 12) AS maaned) AS m,
	 LATERAL flow_table(f.f) AS t
WHERE t.week = m.uge
GROUP BY f.geografi, m.maaned, m.uge
ORDER BY f.geografi = 'hele landet', m.maaned;

-- the figures after 12 months as the document prints them, jobreg's beside; kept for
-- 99_opsummering.sql.  The check column: each person's code in 2015-W10 read with code_at
-- (counted in the same pass as the flows) gives the same shares (no censoring within the year).
WITH slut AS (
	SELECT f.geografi,
		   sum(t.share) FILTER (WHERE t.code = 1) AS stadig_aktivitetsparat,
		   sum(t.share) FILTER (WHERE t.code = 0) AS i_job,
		   sum(t.share) FILTER (WHERE t.code = 2) AS andre_ydelser
	FROM figur4_5 AS f, flow_table(f.f) AS t
	WHERE t.week = 52
	GROUP BY f.geografi),
code_at_52 AS (
	SELECT geografi, akt_52::float8 / personer AS stadig_aktivitetsparat, job_52::float8 / personer AS i_job,
		   (personer - akt_52 - job_52)::float8 / personer AS andre_ydelser
	FROM figur4_5),
tal AS (
	INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
	SELECT 'seeds/000 Figur 4-5', r.maal, s.geografi, 'pct.', r.dokument, r.jobreg, r.noegle
	FROM slut AS s
	JOIN (VALUES ('København', 88, 2, 10), ('hele landet', 79, 2, 19)) AS d (geografi, akt, job, andre) USING (geografi),
		 LATERAL (VALUES
			(1, 'stadig aktivitetsparate efter 12 måneder', d.akt, 100 * s.stadig_aktivitetsparat, 'akt_status52_akt_2014w10'),
			(2, 'i beskæftigelse (selvforsørget)', d.job, 100 * s.i_job, 'akt_status52_job_2014w10'),
			(3, 'på andre ydelser', d.andre, 100 * s.andre_ydelser, 'akt_status52_andre_2014w10'))
		 AS r (nr, maal, dokument, jobreg, noegle)
	RETURNING maal, geografi, enhed, dokument, jobreg, noegle)
SELECT t.maal, t.geografi, register.tal(t.dokument, t.enhed, t.dokument) AS dokumentet,
	   register.tal(t.jobreg, t.enhed, t.dokument, 1) AS jobreg,
	   abs(t.jobreg - 100 * CASE t.noegle WHEN 'akt_status52_akt_2014w10' THEN c.stadig_aktivitetsparat
										  WHEN 'akt_status52_job_2014w10' THEN c.i_job
										  ELSE c.andre_ydelser END) < 1e-9 AS som_code_at
FROM tal AS t JOIN code_at_52 AS c USING (geografi)
ORDER BY t.geografi = 'hele landet', t.noegle = 'akt_status52_andre_2014w10', t.noegle = 'akt_status52_job_2014w10';

-- the alternative readings after 12 months (not the document's groups: see the top)
SELECT geografi, dk_pct(loen_52::float8 / personer, 1) AS i_job_med_loen,
	   dk_pct((job_52 - loen_52)::float8 / personer, 1) AS uden_ydelse_og_loen,
	   dk_pct(jobparat_52::float8 / personer, 1) AS jobparat_kontanthjaelp,
	   dk_pct((personer - akt_52 - job_52 - jobparat_52)::float8 / personer, 1) AS andre_ydelser_uden_jobparat
FROM figur4_5 ORDER BY geografi = 'hele landet';

-- the figures as SVG pictures, like the document's
\pset format unaligned
\pset tuples_only on
\o :outdir/figur4.svg
SELECT flow_svg(f, ARRAY[1, 0, 2],
				ARRAY['stadig aktivitetsparat på kontanthjælp', 'i job (ingen ydelse)', 'andre ydelser'],
				title => 'Figur 4: Afgang fra kontanthjælp i Københavns Kommune (aktivitetsparate i uge 10 2014)',
				week_step => 4, x_label => 'uger efter uge 10 2014', y_label => 'andel af målgruppen')
FROM figur4_5 WHERE geografi = 'København';
\o :outdir/figur5.svg
SELECT flow_svg(f, ARRAY[1, 0, 2],
				ARRAY['stadig aktivitetsparat på kontanthjælp', 'i job (ingen ydelse)', 'andre ydelser'],
				title => 'Figur 5: Afgang fra kontanthjælp i hele landet (aktivitetsparate i uge 10 2014)',
				week_step => 4, x_label => 'uger efter uge 10 2014', y_label => 'andel af målgruppen')
FROM figur4_5 WHERE geografi = 'hele landet';
\o
\pset format aligned
\pset tuples_only off
\echo :outdir/figur4.svg :outdir/figur5.svg
