-- bi/rollups.sql: the rollups (schema bi, part 2 of 3).
--
-- Tables that keep, per kommune, quarter, målgruppe and age group, the
-- mergeable states of each measure, made from the register through the
-- kilde_* views: counts and sums that add up, jobreg's aktivering sums and
-- survival states.  The views of bi/views.sql merge them into kommuner,
-- klynger, years and the whole country without reading the register again.
--
-- Every state is kept in a form that can be updated exactly: counts and
-- whole-number sums, survival states (survival_subtract takes rows out
-- exactly), anciennitet_fordeling's counts, and activation hours in fixed
-- point (whole multiples of 2^-32 hours).  So a delivery of changed
-- weeklines updates them (bi/incremental.sql: the changed persons' old
-- contributions out, the new ones in) to exactly the rows a rebuild gives.
-- bi.rollups_genopbyg() rebuilds them all from the register in one
-- transaction: readers see the old rows until it commits.
--
-- Each rollup's query is written once, as a function of the relations the
-- weeklines and the persons are read from (bi.kilde_dream and
-- bi.kilde_person for a rebuild, the changed persons' weeklines and rows for
-- an update).  They are big queries: give the
-- session that builds them memory (SET work_mem = '256MB').

-- The persons of each målgruppe: a person and a målgruppe with at least one
-- week on its codes in the covered quarters, with the person's weekline,
-- kommune and birth date, read from the relations dream (pnr, uger) and
-- person (pnr, kommunekode, foedselsdato).  (The first weeks_in, on every
-- målgruppe's codes, keeps the per-målgruppe tests to the few persons that
-- have any.)  With fra, dream has a third column fra (isoweek): an update
-- computes only the figures that the weeks from fra on can change (NULL:
-- all); the rollup queries below say which those are.  Why 7 weeks for
-- spells: with breaks of up to 5 weeks bridged, a spell ending (exclusive)
-- in week u is fixed by the weeks before u + 6 (a code in u + 5 would still
-- bridge the break u .. u + 4; one in u + 6 or later cannot), and so is
-- whether a week q lies in a spell by the weeks before q + 6; its start,
-- prior gap and left censoring by earlier weeks.  If the old history ended
-- before u + 6 (the spell could still run), the first difference lies
-- there.  So a spell or quarter-end left out (u + 7 <= fra, q + 7 <= fra) is
-- the same on both sides and cancels.  A max_gap above 5 needs a wider margin.
CREATE FUNCTION bi.maalgruppe_person_sql(dream text, person text DEFAULT 'bi.kilde_person',
										 fra boolean DEFAULT false) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN format($q$
	WITH i_nogen AS MATERIALIZED (
		SELECT d.pnr, d.uger, %s AS fra, p.kommunekode, p.foedselsdato
		FROM %s AS d
			 JOIN %s AS p USING (pnr)
		WHERE weeks_in(d.uger, (SELECT koder FROM bi.spaend), (SELECT uger FROM bi.spaend)) > 0
	)
	SELECT x.pnr, x.uger, x.fra, x.kommunekode, x.foedselsdato, m.maalgruppe, m.koder
	FROM i_nogen AS x
		 JOIN bi.maalgruppe AS m ON weeks_in(x.uger, m.koder, (SELECT uger FROM bi.spaend)) > 0$q$,
				  CASE WHEN fra THEN 'd.fra' ELSE 'NULL::isoweek' END, dream, person);
COMMENT ON FUNCTION bi.maalgruppe_person_sql(text, text, boolean) IS 'BI internal: the query of each person of the relation dream (pnr, uger, and fra when fra) with a week in a målgruppe in the covered quarters, with the weekline, and kommune and birth date from the relation person';

-- Population denominators: persons by kommune and age group on the first day
-- of each quarter (no weeklines: refreshed as a whole).
CREATE MATERIALIZED VIEW bi.befolkning_rollup AS
SELECT b.kommunekode, b.aar, b.kvartal, bi.aldersgruppe(b.alder) AS aldersgruppe,
	   sum(b.antal)::int8 AS befolkning
FROM bi.kilde_befolkning AS b
	 JOIN bi.kvartal AS q USING (aar, kvartal)
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX ON bi.befolkning_rollup (kommunekode, aar, kvartal, aldersgruppe);
COMMENT ON MATERIALIZED VIEW bi.befolkning_rollup IS 'BI rollup: population by kommune, quarter and age group (the denominator of shares of the population)';

-- Activation hours in fixed point: whole multiples of 2^-32 hours, summed as
-- int8 (exact, in any order, and under subtraction), and the aktivering value
-- of such sums.  summer = {aktivering values, personer, aktiveringsberoerte,
-- ydelsestimer, aktiveringstimer, virksomhedsrettede_timer} (hours × 2^32).
CREATE FUNCTION bi.timer_fast(timer float8) RETURNS int8
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN round(timer * 4294967296.0)::int8;
CREATE FUNCTION bi.aktivering_af(summer int8[]) RETURNS aktivering
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN summer[1] > 0 THEN
		ROW(summer[2], summer[3], summer[4] / 4294967296.0::float8, summer[5] / 4294967296.0::float8,
			summer[6] / 4294967296.0::float8)::aktivering END;
COMMENT ON FUNCTION bi.timer_fast(float8) IS 'BI internal: hours in fixed point (whole multiples of 2^-32 hours), so that sums are exact';
COMMENT ON FUNCTION bi.aktivering_af(int8[]) IS 'BI internal: the aktivering value of fixed-point sums (NULL when they hold no value)';

-- Time on the benefit and activation, per person and quarter, summed.  A
-- person counts in a quarter with at least one week on the målgruppe's
-- codes; uger are those weeks (fuldtidspersoner = uger / weeks of the
-- quarter); aktivering is jobreg's aktivering() of the person in the
-- quarter's days, from the benefit periods (the weeks on the codes, Monday to
-- Monday) and the offers, summed in fixed point (summer) and kept as an
-- aktivering value for the views.
CREATE FUNCTION bi.ydelse_sql(dream text, person text DEFAULT 'bi.kilde_person', fra boolean DEFAULT false) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN format($q$
WITH par AS MATERIALIZED (
	-- the person's weeks and days on the målgruppe's codes, and offers
	SELECT x.*, paa.uger AS uger_paa, paa.dage AS dage_paa,
		   ARRAY(SELECT t FROM bi.kilde_tilbud AS t
				 WHERE t.pnr = x.pnr AND t.periode && (SELECT dage FROM bi.spaend)) AS tilbud
	FROM (%s) AS x
		 CROSS JOIN LATERAL (
			 SELECT range_agg(s.spell) AS uger,
					range_agg(daterange(monday(lower(s.spell)), monday(upper(s.spell)))) AS dage
			 FROM spells(x.uger, x.koder) AS s
			 WHERE s.spell && (SELECT uger FROM bi.spaend)) AS paa
),
pr_kvartal AS (
	-- each quarter with a week on the codes (OFFSET 0: computed here, not after grouping)
	SELECT x.kommunekode, x.maalgruppe, k.*
	FROM par AS x
		 CROSS JOIN LATERAL (
			 SELECT q.aar, q.kvartal, bi.aldersgruppe(x.foedselsdato, q.foerste_dag) AS aldersgruppe,
					weeks_in(x.uger, x.koder, q.uger) AS uger,
					(SELECT aktivering(x.dage_paa, q.dage, t.tilbudstype, t.periode, t.timer_pr_uge)
					 FROM (SELECT) AS uden_tilbud
						  LEFT JOIN unnest(x.tilbud) AS t ON t.periode && q.dage) AS aktivering
			 FROM bi.kvartal AS q
			 WHERE q.nr BETWEEN bi.kvartalsnr(lower(x.uger_paa)) AND bi.kvartalsnr(upper(x.uger_paa) - 1)
			   AND q.uger && x.uger_paa
			   AND (x.fra IS NULL OR upper(q.uger) > x.fra)	-- a quarter's figures: its own weeks
			 OFFSET 0) AS k
)
SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe,
	   count(*) AS personer, sum(uger)::int8 AS uger,
	   ARRAY[count(aktivering), sum((aktivering).personer), sum((aktivering).aktiveringsberoerte),
			 sum(bi.timer_fast((aktivering).ydelsestimer)), sum(bi.timer_fast((aktivering).aktiveringstimer)),
			 sum(bi.timer_fast((aktivering).virksomhedsrettede_timer))]::int8[] AS summer
FROM pr_kvartal
GROUP BY 1, 2, 3, 4, 5$q$, bi.maalgruppe_person_sql(dream, person, fra));
COMMENT ON FUNCTION bi.ydelse_sql(text, text, boolean) IS 'BI internal: the query of ydelse_rollup''s sums (personer, uger, summer) from the weeklines of the relation dream (pnr, uger, and fra when fra) and the persons of the relation person';

CREATE TABLE bi.ydelse_rollup (
	kommunekode int NOT NULL,
	aar int NOT NULL,
	kvartal int NOT NULL,
	maalgruppe text NOT NULL,
	aldersgruppe text NOT NULL,
	personer int8 NOT NULL,
	uger int8 NOT NULL,
	aktivering aktivering,
	summer int8[] NOT NULL,
	PRIMARY KEY (kommunekode, aar, kvartal, maalgruppe, aldersgruppe)
) WITH (fillfactor = 80);
COMMENT ON TABLE bi.ydelse_rollup IS 'BI rollup: persons with a week in the målgruppe in the quarter, their weeks in it (fuldtidspersoner numerator) and their activation (aktivering, from the fixed-point sums in summer)';
COMMENT ON COLUMN bi.ydelse_rollup.summer IS 'exact sums of the persons'' aktivering values: count, personer, aktiveringsberoerte, and ydelsestimer, aktiveringstimer, virksomhedsrettede_timer × 2^32';

-- New spells by the quarter they start in: spells on the målgruppe's codes
-- with breaks of up to 5 weeks bridged (STAR), after at least 52 weeks off
-- the codes (or none before in the history), not running when the history
-- starts; duration = weeks on the codes; ended unless still running when the
-- history ends.  The survival state answers surv_at(…, 52) and any other
-- time, merged over kommuner and quarters with survival_merge().
CREATE FUNCTION bi.forloeb_sql(dream text, person text DEFAULT 'bi.kilde_person', fra boolean DEFAULT false) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN format($q$
WITH par AS MATERIALIZED (%s)
SELECT x.kommunekode, q.aar, q.kvartal, x.maalgruppe,
	   bi.aldersgruppe(x.foedselsdato, q.foerste_dag) AS aldersgruppe,
	   count(*) AS nye_forloeb,
	   survival(s.weeks, NOT s.right_censored) AS overlevelse
FROM par AS x
	 CROSS JOIN LATERAL spells(x.uger, x.koder, 5) AS s
	 JOIN bi.kvartal AS q ON q.nr = bi.kvartalsnr(lower(s.spell))
WHERE NOT s.left_censored AND (s.prior_gap IS NULL OR s.prior_gap >= 52)
  -- a spell: its weeks, the break after it (up to 5 weeks) and the span
  AND (x.fra IS NULL OR upper(s.spell) + 7 > x.fra)
GROUP BY 1, 2, 3, 4, 5$q$, bi.maalgruppe_person_sql(dream, person, fra));
COMMENT ON FUNCTION bi.forloeb_sql(text, text, boolean) IS 'BI internal: the query of forloeb_rollup''s rows from the weeklines of the relation dream (pnr, uger, and fra when fra) and the persons of the relation person';

CREATE TABLE bi.forloeb_rollup (
	kommunekode int NOT NULL,
	aar int NOT NULL,
	kvartal int NOT NULL,
	maalgruppe text NOT NULL,
	aldersgruppe text NOT NULL,
	nye_forloeb int8 NOT NULL,
	overlevelse survival,
	PRIMARY KEY (kommunekode, aar, kvartal, maalgruppe, aldersgruppe)
) WITH (fillfactor = 80);
COMMENT ON TABLE bi.forloeb_rollup IS 'BI rollup: new spells by start quarter (after 52 weeks off the codes, breaks of up to 5 weeks bridged) and their survival state';

-- Anciennitet of the persons on the målgruppe's codes in the last week of
-- each quarter (STAR: breaks of up to 5 weeks do not end the spell), as
-- jobreg's anciennitet_fordeling: persons, mean years and shares, computed
-- from its state (fordeling: whole-number counts and weeks), which the
-- rollup keeps.  The shares merge weighted by persons.
CREATE AGGREGATE bi.fordeling_tilstand(weeks int4) (
	SFUNC = anciennitet_fordeling_trans, STYPE = float8[], INITCOND = '{0,0,0,0,0,0,0,0}',
	COMBINEFUNC = jobreg_array_sum, PARALLEL = SAFE
);
COMMENT ON AGGREGATE bi.fordeling_tilstand(int4) IS 'BI internal: the state of anciennitet_fordeling (persons, weeks, persons over 2, 3, 5 years, in 5-7, 7-10, 10+ years)';

CREATE FUNCTION bi.anciennitet_sql(dream text, person text DEFAULT 'bi.kilde_person', fra boolean DEFAULT false) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN format($q$
WITH par AS MATERIALIZED (%s)
SELECT x.kommunekode, q.aar, q.kvartal, x.maalgruppe,
	   bi.aldersgruppe(x.foedselsdato, q.foerste_dag) AS aldersgruppe,
	   bi.fordeling_tilstand(anciennitet(x.uger, x.koder, q.sidste_uge, 5)) AS fordeling
FROM par AS x
	 -- the quarters whose last week lies in a spell
	 CROSS JOIN LATERAL spells(x.uger, x.koder, 5) AS s
	 JOIN bi.kvartal AS q ON q.nr BETWEEN bi.kvartalsnr(lower(s.spell)) AND bi.kvartalsnr(upper(s.spell) - 1)
						  AND s.spell @> q.sidste_uge
						  -- the spell at a week: the weeks up to it and the break after it
						  AND (x.fra IS NULL OR q.sidste_uge + 7 > x.fra)
GROUP BY 1, 2, 3, 4, 5$q$, bi.maalgruppe_person_sql(dream, person, fra));
COMMENT ON FUNCTION bi.anciennitet_sql(text, text, boolean) IS 'BI internal: the query of anciennitet_rollup''s states from the weeklines of the relation dream (pnr, uger, and fra when fra) and the persons of the relation person';

CREATE TABLE bi.anciennitet_rollup (
	kommunekode int NOT NULL,
	aar int NOT NULL,
	kvartal int NOT NULL,
	maalgruppe text NOT NULL,
	aldersgruppe text NOT NULL,
	personer int8,
	gennemsnit_aar float8,
	andel_over_2_aar float8,
	andel_over_3_aar float8,
	andel_over_5_aar float8,
	andel_5_7_aar float8,
	andel_7_10_aar float8,
	andel_10_plus_aar float8,
	fordeling float8[] NOT NULL,
	PRIMARY KEY (kommunekode, aar, kvartal, maalgruppe, aldersgruppe)
) WITH (fillfactor = 80);
COMMENT ON TABLE bi.anciennitet_rollup IS 'BI rollup: anciennitet distribution (anciennitet_fordeling) of the persons in the målgruppe in the last week of each quarter, and its state (fordeling)';
COMMENT ON COLUMN bi.anciennitet_rollup.fordeling IS 'the state of anciennitet_fordeling: whole-number counts, exact under updates';

-- Rebuild every rollup table from the register, in the caller's transaction
-- (readers see the old rows until it commits; updates wait for it).  The
-- tables leave room on their pages (fillfactor 80) so that updates with a
-- delivery can stay on the page; bi/nightly-refresh.sh vacuums them after.
CREATE FUNCTION bi.rollups_genopbyg() RETURNS void
	LANGUAGE plpgsql AS $f$
BEGIN
	LOCK TABLE bi.ydelse_rollup, bi.forloeb_rollup, bi.anciennitet_rollup IN SHARE ROW EXCLUSIVE MODE;
	DELETE FROM bi.ydelse_rollup;
	EXECUTE format('INSERT INTO bi.ydelse_rollup SELECT y.kommunekode, y.aar, y.kvartal, y.maalgruppe, y.aldersgruppe,'
				   ' y.personer, y.uger, bi.aktivering_af(y.summer), y.summer FROM (%s) AS y',
				   bi.ydelse_sql('bi.kilde_dream'));
	DELETE FROM bi.forloeb_rollup;
	EXECUTE format('INSERT INTO bi.forloeb_rollup %s', bi.forloeb_sql('bi.kilde_dream'));
	DELETE FROM bi.anciennitet_rollup;
	EXECUTE format('INSERT INTO bi.anciennitet_rollup SELECT a.kommunekode, a.aar, a.kvartal, a.maalgruppe,'
				   ' a.aldersgruppe, (anciennitet_fordeling_final(a.fordeling)).*, a.fordeling FROM (%s) AS a',
				   bi.anciennitet_sql('bi.kilde_dream'));
END $f$;
COMMENT ON FUNCTION bi.rollups_genopbyg() IS 'BI: rebuilds the rollup tables from the register in the caller''s transaction';

DO $$ BEGIN PERFORM bi.rollups_genopbyg(); END $$;
