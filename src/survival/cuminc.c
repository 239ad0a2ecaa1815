/*
 * src/survival/cuminc.c
 *		The cuminc type: a mergeable competing-risks state, its aggregates,
 *		and the cumulative incidence estimates and variances of R's
 *		cmprsk::cuminc computed from it.
 *
 * A cuminc value holds, for every distinct duration, how many persons left
 * for each cause at that time (cause 0 = censored).  That is all the
 * Aalen-Johansen estimator needs, and the states of disjoint groups merge by
 * adding counts, so rollups can be stored and combined.
 *
 * The value has two representations:
 *	- flat (on disk, in tuples, between processes): a varlena with a format
 *	  version and the entries (time, cause, count), sorted by time, then
 *	  cause, with positive counts and no repeats;
 *	- expanded (while aggregating): the same entries in a hash table, so that
 *	  a row costs one probe.  It is an expanded object (utils/expandeddatum.h),
 *	  which lets the aggregates use cuminc itself as their state type instead
 *	  of internal: the executor flattens the state when it ships or returns it.
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "common/hashfn.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "lib/qunique.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "survival/survival.h"

PG_FUNCTION_INFO_V1(cuminc_in);
PG_FUNCTION_INFO_V1(cuminc_out);
PG_FUNCTION_INFO_V1(cuminc_recv);
PG_FUNCTION_INFO_V1(cuminc_send);
PG_FUNCTION_INFO_V1(cuminc_trans);
PG_FUNCTION_INFO_V1(cuminc_combine);
PG_FUNCTION_INFO_V1(cuminc_table);
PG_FUNCTION_INFO_V1(cuminc_at);
PG_FUNCTION_INFO_V1(cuminc_msfunc);
PG_FUNCTION_INFO_V1(cuminc_minvfunc);
PG_FUNCTION_INFO_V1(cuminc_mcombine);
PG_FUNCTION_INFO_V1(cuminc_minvcombine);
PG_FUNCTION_INFO_V1(cuminc_mfinal);
PG_FUNCTION_INFO_V1(cuminc_subtract);

/* ---------- flat representation ---------- */

#define CUMINC_VERSION 1

typedef struct CumincEntry
{
	float8		time;			/* finite, not negative, never -0 */
	int64		count;			/* positive */
	int32		cause;			/* 0 = censored */
	int32		unused;			/* zero */
} CumincEntry;

typedef struct Cuminc
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CUMINC_VERSION */
	int32		nentries;
	CumincEntry entries[FLEXIBLE_ARRAY_MEMBER];
} Cuminc;

#define CUMINC_HDRSZ offsetof(Cuminc, entries)

/*
 * The most entries (distinct pairs of duration and cause) of a value
 * (doc/limits.md): 24 MB flat, at most 64 MB as text.  Overridable at
 * compile time so that the fuzz harness can reach it.
 */
#ifndef CUMINC_MAX_ENTRIES
#define CUMINC_MAX_ENTRIES 1000000
#endif
/*
 * cuminc_table has a row per event time and cause, which a small value can
 * multiply into very many: it returns at most this many (doc/limits.md).
 */
#ifndef CUMINC_TABLE_MAX_ROWS
#define CUMINC_TABLE_MAX_ROWS 10000000
#endif

StaticAssertDecl(CUMINC_MAX_ENTRIES >= 1 &&
				 CUMINC_MAX_ENTRIES <= (MaxAllocSize - CUMINC_HDRSZ) / 64,
				 "CUMINC_MAX_ENTRIES too large for the text form");

/* binary form of an entry: float8 time, int4 cause, int8 count */
#define CUMINC_SEND_ENTRY_SIZE 20

/* the most causes cuminc_table and cuminc_at estimate (doc/bounds.md) */

/* ---------- expanded representation: a hash table of the entries ---------- */

typedef struct CumincKey
{
	float8		time;
	int32		cause;
} CumincKey;

typedef struct CumincCell
{
	CumincKey	key;
	int64		count;
	char		status;			/* used by simplehash */
} CumincCell;

static inline uint32
CumincKeyHash(CumincKey key)
{
	return hash_combine(surv_hash_time(key.time), murmurhash32((uint32) key.cause));
}

#define SH_PREFIX cuminc_hash
#define SH_ELEMENT_TYPE CumincCell
#define SH_KEY_TYPE CumincKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) CumincKeyHash(k)
#define SH_EQUAL(tb, a, b) ((a).time == (b).time && (a).cause == (b).cause)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

typedef struct CumincState
{
	ExpandedObjectHeader hdr;
	cuminc_hash_hash *table;
	int64		total;			/* persons counted, for overflow checks */
	int64		inputs;			/* moving mode: non-NULL inputs in the frame */
} CumincState;

static int
CumincEntryCmp(const void *a, const void *b)
{
	const CumincEntry *x = a;
	const CumincEntry *y = b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return (x->cause > y->cause) - (x->cause < y->cause);
}

static void CheckEntryLimit(int64 n);

static Size
CumincStateFlatSize(ExpandedObjectHeader *eohptr)
{
	CumincState *state = (CumincState *) eohptr;

	CheckEntryLimit(state->table->members);
	return CUMINC_HDRSZ + state->table->members * sizeof(CumincEntry);
}

/* The flat form is canonical: entries sorted whatever the order of input */
static void
CumincStateFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	CumincState *state = (CumincState *) eohptr;
	Cuminc	   *flat = (Cuminc *) result;
	cuminc_hash_iterator it;
	CumincCell *cell;
	int			n = 0;

	Assert(allocated_size == CumincStateFlatSize(eohptr));
	memset(flat, 0, allocated_size);
	SET_VARSIZE(flat, allocated_size);
	flat->version = CUMINC_VERSION;
	flat->nentries = state->table->members;
	cuminc_hash_start_iterate(state->table, &it);
	while ((cell = cuminc_hash_iterate(state->table, &it)) != NULL)
	{
		flat->entries[n].time = cell->key.time;
		flat->entries[n].cause = cell->key.cause;
		flat->entries[n].count = cell->count;
		n++;
	}
	qsort(flat->entries, n, sizeof(CumincEntry), CumincEntryCmp);
}

static const ExpandedObjectMethods CumincMethods = {
	CumincStateFlatSize,
	CumincStateFlatten
};

/* Raises 54000 when a value would hold more than CUMINC_MAX_ENTRIES entries */
static void
CheckEntryLimit(int64 n)
{
	if (unlikely(n > CUMINC_MAX_ENTRIES))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct durations and causes for a cuminc value"),
				 errdetail("A cuminc value holds at most %d pairs of duration and cause; round the durations (for example to whole days) or split the data into smaller groups.",
						   CUMINC_MAX_ENTRIES)));
}

/* An empty state whose memory lives in objcxt */
static CumincState *
CumincStateCreate(MemoryContext objcxt)
{
	CumincState *state = MemoryContextAllocZero(objcxt, sizeof(CumincState));

	EOH_init_header(&state->hdr, &CumincMethods, objcxt);
	state->table = cuminc_hash_create(objcxt, 64, NULL);
	return state;
}

static inline void
CumincStateAdd(CumincState *state, float8 time, int32 cause, int64 count)
{
	CumincKey	key = {time, cause};
	uint32		hash = CumincKeyHash(key);
	CumincCell *cell;
	bool		found;

	/* most rows repeat a known pair: a lookup is cheaper than an insert */
	cell = cuminc_hash_lookup_hash(state->table, key, hash);
	if (cell == NULL)
	{
		/* before the table grows for it */
		CheckEntryLimit((int64) state->table->members + 1);
		cell = cuminc_hash_insert_hash(state->table, key, hash, &found);
		cell->count = 0;
	}
	cell->count += count;
	state->total += count;
}

static void
NotPartOf(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cuminc value to subtract is not part of the value"),
			 errdetail("Only persons that were counted in a value can be taken out of it: every pair of time and cause of the subtracted value must be in the other one, with at least its count.")));
}

/*
 * The inverse of CumincStateAdd: count persons out of a pair, which leaves
 * the state when none are left, as if never counted.  Raises 22023 when
 * the state does not hold that many at the pair.
 */
static inline void
CumincStateTakeOut(CumincState *state, float8 time, int32 cause, int64 count)
{
	CumincKey	key = {time, cause};
	CumincCell *cell = cuminc_hash_lookup(state->table, key);

	if (cell == NULL || cell->count < count)
		NotPartOf();
	cell->count -= count;
	state->total -= count;
	if (cell->count == 0)
		cuminc_hash_delete_item(state->table, cell);
}

/* ---------- checks shared by the aggregate, text and binary input ---------- */

/* A duration must be finite and not negative; -0 is stored as 0 */
static float8
CheckDuration(float8 duration)
{
	if (isnan(duration))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cuminc duration must not be NaN")));
	if (duration < 0 || isinf(duration))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cuminc duration %g is out of range", duration),
				 errdetail("Durations must be finite and not negative.")));
	return duration == 0 ? 0.0 : duration;
}

static int32
CheckCause(int32 cause)
{
	if (cause < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cuminc cause %d is negative", cause),
				 errdetail("Cause 0 marks a censored observation; causes of leaving are 1 or more.")));
	return cause;
}

/*
 * A flat value from n entries read from text or binary input, validated:
 * faults are reported with sqlstate (22P02 for text, 22P03 for binary).
 * Normalizes -0 to 0.
 */
static Cuminc *
CumincBuild(CumincEntry *entries, int n, int sqlstate)
{
	Cuminc	   *c;
	int64		total = 0;

	for (int i = 0; i < n; i++)
	{
		CumincEntry *e = &entries[i];

		if (isnan(e->time) || isinf(e->time) || e->time < 0)
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid time in cuminc value"),
					 errdetail("Times must be finite and not negative; entry %d has time %g.",
							   i + 1, e->time)));
		if (e->time == 0)
			e->time = 0.0;
		if (e->cause < 0)
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid cause in cuminc value"),
					 errdetail("Causes must not be negative; entry %d has cause %d.",
							   i + 1, e->cause)));
		if (e->count <= 0)
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid count in cuminc value"),
					 errdetail("Counts must be positive; entry %d has count " INT64_FORMAT ".",
							   i + 1, e->count)));
		if (i > 0 && CumincEntryCmp(&entries[i - 1], e) >= 0)
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("cuminc entries are out of order"),
					 errdetail("Entries must be sorted by time, then cause, each pair once; entry %d does not follow entry %d.",
							   i + 1, i)));
		if (pg_add_s64_overflow(total, e->count, &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("cuminc value counts too many persons"),
					 errdetail("The counts must add up to at most " INT64_FORMAT ".",
							   PG_INT64_MAX)));
	}

	CheckEntryLimit(n);
	c = palloc0(CUMINC_HDRSZ + n * sizeof(CumincEntry));
	SET_VARSIZE(c, CUMINC_HDRSZ + n * sizeof(CumincEntry));
	c->version = CUMINC_VERSION;
	c->nentries = n;
	for (int i = 0; i < n; i++)
	{
		c->entries[i].time = entries[i].time;
		c->entries[i].cause = entries[i].cause;
		c->entries[i].count = entries[i].count;
	}
	return c;
}

/*
 * A flat value from a datum (flat, toasted or expanded), its header checked
 * against its size before anything else is read: every reader comes here.
 */
static Cuminc *
CumincFromDatum(Datum d)
{
	Cuminc	   *c = (Cuminc *) PG_DETOAST_DATUM(d);

	if (VARSIZE(c) < CUMINC_HDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted cuminc value"),
				 errdetail("The value is shorter than its header.")));
	if (c->version != CUMINC_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("unsupported cuminc format version %d", c->version),
				 errdetail("This version of jobreg reads cuminc format version %d.",
						   CUMINC_VERSION)));
	if (c->nentries < 0 || c->nentries > CUMINC_MAX_ENTRIES ||
		VARSIZE(c) != CUMINC_HDRSZ + (Size) c->nentries * sizeof(CumincEntry))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted cuminc value"),
				 errdetail("The value's size does not match its %d entries.", c->nentries)));
	return c;
}

/* ---------- text I/O ---------- */

static void
SkipSpaces(const char **p)
{
	while (isspace((unsigned char) **p))
		(*p)++;
}

static void SyntaxError(const char *str, const char *p, const char *expected) pg_attribute_noreturn();

static void
SyntaxError(const char *str, const char *p, const char *expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type cuminc: \"%s\"", str),
			 errdetail("Expected %s at position %d.", expected, (int) (p - str) + 1),
			 errhint("A cuminc value is written {time: cause=count, cause=count; time: ...}, cause 0 for censored, for example {1: 0=2, 1=5; 2.5: 2=1}.")));
}

/* A decimal number: digits, point, exponent, sign; no inf, nan or hex */
static float8
ParseTime(const char *str, const char **p)
{
	const char *end = *p;
	char	   *numend;
	char	   *num;
	float8		val;

	while (isdigit((unsigned char) *end) || *end == '.' || *end == 'e' ||
		   *end == 'E' || *end == '+' || *end == '-')
		end++;
	if (end == *p)
		SyntaxError(str, *p, "a time");
	num = pnstrdup(*p, end - *p);
	errno = 0;
	val = strtod(num, &numend);
	if (*numend != '\0')
		SyntaxError(str, *p, "a time");
	if (errno == ERANGE && (val >= HUGE_VAL || val <= -HUGE_VAL))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("time \"%s\" is out of range for type cuminc", num)));
	pfree(num);
	*p = end;
	return val;
}

/* Unsigned decimal digits, at most max */
static int64
ParseCount(const char *str, const char **p, int64 max, const char *what)
{
	const char *start = *p;
	int64		val = 0;

	if (!isdigit((unsigned char) **p))
		SyntaxError(str, *p, what);
	while (isdigit((unsigned char) **p))
	{
		if (pg_mul_s64_overflow(val, 10, &val) ||
			pg_add_s64_overflow(val, **p - '0', &val) || val > max)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s at position %d is out of range for type cuminc",
							what, (int) (start - str) + 1),
					 errdetail("The largest allowed is " INT64_FORMAT ".", max)));
		(*p)++;
	}
	return val;
}

static void
Expect(const char *str, const char **p, char c, const char *expected)
{
	SkipSpaces(p);
	if (**p != c)
		SyntaxError(str, *p, expected);
	(*p)++;
	SkipSpaces(p);
}

/*
 * Text form: {time: cause=count, cause=count; time: ...}, times ascending,
 * causes ascending within a time, counts positive; {} is the empty value.
 */
Datum
cuminc_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int			n = 0,
				size = Min(16, CUMINC_MAX_ENTRIES);
	CumincEntry *entries = palloc(size * sizeof(CumincEntry));

	jobreg_check_state_io("cuminc");
	Expect(str, &p, '{', "\"{\"");
	if (*p != '}')
	{
		for (;;)
		{
			const char *start = p;
			float8		time = ParseTime(str, &p);

			/* each time once, ascending (checked here: -0 and 0 are one time) */
			if (n > 0 && !(time > entries[n - 1].time))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("cuminc times are out of order"),
						 errdetail("Times must be ascending, each once; the time at position %d is not.",
								   (int) (start - str) + 1)));
			Expect(str, &p, ':', "\":\"");
			for (;;)
			{
				if (n == size)
				{
					CheckEntryLimit((int64) n + 1);
					size = Min(2 * size, CUMINC_MAX_ENTRIES);
					entries = repalloc(entries, size * sizeof(CumincEntry));
				}
				entries[n].time = time;
				entries[n].cause = (int32) ParseCount(str, &p, PG_INT32_MAX, "a cause");
				Expect(str, &p, '=', "\"=\"");
				entries[n].count = ParseCount(str, &p, PG_INT64_MAX, "a count");
				n++;
				SkipSpaces(&p);
				if (*p != ',')
					break;
				Expect(str, &p, ',', "\",\"");
			}
			if (*p != ';')
				break;
			Expect(str, &p, ';', "\";\"");
		}
	}
	Expect(str, &p, '}', "\";\", \",\" or \"}\"");
	if (*p != '\0')
		SyntaxError(str, p, "the end of input");

	PG_RETURN_POINTER(CumincBuild(entries, n, ERRCODE_INVALID_TEXT_REPRESENTATION));
}

Datum
cuminc_out(PG_FUNCTION_ARGS)
{
	Cuminc	   *c = CumincFromDatum(PG_GETARG_DATUM(0));
	StringInfoData buf;
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	jobreg_check_state_io("cuminc");

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int i = 0; i < c->nentries; i++)
	{
		const CumincEntry *e = &c->entries[i];

		CHECK_FOR_INTERRUPTS();
		if (i == 0 || e->time != e[-1].time)
		{
			if (i > 0)
				appendStringInfoString(&buf, "; ");
			double_to_shortest_decimal_buf(e->time, num);
			appendStringInfo(&buf, "%s: ", num);
		}
		else
			appendStringInfoString(&buf, ", ");
		appendStringInfo(&buf, "%d=" INT64_FORMAT, e->cause, e->count);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: uint8 format version, int4 number of entries, then per entry
 * float8 time, int4 cause, int8 count.  Validated like text input.
 */
Datum
cuminc_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int			n;
	CumincEntry *entries;

	jobreg_check_state_io("cuminc");

	if (buf->len - buf->cursor < 5)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("cuminc binary value is too short"),
				 errdetail("It needs at least a format version byte and a count of entries.")));
	version = pq_getmsgbyte(buf);
	if (version != CUMINC_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported cuminc binary format version %d", version),
				 errdetail("This version of jobreg reads cuminc format version %d.",
						   CUMINC_VERSION)));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > (buf->len - buf->cursor) / CUMINC_SEND_ENTRY_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of cuminc entries %d", n),
				 errdetail("The message has %d bytes left for entries of %d bytes.",
						   buf->len - buf->cursor, CUMINC_SEND_ENTRY_SIZE)));
	CheckEntryLimit(n);
	entries = palloc(Max(n, 1) * sizeof(CumincEntry));
	for (int i = 0; i < n; i++)
	{
		entries[i].time = pq_getmsgfloat8(buf);
		entries[i].cause = (int32) pq_getmsgint(buf, 4);
		entries[i].count = pq_getmsgint64(buf);
	}
	PG_RETURN_POINTER(CumincBuild(entries, n, ERRCODE_INVALID_BINARY_REPRESENTATION));
}

Datum
cuminc_send(PG_FUNCTION_ARGS)
{
	Cuminc	   *c = CumincFromDatum(PG_GETARG_DATUM(0));
	StringInfoData buf;

	jobreg_check_state_io("cuminc");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CUMINC_VERSION);
	pq_sendint32(&buf, c->nentries);
	for (int i = 0; i < c->nentries; i++)
	{
		pq_sendfloat8(&buf, c->entries[i].time);
		pq_sendint32(&buf, c->entries[i].cause);
		pq_sendint64(&buf, c->entries[i].count);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- aggregates ---------- */

/*
 * The state in argument argno, ready to be changed in place: our own
 * read-write expanded object, or a new one under the aggregate's context
 * (holding a copy of a flat value, if that is what came in).
 */
static CumincState *
GetState(FunctionCallInfo fcinfo, int argno)
{
	CumincState *state;
	Cuminc	   *c;

	state = (CumincState *) jobreg_expanded_arg(fcinfo, argno, &CumincMethods);
	if (state != NULL)
		return state;
	state = CumincStateCreate(jobreg_state_context(fcinfo));
	if (!PG_ARGISNULL(argno))
	{
		c = CumincFromDatum(PG_GETARG_DATUM(argno));
		for (int i = 0; i < c->nentries; i++)
			CumincStateAdd(state, c->entries[i].time, c->entries[i].cause,
						   c->entries[i].count);
	}
	return state;
}

/* cuminc(duration, cause): one row into the state; NULL rows are skipped */
Datum
cuminc_trans(PG_FUNCTION_ARGS)
{
	CumincState *state;
	float8		duration;
	int32		cause;

	jobreg_check_in_aggregate(fcinfo, "cuminc_trans");
	JOBREG_SKIP_ROW_IF_NULL(1, 2);
	duration = CheckDuration(PG_GETARG_FLOAT8(1));
	cause = CheckCause(PG_GETARG_INT32(2));
	state = GetState(fcinfo, 0);
	CumincStateAdd(state, duration, cause, 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* Add the counts of a flat value to a state: combining and merging */
static void
CumincStateMerge(CumincState *state, Datum value)
{
	Cuminc	   *other = CumincFromDatum(value);
	int64		other_total = 0;
	int64		sum;

	/* a valid value's counts add up without overflow, so check the sum */
	for (int i = 0; i < other->nentries; i++)
		other_total += other->entries[i].count;
	if (pg_add_s64_overflow(state->total, other_total, &sum))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("merged cuminc value counts too many persons"),
				 errdetail("The counts must add up to at most " INT64_FORMAT ".",
						   PG_INT64_MAX)));
	for (int i = 0; i < other->nentries; i++)
	{
		CHECK_FOR_INTERRUPTS();
		CumincStateAdd(state, other->entries[i].time, other->entries[i].cause,
					   other->entries[i].count);
	}
}

/* Combine function of both aggregates and transition of cuminc_merge */
Datum
cuminc_combine(PG_FUNCTION_ARGS)
{
	CumincState *state;

	jobreg_check_in_aggregate(fcinfo, "cuminc_combine");
	JOBREG_SKIP_ROW_IF_NULL(1, 1);
	state = GetState(fcinfo, 0);
	CumincStateMerge(state, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* ---------- taking persons out: moving windows and subtraction ---------- */

/*
 * In moving-aggregate mode (a window frame whose start moves) PostgreSQL
 * adds the rows entering the frame with the msfunc and takes those leaving
 * it with the minvfunc.  Counts are whole numbers, so taking out is always
 * exact.  The state is never NULL there: an empty state instead, which
 * counts its non-NULL inputs so that the mfinalfunc can give NULL for a
 * frame without any, as the plain aggregate does.
 */
static CumincState *
MovingState(FunctionCallInfo fcinfo, const char *name)
{
	jobreg_check_in_aggregate(fcinfo, name);
	return GetState(fcinfo, 0);
}

/* msfunc of cuminc(duration, cause) */
Datum
cuminc_msfunc(PG_FUNCTION_ARGS)
{
	CumincState *state = MovingState(fcinfo, "cuminc_msfunc");

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		CumincStateAdd(state, CheckDuration(PG_GETARG_FLOAT8(1)), CheckCause(PG_GETARG_INT32(2)), 1);
		state->inputs++;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* minvfunc of cuminc(duration, cause): a row leaves the frame */
Datum
cuminc_minvfunc(PG_FUNCTION_ARGS)
{
	CumincState *state = MovingState(fcinfo, "cuminc_minvfunc");

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		CumincStateTakeOut(state, CheckDuration(PG_GETARG_FLOAT8(1)), CheckCause(PG_GETARG_INT32(2)), 1);
		state->inputs--;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* msfunc of cuminc_merge */
Datum
cuminc_mcombine(PG_FUNCTION_ARGS)
{
	CumincState *state = MovingState(fcinfo, "cuminc_mcombine");

	if (!PG_ARGISNULL(1))
	{
		CumincStateMerge(state, PG_GETARG_DATUM(1));
		state->inputs++;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* minvfunc of cuminc_merge: a value leaves the frame */
Datum
cuminc_minvcombine(PG_FUNCTION_ARGS)
{
	CumincState *state = MovingState(fcinfo, "cuminc_minvcombine");

	if (!PG_ARGISNULL(1))
	{
		Cuminc	   *other = CumincFromDatum(PG_GETARG_DATUM(1));

		for (int i = 0; i < other->nentries; i++)
		{
			CHECK_FOR_INTERRUPTS();
			CumincStateTakeOut(state, other->entries[i].time, other->entries[i].cause,
							   other->entries[i].count);
		}
		state->inputs--;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/*
 * mfinalfunc of the cuminc aggregates: the flat value, or NULL when the
 * frame holds no input.  Reads the state only: PostgreSQL calls it again
 * as the frame moves on.
 */
Datum
cuminc_mfinal(PG_FUNCTION_ARGS)
{
	Datum		d = PG_GETARG_DATUM(0);
	ExpandedObjectHeader *eoh = jobreg_moving_state(d, &CumincMethods, "cuminc_mfinal");

	if (eoh == NULL)
		PG_RETURN_POINTER(CumincFromDatum(d));
	if (((CumincState *) eoh)->inputs <= 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jobreg_flat_copy(eoh));
}

/*
 * cuminc_subtract(a, b), a - b: the value of the persons of a that are not
 * persons of b, exactly the value counting those persons gives (pairs left
 * without persons leave it), or NULL when no one is left.  Both are sorted
 * the same way, so one pass over each; 22023 when b is not part of a.
 */
Datum
cuminc_subtract(PG_FUNCTION_ARGS)
{
	Cuminc	   *a = CumincFromDatum(PG_GETARG_DATUM(0));
	Cuminc	   *b = CumincFromDatum(PG_GETARG_DATUM(1));
	Cuminc	   *result;
	int			n = 0;
	int			j = 0;

	result = palloc0(VARSIZE(a));
	for (int i = 0; i < a->nentries; i++)
	{
		CumincEntry e = a->entries[i];
		int			cmp = 1;

		CHECK_FOR_INTERRUPTS();
		if (j < b->nentries && (cmp = CumincEntryCmp(&b->entries[j], &e)) < 0)
			NotPartOf();		/* b has a pair before a's next one: not in a */
		if (cmp == 0)
		{
			if (b->entries[j].count > e.count)
				NotPartOf();
			e.count -= b->entries[j].count;
			j++;
		}
		if (e.count > 0)
			result->entries[n++] = e;
	}
	if (j < b->nentries)
		NotPartOf();
	if (n == 0)
		PG_RETURN_NULL();
	SET_VARSIZE(result, CUMINC_HDRSZ + n * sizeof(CumincEntry));
	result->version = CUMINC_VERSION;
	result->nentries = n;
	PG_RETURN_POINTER(result);
}

/* ---------- estimation ---------- */

/* Running sums of cmprsk's variance estimator for one cause */
typedef struct CumincSums
{
	float8		f;				/* cumulative incidence */
	float8		v1,
				v2,
				v3;
	float8		var;
} CumincSums;

/*
 * A walk over the event times of a value, in order, carrying the running
 * sums of the causes in [klo, khi) only.  Nothing is kept per time, so the
 * memory is linear in the value whatever its times and causes: cuminc_at
 * follows one cause and stops at its time, cuminc_table streams its rows
 * (one per event time and cause) into the tuplestore.
 */
typedef struct CumincWalk
{
	const Cuminc *c;
	int			next;			/* the next entry to read */
	int64		n;				/* persons */
	int64		processed;		/* persons who left before the next entry */
	float8		fk;				/* overall survival before the next entry */
	float8		last_time;		/* largest follow-up time */
	int			ntimes;			/* event times */
	int			ncauses;
	int32	   *causes;			/* causes with an event, ascending */
	int			klo,
				khi;
	int64	   *d;				/* [k - klo]: events at the current time */
	CumincSums *sums;			/* [k - klo] */
	/* the current event time, after CumincWalkNext */
	float8		time;
	int64		nrisk;			/* persons at risk at it */
} CumincWalk;

static int
Int32Cmp(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

/* The index of a cause among the causes with events, or -1 */
static int
CauseIndex(const CumincWalk *w, int32 cause)
{
	int32	   *found = bsearch(&cause, w->causes, w->ncauses, sizeof(int32), Int32Cmp);

	return found ? (int) (found - w->causes) : -1;
}

/* Persons, causes and follow-up of c; then CumincWalkKeep chooses causes */
static void
CumincWalkInit(CumincWalk *w, const Cuminc *c)
{
	int			nc = 0;
	float8		last_event = 0;

	memset(w, 0, sizeof(*w));
	w->c = c;
	w->fk = 1;
	w->causes = palloc(Max(c->nentries, 1) * sizeof(int32));
	for (int i = 0; i < c->nentries; i++)
	{
		w->n += c->entries[i].count;
		if (c->entries[i].cause > 0)
		{
			if (nc == 0 || c->entries[i].time != last_event)
				w->ntimes++;
			last_event = c->entries[i].time;
			w->causes[nc++] = c->entries[i].cause;
		}
	}
	qsort(w->causes, nc, sizeof(int32), Int32Cmp);
	w->ncauses = qunique(w->causes, nc, sizeof(int32), Int32Cmp);
	if (c->nentries > 0)
		w->last_time = c->entries[c->nentries - 1].time;
}

static void
CumincWalkKeep(CumincWalk *w, int klo, int khi)
{
	w->klo = klo;
	w->khi = khi;
	w->d = palloc(Max(khi - klo, 1) * sizeof(int64));
	w->sums = palloc0(Max(khi - klo, 1) * sizeof(CumincSums));
}

/*
 * Add the variance terms of d events at a time with rs at risk, overall
 * survival fk before and fkn after it; t3 and t4 are the weights of the
 * terms as cmprsk's cinc defines them.
 */
static inline void
AddVarianceTerm(CumincSums *s, float8 fk, float8 rs, int64 d, float8 t3, float8 t4)
{
	float8		t5 = d > 1 ? 1 - (float8) (d - 1) / (rs - 1) : 1;
	float8		t6 = fk * fk * t5 * (float8) d / (rs * rs);

	s->v1 += t4 * t4 * t6;
	s->v2 += t3 * t4 * t6;
	s->v3 += t3 * t3 * t6;
}

/*
 * Step to the next time with an event of any cause; false after the last.
 *
 * Aalen-Johansen estimates with the variance of cmprsk::cuminc (Robert
 * Gray's cinc): at a time with rs at risk, d_k events of cause k and d
 * events in all, the overall Kaplan-Meier survival goes from fk to
 * fk (rs - d) / rs, F_k grows by fk d_k / rs, and three running sums per
 * cause give the variance.  Between a cause's own events its variance does
 * not change (the other causes' terms cancel), so, as cmprsk, it is only
 * recomputed at the cause's events.  A cause's sums depend on the other
 * causes only through d, so following some causes gives the same numbers
 * as following all.  The order of the floating-point operations follows
 * cmprsk's.
 */
static bool
CumincWalkNext(CumincWalk *w)
{
	const Cuminc *c = w->c;
	int			nkept = w->khi - w->klo;

	while (w->next < c->nentries)
	{
		float8		time = c->entries[w->next].time;
		int64		nd = 0;
		int64		nall = 0;
		float8		rs = (float8) (w->n - w->processed);

		CHECK_FOR_INTERRUPTS();
		memset(w->d, 0, Max(nkept, 1) * sizeof(int64));
		for (; w->next < c->nentries && c->entries[w->next].time == time; w->next++)
		{
			const CumincEntry *e = &c->entries[w->next];
			int			k;

			nall += e->count;
			if (e->cause == 0)
				continue;
			nd += e->count;
			k = nkept > 0 ? CauseIndex(w, e->cause) : -1;
			if (k >= w->klo && k < w->khi)
				w->d[k - w->klo] = e->count;
		}
		if (nd > 0)
		{
			float8		fk = w->fk;
			float8		fkn = fk * (rs - (float8) nd) / rs;

			w->time = time;
			w->nrisk = w->n - w->processed;
			for (int j = 0; j < nkept; j++)
			{
				CumincSums *s = &w->sums[j];
				int64		dk = w->d[j];
				int64		nd2 = nd - dk;

				if (dk > 0)
					s->f = s->f + fk * (float8) dk / rs;
				if (nd2 > 0 && fkn > 0)
					AddVarianceTerm(s, fk, rs, nd2, 1. / fkn, s->f / fkn);
				if (dk > 0)
				{
					float8		t3 = fkn > 0 ? 1 / fkn : 0;

					AddVarianceTerm(s, fk, rs, dk, t3, 1 + t3 * s->f);
					s->var = s->v1 + s->f * s->f * s->v3 - 2 * s->f * s->v2;
				}
			}
			w->fk = fkn;
			w->processed += nall;
			return true;
		}
		w->processed += nall;
	}
	return false;
}

/*
 * Disclosure control (doc/disclosure.md): under a threshold m in force, a
 * cause's steps are merged until they hold m events of the cause and the
 * risk set at the group's first step holds m persons (as surv_table does);
 * the cause's curve is shown only at the last step of each group.  One
 * CumincGroup per followed cause; Step says whether the current time of the
 * walk closes a group of cause j.
 */
typedef struct CumincGroup
{
	int64		events;			/* events of the cause since the last shown step */
	int64		first_risk;		/* persons at risk at the group's first step, -1: none */
} CumincGroup;

static bool
GroupStep(CumincGroup *g, int64 d, int64 nrisk, int m)
{
	if (d <= 0)
		return false;
	if (g->first_risk < 0)
		g->first_risk = nrisk;
	g->events += d;
	if (g->events >= m && g->first_risk >= m)
	{
		g->events = 0;
		g->first_risk = -1;
		return true;
	}
	return false;
}

/*
 * cuminc_table(cuminc) → setof (time, cause, estimate, variance).  Under a
 * threshold a cause has a row only at the last step of each of its groups,
 * and a cause whose last events form no group ends with one row with only
 * the cause (its time and figures NULL).
 */
Datum
cuminc_table(PG_FUNCTION_ARGS)
{
	Cuminc	   *c = CumincFromDatum(PG_GETARG_DATUM(0));
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CumincWalk	w;
	int			m = jobreg_min_cell_in_force();
	CumincGroup *groups;

	CumincWalkInit(&w, c);
	if ((int64) w.ntimes * w.ncauses > CUMINC_TABLE_MAX_ROWS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cuminc_table would return too many rows: %d event times and %d causes",
						w.ntimes, w.ncauses),
				 errdetail("cuminc_table returns at most %d rows, one per event time and cause; use cuminc_at for single figures, or round the durations or group the causes.",
						   CUMINC_TABLE_MAX_ROWS)));
	InitMaterializedSRF(fcinfo, 0);
	CumincWalkKeep(&w, 0, w.ncauses);
	groups = palloc(Max(w.ncauses, 1) * sizeof(CumincGroup));
	for (int k = 0; k < w.ncauses; k++)
	{
		groups[k].events = 0;
		groups[k].first_risk = -1;
	}
	while (CumincWalkNext(&w))
	{
		for (int k = 0; k < w.ncauses; k++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			if (m > 0 && !GroupStep(&groups[k], w.d[k], w.nrisk, m))
				continue;
			values[0] = Float8GetDatum(w.time);
			values[1] = Int32GetDatum(w.causes[k]);
			values[2] = Float8GetDatum(w.sums[k].f);
			values[3] = Float8GetDatum(w.sums[k].var);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	for (int k = 0; m > 0 && k < w.ncauses; k++)
	{
		Datum		values[4] = {0};
		bool		nulls[4] = {true, false, true, true};

		if (groups[k].first_risk < 0)
			continue;
		values[1] = Int32GetDatum(w.causes[k]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * cuminc_at(cuminc, cause, t): the estimate of cuminc_table's row at the
 * last event time at or before t (0 before the first event and for a cause
 * without events); NULL past the largest follow-up time.  Under a
 * disclosure threshold it reads the curve cuminc_table shows: the estimate
 * of the cause's last shown row at or before t (0 before its first), NULL
 * when the cause has no shown row, or past its last shown row when events
 * of the cause follow.  One pass over the entries, following the one cause.
 */
Datum
cuminc_at(PG_FUNCTION_ARGS)
{
	Cuminc	   *c = CumincFromDatum(PG_GETARG_DATUM(0));
	int32		cause = PG_GETARG_INT32(1);
	float8		t = PG_GETARG_FLOAT8(2);
	CumincWalk	w;
	int			k;
	int			m = jobreg_min_cell_in_force();
	CumincGroup group = {0, -1};
	bool		shown_any = false;
	float8		last_shown = 0;
	float8		estimate = 0;

	if (cause <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cuminc_at cause must be positive"),
				 errdetail("Cause 0 marks a censored observation; causes of leaving are 1 or more.")));
	if (isnan(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cuminc_at time must not be NaN")));

	CumincWalkInit(&w, c);
	if (c->nentries == 0 || t > w.last_time)
		PG_RETURN_NULL();
	k = CauseIndex(&w, cause);
	if (k >= 0)
		CumincWalkKeep(&w, k, k + 1);
	else
		CumincWalkKeep(&w, 0, 0);
	if (m <= 0)
	{
		/* the sums after the last event time at or before t */
		while (CumincWalkNext(&w) && w.time <= t)
		{
			if (k >= 0)
				estimate = w.sums[0].f;
		}
		PG_RETURN_FLOAT8(estimate);
	}

	/*
	 * Under a threshold: the curve cuminc_table shows, the estimate at the
	 * last shown step of the cause at or before t (0 before the first),
	 * NULL past the last shown step or when the cause has none.
	 */
	if (k < 0)
		PG_RETURN_NULL();
	while (CumincWalkNext(&w))
	{
		if (!GroupStep(&group, w.d[0], w.nrisk, m))
			continue;
		if (w.time > t)
			PG_RETURN_FLOAT8(estimate);
		shown_any = true;
		last_shown = w.time;
		estimate = w.sums[0].f;
	}
	/* t is at or past the last shown step: beyond it only if nothing follows */
	if (!shown_any || (group.first_risk >= 0 && t > last_shown))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(estimate);
}
