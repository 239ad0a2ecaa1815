-- seeds/003 Tabel 5 (status on the agreement's goals): "at ledige fleksjobbere inden for 26
-- uger kommer i fleksjob" -- of the ledighedsydelse forløb started January - April 2016 in
-- København, what share went on to fleksjob within 26 weeks?  (53 pct.)
--
-- Definition (synth_maal ledy_fleksjob26_2016m1_4): runs of ledighedsydelse starting in a
-- week of January - April 2016 (Thursday rule: month_weeks), persons aged 30 or more at
-- the start; the share followed directly by fleksjob that starts at most 26 weeks after
-- the run started.  spells() with max_gap 0 gives the runs and the code that followed.
CREATE TEMP TABLE s003_tabel5 AS
SELECT avg((s.exit_code = ANY (k.fleksjob) AND upper(s.spell) - lower(s.spell) <= 26)::int) AS i_fleksjob_inden_26_uger,
	   count(*) AS forloeb
FROM register.person p
JOIN register.dream d USING (pnr),
	 (SELECT weekrange(lower(month_weeks(2016, 1)), upper(month_weeks(2016, 4))) AS startuger,
			 (SELECT codes('synthetic', 'ledighedsydelse')) AS ledighedsydelse,
			 (SELECT codes('synthetic', 'fleksjob')) AS fleksjob) AS k,
	 spells(d.uger, k.ledighedsydelse, 0) AS s
WHERE p.kommunekode = 101
  AND lower(s.spell) <@ k.startuger
  AND p.foedselsdato <= monday(lower(s.spell)) - interval '30 years';

INSERT INTO register.demo_figur (kilde, maal, geografi, enhed, dokument, jobreg, noegle)
SELECT 'seeds/003 Tabel 5', 'nye ledighedsydelsesforløb: i fleksjob inden for 26 uger', 'København', 'pct.',
	   53, 100 * i_fleksjob_inden_26_uger, 'ledy_fleksjob26_2016m1_4'
FROM s003_tabel5
RETURNING maal, geografi, register.tal(dokument, enhed, dokument) AS dokumentet,
		  register.tal(jobreg, enhed, dokument, 1) AS jobreg;
