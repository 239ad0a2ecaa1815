-- jobreg_synth install script.  The Makefile copies it to jobreg_synth--VERSION.sql.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION jobreg_synth" to load this file. \quit

/* ---------- reference data of the generator ---------- */

CREATE FUNCTION synth_kommuner()
	RETURNS TABLE (kommunekode int, pop_16_66 int)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 98;
COMMENT ON FUNCTION synth_kommuner() IS
	'the 98 kommuner and the approximate number of persons aged 16-66 on 1 January 2015 that the generator uses';

CREATE VIEW synth_kommune_pop AS SELECT * FROM synth_kommuner();
COMMENT ON VIEW synth_kommune_pop IS
	'the 98 kommuner of the synthetic register and their approximate 2015 population aged 16-66';
COMMENT ON COLUMN synth_kommune_pop.kommunekode IS 'the 3-digit kommunekode';
COMMENT ON COLUMN synth_kommune_pop.pop_16_66 IS 'persons aged 16-66 on 1 January 2015 (approximate) at scale 1';

CREATE FUNCTION synth_states()
	RETURNS TABLE (code int, gruppe text, betegnelse text)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 13;
COMMENT ON FUNCTION synth_states() IS
	'the weekly codes of the synthetic register and their benefit groups';

CREATE VIEW synth_state AS SELECT * FROM synth_states();
COMMENT ON VIEW synth_state IS
	'the weekly codes of the synthetic register (invented, not DREAM''s official codes); 0 = no code, self-supported';
COMMENT ON COLUMN synth_state.code IS 'weekly code';
COMMENT ON COLUMN synth_state.gruppe IS 'benefit group';
COMMENT ON COLUMN synth_state.betegnelse IS 'description';

CREATE FUNCTION synth_tilbudstyper()
	RETURNS TABLE (tilbudstype text, betegnelse text, virksomhedsrettet bool)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 7;
COMMENT ON FUNCTION synth_tilbudstyper() IS
	'the activation offer types of the synthetic register';

CREATE VIEW synth_tilbudstype AS SELECT * FROM synth_tilbudstyper();
COMMENT ON VIEW synth_tilbudstype IS
	'the activation offer types of the synthetic register, and which are counted as virksomhedsrettet in the calibration';
COMMENT ON COLUMN synth_tilbudstype.tilbudstype IS 'key used in synth_offers';
COMMENT ON COLUMN synth_tilbudstype.betegnelse IS 'description';
COMMENT ON COLUMN synth_tilbudstype.virksomhedsrettet IS 'counted as virksomhedsrettet (company-directed) in synth_target';

/* ---------- the generator ---------- */

CREATE FUNCTION synth_persons(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
							  kommuner int[] DEFAULT NULL)
	RETURNS TABLE (pnr int, kommunekode int, foedselsdato date, koen text)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 4700000;
COMMENT ON FUNCTION synth_persons(int8, float8, int[]) IS
	'synthetic persons aged 16-66 at some time in 2008-2024, deterministic for (seed, scale); kommuner NULL = all 98';

CREATE FUNCTION synth_histories(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								kommuner int[] DEFAULT NULL, first isoweek DEFAULT '2008-W01')
	RETURNS TABLE (pnr int, first_week isoweek, codes int[], lengths int[])
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 4700000;
COMMENT ON FUNCTION synth_histories(int8, float8, int[], isoweek) IS
	'weekly benefit histories of the synthetic persons from first (or their 16th birthday) to 2024-W52, as runs of codes and lengths';

CREATE FUNCTION synth_offers(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
							 kommuner int[] DEFAULT NULL, first isoweek DEFAULT '2008-W01')
	RETURNS TABLE (pnr int, tilbudstype text, periode daterange, timer_pr_uge float8)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 5000000;
COMMENT ON FUNCTION synth_offers(int8, float8, int[], isoweek) IS
	'activation offers of the synthetic persons that end in or after first: type, period and hours per week';

CREATE FUNCTION synth_population(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								 kommuner int[] DEFAULT NULL)
	RETURNS TABLE (kommunekode int, aar int, kvartal int, alder int, antal int)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 340000;
COMMENT ON FUNCTION synth_population(int8, float8, int[]) IS
	'synthetic persons by kommune and age (16-66) on the first day of each quarter 2008-2024';

CREATE FUNCTION synth_background(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								 kommuner int[] DEFAULT NULL)
	RETURNS TABLE (pnr int, herkomst text, civilstand text, uddannelse text)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 4700000;
COMMENT ON FUNCTION synth_background(int8, float8, int[]) IS
	'background of the synthetic persons: herkomst (dansk, indvandrer vestlig, indvandrer ikke-vestlig, efterkommer), civilstand on 2015-01-01 (ugift, gift, fraskilt, enke) and highest education (grundskole, gymnasial, erhvervsfaglig, videregående)';

CREATE FUNCTION synth_employment(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								 kommuner int[] DEFAULT NULL, first_month date DEFAULT '2008-01-01')
	RETURNS TABLE (pnr int, first_month date, grads int[], branches int[])
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 4700000;
COMMENT ON FUNCTION synth_employment(int8, float8, int[], date) IS
	'monthly employment of the synthetic persons, DREAM''s grad_ (1-100, NULL = no wages) and branche_ (DB07) per month from first_month (or the month they turn 16) to December 2024, as monthline(first_month, grads, branches) takes them';

CREATE FUNCTION synth_monthlines(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								 kommuner int[] DEFAULT NULL, first_month date DEFAULT '2008-01-01')
	RETURNS TABLE (pnr int, maaneder text)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 4700000;
COMMENT ON FUNCTION synth_monthlines(int8, float8, int[], date) IS
	'the months of synth_employment as one monthline text per person (cast with ::monthline): the same values, run-length encoded, the fast way to load them';

CREATE FUNCTION synth_contacts(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
							   kommuner int[] DEFAULT NULL, first date DEFAULT '2008-01-01',
							   last date DEFAULT '2024-12-31')
	RETURNS TABLE (pnr int, dato date, afholdt bool)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 10000000;
COMMENT ON FUNCTION synth_contacts(int8, float8, int[], date, date) IS
	'jobsamtaler of the synthetic persons from first to last: the date (a weekday) and whether it was held (false: a no-show or cancellation)';

CREATE FUNCTION synth_mentor(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
							 kommuner int[] DEFAULT NULL, first isoweek DEFAULT '2008-W01')
	RETURNS TABLE (pnr int, periode daterange)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 1000000;
COMMENT ON FUNCTION synth_mentor(int8, float8, int[], isoweek) IS
	'helhedsorienteret mentor periods of the synthetic aktivitetsparate (from 2014) that end in or after the week first';

CREATE FUNCTION synth_exemptions(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								 kommuner int[] DEFAULT NULL, first isoweek DEFAULT '2012-W01')
	RETURNS TABLE (pnr int, periode daterange)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 1000000;
COMMENT ON FUNCTION synth_exemptions(int8, float8, int[], isoweek) IS
	'periods in which the synthetic aktivitetsparate (from 2012) are exempt from activation (fritagelse; no offer starts in them) that end in or after the week first';

CREATE FUNCTION synth_residence(seed int8 DEFAULT 1, scale float8 DEFAULT 1.0,
								kommuner int[] DEFAULT NULL)
	RETURNS TABLE (pnr int, omraade text, fremskudt bool)
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 60000;
COMMENT ON FUNCTION synth_residence(int8, float8, int[]) IS
	'the synthetic persons of København living in an udsat boligområde in 2013-14 (seeds/001): the area (one of the six with a fremskudt beskæftigelsesindsats, or øvrigt udsat boligområde) and whether it had the effort';

/* ---------- calibration targets: the documents' figures ---------- */

CREATE TABLE synth_maal (
	noegle text PRIMARY KEY,
	definition text NOT NULL
);
COMMENT ON TABLE synth_maal IS
	'how each calibrated figure is computed from the synthetic register (synth/sql/calibration.sql is the reference query)';
COMMENT ON COLUMN synth_maal.noegle IS 'key of the measure';
COMMENT ON COLUMN synth_maal.definition IS 'population, codes, period and formula';

CREATE TABLE synth_target (
	nr int PRIMARY KEY,
	noegle text REFERENCES synth_maal,
	kilde text NOT NULL,
	maal text NOT NULL,
	geografi text NOT NULL,
	kommuner int[],
	periode text NOT NULL,
	vaerdi float8 NOT NULL,
	enhed text NOT NULL,
	tolerance float8 CHECK (tolerance > 0)
);
COMMENT ON TABLE synth_target IS
	'the figures printed in the documents (seeds/000-004) that the synthetic register is calibrated to; your own rows: nr >= 1000';
COMMENT ON COLUMN synth_target.nr IS 'row number; the shipped rows are 1-999';
COMMENT ON COLUMN synth_target.noegle IS 'the measure (synth_maal); NULL: printed for reference, not computed';
COMMENT ON COLUMN synth_target.kilde IS 'document and table or figure';
COMMENT ON COLUMN synth_target.maal IS 'what is measured, in the document''s words';
COMMENT ON COLUMN synth_target.geografi IS 'København, klyngen, hele landet, 25 kommuner';
COMMENT ON COLUMN synth_target.kommuner IS 'kommunekoder pooled for the figure; NULL = the whole country';
COMMENT ON COLUMN synth_target.periode IS 'period or date of the figure';
COMMENT ON COLUMN synth_target.vaerdi IS 'the figure as printed';
COMMENT ON COLUMN synth_target.enhed IS 'unit: fuldtidspersoner, personer, pct., pct. af befolkningen 30-66 år (16-66 år), år';
COMMENT ON COLUMN synth_target.tolerance IS 'calibration tolerance, absolute, in the unit; NULL: reference only';

INSERT INTO synth_maal (noegle, definition) VALUES
	('akt_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with code 1101 (kontanthjælp aktivitetsparat) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('akt_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with code 1101 (kontanthjælp aktivitetsparat) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('akt_fuldtid_2015m10',
	 'Fuldtidspersoner: weeks with code 1101 (kontanthjælp aktivitetsparat) in the weeks of October 2015 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-10-01; as a share, divided by the persons aged 30-66 on 2015-10-01 (synth_population).'),
	('akt_fuldtid_2016m10',
	 'Fuldtidspersoner: weeks with code 1101 (kontanthjælp aktivitetsparat) in the weeks of October 2016 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-10-01; as a share, divided by the persons aged 30-66 on 2016-10-01 (synth_population).'),
	('fleks_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with codes 1401, 1501 (fleksjob or ledighedsydelse) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('fleks_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with codes 1401, 1501 (fleksjob or ledighedsydelse) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('fleksbesk_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with code 1401 (fleksjob) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('fleksbesk_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with code 1401 (fleksjob) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('ledy_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with code 1501 (ledighedsydelse) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('ledy_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with code 1501 (ledighedsydelse) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('resf_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with code 1601 (ressourceforløb) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('resf_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with code 1601 (ressourceforløb) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('reva_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with code 1701 (revalidering) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('reva_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with code 1701 (revalidering) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('udsatte_fuldtid_2015q1',
	 'Fuldtidspersoner: weeks with codes 1101, 1501, 1601, 1701 (aktivitetsparat, ledighedsydelse, ressourceforløb or revalidering) in the weeks of 2015 Q1 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2015-01-01; as a share, divided by the persons aged 30-66 on 2015-01-01 (synth_population).'),
	('udsatte_fuldtid_2016q3',
	 'Fuldtidspersoner: weeks with codes 1101, 1501, 1601, 1701 (aktivitetsparat, ledighedsydelse, ressourceforløb or revalidering) in the weeks of 2016 Q3 (Thursday rule) divided by the number of those weeks, over persons aged 30 or more on 2016-07-01; as a share, divided by the persons aged 30-66 on 2016-07-01 (synth_population).'),
	('akt_anc_over2_2015w10',
	 'Persons with code 1101 in week 2015-W10 aged 30 or more on 2015-03-02; anciennitet = weeks from the start of their kontanthjælp forløb (codes of the kontanthjælp family, 1101, 1111 and 2121-2161, in consecutive weeks: Jobindsats'' rule before 2017, any week without kontanthjælp ends the forløb) to 2015-W10 inclusive, in years of 365.25/7 weeks. Share with more than 2 years.'),
	('akt_anc_over3_2015w10',
	 'Persons with code 1101 in week 2015-W10 aged 30 or more on 2015-03-02; anciennitet = weeks from the start of their kontanthjælp forløb (codes of the kontanthjælp family, 1101, 1111 and 2121-2161, in consecutive weeks: Jobindsats'' rule before 2017, any week without kontanthjælp ends the forløb) to 2015-W10 inclusive, in years of 365.25/7 weeks. Share with more than 3 years.'),
	('akt_anc_over5af3_2015w10',
	 'Persons with code 1101 in week 2015-W10 aged 30 or more on 2015-03-02; anciennitet = weeks from the start of their kontanthjælp forløb (codes of the kontanthjælp family, 1101, 1111 and 2121-2161, in consecutive weeks: Jobindsats'' rule before 2017, any week without kontanthjælp ends the forløb) to 2015-W10 inclusive, in years of 365.25/7 weeks. Among those with more than 3 years, the share with more than 5.'),
	('akt_nye_s52_2012q4_2013q3',
	 'New kontanthjælp forløb (codes 1101 and 1111 in consecutive weeks) that start with code 1101 in a week of 2012 Q4 - 2013 Q3 with no week on code 1101 or 1111 in the 52 weeks before, of persons aged 30 or more at the start: share with code 1101 or 1111 in the week 52 weeks after the start (still receiving the benefit, the document''s footnote).'),
	('akt_status52_akt_2014w10',
	 'Persons with code 1101 in week 2014-W10 aged 30 or more on 2014-03-03, by their code in week 2015-W10: share with code 1101 (still aktivitetsparat).'),
	('akt_status52_job_2014w10',
	 'Persons with code 1101 in week 2014-W10 aged 30 or more on 2014-03-03, by their code in week 2015-W10: share with no code (self-supported, taken as in job).'),
	('akt_status52_andre_2014w10',
	 'Persons with code 1101 in week 2014-W10 aged 30 or more on 2014-03-03, by their code in week 2015-W10: share with another code (other benefits, jobparat included).'),
	('akt_beroerte_2014q2_2015q1',
	 'Persons aged 30 or more on 2014-04-01 with weeks on code 1101 in 2014 Q2 - 2015 Q1: share with an activation offer overlapping those weeks.'),
	('akt_grad_2014q2_2015q1',
	 'Aktiveringsgrad: activation hours (hours per week times days of the offer inside weeks on code 1101 in 2014 Q2 - 2015 Q1, divided by 7) divided by possible hours (37 per week on code 1101 in the period), persons aged 30 or more on 2014-04-01.'),
	('reva_grad_2014q2_2015q1',
	 'Aktiveringsgrad: activation hours (hours per week times days of the offer inside weeks on code 1701 in 2014 Q2 - 2015 Q1, divided by 7) divided by possible hours (37 per week on code 1701 in the period), persons aged 30 or more on 2014-04-01.'),
	('ledy_grad_2014q2_2015q1',
	 'Aktiveringsgrad: activation hours (hours per week times days of the offer inside weeks on code 1501 in 2014 Q2 - 2015 Q1, divided by 7) divided by possible hours (37 per week on code 1501 in the period), persons aged 30 or more on 2014-04-01.'),
	('resf_grad_2014q2_2015q1',
	 'Aktiveringsgrad: activation hours (hours per week times days of the offer inside weeks on code 1601 in 2014 Q2 - 2015 Q1, divided by 7) divided by possible hours (37 per week on code 1601 in the period), persons aged 30 or more on 2014-04-01.'),
	('akt_virk_2014q2_2015q1',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1101 in 2014 Q2 - 2015 Q1, persons aged 30 or more on 2014-04-01.'),
	('akt_virk_2015q4_2016q3',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1101 in 2015 Q4 - 2016 Q3, persons aged 30 or more on 2015-10-01.'),
	('reva_virk_2014q2_2015q1',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1701 in 2014 Q2 - 2015 Q1, persons aged 30 or more on 2014-04-01.'),
	('reva_virk_2015q4_2016q3',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1701 in 2015 Q4 - 2016 Q3, persons aged 30 or more on 2015-10-01.'),
	('ledy_virk_2014q2_2015q1',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1501 in 2014 Q2 - 2015 Q1, persons aged 30 or more on 2014-04-01.'),
	('ledy_virk_2015q4_2016q3',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1501 in 2015 Q4 - 2016 Q3, persons aged 30 or more on 2015-10-01.'),
	('resf_virk_2014q2_2015q1',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1601 in 2014 Q2 - 2015 Q1, persons aged 30 or more on 2014-04-01.'),
	('resf_virk_2015q4_2016q3',
	 'Virksomhedsrettet andel: activation hours in virksomhedsrettede offer types (synth_tilbudstype) divided by all activation hours, counted inside weeks on code 1601 in 2015 Q4 - 2016 Q3, persons aged 30 or more on 2015-10-01.'),
	('akt_udd_2014q2_2015q1',
	 'Share of activation hours in ordinær uddannelse, counted inside weeks on code 1101 in 2014 Q2 - 2015 Q1, persons aged 30 or more on 2014-04-01.'),
	('ledy_fleksjob26_2016m1_4',
	 'Runs of code 1501 (ledighedsydelse) starting in a week of January - April 2016 (Thursday rule), persons aged 30 or more at the start: share followed directly by code 1401 (fleksjob) starting at most 26 weeks after the run started.'),
	('lang_antal_2020',
	 'Persons with code 1101 or 2151 (aktivitetsparat on kontanthjælp or overgangsydelse) in week 2020-W09 (1 March 2020) aged 30 or more on 2020-03-01; anciennitet = years from the start of their kontanthjælp spell (the kontanthjælp family: codes 1101, 1111 and 2121-2161, breaks of at most 5 weeks bridged, histories from 1991-W27) to 2020-W09; langvarig = at least 5 years. Number of langvarige (not calibrated: the register keeps the 2015 population size).'),
	('lang_andel_akt_2020',
	 'Persons with code 1101 or 2151 (aktivitetsparat on kontanthjælp or overgangsydelse) in week 2020-W09 (1 March 2020) aged 30 or more on 2020-03-01; anciennitet = years from the start of their kontanthjælp spell (the kontanthjælp family: codes 1101, 1111 and 2121-2161, breaks of at most 5 weeks bridged, histories from 1991-W27) to 2020-W09; langvarig = at least 5 years. Langvarige as a share of all of these persons.'),
	('lang_andel_pop_2020',
	 'Persons with code 1101 or 2151 (aktivitetsparat on kontanthjælp or overgangsydelse) in week 2020-W09 (1 March 2020) aged 30 or more on 2020-03-01; anciennitet = years from the start of their kontanthjælp spell (the kontanthjælp family: codes 1101, 1111 and 2121-2161, breaks of at most 5 weeks bridged, histories from 1991-W27) to 2020-W09; langvarig = at least 5 years. Langvarige as a share of the persons aged 16-66 on 2020-04-01 (synth_population).'),
	('lang_anc_mean_2020',
	 'Persons with code 1101 or 2151 (aktivitetsparat on kontanthjælp or overgangsydelse) in week 2020-W09 (1 March 2020) aged 30 or more on 2020-03-01; anciennitet = years from the start of their kontanthjælp spell (the kontanthjælp family: codes 1101, 1111 and 2121-2161, breaks of at most 5 weeks bridged, histories from 1991-W27) to 2020-W09; langvarig = at least 5 years. Mean anciennitet of the langvarige, in years.'),
	('lang_over10_2020',
	 'Persons with code 1101 or 2151 (aktivitetsparat on kontanthjælp or overgangsydelse) in week 2020-W09 (1 March 2020) aged 30 or more on 2020-03-01; anciennitet = years from the start of their kontanthjælp spell (the kontanthjælp family: codes 1101, 1111 and 2121-2161, breaks of at most 5 weeks bridged, histories from 1991-W27) to 2020-W09; langvarig = at least 5 years. Share of the langvarige with more than 10 years.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(1, 'akt_fuldtid_2015q1', 'seeds/000 Tabel 1', 'aktivitetsparate kontanthjælpsmodtagere', 'København', '{101}'::int[], '1. kvartal 2015', 14800, 'fuldtidspersoner', 444),
	(2, 'fleks_fuldtid_2015q1', 'seeds/000 Tabel 1', 'fleksjobvisiterede i alt', 'København', '{101}'::int[], '1. kvartal 2015', 2870, 'fuldtidspersoner', 86),
	(3, 'ledy_fuldtid_2015q1', 'seeds/000 Tabel 1', 'heraf ledige fleksjobvisiterede (ledighedsydelse)', 'København', '{101}'::int[], '1. kvartal 2015', 910, 'fuldtidspersoner', 27),
	(4, 'resf_fuldtid_2015q1', 'seeds/000 Tabel 1', 'borgere i ressourceforløb', 'København', '{101}'::int[], '1. kvartal 2015', 610, 'fuldtidspersoner', 18),
	(5, 'reva_fuldtid_2015q1', 'seeds/000 Tabel 1', 'revalidender', 'København', '{101}'::int[], '1. kvartal 2015', 430, 'fuldtidspersoner', 13),
	(6, 'udsatte_fuldtid_2015q1', 'seeds/000 Tabel 1', 'i alt (ekskl. beskæftigede fleksjobvisiterede)', 'København', '{101}'::int[], '1. kvartal 2015', 16750, 'fuldtidspersoner', 502),
	(7, 'fleksbesk_fuldtid_2015q1', 'seeds/003 tekst', 'beskæftigede fleksjobvisiterede', 'København', '{101}'::int[], '1. kvartal 2015', 1960, 'fuldtidspersoner', 59),
	(8, 'udsatte_fuldtid_2015q1', 'seeds/000 afsnit 1', 'udsatte borgere', 'København', '{101}'::int[], '1. kvartal 2015', 6.2, 'pct. af befolkningen 30-66 år', 0.05),
	(9, 'udsatte_fuldtid_2015q1', 'seeds/000 afsnit 1', 'udsatte borgere', 'hele landet', NULL, '1. kvartal 2015', 3.7, 'pct. af befolkningen 30-66 år', 0.05),
	(10, 'akt_fuldtid_2015q1', 'seeds/000 Tabel 3', 'aktivitetsparate kontanthjælpsmodtagere', 'København', '{101}'::int[], '1. kvartal 2015', 5.5, 'pct. af befolkningen 30-66 år', 0.05),
	(11, 'akt_fuldtid_2015q1', 'seeds/000 Tabel 3', 'aktivitetsparate kontanthjælpsmodtagere', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 3.4, 'pct. af befolkningen 30-66 år', 0.05),
	(12, 'fleks_fuldtid_2015q1', 'seeds/000 Tabel 3', 'fleksjobvisiterede i alt', 'København', '{101}'::int[], '1. kvartal 2015', 1.1, 'pct. af befolkningen 30-66 år', 0.05),
	(13, 'fleks_fuldtid_2015q1', 'seeds/000 Tabel 3', 'fleksjobvisiterede i alt', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 1.6, 'pct. af befolkningen 30-66 år', 0.05),
	(14, 'ledy_fuldtid_2015q1', 'seeds/000 Tabel 3', 'heraf ledige fleksjobvisiterede', 'København', '{101}'::int[], '1. kvartal 2015', 0.3, 'pct. af befolkningen 30-66 år', 0.05),
	(15, 'ledy_fuldtid_2015q1', 'seeds/000 Tabel 3', 'heraf ledige fleksjobvisiterede', 'klyngen (ledighedsydelse)', '{155,190,219,269}'::int[], '1. kvartal 2015', 0.4, 'pct. af befolkningen 30-66 år', 0.05),
	(16, 'resf_fuldtid_2015q1', 'seeds/000 Tabel 3', 'borgere i ressourceforløb', 'København', '{101}'::int[], '1. kvartal 2015', 0.2, 'pct. af befolkningen 30-66 år', 0.05),
	(17, 'resf_fuldtid_2015q1', 'seeds/000 Tabel 3', 'borgere i ressourceforløb', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 0.4, 'pct. af befolkningen 30-66 år', 0.05),
	(18, 'reva_fuldtid_2015q1', 'seeds/000 Tabel 3', 'revalidender', 'København', '{101}'::int[], '1. kvartal 2015', 0.2, 'pct. af befolkningen 30-66 år', 0.05),
	(19, 'reva_fuldtid_2015q1', 'seeds/000 Tabel 3', 'revalidender', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 0.3, 'pct. af befolkningen 30-66 år', 0.05),
	(20, NULL, 'seeds/000 Tabel 3', 'krævet ændring i fuldtidspersoner for klyngens niveau: aktivitetsparate kontanthjælpsmodtagere', 'København', '{101}'::int[], '1. kvartal 2015', -5750, 'fuldtidspersoner', NULL),
	(21, NULL, 'seeds/000 Tabel 3', 'krævet ændring i fuldtidspersoner for klyngens niveau: fleksjobvisiterede i alt', 'København', '{101}'::int[], '1. kvartal 2015', 1500, 'fuldtidspersoner', NULL),
	(22, NULL, 'seeds/000 Tabel 3', 'krævet ændring i fuldtidspersoner for klyngens niveau: heraf ledige fleksjobvisiterede', 'København', '{101}'::int[], '1. kvartal 2015', 270, 'fuldtidspersoner', NULL),
	(23, NULL, 'seeds/000 Tabel 3', 'krævet ændring i fuldtidspersoner for klyngens niveau: borgere i ressourceforløb', 'København', '{101}'::int[], '1. kvartal 2015', 420, 'fuldtidspersoner', NULL),
	(24, NULL, 'seeds/000 Tabel 3', 'krævet ændring i fuldtidspersoner for klyngens niveau: revalidender', 'København', '{101}'::int[], '1. kvartal 2015', 280, 'fuldtidspersoner', NULL),
	(25, 'akt_anc_over2_2015w10', 'seeds/000 Figur 2', 'aktivitetsparate med mere end 2 års anciennitet', 'København', '{101}'::int[], 'uge 10 2015', 56, 'pct.', 1),
	(26, 'akt_anc_over3_2015w10', 'seeds/000 Figur 2', 'aktivitetsparate med mere end 3 års anciennitet', 'København', '{101}'::int[], 'uge 10 2015', 41, 'pct.', 1),
	(27, 'akt_anc_over2_2015w10', 'seeds/000 Figur 2', 'aktivitetsparate med mere end 2 års anciennitet', 'klyngen', '{153,165,169,183,360}'::int[], 'uge 10 2015', 52, 'pct.', 1),
	(28, 'akt_anc_over3_2015w10', 'seeds/000 Figur 2', 'aktivitetsparate med mere end 3 års anciennitet', 'klyngen', '{153,165,169,183,360}'::int[], 'uge 10 2015', 39, 'pct.', 1),
	(29, 'akt_anc_over5af3_2015w10', 'seeds/000 afsnit 5 (BIFLIS)', 'andel med mere end 5 års anciennitet blandt dem med mere end 3', 'København', '{101}'::int[], 'uge 10 2015', 70, 'pct.', NULL),
	(30, 'akt_nye_s52_2012q4_2013q3', 'seeds/000 Figur 3', 'nye forløb (aktivitetsparate), stadig på ydelsen efter 52 uger', 'København', '{101}'::int[], 'forløb startet 4. kvt. 2012 - 3. kvt. 2013', 81, 'pct.', 1),
	(31, 'akt_nye_s52_2012q4_2013q3', 'seeds/000 Figur 3', 'nye forløb (aktivitetsparate), stadig på ydelsen efter 52 uger', 'klyngen', '{153,165,169,183,360}'::int[], 'forløb startet 4. kvt. 2012 - 3. kvt. 2013', 76, 'pct.', 1),
	(32, 'akt_nye_s52_2012q4_2013q3', 'seeds/000 Figur 3', 'nye forløb (aktivitetsparate), stadig på ydelsen efter 52 uger', 'hele landet', NULL, 'forløb startet 4. kvt. 2012 - 3. kvt. 2013', 77, 'pct.', 1),
	(33, 'akt_status52_akt_2014w10', 'seeds/000 Figur 4-5', 'aktivitetsparate i uge 10 2014: stadig aktivitetsparate efter 12 måneder', 'København', '{101}'::int[], 'uge 10 2014 - uge 10 2015', 88, 'pct.', 1),
	(34, 'akt_status52_job_2014w10', 'seeds/000 Figur 4-5', 'aktivitetsparate i uge 10 2014: i beskæftigelse (selvforsørget) efter 12 måneder', 'København', '{101}'::int[], 'uge 10 2014 - uge 10 2015', 2, 'pct.', 1),
	(35, 'akt_status52_andre_2014w10', 'seeds/000 Figur 4-5', 'aktivitetsparate i uge 10 2014: på andre ydelser efter 12 måneder', 'København', '{101}'::int[], 'uge 10 2014 - uge 10 2015', 10, 'pct.', 1),
	(36, 'akt_status52_akt_2014w10', 'seeds/000 Figur 4-5', 'aktivitetsparate i uge 10 2014: stadig aktivitetsparate efter 12 måneder', 'hele landet', NULL, 'uge 10 2014 - uge 10 2015', 79, 'pct.', 1),
	(37, 'akt_status52_job_2014w10', 'seeds/000 Figur 4-5', 'aktivitetsparate i uge 10 2014: i beskæftigelse (selvforsørget) efter 12 måneder', 'hele landet', NULL, 'uge 10 2014 - uge 10 2015', 2, 'pct.', 1),
	(38, 'akt_status52_andre_2014w10', 'seeds/000 Figur 4-5', 'aktivitetsparate i uge 10 2014: på andre ydelser efter 12 måneder', 'hele landet', NULL, 'uge 10 2014 - uge 10 2015', 19, 'pct.', 1),
	(39, 'akt_beroerte_2014q2_2015q1', 'seeds/000 Figur 9', 'andel aktiveringsberørte, aktivitetsparate kontanthjælpsmodtagere', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 55, 'pct.', 1),
	(40, 'akt_beroerte_2014q2_2015q1', 'seeds/000 Figur 9', 'andel aktiveringsberørte, aktivitetsparate kontanthjælpsmodtagere', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 54, 'pct.', 1),
	(41, 'akt_beroerte_2014q2_2015q1', 'seeds/000 Figur 9', 'andel aktiveringsberørte, aktivitetsparate kontanthjælpsmodtagere', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 61, 'pct.', 1),
	(42, 'akt_grad_2014q2_2015q1', 'seeds/000 Figur 9 og Tabel 5', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 9, 'pct.', 1),
	(43, 'akt_grad_2014q2_2015q1', 'seeds/000 Figur 9 og Tabel 5', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 12, 'pct.', 1),
	(44, 'akt_grad_2014q2_2015q1', 'seeds/000 Figur 9 og Tabel 5', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 16, 'pct.', 1),
	(45, 'reva_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: revalidering', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 81, 'pct.', 1),
	(46, 'reva_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: revalidering', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 76, 'pct.', 1),
	(47, 'reva_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: revalidering', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 77, 'pct.', 1),
	(48, 'ledy_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: ledighedsydelse (ledige fleksjobvisiterede)', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 10, 'pct.', 1),
	(49, 'ledy_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: ledighedsydelse (ledige fleksjobvisiterede)', 'klyngen (ledighedsydelse)', '{155,190,219,269}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 16, 'pct.', 1),
	(50, 'ledy_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: ledighedsydelse (ledige fleksjobvisiterede)', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 12, 'pct.', 1),
	(51, 'resf_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: ressourceforløb', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 5, 'pct.', 1),
	(52, 'resf_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: ressourceforløb', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 7, 'pct.', 1),
	(53, 'resf_grad_2014q2_2015q1', 'seeds/000 Tabel 5', 'aktiveringsgrad: ressourceforløb', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 9, 'pct.', 1),
	(54, 'akt_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: kontanthjælp (aktivitetsparate)', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 31, 'pct.', 1),
	(55, 'akt_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: kontanthjælp (aktivitetsparate)', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 48, 'pct.', 1),
	(56, 'akt_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: kontanthjælp (aktivitetsparate)', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 33, 'pct.', 1),
	(57, 'reva_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: revalidering', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 25, 'pct.', 1),
	(58, 'reva_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: revalidering', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 14, 'pct.', 1),
	(59, 'reva_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: revalidering', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 24, 'pct.', 1),
	(60, 'ledy_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: ledighedsydelse (ledige fleksjobvisiterede)', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 28, 'pct.', 1),
	(61, 'ledy_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: ledighedsydelse (ledige fleksjobvisiterede)', 'klyngen (ledighedsydelse)', '{155,190,219,269}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 32, 'pct.', 1),
	(62, 'ledy_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: ledighedsydelse (ledige fleksjobvisiterede)', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 42, 'pct.', 1),
	(63, 'resf_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: ressourceforløb', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 11, 'pct.', 1),
	(64, 'resf_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: ressourceforløb', 'klyngen', '{153,165,169,183,360}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 31, 'pct.', 1),
	(65, 'resf_virk_2014q2_2015q1', 'seeds/000 Tabel 6', 'andel virksomhedsrettet aktivering: ressourceforløb', 'hele landet', NULL, '2. kvartal 2014 - 1. kvartal 2015', 34, 'pct.', 1),
	(66, 'akt_udd_2014q2_2015q1', 'seeds/000 Figur 10', 'andel ordinær uddannelse af aktiveringen: kontanthjælp (aktivitetsparate)', 'København', '{101}'::int[], '2. kvartal 2014 - 1. kvartal 2015', 16, 'pct.', 1),
	(67, 'akt_fuldtid_2016q3', 'seeds/003 Tabel 1', 'aktivitetsparate kontanthjælpsmodtagere', 'København', '{101}'::int[], '3. kvartal 2016', 12970, 'fuldtidspersoner', 389),
	(68, 'fleks_fuldtid_2016q3', 'seeds/003 Tabel 1', 'fleksjobvisiterede i alt', 'København', '{101}'::int[], '3. kvartal 2016', 2863, 'fuldtidspersoner', 86),
	(69, 'ledy_fuldtid_2016q3', 'seeds/003 Tabel 1', 'heraf ledige fleksjobvisiterede', 'København', '{101}'::int[], '3. kvartal 2016', 736, 'fuldtidspersoner', 22),
	(70, 'resf_fuldtid_2016q3', 'seeds/003 Tabel 1', 'borgere i ressourceforløb', 'København', '{101}'::int[], '3. kvartal 2016', 1795, 'fuldtidspersoner', 54),
	(71, 'reva_fuldtid_2016q3', 'seeds/003 Tabel 1', 'revalidering', 'København', '{101}'::int[], '3. kvartal 2016', 370, 'fuldtidspersoner', 11),
	(72, 'udsatte_fuldtid_2016q3', 'seeds/003 Tabel 1', 'i alt (undtagen beskæftigede fleksjobvisiterede)', 'København', '{101}'::int[], '3. kvartal 2016', 15871, 'fuldtidspersoner', 476),
	(73, 'fleksbesk_fuldtid_2016q3', 'seeds/003 tekst', 'beskæftigede fleksjobvisiterede', 'København', '{101}'::int[], '3. kvartal 2016', 2127, 'fuldtidspersoner', 64),
	(74, 'akt_fuldtid_2015m10', 'seeds/003 Tabel 2', 'aktivitetsparate kontanthjælpsmodtagere fyldt 30 år', 'København', '{101}'::int[], 'oktober 2015', 5.4, 'pct. af befolkningen 30-66 år', 0.05),
	(75, 'akt_fuldtid_2015m10', 'seeds/003 Tabel 2', 'aktivitetsparate kontanthjælpsmodtagere fyldt 30 år', 'klyngen', '{153,165,169,183,360}'::int[], 'oktober 2015', 3.1, 'pct. af befolkningen 30-66 år', 0.05),
	(76, 'akt_fuldtid_2015m10', 'seeds/003 Tabel 2', 'aktivitetsparate kontanthjælpsmodtagere fyldt 30 år', 'hele landet', NULL, 'oktober 2015', 2.6, 'pct. af befolkningen 30-66 år', 0.05),
	(77, 'akt_fuldtid_2016m10', 'seeds/003 Tabel 2', 'aktivitetsparate kontanthjælpsmodtagere fyldt 30 år', 'København', '{101}'::int[], 'oktober 2016', 4.7, 'pct. af befolkningen 30-66 år', 0.05),
	(78, 'akt_fuldtid_2016m10', 'seeds/003 Tabel 2', 'aktivitetsparate kontanthjælpsmodtagere fyldt 30 år', 'klyngen', '{153,165,169,183,360}'::int[], 'oktober 2016', 2.8, 'pct. af befolkningen 30-66 år', 0.05),
	(79, 'akt_fuldtid_2016m10', 'seeds/003 Tabel 2', 'aktivitetsparate kontanthjælpsmodtagere fyldt 30 år', 'hele landet', NULL, 'oktober 2016', 2.1, 'pct. af befolkningen 30-66 år', 0.05),
	(80, 'akt_virk_2015q4_2016q3', 'seeds/003 Tabel 3', 'andel virksomhedsrettet aktivering: kontanthjælp (aktivitetsparate)', 'København', '{101}'::int[], '4. kvartal 2015 - 3. kvartal 2016', 34, 'pct.', 1),
	(81, 'reva_virk_2015q4_2016q3', 'seeds/003 Tabel 3', 'andel virksomhedsrettet aktivering: revalidering', 'København', '{101}'::int[], '4. kvartal 2015 - 3. kvartal 2016', 28, 'pct.', 1),
	(82, 'ledy_virk_2015q4_2016q3', 'seeds/003 Tabel 3', 'andel virksomhedsrettet aktivering: ledighedsydelse (ledige fleksjobvisiterede)', 'København', '{101}'::int[], '4. kvartal 2015 - 3. kvartal 2016', 33, 'pct.', 1),
	(83, 'resf_virk_2015q4_2016q3', 'seeds/003 Tabel 3', 'andel virksomhedsrettet aktivering: ressourceforløb', 'København', '{101}'::int[], '4. kvartal 2015 - 3. kvartal 2016', 16, 'pct.', 1),
	(84, 'akt_virk_2015q4_2016q3', 'seeds/003 tekst', 'andel virksomhedsrettet aktivering: kontanthjælp (aktivitetsparate)', 'klyngen', '{153,165,169,183,360}'::int[], '4. kvartal 2015 - 3. kvartal 2016', 34, 'pct.', 1),
	(85, 'ledy_fleksjob26_2016m1_4', 'seeds/003 Tabel 5', 'nye ledighedsydelsesforløb: i fleksjob inden for 26 uger', 'København', '{101}'::int[], 'forløb startet januar - april 2016', 53, 'pct.', 1),
	(86, 'lang_antal_2020', 'seeds/002 Tabel 11', 'langvarige aktivitetsparate kontanthjælpsmodtagere (5 års anciennitet)', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 14164, 'personer', NULL),
	(87, 'lang_antal_2020', 'seeds/002 Tabel 11', 'langvarige aktivitetsparate kontanthjælpsmodtagere (5 års anciennitet)', 'København', '{101}'::int[], '1. marts 2020', 4646, 'personer', NULL),
	(88, 'lang_andel_akt_2020', 'seeds/002 Tabel 11', 'langvarige i pct. af aktivitetsparate kontanthjælpsmodtagere', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 46, 'pct.', 1),
	(89, 'lang_andel_akt_2020', 'seeds/002 Tabel 11', 'langvarige i pct. af aktivitetsparate kontanthjælpsmodtagere', 'København', '{101}'::int[], '1. marts 2020', 47, 'pct.', 1),
	(90, 'lang_andel_pop_2020', 'seeds/002 Tabel 11', 'langvarige i pct. af befolkningen 16-66 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 0.77, 'pct. af befolkningen 16-66 år', 0.05),
	(91, 'lang_andel_pop_2020', 'seeds/002 Tabel 11', 'langvarige i pct. af befolkningen 16-66 år', 'København', '{101}'::int[], '1. marts 2020', 0.98, 'pct. af befolkningen 16-66 år', 0.05),
	(92, 'lang_anc_mean_2020', 'seeds/002 afsnit 3.3', 'gennemsnitlig anciennitet for langvarige', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 10.4, 'år', 0.2),
	(93, 'lang_over10_2020', 'seeds/002 afsnit 3.3', 'langvarige med mere end 10 års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 40, 'pct.', 1),
	(94, 'lang_over10_2020', 'seeds/002 Figur 3', 'langvarige med mere end 10 års anciennitet', 'København', '{101}'::int[], '1. marts 2020', 47, 'pct.', 1);

/*
 * Issue 18: the figures that background (synth_background) and monthly employment
 * (synth_employment) carry: seeds/002's langvarige (herkomst, ordinary hours beside the
 * benefit, virksomhedsplacering) and seeds/001's outreach evaluation (reference only: the
 * register has no residence area, see demo/40_s001_effekt.sql) and jobsamtaler
 * (synth_contacts: seeds/002 Figur 11).  One block, nr 95-108.
 */
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_ikkevestlig_m_2020',
	 'Among the langvarige of lang_antal_2020 who are men: the share with herkomst indvandrer ikke-vestlig or efterkommer (synth_background; seeds/002 counts efterkommere with their parents'' origin).'),
	('lang_ikkevestlig_k_2020',
	 'Among the langvarige of lang_antal_2020 who are women: the share with herkomst indvandrer ikke-vestlig or efterkommer (synth_background).'),
	('lang_ordtimer_2018_2020',
	 'Among the langvarige of lang_antal_2020: the share with ordinary hours in March 2018 - February 2020, i.e. a month on the kontanthjælp family (1101, 1111, 2121-2161) in every week of the month (Thursday rule) and a grad above 0 that month (synth_employment).'),
	('lang_virk_2018_2020',
	 'Among the langvarige of lang_antal_2020: the share with a virksomhedspraktik or løntilskud (privat or offentlig) on some day of the weeks 2018-W09 - 2020-W08 (synth_offers), or with ordinary hours (lang_ordtimer_2018_2020).'),
	('akt_ordtimer_2018_2020',
	 'Person-months of March 2018 - February 2020 with code 1101 or 2151 (aktivitetsparat on kontanthjælp or overgangsydelse) in every week of the month (Thursday rule), all ages: the share with a grad above 0 that month (synth_employment), pooled over the months.'),
	('akt_ordtimer_2021_2022',
	 'As akt_ordtimer_2018_2020, over March 2021 - February 2022.'),
	('lang_samtaler8_2018_2020',
	 'Among the langvarige of lang_antal_2020: the share with 8 or more held jobsamtaler (synth_contacts, afholdt) dated 1 March 2018 - 29 February 2020.'),
	('lang_samtaler10_2018_2020',
	 'As lang_samtaler8_2018_2020, more than 10 held jobsamtaler.');

-- seeds/001 M1-M3 (rows 101-106; M2 and M3 calibrated through the generator's jobs and offers
-- by residence in 2013-15, residenceJob and residenceVirk; M1 a reference)
INSERT INTO synth_maal (noegle, definition) VALUES
	('fremskudt_m1_2013_2014',
	 'Of the persons of fremskudt_kohorte_2013_2014 (København''s aktivitetsparate over 30 of 2013-14 living in one of the six outreach areas, synth_residence): the share with a week with no code or with code SU (1901) among the 52 weeks after the index week (the first week with code 1101 from 2013-W01).'),
	('udsat_m1_2013_2014',
	 'As fremskudt_m1_2013_2014, for the aktivitetsparate over 30 living in København''s other udsatte boligområder: the pool the document''s matched twins come from (the demo checks its matched twins against this target).'),
	('fremskudt_m2_2013_2014',
	 'As fremskudt_m1_2013_2014: the share with a week in job or education among the 52 weeks, job = no code and a grad above 0 in the month of the week''s Thursday (synth_employment), education = code SU (1901).'),
	('udsat_m2_2013_2014',
	 'As fremskudt_m2_2013_2014, for the pool of udsat_m1_2013_2014.'),
	('fremskudt_m3_2013_2014',
	 'As fremskudt_m1_2013_2014: the share with an offer of type virksomhedspraktik or løntilskud (synth_offers) on some day of the 52 weeks.'),
	('udsat_m3_2013_2014',
	 'As fremskudt_m3_2013_2014, for the pool of udsat_m1_2013_2014.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(95, 'lang_ikkevestlig_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd med ikke-vestlig baggrund', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 29, 'pct.', 3),
	(96, 'lang_ikkevestlig_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder med ikke-vestlig baggrund', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 45, 'pct.', 3),
	(97, 'lang_ordtimer_2018_2020', 'seeds/002 Figur 53', 'langvarige med ordinære timer parallelt med ydelsen', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 11, 'pct.', 2),
	(98, 'lang_virk_2018_2020', 'seeds/002 Figur 49', 'langvarige i virksomhedsplacering og/eller med ordinære timer', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 52, 'pct.', 2),
	(99, 'akt_ordtimer_2018_2020', 'seeds/002 Figur 54', 'aktivitetsparate med ordinære timer, pr. måned', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 4.6, 'pct.', 0.5),
	(100, 'akt_ordtimer_2021_2022', 'seeds/002 Figur 54', 'aktivitetsparate med ordinære timer, pr. måned', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2021 - februar 2022', 5.9, 'pct.', 0.5),
	(101, 'fremskudt_m1_2013_2014', 'seeds/001 M1', 'selvforsørgelse inden for 52 uger: indsatsområderne', 'København', '{101}'::int[], 'indeks 2013-2014', 17.4, 'pct.', 1),
	(102, 'udsat_m1_2013_2014', 'seeds/001 M1', 'selvforsørgelse inden for 52 uger: matchede kontroller', 'København', '{101}'::int[], 'indeks 2013-2014', 17.8, 'pct.', 1),
	(103, 'fremskudt_m2_2013_2014', 'seeds/001 M2', 'job og uddannelse inden for 52 uger: indsatsområderne', 'København', '{101}'::int[], 'indeks 2013-2014', 4.3, 'pct.', 1),
	(104, 'udsat_m2_2013_2014', 'seeds/001 M2', 'job og uddannelse inden for 52 uger: matchede kontroller', 'København', '{101}'::int[], 'indeks 2013-2014', 4.1, 'pct.', 1),
	(105, 'fremskudt_m3_2013_2014', 'seeds/001 M3', 'virksomhedsrettet aktivering inden for 52 uger: indsatsområderne', 'København', '{101}'::int[], 'indeks 2013-2014', 12.3, 'pct.', 1),
	(106, 'udsat_m3_2013_2014', 'seeds/001 M3', 'virksomhedsrettet aktivering inden for 52 uger: matchede kontroller', 'København', '{101}'::int[], 'indeks 2013-2014', 10.3, 'pct.', 1),
	(107, 'lang_samtaler8_2018_2020', 'seeds/002 Figur 11', 'langvarige med 8 eller flere afholdte jobsamtaler på 2 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 56, 'pct.', 3),
	(108, 'lang_samtaler10_2018_2020', 'seeds/002 Figur 11', 'langvarige med mere end 10 afholdte jobsamtaler på 2 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 19, 'pct.', 3);

-- seeds/000 Figur 7 and Tabel 5 in its title's quarter (demo/17_… and 19_…; branch demo2):
-- numbered from 201 so that rows added at the same time after 94 do not collide
INSERT INTO synth_maal (noegle, definition) VALUES
	('ledy_andel_fleks_2015q1',
	 'Ledighed among the fleksjobvisiterede: fuldtidspersoner with code 1501 (ledighedsydelse) divided by fuldtidspersoner with codes 1401, 1501 (fleksjob or ledighedsydelse), both as in ledy_fuldtid_2015q1 and fleks_fuldtid_2015q1 (2015 Q1, persons aged 30 or more on 2015-01-01).'),
	('akt_grad_2015q1',
	 'Aktiveringsgrad as akt_grad_2014q2_2015q1, in the weeks of 2015 Q1 only, persons aged 30 or more on 2015-01-01.'),
	('reva_grad_2015q1',
	 'Aktiveringsgrad as reva_grad_2014q2_2015q1, in the weeks of 2015 Q1 only, persons aged 30 or more on 2015-01-01.'),
	('ledy_grad_2015q1',
	 'Aktiveringsgrad as ledy_grad_2014q2_2015q1, in the weeks of 2015 Q1 only, persons aged 30 or more on 2015-01-01.'),
	('resf_grad_2015q1',
	 'Aktiveringsgrad as resf_grad_2014q2_2015q1, in the weeks of 2015 Q1 only, persons aged 30 or more on 2015-01-01.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(201, 'ledy_andel_fleks_2015q1', 'seeds/000 Figur 7', 'ledige fleksjobvisiterede i pct. af alle fleksjobvisiterede ("lidt over 30 pct.": 31 ± 1)', 'København', '{101}'::int[], '1. kvartal 2015', 31, 'pct.', 1),
	(202, 'akt_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)', 'København', '{101}'::int[], '1. kvartal 2015', 9, 'pct.', 1),
	(203, 'akt_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 12, 'pct.', 1),
	(204, 'akt_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: kontanthjælp (aktivitetsparate)', 'hele landet', NULL, '1. kvartal 2015', 16, 'pct.', 1),
	(205, 'reva_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: revalidering', 'København', '{101}'::int[], '1. kvartal 2015', 81, 'pct.', 1),
	(206, 'reva_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: revalidering', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 76, 'pct.', 1),
	(207, 'reva_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: revalidering', 'hele landet', NULL, '1. kvartal 2015', 77, 'pct.', 1),
	(208, 'ledy_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: ledighedsydelse (ledige fleksjobvisiterede)', 'København', '{101}'::int[], '1. kvartal 2015', 10, 'pct.', 1),
	(209, 'ledy_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: ledighedsydelse (ledige fleksjobvisiterede)', 'klyngen (ledighedsydelse)', '{155,190,219,269}'::int[], '1. kvartal 2015', 16, 'pct.', 1),
	(210, 'ledy_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: ledighedsydelse (ledige fleksjobvisiterede)', 'hele landet', NULL, '1. kvartal 2015', 12, 'pct.', 1),
	(211, 'resf_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: ressourceforløb', 'København', '{101}'::int[], '1. kvartal 2015', 5, 'pct.', 1),
	(212, 'resf_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: ressourceforløb', 'klyngen', '{153,165,169,183,360}'::int[], '1. kvartal 2015', 7, 'pct.', 1),
	(213, 'resf_grad_2015q1', 'seeds/000 Tabel 5 (1. kvt. 2015)', 'aktiveringsgrad: ressourceforløb', 'hele landet', NULL, '1. kvartal 2015', 9, 'pct.', 1);

-- seeds/003 Tabel 5's mentor figures (synth_mentor; issue 18): numbered from 301
INSERT INTO synth_maal (noegle, definition) VALUES
	('mentor_andel_2015m11',
	 'Persons with code 1101 (kontanthjælp aktivitetsparat) in week 2015-W46 (9-15 November 2015, when the agreement was made) aged 30 or more on its Monday: the share with a helhedsorienteret mentor period (synth_mentor) on some day of that week.'),
	('mentor_andel_2016m9',
	 'As mentor_andel_2015m11, in week 2016-W37 (12-18 September 2016).'),
	('mentor_tilbud_2015_2016',
	 'Mentor periods (synth_mentor) whose last day falls in 1 January 2015 - 30 September 2016 (the document''s note [6]), of persons aged 30 or more on the day after it: the share followed by an offer (synth_offers, any type) that starts within 28 days after the last day ("i forlængelse af mentorforløbet").');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(301, 'mentor_andel_2015m11', 'seeds/003 Tabel 5', 'aktivitetsparate over 30 år med en helhedsorienteret mentor', 'København', '{101}'::int[], 'november 2015', 21, 'pct.', 2),
	(302, 'mentor_andel_2016m9', 'seeds/003 Tabel 5', 'aktivitetsparate over 30 år med en helhedsorienteret mentor', 'København', '{101}'::int[], 'september 2016', 9, 'pct.', 2),
	(303, 'mentor_tilbud_2015_2016', 'seeds/003 Tabel 5', 'mentorforløb efterfulgt af et ordinært aktiveringstilbud', 'København', '{101}'::int[], 'mentorforløb afsluttet januar 2015 - september 2016', 26, 'pct.', 3);

-- seeds/001's outreach areas (synth_residence; issue 18): numbered from 311
INSERT INTO synth_maal (noegle, definition) VALUES
	('fremskudt_kohorte_2013_2014',
	 'Persons of København living in one of the six areas with a fremskudt beskæftigelsesindsats (synth_residence.fremskudt) with a week of code 1101 (kontanthjælp aktivitetsparat) in 2013-W01 .. 2014-W52, aged 30 or more on the Monday of the first such week: their number.'),
	('fremskudt_indvandrere_voksne',
	 'Persons living in one of the six areas (synth_residence.fremskudt), aged 18 or more on 1 January 2014: the share of first-generation immigrants (synth_background.herkomst indvandrer vestlig or ikke-vestlig).'),
	('udsat_indvandrere_voksne',
	 'As fremskudt_indvandrere_voksne, for the persons of København''s other udsatte boligområder (synth_residence.fremskudt false).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(311, 'fremskudt_kohorte_2013_2014', 'seeds/001 (L398)', 'aktivitetsparate over 30 år bosat i de seks indsatsområder', 'København', '{101}'::int[], '2013-2014', 2052, 'personer', 62),
	(312, 'fremskudt_indvandrere_voksne', 'seeds/001 (L144)', 'førstegenerationsindvandrere blandt de voksne i indsatsområderne', 'København', '{101}'::int[], '2013-2014', 54, 'pct.', 1),
	(313, 'udsat_indvandrere_voksne', 'seeds/001 (L144)', 'førstegenerationsindvandrere blandt de voksne i øvrige udsatte boligområder', 'København', '{101}'::int[], '2013-2014', 40, 'pct.', 1);

-- seeds/002 Figur 5's transitions in the langvarige's spells (issue 18, branch synth4): numbered from 401
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_kun_akt_2020',
	 'Among the langvarige of lang_antal_2020: the share whose STAR spell (the spell on the kontanthjælp family that holds 2020-W09, breaks of at most 5 weeks bridged), read from 2014-W01 (the kontanthjælp reform''s visitation and uddannelseshjælp) up to 2020-W09, begins aktivitetsparat on kontanthjælp or overgangsydelse (1101, 2151) and has no week on another code of the family: aktivitetsparat from the start without a change.'),
	('lang_fra_jobparat_2020',
	 'As lang_kun_akt_2020: the share whose spell, so read, begins as jobparat on kontanthjælp or overgangsydelse (1111, 2156).'),
	('lang_fra_anden_2020',
	 'As lang_kun_akt_2020: the share whose spell, so read, begins on uddannelseshjælp, integrationsydelse or selvforsørgelses- og hjemrejseydelse (2121, 2131, 2141, 2161).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(401, 'lang_kun_akt_2020', 'seeds/002 Figur 5', 'langvarige aktivitetsparate fra start uden skift (fra 2014)', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 66, 'pct.', NULL),
	(402, 'lang_fra_jobparat_2020', 'seeds/002 Figur 5', 'langvarige fra jobparat til aktivitetsparat (fra 2014)', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 22, 'pct.', NULL),
	(403, 'lang_fra_anden_2020', 'seeds/002 Figur 5', 'langvarige fra uddannelseshjælp, integrations- eller selvforsørgelsesydelse (fra 2014)', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 10, 'pct.', NULL);

-- seeds/002's offers to the langvarige in the review's two years (synth_offers from 2017:
-- period C of the activation table): numbered from 411
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_tilbud_2018_2020',
	 'Among the langvarige of lang_antal_2020: the share with an offer (synth_offers, any type) in some week of 2018-W09 - 2020-W08 (a week counts when the offer holds one of its days, DREAM''s rule: offer_weeks).'),
	('lang_tilbud27_2018_2020',
	 'As lang_tilbud_2018_2020: the share with more than 27 of the 104 weeks in an offer.'),
	('lang_tilbud52_2018_2020',
	 'As lang_tilbud_2018_2020: the share with more than 52 of the 104 weeks in an offer.'),
	('lang_tilbudsandel_2018_2020',
	 'As lang_tilbud_2018_2020: the mean share of the 104 weeks in an offer.'),
	('lang_vejl_andel_2018_2020',
	 'As lang_tilbud_2018_2020: the weeks in vejledning og opkvalificering as a share of the weeks in each kind of offer (vejledning og opkvalificering, virksomhedsplacering = virksomhedspraktik or løntilskud, the other types), summed over the persons; a week in two kinds counts for both.'),
	('lang_virk52_2018_2020',
	 'As lang_tilbud_2018_2020: the share with more than 52 of the 104 weeks in a virksomhedspraktik or løntilskud (privat or offentlig).'),
	('lang_virk_andel_2018_2020',
	 'As lang_vejl_andel_2018_2020, for the weeks in virksomhedsplacering (virksomhedspraktik or løntilskud).'),
	('lang_virk0_13_2018_2020',
	 'As lang_virk52_2018_2020: the share with 0 to 13 of the 104 weeks in a virksomhedspraktik or løntilskud.'),
	('lang_virk14_26_2018_2020',
	 'As lang_virk52_2018_2020: the share with 14 to 26 weeks.'),
	('lang_virk27_52_2018_2020',
	 'As lang_virk52_2018_2020: the share with 27 to 52 weeks.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(411, 'lang_tilbud_2018_2020', 'seeds/002 afsnit 1.4', 'langvarige i tilbud i løbet af de 2 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 84, 'pct.', 1),
	(412, 'lang_tilbud27_2018_2020', 'seeds/002 Figur 35', 'langvarige med mere end 27 uger i tilbud', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 53, 'pct.', 1),
	(413, 'lang_tilbud52_2018_2020', 'seeds/002 Figur 35', 'langvarige med mere end 52 uger i tilbud', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 29, 'pct.', 1),
	(414, 'lang_tilbudsandel_2018_2020', 'seeds/002 Figur 35', 'langvariges gennemsnitlige andel af tiden i tilbud', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 36, 'pct.', 1),
	(415, 'lang_vejl_andel_2018_2020', 'seeds/002 Figur 36', 'øvrig vejledning og opkvalificering, andel af tilbudsugerne', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 54, 'pct.', 1),
	(416, 'lang_virk52_2018_2020', 'seeds/002 Figur 51', 'langvarige med over 52 uger i virksomhedsplacering', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 7, 'pct.', 1),
	(425, 'lang_virk_andel_2018_2020', 'seeds/002 Figur 36', 'virksomhedsplacering, andel af tilbudsugerne', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 40, 'pct.', 1),
	(426, 'lang_virk0_13_2018_2020', 'seeds/002 Figur 51', 'langvarige med 0-13 uger i virksomhedsplacering', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 63, 'pct.', 1),
	(427, 'lang_virk14_26_2018_2020', 'seeds/002 Figur 51', 'langvarige med 14-26 uger i virksomhedsplacering', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 14, 'pct.', 1),
	(428, 'lang_virk27_52_2018_2020', 'seeds/002 Figur 51', 'langvarige med 27-52 uger i virksomhedsplacering', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 15, 'pct.', 1);

-- seeds/002 Tabel 12: women among the langvarige by anciennitet (the sexes' exits from long
-- spells from 2017, kthSexMult in jobreg_synth.c): numbered from 417
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_kvinder_5_7_2020',
	 'Among the langvarige of lang_antal_2020 with an anciennitet of 5 to under 7 years: the share of women (synth_persons.koen = K).'),
	('lang_kvinder_7_10_2020',
	 'As lang_kvinder_5_7_2020, an anciennitet of 7 to under 10 years.'),
	('lang_kvinder_10_2020',
	 'As lang_kvinder_5_7_2020, an anciennitet of 10 years or more.'),
	('lang_kvinder_alle_2020',
	 'Among all the langvarige of lang_antal_2020: the share of women.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(417, 'lang_kvinder_5_7_2020', 'seeds/002 Tabel 12', 'kvinder blandt de langvarige: 5-7 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 47, 'pct.', 2),
	(418, 'lang_kvinder_7_10_2020', 'seeds/002 Tabel 12', 'kvinder blandt de langvarige: 7-10 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 51, 'pct.', 2),
	(419, 'lang_kvinder_10_2020', 'seeds/002 Tabel 12', 'kvinder blandt de langvarige: 10 år og derover', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 59, 'pct.', 2),
	(420, 'lang_kvinder_alle_2020', 'seeds/002 Tabel 12', 'kvinder blandt de langvarige: i alt', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 53, 'pct.', 2);

-- seeds/004 (2. kvartal 2017): København's a-dagpenge and sygedagpenge and the country's share
-- on sygedagpenge (year steps of 2017 in jobreg_synth.c, so no figure of 2015-16 moves):
-- numbered from 421
INSERT INTO synth_maal (noegle, definition) VALUES
	('dp_fuldtid_2017q2',
	 'fuldtidspersoner on a-dagpenge (1201) over the weeks of 2017 Q2 (Thursday rule), all ages.'),
	('syge_fuldtid_2017q2',
	 'fuldtidspersoner on sygedagpenge (1301) over the weeks of 2017 Q2 (Thursday rule), all ages.'),
	('syge_over22_2017w14',
	 'Of the persons on sygedagpenge (1301) in 2017-W14: the share whose run of sygedagpenge (no break bridged) began more than 22 weeks before, counting 2017-W14 (anciennitet(uger, codes, ''2017-W14'', 0) > 22).'),
	('syge_andel_2017q2',
	 'fuldtidspersoner on sygedagpenge (1301) over the weeks of 2017 Q2 (Thursday rule), all ages, divided by the persons aged 16-66 in 2017 Q2 (synth_population).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(421, 'dp_fuldtid_2017q2', 'seeds/004 afsnit 4.3', 'ledige dagpengemodtagere (helårspersoner)', 'København', '{101}'::int[], '2. kvartal 2017', 13000, 'fuldtidspersoner', 390),
	(422, 'syge_fuldtid_2017q2', 'seeds/004 afsnit 4.6', 'sygedagpengemodtagere (helårspersoner)', 'København', '{101}'::int[], '2. kvartal 2017', 6550, 'fuldtidspersoner', 197),
	(423, 'syge_over22_2017w14', 'seeds/004 afsnit 4.6', 'sygedagpengeforløb over 22 uger', 'København', '{101}'::int[], 'uge 14 2017', 52, 'pct.', 2),
	(424, 'syge_andel_2017q2', 'seeds/004 afsnit 4.6', 'sygedagpengemodtagere i pct. af befolkningen', 'hele landet', NULL, '2. kvartal 2017', 2.2, 'pct. af befolkningen 16-66 år', 0.05);

-- seeds/004 afsnit 4.4 and 4.5: København's jobparate aged 30 or more and its young on
-- uddannelseshjælp (the steps of YP_JOBPARAT_EXIT, YP_TO_JOBPARAT, YP_UNG_IND and YP_UNG_SU in
-- jobreg_synth.c, København only, from 2015 for the young and 2017 for the jobparate): numbered
-- from 429
INSERT INTO synth_maal (noegle, definition) VALUES
	('udd_fuldtid_2017q2',
	 'fuldtidspersoner on uddannelseshjælp (2121 aktivitetsparat, 2131 uddannelsesparat) over the weeks of 2017 Q2 (Thursday rule).'),
	('udd_akt_andel_2017q2',
	 'Of the fuldtidspersoner of udd_fuldtid_2017q2: the share on 2121 (aktivitetsparat).'),
	('jp_fuldtid_2017q2',
	 'fuldtidspersoner on kontanthjælp as jobparat (1111) over the weeks of 2017 Q2 (Thursday rule), persons aged 30 or more on 2017-04-01.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(429, 'udd_fuldtid_2017q2', 'seeds/004 afsnit 4.5', 'unge på uddannelseshjælp (helårspersoner)', 'København', '{101}'::int[], '2. kvartal 2017', 3300, 'fuldtidspersoner', 99),
	(430, 'udd_akt_andel_2017q2', 'seeds/004 afsnit 4.5', 'heraf aktivitetsparate', 'København', '{101}'::int[], '2. kvartal 2017', 72, 'pct.', 1),
	(431, 'jp_fuldtid_2017q2', 'seeds/004 afsnit 4.4', 'jobparate kontanthjælpsmodtagere (helårspersoner)', 'København', '{101}'::int[], '2. kvartal 2017', 3060, 'fuldtidspersoner', 92);

-- seeds/002 Figur 47 and afsnit 5 and 6.5: the langvarige's exemptions from activation
-- (synth_exemptions) and their long periods without an offer; case-review figures (N = 375), so
-- the tolerance is about one standard error of the sample: numbered from 432
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_passiv12_2020',
	 'Among the langvarige of lang_antal_2020: the share whose STAR spell (as lang_kun_akt_2020), from its first Monday or 2 January 2012 if later, to 1 March 2020, holds more than 365 days in a row with neither an offer (synth_offers from 2012-W01) nor an exemption (synth_exemptions).'),
	('lang_passiv12_10_2020',
	 'As lang_passiv12_2020, among the langvarige with 10 years or more of anciennitet.'),
	('lang_fritaget_2018_2020',
	 'Among the langvarige of lang_antal_2020: the share with an exemption (synth_exemptions) on some day of 1 March 2018 - 29 February 2020.'),
	('lang_fritaget_2020',
	 'Among the langvarige of lang_antal_2020: the share exempt (synth_exemptions) on 1 March 2020.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(432, 'lang_passiv12_2020', 'seeds/002 Figur 47', 'langvarige med mere end 12 måneder uden tilbud og uden fritagelse i forløbet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'forløbet til 1. marts 2020', 43, 'pct.', 3),
	(433, 'lang_passiv12_10_2020', 'seeds/002 Figur 47', 'heraf blandt langvarige med 10+ års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'forløbet til 1. marts 2020', 56, 'pct.', 4),
	(434, 'lang_fritaget_2018_2020', 'seeds/002 afsnit 6.5', 'langvarige fritaget for indsats i en periode af de 2 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'marts 2018 - februar 2020', 47, 'pct.', NULL),
	(435, 'lang_fritaget_2020', 'seeds/002 afsnit 5', 'langvarige fritaget for indsats', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 12, 'pct.', 2);

-- seeds/002 Figur 2's N, read as the persons aged 30-66 (it is not Tabel 11's 16-66-year-olds,
-- about 1.83 million; the langvarige are 30 or more): numbered from 436
INSERT INTO synth_maal (noegle, definition) VALUES
	('bef30_2020q2',
	 'Persons aged 30-66 on 1 April 2020 (synth_population, 2020 Q2).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(436, 'bef30_2020q2', 'seeds/002 Figur 2', 'borgere i de 25 kommuner, 30-66 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], 'primo 2. kvartal 2020', 1242203, 'personer', 37266);

-- seeds/002 afsnit 2.2: the 25 kommuner's share of the country's aktivitetsparate (pooled over
-- the whole country, so kommuner is NULL): numbered from 437
INSERT INTO synth_maal (noegle, definition) VALUES
	('akt25_andel_2020',
	 'Of the country''s persons on kontanthjælp or overgangsydelse as aktivitetsparat (1101, 2151) in 2020-W09, all ages: the share whose kommune is one of seeds/002''s 25 kommuner (those of lang_antal_2020).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(437, 'akt25_andel_2020', 'seeds/002 afsnit 2.2', 'de 25 kommuners andel af landets aktivitetsparate kontanthjælpsmodtagere', '25 kommuner', NULL, 'uge 9 2020', 59, 'pct.', 1);

-- seeds/002 Tabel 1: the langvarige's ages by sex (the histories from 2017, ageShifts):
-- numbered from 438
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_alder30_m_2020',
	 'Among the langvarige of lang_antal_2020 who are men: the share aged 30-39 on 1 March 2020 (lang_antal_2020 counts those aged 30 or more).'),
	('lang_alder40_m_2020',
	 'Among the langvarige of lang_antal_2020 who are men: the share aged 40-49 on 1 March 2020.'),
	('lang_alder50_m_2020',
	 'Among the langvarige of lang_antal_2020 who are men: the share aged 50-59 on 1 March 2020.'),
	('lang_alder60_m_2020',
	 'Among the langvarige of lang_antal_2020 who are men: the share aged 60 or more on 1 March 2020.'),
	('lang_alder30_k_2020',
	 'Among the langvarige of lang_antal_2020 who are women: the share aged 30-39 on 1 March 2020 (lang_antal_2020 counts those aged 30 or more).'),
	('lang_alder40_k_2020',
	 'Among the langvarige of lang_antal_2020 who are women: the share aged 40-49 on 1 March 2020.'),
	('lang_alder50_k_2020',
	 'Among the langvarige of lang_antal_2020 who are women: the share aged 50-59 on 1 March 2020.'),
	('lang_alder60_k_2020',
	 'Among the langvarige of lang_antal_2020 who are women: the share aged 60 or more on 1 March 2020.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(438, 'lang_alder30_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 30-39 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 24, 'pct.', 2),
	(439, 'lang_alder40_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 40-49 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 30, 'pct.', 2),
	(440, 'lang_alder50_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 50-59 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 35, 'pct.', 2),
	(441, 'lang_alder60_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 60 år og derover', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 11, 'pct.', 2),
	(442, 'lang_alder30_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 30-39 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 24, 'pct.', 2),
	(443, 'lang_alder40_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 40-49 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 36, 'pct.', 2),
	(444, 'lang_alder50_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 50-59 år', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 31, 'pct.', 2),
	(445, 'lang_alder60_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 60 år og derover', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 9, 'pct.', 2);

-- seeds/001 note 3: the effort's monthly rates in 2016-17 (the generator's jobs by residence and
-- København's shorter placements of period B): numbered from 446
INSERT INTO synth_maal (noegle, definition) VALUES
	('note3_afgang_indsats_2016_2017',
	 'Person-months of May 2016 - April 2017 of København''s aktivitetsparate over 30 (code 1101 in the month''s first week, aged 30 or more on its first day) living in Tingbjerg or Urbanplanen (synth_residence): the share of months with a week in job or education (no code and a grad above 0 in the month of the week''s Thursday, or code SU 1901) right after a week with code 1101 or 1111.'),
	('note3_afgang_jki_2016_2017',
	 'As note3_afgang_indsats_2016_2017, over all of København''s aktivitetsparate over 30 (Center for Jobindsats as a whole).'),
	('note3_placering_indsats_2016_2017',
	 'The person-months of note3_afgang_indsats_2016_2017: the share of months in which a virksomhedspraktik or løntilskud (synth_offers) starts.'),
	('note3_placering_jki_2016_2017',
	 'As note3_placering_indsats_2016_2017, over all of København''s aktivitetsparate over 30.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(446, 'note3_afgang_indsats_2016_2017', 'seeds/001 notat 3', 'afgang til job eller uddannelse pr. måned: indsatsen', 'København', '{101}'::int[], 'maj 2016 - april 2017', 0.5, 'pct.', 0.1),
	(447, 'note3_afgang_jki_2016_2017', 'seeds/001 notat 3', 'afgang til job eller uddannelse pr. måned: Center for Jobindsats', 'København', '{101}'::int[], 'maj 2016 - april 2017', 0.4, 'pct.', 0.1),
	(448, 'note3_placering_indsats_2016_2017', 'seeds/001 notat 3', 'påbegyndte virksomhedsplaceringer pr. måned: indsatsen', 'København', '{101}'::int[], 'maj 2016 - april 2017', 2.2, 'pct.', 0.3),
	(449, 'note3_placering_jki_2016_2017', 'seeds/001 notat 3', 'påbegyndte virksomhedsplaceringer pr. måned: Center for Jobindsats', 'København', '{101}'::int[], 'maj 2016 - april 2017', 2, 'pct.', 0.3);

-- seeds/004 afsnit 4.3: the dagpengemodtagere over 50 (ageShifts from 2017): numbered from 450
INSERT INTO synth_maal (noegle, definition) VALUES
	('dp_over50_2017q2',
	 'Of the fuldtidspersoner on a-dagpenge (1201) in 2017 Q2 (weeks of the quarter on the code ÷ the quarter''s weeks): the share of persons aged 50 or more on 1 April 2017.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(450, 'dp_over50_2017q2', 'seeds/004 afsnit 4.3', 'dagpengemodtagere over 50 år (andel af helårspersonerne)', 'København', '{101}'::int[], '2. kvartal 2017', 16, 'pct.', 1);

-- seeds/003 Tabel 4: København's kontaktforløb of aktivitetsparate over 30 ended in job or
-- education (residenceJob's 2013-2015 row): numbered from 451
INSERT INTO synth_maal (noegle, definition) VALUES
	('t4_afgang_job_2014',
	 'København''s spells on kontanthjælp as aktivitetsparat (codes 1101, 1102; no break bridged) whose first week after lies in 2014 (the ISO weeks of its quarters), of persons aged 30 or more on that week''s Monday: the number whose first week after is job or education (code SU 1901, or no code and a grad above 0 in the month of the week''s Thursday).'),
	('t4_afgang_job_2015',
	 'As t4_afgang_job_2014, for the spells whose first week after lies in 2015.'),
	('t4_afgang_job_2016m10',
	 'As t4_afgang_job_2014, for the spells whose first week after lies in January - October 2016 (the weeks of the months, Thursday rule).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(451, 't4_afgang_job_2014', 'seeds/003 Tabel 4', 'forløb afsluttet til job eller uddannelse (aktivitetsparate over 30 år)', 'København', '{101}'::int[], '2014', 644, 'personer', 60),
	(452, 't4_afgang_job_2015', 'seeds/003 Tabel 4', 'forløb afsluttet til job eller uddannelse (aktivitetsparate over 30 år)', 'København', '{101}'::int[], '2015', 677, 'personer', 60),
	(453, 't4_afgang_job_2016m10', 'seeds/003 Tabel 4', 'forløb afsluttet til job eller uddannelse (aktivitetsparate over 30 år)', 'København', '{101}'::int[], 'januar - oktober 2016', 767, 'personer', 60);

-- seeds/004 afsnit 4.4: the jobparate of non-western origin (København's marginal class): 454
INSERT INTO synth_maal (noegle, definition) VALUES
	('jp_ikkevestlig_2017w14',
	 'Of the persons on kontanthjælp as jobparat (codes 1111, 1112) in 2017-W14, aged 30 or more on 1 April 2017: the share with herkomst indvandrer ikke-vestlig or efterkommer (synth_background).');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(454, 'jp_ikkevestlig_2017w14', 'seeds/004 afsnit 4.4', 'jobparate med ikke-vestlig baggrund', 'København', '{101}'::int[], 'uge 14 2017', 39, 'pct.', 2);

-- seeds/002 Tabel 1: the langvarige's anciennitet groups by sex (kthRegionMult, kthSexMult from
-- 2017): 455-460
INSERT INTO synth_maal (noegle, definition) VALUES
	('lang_anc5_m_2020',
	 'Among the langvarige of lang_antal_2020 in the 25 kommuner who are men: the share whose spell (the kontanthjælp family, breaks of at most 5 weeks bridged) has lasted 5 to under 7 years by 2020-W09 (weeks × 7 ÷ 365.25).'),
	('lang_anc7_m_2020',
	 'As lang_anc5_m_2020, 7 to under 10 years.'),
	('lang_anc10_m_2020',
	 'As lang_anc5_m_2020, 10 years or more.'),
	('lang_anc5_k_2020',
	 'As lang_anc5_m_2020, among the women.'),
	('lang_anc7_k_2020',
	 'As lang_anc5_k_2020, 7 to under 10 years.'),
	('lang_anc10_k_2020',
	 'As lang_anc5_k_2020, 10 years or more.');

INSERT INTO synth_target (nr, noegle, kilde, maal, geografi, kommuner, periode, vaerdi, enhed, tolerance) VALUES
	(455, 'lang_anc5_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 5-7 års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 33, 'pct.', 2),
	(456, 'lang_anc7_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 7-10 års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 33, 'pct.', 2),
	(457, 'lang_anc10_m_2020', 'seeds/002 Tabel 1', 'langvarige mænd, 10+ års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 35, 'pct.', 2),
	(458, 'lang_anc5_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 5-7 års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 26, 'pct.', 2),
	(459, 'lang_anc7_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 7-10 års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 30, 'pct.', 2),
	(460, 'lang_anc10_k_2020', 'seeds/002 Tabel 1', 'langvarige kvinder, 10+ års anciennitet', '25 kommuner', '{101,151,153,169,210,330,360,370,376,390,410,430,461,480,540,561,621,630,657,707,751,787,791,820,851}'::int[], '1. marts 2020', 44, 'pct.', 2);

SELECT pg_catalog.pg_extension_config_dump('synth_target', 'WHERE nr >= 1000');
