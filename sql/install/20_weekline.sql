
/* ---------- weekline: one person's weekly codes, run-length encoded ---------- */

CREATE TYPE weekline;

CREATE FUNCTION weekline_in(cstring) RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_out(weekline) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_recv(internal) RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_send(weekline) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE weekline (
	INPUT = weekline_in,
	OUTPUT = weekline_out,
	RECEIVE = weekline_recv,
	SEND = weekline_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE weekline IS 'one person''s weekly codes over a span of weeks, run-length encoded; written ''2015-W01 0x10 1101x26'' (first week, then CODExWEEKS runs) or ''empty''';
COMMENT ON FUNCTION weekline_in(cstring) IS 'weekline input: first week and CODExWEEKS runs, or empty';
COMMENT ON FUNCTION weekline_out(weekline) IS 'weekline output: first week and CODExWEEKS runs, or empty';
COMMENT ON FUNCTION weekline_recv(internal) IS 'weekline binary input: int4 runs, int4 first week, int4 code and length per run';
COMMENT ON FUNCTION weekline_send(weekline) IS 'weekline binary output: int4 runs, int4 first week, int4 code and length per run';

/* equality and hashing (GROUP BY, DISTINCT, hash joins); weeklines have no order */

CREATE FUNCTION weekline_eq(weekline, weekline) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION weekline_ne(weekline, weekline) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION weekline_hash(weekline) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION weekline_hash_extended(weekline, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION weekline_eq(weekline, weekline) IS 'implementation of = for weekline';
COMMENT ON FUNCTION weekline_ne(weekline, weekline) IS 'implementation of <> for weekline';
COMMENT ON FUNCTION weekline_hash(weekline) IS 'hash of a weekline';
COMMENT ON FUNCTION weekline_hash_extended(weekline, int8) IS 'seeded 64-bit hash of a weekline';

CREATE OPERATOR = (
	LEFTARG = weekline, RIGHTARG = weekline, PROCEDURE = weekline_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR <> (
	LEFTARG = weekline, RIGHTARG = weekline, PROCEDURE = weekline_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);

COMMENT ON OPERATOR = (weekline, weekline) IS 'same span and the same code every week';
COMMENT ON OPERATOR <> (weekline, weekline) IS 'different span or a different code in some week';

CREATE OPERATOR CLASS weekline_hash_ops
	DEFAULT FOR TYPE weekline USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 weekline_hash(weekline),
		FUNCTION 2 weekline_hash_extended(weekline, int8);

COMMENT ON OPERATOR CLASS weekline_hash_ops USING hash IS 'default hash operator class for weekline';

/* building weeklines */

CREATE FUNCTION weekline_from_runs(first isoweek, codes int4[], lengths int4[]) RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_from_runs(isoweek, int4[], int4[]) IS 'the weekline starting at first with runs of codes[i] for lengths[i] weeks (equal adjacent codes merge)';

CREATE FUNCTION weekline_agg_trans(internal, isoweek, int4) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION weekline_agg_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION weekline_agg_serial(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_agg_deserial(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION weekline_agg_final(internal) RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION weekline_agg_trans(internal, isoweek, int4) IS 'weekline_agg transition: collect one (week, code) row';
COMMENT ON FUNCTION weekline_agg_combine(internal, internal) IS 'weekline_agg combine: join two partial states';
COMMENT ON FUNCTION weekline_agg_serial(internal) IS 'weekline_agg state to bytea: int4 n, then int4 week and int4 code per row';
COMMENT ON FUNCTION weekline_agg_deserial(bytea, internal) IS 'weekline_agg state from bytea';
COMMENT ON FUNCTION weekline_agg_final(internal) IS 'weekline_agg final: place the rows by week and encode the runs';

CREATE AGGREGATE weekline_agg(week isoweek, code int4) (
	SFUNC = weekline_agg_trans,
	STYPE = internal,
	FINALFUNC = weekline_agg_final,
	COMBINEFUNC = weekline_agg_combine,
	SERIALFUNC = weekline_agg_serial,
	DESERIALFUNC = weekline_agg_deserial,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE weekline_agg(isoweek, int4) IS 'weekline from long rows (week, code) in any order: weeks without a row are 0; two different non-zero codes in one week are an error (SQLSTATE 21000)';

CREATE FUNCTION dream_weekline(header text, line text, delimiter text DEFAULT ';') RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dream_weekline(text, text, text) IS 'weekline of one line of a DREAM-style file, read by its header: the y_YYWW fields (empty or . is 0); other fields are skipped';

/* reading weeklines */

CREATE FUNCTION code_at(weekline, isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'weekline_code_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION code_in(history weekline, week isoweek, codes int4[]) RETURNS bool
	AS 'MODULE_PATHNAME', 'weekline_code_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION first_week(weekline) RETURNS isoweek
	AS 'MODULE_PATHNAME', 'weekline_first_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION last_week(weekline) RETURNS isoweek
	AS 'MODULE_PATHNAME', 'weekline_last_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION runs(weekline, OUT weeks weekrange, OUT code int4) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'weekline_runs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
CREATE FUNCTION weeks_in(weekline, codes int4[], period weekrange) RETURNS int4
	AS 'MODULE_PATHNAME', 'weekline_weeks_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION code_at(weekline, isoweek) IS 'the code of a week; NULL outside the span';
COMMENT ON FUNCTION code_in(weekline, isoweek, int4[]) IS 'code_at(history, week) = ANY (codes), faster as a filter: true when the week''s code is one of codes; NULL outside the span';
COMMENT ON FUNCTION first_week(weekline) IS 'the first week of the span; NULL when empty';
COMMENT ON FUNCTION last_week(weekline) IS 'the last week of the span; NULL when empty';
COMMENT ON FUNCTION runs(weekline) IS 'the runs of equal codes: weeks and code';
COMMENT ON FUNCTION weeks_in(weekline, int4[], weekrange) IS 'number of weeks in the period whose code is one of codes';

CREATE FUNCTION weekline_runs_count(weekline) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_runs_count(weekline) IS 'the number of runs (0 when empty); decodes every run: the benchmarks'' decoding floor';

CREATE TYPE weekline_spell AS (
	spell weekrange,
	weeks int4,
	prior_gap int4,
	exit_code int4,
	left_censored bool,
	right_censored bool
);
COMMENT ON TYPE weekline_spell IS 'a spell on a set of codes: weeks from first to last week on the codes, weeks on the codes, weeks since the previous spell, code of the week after, censoring at the span ends';

-- the planner's estimate of spells()'s rows and cost (SupportRequestRows, SupportRequestCost)
CREATE FUNCTION weekline_spells_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weekline_spells_support(internal) IS 'planner support function of spells(): its rows (counted for a constant weekline, else from the number of codes) and cost';
CREATE FUNCTION spells(weekline, codes int4[], max_gap int4 DEFAULT 0) RETURNS SETOF weekline_spell
	AS 'MODULE_PATHNAME', 'weekline_spells' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3
	SUPPORT weekline_spells_support;
CREATE FUNCTION spell_at(weekline, codes int4[], max_gap int4, at isoweek) RETURNS weekline_spell
	AS 'MODULE_PATHNAME', 'weekline_spell_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION spells(weekline, int4[], int4) IS 'maximal runs of weeks on the codes, bridging breaks of up to max_gap weeks';
COMMENT ON FUNCTION spell_at(weekline, int4[], int4, isoweek) IS 'the spell (as in spells) that contains week at, or NULL (anciennitet)';
