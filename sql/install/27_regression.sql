
/* ---------- regression: mergeable logistic, Poisson and Cox models ---------- */

CREATE TYPE regression;

CREATE FUNCTION regression_in(cstring) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION regression_out(regression) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION regression_recv(internal) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION regression_send(regression) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE regression (
	INPUT = regression_in,
	OUTPUT = regression_out,
	RECEIVE = regression_recv,
	SEND = regression_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE regression IS 'a logistic, Poisson or Cox model as sums per distinct covariate pattern (and time, for Cox); mergeable, fitted by the readers';
COMMENT ON FUNCTION regression_in(cstring) IS 'regression input: v1;<kind>;p=<p>[;sums=...];x1,...,xp:sums;... (v2;cox;p=<p>[;strata=...];x=x1,...,xp;...;stratum,time,pattern:sums;...)';
COMMENT ON FUNCTION regression_out(regression) IS 'regression output: v1;<kind>;p=<p>[;sums=...];x1,...,xp:sums;... (v2;cox;p=<p>[;strata=...];x=x1,...,xp;...;stratum,time,pattern:sums;...), sorted';
COMMENT ON FUNCTION regression_recv(internal) IS 'regression binary input: format version, kind, p, entries, (cox) the patterns, global sums, per entry key and sums';
COMMENT ON FUNCTION regression_send(regression) IS 'regression binary output: format version, kind, p, entries, (cox) the patterns, global sums, per entry key and sums';

-- Not STRICT: the state starts as NULL and rows with a NULL are skipped.
CREATE FUNCTION logistic_trans(regression, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION poisson_trans(regression, float8, float8, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_trans(regression, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_trans(regression, float8, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_trans_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_combine(regression, regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION logistic_trans(regression, bool, float8[]) IS 'transition function of the logistic aggregate: adds one row to its covariate pattern';
COMMENT ON FUNCTION poisson_trans(regression, float8, float8, float8[]) IS 'transition function of the poisson aggregate: adds one row to its covariate pattern';
COMMENT ON FUNCTION cox_trans(regression, float8, bool, float8[]) IS 'transition function of the cox aggregate: adds one row to its time and covariate pattern';
COMMENT ON FUNCTION cox_trans(regression, float8, float8, bool, float8[]) IS 'transition function of the cox aggregate with delayed entry: adds one row''s exit and entry';
COMMENT ON FUNCTION regression_combine(regression, regression) IS 'combine function of logistic, poisson, cox and regression_merge: adds the sums of two states of the same kind and p';

/*
 * Moving-aggregate mode (a window frame whose start moves): rows leaving the
 * frame are taken out of the state, exactly (see regression_subtract).
 */
CREATE FUNCTION logistic_msfunc(regression, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION logistic_minvfunc(regression, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION poisson_msfunc(regression, float8, float8, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION poisson_minvfunc(regression, float8, float8, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_msfunc(regression, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_msfunc(regression, float8, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_msfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_minvfunc(regression, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_minvfunc(regression, float8, float8, bool, float8[]) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_minvfunc_entry' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_msfunc(regression, regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_minvfunc(regression, regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION regression_mfinal(regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION logistic_msfunc(regression, bool, float8[]) IS 'moving-aggregate transition function of logistic';
COMMENT ON FUNCTION logistic_minvfunc(regression, bool, float8[]) IS 'moving-aggregate inverse transition of logistic: takes a row out, exactly';
COMMENT ON FUNCTION poisson_msfunc(regression, float8, float8, float8[]) IS 'moving-aggregate transition function of poisson';
COMMENT ON FUNCTION poisson_minvfunc(regression, float8, float8, float8[]) IS 'moving-aggregate inverse transition of poisson: takes a row out, exactly (fixed-point sums)';
COMMENT ON FUNCTION cox_msfunc(regression, float8, bool, float8[]) IS 'moving-aggregate transition function of cox(duration, event, x)';
COMMENT ON FUNCTION cox_msfunc(regression, float8, float8, bool, float8[]) IS 'moving-aggregate transition function of cox(entry, exit, event, x)';
COMMENT ON FUNCTION cox_minvfunc(regression, float8, bool, float8[]) IS 'moving-aggregate inverse transition of cox(duration, event, x): takes a row out, exactly';
COMMENT ON FUNCTION cox_minvfunc(regression, float8, float8, bool, float8[]) IS 'moving-aggregate inverse transition of cox(entry, exit, event, x): takes a row out, exactly';
COMMENT ON FUNCTION regression_msfunc(regression, regression) IS 'moving-aggregate transition function of regression_merge';
COMMENT ON FUNCTION regression_minvfunc(regression, regression) IS 'moving-aggregate inverse transition of regression_merge: takes a state out, exactly';
COMMENT ON FUNCTION regression_mfinal(regression) IS 'moving-aggregate final function of the regression aggregates: the state, NULL when the frame holds no row';

CREATE AGGREGATE logistic(y bool, x float8[]) (
	SFUNC = logistic_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = logistic_msfunc, MINVFUNC = logistic_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE poisson(events float8, exposure float8, x float8[]) (
	SFUNC = poisson_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = poisson_msfunc, MINVFUNC = poisson_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE cox(duration float8, event bool, x float8[]) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = cox_msfunc, MINVFUNC = cox_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE cox(entry float8, exit float8, event bool, x float8[]) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = cox_msfunc, MINVFUNC = cox_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
CREATE AGGREGATE regression_merge(regression) (
	SFUNC = regression_combine,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = regression_msfunc, MINVFUNC = regression_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);

COMMENT ON AGGREGATE logistic(bool, float8[]) IS 'logistic regression of y on x with an intercept (R: glm(y ~ x, binomial)); rows with a NULL skipped';
COMMENT ON AGGREGATE poisson(float8, float8, float8[]) IS 'Poisson regression of events on x with an intercept and offset log(exposure) (R: glm(events ~ x + offset(log(exposure)), poisson)); rows with a NULL skipped';
COMMENT ON AGGREGATE cox(float8, bool, float8[]) IS 'Cox proportional hazards model of the duration and event on x (R: coxph(Surv(duration, event) ~ x)); rows with a NULL skipped';
COMMENT ON AGGREGATE cox(float8, float8, bool, float8[]) IS 'Cox proportional hazards model with delayed entry, at risk on (entry, exit] (R: coxph(Surv(entry, exit, event) ~ x)); rows with a NULL skipped';
COMMENT ON AGGREGATE regression_merge(regression) IS 'merges regression states of disjoint rows with the same kind and covariates';

/* The inverse of merging: incremental rollups take a person's old rows out */
CREATE FUNCTION regression_subtract(a regression, b regression) RETURNS regression
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR - (LEFTARG = regression, RIGHTARG = regression, FUNCTION = regression_subtract);
COMMENT ON FUNCTION regression_subtract(regression, regression) IS 'the state of the rows of a that are not rows of b: exactly what aggregating them gives; NULL when no row is left';
COMMENT ON OPERATOR - (regression, regression) IS 'regression_subtract: the state without the rows of the right-hand state';

CREATE FUNCTION coef_table(r regression, names text[] DEFAULT NULL, conf_level float8 DEFAULT 0.95,
						   ties text DEFAULT 'efron',
						   OUT term text, OUT estimate float8, OUT std_err float8,
						   OUT statistic float8, OUT p_value float8, OUT lower float8, OUT upper float8)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE ROWS 10;
CREATE FUNCTION regression_fit(r regression, OUT n int8, OUT events float8, OUT loglik float8,
							   OUT null_loglik float8, OUT deviance float8, OUT aic float8,
							   OUT iterations int4, OUT converged bool)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION predict(r regression, x float8[]) RETURNS float8
	AS 'MODULE_PATHNAME', 'regression_predict' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION coef_table(regression, text[], float8, text) IS 'estimates, standard errors, z statistics, p-values and Wald intervals of a model (R: summary(glm)$coefficients, summary(coxph)$coefficients, confint.default); ties (efron, breslow) is for Cox models; honours jobreg.min_cell';
COMMENT ON FUNCTION regression_fit(regression) IS 'rows, events, log-likelihood of the model and of the intercept-only model, deviance, AIC, iterations and convergence (R: logLik, deviance, AIC); honours jobreg.min_cell';
COMMENT ON FUNCTION predict(regression, float8[]) IS 'the fitted probability (logistic), rate per unit of exposure (poisson) or relative hazard exp(x''b) (cox) at covariates x';

/* ---------- regression: the stratified Cox model (27_regression.sql) ---------- */

CREATE FUNCTION cox_trans(regression, float8, bool, float8[], text) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_trans_strata' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cox_trans(regression, float8, bool, float8[], text) IS 'transition function of the stratified cox aggregate: adds one row to its stratum, time and covariate pattern';
CREATE FUNCTION cox_msfunc(regression, float8, bool, float8[], text) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_msfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION cox_minvfunc(regression, float8, bool, float8[], text) RETURNS regression
	AS 'MODULE_PATHNAME', 'cox_minvfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION cox_msfunc(regression, float8, bool, float8[], text) IS 'moving-aggregate transition function of cox(duration, event, x, strata)';
COMMENT ON FUNCTION cox_minvfunc(regression, float8, bool, float8[], text) IS 'moving-aggregate inverse transition of cox(duration, event, x, strata): takes a row out, exactly';
CREATE AGGREGATE cox(duration float8, event bool, x float8[], strata text) (
	SFUNC = cox_trans,
	STYPE = regression,
	COMBINEFUNC = regression_combine,
	PARALLEL = SAFE,
	MSFUNC = cox_msfunc, MINVFUNC = cox_minvfunc, MSTYPE = regression,
	MFINALFUNC = regression_mfinal
);
COMMENT ON AGGREGATE cox(float8, bool, float8[], text) IS 'stratified Cox proportional hazards model, a baseline hazard per stratum (R: coxph(Surv(duration, event) ~ x + strata(s))); rows with a NULL skipped';
