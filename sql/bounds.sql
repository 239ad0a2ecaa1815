--
-- bounds: the limits on work that would otherwise grow faster than the
-- input (doc/bounds.md), each just inside and just outside the limit.
--
\set VERBOSITY sqlstate

-- logrank: at most 1,000 groups.  One group has events; the others are all
-- censored before its first event, so the test itself is cheap (df 0).
SELECT (logrank(d, e, g)).* FROM (
	SELECT CASE WHEN i = 0 THEN 10 ELSE 1 END AS d, i = 0 AS e, i::text AS g
	FROM generate_series(0, 999) i) v;
SELECT (logrank(d, e, g)).* FROM (
	SELECT CASE WHEN i = 0 THEN 10 ELSE 1 END AS d, i = 0 AS e, i::text AS g
	FROM generate_series(0, 1000) i) v;

-- cuminc estimates: one walk with running sums per cause, whatever the causes
SELECT round(cuminc_at((SELECT cuminc(i, i) FROM generate_series(1, 1001) i), 1000, 1000)::numeric, 6) AS estimate;

-- kommune_kode: names of at most 200 characters (characters, not bytes)
SELECT kommune_kode('Københavns Kommune' || repeat(' ', 182));
SELECT kommune_kode('Københavns Kommune' || repeat(' ', 183));
SELECT kommune_kode('Københavns Kommune' || repeat(U&'\00A0', 182));	-- no-break spaces: 2 bytes each
SELECT kommune_kode('Københavns Kommune' || repeat(U&'\00A0', 183));
SELECT kommune_kode(repeat('København ', 1200000));

-- surv_svg: the time axis ends between 1e-6 and 1e12, with at most 200 ticks
CREATE TEMP TABLE far (t float8, s survival);
INSERT INTO far SELECT t, survival(x, true) FROM (VALUES (1e12), (1.000001e12), (1.7e308)) v(t),
	LATERAL (VALUES (1.0), (t)) w(x) GROUP BY t;
SELECT t, length(surv_svg(ARRAY[s], ARRAY['a'])) > 0 AS drawn FROM far WHERE t = 1e12;
SELECT t, length(surv_svg(ARRAY[s], ARRAY['a'])) > 0 AS drawn FROM far WHERE t = 1.000001e12;
SELECT t, length(surv_svg(ARRAY[s], ARRAY['a'])) > 0 AS drawn FROM far WHERE t = 1.7e308;
SELECT length(surv_svg(ARRAY[s], ARRAY['a'], max_time => 52)) > 0 AS drawn FROM far WHERE t = 1.7e308;
SELECT length(surv_svg(ARRAY[s], ARRAY['a'], max_time => 1e-6)) > 0 AS drawn FROM far WHERE t = 1e12;
SELECT length(surv_svg(ARRAY[s], ARRAY['a'], max_time => 0.99e-6)) > 0 AS drawn FROM far WHERE t = 1e12;
SELECT length(surv_svg(ARRAY[s], ARRAY['a'], max_time => 1e12, time_step => 5e9)) > 0 AS drawn FROM far WHERE t = 1e12;
SELECT length(surv_svg(ARRAY[s], ARRAY['a'], max_time => 1e12, time_step => 4.99e9)) > 0 AS drawn FROM far WHERE t = 1e12;

-- flow_svg: 1 to 14 states, at most 200 tick steps
CREATE TEMP TABLE far_flow AS SELECT h, flow(w, '2015-W01', h) AS f
FROM (VALUES (200), (201)) v(h), (VALUES ('2015-W01 1x300'::weekline)) x(w) GROUP BY h;
SELECT length(flow_svg(f, (SELECT array_agg(c) FROM generate_series(1, 14) c),
					   (SELECT array_agg(c::text) FROM generate_series(1, 14) c))) > 0 AS drawn FROM far_flow WHERE h = 200;
SELECT length(flow_svg(f, (SELECT array_agg(c) FROM generate_series(1, 15) c),
					   (SELECT array_agg(c::text) FROM generate_series(1, 15) c))) > 0 AS drawn FROM far_flow WHERE h = 200;
SELECT length(flow_svg(f, ARRAY[1], ARRAY['a'], week_step => 1)) > 0 AS drawn FROM far_flow WHERE h = 200;
SELECT length(flow_svg(f, ARRAY[1], ARRAY['a'], week_step => 1)) > 0 AS drawn FROM far_flow WHERE h = 201;

-- pchisq: at most 1e12 degrees of freedom
SELECT round(pchisq(1e12, 1e12)::numeric, 6) AS p;
SELECT pchisq(1e12, 1.000001e12);
SELECT pchisq(1e300, 1e300);
