--
-- flow_codebook: flow(history, origin, horizon, codebook), the codebook's groups
-- applied inside the aggregate; the same state as flow(weekline_recode(history,
-- codebook), origin, horizon)
--
\i test/lib/errors.sql
CREATE TABLE fc_hist AS
SELECT i AS id, i % 5 AS grp,
	   CASE WHEN i % 41 = 0 THEN NULL
			ELSE weekline_from_runs('2014-W40'::isoweek + (i * 7) % 19,
									ARRAY[(ARRAY[1101, 1102, 1111, 1201, 1301, 1401, 0])[1 + i % 7], 0,
										  (ARRAY[1112, 1801, 1901, 1101])[1 + i % 4], 1501, 1102],
									ARRAY[3 + (i * 3) % 17, 1 + i % 6, 2 + (i * 11) % 23, 1 + i % 9, 1 + (i * 13) % 29])
	   END AS w
FROM generate_series(1, 500) AS i;
-- text-identical to recoding first, whole and per group
SELECT (SELECT flow(weekline_recode(w, 'synthetic'), '2015-W01', 30) FROM fc_hist)::text
	   = (SELECT flow(w, '2015-W01', 30, 'synthetic') FROM fc_hist)::text AS same_whole;
SELECT count(*) AS groups, count(*) FILTER (WHERE a = b) AS same
FROM (SELECT grp, flow(weekline_recode(w, 'synthetic'), '2015-W01', 30)::text AS a,
			 flow(w, '2015-W01', 30, 'synthetic')::text AS b
	  FROM fc_hist GROUP BY grp) AS s;
-- forced parallel plans equal serial
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS groups, count(*) FILTER (WHERE a = b) AS same
FROM (SELECT grp, flow(w, '2015-W01', 30, 'synthetic')::text AS a FROM fc_hist GROUP BY grp) AS p
	 JOIN (SELECT grp, flow(weekline_recode(w, 'synthetic'), '2015-W01', 30)::text AS b FROM fc_hist GROUP BY grp) AS q USING (grp);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- a row with a NULL argument is skipped; no rows give NULL
SELECT flow(w, '2015-W01', 2, c) FROM (VALUES ('2015-W01 1101x3'::weekline, NULL::text), (NULL, 'synthetic')) AS v(w, c);
SELECT flow(w, '2015-W01', 2, 'synthetic') FROM (VALUES ('2015-W01 1101x1 1102x1 1301x1'::weekline)) AS v(w);
-- codes the codebook does not list, up to the horizon, and unknown codebooks: 22023;
-- a code after the horizon is not read
SELECT pg_temp.err($$SELECT flow('2015-W01 1101x2 3x2'::weekline, '2015-W01', 3, 'synthetic')$$) AS unknown_code,
	   pg_temp.err($$SELECT flow('2015-W01 1101x2 3x2'::weekline, '2015-W01', 1, 'synthetic')$$) AS after_the_horizon,
	   pg_temp.err($$SELECT flow('2015-W01 1101x2'::weekline, '2015-W01', 1, 'nosuch')$$) AS no_codebook;
--
-- flow(history, origin, horizon, codebook, cohort): only persons whose code in
-- the origin week (before recoding) is in cohort; the same state, as text, as
-- the codebook form with FILTER (WHERE code_at(history, origin) = ANY (cohort))
--
SELECT c AS cohort,
	   (SELECT flow(w, '2015-W01', 30, 'synthetic') FILTER (WHERE code_at(w, '2015-W01') = ANY (c)) FROM fc_hist)::text
	   = (SELECT flow(w, '2015-W01', 30, 'synthetic', c) FROM fc_hist)::text AS same_whole,
	   (SELECT count(*) FROM fc_hist WHERE code_at(w, '2015-W01') = ANY (c)) AS persons
FROM (VALUES ('{1101,1102,1111,1112}'::int[]), ('{0}'), ('{0,1101,1901,1401}'), ('{1102,1102,1301}')) AS v(c);
-- per group, and groups without a person of the cohort give NULL in both forms
SELECT count(*) AS groups, count(*) FILTER (WHERE a IS NOT DISTINCT FROM b) AS same, count(*) FILTER (WHERE a IS NULL) AS null_groups
FROM (SELECT id % 50, (flow(w, '2015-W01', 30, 'synthetic') FILTER (WHERE code_at(w, '2015-W01') = ANY ('{1201}')))::text AS a,
			 flow(w, '2015-W01', 30, 'synthetic', '{1201}')::text AS b
	  FROM fc_hist GROUP BY id % 50) AS s;
-- the merge law: the groups' flows merged are the whole cohort's
SELECT (SELECT flow_merge(f) FROM (SELECT flow(w, '2015-W01', 30, 'synthetic', '{1101,1102,1111,1112}') AS f
									FROM fc_hist GROUP BY grp) AS g)::text
	   = (SELECT flow(w, '2015-W01', 30, 'synthetic', '{1101,1102,1111,1112}') FROM fc_hist)::text AS merged_is_whole;
-- forced parallel plans equal serial
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS groups, count(*) FILTER (WHERE a = b) AS same
FROM (SELECT grp, flow(w, '2015-W01', 30, 'synthetic', '{1101,1102,1111,1112}')::text AS a FROM fc_hist GROUP BY grp) AS p
	 JOIN (SELECT grp, (flow(w, '2015-W01', 30, 'synthetic') FILTER (WHERE code_at(w, '2015-W01') = ANY ('{1101,1102,1111,1112}')))::text AS b
		   FROM fc_hist GROUP BY grp) AS q USING (grp);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- an empty cohort takes nobody; a NULL cohort skips the row, like any NULL argument
SELECT flow(w, '2015-W01', 30, 'synthetic', '{}') IS NULL AS empty_cohort_null,
	   flow(w, '2015-W01', 30, 'synthetic', NULL) IS NULL AS null_cohort_null
FROM fc_hist;
SELECT flow(w, '2015-W01', 2, 'synthetic', c)
FROM (VALUES ('2015-W01 1101x3'::weekline, '{1101}'::int[]), ('2015-W01 1102x3', NULL)) AS v(w, c);
-- a person outside the cohort is not read beyond the origin: a code the codebook does not
-- list raises 22023 only for a person of the cohort, as with the filter; NULL in the cohort: 22004
SELECT flow('2015-W01 1101x2 3x2'::weekline, '2015-W01', 3, 'synthetic', '{1102}') IS NULL AS outside_not_read,
	   pg_temp.err($$SELECT flow('2015-W01 1101x2 3x2'::weekline, '2015-W01', 3, 'synthetic', '{1101}')$$) AS unknown_code,
	   pg_temp.err($$SELECT flow('2015-W01 1101x2'::weekline, '2015-W01', 1, 'synthetic', '{1101,NULL}')$$) AS null_element;
-- an unlisted code before the origin (3 in 2015-W01), once a group has its state: not reported
-- for a person outside the cohort, reported for a person of it, as the filter does
SELECT (SELECT flow(w, '2015-W03', 3, 'synthetic', '{1101}') FROM (VALUES (1, '2015-W01 1101x5'::weekline), (2, '2015-W01 3x2 1102x3')) AS v(i, w))::text
	   = (SELECT flow(w, '2015-W03', 3, 'synthetic') FILTER (WHERE code_at(w, '2015-W03') = ANY ('{1101}'))
		  FROM (VALUES (1, '2015-W01 1101x5'::weekline), (2, '2015-W01 3x2 1102x3')) AS v(i, w))::text AS outside_same,
	   pg_temp.err($$SELECT flow(w, '2015-W03', 3, 'synthetic', '{1101,1102}') FROM (VALUES (1, '2015-W01 1101x5'::weekline), (2, '2015-W01 3x2 1102x3')) AS v(i, w)$$) AS cohort_person,
	   pg_temp.err($$SELECT flow(w, '2015-W03', 3, 'synthetic') FILTER (WHERE code_at(w, '2015-W03') = ANY ('{1101,1102}')) FROM (VALUES (1, '2015-W01 1101x5'::weekline), (2, '2015-W01 3x2 1102x3')) AS v(i, w)$$) AS with_filter;
-- rows of another origin: an error only when a person of the cohort brings it, as with the filter
SELECT flow(w, o, 3, 'synthetic', '{1101}')::text
FROM (VALUES ('2015-W01 1101x5'::weekline, '2015-W01'::isoweek), ('2015-W01 1102x5', '2015-W02')) AS v(w, o);
SELECT pg_temp.err($$SELECT flow(w, o, 3, 'synthetic', '{1101,1102}') FROM (VALUES ('2015-W01 1101x5'::weekline, '2015-W01'::isoweek), ('2015-W01 1102x5', '2015-W02')) AS v(w, o)$$) AS other_origin;
