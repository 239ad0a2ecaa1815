/* ---------- disclosure control: the threshold in force ---------- */

CREATE FUNCTION min_cell_effective() RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION min_cell_effective() IS 'the disclosure threshold jobreg applies now: the largest of jobreg.min_cell, jobreg.min_cell_floor and the floor of jobreg.policy (0 = off)';
