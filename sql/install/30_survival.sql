/* ---------- survival: a mergeable Kaplan-Meier state ---------- */

CREATE TYPE survival;

CREATE FUNCTION survival_in(cstring) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION survival_out(survival) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION survival_recv(internal) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION survival_send(survival) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE survival (
	INPUT = survival_in,
	OUTPUT = survival_out,
	RECEIVE = survival_recv,
	SEND = survival_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE survival IS 'a mergeable Kaplan-Meier state: weighted events, censorings and entries per distinct time';
COMMENT ON FUNCTION survival_in(cstring) IS 'survival input: v1;time:events,censored,entered,rows_out,rows_in;...';
COMMENT ON FUNCTION survival_out(survival) IS 'survival output: v1;time:events,censored,entered,rows_out,rows_in;...';
COMMENT ON FUNCTION survival_recv(internal) IS 'survival binary input';
COMMENT ON FUNCTION survival_send(survival) IS 'survival binary output';

/* Transition functions: not strict, as rows with a NULL are skipped */
CREATE FUNCTION survival_sfunc(survival, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_sfunc(survival, float8, bool, float8) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_sfunc(survival, float8, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_sfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_combine(survival, survival) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION survival_sfunc(survival, float8, bool) IS 'transition function of survival(duration, event)';
COMMENT ON FUNCTION survival_sfunc(survival, float8, bool, float8) IS 'transition function of survival(duration, event, weight)';
COMMENT ON FUNCTION survival_sfunc(survival, float8, float8, bool) IS 'transition function of survival(entry, exit, event)';
COMMENT ON FUNCTION survival_combine(survival, survival) IS 'merge two survival states (adds their counts)';

/*
 * Moving-aggregate mode (a window frame whose start moves): rows leaving the
 * frame are taken out of the state, exactly (see survival_subtract).
 */
CREATE FUNCTION survival_msfunc(survival, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_msfunc(survival, float8, bool, float8) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_msfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_msfunc(survival, float8, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_msfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_msfunc(survival, survival) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_mcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, float8, bool, float8) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_minvfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, float8, float8, bool) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_minvfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_minvfunc(survival, survival) RETURNS survival
	AS 'MODULE_PATHNAME', 'survival_minvcombine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION survival_mfinal(survival) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION survival_msfunc(survival, float8, bool) IS 'moving-aggregate transition function of survival(duration, event)';
COMMENT ON FUNCTION survival_msfunc(survival, float8, bool, float8) IS 'moving-aggregate transition function of survival(duration, event, weight)';
COMMENT ON FUNCTION survival_msfunc(survival, float8, float8, bool) IS 'moving-aggregate transition function of survival(entry, exit, event)';
COMMENT ON FUNCTION survival_msfunc(survival, survival) IS 'moving-aggregate transition function of survival_merge';
COMMENT ON FUNCTION survival_minvfunc(survival, float8, bool) IS 'moving-aggregate inverse transition of survival(duration, event): takes a row out';
COMMENT ON FUNCTION survival_minvfunc(survival, float8, bool, float8) IS 'moving-aggregate inverse transition of survival(duration, event, weight): takes a row out; NULL (aggregate afresh) once a fractional weight was added';
COMMENT ON FUNCTION survival_minvfunc(survival, float8, float8, bool) IS 'moving-aggregate inverse transition of survival(entry, exit, event): takes a row out';
COMMENT ON FUNCTION survival_minvfunc(survival, survival) IS 'moving-aggregate inverse transition of survival_merge: takes a state out; NULL (aggregate afresh) when a weighted count is not a whole number';
COMMENT ON FUNCTION survival_mfinal(survival) IS 'moving-aggregate final function of the survival aggregates: the state, NULL when the frame holds no row';

CREATE AGGREGATE survival(duration float8, event bool) (
	SFUNC = survival_sfunc, STYPE = survival,
	COMBINEFUNC = survival_combine, PARALLEL = SAFE,
	MSFUNC = survival_msfunc, MINVFUNC = survival_minvfunc, MSTYPE = survival,
	MFINALFUNC = survival_mfinal
);
CREATE AGGREGATE survival(duration float8, event bool, weight float8) (
	SFUNC = survival_sfunc, STYPE = survival,
	COMBINEFUNC = survival_combine, PARALLEL = SAFE,
	MSFUNC = survival_msfunc, MINVFUNC = survival_minvfunc, MSTYPE = survival,
	MFINALFUNC = survival_mfinal
);
CREATE AGGREGATE survival(entry float8, exit float8, event bool) (
	SFUNC = survival_sfunc, STYPE = survival,
	COMBINEFUNC = survival_combine, PARALLEL = SAFE,
	MSFUNC = survival_msfunc, MINVFUNC = survival_minvfunc, MSTYPE = survival,
	MFINALFUNC = survival_mfinal
);
CREATE AGGREGATE survival_merge(survival) (
	SFUNC = survival_combine, STYPE = survival,
	COMBINEFUNC = survival_combine, PARALLEL = SAFE,
	MSFUNC = survival_msfunc, MINVFUNC = survival_minvfunc, MSTYPE = survival,
	MFINALFUNC = survival_mfinal
);

COMMENT ON AGGREGATE survival(float8, bool) IS 'Kaplan-Meier state of durations; event false = censored';
COMMENT ON AGGREGATE survival(float8, bool, float8) IS 'Kaplan-Meier state of durations with case weights';
COMMENT ON AGGREGATE survival(float8, float8, bool) IS 'Kaplan-Meier state with delayed entry: at risk at t when entry < t <= exit';
COMMENT ON AGGREGATE survival_merge(survival) IS 'merge survival states, as if their rows were aggregated together';

/* The inverse of merging: incremental rollups take a person's old rows out */
CREATE FUNCTION survival_subtract(a survival, b survival) RETURNS survival
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = survival, RIGHTARG = survival, FUNCTION = survival_subtract);
COMMENT ON FUNCTION survival_subtract(survival, survival) IS 'the state of the rows of a that are not rows of b: exactly what aggregating them gives (whole-number weights only); NULL when no row is left';
COMMENT ON OPERATOR - (survival, survival) IS 'survival_subtract: the state without the rows of the right-hand state';

/* Readers */

CREATE FUNCTION surv_at(survival, t float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION surv_median(survival) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION surv_quantile(survival, p float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION surv_rmean(survival, tau float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION surv_at(survival, float8) IS 'Kaplan-Meier estimate S(t); NULL after the last time';
COMMENT ON FUNCTION surv_median(survival) IS 'median survival time, as print(survfit) in R';
COMMENT ON FUNCTION surv_quantile(survival, float8) IS 'time by which a share p has had the event, as quantile.survfit in R';
COMMENT ON FUNCTION surv_rmean(survival, float8) IS 'restricted mean survival time up to tau, as print(survfit, rmean = tau) in R';

/* STABLE: the result depends on the setting jobreg.min_cell */
CREATE FUNCTION surv_table(survival, conf_type text DEFAULT 'log', conf_level float8 DEFAULT 0.95,
						   variance text DEFAULT 'auto',
						   OUT "time" float8, OUT n_risk float8, OUT n_event float8, OUT n_censor float8,
						   OUT surv float8, OUT std_err float8, OUT lower float8, OUT upper float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 50;

COMMENT ON FUNCTION surv_table(survival, text, float8, text) IS 'Kaplan-Meier table with standard errors and confidence intervals, as summary(survfit) in R; variance auto (R''s default: robust with non-integer weights), greenwood or robust';
