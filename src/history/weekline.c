/*
 * src/history/weekline.c
 *		The weekline type: one person's weekly benefit codes over a span of
 *		consecutive ISO weeks, run-length encoded.  Its I/O, the weekline_agg
 *		aggregate, DREAM ingestion, and the readers: code_at, code_in, runs, weeks_in,
 *		spells and spell_at.
 *
 * On-disk format (version 1), after the varlena header:
 *
 *		uint8	version (1)
 *		varint	first week, zigzag-encoded weeks since 2000-W01	} absent in
 *		runs:	varint code, varint length (weeks, >= 1)		} the empty weekline
 *
 * Varints are little-endian base 128.  Adjacent runs have different codes, so
 * every weekline has exactly one encoding and equality is byte equality.  A
 * typical register history (a few benefit spells in 884 weeks) takes 20-40
 * bytes.  Readers walk the runs without expanding weeks.
 */
#include "postgres.h"

#include <ctype.h>

#include "access/htup_details.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/supportnodes.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "history/history.h"

PG_FUNCTION_INFO_V1(weekline_in);
PG_FUNCTION_INFO_V1(weekline_out);
PG_FUNCTION_INFO_V1(weekline_recv);
PG_FUNCTION_INFO_V1(weekline_send);
PG_FUNCTION_INFO_V1(weekline_eq);
PG_FUNCTION_INFO_V1(weekline_ne);
PG_FUNCTION_INFO_V1(weekline_hash);
PG_FUNCTION_INFO_V1(weekline_hash_extended);
PG_FUNCTION_INFO_V1(weekline_from_runs);
PG_FUNCTION_INFO_V1(weekline_agg_trans);
PG_FUNCTION_INFO_V1(weekline_agg_combine);
PG_FUNCTION_INFO_V1(weekline_agg_serial);
PG_FUNCTION_INFO_V1(weekline_agg_deserial);
PG_FUNCTION_INFO_V1(weekline_agg_final);
PG_FUNCTION_INFO_V1(dream_weekline);
PG_FUNCTION_INFO_V1(weekline_code_at);
PG_FUNCTION_INFO_V1(weekline_code_in);
PG_FUNCTION_INFO_V1(weekline_first_week);
PG_FUNCTION_INFO_V1(weekline_last_week);
PG_FUNCTION_INFO_V1(weekline_runs_count);
PG_FUNCTION_INFO_V1(weekline_runs);
PG_FUNCTION_INFO_V1(weekline_weeks_in);
PG_FUNCTION_INFO_V1(weekline_spells);
PG_FUNCTION_INFO_V1(weekline_spells_support);
PG_FUNCTION_INFO_V1(weekline_spell_at);

/* ---------- encoding ---------- */

void
history_append_varint(StringInfo buf, uint32 v)
{
	uint8		bytes[5];

	appendBinaryStringInfo(buf, (char *) bytes, history_put_varint(bytes, v) - bytes);
}

void
history_corrupt(const char *type)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt %s value", type)));
}

void
weekline_corrupt(void)
{
	history_corrupt("weekline");
}

/* A varint at *pos before end; false if it is cut off or longer than 5 bytes */
bool
history_read_varint(const uint8 **pos, const uint8 *end, uint32 *value)
{
	uint32		v = 0;

	for (int shift = 0; shift <= 28; shift += 7)
	{
		uint8		b;

		if (*pos >= end)
			break;
		b = *(*pos)++;
		v |= (uint32) (b & 0x7F) << shift;
		if ((b & 0x80) == 0)
		{
			*value = v;
			return true;
		}
	}
	return false;
}

uint32
history_varint(const uint8 **pos, const uint8 *end, const char *type)
{
	uint32		v;

	if (!history_read_varint(pos, end, &v))
		history_corrupt(type);
	return v;
}

bool
history_open(const struct varlena *v, const char *type, uint8 version, int32 lo, int32 hi,
			 const uint8 **pos, const uint8 **end, int32 *first)
{
	const uint8 *data = (const uint8 *) VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);

	if (len < 1 || data[0] != version)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("unsupported %s format version %d", type, len < 1 ? -1 : data[0]),
				 errdetail("This version of jobreg reads %s format version %d.",
						   type, version)));
	*pos = data + 1;
	*end = data + len;
	*first = 0;
	if (*pos == *end)
		return false;
	*first = history_zigzag_decode(history_varint(pos, *end, type));
	if (*pos == *end || *first < lo || *first > hi)
		history_corrupt(type);
	return true;
}

void
history_buffer_start(StringInfo buf, uint8 version)
{
	initStringInfo(buf);
	appendStringInfoSpaces(buf, VARHDRSZ);
	appendStringInfoChar(buf, (char) version);
}

struct varlena *
history_buffer_finish(StringInfo buf)
{
	SET_VARSIZE(buf->data, buf->len);
	return (struct varlena *) buf->data;
}

/* Any varint; weekline_varint (history.h) reads the common short ones inline */
uint32
weekline_read_varint(WeeklineReader *r)
{
	return history_varint(&r->pos, r->end, "weekline");
}

IsoWeek
weekline_stop_week(void)
{
	return isoweek_max_value() + 1;
}

bool
weekline_reader_init_general(WeeklineReader *r, const struct varlena *wl)
{
	r->stop = isoweek_max_value() + 1;
	/* runs then stay in the isoweek range: weekline_next checks r->stop */
	return history_open(wl, "weekline", WEEKLINE_VERSION,
						isoweek_min_value(), isoweek_max_value(),
						&r->pos, &r->end, &r->next);
}

bool
weekline_span(const struct varlena *wl, IsoWeek *first, IsoWeek *end)
{
	WeeklineReader r;
	WeeklineRun run;

	if (!weekline_reader_init(&r, wl))
		return false;
	*first = r.next;
	while (weekline_next(&r, &run))
		;
	*end = r.next;
	return true;
}

/* ---------- building ---------- */

static void
CheckCode(int64 code, int sqlstate)
{
	if (code < 0 || code > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("weekline code %lld is out of range", (long long) code),
				 errdetail("Codes are integers from 0 to %d; 0 means no code that week.",
						   PG_INT32_MAX)));
}

/* Raises 54000 when a weekline would have more than WEEKLINE_MAX_RUNS runs */
static void
CheckRuns(int64 nruns)
{
	if (unlikely(nruns > WEEKLINE_MAX_RUNS))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many runs for a weekline"),
				 errdetail("A weekline holds at most %d runs (changes of code); split the history into shorter spans of weeks.",
						   WEEKLINE_MAX_RUNS)));
}

void
weekline_builder_init(WeeklineBuilder *b, IsoWeek first, bool merge, int sqlstate)
{
	history_buffer_start(&b->buf, WEEKLINE_VERSION);
	b->first = first;
	b->weeks = 0;
	b->nruns = 0;
	b->code = 0;
	b->length = 0;
	b->merge = merge;
	b->sqlstate = sqlstate;
}

static void
FlushRun(WeeklineBuilder *b)
{
	if (b->length == 0)
		return;
	CheckRuns((int64) b->nruns + 1);	/* before the buffer grows */
	b->nruns++;
	if (b->buf.len == VARHDRSZ + 1)
		history_append_varint(&b->buf, history_zigzag_encode(b->first));
	history_append_varint(&b->buf, (uint32) b->code);
	history_append_varint(&b->buf, (uint32) b->length);
	b->length = 0;
}

/*
 * Append a run.  The week after the span must itself be a valid week, so that
 * every part of a weekline is a weekrange with a finite upper bound.
 */
void
weekline_builder_add(WeeklineBuilder *b, int32 code, int64 length)
{
	CheckCode(code, b->sqlstate);
	if (length < 1)
		ereport(ERROR,
				(errcode(b->sqlstate),
				 errmsg("weekline run length %lld is not positive", (long long) length),
				 errdetail("Every run covers at least one week.")));
	if (b->length > 0 && code == b->code && !b->merge)
		ereport(ERROR,
				(errcode(b->sqlstate),
				 errmsg("adjacent weekline runs have the same code %d", code),
				 errdetail("Consecutive weeks with the same code are written as one run.")));
	(void) isoweek_checked((int64) b->first + b->weeks + Min(length, PG_INT32_MAX));
	if (b->length > 0 && code == b->code)
		b->length += (int32) length;
	else
	{
		FlushRun(b);
		b->code = code;
		b->length = (int32) length;
	}
	b->weeks += length;
}

struct varlena *
weekline_builder_finish(WeeklineBuilder *b)
{
	FlushRun(b);
	return history_buffer_finish(&b->buf);
}

/* ---------- text I/O ---------- */

bool
history_parse_number(const char **p, int64 *value)
{
	const char *start = *p;

	*value = 0;
	while (isdigit((unsigned char) **p))
	{
		*value = Min(*value * 10 + (**p - '0'), (int64) PG_INT32_MAX + 1);
		(*p)++;
	}
	return *p > start;
}

/*
 * Text form: the first week, then the runs as CODExWEEKS separated by white
 * space, e.g. '2015-W01 0x10 1101x26 0x16'; 'empty' for no weeks.
 */
Datum
weekline_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	const char *week_end;
	char	   *week_text;
	WeeklineBuilder b;

	jobreg_skip_spaces(&p);
	if (pg_strncasecmp(p, "empty", 5) == 0)
	{
		p += 5;
		jobreg_skip_spaces(&p);
		if (*p != '\0')
			goto syntax_error;
		weekline_builder_init(&b, 0, false, ERRCODE_INVALID_TEXT_REPRESENTATION);
		PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));
	}

	if (*p == '\0')
		goto syntax_error;
	for (week_end = p; *week_end != '\0' && !isspace((unsigned char) *week_end); week_end++)
		;
	week_text = pnstrdup(p, week_end - p);
	weekline_builder_init(&b, DatumGetIsoWeek(DirectFunctionCall1(isoweek_in, CStringGetDatum(week_text))),
						  false, ERRCODE_INVALID_TEXT_REPRESENTATION);
	p = week_end;

	while (isspace((unsigned char) *p))
	{
		int64		code,
					length;

		jobreg_skip_spaces(&p);
		if (*p == '\0')
			break;
		if (!history_parse_number(&p, &code) || *p++ != 'x' || !history_parse_number(&p, &length) ||
			(*p != '\0' && !isspace((unsigned char) *p)))
			goto syntax_error;
		if (code > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("weekline code out of range in \"%s\"", str),
					 errdetail("Codes are integers from 0 to %d.", PG_INT32_MAX)));
		weekline_builder_add(&b, (int32) code, length);
	}
	if (*p != '\0' || b.weeks == 0)
		goto syntax_error;
	PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));

syntax_error:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type weekline: \"%s\"", str),
			 errhint("A weekline is written as its first week and its runs, CODExWEEKS, "
					 "for example '2015-W01 0x10 1101x26', or 'empty'.")));
	PG_RETURN_NULL();			/* keep compiler quiet */
}

Datum
weekline_out(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	WeeklineReader r;
	WeeklineRun run;
	StringInfoData buf;
	char		week[ISOWEEK_TEXT_LEN];

	if (!weekline_reader_init(&r, wl))
		PG_RETURN_CSTRING(pstrdup("empty"));
	initStringInfo(&buf);
	isoweek_format(r.next, week);
	appendStringInfoString(&buf, week);
	while (weekline_next(&r, &run))
		appendStringInfo(&buf, " %dx%d", run.code, run.length);
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- binary I/O ---------- */

/*
 * Binary form: int4 number of runs; when there are runs, int4 first week
 * (weeks since 2000-W01) and per run int4 code and int4 length.  Validated
 * exactly as the text form is.
 */
Datum
weekline_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		nruns = (int32) pq_getmsgint(buf, 4);
	int64		expected = nruns > 0 ? 4 + 8 * (int64) nruns : 0;
	WeeklineBuilder b;

	if (nruns < 0 || buf->len - buf->cursor != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external weekline value"),
				 errdetail("The value announces %d runs in %d bytes.",
						   nruns, buf->len - buf->cursor)));
	CheckRuns(nruns);
	if (nruns == 0)
		weekline_builder_init(&b, 0, false, ERRCODE_INVALID_BINARY_REPRESENTATION);
	else
		weekline_builder_init(&b, isoweek_checked((int32) pq_getmsgint(buf, 4)),
							  false, ERRCODE_INVALID_BINARY_REPRESENTATION);
	for (int i = 0; i < nruns; i++)
	{
		int32		code = (int32) pq_getmsgint(buf, 4);
		int32		length = (int32) pq_getmsgint(buf, 4);

		weekline_builder_add(&b, code, length);
	}
	pq_getmsgend(buf);
	PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));
}

Datum
weekline_send(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	WeeklineReader r;
	WeeklineRun run;
	StringInfoData buf;
	int32		nruns = 0;

	pq_begintypsend(&buf);
	if (weekline_reader_init(&r, wl))
	{
		IsoWeek		first = r.next;

		while (weekline_next(&r, &run))
			nruns++;
		pq_sendint32(&buf, nruns);
		pq_sendint32(&buf, first);
		weekline_reader_init(&r, wl);
		while (weekline_next(&r, &run))
		{
			pq_sendint32(&buf, run.code);
			pq_sendint32(&buf, run.length);
		}
	}
	else
		pq_sendint32(&buf, 0);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- equality and hashing: the encoding is canonical ---------- */

bool
history_values_equal(const struct varlena *a, const struct varlena *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

Datum
history_hash(const struct varlena *v)
{
	return hash_any((const unsigned char *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
}

Datum
history_hash_extended(const struct varlena *v, uint64 seed)
{
	return hash_any_extended((const unsigned char *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), seed);
}

Datum
weekline_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(history_values_equal(PG_GETARG_WEEKLINE_P(0), PG_GETARG_WEEKLINE_P(1)));
}

Datum
weekline_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!history_values_equal(PG_GETARG_WEEKLINE_P(0), PG_GETARG_WEEKLINE_P(1)));
}

Datum
weekline_hash(PG_FUNCTION_ARGS)
{
	return history_hash(PG_GETARG_WEEKLINE_P(0));
}

Datum
weekline_hash_extended(PG_FUNCTION_ARGS)
{
	return history_hash_extended(PG_GETARG_WEEKLINE_P(0), PG_GETARG_INT64(1));
}

/* ---------- weekline_from_runs ---------- */

/* The elements of a one-dimensional int4 array without NULLs */
static int32 *
IntArrayElements(ArrayType *arr, const char *what, int *n)
{
	jobreg_check_list(arr, what);
	if (array_contains_nulls(arr))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not contain NULL", what)));
	*n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	return (int32 *) ARR_DATA_PTR(arr);
}

/* Equal adjacent codes are merged: this builds, it does not parse */
Datum
weekline_from_runs(PG_FUNCTION_ARGS)
{
	IsoWeek		first = PG_GETARG_ISOWEEK(0);
	int			ncodes,
				nlengths;
	int32	   *codes = IntArrayElements(PG_GETARG_ARRAYTYPE_P(1), "codes", &ncodes);
	int32	   *lengths = IntArrayElements(PG_GETARG_ARRAYTYPE_P(2), "lengths", &nlengths);
	WeeklineBuilder b;

	if (ncodes != nlengths)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("codes and lengths have different numbers of elements (%d and %d)",
						ncodes, nlengths),
				 errdetail("Each run has one code and one length.")));
	weekline_builder_init(&b, first, true, ERRCODE_INVALID_PARAMETER_VALUE);
	for (int i = 0; i < ncodes; i++)
		weekline_builder_add(&b, codes[i], lengths[i]);
	PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));
}

/* ---------- weekline_agg ---------- */

/*
 * The state collects (week, code) pairs in arrival order; the final function
 * places them by week in one pass, so rows may come in any order and nothing
 * is sorted per row.  Weeks between the first and the last that no row gives
 * are 0, and a 0 row yields to another code for the same week.
 */
typedef struct WeeklineAggState
{
	int32		n;
	int32		capacity;
	IsoWeek		min;
	IsoWeek		max;
	int32	   *pairs;			/* week, code, week, code, ... */
} WeeklineAggState;

static WeeklineAggState *
AggStateNew(MemoryContext cxt, int32 capacity)
{
	WeeklineAggState *state = MemoryContextAllocZero(cxt, sizeof(WeeklineAggState));

	state->capacity = Max(capacity, 64);
	state->pairs = MemoryContextAlloc(cxt, 2 * sizeof(int32) * state->capacity);
	state->min = PG_INT32_MAX;
	state->max = PG_INT32_MIN;
	return state;
}

/* Raises 54000 when the state would collect more than WEEKLINE_AGG_MAX_ROWS rows */
static void
CheckAggRows(int64 n)
{
	if (unlikely(n > WEEKLINE_AGG_MAX_ROWS))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many rows for one weekline"),
				 errdetail("weekline_agg takes at most %d rows per weekline; remove duplicate rows or aggregate shorter spans of weeks.",
						   WEEKLINE_AGG_MAX_ROWS)));
}

static void
AggStateAdd(WeeklineAggState *state, IsoWeek week, int32 code)
{
	CheckAggRows((int64) state->n + 1);
	if (state->n == state->capacity)
	{
		state->capacity = Min(2 * state->capacity, WEEKLINE_AGG_MAX_ROWS);
		state->pairs = repalloc(state->pairs, 2 * sizeof(int32) * state->capacity);
	}
	state->pairs[2 * state->n] = week;
	state->pairs[2 * state->n + 1] = code;
	state->n++;
	state->min = Min(state->min, week);
	state->max = Max(state->max, week);
}

Datum
weekline_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	WeeklineAggState *state = PG_ARGISNULL(0) ? NULL : (WeeklineAggState *) PG_GETARG_POINTER(0);

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "weekline_agg_trans called in non-aggregate context");
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}
	CheckCode(PG_GETARG_INT32(2), ERRCODE_INVALID_PARAMETER_VALUE);
	if (state == NULL)
		state = AggStateNew(aggcxt, 0);
	AggStateAdd(state, PG_GETARG_ISOWEEK(1), PG_GETARG_INT32(2));
	PG_RETURN_POINTER(state);
}

Datum
weekline_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	WeeklineAggState *a = PG_ARGISNULL(0) ? NULL : (WeeklineAggState *) PG_GETARG_POINTER(0);
	WeeklineAggState *b = PG_ARGISNULL(1) ? NULL : (WeeklineAggState *) PG_GETARG_POINTER(1);

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "weekline_agg_combine called in non-aggregate context");
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = AggStateNew(aggcxt, b->n);
	for (int i = 0; i < b->n; i++)
		AggStateAdd(a, b->pairs[2 * i], b->pairs[2 * i + 1]);
	PG_RETURN_POINTER(a);
}

/* Serialized state: int4 n, then n times int4 week and int4 code */
Datum
weekline_agg_serial(PG_FUNCTION_ARGS)
{
	WeeklineAggState *state = (WeeklineAggState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "weekline_agg_serial called in non-aggregate context");
	pq_begintypsend(&buf);
	pq_sendint32(&buf, state->n);
	for (int i = 0; i < 2 * state->n; i++)
		pq_sendint32(&buf, state->pairs[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
weekline_agg_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	int32		n;
	WeeklineAggState *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "weekline_agg_deserial called in non-aggregate context");
	buf.data = VARDATA_ANY(bytes);
	buf.len = VARSIZE_ANY_EXHDR(bytes);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	n = (int32) pq_getmsgint(&buf, 4);
	if (n < 0 || buf.len - buf.cursor != 8 * (int64) n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized weekline_agg state")));
	CheckAggRows(n);
	state = AggStateNew(CurrentMemoryContext, n);
	for (int i = 0; i < n; i++)
	{
		IsoWeek		week = isoweek_checked((int32) pq_getmsgint(&buf, 4));
		int32		code = (int32) pq_getmsgint(&buf, 4);

		CheckCode(code, ERRCODE_INVALID_BINARY_REPRESENTATION);
		AggStateAdd(state, week, code);
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/*
 * One slot per week of the span (at most the whole isoweek range, about
 * half a million weeks), filled in one pass: a bucket sort.
 */
Datum
weekline_agg_final(PG_FUNCTION_ARGS)
{
	WeeklineAggState *state = (WeeklineAggState *) PG_GETARG_POINTER(0);
	int32		span;
	int32	   *slots;
	WeeklineBuilder b;

	if (state->n == 0)
		PG_RETURN_NULL();
	span = state->max - state->min + 1;
	slots = palloc(sizeof(int32) * span);
	memset(slots, 0xFF, sizeof(int32) * span);	/* -1: no row for this week */
	for (int i = 0; i < state->n; i++)
	{
		int32	   *slot = &slots[state->pairs[2 * i] - state->min];
		int32		code = state->pairs[2 * i + 1];

		if (*slot <= 0)
			*slot = code;
		else if (code != 0 && code != *slot)
		{
			char		week[ISOWEEK_TEXT_LEN];

			isoweek_format(state->pairs[2 * i], week);
			ereport(ERROR,
					(errcode(ERRCODE_CARDINALITY_VIOLATION),
					 errmsg("weekline_agg got two codes for week %s: %d and %d",
							week, *slot, code),
					 errdetail("A weekline holds one code per week."),
					 errhint("Resolve overlaps before aggregating, for example by codebook priority.")));
		}
	}

	weekline_builder_init(&b, state->min, true, ERRCODE_INVALID_PARAMETER_VALUE);
	for (int32 i = 0; i < span;)
	{
		int32		code = Max(slots[i], 0);
		int32		j = i + 1;

		while (j < span && Max(slots[j], 0) == code)
			j++;
		weekline_builder_add(&b, code, j - i);
		i = j;
	}
	pfree(slots);
	PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));
}

/* ---------- DREAM ingestion ---------- */

/*
 * The parsed header of a DREAM-style file, kept in fn_extra: the same header
 * comes with every line of a file.
 */
typedef struct DreamHeader
{
	char	   *text;			/* the header as given */
	int			len;
	char		delimiter;
	int			nfields;
	bool	   *is_week;		/* per field: a weekly y_YYWW column */
	IsoWeek		first;			/* the week of the first weekly column */
} DreamHeader;

/* The field at *p up to the delimiter, white space trimmed; *p moves past it */
void
dream_next_field(const char **p, const char *end, char delimiter, const char **start, int *len)
{
	const char *q = *p;
	const char *stop;

	while (q < end && *q != delimiter)
		q++;
	stop = q;
	while (*p < stop && isspace((unsigned char) **p))
		(*p)++;
	while (stop > *p && isspace((unsigned char) stop[-1]))
		stop--;
	*start = *p;
	*len = stop - *p;
	*p = q;
}

static bool
IsWeekColumn(const char *name, int len)
{
	if (len != 6 || (name[0] != 'y' && name[0] != 'Y') || name[1] != '_')
		return false;
	for (int i = 2; i < 6; i++)
		if (!isdigit((unsigned char) name[i]))
			return false;
	return true;
}

static DreamHeader *
ParseDreamHeader(FunctionCallInfo fcinfo, text *header, char delimiter)
{
	DreamHeader *h = fcinfo->flinfo->fn_extra;
	const char *p = VARDATA_ANY(header);
	const char *end = p + VARSIZE_ANY_EXHDR(header);
	MemoryContext old;
	int			nweeks = 0;
	IsoWeek		last = 0;

	if (h != NULL && h->delimiter == delimiter && h->len == end - p &&
		memcmp(h->text, p, h->len) == 0)
		return h;

	if (h != NULL)
	{
		pfree(h->text);
		pfree(h->is_week);
		pfree(h);
	}
	fcinfo->flinfo->fn_extra = NULL;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	h = palloc0(sizeof(DreamHeader));
	h->len = end - p;
	h->text = pnstrdup(p, h->len);
	h->delimiter = delimiter;
	h->nfields = 1;
	for (const char *q = p; q < end; q++)
		h->nfields += (*q == delimiter);
	h->is_week = palloc0(sizeof(bool) * h->nfields);
	MemoryContextSwitchTo(old);

	for (int f = 0; f < h->nfields; f++, p++)
	{
		const char *name;
		int			len;
		IsoWeek		week;

		CHECK_FOR_INTERRUPTS();
		dream_next_field(&p, end, delimiter, &name, &len);
		if (!IsWeekColumn(name, len))
			continue;
		week = DatumGetIsoWeek(DirectFunctionCall1(dream_week,
												   PointerGetDatum(cstring_to_text_with_len(name, len))));
		if (nweeks > 0 && week != last + 1)
		{
			char		expected[ISOWEEK_TEXT_LEN];

			isoweek_format(last + 1, expected);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("DREAM header column %.*s is not the week after the previous weekly column",
							len, name),
					 errdetail("Weekly columns must be consecutive weeks in order; %s was expected.",
							   expected)));
		}
		if (nweeks == 0)
			h->first = week;
		h->is_week[f] = true;
		last = week;
		nweeks++;
	}
	if (nweeks == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("DREAM header has no weekly columns"),
				 errdetail("Weekly columns are named y_YYWW, for example y_1410.")));
	fcinfo->flinfo->fn_extra = h;
	return h;
}

/*
 * One line of a DREAM-style file: the weekly fields become the weekline; the
 * other fields (pnr, branche_..., grad_..., ak..) are skipped.  An empty
 * field or '.' (SAS's missing value) is no code, 0.
 */
/*
 * A field of a DREAM line: digits only, saturating above PG_INT32_MAX.  The
 * field is not NUL-terminated, so the parse stops at its length.
 */
bool
dream_parse_digits(const char *s, int len, int64 *value)
{
	*value = 0;
	for (int i = 0; i < len; i++)
	{
		if (!isdigit((unsigned char) s[i]))
			return false;
		*value = Min(*value * 10 + (s[i] - '0'), (int64) PG_INT32_MAX + 1);
	}
	return len > 0;
}

Datum
dream_weekline(PG_FUNCTION_ARGS)
{
	text	   *delim = PG_GETARG_TEXT_PP(2);
	text	   *line = PG_GETARG_TEXT_PP(1);
	DreamHeader *h;
	const char *p = VARDATA_ANY(line);
	const char *end = p + VARSIZE_ANY_EXHDR(line);
	WeeklineBuilder b;
	int			f;
	int32		code = 0;
	int32		length = 0;

	if (VARSIZE_ANY_EXHDR(delim) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("DREAM delimiter must be a single one-byte character")));
	h = ParseDreamHeader(fcinfo, PG_GETARG_TEXT_PP(0), *VARDATA_ANY(delim));

	weekline_builder_init(&b, h->first, true, ERRCODE_INVALID_PARAMETER_VALUE);
	for (f = 0; p <= end; f++, p++)
	{
		const char *value;
		int			len;
		int64		v = 0;

		if (f >= h->nfields)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("DREAM line has more fields than its header (%d)", h->nfields)));
		CHECK_FOR_INTERRUPTS();
		dream_next_field(&p, end, h->delimiter, &value, &len);
		if (!h->is_week[f])
			continue;
		if (!(len == 0 || (len == 1 && *value == '.') || dream_parse_digits(value, len, &v)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid DREAM code \"%.*s\" in field %d", len, value, f + 1),
					 errdetail("A weekly field holds a non-negative integer code, or nothing.")));
		if (v > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("DREAM code \"%.*s\" in field %d is out of range", len, value, f + 1),
					 errdetail("Codes are integers from 0 to %d.", PG_INT32_MAX)));
		if (length > 0 && v != code)
		{
			weekline_builder_add(&b, code, length);
			length = 0;
		}
		code = (int32) v;
		length++;
	}
	if (f != h->nfields)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("DREAM line has %d fields, its header %d", f, h->nfields)));
	weekline_builder_add(&b, code, length);
	PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));
}

/* ---------- reading ---------- */

Datum
weekline_code_at(PG_FUNCTION_ARGS)
{
	int32		code;

	if (!weekline_code_in_week(PG_GETARG_WEEKLINE_P(0), PG_GETARG_ISOWEEK(1), &code))
		PG_RETURN_NULL();
	PG_RETURN_INT32(code);
}

/*
 * code_in(history, week, codes): code_at(history, week) = ANY (codes), the
 * usual cohort filter, without PostgreSQL's comparison with every element on
 * every row: the set is built once (fn_extra) and tested by its bit mask.
 * NULL when the history does not cover the week, as = ANY gives for
 * code_at's NULL; NULL elements are an error, as for every codes argument.
 */
Datum
weekline_code_in(PG_FUNCTION_ARGS)
{
	const WeeklineCodes *set = weekline_codes_argument(fcinfo, 2);
	int32		code;

	if (!weekline_code_in_week(PG_GETARG_WEEKLINE_P(0), PG_GETARG_ISOWEEK(1), &code))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(weekline_codes_contain(set, code));
}

Datum
weekline_first_week(PG_FUNCTION_ARGS)
{
	WeeklineReader r;

	if (!weekline_reader_init(&r, PG_GETARG_WEEKLINE_P(0)))
		PG_RETURN_NULL();
	PG_RETURN_ISOWEEK(r.next);
}

Datum
weekline_last_week(PG_FUNCTION_ARGS)
{
	IsoWeek		first,
				end;

	if (!weekline_span(PG_GETARG_WEEKLINE_P(0), &first, &end))
		PG_RETURN_NULL();
	PG_RETURN_ISOWEEK(end - 1);
}

/*
 * The number of runs.  It decodes every run, as any reader that walks a
 * whole history must: the national benchmark's decoding floor.
 */
Datum
weekline_runs_count(PG_FUNCTION_ARGS)
{
	WeeklineReader r;
	WeeklineRun run;
	int32		n = 0;

	if (weekline_reader_init(&r, PG_GETARG_WEEKLINE_P(0)))
		while (weekline_next(&r, &run))
			n++;
	PG_RETURN_INT32(n);
}

/* The weekrange [lo, hi); both bounds are valid weeks by construction */
static Datum
WeekRange(TypeCacheEntry *typcache, IsoWeek lo, IsoWeek hi)
{
	RangeBound	lower,
				upper;

	lower.val = IsoWeekGetDatum(lo);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = IsoWeekGetDatum(hi);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	return RangeTypePGetDatum(JOBREG_RANGE_SERIALIZE(typcache, &lower, &upper, false));
}

/*
 * The type cache entry of a range type.  The last one is kept: entries live
 * as long as the backend, and the readers ask once per row.
 */
static TypeCacheEntry *
RangeTypeCache(Oid typid)
{
	static TypeCacheEntry *typcache = NULL;

	if (typcache == NULL || typcache->type_id != typid)
		typcache = lookup_type_cache(typid, TYPECACHE_RANGE_INFO);
	return typcache;
}

/* The range type of a result column */
static TypeCacheEntry *
RangeTypeOf(TupleDesc tupdesc, int attno)
{
	TypeCacheEntry *typcache = RangeTypeCache(TupleDescAttr(tupdesc, attno)->atttypid);

	if (typcache->rngelemtype == NULL)
		elog(ERROR, "weekline function result column %d is not a range", attno + 1);
	return typcache;
}

Datum
weekline_runs(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TypeCacheEntry *typcache;
	WeeklineReader r;
	WeeklineRun run;

	InitMaterializedSRF(fcinfo, 0);
	typcache = RangeTypeOf(rsinfo->setDesc, 0);
	weekline_reader_init(&r, wl);
	while (weekline_next(&r, &run))
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = WeekRange(typcache, run.start, r.next);
		values[1] = Int32GetDatum(run.code);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- code sets ---------- */

static int
CompareInt32(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

void
weekline_codes_from_array(ArrayType *arr, WeeklineCodes *set)
{
	int			n;
	int32	   *elems = IntArrayElements(arr, "codes", &n);

	set->codes = palloc(sizeof(int32) * Max(n, 1));
	memcpy(set->codes, elems, sizeof(int32) * n);
	qsort(set->codes, n, sizeof(int32), CompareInt32);
	set->n = 0;
	for (int i = 0; i < n; i++)
		if (set->n == 0 || set->codes[set->n - 1] != set->codes[i])
			set->codes[set->n++] = set->codes[i];
	set->lo = set->n > 0 ? set->codes[0] : 0;
	set->mask = 0;
	if (set->n > 0 && (int64) set->codes[set->n - 1] - set->lo < 64)
	{
		for (int i = 0; i < set->n; i++)
			set->mask |= UINT64CONST(1) << (set->codes[i] - set->lo);
	}
}

/* Binary search, for sets too spread out for a bit mask */
bool
weekline_codes_search(const WeeklineCodes *set, int32 code)
{
	int			lo = 0,
				hi = set->n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (set->codes[mid] < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < set->n && set->codes[lo] == code;
}

/*
 * The code set of argument argno, cached in fn_extra while the array does
 * not change (a codes() call gives the same array for every row).  The
 * argument is compared in its packed form: a short array from a tuple or an
 * InitPlan has a 1-byte header, and unpacking it would copy it on every row.
 */
typedef struct CodesCache
{
	WeeklineCodesCache codes;
	/* the weekrange argument of weekline_period_argument, when short */
	int			period_len;		/* -1: none cached */
	char		period_bytes[32];
	bool		period_nonempty;
	IsoWeek		period_from;
	IsoWeek		period_to;
	/* the weekrange[] argument of weekline_periods_argument */
	Size		periods_len;	/* bytes of the array, header excluded */
	char	   *periods_bytes;	/* a copy of them; NULL: none cached */
	int			nperiods;
	IsoWeek    *periods_from;	/* [from, to) of each, 0 and 0 when empty */
	IsoWeek    *periods_to;
} CodesCache;

static CodesCache *
GetCodesCache(FunctionCallInfo fcinfo)
{
	CodesCache *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CodesCache));
		cache->period_len = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

const WeeklineCodes *
weekline_codes_argument(FunctionCallInfo fcinfo, int argno)
{
	return weekline_codes_cached(&GetCodesCache(fcinfo)->codes, fcinfo->flinfo->fn_mcxt,
								 PG_GETARG_DATUM(argno));
}

/* the code set of an int[] datum, from cache while its bytes are the same; kept in mcxt */
const WeeklineCodes *
weekline_codes_cached(WeeklineCodesCache *cache, MemoryContext mcxt, Datum array)
{
	struct varlena *raw = PG_DETOAST_DATUM_PACKED(array);
	Size		len = VARSIZE_ANY_EXHDR(raw);
	ArrayType  *arr;
	MemoryContext old;

	if (likely(cache->known && cache->len == len && memcmp(cache->bytes, VARDATA_ANY(raw), len) == 0))
		return &cache->set;
	if (cache->known)
	{
		cache->known = false;
		pfree(cache->bytes);
		pfree(cache->set.codes);
	}
	arr = DatumGetArrayTypeP(PointerGetDatum(raw));	/* a copy, if any, in the current context */
	old = MemoryContextSwitchTo(mcxt);
	weekline_codes_from_array(arr, &cache->set);
	cache->bytes = palloc(Max(len, 1));
	memcpy(cache->bytes, VARDATA_ANY(raw), len);
	cache->len = len;
	cache->known = true;
	MemoryContextSwitchTo(old);
	return &cache->set;
}

/*
 * weekline_period_bounds of argument argno, kept in the same fn_extra as the
 * code set while the range's bytes do not change (a constant period, or
 * quarter_weeks(2015, 1), is the same on every row).
 */
bool
weekline_period_argument(FunctionCallInfo fcinfo, int argno, IsoWeek *from, IsoWeek *to)
{
	struct varlena *raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(argno));
	Size		len = VARSIZE_ANY_EXHDR(raw);
	CodesCache *cache = GetCodesCache(fcinfo);

	if (cache->period_len == (int) len && memcmp(cache->period_bytes, VARDATA_ANY(raw), len) == 0)
	{
		*from = cache->period_from;
		*to = cache->period_to;
		return cache->period_nonempty;
	}
	cache->period_nonempty = weekline_period_bounds(PG_GETARG_DATUM(argno), &cache->period_from, &cache->period_to);
	*from = cache->period_from;
	*to = cache->period_to;
	if (len <= sizeof(cache->period_bytes))
	{
		memcpy(cache->period_bytes, VARDATA_ANY(raw), len);
		cache->period_len = (int) len;
	}
	else
		cache->period_len = -1;
	return cache->period_nonempty;
}

/*
 * The periods of a weekrange[] argument as [from[i], to[i]) (an empty range
 * gives from = to = 0), kept in fn_extra while the array's bytes do not
 * change.  NULL elements are an error (22004); a multi-dimensional array is
 * read in storage order.
 */
int
weekline_periods_argument(FunctionCallInfo fcinfo, int argno, const IsoWeek **from, const IsoWeek **to)
{
	struct varlena *raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(argno));
	Size		len = VARSIZE_ANY_EXHDR(raw);
	CodesCache *cache = GetCodesCache(fcinfo);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	MemoryContext old;

	if (cache->periods_bytes == NULL || cache->periods_len != len ||
		memcmp(cache->periods_bytes, VARDATA_ANY(raw), len) != 0)
	{
		if (cache->periods_bytes != NULL)
		{
			pfree(cache->periods_bytes);
			pfree(cache->periods_from);
			pfree(cache->periods_to);
			cache->periods_bytes = NULL;
		}
		arr = DatumGetArrayTypeP(PointerGetDatum(raw));
		get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
		deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, &elems, &nulls, &n);
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cache->periods_from = palloc(Max(n, 1) * sizeof(IsoWeek));
		cache->periods_to = palloc(Max(n, 1) * sizeof(IsoWeek));
		MemoryContextSwitchTo(old);
		for (int i = 0; i < n; i++)
		{
			if (nulls[i])
			{
				pfree(cache->periods_from);
				pfree(cache->periods_to);
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("periods must not contain NULL")));
			}
			if (!weekline_period_bounds(elems[i], &cache->periods_from[i], &cache->periods_to[i]))
				cache->periods_from[i] = cache->periods_to[i] = 0;
		}
		cache->periods_bytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, Max(len, 1));
		memcpy(cache->periods_bytes, VARDATA_ANY(raw), len);
		cache->periods_len = len;
		cache->nperiods = n;
	}
	*from = cache->periods_from;
	*to = cache->periods_to;
	return cache->nperiods;
}

/*
 * Weeks on the codes in each of the periods [from[i], to[i]): weeks[i], in
 * one pass over the runs up to the last period's end.
 */
void
weekline_weeks_on_periods(const struct varlena *wl, const WeeklineCodes *set, int n,
						  const IsoWeek *from, const IsoWeek *to, int32 *weeks)
{
	WeeklineReader r;
	WeeklineRun run;
	IsoWeek		lo = PG_INT32_MAX,
				hi = PG_INT32_MIN;

	for (int i = 0; i < n; i++)
	{
		weeks[i] = 0;
		if (from[i] < to[i])
		{
			lo = Min(lo, from[i]);
			hi = Max(hi, to[i]);
		}
	}
	if (lo >= hi || !weekline_reader_init(&r, wl))
		return;
	while (weekline_next(&r, &run) && run.start < hi)
	{
		if (r.next <= lo || !weekline_codes_contain(set, run.code))
			continue;
		for (int i = 0; i < n; i++)
		{
			IsoWeek		a = Max(run.start, from[i]);
			IsoWeek		b = Min(r.next, to[i]);

			if (a < b)
				weeks[i] += b - a;
		}
	}
}

/* ---------- weeks_in ---------- */

/*
 * The runs of the last weekline weeks_on read, decoded as far as a caller
 * needed them, with the reader to go on.  A row often asks several
 * aggregates about one weekline (fuldtidspersoner for four quarters): the
 * later calls find its runs here by a comparison of the bytes and a binary
 * search instead of decoding the history again.  Only short values are kept
 * (a weekline of the national register has 30 bytes); the key is the
 * encoded bytes, so a hit is the same history whatever row it came from.
 */
#define RUN_CACHE_BYTES 256
#define RUN_CACHE_RUNS (RUN_CACHE_BYTES / 2)	/* a run takes 2 bytes at least */

typedef struct RunCache
{
	int			len;			/* bytes of the value (header excluded); -1 none */
	bool		done;			/* every run decoded */
	int			n;				/* runs decoded */
	WeeklineReader reader;		/* reads the copy below, after run n */
	IsoWeek		start[RUN_CACHE_RUNS + 1];	/* start[n] = reader.next */
	int32		code[RUN_CACHE_RUNS];
	union
	{
		int32		align;
		char		data[VARHDRSZ + RUN_CACHE_BYTES];
	}			copy;
} RunCache;

static RunCache run_cache = {.len = -1};

/* The cache holding wl's runs (none decoded yet unless wl was the last one read) */
static RunCache *
RunCacheFor(const struct varlena *wl)
{
	RunCache   *rc = &run_cache;
	int			len = (int) VARSIZE_ANY_EXHDR(wl);

	if (rc->len == len && memcmp(VARDATA(rc->copy.data), VARDATA_ANY(wl), len) == 0)
		return rc;
	rc->len = -1;
	memcpy(VARDATA(rc->copy.data), VARDATA_ANY(wl), len);
	SET_VARSIZE(rc->copy.data, VARHDRSZ + len);
	rc->n = 0;
	rc->done = !weekline_reader_init(&rc->reader, (struct varlena *) rc->copy.data);
	rc->start[0] = rc->reader.next;
	rc->len = len;
	return rc;
}

/* Decodes runs until one starts at or after `to`, or none are left */
static void
RunCacheExtend(RunCache *rc, IsoWeek to)
{
	int			len = rc->len;
	WeeklineRun run;

	rc->len = -1;				/* invalid until the decoding succeeded */
	while (!rc->done && rc->start[rc->n] < to)
	{
		if (!weekline_next(&rc->reader, &run))
		{
			rc->done = true;
			break;
		}
		rc->code[rc->n] = run.code;
		rc->n++;
		rc->start[rc->n] = rc->reader.next;
	}
	rc->len = len;
}

static int32
WeeksOnDirect(const struct varlena *wl, const WeeklineCodes *set, IsoWeek from, IsoWeek to)
{
	WeeklineReader r;
	WeeklineRun run;
	int32		weeks = 0;

	weekline_reader_init(&r, wl);
	while (weekline_next(&r, &run) && run.start < to)
		if (r.next > from && weekline_codes_contain(set, run.code))
			weeks += Min(r.next, to) - Max(run.start, from);
	return weeks;
}

int32
weekline_weeks_on(const struct varlena *wl, const WeeklineCodes *set, IsoWeek from, IsoWeek to)
{
	RunCache   *rc;
	int			lo,
				hi;
	int32		weeks = 0;

	if (VARSIZE_ANY_EXHDR(wl) > RUN_CACHE_BYTES)
		return WeeksOnDirect(wl, set, from, to);
	rc = RunCacheFor(wl);
	RunCacheExtend(rc, to);
	/* the first decoded run that ends after from */
	lo = 0;
	hi = rc->n;
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (rc->start[mid + 1] <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo; i < rc->n && rc->start[i] < to; i++)
		if (weekline_codes_contain(set, rc->code[i]))
			weeks += Min(rc->start[i + 1], to) - Max(rc->start[i], from);
	return weeks;
}

/*
 * A weekrange as the weeks [*from, *to), open ends as PG_INT32_MIN/MAX;
 * false when empty.  The range type is not kept in fn_extra, which holds the
 * code set.
 */
bool
weekline_period_bounds(Datum range, IsoWeek *from, IsoWeek *to)
{
	RangeType  *period = DatumGetRangeTypeP(range);
	TypeCacheEntry *typcache = RangeTypeCache(RangeTypeGetOid(period));
	RangeBound	lower,
				upper;
	bool		empty;

	range_deserialize(typcache, period, &lower, &upper, &empty);
	if (empty)
		return false;
	*from = lower.infinite ? PG_INT32_MIN : DatumGetIsoWeek(lower.val);
	*to = upper.infinite ? PG_INT32_MAX : DatumGetIsoWeek(upper.val);
	return true;
}

Datum
weekline_weeks_in(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	const WeeklineCodes *set = weekline_codes_argument(fcinfo, 1);
	IsoWeek		from,
				to;

	if (!weekline_period_bounds(PG_GETARG_DATUM(2), &from, &to))
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(weekline_weeks_on(wl, set, from, to));
}

/* ---------- spells ---------- */

static void
CheckMaxGap(int32 max_gap)
{
	if (max_gap < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_gap must not be negative"),
				 errdetail("max_gap is the longest break, in weeks, that does not end a spell.")));
}

void
weekline_spells_begin(WeeklineSpellIter *it, const struct varlena *wl,
					  const WeeklineCodes *codes, int32 max_gap)
{
	CheckMaxGap(max_gap);
	weekline_reader_init(&it->reader, wl);
	it->codes = codes;
	it->max_gap = max_gap;
	it->span_first = it->reader.next;
	it->last_start = PG_INT32_MAX;
	it->have_pending = false;
	it->have_prev = false;
	it->prev_end = 0;
}

bool
weekline_spells_next(WeeklineSpellIter *it, WeeklineSpell *spell)
{
	WeeklineRun run;

	/* the spell starts with the run that ended the previous one, or the next run on the codes */
	if (!it->have_pending)
	{
		do
		{
			if (!weekline_next(&it->reader, &it->pending) || it->pending.start > it->last_start)
				return false;
		} while (!weekline_codes_contain(it->codes, it->pending.code));
	}
	it->have_pending = false;
	spell->first = it->pending.start;
	spell->end = it->pending.start + it->pending.length;
	spell->weeks = it->pending.length;
	spell->exit_code = -1;

	while (weekline_next(&it->reader, &run))
	{
		if (weekline_codes_contain(it->codes, run.code))
		{
			if (run.start - spell->end > it->max_gap)
			{
				it->pending = run;
				it->have_pending = true;
				break;
			}
			spell->end = run.start + run.length;
			spell->weeks += run.length;
			spell->exit_code = -1;
			continue;
		}
		if (run.start == spell->end)
			spell->exit_code = run.code;
		if (run.start + run.length - spell->end > it->max_gap)
			break;				/* the break is too long to bridge */
	}

	/* every run read ends after the spell unless the span ends with it */
	spell->right_censored = spell->end == it->reader.next;
	spell->left_censored = spell->first == it->span_first;
	spell->prior_gap = it->have_prev ? spell->first - it->prev_end : -1;
	it->have_prev = true;
	it->prev_end = spell->end;
	return true;
}

/* The columns of a weekline_spell row */
static void
SpellValues(const WeeklineSpell *spell, TypeCacheEntry *typcache, Datum *values, bool *nulls)
{
	values[0] = WeekRange(typcache, spell->first, spell->end);
	values[1] = Int32GetDatum(spell->weeks);
	values[2] = Int32GetDatum(spell->prior_gap);
	values[3] = Int32GetDatum(spell->exit_code);
	values[4] = BoolGetDatum(spell->left_censored);
	values[5] = BoolGetDatum(spell->right_censored);
	memset(nulls, 0, 6 * sizeof(bool));
	nulls[2] = spell->prior_gap < 0;
	nulls[3] = spell->exit_code < 0;
}

Datum
weekline_spells(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TypeCacheEntry *typcache;
	WeeklineSpellIter it;
	WeeklineSpell spell;

	weekline_spells_begin(&it, wl, codes, PG_GETARG_INT32(2));

	/*
	 * Most histories have no spell on a benefit's codes.  For them, end the
	 * set at once (value-per-call protocol) instead of building a tuplestore.
	 */
	if (!weekline_spells_next(&it, &spell))
	{
		if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("set-valued function called in context that cannot accept a set")));
		rsinfo->isDone = ExprEndResult;
		PG_RETURN_NULL();
	}
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	typcache = RangeTypeOf(rsinfo->setDesc, 0);
	do
	{
		Datum		values[6];
		bool		nulls[6];

		SpellValues(&spell, typcache, values, nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	} while (weekline_spells_next(&it, &spell));
	return (Datum) 0;
}

/*
 * What the planner is told about spells(w, codes, max_gap).  The constants
 * are the national register's (bench/national.sql): a weekline has about 9
 * runs, about half of them on a code.
 */
#define SPELLS_RUNS_PER_WEEKLINE 9.0
#define SPELLS_CODED_RUNS_PER_WEEKLINE 4.5

/* A constant codes array the call accepts: one dimension (or none), no NULL */
static bool
PlainCodes(Const *c)
{
	ArrayType  *arr = DatumGetArrayTypeP(c->constvalue);

	return ARR_NDIM(arr) <= 1 && !array_contains_nulls(arr);
}

/*
 * The spells of a constant weekline, counted; -1 when an argument is not a
 * constant (or is NULL: the function is STRICT, so no rows)
 */
static double
CountConstSpells(List *args)
{
	Const	   *w = linitial(args);
	Const	   *codes = lsecond(args);
	Const	   *gap = list_length(args) > 2 ? lthird(args) : NULL;
	WeeklineCodes set;
	WeeklineSpellIter it;
	WeeklineSpell spell;
	double		n = 0;

	if (!IsA(w, Const) || !IsA(codes, Const) || (gap != NULL && !IsA(gap, Const)))
		return -1;
	if (w->constisnull || codes->constisnull || (gap != NULL && gap->constisnull))
		return 0;
	if ((gap != NULL && DatumGetInt32(gap->constvalue) < 0) || !PlainCodes(codes))
		return -1;				/* the call raises the error */
	weekline_codes_from_array(DatumGetArrayTypeP(codes->constvalue), &set);
	weekline_spells_begin(&it, (struct varlena *) PG_DETOAST_DATUM_PACKED(w->constvalue), &set,
						  gap != NULL ? DatumGetInt32(gap->constvalue) : 0);
	while (weekline_spells_next(&it, &spell))
		n++;
	return n;
}

/*
 * The support function of spells(): SupportRequestRows and SupportRequestCost.
 * Rows: for a constant weekline, its spells counted; else, with a constant
 * codes array of k distinct codes, min(k, 4.5) / 2 (a spell needs a run on
 * one of the codes, and a weekline has about 4.5 runs on a code; spells of
 * few codes are rarer than one a code) and 0 for an empty array; else the
 * function's ROWS.  Cost per call: reading the runs, two varints a run.
 */
Datum
weekline_spells_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestRows))
	{
		SupportRequestRows *req = (SupportRequestRows *) rawreq;
		List	   *args;
		Node	   *codes;
		double		n;

		if (req->node == NULL || !is_funcclause(req->node))
			PG_RETURN_POINTER(NULL);
		args = ((FuncExpr *) req->node)->args;
		if (list_length(args) < 2)
			PG_RETURN_POINTER(NULL);
		n = CountConstSpells(args);
		if (n >= 0)
		{
			req->rows = n;
			PG_RETURN_POINTER(req);
		}
		codes = lsecond(args);
		if (IsA(codes, Const))
		{
			Const	   *c = (Const *) codes;
			WeeklineCodes set;

			if (c->constisnull)
				req->rows = 0;
			else if (!PlainCodes(c))
				PG_RETURN_POINTER(NULL);
			else
			{
				weekline_codes_from_array(DatumGetArrayTypeP(c->constvalue), &set);
				req->rows = Min((double) set.n, SPELLS_CODED_RUNS_PER_WEEKLINE) / 2;
			}
			PG_RETURN_POINTER(req);
		}
		PG_RETURN_POINTER(NULL);
	}
	if (IsA(rawreq, SupportRequestCost))
	{
		SupportRequestCost *req = (SupportRequestCost *) rawreq;

		req->startup = 0;
		req->per_tuple = cpu_operator_cost * (1 + 2 * SPELLS_RUNS_PER_WEEKLINE);
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}

Datum
weekline_spell_at(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	const WeeklineCodes *codes = weekline_codes_argument(fcinfo, 1);
	IsoWeek		at = PG_GETARG_ISOWEEK(3);
	WeeklineSpell spell;
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "spell_at must return a composite type");
	if (weekline_spell_containing(wl, codes, PG_GETARG_INT32(2), at, &spell))
	{
		Datum		values[6];
		bool		nulls[6];

		SpellValues(&spell, RangeTypeOf(tupdesc, 0), values, nulls);
		PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
	}
	PG_RETURN_NULL();
}

/* The spell (bridging breaks of up to max_gap weeks) holding week `at` */
bool
weekline_spell_containing(const struct varlena *wl, const WeeklineCodes *codes,
						  int32 max_gap, IsoWeek at, WeeklineSpell *spell)
{
	WeeklineSpellIter it;

	weekline_spells_begin(&it, wl, codes, max_gap);
	it.last_start = at;			/* the rest of the history need not be searched */
	while (weekline_spells_next(&it, spell) && spell->first <= at)
	{
		if (at < spell->end)
			return true;
	}
	return false;
}

/*
 * The first week of the spell (as weekline_spell_containing finds it)
 * holding week `at`; false when `at` is in no spell.  Only the first week is
 * wanted (anciennitet), so this walks the runs with two numbers: the first
 * week of the current spell and the end of its last run on the codes.  It
 * stops at the first run on the codes that ends after `at`, or as soon as a
 * run starts after `at` too far from the last run on the codes to be bridged.
 */
bool
weekline_spell_first_at(const struct varlena *wl, const WeeklineCodes *codes,
						int32 max_gap, IsoWeek at, IsoWeek *first)
{
	WeeklineReader r;
	WeeklineRun run;
	bool		have_prev = false;
	IsoWeek		spell_first = 0;
	IsoWeek		prev_end = 0;

	CheckMaxGap(max_gap);
	if (!weekline_reader_init(&r, wl))
		return false;
	while (weekline_next(&r, &run))
	{
		if (weekline_codes_contain(codes, run.code))
		{
			if (!have_prev || (int64) run.start - prev_end > max_gap)
				spell_first = run.start;
			have_prev = true;
			prev_end = r.next;
			if (at < prev_end)
			{
				*first = spell_first;
				return spell_first <= at;
			}
		}
		else if (run.start > at && (!have_prev || (int64) run.start - prev_end > max_gap))
			return false;
	}
	return false;
}
