--
-- jobreg_synth: the generator's contract (determinism, subsets, consistency
-- between its outputs, errors).  The figures are checked in calibration.sql.
--
-- Errors are shown as SQLSTATE and message through a small catcher.
\i ../test/lib/errors.sql

-- every function is documented, immutable or stable, and parallel safe
SELECT p.proname, p.provolatile, p.proparallel, obj_description(p.oid, 'pg_proc') IS NOT NULL AS documented
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg_synth'
ORDER BY 1;
SELECT c.relname, c.relkind, obj_description(c.oid, 'pg_class') IS NOT NULL AS documented
FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobreg_synth'
WHERE c.relkind IN ('r', 'v') ORDER BY 1;

-- reference data: 98 kommuner with distinct codes, the codebook, the offer types
SELECT count(*) AS kommuner, count(DISTINCT kommunekode) AS koder, sum(pop_16_66) AS pop_16_66,
	   min(kommunekode), max(kommunekode),
	   (SELECT pop_16_66 FROM synth_kommune_pop WHERE kommunekode = 101) AS koebenhavn
FROM synth_kommune_pop;
SELECT * FROM synth_state ORDER BY code;
-- every code the generator writes is a code of jobreg's synthetic codebook, in the same group
SELECT s.code, s.gruppe, c.gruppe AS codebook_gruppe
FROM synth_state s LEFT JOIN codebook c ON c.codebook = 'synthetic' AND c.code = s.code
WHERE s.code <> 0 AND c.gruppe IS DISTINCT FROM s.gruppe;
SELECT * FROM synth_tilbudstype ORDER BY tilbudstype;

-- the targets: each computed figure has a definition
SELECT count(*) AS targets, count(tolerance) AS calibrated, count(noegle) AS computed,
	   count(DISTINCT noegle) AS measures, (SELECT count(*) FROM synth_maal) AS definitions
FROM synth_target;

-- a small register (scale 0.002, about 9,400 persons) to look at
CREATE TEMP TABLE p AS SELECT * FROM synth_persons(7, 0.002);
CREATE TEMP TABLE h AS SELECT * FROM synth_histories(7, 0.002);
CREATE TEMP TABLE o AS SELECT * FROM synth_offers(7, 0.002);
CREATE TEMP TABLE pop AS SELECT * FROM synth_population(7, 0.002);
SELECT (SELECT count(*) FROM p) AS persons, (SELECT count(*) FROM h) AS histories,
	   (SELECT count(*) FROM o) AS offers, (SELECT sum(antal) FROM pop WHERE aar = 2015 AND kvartal = 1) AS pop_2015q1;

-- persons: pnr ascending, kommune in the pnr, born 1941-2008, sex K or M
SELECT count(*) FILTER (WHERE pnr / 1000000 <> kommunekode) AS pnr_kommune_mismatch,
	   count(*) FILTER (WHERE foedselsdato NOT BETWEEN '1941-01-01' AND '2008-12-31') AS bad_birth,
	   count(*) FILTER (WHERE koen NOT IN ('K', 'M')) AS bad_sex,
	   count(DISTINCT kommunekode) AS kommuner,
	   bool_and(pnr > prev) AS ascending
FROM (SELECT *, lag(pnr, 1, 0) OVER (ORDER BY ordinality) AS prev
	  FROM synth_persons(7, 0.002) WITH ORDINALITY) AS x;

-- histories: one per person, contiguous runs from first_week (2008-W01 or the
-- first week starting at 16) to 2024-W52, codes of the codebook, no two adjacent runs alike
SELECT count(*) AS histories,
	   count(*) FILTER (WHERE first_week <> greatest('2008-W01'::isoweek, isoweek((foedselsdato + interval '16 years')::date + 6))) AS bad_first,
	   count(*) FILTER (WHERE first_week + (SELECT sum(l) FROM unnest(lengths) l)::int - 1 <> '2024-W52') AS bad_span,
	   count(*) FILTER (WHERE cardinality(codes) <> cardinality(lengths)) AS bad_arrays,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM unnest(lengths) l WHERE l <= 0)) AS bad_lengths,
	   count(*) FILTER (WHERE NOT codes <@ (SELECT array_agg(code) FROM synth_state)) AS bad_codes,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM generate_series(2, cardinality(codes)) i
									 WHERE codes[i] = codes[i - 1])) AS unmerged
FROM h JOIN p USING (pnr);

-- the mix of weeks (all persons, 2008-2024) looks like a labour market
SELECT s.gruppe, round(100.0 * sum(c.len) / (SELECT sum(l) FROM h, unnest(lengths) l), 1) AS pct_of_weeks
FROM h, unnest(codes, lengths) AS c(code, len) JOIN synth_state s ON s.code = c.code
GROUP BY s.code, s.gruppe ORDER BY s.code;

-- deterministic: the same call gives the same rows
SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM synth_histories(7, 0.002) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM h x) AS same_histories,
	   (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, periode)) FROM synth_offers(7, 0.002) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, periode)) FROM o x) AS same_offers;

-- another seed, another register
SELECT count(*) FILTER (WHERE a.foedselsdato = b.foedselsdato) < count(*) / 10 AS other_seed_differs
FROM p a JOIN synth_persons(8, 0.002) b USING (pnr);

-- a smaller scale is a subset with the same persons and histories
SELECT count(*) AS persons_at_half_scale,
	   count(*) FILTER (WHERE p.pnr IS NULL) AS not_in_larger,
	   count(*) FILTER (WHERE p.foedselsdato <> s.foedselsdato OR p.koen <> s.koen) AS differ
FROM synth_persons(7, 0.001) s LEFT JOIN p USING (pnr);
SELECT count(*) FILTER (WHERE h.codes <> s.codes OR h.lengths <> s.lengths OR h.first_week <> s.first_week) AS histories_differ
FROM synth_histories(7, 0.001) s JOIN h USING (pnr);

-- a choice of kommuner gives exactly their persons, with the same histories
SELECT count(*) AS persons, count(*) FILTER (WHERE h.pnr IS NULL OR h.codes <> s.codes OR h.lengths <> s.lengths) AS differ,
	   array_agg(DISTINCT s.pnr / 1000000) AS kommuner
FROM synth_histories(7, 0.002, ARRAY[101, 360, 101]) s LEFT JOIN h USING (pnr);
SELECT count(*) = (SELECT count(*) FROM p WHERE kommunekode IN (101, 360)) AS all_persons_of_the_kommuner
FROM synth_histories(7, 0.002, ARRAY[101, 360]);

-- an earlier first week lengthens the histories and agrees on the common weeks
CREATE TEMP TABLE h91 AS SELECT * FROM synth_histories(7, 0.002, first => '1991-W27');
CREATE FUNCTION pg_temp.weeks(first_week isoweek, codes int[], lengths int[], from_week isoweek)
	RETURNS TABLE (week isoweek, code int) LANGUAGE sql AS $$
	SELECT first_week + g, c.code
	FROM (SELECT code, sum(len) OVER (ORDER BY i) - len AS off, len
		  FROM unnest(codes, lengths) WITH ORDINALITY AS c(code, len, i)) AS c,
		 generate_series(c.off::int, (c.off + c.len - 1)::int) AS g
	WHERE first_week + g >= from_week $$;
SELECT count(*) AS persons_compared,
	   count(*) FILTER (WHERE h91.first_week > h.first_week) AS later_start,
	   sum((SELECT count(*) FROM pg_temp.weeks(h91.first_week, h91.codes, h91.lengths, h.first_week) a
			FULL JOIN pg_temp.weeks(h.first_week, h.codes, h.lengths, h.first_week) b USING (week)
			WHERE a.code IS DISTINCT FROM b.code)) AS weeks_differ
FROM h91 JOIN h USING (pnr)
WHERE pnr % 20 = 0;

-- offers: types of synth_tilbudstype, non-empty periods ending from 2008,
-- hours in (0, 60], and each (once the history has begun) inside one run of
-- an activable benefit: 1101, 1111, 1201, 1501, 1601, 1701
SELECT count(*) AS offers,
	   count(*) FILTER (WHERE tilbudstype NOT IN (SELECT tilbudstype FROM synth_tilbudstype)) AS bad_type,
	   count(*) FILTER (WHERE isempty(periode) OR upper(periode) <= date '2007-12-31') AS bad_period,
	   count(*) FILTER (WHERE NOT timer_pr_uge > 0 OR timer_pr_uge > 60) AS bad_hours
FROM o;
WITH runs AS (
	SELECT h.pnr, c.code,
		   monday(h.first_week) + 7 * (sum(c.len) OVER w - c.len)::int AS fra,
		   monday(h.first_week) + 7 * sum(c.len) OVER w::int AS til
	FROM h, unnest(h.codes, h.lengths) WITH ORDINALITY AS c(code, len, i)
	WINDOW w AS (PARTITION BY h.pnr ORDER BY c.i))
SELECT r.code, count(*) AS offers
FROM o JOIN h USING (pnr)
LEFT JOIN runs r ON r.pnr = o.pnr AND daterange(r.fra, r.til) @> o.periode
WHERE lower(o.periode) >= monday(h.first_week)
GROUP BY r.code ORDER BY r.code;

-- population counts agree with the persons' ages (plain-SQL oracle)
SELECT count(*) AS cells_compared, count(*) FILTER (WHERE a.antal IS DISTINCT FROM b.antal) AS mismatches
FROM (SELECT kommunekode, aar, kvartal, alder, antal FROM pop WHERE (aar, kvartal) IN ((2008, 1), (2015, 1), (2020, 2), (2024, 4))) AS a
FULL JOIN (SELECT p.kommunekode, q.aar, q.kvartal, extract(year FROM age(q.d, p.foedselsdato))::int AS alder, count(*)::int AS antal
		   FROM p, (VALUES (2008, 1, date '2008-01-01'), (2015, 1, date '2015-01-01'),
						   (2020, 2, date '2020-04-01'), (2024, 4, date '2024-10-01')) AS q(aar, kvartal, d)
		   WHERE extract(year FROM age(q.d, p.foedselsdato)) BETWEEN 16 AND 66
		   GROUP BY 1, 2, 3, 4) AS b USING (kommunekode, aar, kvartal, alder);

-- background: one row per person, the documented categories, deterministic, a subset at a
-- smaller scale; independent of the other outputs (its own random stream)
CREATE TEMP TABLE bg AS SELECT * FROM synth_background(7, 0.002);
SELECT count(*) AS persons, count(*) = (SELECT count(*) FROM p) AS one_per_person,
	   count(*) FILTER (WHERE pnr NOT IN (SELECT pnr FROM p)) AS unknown_pnr,
	   array_agg(DISTINCT herkomst ORDER BY herkomst) AS herkomst,
	   array_agg(DISTINCT civilstand ORDER BY civilstand) AS civilstand,
	   array_agg(DISTINCT uddannelse ORDER BY uddannelse) AS uddannelse
FROM bg;
SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM synth_background(7, 0.002) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM bg x) AS same_background,
	   (SELECT count(*) FROM synth_background(7, 0.001) s JOIN bg b USING (pnr)
		WHERE (s.herkomst, s.civilstand, s.uddannelse) IS DISTINCT FROM (b.herkomst, b.civilstand, b.uddannelse)) AS half_scale_differs;
-- København has more persons of immigrant origin than the rest; nobody under 20 (on
-- 2015-01-01) has more than grundskole; no efterkommer born before 1965
SELECT round(100.0 * avg((b.herkomst <> 'dansk')::int) FILTER (WHERE p.kommunekode = 101), 0)
	 > round(100.0 * avg((b.herkomst <> 'dansk')::int) FILTER (WHERE p.kommunekode <> 101), 0) AS kbh_more_immigrants,
	   count(*) FILTER (WHERE p.foedselsdato > date '1995-01-01' AND b.uddannelse <> 'grundskole') AS young_with_more,
	   count(*) FILTER (WHERE p.foedselsdato < date '1965-01-01' AND b.herkomst = 'efterkommer') AS old_efterkommere
FROM bg b JOIN p USING (pnr);

-- employment: one row per person from January 2008 (or the month of the week the person
-- turns 16) to December 2024; grads 1-100 or NULL, a branche exactly when there is a grad;
-- monthline() takes the arrays; deterministic, a subset at a smaller scale
CREATE TEMP TABLE em AS SELECT * FROM synth_employment(7, 0.002);
SELECT count(*) AS persons, count(*) = (SELECT count(*) FROM p) AS one_per_person,
	   count(*) FILTER (WHERE cardinality(grads) <> cardinality(branches)) AS bad_arrays,
	   count(*) FILTER (WHERE (first_month + (cardinality(grads) - 1) * interval '1 month')::date <> date '2024-12-01') AS bad_end,
	   count(*) FILTER (WHERE first_month < date '2008-01-01' OR extract(day FROM first_month) <> 1) AS bad_start,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM unnest(grads, branches) AS g(grad, branche)
									 WHERE g.grad NOT BETWEEN 1 AND 100 OR (g.grad IS NULL) <> (g.branche IS NULL))) AS bad_values,
	   count(*) FILTER (WHERE monthline(first_month, grads, branches) IS NULL) AS not_a_monthline
FROM em;
SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM synth_employment(7, 0.002) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM em x) AS same_employment,
	   (SELECT count(*) FROM synth_employment(7, 0.001) s JOIN em e USING (pnr)
		WHERE (s.first_month, s.grads, s.branches) IS DISTINCT FROM (e.first_month, e.grads, e.branches)) AS half_scale_differs,
	   (SELECT count(*) FROM synth_employment(7, 0.002, ARRAY[101], '2015-01-01') s JOIN em e USING (pnr)
		WHERE e.first_month = date '2008-01-01'
		  AND (s.first_month <> date '2015-01-01' OR s.grads <> e.grads[85:] OR s.branches <> e.branches[85:])) AS later_start_differs;
-- synth_monthlines: the same months as monthline text
SELECT count(*) AS persons, count(*) FILTER (WHERE m.maaneder::monthline = monthline(e.first_month, e.grads, e.branches)) AS same_months,
	   count(*) FILTER (WHERE m.maaneder = (m.maaneder::monthline)::text) AS canonical_text
FROM synth_monthlines(7, 0.002) m JOIN em e USING (pnr);
SELECT count(*) FILTER (WHERE m.maaneder::monthline IS DISTINCT FROM monthline(e.first_month, e.grads, e.branches)) AS differ_from_2020
FROM synth_monthlines(7, 0.002, ARRAY[101, 825], '2020-01-01') m
JOIN synth_employment(7, 0.002, ARRAY[101, 825], '2020-01-01') e USING (pnr);

-- mentor and exemption periods: from a Monday of 2014 (mentor) or 2012 (exemptions) or later, at
-- most 26 weeks, every week of them on an aktivitetsparat code of the kontanthjælp family, no offer
-- on the first day; an exemption has no day in an offer (a mentor may run beside one);
-- deterministic; `first` keeps the periods that end in or after it
CREATE TEMP TABLE me AS SELECT * FROM synth_mentor(7, 0.002);
CREATE TEMP TABLE fr AS SELECT * FROM synth_exemptions(7, 0.002);
SELECT x.kind, count(*) > 100 AS many,
	   count(*) FILTER (WHERE extract(isodow FROM lower(x.periode)) <> 1 OR lower(x.periode) < x.first_monday) AS bad_start,
	   count(*) FILTER (WHERE upper(x.periode) - lower(x.periode) NOT BETWEEN 1 AND 26 * 7) AS bad_length,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM generate_series(0, isoweek(upper(x.periode) - 1) - isoweek(lower(x.periode))) AS i
									  WHERE code_at(weekline_from_runs(h.first_week, h.codes, h.lengths), isoweek(lower(x.periode)) + i) NOT IN (1101, 2121, 2141, 2151, 2161))) AS off_akt,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM o WHERE o.pnr = x.pnr AND o.periode @> lower(x.periode))) AS in_offer_at_start,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM o WHERE o.pnr = x.pnr AND o.periode && x.periode)) > 0 AS beside_an_offer
FROM (SELECT 'mentor' AS kind, date '2013-12-30' AS first_monday, * FROM me
	  UNION ALL
	  SELECT 'fritagelse', date '2012-01-02', * FROM fr) AS x
JOIN h USING (pnr)
GROUP BY x.kind ORDER BY x.kind;
SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, periode)) FROM synth_mentor(7, 0.002) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, periode)) FROM me x) AS same_mentor,
	   (SELECT count(*) FROM synth_mentor(7, 0.002, first => '2018-W01')) = (SELECT count(*) FROM me WHERE upper(periode) > '2018-01-01') AS mentor_first_filters,
	   (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, periode)) FROM synth_exemptions(7, 0.002) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, periode)) FROM fr x) AS same_exemptions,
	   (SELECT count(*) FROM synth_exemptions(7, 0.002, first => '2018-W01')) = (SELECT count(*) FROM fr WHERE upper(periode) > '2018-01-01') AS exemptions_first_filters;

-- residence: only persons of København, the six areas' names or 'øvrigt udsat boligområde',
-- fremskudt exactly for the six; deterministic; a smaller scale is a subset of a larger one;
-- other kommuner give nothing
CREATE TEMP TABLE bo AS SELECT * FROM synth_residence(7, 0.01);
SELECT count(*) > 100 AS many,
	   count(*) FILTER (WHERE p.kommunekode <> 101) AS outside_kbh,
	   count(*) FILTER (WHERE fremskudt <> (omraade IN ('Tingbjerg', 'Urbanplanen', 'Hothers Plads', 'Aldersrogade',
														 'Lundtoftegade', 'Akacieparken'))) AS bad_flag,
	   count(*) FILTER (WHERE omraade NOT IN ('Tingbjerg', 'Urbanplanen', 'Hothers Plads', 'Aldersrogade',
											  'Lundtoftegade', 'Akacieparken', 'øvrigt udsat boligområde')) AS bad_name,
	   count(DISTINCT omraade) AS areas
FROM bo JOIN synth_persons(7, 0.01) p USING (pnr);
SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM synth_residence(7, 0.01, ARRAY[101]) x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr)) FROM bo x) AS same_residence,
	   NOT EXISTS (SELECT * FROM synth_residence(7, 0.005) EXCEPT SELECT * FROM bo) AS scale_subset,
	   NOT EXISTS (SELECT FROM synth_residence(7, 0.01, ARRAY[825])) AS none_outside_kbh;

-- contacts: jobsamtaler on weekdays within [first, last], only in weeks on a benefit with a
-- contact course, mostly held; deterministic; a window is a subset of a longer one
CREATE TEMP TABLE ct AS SELECT * FROM synth_contacts(7, 0.002, first => '2015-01-01', last => '2016-12-31');
SELECT count(*) > 1000 AS many, count(*) FILTER (WHERE extract(isodow FROM dato) > 5) AS weekend,
	   count(*) FILTER (WHERE dato NOT BETWEEN '2015-01-01' AND '2016-12-31') AS outside,
	   round(100 * avg(afholdt::int)) BETWEEN 85 AND 95 AS mostly_held,
	   count(*) FILTER (WHERE pnr NOT IN (SELECT pnr FROM p)) AS unknown_pnr
FROM ct;
SELECT code_at(weekline_from_runs(h.first_week, h.codes, h.lengths), isoweek(c.dato)) AS code, count(*) AS samtaler
FROM ct c JOIN h USING (pnr) GROUP BY 1 ORDER BY 1;
SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, dato)) FROM synth_contacts(7, 0.002, first => '2015-01-01', last => '2016-12-31') x)
	 = (SELECT md5(string_agg(x::text, ',' ORDER BY pnr, dato)) FROM ct x) AS same_contacts,
	   (SELECT count(*) FROM synth_contacts(7, 0.002, first => '2016-01-01', last => '2016-06-30') s
		LEFT JOIN ct USING (pnr, dato) WHERE ct.pnr IS NULL OR ct.afholdt <> s.afholdt) AS shorter_window_differs;

-- the model: in weeks without a benefit code most persons have a job; on kontanthjælp few
-- do; in fleksjob everyone (status_history: state 1 = job, 0 = self-supported without
-- income; codes as the benefit)
SELECT round(100.0 * sum(weeks_in(st, '{1}', '[2015-W01,2016-W01)')) / nullif(sum(weeks_in(st, '{0,1}', '[2015-W01,2016-W01)')), 0), 0)
		   BETWEEN 70 AND 95 AS most_selfsupported_weeks_in_job,
	   round(100.0 * count(*) FILTER (WHERE grad_at(ml, 2015, 6) > 0 AND code_at(wl, '2015-W24') = 1101)
			 / nullif(count(*) FILTER (WHERE code_at(wl, '2015-W24') = 1101), 0), 0) < 15 AS few_aktivitetsparate_with_grad,
	   count(*) FILTER (WHERE code_at(wl, '2015-W24') = 1401 AND weeks_in(wl, '{1401}', month_weeks(2015, 6)) = 4
						AND grad_at(ml, 2015, 6) IS NULL) AS fleksjob_without_grad
FROM (SELECT weekline_from_runs(h.first_week, h.codes, h.lengths) AS wl, monthline(e.first_month, e.grads, e.branches) AS ml
	  FROM h JOIN em e USING (pnr)) AS x,
	 LATERAL (SELECT status_history(x.wl, x.ml, 'synthetic', '{SU}') AS st) AS s;

-- arguments: defaults, and errors with their SQLSTATE
SELECT count(*) AS default_persons_in_laesoe FROM synth_persons(kommuner => ARRAY[825]);
SELECT q, pg_temp.err(q) FROM unnest(ARRAY[
	'SELECT * FROM synth_persons(1, 0)',
	'SELECT * FROM synth_persons(1, 1.5)',
	'SELECT * FROM synth_persons(1, ''NaN'')',
	'SELECT * FROM synth_persons(NULL, 0.1)',
	'SELECT * FROM synth_histories(1, 0.001, ARRAY[100])',
	'SELECT * FROM synth_histories(1, 0.001, ARRAY[101, NULL])',
	'SELECT * FROM synth_histories(1, 0.001, first => ''1991-W26'')',
	'SELECT * FROM synth_offers(1, 0.001, first => ''2025-W01'')',
	'SELECT * FROM synth_offers(1, 0.001, first => NULL)',
	'SELECT * FROM synth_population(1, -1)',
	'SELECT * FROM synth_background(1, 2)',
	'SELECT * FROM synth_background(1, 0.001, ARRAY[999])',
	'SELECT * FROM synth_employment(1, 0.001, first_month => ''2007-12-01'')',
	'SELECT * FROM synth_employment(1, 0.001, first_month => ''2015-01-02'')',
	'SELECT * FROM synth_employment(1, 0.001, first_month => ''2025-01-01'')',
	'SELECT * FROM synth_employment(1, 0.001, first_month => ''infinity'')',
	'SELECT * FROM synth_employment(1, 0.001, first_month => NULL)',
	'SELECT * FROM synth_monthlines(1, 0.001, first_month => ''2008-02-15'')',
	'SELECT * FROM synth_monthlines(NULL, 0.001)',
	'SELECT * FROM synth_contacts(1, 0.001, first => ''2016-01-01'', last => ''2015-01-01'')',
	'SELECT * FROM synth_contacts(1, 0.001, first => ''-infinity'')',
	'SELECT * FROM synth_contacts(1, 0.001, last => NULL)',
	'SELECT * FROM synth_mentor(1, 0.001, first => NULL)',
	'SELECT * FROM synth_mentor(1, 1.5)',
	'SELECT * FROM synth_exemptions(1, 0.001, first => NULL)',
	'SELECT * FROM synth_exemptions(NULL, 0.001)',
	'SELECT * FROM synth_residence(1, 0)']) AS q;
