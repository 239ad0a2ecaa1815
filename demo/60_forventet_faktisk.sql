-- "Forventet vs faktisk": STAR and the ministry benchmark a kommune on its expected level
-- given its rammevilkår, not on its raw rate.  Of the aktivitetsparate kontanthjælps-
-- modtagere who start a forløb in 2012 Q4 - 2013 Q3 (aged 30 or more, as Figur 3), how
-- many leave kontanthjælp within 52 weeks in København, against how many a national model
-- expects from its persons' køn, alder and anciennitet -- and where does København stand
-- among the kommuner of its klynge and in the country?
--
-- Definitions: a forløb as in 13_s000_figur3.sql (kontanthjælp, aktivitetsparat or
-- jobparat, ending when it stops for more than 5 weeks; it starts as aktivitetsparat), here
-- every forløb of the period, not only new ones.  Afgang: the forløb ends within 52 weeks
-- (not censored).  Anciennitet: weeks on kontanthjælp in the 156 weeks before the start,
-- in bands 0, 1-26, 27-104, 105+ (three 0/1 dummies); alder in whole years at the start;
-- køn 0/1.  The model: jobreg's `logistic` over the whole country, fitted once and stored;
-- a kommune's expected count is the sum of its persons' predicted probabilities
-- (`predict`), its ratio faktisk ÷ forventet with smr's exact 95 % interval.
-- The documents print no such table: nothing here is checked against a target.
\if :{?outdir}
\else
\set outdir .
\endif
CREATE TEMP TABLE ff_forloeb AS
SELECT p.kommunekode, (p.koen = 'K')::int::float8 AS kvinde,
	   extract(year FROM age(monday(lower(s.spell)), p.foedselsdato))::float8 AS alder,
	   (a.uger BETWEEN 1 AND 26)::int::float8 AS anc_1_26, (a.uger BETWEEN 27 AND 104)::int::float8 AS anc_27_104,
	   (a.uger >= 105)::int::float8 AS anc_105,
	   (upper(s.spell) - lower(s.spell) <= 52 AND NOT s.right_censored) AS afgang
FROM register.person p
JOIN register.dream d USING (pnr),
	 (SELECT weekrange(lower(quarter_weeks(2012, 4)), upper(quarter_weeks(2013, 3))) AS startuger,
			 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')) AS akt,
			 (SELECT codes('synthetic', 'kontanthjælp aktivitetsparat')
					 || codes('synthetic', 'kontanthjælp jobparat')) AS kontanthjaelp) AS k,
	 spells(d.uger, k.kontanthjaelp, 5) AS s,
	 LATERAL (SELECT weeks_in(d.uger, k.kontanthjaelp, weekrange(lower(s.spell) - 156, lower(s.spell))) AS uger) AS a
WHERE weeks_in(d.uger, k.kontanthjaelp, k.startuger) > 0          -- (only to skip the rest fast)
  AND lower(s.spell) <@ k.startuger
  AND code_at(d.uger, lower(s.spell)) = ANY (k.akt)
  AND p.foedselsdato <= monday(lower(s.spell)) - interval '30 years';

-- the national model, stored once; its coefficients
CREATE TEMP TABLE ff_model AS
SELECT logistic(afgang, ARRAY[kvinde, alder, anc_1_26, anc_27_104, anc_105]) AS m FROM ff_forloeb;
SELECT f.n AS forloeb, f.events AS afgang, f.converged FROM ff_model, regression_fit(m) f;
SELECT term, round(estimate::numeric, 4) AS estimat, round(std_err::numeric, 4) AS std_fejl,
	   round(exp(estimate)::numeric, 3) AS odds_ratio, round(p_value::numeric, 4) AS p
FROM ff_model, coef_table(m, '{kvinde,alder,anc_1_26,anc_27_104,anc_105}');

-- per kommune: faktisk and forventet afgang
CREATE TEMP TABLE ff_kommune AS
SELECT f.kommunekode, count(*) AS forloeb, count(*) FILTER (WHERE f.afgang)::float8 AS faktisk,
	   sum(predict(m.m, ARRAY[f.kvinde, f.alder, f.anc_1_26, f.anc_27_104, f.anc_105])) AS forventet
FROM ff_forloeb f, ff_model m GROUP BY f.kommunekode;
SELECT round(sum(faktisk)) AS faktisk_i_alt, round(sum(forventet)::numeric, 3) AS forventet_i_alt FROM ff_kommune;

-- København in its klynge: faktisk, forventet, forhold with smr's interval, rank (1 = the
-- most afgang relative to the expected)
SELECT k.navn AS kommune, o.forloeb, o.faktisk, dk_number(o.forventet::numeric, 1) AS forventet,
	   dk_number(s.ratio::numeric, 3) AS forhold, dk_number(s.lower::numeric, 3) AS nedre, dk_number(s.upper::numeric, 3) AS oevre,
	   rank() OVER (ORDER BY s.ratio DESC) AS rang
FROM ff_kommune o
JOIN kommune k ON k.kode = o.kommunekode
JOIN register.geografi g ON g.kommunekode = o.kommunekode AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'
						AND g.geografi IN ('København', 'klyngen'),
	 LATERAL smr(o.faktisk, o.forventet) s
ORDER BY s.ratio DESC;

-- the benchmark in one aggregate: København against the klynge's pooled ratio
SELECT observed AS faktisk, dk_number(expected::numeric, 1) AS forventet, dk_number(ratio::numeric, 3) AS forhold,
	   dk_number(lower::numeric, 3) || ' - ' || dk_number(upper::numeric, 3) AS konfidensinterval,
	   dk_number(p_value::numeric, 4) AS p, dk_number(cluster_ratio::numeric, 3) AS klyngens_forhold,
	   rank AS rang, kommuner, best_kommune AS bedste, dk_number(best_ratio::numeric, 3) AS bedste_forhold
FROM (SELECT (klynge_benchmark_oe(o.kommunekode, o.faktisk, o.forventet, 101, 'higher')).*
	  FROM ff_kommune o
	  JOIN register.geografi g ON g.kommunekode = o.kommunekode AND g.maalgruppe = 'aktivitetsparate kontanthjælpsmodtagere'
							  AND g.geografi IN ('København', 'klyngen')) AS b;

-- and among all kommuner: rank in the country, and how many lie outside the funnel's limits
SELECT (SELECT 1 + count(*) FROM ff_kommune o2 WHERE o2.faktisk / o2.forventet > o.faktisk / o.forventet) AS rang_i_landet,
	   (SELECT count(*) FROM ff_kommune) AS kommuner,
	   (SELECT count(*) FROM ff_kommune, smr(faktisk, forventet) s WHERE s.lower > 1 OR s.upper < 1) AS uden_for_95_pct
FROM ff_kommune o WHERE o.kommunekode = 101;

-- the funnel plot of every kommune, København named
\pset format unaligned
\pset tuples_only on
\o :outdir/funnel.svg
SELECT funnel_svg(array_agg(o.kommunekode ORDER BY o.kommunekode), array_agg(o.faktisk ORDER BY o.kommunekode),
				  array_agg(o.forventet ORDER BY o.kommunekode), array_agg(k.navn ORDER BY o.kommunekode), 101,
				  'Afgang fra kontanthjælp inden 52 uger: faktisk mod forventet (køn, alder, anciennitet)',
				  x_label => 'forventet antal afgange', y_label => 'faktisk ÷ forventet')
FROM ff_kommune o JOIN kommune k ON k.kode = o.kommunekode;
\o
\pset format aligned
\pset tuples_only off
\echo :outdir/funnel.svg
