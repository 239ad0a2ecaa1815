
/* ---------- flow: a cohort's weekly states from an origin week ---------- */

CREATE TYPE flow;

CREATE FUNCTION flow_in(cstring) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION flow_out(flow) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION flow_recv(internal) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION flow_send(flow) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE flow (
	INPUT = flow_in,
	OUTPUT = flow_out,
	RECEIVE = flow_recv,
	SEND = flow_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE flow IS 'a cohort''s weekly states from an origin week (persons per pair of weeks and codes, as a sparse difference array); mergeable';
COMMENT ON FUNCTION flow_in(cstring) IS 'flow input: v1;origin=<isoweek>;horizon=<weeks>;x,y,from>to:delta;...';
COMMENT ON FUNCTION flow_out(flow) IS 'flow output: v1;origin=<isoweek>;horizon=<weeks>;x,y,from>to:delta;...';
COMMENT ON FUNCTION flow_recv(internal) IS 'flow binary input: format version, origin, horizon, entries (x, y, from, to, delta)';
COMMENT ON FUNCTION flow_send(flow) IS 'flow binary output: format version, origin, horizon, entries (x, y, from, to, delta)';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION flow_trans(flow, weekline, isoweek, int4) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_combine(flow, flow) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION flow_trans(flow, weekline, isoweek, int4) IS 'transition function of the flow aggregate: adds one person''s weeks from the origin';
COMMENT ON FUNCTION flow_combine(flow, flow) IS 'combine function of flow and flow_merge: adds the entries of two states of the same origin and horizon';

-- Moving-aggregate mode (a window frame whose start moves): rows leaving the
-- frame are taken out of the state, exactly (entries are whole numbers).
CREATE FUNCTION flow_msfunc(flow, weekline, isoweek, int4) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_msfunc(flow, flow) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_mcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_minvfunc(flow, weekline, isoweek, int4) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_minvfunc(flow, flow) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_minvcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION flow_mfinal(flow) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION flow_msfunc(flow, weekline, isoweek, int4) IS 'moving-aggregate transition function of flow(history, origin, horizon)';
COMMENT ON FUNCTION flow_msfunc(flow, flow) IS 'moving-aggregate transition function of flow_merge';
COMMENT ON FUNCTION flow_minvfunc(flow, weekline, isoweek, int4) IS 'moving-aggregate inverse transition of flow(history, origin, horizon): takes a person out, exactly';
COMMENT ON FUNCTION flow_minvfunc(flow, flow) IS 'moving-aggregate inverse transition of flow_merge: takes a state out, exactly';
COMMENT ON FUNCTION flow_mfinal(flow) IS 'moving-aggregate final function of flow and flow_merge: the state, NULL when the frame holds no row';

CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE,
	MSFUNC = flow_msfunc, MINVFUNC = flow_minvfunc, MSTYPE = flow,
	MFINALFUNC = flow_mfinal
);
CREATE AGGREGATE flow_merge(flow) (
	SFUNC = flow_combine,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE,
	MSFUNC = flow_msfunc, MINVFUNC = flow_minvfunc, MSTYPE = flow,
	MFINALFUNC = flow_mfinal
);

COMMENT ON AGGREGATE flow(weekline, isoweek, int4) IS 'the weekly states of a cohort from the origin week to origin + horizon; histories ending earlier are right-censored, histories not covering the origin contribute nothing';
COMMENT ON AGGREGATE flow_merge(flow) IS 'merges flow states of disjoint cohorts with the same origin and horizon';

/* The codebook's groups applied inside the aggregate: no weekline built per row */
CREATE FUNCTION flow_trans(flow, weekline, isoweek, int4, text) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_trans_codebook' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION flow_trans(flow, weekline, isoweek, int4, text) IS 'transition function of flow(history, origin, horizon, codebook): adds one person''s weeks from the origin, codes mapped to the codebook''s groups';
CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4, codebook text) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE flow(weekline, isoweek, int4, text) IS 'flow(weekline_recode(history, codebook), origin, horizon) without building a weekline per row: the codes mapped to the codebook''s groups as they are read (up to the horizon)';

/* The cohort inside the aggregate: persons outside it are read only up to the origin */
CREATE FUNCTION flow_trans(flow, weekline, isoweek, int4, text, int4[]) RETURNS flow
	AS 'MODULE_PATHNAME', 'flow_trans_cohort' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION flow_trans(flow, weekline, isoweek, int4, text, int4[]) IS 'transition function of flow(history, origin, horizon, codebook, cohort): adds one person of the cohort, codes mapped to the codebook''s groups; others are skipped';
CREATE AGGREGATE flow(history weekline, origin isoweek, horizon int4, codebook text, cohort int4[]) (
	SFUNC = flow_trans,
	STYPE = flow,
	COMBINEFUNC = flow_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE flow(weekline, isoweek, int4, text, int4[]) IS 'flow(history, origin, horizon, codebook) FILTER (WHERE code_at(history, origin) = ANY (cohort)): persons whose code in the origin week is not in cohort contribute nothing and are read only up to it';

/* The inverse of merging: incremental rollups take persons' old weeks out */
CREATE FUNCTION flow_subtract(a flow, b flow) RETURNS flow
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = flow, RIGHTARG = flow, FUNCTION = flow_subtract);
COMMENT ON FUNCTION flow_subtract(flow, flow) IS 'the flow of the persons of a that are not persons of b: exactly what aggregating them gives; 22023 when b is not part of a';
COMMENT ON OPERATOR - (flow, flow) IS 'flow_subtract: the flow without the persons of the right-hand flow';

CREATE FUNCTION flow_table(f flow, OUT week int4, OUT code int4, OUT persons float8,
						   OUT share float8, OUT std_err float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 500;
CREATE FUNCTION flow_transitions(f flow, from_week int4, to_week int4,
								 OUT from_code int4, OUT to_code int4, OUT persons float8,
								 OUT share float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 25;
CREATE FUNCTION flow_mean_weeks(f flow, code int4) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION flow_table(flow) IS 'per week and code: persons observed, Aalen-Johansen state occupation probability and its Greenwood-type standard error; honours jobreg.min_cell';
COMMENT ON FUNCTION flow_transitions(flow, int4, int4) IS 'among persons observed in both weeks: persons per code in from_week and code in to_week, with row shares; honours jobreg.min_cell';
COMMENT ON FUNCTION flow_mean_weeks(flow, int4) IS 'expected weeks in a code from the origin week to the horizon (restricted mean time in state); honours jobreg.min_cell';
