-- The synthetic register, loaded the way an analyst's database holds the real one:
-- persons and their background, their DREAM weekly codes as one weekline per person
-- (from DREAM's first week, 1991-W27), their monthly employment (DREAM's grad_ and
-- branche_ columns) as one monthline per person (from January 2008), activation offers,
-- jobsamtaler (2018-2020) and population counts.  jobreg_synth generates
-- it (seed 1, scale 1 = the whole country; DEMO_SCALE for a smaller register).
-- Every other demo file reads these tables only.
\if :{?scale}
\else
\set scale 1
\endif
\if :{?seed}
\else
\set seed 1
\endif
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jobreg_synth;
DROP SCHEMA IF EXISTS register CASCADE;
CREATE SCHEMA register;
\timing on

-- what was generated: counts of persons are divided by the scale in the demo files
CREATE TABLE register.udtraek AS SELECT :seed::int8 AS seed, :scale::float8 AS skala;
COMMENT ON TABLE register.udtraek IS 'the seed and scale the synthetic register was generated with';

CREATE TABLE register.person AS SELECT * FROM synth_persons(:seed, :scale);
ALTER TABLE register.person ADD PRIMARY KEY (pnr);
COMMENT ON TABLE register.person IS 'one row per person: pnr, kommunekode (fixed), foedselsdato, koen';

-- The generator runs on both cores: each call below simulates half of the kommuner
-- (alternately by size), and the two calls run at once as a Parallel Append in two
-- workers while the leader writes the rows.  The rows are the same as from one call
-- for all kommuner.
SELECT array_agg(kommunekode) FILTER (WHERE n % 2 = 0) AS halvdel1,
       array_agg(kommunekode) FILTER (WHERE n % 2 = 1) AS halvdel2
FROM (SELECT kommunekode, row_number() OVER (ORDER BY pop_16_66 DESC) AS n FROM synth_kommune_pop) AS k \gset
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET parallel_leader_participation = off;

CREATE TABLE register.dream AS
SELECT pnr, weekline_from_runs(first_week, codes, lengths) AS uger
FROM synth_histories(:seed, :scale, :'halvdel1', first => '1991-W27')
UNION ALL
SELECT pnr, weekline_from_runs(first_week, codes, lengths) AS uger
FROM synth_histories(:seed, :scale, :'halvdel2', first => '1991-W27');
ALTER TABLE register.dream ADD PRIMARY KEY (pnr);
COMMENT ON TABLE register.dream IS 'one row per person: the weekly codes (synthetic codebook) from 1991-W27 to 2024-W52';

-- (synth_monthlines gives the months of synth_employment as monthline text, run-length
-- encoded: the same values as monthline(first_month, grads, branches), less to move)
CREATE TABLE register.beskaeftigelse AS
SELECT pnr, maaneder::monthline AS maaneder
FROM synth_monthlines(:seed, :scale, :'halvdel1')
UNION ALL
SELECT pnr, maaneder::monthline AS maaneder
FROM synth_monthlines(:seed, :scale, :'halvdel2');
ALTER TABLE register.beskaeftigelse ADD PRIMARY KEY (pnr);
COMMENT ON TABLE register.beskaeftigelse IS 'one row per person: DREAM''s monthly grad (1-100) and branche (DB07) from 2008-01 (or the month of the 16th birthday) to 2024-12';

CREATE TABLE register.tilbud AS
SELECT * FROM synth_offers(:seed, :scale, :'halvdel1', first => '2012-W01')
UNION ALL
SELECT * FROM synth_offers(:seed, :scale, :'halvdel2', first => '2012-W01');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET parallel_leader_participation;
CREATE INDEX ON register.tilbud (pnr);
COMMENT ON TABLE register.tilbud IS 'activation offers ending in or after 2012: tilbudstype, periode, timer_pr_uge';

-- jobsamtaler of 2018-2020 (the years seeds/002 reviews; all years would be 30 million rows)
CREATE TABLE register.samtaler AS
SELECT * FROM synth_contacts(:seed, :scale, :'halvdel1', date '2018-01-01', date '2020-12-31')
UNION ALL
SELECT * FROM synth_contacts(:seed, :scale, :'halvdel2', date '2018-01-01', date '2020-12-31');
CREATE INDEX ON register.samtaler (pnr);
COMMENT ON TABLE register.samtaler IS 'jobsamtaler 2018-2020: pnr, dato, afholdt (false: a no-show or cancellation)';

-- helhedsorienteret mentor periods of København's aktivitetsparate from 2014 (seeds/003, København's
-- own follow-up, is the only document that counts them; the jobcenter's own data)
CREATE TABLE register.mentor AS SELECT * FROM synth_mentor(:seed, :scale, ARRAY[101], '2014-W01');
CREATE INDEX ON register.mentor (pnr);
COMMENT ON TABLE register.mentor IS 'helhedsorienteret mentor periods from 2014, København only: pnr, periode';

-- periods in which aktivitetsparate are exempt from activation (fritagelse), from 2012 as the
-- offers (seeds/002 Figur 47: a long period without an offer counts only when not exempt)
CREATE TABLE register.fritagelse AS
SELECT * FROM synth_exemptions(:seed, :scale, :'halvdel1', '2012-W01')
UNION ALL
SELECT * FROM synth_exemptions(:seed, :scale, :'halvdel2', '2012-W01');
CREATE INDEX ON register.fritagelse (pnr);
COMMENT ON TABLE register.fritagelse IS 'exemptions from activation of the aktivitetsparate, ending in or after 2012: pnr, periode';

-- residence in København's udsatte boligområder in 2013-14 (seeds/001's outreach areas and the rest)
CREATE TABLE register.bolig AS SELECT * FROM synth_residence(:seed, :scale, ARRAY[101]);
ALTER TABLE register.bolig ADD PRIMARY KEY (pnr);
COMMENT ON TABLE register.bolig IS 'persons of København living in an udsat boligområde in 2013-14: pnr, omraade, fremskudt (one of the six areas with a fremskudt beskæftigelsesindsats)';

CREATE TABLE register.baggrund AS SELECT * FROM synth_background(:seed, :scale);
ALTER TABLE register.baggrund ADD PRIMARY KEY (pnr);
COMMENT ON TABLE register.baggrund IS 'one row per person: herkomst, civilstand (1 January 2015) and highest education';

CREATE TABLE register.befolkning AS SELECT * FROM synth_population(:seed, :scale);
ALTER TABLE register.befolkning ADD PRIMARY KEY (kommunekode, aar, kvartal, alder);
COMMENT ON TABLE register.befolkning IS 'persons by kommune and age (16-66) on the first day of each quarter 2008-2024';

\timing off
ANALYZE register.person, register.bolig, register.baggrund, register.dream, register.beskaeftigelse, register.tilbud, register.samtaler, register.mentor, register.fritagelse, register.befolkning;

SELECT (SELECT count(*) FROM register.person) AS personer,
       (SELECT count(*) FROM register.tilbud) AS tilbud,
       pg_size_pretty(pg_total_relation_size('register.dream')) AS dream_stoerrelse,
       pg_size_pretty(pg_total_relation_size('register.beskaeftigelse')) AS beskaeftigelse_stoerrelse,
       pg_size_pretty(pg_total_relation_size('register.tilbud')) AS tilbud_stoerrelse;
