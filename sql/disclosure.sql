--
-- disclosure: the attacks of issue 19 on jobreg.min_cell, each of which
-- showed a withheld figure, and the floor an ordinary role cannot lower
--
\i test/lib/errors.sql
SELECT current_user AS superuser \gset

-- 1. The floor.  A superuser sets jobreg.min_cell_floor (or jobreg.policy);
-- a role may raise jobreg.min_cell above it, never lower what is in force.
SELECT min_cell_effective() AS off;
CREATE ROLE regress_jobreg_analyst_floor;
ALTER ROLE regress_jobreg_analyst_floor SET jobreg.min_cell_floor = 5;
SELECT setrole.setconfig FROM pg_db_role_setting AS setrole
	JOIN pg_roles AS r ON r.oid = setrole.setrole WHERE r.rolname = 'regress_jobreg_analyst_floor';
SET jobreg.min_cell_floor = 5;
SET ROLE regress_jobreg_analyst_floor;
SELECT what, pg_temp.err(q) FROM (VALUES
	('SET', 'SET jobreg.min_cell_floor = 0'),
	('RESET', 'RESET jobreg.min_cell_floor'),
	('SET LOCAL', 'SET LOCAL jobreg.min_cell_floor = 0'),
	('policy', 'SET jobreg.policy = none'),
	('set_config', $$SELECT set_config('jobreg.min_cell_floor', '0', false)$$),
	('function SET', $$CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql
					   SET jobreg.min_cell_floor = 0 RETURN min_cell_effective()$$)) AS a (what, q);
SET jobreg.min_cell = 0;
SELECT current_setting('jobreg.min_cell') AS min_cell, min_cell_effective() AS in_force;
SET jobreg.min_cell = 8;		-- raising is allowed
SELECT min_cell_effective() AS raised;
RESET jobreg.min_cell;
RESET ROLE;
-- the named policy: Statistics Denmark's research service, 5 units
RESET jobreg.min_cell_floor;
SET jobreg.policy = dst;
SELECT min_cell_effective() AS dst;
SET ROLE regress_jobreg_analyst_floor;
SELECT pg_temp.err('SET jobreg.policy = none') AS lower_policy;
RESET ROLE;
RESET jobreg.policy;
SELECT min_cell_effective() AS off_again;
-- a login role with the floor set by ALTER ROLE: a new session of the role
-- (jobreg not loaded until its first function runs) has it in force
ALTER ROLE regress_jobreg_analyst_floor LOGIN;
\c - regress_jobreg_analyst_floor
SELECT current_user, min_cell_effective() AS in_force_at_login;
SET jobreg.min_cell = 0;
SELECT min_cell_effective() AS after_set_min_cell;
\c - regress_jobreg_analyst_floor
-- setting it before jobreg is loaded (a placeholder) does not help either
SET jobreg.min_cell_floor = 0;
SELECT min_cell_effective() AS after_placeholder;
\c - :superuser
\i test/lib/errors.sql

-- 2. The attacks of issue 19, each of which showed a withheld figure with
-- jobreg.min_cell = 5
SET jobreg.min_cell = 5;
-- a) delayed entry: one event of 2 at risk at week 2; eight persons enter
-- at week 3 and five of them leave at weeks 5 to 9.  A later row used to
-- show S = 0.5 × (1 − 1/9) …, so S(2) = 0.5 followed.  Now the step at 2 is
-- merged into the later ones, and a group whose first risk set is under 5
-- is never shown: nothing of the curve comes out.
CREATE TEMP TABLE late (entry float8, exit float8, event bool);
INSERT INTO late VALUES (NULL, 2, true), (NULL, 12, false),
	(3, 5, true), (3, 6, true), (3, 7, true), (3, 8, true), (3, 9, true), (3, 12, false), (3, 12, false), (3, 12, false);
SELECT * FROM surv_table((SELECT survival(coalesce(entry, 0), exit, event) FROM late));
SELECT (SELECT count(surv_at(s, t)) FROM generate_series(0, 12) t) AS shown_at,
	   (SELECT count(surv_rmean(s, t)) FROM generate_series(0, 12) t) AS shown_rmean, surv_median(s) AS median
FROM (SELECT survival(coalesce(entry, 0), exit, event) AS s FROM late) x;
-- with six persons from the start, the step at 2 (1 of 6) is merged into a
-- row of 5 events; S(t) between its steps is not shown
INSERT INTO late VALUES (NULL, 12, false), (NULL, 12, false), (NULL, 12, false), (NULL, 12, false);
SELECT * FROM surv_table((SELECT survival(coalesce(entry, 0), exit, event) FROM late));
SELECT t, surv_at(s, t) FROM (SELECT survival(coalesce(entry, 0), exit, event) AS s FROM late) x, generate_series(0, 12, 2) t;
-- b) padding a group of one with rows of weight 0: still one person
SELECT * FROM surv_table((SELECT survival(d, e, w)
						  FROM (SELECT 3, true, 1.0 UNION ALL SELECT 10, false, 0 FROM generate_series(1, 20)) v(d, e, w)));
SELECT surv_at(s, 3) AS at_3, surv_median(s) AS median
FROM (SELECT survival(d, e, w) AS s
	  FROM (SELECT 3, true, 1.0 UNION ALL SELECT 10, false, 0 FROM generate_series(1, 20)) v(d, e, w)) x;
-- fractional weights count as their sum rounded up: 1 + 30 × 0.1 is 4 persons
SELECT * FROM surv_table((SELECT survival(d, e, w)
						  FROM (SELECT 3, true, 1.0 UNION ALL SELECT 4, true, 0.1 FROM generate_series(1, 30)) v(d, e, w)));
-- c) survival_merge with a hand-written state of 50 rows of weight 0
SELECT * FROM surv_table((SELECT survival_merge(s) FROM (VALUES
	((SELECT survival(3, true))), ('v1;100:0,0,0,50,0'::survival)) v(s)));
-- d) withheld rows do not show their times: one row of NULLs (above), and
-- every shown row rests on 5 persons with an event
SELECT t.time, t.n_event FROM surv_table((SELECT survival(d, d % 3 > 0) FROM generate_series(1, 40) d)) t;

-- 3. The text and binary forms of the states under a floor: refused to a
-- role that is not a superuser, so counts can neither be read nor forged;
-- the functions and parallel plans (which ship states without these forms)
-- still work
RESET jobreg.min_cell;
CREATE TABLE disclosure_states AS
SELECT g % 4 AS k, survival(d, d % 3 > 0) AS s, cuminc(d, d % 3) AS c, flow(w, '2015-W01', 4) AS f
FROM (SELECT g, g % 17 AS d, ('2015-W01 ' || (g % 3) || 'x' || (1 + g % 5))::weekline AS w
	  FROM generate_series(1, 4000) g) x GROUP BY g % 4;
GRANT SELECT ON disclosure_states TO regress_jobreg_analyst_floor;
SET jobreg.min_cell_floor = 5;
SELECT length(s::text) > 0 AS superuser_reads_text FROM disclosure_states WHERE k = 0;
SET ROLE regress_jobreg_analyst_floor;
SELECT what, pg_temp.err(q) FROM (VALUES
	('survival out', 'SELECT s::text FROM disclosure_states'),
	('survival send', 'SELECT survival_send(s) FROM disclosure_states'),
	('survival in', $$SELECT 'v1;1:1,0,0,1,0'::survival$$),
	('cuminc out', 'SELECT c::text FROM disclosure_states'),
	('cuminc in', $$SELECT '{1: 1=1}'::cuminc$$),
	('flow out', 'SELECT f::text FROM disclosure_states'),
	('logrank_state in', $$SELECT 'v1'::logrank_state$$),
	('gray_state in', $$SELECT 'v1'::gray_state$$),
	('regression in', $$SELECT 'v1'::regression$$),
	('regression out', 'SELECT logistic(d > 1, ARRAY[d::float8])::text FROM (VALUES (1), (2), (3)) v(d)'),
	('survival_merge', 'SELECT surv_median(survival_merge(s)) FROM disclosure_states')) AS a (what, q);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT surv_median(survival_merge(s)) FROM disclosure_states;
SELECT surv_median(survival_merge(s)) AS parallel_median, (SELECT count(*) FROM cuminc_table((SELECT cuminc_merge(c) FROM disclosure_states))) AS cuminc_rows
FROM disclosure_states;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET ROLE;
RESET jobreg.min_cell_floor;
DROP TABLE disclosure_states;
DROP ROLE regress_jobreg_analyst_floor;

-- 4. logrank: a test one of whose groups rests on fewer persons than the
-- threshold gives NULLs (persons: rows, and weights rounded up)
CREATE TEMP TABLE lr AS
SELECT CASE WHEN g <= 4 THEN 'small' ELSE 'big' END AS grp, (g % 7)::float8 AS d, g % 3 > 0 AS e
FROM generate_series(1, 40) g;
SELECT (logrank(d, e, grp)).chisq IS NOT NULL AS shown_without FROM lr;
SET jobreg.min_cell = 5;
SELECT (logrank(d, e, grp)).* FROM lr;
-- the small group padded with 40 rows of weight 0 in a state of its own
SELECT (logrank(grp, s)).p_value IS NULL AS padded_withheld
FROM (SELECT grp, survival(d, e) AS s FROM lr GROUP BY grp
	  UNION ALL SELECT 'small', survival(d, e, 0) FROM lr) x;
SET jobreg.min_cell = 4;
SELECT (logrank(d, e, grp)).p_value IS NOT NULL AS shown_at_4 FROM lr;
RESET jobreg.min_cell;
