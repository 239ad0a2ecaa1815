-- bi/rollups.sql: the rollups (schema bi, part 2 of 3).
--
-- Materialized views that read the register through the kilde_* views once a
-- night and keep, per kommune, quarter, målgruppe and age group, the
-- mergeable states of each measure: counts and sums that add up, jobreg's
-- aktivering sums and survival states.  The views of bi/views.sql merge them
-- into kommuner, klynger, years and the whole country without reading the
-- register again.  Each has a UNIQUE index on its key, so that
--	 REFRESH MATERIALIZED VIEW CONCURRENTLY
-- can replace its rows while BI tools read them (bi/nightly-refresh.sh).
--
-- The rollups depend only on the kilde_* views and the tables of
-- bi/source.sql, not on one another.  They are big queries: give the session
-- that creates or refreshes them memory (SET work_mem = '256MB').

-- The persons of each målgruppe: a person and a målgruppe with at least one
-- week on its codes in the covered quarters, with the person's weekline,
-- kommune and birth date.  (The first weeks_in, on every målgruppe's codes,
-- keeps the per-målgruppe tests to the few persons that have any.)
CREATE VIEW bi.maalgruppe_person AS
WITH i_nogen AS MATERIALIZED (
	SELECT d.pnr, d.uger, p.kommunekode, p.foedselsdato
	FROM bi.kilde_dream AS d
		 JOIN bi.kilde_person AS p USING (pnr)
	WHERE weeks_in(d.uger, (SELECT koder FROM bi.spaend), (SELECT uger FROM bi.spaend)) > 0
)
SELECT x.pnr, x.uger, x.kommunekode, x.foedselsdato, m.maalgruppe, m.koder
FROM i_nogen AS x
	 JOIN bi.maalgruppe AS m ON weeks_in(x.uger, m.koder, (SELECT uger FROM bi.spaend)) > 0;
COMMENT ON VIEW bi.maalgruppe_person IS 'BI internal: each person with a week in a målgruppe in the covered quarters, with the weekline, kommune and birth date';

-- Population denominators: persons by kommune and age group on the first day
-- of each quarter.
CREATE MATERIALIZED VIEW bi.befolkning_rollup AS
SELECT b.kommunekode, b.aar, b.kvartal, bi.aldersgruppe(b.alder) AS aldersgruppe,
	   sum(b.antal)::int8 AS befolkning
FROM bi.kilde_befolkning AS b
	 JOIN bi.kvartal AS q USING (aar, kvartal)
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX ON bi.befolkning_rollup (kommunekode, aar, kvartal, aldersgruppe);
COMMENT ON MATERIALIZED VIEW bi.befolkning_rollup IS 'BI rollup: population by kommune, quarter and age group (the denominator of shares of the population)';

-- Time on the benefit and activation, per person and quarter, summed.  A
-- person counts in a quarter with at least one week on the målgruppe's
-- codes; uger are those weeks (fuldtidspersoner = uger / weeks of the
-- quarter); aktivering is jobreg's aktivering() of the person in the
-- quarter's days, from the benefit periods (the weeks on the codes, Monday to
-- Monday) and the offers, summed with aktivering_sum().
CREATE MATERIALIZED VIEW bi.ydelse_rollup AS
WITH par AS MATERIALIZED (
	-- the person's weeks and days on the målgruppe's codes, and offers
	SELECT x.*, paa.uger AS uger_paa, paa.dage AS dage_paa,
		   ARRAY(SELECT t FROM bi.kilde_tilbud AS t
				 WHERE t.pnr = x.pnr AND t.periode && (SELECT dage FROM bi.spaend)) AS tilbud
	FROM bi.maalgruppe_person AS x
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
			 OFFSET 0) AS k
)
SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe,
	   count(*) AS personer, sum(uger)::int8 AS uger, aktivering_sum(aktivering) AS aktivering
FROM pr_kvartal
GROUP BY 1, 2, 3, 4, 5;
CREATE UNIQUE INDEX ON bi.ydelse_rollup (kommunekode, aar, kvartal, maalgruppe, aldersgruppe);
COMMENT ON MATERIALIZED VIEW bi.ydelse_rollup IS 'BI rollup: persons with a week in the målgruppe in the quarter, their weeks in it (fuldtidspersoner numerator) and their activation (aktivering_sum)';

-- New spells by the quarter they start in: spells on the målgruppe's codes
-- with breaks of up to 5 weeks bridged (STAR), after at least 52 weeks off
-- the codes (or none before in the history), not running when the history
-- starts; duration = weeks on the codes; ended unless still running when the
-- history ends.  The survival state answers surv_at(…, 52) and any other
-- time, merged over kommuner and quarters with survival_merge().
CREATE MATERIALIZED VIEW bi.forloeb_rollup AS
WITH par AS MATERIALIZED (
	SELECT * FROM bi.maalgruppe_person
)
SELECT x.kommunekode, q.aar, q.kvartal, x.maalgruppe,
	   bi.aldersgruppe(x.foedselsdato, q.foerste_dag) AS aldersgruppe,
	   count(*) AS nye_forloeb,
	   survival(s.weeks, NOT s.right_censored) AS overlevelse
FROM par AS x
	 CROSS JOIN LATERAL spells(x.uger, x.koder, 5) AS s
	 JOIN bi.kvartal AS q ON q.nr = bi.kvartalsnr(lower(s.spell))
WHERE NOT s.left_censored AND (s.prior_gap IS NULL OR s.prior_gap >= 52)
GROUP BY 1, 2, 3, 4, 5;
CREATE UNIQUE INDEX ON bi.forloeb_rollup (kommunekode, aar, kvartal, maalgruppe, aldersgruppe);
COMMENT ON MATERIALIZED VIEW bi.forloeb_rollup IS 'BI rollup: new spells by start quarter (after 52 weeks off the codes, breaks of up to 5 weeks bridged) and their survival state';

-- Anciennitet of the persons on the målgruppe's codes in the last week of
-- each quarter (STAR: breaks of up to 5 weeks do not end the spell), as
-- jobreg's anciennitet_fordeling: persons, mean years and shares.  The shares
-- merge weighted by persons.
CREATE MATERIALIZED VIEW bi.anciennitet_rollup AS
WITH par AS MATERIALIZED (
	SELECT * FROM bi.maalgruppe_person
),
fordeling AS (
	SELECT x.kommunekode, q.aar, q.kvartal, x.maalgruppe,
		   bi.aldersgruppe(x.foedselsdato, q.foerste_dag) AS aldersgruppe,
		   anciennitet_fordeling(anciennitet(x.uger, x.koder, q.sidste_uge, 5)) AS f
	FROM par AS x
		 -- the quarters whose last week lies in a spell
		 CROSS JOIN LATERAL spells(x.uger, x.koder, 5) AS s
		 JOIN bi.kvartal AS q ON q.nr BETWEEN bi.kvartalsnr(lower(s.spell)) AND bi.kvartalsnr(upper(s.spell) - 1)
							  AND s.spell @> q.sidste_uge
	GROUP BY 1, 2, 3, 4, 5
)
SELECT kommunekode, aar, kvartal, maalgruppe, aldersgruppe, (f).*
FROM fordeling;
CREATE UNIQUE INDEX ON bi.anciennitet_rollup (kommunekode, aar, kvartal, maalgruppe, aldersgruppe);
COMMENT ON MATERIALIZED VIEW bi.anciennitet_rollup IS 'BI rollup: anciennitet distribution (anciennitet_fordeling) of the persons in the målgruppe in the last week of each quarter';
