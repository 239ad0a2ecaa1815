
/* ---------- monthline: one person's monthly employment (grad, branche), run-length encoded ---------- */

CREATE TYPE monthline;

CREATE FUNCTION monthline_in(cstring) RETURNS monthline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monthline_out(monthline) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monthline_recv(internal) RETURNS monthline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monthline_send(monthline) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE monthline (
	INPUT = monthline_in,
	OUTPUT = monthline_out,
	RECEIVE = monthline_recv,
	SEND = monthline_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE monthline IS 'one person''s monthly employment over a span of months: per month a grad (employment degree, 0-1000 or missing) and a branche (industry code or missing), run-length encoded; written ''v1 2008-01 -/-x3 37/471100x12'' or ''v1 empty''';
COMMENT ON FUNCTION monthline_in(cstring) IS 'monthline input: v1, first month YYYY-MM and GRAD/BRANCHExMONTHS runs (- for missing), or v1 empty';
COMMENT ON FUNCTION monthline_out(monthline) IS 'monthline output: v1, first month YYYY-MM and GRAD/BRANCHExMONTHS runs (- for missing), or v1 empty';
COMMENT ON FUNCTION monthline_recv(internal) IS 'monthline binary input: uint8 version, int4 runs, int4 first month, int4 grad, branche (-1 missing) and length per run';
COMMENT ON FUNCTION monthline_send(monthline) IS 'monthline binary output: uint8 version, int4 runs, int4 first month, int4 grad, branche (-1 missing) and length per run';

/* equality and hashing (GROUP BY, DISTINCT, hash joins); monthlines have no order */

CREATE FUNCTION monthline_eq(monthline, monthline) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION monthline_ne(monthline, monthline) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION monthline_hash(monthline) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION monthline_hash_extended(monthline, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION monthline_eq(monthline, monthline) IS 'implementation of = for monthline';
COMMENT ON FUNCTION monthline_ne(monthline, monthline) IS 'implementation of <> for monthline';
COMMENT ON FUNCTION monthline_hash(monthline) IS 'hash of a monthline';
COMMENT ON FUNCTION monthline_hash_extended(monthline, int8) IS 'seeded 64-bit hash of a monthline';

CREATE OPERATOR = (
	LEFTARG = monthline, RIGHTARG = monthline, PROCEDURE = monthline_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR <> (
	LEFTARG = monthline, RIGHTARG = monthline, PROCEDURE = monthline_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);

COMMENT ON OPERATOR = (monthline, monthline) IS 'same span and the same grad and branche every month';
COMMENT ON OPERATOR <> (monthline, monthline) IS 'different span or a different grad or branche in some month';

CREATE OPERATOR CLASS monthline_hash_ops
	DEFAULT FOR TYPE monthline USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 monthline_hash(monthline),
		FUNCTION 2 monthline_hash_extended(monthline, int8);

COMMENT ON OPERATOR CLASS monthline_hash_ops USING hash IS 'default hash operator class for monthline';

CREATE FUNCTION monthline(first_month date, grads int4[], branches int4[] DEFAULT '{}') RETURNS monthline
	AS 'MODULE_PATHNAME', 'monthline_from_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION monthline(date, int4[], int4[]) IS 'the monthline from the month of first_month with grads[i] and branches[i] in month i (NULL elements are missing; an empty branches array: no branche)';

CREATE FUNCTION dream_monthline(header text, line text, delimiter text DEFAULT ';') RETURNS monthline
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dream_monthline(text, text, text) IS 'monthline of one line of a DREAM-style file, read by its header: the grad_YYYY_MM / grad_YYMM and branche_YYYY_MM / branche_YYMM fields in any order (empty or . is missing); other fields are skipped';

CREATE FUNCTION grad_at(m monthline, year int4, month int4) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_grad_at_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION grad_at(m monthline, week isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_grad_at_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION branche_at(m monthline, year int4, month int4) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_branche_at_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION branche_at(m monthline, week isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'monthline_branche_at_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION first_month(monthline) RETURNS date
	AS 'MODULE_PATHNAME', 'monthline_first_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION last_month(monthline) RETURNS date
	AS 'MODULE_PATHNAME', 'monthline_last_month' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION months(monthline, OUT month date, OUT grad int4, OUT branche int4) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'monthline_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;

COMMENT ON FUNCTION grad_at(monthline, int4, int4) IS 'the grad (employment degree) of a month; NULL when missing or outside the span';
COMMENT ON FUNCTION grad_at(monthline, isoweek) IS 'the grad of the month a week belongs to (the month of its Thursday); NULL when missing or outside the span';
COMMENT ON FUNCTION branche_at(monthline, int4, int4) IS 'the branche (industry code) of a month; NULL when missing or outside the span';
COMMENT ON FUNCTION branche_at(monthline, isoweek) IS 'the branche of the month a week belongs to (the month of its Thursday); NULL when missing or outside the span';
COMMENT ON FUNCTION first_month(monthline) IS 'the first month of the span (its first day); NULL when empty';
COMMENT ON FUNCTION last_month(monthline) IS 'the last month of the span (its first day); NULL when empty';
COMMENT ON FUNCTION months(monthline) IS 'one row per month of the span: month (its first day), grad and branche (NULL when missing)';

CREATE FUNCTION status_history(benefits weekline, employment monthline, codebook text,
							   education text[] DEFAULT '{}', min_grad int4 DEFAULT 1) RETURNS weekline
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION status_states(codebook text, education text[] DEFAULT '{}',
							  OUT state int4, OUT label text) RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION status_history(weekline, monthline, text, text[], int4) IS 'the weekly states of a person: 0 no benefit code and no grad of at least min_grad in the week''s month (self-supported without registered income), 1 no code and a grad of at least min_grad (job), 2 a code of an education group, 3 no code and the month outside the monthline, 10 + g a code of benefit group g of the codebook';
COMMENT ON FUNCTION status_states(text, text[]) IS 'the states of status_history with the codebook and education groups, and what each is';
