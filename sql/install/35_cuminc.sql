
/* ---------- cuminc: competing risks (cumulative incidence) ---------- */

CREATE TYPE cuminc;

CREATE FUNCTION cuminc_in(cstring) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION cuminc_out(cuminc) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION cuminc_recv(internal) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION cuminc_send(cuminc) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE cuminc (
	INPUT = cuminc_in,
	OUTPUT = cuminc_out,
	RECEIVE = cuminc_recv,
	SEND = cuminc_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE cuminc IS 'competing-risks state: persons leaving per distinct duration and cause (0 = censored); mergeable';
COMMENT ON FUNCTION cuminc_in(cstring) IS 'cuminc input: {time: cause=count, ...; time: ...}';
COMMENT ON FUNCTION cuminc_out(cuminc) IS 'cuminc output: {time: cause=count, ...; time: ...}';
COMMENT ON FUNCTION cuminc_recv(internal) IS 'cuminc binary input: format version, entries (time, cause, count)';
COMMENT ON FUNCTION cuminc_send(cuminc) IS 'cuminc binary output: format version, entries (time, cause, count)';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION cuminc_trans(cuminc, float8, int4) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_combine(cuminc, cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION cuminc_trans(cuminc, float8, int4) IS 'transition function of the cuminc aggregate';
COMMENT ON FUNCTION cuminc_combine(cuminc, cuminc) IS 'combine function of cuminc and cuminc_merge: adds the counts of two states';

/*
 * Moving-aggregate mode (a window frame whose start moves): persons leaving
 * the frame are counted out of the state, exactly (see cuminc_subtract).
 */
CREATE FUNCTION cuminc_msfunc(cuminc, float8, int4) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_msfunc(cuminc, cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME', 'cuminc_mcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_minvfunc(cuminc, float8, int4) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_minvfunc(cuminc, cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME', 'cuminc_minvcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cuminc_mfinal(cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION cuminc_msfunc(cuminc, float8, int4) IS 'moving-aggregate transition function of cuminc(duration, cause)';
COMMENT ON FUNCTION cuminc_msfunc(cuminc, cuminc) IS 'moving-aggregate transition function of cuminc_merge';
COMMENT ON FUNCTION cuminc_minvfunc(cuminc, float8, int4) IS 'moving-aggregate inverse transition of cuminc(duration, cause): counts a row out';
COMMENT ON FUNCTION cuminc_minvfunc(cuminc, cuminc) IS 'moving-aggregate inverse transition of cuminc_merge: counts a value out';
COMMENT ON FUNCTION cuminc_mfinal(cuminc) IS 'moving-aggregate final function of the cuminc aggregates: the value, NULL when the frame holds no input';

CREATE AGGREGATE cuminc(duration float8, cause int4) (
	SFUNC = cuminc_trans,
	STYPE = cuminc,
	COMBINEFUNC = cuminc_combine,
	PARALLEL = SAFE,
	MSFUNC = cuminc_msfunc, MINVFUNC = cuminc_minvfunc, MSTYPE = cuminc,
	MFINALFUNC = cuminc_mfinal
);
CREATE AGGREGATE cuminc_merge(cuminc) (
	SFUNC = cuminc_combine,
	STYPE = cuminc,
	COMBINEFUNC = cuminc_combine,
	PARALLEL = SAFE,
	MSFUNC = cuminc_msfunc, MINVFUNC = cuminc_minvfunc, MSTYPE = cuminc,
	MFINALFUNC = cuminc_mfinal
);

COMMENT ON AGGREGATE cuminc(float8, int4) IS 'competing-risks state of durations and causes of leaving (cause 0 = censored)';
COMMENT ON AGGREGATE cuminc_merge(cuminc) IS 'merges cuminc states of disjoint groups into one';

/* The inverse of merging: incremental rollups take a person's old rows out */
CREATE FUNCTION cuminc_subtract(a cuminc, b cuminc) RETURNS cuminc
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = cuminc, RIGHTARG = cuminc, FUNCTION = cuminc_subtract);
COMMENT ON FUNCTION cuminc_subtract(cuminc, cuminc) IS 'the value of the persons of a that are not persons of b: exactly what counting them gives; NULL when no one is left';
COMMENT ON OPERATOR - (cuminc, cuminc) IS 'cuminc_subtract: the value without the persons of the right-hand value';

CREATE FUNCTION cuminc_table(c cuminc, OUT "time" float8, OUT cause int4,
							 OUT estimate float8, OUT variance float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
CREATE FUNCTION cuminc_at(c cuminc, cause int4, t float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION cuminc_table(cuminc) IS 'cumulative incidence per cause with the variance of R''s cmprsk::cuminc, at every time with an event; honours jobreg.min_cell; at most 10 million rows (event times × causes)';
COMMENT ON FUNCTION cuminc_at(cuminc, int4, float8) IS 'cumulative incidence of one cause at time t (NULL past the last follow-up time); honours jobreg.min_cell';
