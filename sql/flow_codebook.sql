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
