/* ---------- gray_test: Gray's test of equal cumulative incidence, as cmprsk ---------- */

CREATE TYPE gray_state;

CREATE FUNCTION gray_state_in(cstring) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION gray_state_out(gray_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION gray_state_recv(internal) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION gray_state_send(gray_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE gray_state (
	INPUT = gray_state_in,
	OUTPUT = gray_state_out,
	RECEIVE = gray_state_recv,
	SEND = gray_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE gray_state IS 'state of the gray_test aggregate: persons leaving per group, time and cause (0 = censored); mergeable';
COMMENT ON FUNCTION gray_state_in(cstring) IS 'gray_state input: v1|"label"|...;time,group,cause,count;...';
COMMENT ON FUNCTION gray_state_out(gray_state) IS 'gray_state output: v1|"label"|...;time,group,cause,count;...';
COMMENT ON FUNCTION gray_state_recv(internal) IS 'gray_state binary input: format version, labels, entries (time, group, cause, count)';
COMMENT ON FUNCTION gray_state_send(gray_state) IS 'gray_state binary output: format version, labels, entries (time, group, cause, count)';

CREATE TYPE gray_test_result AS (cause int4, statistic float8, df int4, p_value float8);
COMMENT ON TYPE gray_test_result IS 'one cause''s Gray test: statistic, degrees of freedom and p-value, as a row of cmprsk::cuminc(...)$Tests';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION gray_test_trans(gray_state, float8, int4, text) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION gray_test_combine(gray_state, gray_state) RETURNS gray_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION gray_test_final(gray_state) RETURNS gray_test_result[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION gray_test_trans(gray_state, float8, int4, text) IS 'transition function of gray_test: counts the person under its group, time and cause';
COMMENT ON FUNCTION gray_test_combine(gray_state, gray_state) IS 'combine function of gray_test: adds the counts of two states';
COMMENT ON FUNCTION gray_test_final(gray_state) IS 'final function of gray_test: one test per cause, NULL with fewer than two groups';

CREATE AGGREGATE gray_test(duration float8, cause int4, grp text) (
	SFUNC = gray_test_trans,
	STYPE = gray_state,
	COMBINEFUNC = gray_test_combine,
	FINALFUNC = gray_test_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE gray_test(float8, int4, text) IS 'Gray''s test (rho = 0) that the groups have the same cumulative incidence, one per cause (cause 0 = censored), as cmprsk::cuminc(ftime, fstatus, group)$Tests; an array of gray_test_result, unnest it for rows; at most 100 groups';
