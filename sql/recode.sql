--
-- recode: weekline_recode, codes mapped to states (src/history/recode.c)
--
\i test/lib/errors.sql

-- weekline_recode: unlisted codes kept, runs that become equal joined
SELECT weekline_recode('2015-W01 1x3 2x2 0x5 3x1', '{1,2}', '{5,5}') AS joined,
	   weekline_recode('2015-W01 1x3 2x2 0x5 3x1', '{}', '{}') AS unchanged,
	   weekline_recode('2015-W01 1x3 2x2', '{1,2}', '{2,1}') AS swapped,
	   weekline_recode('2015-W01 1x3 2x2', '{1,2}', '{0,0}') AS all_to_0,
	   weekline_recode('empty', '{1}', '{2}') AS empty,
	   weekline_recode(NULL, '{1}', '{2}') AS null_in;
-- by codebook: groups numbered 1, 2, ... by their smallest code; 0 stays 0
SELECT weekline_recode('2015-W01 1101x3 1102x2 0x5 1201x1 1991x2', 'synthetic') AS by_codebook;
SELECT gruppe, min(code) AS smallest_code, rank() OVER (ORDER BY min(code)) AS group_number
FROM codebook WHERE codebook = 'synthetic' GROUP BY gruppe ORDER BY 3;

-- random histories (fixed seed) against plain SQL: week by week, the code of
-- the recoded weekline is the mapped code of the original
SELECT setseed(0.25);
CREATE TEMP TABLE rc_hist AS
SELECT p, weekline_from_runs('2015-W01'::isoweek + p % 5, array_agg(code ORDER BY r), array_agg(len ORDER BY r)) AS w
FROM (SELECT p, r, (ARRAY[0, 1101, 1102, 1201, 1301, 1401])[1 + floor(random() * 6)::int] AS code,
			 1 + floor(random() * 9)::int AS len
	  FROM generate_series(1, 500) AS p, LATERAL generate_series(1, 1 + floor(random() * 10)::int + 0 * p) AS r) AS runs
GROUP BY p;
CREATE TEMP TABLE rc_map (from_code int4, to_code int4);
INSERT INTO rc_map VALUES (1101, 1), (1102, 1), (1201, 0), (1401, 1301);
CREATE TEMP TABLE rc_weeks AS
SELECT p, wk, code_at(w, wk) AS code,
	   code_at(weekline_recode(w, (SELECT array_agg(from_code ORDER BY from_code) FROM rc_map),
								  (SELECT array_agg(to_code ORDER BY from_code) FROM rc_map)), wk) AS by_arrays,
	   code_at(weekline_recode(w, 'synthetic'), wk) AS by_codebook
FROM rc_hist, LATERAL (SELECT first_week(w) + k AS wk FROM generate_series(0, last_week(w) - first_week(w)) AS k) AS k;
SELECT count(*) AS weeks,
	   count(*) FILTER (WHERE by_arrays IS DISTINCT FROM coalesce(m.to_code, x.code)) AS differ
FROM rc_weeks x LEFT JOIN rc_map m ON m.from_code = x.code;
-- by codebook against the numbering query of the doc
SELECT count(*) AS weeks,
	   count(*) FILTER (WHERE by_codebook IS DISTINCT FROM CASE WHEN x.code = 0 THEN 0 ELSE g.group_number END) AS differ
FROM rc_weeks x
	 LEFT JOIN (SELECT c.code, n.group_number
				FROM codebook c JOIN (SELECT gruppe, rank() OVER (ORDER BY min(code)) AS group_number
									  FROM codebook WHERE codebook = 'synthetic' GROUP BY gruppe) n USING (gruppe)
				WHERE c.codebook = 'synthetic') g ON g.code = x.code;

-- bad arguments, each an error with a SQLSTATE
SELECT q, pg_temp.err(q) AS result FROM unnest(ARRAY[
	$$SELECT weekline_recode('2015-W01 1x3', '{1,2}', '{5}')$$,
	$$SELECT weekline_recode('2015-W01 1x3', '{1,NULL}', '{5,6}')$$,
	$$SELECT weekline_recode('2015-W01 1x3', '{1,2}', '{5,NULL}')$$,
	$$SELECT weekline_recode('2015-W01 1x3', '{1,2,1}', '{5,6,7}')$$,
	$$SELECT weekline_recode('2015-W01 1x3', '{1,2}', '{5,-6}')$$,
	$$SELECT weekline_recode('2015-W01 1x3', '{{1,2}}', '{{5,6}}')$$,
	$$SELECT weekline_recode('2015-W01 1101x3 7777x1', 'synthetic')$$,
	$$SELECT weekline_recode('2015-W01 1101x3', 'no such codebook')$$
]) AS q;

-- the result is written directly (no builder): it must be the canonical value, the one its
-- text form reads back to (input rejects adjacent equal codes), for every history above
SELECT count(*) AS histories,
	   count(*) FILTER (WHERE weekline_recode(w, 'synthetic')::text::weekline
							  IS DISTINCT FROM weekline_recode(w, 'synthetic')) AS by_codebook_not_canonical,
	   count(*) FILTER (WHERE weekline_recode(w, '{1101,1102,1201,1401}', '{1,1,0,1301}')::text::weekline
							  IS DISTINCT FROM weekline_recode(w, '{1101,1102,1201,1401}', '{1,1,0,1301}')) AS by_arrays_not_canonical
FROM rc_hist;
-- long runs and the largest codes: five-byte varints, runs joined across them
SELECT weekline_recode(weekline_from_runs('1991-W27', '{0,1101,5,1101}', '{100000,3,20000,1}'),
					   '{1101,5}', '{2147483647,2147483647}') AS joined_long,
	   weekline_recode('2015-W01 2147483647x3 0x1', '{2147483647}', '{0}') AS all_zero;
