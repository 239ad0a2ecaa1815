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
DROP ROLE regress_jobreg_analyst_floor;
