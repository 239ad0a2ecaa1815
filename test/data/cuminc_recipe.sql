-- test/data/cuminc_recipe.sql: the cumulative incidence and variance of R's
-- cmprsk::cuminc in plain SQL -- GROUP BY time and cause, then window
-- functions.  The oracle of sql/cuminc.sql and the plain-SQL competitor in
-- bench/cuminc.sql.  It reads cuminc_recipe_input (time float8, cause int,
-- cause 0 = censored), which the caller creates first.
--
-- Per event time: rs at risk, nd events, dk of cause k; the overall survival
-- fk before the time and fkn after it; F_k adds fk dk / rs; cmprsk's variance
-- is v1 + F^2 v3 - 2 F v2 over running sums of the terms of the other
-- causes' events (t6_other) and of the cause's own (t6_own).
CREATE FUNCTION pg_temp.cuminc_recipe(OUT "time" float8, OUT cause int, OUT estimate float8, OUT variance float8)
RETURNS SETOF record LANGUAGE sql STABLE AS $$
WITH g AS (
	SELECT time, cause, count(*)::float8 AS n FROM cuminc_recipe_input GROUP BY 1, 2
), t AS (
	SELECT time, sum(n) AS nall, coalesce(sum(n) FILTER (WHERE cause > 0), 0) AS nd FROM g GROUP BY time
), risk AS (
	SELECT time, nd, sum(nall) OVER (ORDER BY time DESC) AS rs FROM t
), km AS (
	SELECT time, nd, rs,
		   exp(coalesce(sum(CASE WHEN nd < rs THEN ln(1 - nd / rs) END)
						OVER (ORDER BY time ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS fk
	FROM risk WHERE nd > 0
), kc AS (
	SELECT km.time, km.rs, km.nd, km.fk, km.fk * (km.rs - km.nd) / km.rs AS fkn, c.cause, coalesce(g.n, 0) AS dk
	FROM km CROSS JOIN (SELECT DISTINCT cause FROM g WHERE cause > 0) AS c
		 LEFT JOIN g ON g.time = km.time AND g.cause = c.cause
), f AS (
	SELECT *, sum(fk * dk / rs) OVER (PARTITION BY cause ORDER BY time) AS f,
		   CASE WHEN fkn > 0 THEN 1 / fkn ELSE 0 END AS t3,
		   CASE WHEN fkn > 0 THEN fk * fk * (CASE WHEN nd - dk > 1 THEN 1 - (nd - dk - 1) / (rs - 1) ELSE 1 END)
									 * (nd - dk) / (rs * rs) ELSE 0 END AS t6_other,
		   fk * fk * (CASE WHEN dk > 1 THEN 1 - (dk - 1) / (rs - 1) ELSE 1 END) * dk / (rs * rs) AS t6_own
	FROM kc
), v AS (
	SELECT time, cause, f,
		   sum((f * t3) ^ 2 * t6_other + (1 + t3 * f) ^ 2 * t6_own) OVER w AS v1,
		   sum(t3 * f * t3 * t6_other + t3 * (1 + t3 * f) * t6_own) OVER w AS v2,
		   sum(t3 * t3 * (t6_other + t6_own)) OVER w AS v3
	FROM f WINDOW w AS (PARTITION BY cause ORDER BY time)
)
SELECT time, cause::int, f, v1 + f * f * v3 - 2 * f * v2 FROM v
$$;
