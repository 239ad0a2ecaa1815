--
-- incremental: taking rows out of a state gives exactly the state of the
-- rows left (survival_subtract, the - operator, and the moving-aggregate
-- mode of the survival aggregates in window frames)
--
\i test/lib/errors.sql

-- Rows: whole weeks (dense part), fractional and large times (hashed part),
-- whole-number weights, delayed entries, a NULL now and then.
SELECT setseed(0.2020);
CREATE TABLE r AS
SELECT i, i % 7 AS grp,
	   CASE WHEN i % 5 = 0 THEN round((random() * 3000)::numeric, 1)::float8
			ELSE (1 + floor(random() * 120))::float8 END AS t,
	   random() < 0.7 AS e,
	   (1 + i % 3)::float8 AS w,
	   CASE WHEN i % 4 = 0 THEN floor(random() * 3)::float8 END AS entry
FROM generate_series(1, 3000) AS i;
UPDATE r SET t = NULL WHERE i % 97 = 0;
UPDATE r SET entry = NULL WHERE entry >= t;

-- 1. a - b = the state of the rows of a that are not in b, text-identical,
-- for each form of the aggregate and for several splits
SELECT form,
	   count(*) AS splits,
	   count(*) FILTER (WHERE (whole - part)::text IS NOT DISTINCT FROM rest::text) AS identical,
	   count(*) FILTER (WHERE survival_subtract(whole, part)::text IS NOT DISTINCT FROM rest::text) AS identical_fn,
	   count(*) FILTER (WHERE rest IS NULL) AS nothing_left
FROM generate_series(2, 7) AS k,
	 LATERAL (VALUES
		('unweighted',
		 (SELECT survival(t, e) FROM r),
		 (SELECT survival(t, e) FROM r WHERE grp < k),
		 (SELECT survival(t, e) FROM r WHERE grp >= k)),
		('weighted',
		 (SELECT survival(t, e, w) FROM r),
		 (SELECT survival(t, e, w) FROM r WHERE grp < k),
		 (SELECT survival(t, e, w) FROM r WHERE grp >= k)),
		('entry',
		 (SELECT survival(entry, t, e) FROM r),
		 (SELECT survival(entry, t, e) FROM r WHERE grp < k),
		 (SELECT survival(entry, t, e) FROM r WHERE grp >= k))) AS x (form, whole, part, rest)
GROUP BY form ORDER BY form;

-- the same in text form where a state moves from dense to hashed times:
-- times whose rows are all taken out disappear
SELECT survival(t, e) FROM (VALUES (1, true), (2, false), (2, true), (1500.5, true)) AS v (t, e);
SELECT (SELECT survival(t, e) FROM (VALUES (1, true), (2, false), (2, true), (1500.5, true)) AS v (t, e))
	 - (SELECT survival(t, e) FROM (VALUES (2, false), (1500.5, true)) AS v (t, e)) AS two_rows_out;
SELECT (SELECT survival(t, e) FROM (VALUES (1, true), (2, true)) AS v (t, e))
	 - (SELECT survival(t, e) FROM (VALUES (2, true)) AS v (t, e)) AS one_time_left;
-- everything taken out: NULL, as for no rows
SELECT (SELECT survival(t, e) FROM r) - (SELECT survival(t, e) FROM r) IS NULL AS all_out_is_null;
-- a person's old contribution out, the new one in: the state of a rebuild
WITH old AS (SELECT * FROM r),
	 new AS (SELECT i, grp, CASE WHEN i % 10 = 3 THEN t + 4 ELSE t END AS t,
					CASE WHEN i % 10 = 3 THEN NOT e ELSE e END AS e FROM r)
SELECT survival_merge(s)::text = (SELECT survival(t, e) FROM new)::text AS update_equals_rebuild
FROM (SELECT (SELECT survival(t, e) FROM old) - (SELECT survival(t, e) FROM old WHERE i % 10 = 3) AS s
	  UNION ALL
	  SELECT survival(t, e) FROM new WHERE i % 10 = 3) AS x;

-- 2. refusals: rows that are not part of the state; fractional counts
SELECT pg_temp.err($$SELECT (SELECT survival(t, e) FROM r WHERE grp = 1) - (SELECT survival(t, e) FROM r WHERE grp = 2)$$);
SELECT pg_temp.err($$SELECT 'v1;1:1,0,0,1,0'::survival - 'v1;1:2,0,0,2,0'::survival$$);
SELECT pg_temp.err($$SELECT 'v1;1:1,0,0,1,0'::survival - 'v1;1:0,1,0,1,0'::survival$$);
SELECT pg_temp.err($$SELECT 'v1;1:1,0,0,1,0;2:0,1,0,1,0'::survival - 'v1;3:1,0,0,1,0'::survival$$);
SELECT pg_temp.err($$SELECT 'v1;1:2,0,0,2,0'::survival - 'v1;1:1,0,0,2,0'::survival$$);
SELECT pg_temp.err_detail($$SELECT 'v1;1:1.5,0,0,2,0'::survival - 'v1;1:0.5,0,0,1,0'::survival$$);
SELECT pg_temp.err($$SELECT 'v1;1:9007199254740992,0,0,2,0'::survival - 'v1;1:1,0,0,1,0'::survival$$);
-- a result that is no survival state (an entry left without its exit)
SELECT pg_temp.err($$SELECT 'v1;1:0,0,1,0,1;3:1,0,0,1,0'::survival - 'v1;3:1,0,0,1,0'::survival$$);
SELECT survival_subtract(NULL, 'v1;1:1,0,0,1,0') IS NULL AS strict;

-- 3. moving-aggregate mode: the aggregates declare it
SELECT a.aggfnoid::regprocedure, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggmtranstype::regtype
FROM pg_aggregate AS a
WHERE a.aggfnoid IN ('survival(float8, bool)'::regprocedure, 'survival(float8, bool, float8)'::regprocedure,
					 'survival(float8, float8, bool)'::regprocedure, 'survival_merge(survival)'::regprocedure)
ORDER BY 1::text;

-- a frame that moves (rows leave it) equals each frame aggregated afresh,
-- text-identical: unweighted, whole and fractional weights, delayed entry
CREATE TABLE framed AS
SELECT i,
	   survival(t, e) OVER w AS s2,
	   survival(t, e, w) OVER w AS s3,
	   survival(t, e, w / 3) OVER w AS s3f,
	   survival(entry, t, e) OVER w AS se
FROM r WINDOW w AS (ORDER BY i ROWS BETWEEN 49 PRECEDING AND CURRENT ROW);
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE f.s2::text IS NOT DISTINCT FROM x.s2::text) AS same_unweighted,
	   count(*) FILTER (WHERE f.s3::text IS NOT DISTINCT FROM x.s3::text) AS same_weighted,
	   count(*) FILTER (WHERE f.s3f::text IS NOT DISTINCT FROM x.s3f::text) AS same_fractional,
	   count(*) FILTER (WHERE f.se::text IS NOT DISTINCT FROM x.se::text) AS same_entry
FROM framed AS f,
	 LATERAL (SELECT survival(t, e) AS s2, survival(t, e, w) AS s3, survival(t, e, w / 3) AS s3f,
					 survival(entry, t, e) AS se
			  FROM r WHERE r.i BETWEEN f.i - 49 AND f.i) AS x;

-- frames that are empty at first, and frames of one row: NULL when no row is in it
SELECT i, survival(t, e) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS s
FROM (VALUES (1, 3.0, true), (2, 5.0, false), (3, NULL, true), (4, 5.0, true), (5, 7.5, true)) AS v (i, t, e)
ORDER BY i;
SELECT i, survival(t, e) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS s
FROM (VALUES (1, 3.0, true), (2, NULL, false), (3, 4.0, false)) AS v (i, t, e)
ORDER BY i;

-- survival_merge over a rolling year of quarterly states, as a BI view would
CREATE TABLE quarterly AS
SELECT grp, q, survival(t, e) AS s
FROM (SELECT grp, i % 12 AS q, t, e FROM r) AS x GROUP BY grp, q;
SELECT count(*) AS windows,
	   count(*) FILTER (WHERE m.s::text = (SELECT survival_merge(y.s) FROM quarterly AS y
										   WHERE y.grp = m.grp AND y.q BETWEEN m.q - 3 AND m.q)::text) AS identical
FROM (SELECT grp, q, survival_merge(s) OVER (PARTITION BY grp ORDER BY q ROWS 3 PRECEDING) AS s
	  FROM quarterly) AS m;
-- fractional states in the frame: the frame is aggregated afresh, so still
-- identical to merging its states in the same order (fractional sums depend
-- on the order)
CREATE TABLE quarterly_w AS
SELECT q, survival(t, e, w / 3) AS s FROM (SELECT i % 12 AS q, t, e, w FROM r) AS x GROUP BY q;
SELECT count(*) AS windows,
	   count(*) FILTER (WHERE m.s::text = (SELECT survival_merge(y.s ORDER BY y.q) FROM quarterly_w AS y
										   WHERE y.q BETWEEN m.q - 3 AND m.q)::text) AS identical
FROM (SELECT q, survival_merge(s) OVER (ORDER BY q ROWS 3 PRECEDING) AS s FROM quarterly_w) AS m;

-- the plain aggregates are unchanged: no rows, NULL
SELECT survival(t, e) IS NULL AS no_rows FROM r WHERE false;
SELECT survival(t, e) IS NULL AS only_null_rows FROM r WHERE t IS NULL;

-- anciennitet_fordeling in a moving frame: persons counted out equal each
-- frame counted afresh (text), and an empty frame gives NULL
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE f.d::text IS NOT DISTINCT FROM
							  (SELECT anciennitet_fordeling(x.weeks)::text FROM (SELECT i, (t * 7)::int AS weeks FROM r) AS x
							   WHERE x.i BETWEEN f.i - 99 AND f.i AND x.weeks IS NOT NULL)) AS identical
FROM (SELECT i, anciennitet_fordeling((t * 7)::int) OVER (ORDER BY i ROWS 99 PRECEDING) AS d FROM r) AS f;
SELECT i, (anciennitet_fordeling(w) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING)).personer
FROM (VALUES (1, 300), (2, 600), (3, NULL), (4, 10)) AS v (i, w) ORDER BY i;
