/* ---------- matching: greedy nearest-neighbour pairs on a score, as MatchIt ---------- */

-- Not STRICT: a NULL caliper means none (a NULL array gives no rows).
CREATE FUNCTION match_nearest(ids int8[], treated bool[], scores float8[], caliper float8 DEFAULT NULL,
							  OUT treated_id int8, OUT control_id int8, OUT distance float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'match_nearest' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION match_nearest(int8[], bool[], float8[], float8) IS 'greedy 1:1 nearest-neighbour matching on a score without replacement, treated units from the largest score down, as MatchIt''s matchit(method = "nearest", m.order = "largest", replace = FALSE); units with a NULL are left out';
