--
-- survival and logrank against R (survival package): the data sets and R's
-- results come from r/survival_reference.R (test/data/survival_reference.sql).
-- Agreement means relative difference at most 1e-10, or both NULL (R's NA
-- and NaN); every comparison prints counts of mismatches.
--
\set ECHO none
\i test/data/survival_reference.sql
\set ECHO all

\i test/lib/compare.sql

SELECT kind, count(*) AS data_sets, sum(n) AS rows
FROM ref_sets JOIN (SELECT ds, count(*) AS n FROM ref_data GROUP BY ds) d USING (ds)
GROUP BY kind ORDER BY kind;

-- one state per data set, by the aggregate that fits its kind
CREATE TEMP TABLE states AS
SELECT ds, CASE kind WHEN 'plain' THEN survival(exit, event)
					 WHEN 'weighted' THEN survival(exit, event, weight)
					 ELSE survival(entry, exit, event) END AS s
FROM ref_data JOIN ref_sets USING (ds)
WHERE kind <> 'logrank'
GROUP BY ds, kind;

-- surv_table: every row of summary(survfit(...)) for five interval types and levels
CREATE TEMP TABLE ours AS
SELECT ds, c.conf_type, c.conf_level, row_number() OVER (PARTITION BY ds, c.conf_type, c.conf_level ORDER BY t.time)::int AS row, t.*
FROM states,
	 (VALUES ('log', 0.95), ('log-log', 0.95), ('plain', 0.95), ('log', 0.9), ('log-log', 0.99)) AS c(conf_type, conf_level),
	 LATERAL surv_table(s, c.conf_type, c.conf_level, 'greenwood') AS t;  -- R's reference is robust = FALSE

SELECT count(*) AS rows,
	   count(*) FILTER (WHERE r.ds IS NULL OR o.ds IS NULL) AS unmatched,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.time, o.time)) AS time,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.n_risk, o.n_risk)) AS n_risk,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.n_event, o.n_event)) AS n_event,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.n_censor, o.n_censor)) AS n_censor,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.surv, o.surv)) AS surv,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.std_err, o.std_err)) AS std_err,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.lower, o.lower)) AS lower,
	   count(*) FILTER (WHERE NOT pg_temp.near(r.upper, o.upper)) AS upper,
	   count(*) FILTER (WHERE r.lower IS NULL) AS r_na_limits
FROM ref_table r FULL JOIN ours o USING (ds, conf_type, conf_level, row);

-- per data set, so that a failure points at its data set
SELECT ds, note, count(*) AS rows,
	   count(*) FILTER (WHERE NOT (pg_temp.near(r.time, o.time) AND pg_temp.near(r.n_risk, o.n_risk)
		   AND pg_temp.near(r.n_event, o.n_event) AND pg_temp.near(r.n_censor, o.n_censor)
		   AND pg_temp.near(r.surv, o.surv) AND pg_temp.near(r.std_err, o.std_err)
		   AND pg_temp.near(r.lower, o.lower) AND pg_temp.near(r.upper, o.upper))) AS mismatches
FROM ref_table r FULL JOIN ours o USING (ds, conf_type, conf_level, row) JOIN ref_sets USING (ds)
GROUP BY ds, note ORDER BY ds;

-- medians (print.survfit), quantiles (quantile.survfit), restricted means
-- (print(fit, rmean = tau)) and S(t) (summary(fit, times = t))
SELECT what, count(*) AS values, count(*) FILTER (WHERE value IS NULL) AS r_na,
	   count(*) FILTER (WHERE NOT pg_temp.near(value, ours)) AS mismatches
FROM (SELECT r.what, r.value,
			 CASE r.what WHEN 'median' THEN surv_median(s)
						 WHEN 'quantile' THEN surv_quantile(s, r.arg)
						 WHEN 'rmean' THEN surv_rmean(s, r.arg)
						 WHEN 'surv_at' THEN surv_at(s, r.arg) END AS ours
	  FROM ref_scalar r JOIN states USING (ds)) x
GROUP BY what ORDER BY what;

-- the flat-at-one-half cases, in full
SELECT ds, note, surv_median(s) AS median, surv_quantile(s, 0.5) AS q50,
	   (SELECT value FROM ref_scalar r WHERE r.ds = states.ds AND what = 'median') AS r_median,
	   (SELECT value FROM ref_scalar r WHERE r.ds = states.ds AND what = 'quantile' AND arg = 0.5) AS r_q50
FROM states JOIN ref_sets USING (ds) WHERE note LIKE 'curve%' ORDER BY ds;

-- log-rank test against survdiff, from rows and from per-group states
SELECT r.ds, note, r.df, l.df AS our_df,
	   pg_temp.near(r.chisq, l.chisq) AS chisq_ok, pg_temp.near(r.p_value, l.p_value) AS p_ok,
	   pg_temp.near(r.chisq, m.chisq) AND pg_temp.near(r.p_value, m.p_value) AND r.df = m.df AS from_states_ok
FROM ref_logrank r JOIN ref_sets USING (ds),
	 LATERAL (SELECT (logrank(exit, event, grp)).* FROM ref_data d WHERE d.ds = r.ds) l,
	 LATERAL (SELECT (logrank(grp, s)).* FROM (SELECT grp, survival(exit, event) AS s FROM ref_data d
											 WHERE d.ds = r.ds GROUP BY grp) g) m
ORDER BY r.ds;
