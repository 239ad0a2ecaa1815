/* ---------- logrank: the log-rank test, as R's survdiff ---------- */

CREATE TYPE logrank_state;

CREATE FUNCTION logrank_state_in(cstring) RETURNS logrank_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION logrank_state_out(logrank_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION logrank_state_recv(internal) RETURNS logrank_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION logrank_state_send(logrank_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE logrank_state (
	INPUT = logrank_state_in,
	OUTPUT = logrank_state_out,
	RECEIVE = logrank_state_recv,
	SEND = logrank_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE logrank_state IS 'state of the logrank aggregate: a survival state per group, or per stratum and group';
COMMENT ON FUNCTION logrank_state_in(cstring) IS 'logrank_state input: v1|"label":survival|..., stratified v2|"stratum","label":survival|...';
COMMENT ON FUNCTION logrank_state_out(logrank_state) IS 'logrank_state output: v1|"label":survival|..., stratified v2|"stratum","label":survival|...';
COMMENT ON FUNCTION logrank_state_recv(internal) IS 'logrank_state binary input';
COMMENT ON FUNCTION logrank_state_send(logrank_state) IS 'logrank_state binary output';

CREATE TYPE logrank_result AS (chisq float8, df int4, p_value float8);
COMMENT ON TYPE logrank_result IS 'result of the log-rank test: chi-square, degrees of freedom, p-value';

CREATE FUNCTION logrank_sfunc(logrank_state, float8, bool, text) RETURNS logrank_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION logrank_sfunc(logrank_state, text, survival) RETURNS logrank_state
	AS 'MODULE_PATHNAME', 'logrank_sfunc_survival' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION logrank_sfunc(logrank_state, float8, bool, text, text) RETURNS logrank_state
	AS 'MODULE_PATHNAME', 'logrank_sfunc_strata' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION logrank_combine(logrank_state, logrank_state) RETURNS logrank_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION logrank_final(logrank_state) RETURNS logrank_result
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION logrank_sfunc(logrank_state, float8, bool, text) IS 'transition function of logrank(duration, event, grp)';
COMMENT ON FUNCTION logrank_sfunc(logrank_state, text, survival) IS 'transition function of logrank(grp, survival)';
COMMENT ON FUNCTION logrank_sfunc(logrank_state, float8, bool, text, text) IS 'transition function of logrank(duration, event, grp, strata)';
COMMENT ON FUNCTION logrank_combine(logrank_state, logrank_state) IS 'merge two logrank states group by group';
COMMENT ON FUNCTION logrank_final(logrank_state) IS 'the log-rank test of a logrank state, of at most 1,000 groups (doc/bounds.md)';

CREATE AGGREGATE logrank(duration float8, event bool, grp text) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, FINALFUNC = logrank_final,
	COMBINEFUNC = logrank_combine, PARALLEL = SAFE
);
CREATE AGGREGATE logrank(duration float8, event bool, grp text, strata text) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, FINALFUNC = logrank_final,
	COMBINEFUNC = logrank_combine, PARALLEL = SAFE
);
CREATE AGGREGATE logrank(grp text, curve survival) (
	SFUNC = logrank_sfunc, STYPE = logrank_state, FINALFUNC = logrank_final,
	COMBINEFUNC = logrank_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE logrank(float8, bool, text) IS 'log-rank test that the groups have the same survival, as survdiff in R; at most 1,000 groups';
COMMENT ON AGGREGATE logrank(float8, bool, text, text) IS 'stratified log-rank test that the groups have the same survival within strata, as survdiff(Surv(t, e) ~ g + strata(s)) in R; at most 1,000 stratum-group cells';
COMMENT ON AGGREGATE logrank(text, survival) IS 'log-rank test over stored survival states, one or more per group; at most 1,000 groups';
