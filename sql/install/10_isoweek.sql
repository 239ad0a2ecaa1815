/* ---------- isoweek: an ISO-8601 week ---------- */

CREATE TYPE isoweek;

CREATE FUNCTION isoweek_in(cstring) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_out(isoweek) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_recv(internal) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_send(isoweek) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE isoweek (
	INPUT = isoweek_in,
	OUTPUT = isoweek_out,
	RECEIVE = isoweek_recv,
	SEND = isoweek_send,
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain,
	CATEGORY = 'D'
);

COMMENT ON TYPE isoweek IS 'an ISO-8601 week, written 2014-W10';
COMMENT ON FUNCTION isoweek_in(cstring) IS 'isoweek input: YYYY-Www or YYYYWww';
COMMENT ON FUNCTION isoweek_out(isoweek) IS 'isoweek output: YYYY-Www';
COMMENT ON FUNCTION isoweek_recv(internal) IS 'isoweek binary input: int4 weeks since 2000-W01';
COMMENT ON FUNCTION isoweek_send(isoweek) IS 'isoweek binary output: int4 weeks since 2000-W01';

/*
 * An isoweek is an int4 (weeks since 2000-W01), so int4's own comparison,
 * hash and sort support serve it unchanged.
 */
CREATE FUNCTION isoweek_eq(isoweek, isoweek) RETURNS bool
	AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_ne(isoweek, isoweek) RETURNS bool
	AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_lt(isoweek, isoweek) RETURNS bool
	AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_le(isoweek, isoweek) RETURNS bool
	AS 'int4le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_gt(isoweek, isoweek) RETURNS bool
	AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_ge(isoweek, isoweek) RETURNS bool
	AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_cmp(isoweek, isoweek) RETURNS int4
	AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_sortsupport(internal) RETURNS void
	AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_in_range(isoweek, isoweek, int4, bool, bool) RETURNS bool
	AS 'in_range_int4_int4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_hash(isoweek) RETURNS int4
	AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION isoweek_hash_extended(isoweek, int8) RETURNS int8
	AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION isoweek_eq(isoweek, isoweek) IS 'implementation of = for isoweek';
COMMENT ON FUNCTION isoweek_ne(isoweek, isoweek) IS 'implementation of <> for isoweek';
COMMENT ON FUNCTION isoweek_lt(isoweek, isoweek) IS 'implementation of < for isoweek';
COMMENT ON FUNCTION isoweek_le(isoweek, isoweek) IS 'implementation of <= for isoweek';
COMMENT ON FUNCTION isoweek_gt(isoweek, isoweek) IS 'implementation of > for isoweek';
COMMENT ON FUNCTION isoweek_ge(isoweek, isoweek) IS 'implementation of >= for isoweek';
COMMENT ON FUNCTION isoweek_cmp(isoweek, isoweek) IS 'btree comparison of isoweeks';
COMMENT ON FUNCTION isoweek_sortsupport(internal) IS 'btree sort support for isoweek';
COMMENT ON FUNCTION isoweek_in_range(isoweek, isoweek, int4, bool, bool) IS 'window RANGE frames over isoweek with an offset in weeks';
COMMENT ON FUNCTION isoweek_hash(isoweek) IS 'hash of an isoweek';
COMMENT ON FUNCTION isoweek_hash_extended(isoweek, int8) IS 'seeded 64-bit hash of an isoweek';

CREATE OPERATOR = (
	LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

COMMENT ON OPERATOR = (isoweek, isoweek) IS 'same week';
COMMENT ON OPERATOR <> (isoweek, isoweek) IS 'different weeks';
COMMENT ON OPERATOR < (isoweek, isoweek) IS 'earlier week';
COMMENT ON OPERATOR <= (isoweek, isoweek) IS 'earlier or same week';
COMMENT ON OPERATOR > (isoweek, isoweek) IS 'later week';
COMMENT ON OPERATOR >= (isoweek, isoweek) IS 'later or same week';

CREATE OPERATOR CLASS isoweek_ops
	DEFAULT FOR TYPE isoweek USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 isoweek_cmp(isoweek, isoweek),
		FUNCTION 2 isoweek_sortsupport(internal),
		FUNCTION 3 isoweek_in_range(isoweek, isoweek, int4, bool, bool);

CREATE OPERATOR CLASS isoweek_hash_ops
	DEFAULT FOR TYPE isoweek USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 isoweek_hash(isoweek),
		FUNCTION 2 isoweek_hash_extended(isoweek, int8);

COMMENT ON OPERATOR CLASS isoweek_ops USING btree IS 'default btree operator class for isoweek';
COMMENT ON OPERATOR CLASS isoweek_hash_ops USING hash IS 'default hash operator class for isoweek';

/* week arithmetic */

CREATE FUNCTION isoweek_pl_int(isoweek, int4) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION int_pl_isoweek(int4, isoweek) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_mi_int(isoweek, int4) RETURNS isoweek
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_mi_isoweek(isoweek, isoweek) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION isoweek_pl_int(isoweek, int4) IS 'the week n weeks later';
COMMENT ON FUNCTION int_pl_isoweek(int4, isoweek) IS 'the week n weeks later';
COMMENT ON FUNCTION isoweek_mi_int(isoweek, int4) IS 'the week n weeks earlier';
COMMENT ON FUNCTION isoweek_mi_isoweek(isoweek, isoweek) IS 'number of weeks between two weeks';

CREATE OPERATOR + (LEFTARG = isoweek, RIGHTARG = int4, PROCEDURE = isoweek_pl_int, COMMUTATOR = +);
CREATE OPERATOR + (LEFTARG = int4, RIGHTARG = isoweek, PROCEDURE = int_pl_isoweek, COMMUTATOR = +);
CREATE OPERATOR - (LEFTARG = isoweek, RIGHTARG = int4, PROCEDURE = isoweek_mi_int);
CREATE OPERATOR - (LEFTARG = isoweek, RIGHTARG = isoweek, PROCEDURE = isoweek_mi_isoweek);

COMMENT ON OPERATOR + (isoweek, int4) IS 'the week n weeks later';
COMMENT ON OPERATOR + (int4, isoweek) IS 'the week n weeks later';
COMMENT ON OPERATOR - (isoweek, int4) IS 'the week n weeks earlier';
COMMENT ON OPERATOR - (isoweek, isoweek) IS 'number of weeks between two weeks';

/* calendar */

CREATE FUNCTION isoweek(date) RETURNS isoweek
	AS 'MODULE_PATHNAME', 'isoweek_of_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek(year int4, week int4) RETURNS isoweek
	AS 'MODULE_PATHNAME', 'isoweek_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monday(isoweek) RETURNS date
	AS 'MODULE_PATHNAME', 'isoweek_monday' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION thursday(isoweek) RETURNS date
	AS 'MODULE_PATHNAME', 'isoweek_thursday' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoyear(isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'isoweek_isoyear' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION week_of_year(isoweek) RETURNS int4
	AS 'MODULE_PATHNAME', 'isoweek_week_of_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION dream_week(text) RETURNS isoweek
	AS 'MODULE_PATHNAME', 'dream_week' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION isoweek(date) IS 'the ISO week holding a date';
COMMENT ON FUNCTION isoweek(int4, int4) IS 'the ISO week with this ISO year and week number';
COMMENT ON FUNCTION monday(isoweek) IS 'the first day (Monday) of a week';
COMMENT ON FUNCTION thursday(isoweek) IS 'the Thursday of a week: it decides the week''s year, month and quarter';
COMMENT ON FUNCTION isoyear(isoweek) IS 'the ISO year of a week';
COMMENT ON FUNCTION week_of_year(isoweek) IS 'the week number (1-53) within its ISO year';
COMMENT ON FUNCTION dream_week(text) IS 'parse a DREAM week column name or code: y_1410 or 1410 (91-99 are 1991-1999, 00-90 are 2000-2090)';

/* ---------- weekrange: a discrete range of weeks, canonical form [) ---------- */

CREATE TYPE weekrange;

CREATE FUNCTION weekrange_canonical(weekrange) RETURNS weekrange
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_subdiff(isoweek, isoweek) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE weekrange AS RANGE (
	SUBTYPE = isoweek,
	SUBTYPE_OPCLASS = isoweek_ops,
	CANONICAL = weekrange_canonical,
	SUBTYPE_DIFF = isoweek_subdiff,
	MULTIRANGE_TYPE_NAME = weekmultirange
);

COMMENT ON TYPE weekrange IS 'a range of ISO weeks, canonical form [first,next)';
COMMENT ON FUNCTION weekrange_canonical(weekrange) IS 'bring a weekrange to the canonical [) form';
COMMENT ON FUNCTION isoweek_subdiff(isoweek, isoweek) IS 'difference of two weeks as float8, for range indexes';
COMMENT ON FUNCTION weekrange(isoweek, isoweek) IS 'weekrange [first,next)';
COMMENT ON FUNCTION weekrange(isoweek, isoweek, text) IS 'weekrange with the given bounds';
COMMENT ON TYPE weekmultirange IS 'a set of disjoint weekranges';
COMMENT ON FUNCTION weekmultirange() IS 'the empty weekmultirange';
COMMENT ON FUNCTION weekmultirange(weekrange) IS 'weekmultirange of one weekrange';
COMMENT ON FUNCTION weekmultirange(VARIADIC weekrange[]) IS 'weekmultirange of several weekranges';

CREATE FUNCTION quarter_weeks(year int4, quarter int4) RETURNS weekrange
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION month_weeks(year int4, month int4) RETURNS weekrange
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION quarter_weeks(int4, int4) IS 'the weeks of a quarter: those whose Thursday lies in it';
COMMENT ON FUNCTION month_weeks(int4, int4) IS 'the weeks of a month: those whose Thursday lies in it';

/* min and max of weeks */

CREATE FUNCTION isoweek_smaller(isoweek, isoweek) RETURNS isoweek
	AS 'int4smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION isoweek_larger(isoweek, isoweek) RETURNS isoweek
	AS 'int4larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE min(isoweek) (
	SFUNC = isoweek_smaller, STYPE = isoweek, COMBINEFUNC = isoweek_smaller,
	SORTOP = <, PARALLEL = SAFE
);
CREATE AGGREGATE max(isoweek) (
	SFUNC = isoweek_larger, STYPE = isoweek, COMBINEFUNC = isoweek_larger,
	SORTOP = >, PARALLEL = SAFE
);

COMMENT ON FUNCTION isoweek_smaller(isoweek, isoweek) IS 'the earlier of two weeks';
COMMENT ON FUNCTION isoweek_larger(isoweek, isoweek) IS 'the later of two weeks';
COMMENT ON AGGREGATE min(isoweek) IS 'the earliest week';
COMMENT ON AGGREGATE max(isoweek) IS 'the latest week';
