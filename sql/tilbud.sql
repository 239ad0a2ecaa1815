--
-- offers (tilbud) over time: offer_weeks, offer_gaps, longest_without_offer
--
\i test/lib/errors.sql

-- by hand: an offer from Friday 2019-01-04 (2019-W01) to Monday 2019-01-14 (2019-W03) touches 3 weeks
SELECT offer_weeks('{[2019-01-04,2019-01-15)}', '[2019-W01,2019-W10)') AS three,
	   offer_weeks('{[2019-01-04,2019-01-15)}', '[2019-W02,2019-W03)') AS clipped_to_one,
	   offer_weeks('{[2019-01-04,2019-01-05),[2019-01-06,2019-01-07)}', '[2019-W01,2019-W10)') AS two_offers_one_week,
	   offer_weeks('{}', '[2019-W01,2019-W10)') AS no_offers,
	   offer_weeks('{[2019-01-04,2019-01-15)}', 'empty') AS empty_period,
	   offer_weeks('{[2019-01-04,)}', '[2019-W01,2019-W10)') AS open_offer,
	   offer_weeks('{[2019-01-04,2019-01-15)}', '[2019-W02,)') AS open_period;

-- the gaps of 2019 between two offers, net of an exemption of 10 days in the middle gap
SELECT * FROM offer_gaps('{[2019-02-01,2019-03-01),[2019-06-01,2019-07-01)}', '{[2019-04-01,2019-04-11),[2020-01-01,2020-02-01)}',
						 '[2019-01-01,2020-01-01)');
SELECT longest_without_offer('{[2019-02-01,2019-03-01),[2019-06-01,2019-07-01)}', '{[2019-04-01,2019-04-11)}', '[2019-01-15,2019-07-01)') AS longest,
	   longest_without_offer('{}', '{}', '[2019-01-01,2020-01-01)') AS no_offers,
	   longest_without_offer('{(,)}', '{}', '[2019-01-01,2020-01-01)') AS always_in_offer,
	   longest_without_offer('{}', '{[2018-01-01,2021-01-01)}', '[2019-01-01,2020-01-01)') AS always_exempt,
	   longest_without_offer('{}', '{}', 'empty') AS empty_within,
	   -- exemption that breaks a gap instead of shortening it: add it to the offers
	   longest_without_offer('{[2019-02-01,2019-03-01),[2019-06-01,2019-07-01)}'::datemultirange + '{[2019-04-01,2019-04-11)}', '{}',
							 '[2019-01-15,2019-07-01)') AS exemption_breaks;

SELECT what, pg_temp.err(q) AS result
FROM (VALUES
	('unbounded offer and period', $$SELECT offer_weeks('{[2019-01-04,)}', '[2019-W01,)')$$),
	('unbounded within', $$SELECT longest_without_offer('{}', '{}', '[2019-01-01,)')$$),
	('infinite within', $$SELECT * FROM offer_gaps('{}', '{}', '[-infinity,2019-01-01)')$$),
	('offer outside the isoweek range', $$SELECT offer_weeks('{[20000-01-01,20000-02-01)}', '[2019-W01,)')$$)
	) AS v(what, q);
-- every date PostgreSQL has: the day count still fits an int4
SELECT longest_without_offer('{}', '{}', '[4713-01-01 BC,5874897-12-31)') AS all_dates;
SELECT offer_weeks(NULL, '[2019-W01,2019-W10)') IS NULL AS null_offers,
	   longest_without_offer('{}', NULL, '[2019-01-01,2020-01-01)') IS NULL AS null_exempt;

-- random persons against plain-SQL oracles (multirange arithmetic and day by day)
SELECT setseed(0.2018);
CREATE TABLE tb_person AS
SELECT p,
	   (SELECT coalesce(range_agg(daterange(d, d + 1 + floor(random() * 120)::int)), '{}')
		FROM (SELECT '2017-10-01'::date + floor(random() * 950)::int + 0 * p AS d
			  FROM generate_series(1, floor(random() * 6)::int + 0 * p)) AS x) AS offers,
	   (SELECT coalesce(range_agg(daterange(d, d + 1 + floor(random() * 90)::int)), '{}')
		FROM (SELECT '2017-10-01'::date + floor(random() * 950)::int + 0 * p AS d
			  FROM generate_series(1, floor(random() * 3)::int + 0 * p)) AS x) AS exempt
FROM generate_series(1, 300) AS p;

-- weeks in offers in the two years from 2018-03-01 (2018-W09 to 2020-W09) and in each quarter of 2019
CREATE TABLE tb_windows AS
SELECT * FROM (VALUES ('[2018-W09,2020-W09)'::weekrange), (quarter_weeks(2019, 1)), (quarter_weeks(2019, 2)),
					  (quarter_weeks(2019, 3)), (quarter_weeks(2019, 4))) AS v(period);
SELECT count(*) AS person_windows,
	   count(*) FILTER (WHERE offer_weeks(t.offers, w.period) <>
						(SELECT count(DISTINCT isoweek(d::date))
						 FROM generate_series(monday(lower(w.period)), monday(upper(w.period)) - 1, '1 day') AS d
						 WHERE t.offers @> d::date)) AS mismatch,
	   sum(offer_weeks(t.offers, w.period)) FILTER (WHERE w.period = '[2018-W09,2020-W09)') AS weeks_two_years,
	   count(*) FILTER (WHERE w.period = '[2018-W09,2020-W09)' AND offer_weeks(t.offers, w.period) > 27) AS over_27_weeks
FROM tb_person t, tb_windows w;

-- the gaps: the within days minus the offers, each net of the exempt days in it
SELECT count(*) AS persons,
	   count(*) FILTER (WHERE mine IS DISTINCT FROM oracle) AS gaps_mismatch,
	   count(*) FILTER (WHERE longest_without_offer(offers, exempt, '[2018-03-01,2020-03-01)')
						<> coalesce((SELECT max(n) FROM unnest(oracle_net) AS n), 0)) AS longest_mismatch,
	   count(*) FILTER (WHERE longest_without_offer(offers, exempt, '[2018-03-01,2020-03-01)') > 365) AS over_12_months,
	   sum(cardinality(oracle_net)) AS gaps
FROM (SELECT t.*,
			 (SELECT array_agg(ROW(g.gap, g.days, g.net_days)::text ORDER BY g.gap)
			  FROM offer_gaps(t.offers, t.exempt, '[2018-03-01,2020-03-01)') AS g) AS mine,
			 (SELECT array_agg(ROW(g, upper(g) - lower(g),
								   upper(g) - lower(g) - coalesce((SELECT sum(upper(x) - lower(x)) FROM unnest(datemultirange(g) * t.exempt) AS x), 0)::int)::text
							   ORDER BY g)
			  FROM unnest(datemultirange('[2018-03-01,2020-03-01)'::daterange) - t.offers) AS g) AS oracle,
			 (SELECT array_agg(upper(g) - lower(g) - coalesce((SELECT sum(upper(x) - lower(x)) FROM unnest(datemultirange(g) * t.exempt) AS x), 0)::int)
			  FROM unnest(datemultirange('[2018-03-01,2020-03-01)'::daterange) - t.offers) AS g) AS oracle_net
	  FROM tb_person t) AS c;

-- forced parallel plans give the same
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT sum(offer_weeks(offers, '[2018-W09,2020-W09)')) AS weeks,
	   sum(longest_without_offer(offers, exempt, '[2018-03-01,2020-03-01)')) AS longest_days
FROM tb_person;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT sum(offer_weeks(offers, '[2018-W09,2020-W09)')) AS weeks,
	   sum(longest_without_offer(offers, exempt, '[2018-03-01,2020-03-01)')) AS longest_days
FROM tb_person;
