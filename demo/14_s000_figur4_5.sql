-- seeds/000 Figur 4 and 5: the aktivitetsparate kontanthjælpsmodtagere of week 10 of 2014
-- (new and long-term alike), one year later: still aktivitetsparate, in job, or on other
-- benefits?  København (Figur 4) and the whole country (Figur 5).
--
-- Definition (synth_maal akt_status52_akt/job/andre_2014w10): persons with code
-- aktivitetsparat in 2014-W10, aged 30 or more on 2014-03-03, by their code 52 weeks
-- later, in 2015-W10: aktivitetsparat; no code (self-supported, taken as in job, as the
-- register has no employment data); any other code (other benefits, jobparat included).
CREATE TEMP TABLE figur4_5 AS
WITH kohorte AS (
	SELECT p.kommunekode, code_at(d.uger, '2014-W10'::isoweek + 52) AS kode_et_aar_efter,   -- 2015-W10
		   k.akt
	FROM register.person p
	JOIN register.dream d USING (pnr),
		 (SELECT (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt) AS k
	WHERE code_at(d.uger, '2014-W10') = ANY (k.akt)
	  AND p.foedselsdato <= date '2014-03-03' - interval '30 years')
SELECT g.geografi,
	   avg((c.kode_et_aar_efter = ANY (c.akt))::int) AS stadig_aktivitetsparat,
	   avg((c.kode_et_aar_efter = 0)::int) AS i_job,
	   avg((c.kode_et_aar_efter <> ALL (c.akt) AND c.kode_et_aar_efter <> 0)::int) AS andre_ydelser
FROM kohorte AS c
JOIN register.geografi AS g ON g.kommunekode = c.kommunekode
	AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere' AND g.geografi <> 'klyngen'
GROUP BY g.geografi;

-- the figures as the document prints them, jobreg's beside; kept for 99_opsummering.sql
INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/000 Figur 4-5', r.maal, f.geografi, 'pct.', r.dokument, r.jobreg, r.noegle
FROM figur4_5 AS f
JOIN (VALUES ('København', 88, 2, 10), ('hele landet', 79, 2, 19)) AS d (geografi, akt, job, andre) USING (geografi),
	 LATERAL (VALUES
		(1, 'stadig aktivitetsparate efter 12 måneder', d.akt, 100 * f.stadig_aktivitetsparat, 'akt_status52_akt_2014w10'),
		(2, 'i beskæftigelse (selvforsørget)', d.job, 100 * f.i_job, 'akt_status52_job_2014w10'),
		(3, 'på andre ydelser', d.andre, 100 * f.andre_ydelser, 'akt_status52_andre_2014w10'))
	 AS r (nr, maal, dokument, jobreg, noegle)
ORDER BY f.geografi = 'hele landet', r.nr
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
