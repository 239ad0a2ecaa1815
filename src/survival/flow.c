/*
 * src/survival/flow.c
 *		The flow type: a mergeable state of a cohort's weekly states from an
 *		origin week, its aggregates, and the readers flow_table,
 *		flow_transitions and flow_mean_weeks.
 *
 * What the readers need is, for every pair of weeks a <= b of the horizon
 * and every pair of codes (k1, k2), the number of persons observed through
 * week b who had code k1 in week a and code k2 in week b: F[k1,k2](a, b).
 * flow_table needs the diagonal (a = b: persons per code and week) and the
 * super-diagonal (b = a + 1: the week-to-week transitions that drive the
 * Aalen-Johansen estimator); flow_transitions any pair.
 *
 * The state stores F as a sparse two-dimensional difference array.  A
 * person's history from the origin is a list of runs; run i covers weeks
 * s_i..e_i (offsets from the origin) with code k_i.  For every pair of runs
 * i <= j the person adds 1 to F[k_i,k_j] on the rectangle
 * [s_i, e_i] x [s_j, e_j], which is four corner entries
 * (s_i, s_j) +1, (s_i, e_j + 1) -1, (e_i + 1, s_j) -1, (e_i + 1, e_j + 1) +1
 * (corners beyond the horizon are dropped: no query reaches them).  Then
 * F[k1,k2](a, b) is the sum of the entries (x, y, k1, k2) with x <= a and
 * y <= b.  A person with m runs costs m (m + 1) / 2 rectangles, whatever the
 * horizon, and the state holds at most (horizon + 1)^2 entries per pair of
 * codes, whatever the number of persons.  States of disjoint cohorts merge
 * by adding entries; entries that cancel to 0 are dropped, so the flat form
 * is canonical.  (For i = j the square also counts pairs a > b within one
 * run; such pairs are never asked for.)
 *
 * Representations, as for cuminc: flat (a versioned varlena of entries
 * sorted by x, y, from, to: stored as varints, format 2, and decoded for
 * readers into format 1's array) and, while aggregating, an expanded object
 * holding the entries in a grid of cells (x, y), each a short block of
 * entries sorted by (from, to), which flattens in order without a sort.
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "common/int.h"
#include "funcapi.h"
#include "lib/qunique.h"
#include "port/pg_bitutils.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "survival/flow.h"

PG_FUNCTION_INFO_V1(flow_in);
PG_FUNCTION_INFO_V1(flow_out);
PG_FUNCTION_INFO_V1(flow_recv);
PG_FUNCTION_INFO_V1(flow_send);
PG_FUNCTION_INFO_V1(flow_trans);
PG_FUNCTION_INFO_V1(flow_combine);
PG_FUNCTION_INFO_V1(flow_trans_codebook);
PG_FUNCTION_INFO_V1(flow_trans_cohort);
PG_FUNCTION_INFO_V1(flow_msfunc);
PG_FUNCTION_INFO_V1(flow_minvfunc);
PG_FUNCTION_INFO_V1(flow_mcombine);
PG_FUNCTION_INFO_V1(flow_minvcombine);
PG_FUNCTION_INFO_V1(flow_mfinal);
PG_FUNCTION_INFO_V1(flow_subtract);
PG_FUNCTION_INFO_V1(flow_table);
PG_FUNCTION_INFO_V1(flow_transitions);
PG_FUNCTION_INFO_V1(flow_mean_weeks);

#define FLOW_HDRSZ offsetof(Flow, entries)

/* codes below this are found by a direct index (and collected by a bitmap) */
#define FLOW_DIRECT_CODES 65536

/* binary form of an entry: int4 x, int4 y, int4 from, int4 to, int8 delta */
#define FLOW_SEND_ENTRY_SIZE 24

/* ---------- expanded representation ---------- */

/*
 * While aggregating, the entries live in a grid of cells, one per (x, y):
 * each cell holds its (from, to, delta) entries side by side, sorted by
 * (from, to), in a block of one pool, so that adding is a short search in
 * one or two cache lines and the flat form comes out sorted by walking the
 * cells in order (no sort, no hash).  A full block moves to the end of the
 * pool with twice the room (the old block is left unused: at most as much
 * again as the entries).  The rows of the grid are allocated when first
 * used; the pool grows by doubling.
 */
typedef struct FlowPair
{
	uint64		key;			/* from << 32 | to: the order of (from, to) */
	int64		delta;
} FlowPair;

#define FLOW_PAIR_KEY(from, to) (((uint64) (uint32) (from) << 32) | (uint32) (to))

typedef struct FlowCell
{
	int32		off;			/* the cell's block in the pool */
	int32		n;				/* entries in it, sorted by key */
	int32		cap;			/* room in it; 0 for an unused cell */
} FlowCell;

typedef struct FlowState
{
	ExpandedObjectHeader hdr;
	bool		known;			/* origin and horizon set */
	IsoWeek		origin;
	int32		horizon;
	FlowCell  **cells;			/* cells[x][y]; cells[x] NULL until row x is
								 * used; cells NULL until known */
	FlowPair   *pool;
	int64		npool;			/* pool slots in use (by blocks) */
	int64		maxpool;
	int64		nentries;		/* entries in the cells */
	int64		nonzero;		/* of which delta != 0 */
	int64		nrows;			/* moving mode: rows in the frame (not NULL) */
	int32		maxrun;			/* scratch: runs of the current person */
	FlowRun    *runs;
} FlowState;

/* The order of flow entries: by x, y, from and to */
static inline int
FlowEntryCmpInline(const FlowEntry *p, const FlowEntry *q)
{
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	if (p->from != q->from)
		return p->from < q->from ? -1 : 1;
	return (p->to > q->to) - (p->to < q->to);
}

/* The same order for qsort and bsearch */
static int
FlowEntryCmp(const void *a, const void *b)
{
	return FlowEntryCmpInline(a, b);
}

/* ---------- the stored form (format 2): entries as varints ---------- */

/*
 * Format 2 keeps the header of format 1 and writes each entry, in order, as
 * varints (little-endian base 128): x less the previous entry's x; y less
 * the previous y when x is the same, else y; from; to; and delta zigzag-
 * encoded.  An entry of a recoded flow takes 5 to 8 bytes instead of 24,
 * which is what parallel workers send to the leader and what is stored.
 * Readers get format 1's array of entries (flow_from_datum decodes).
 */
static inline int
VarintSize(uint64 v)
{
	int			n = 1;

	while (v >= 0x80)
	{
		v >>= 7;
		n++;
	}
	return n;
}

static inline uint8 *
PutVarint(uint8 *p, uint64 v)
{
	while (v >= 0x80)
	{
		*p++ = (uint8) (v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8) v;
	return p;
}

static inline uint64
Zigzag(int64 v)
{
	return ((uint64) v << 1) ^ (uint64) (v >> 63);
}

/* The encoded size of an entry after one at (*px, *py); moves *px, *py on */
static inline int
EntrySize(int32 *px, int32 *py, int32 x, int32 y, int32 from, int32 to, int64 delta)
{
	int			n = VarintSize((uint32) (x - *px)) + VarintSize((uint32) (x == *px ? y - *py : y)) +
		VarintSize((uint32) from) + VarintSize((uint32) to) + VarintSize(Zigzag(delta));

	*px = x;
	*py = y;
	return n;
}

static inline uint8 *
PutEntry(uint8 *p, int32 *px, int32 *py, int32 x, int32 y, int32 from, int32 to, int64 delta)
{
	p = PutVarint(p, (uint32) (x - *px));
	p = PutVarint(p, (uint32) (x == *px ? y - *py : y));
	p = PutVarint(p, (uint32) from);
	p = PutVarint(p, (uint32) to);
	p = PutVarint(p, Zigzag(delta));
	*px = x;
	*py = y;
	return p;
}

static inline void
PutHeader(Flow *flat, Size size, IsoWeek origin, int32 horizon, int32 nentries)
{
	memset(flat, 0, FLOW_HDRSZ);
	SET_VARSIZE(flat, size);
	flat->version = FLOW_DISK_VERSION;
	flat->origin = origin;
	flat->horizon = horizon;
	flat->nentries = nentries;
}

/* Format 2 of the entries of a flow in format 1's layout (sorted, no zeros) */
static Flow *
FlowEncode(const Flow *f)
{
	Size		size = FLOW_HDRSZ;
	int32		px = 0,
				py = 0;
	Flow	   *flat;
	uint8	   *p;

	for (int i = 0; i < f->nentries; i++)
		size += EntrySize(&px, &py, f->entries[i].x, f->entries[i].y,
						  f->entries[i].from, f->entries[i].to, f->entries[i].delta);
	flat = palloc(size);
	PutHeader(flat, size, f->origin, f->horizon, f->nentries);
	p = (uint8 *) flat + FLOW_HDRSZ;
	px = py = 0;
	for (int i = 0; i < f->nentries; i++)
		p = PutEntry(p, &px, &py, f->entries[i].x, f->entries[i].y,
					 f->entries[i].from, f->entries[i].to, f->entries[i].delta);
	Assert((Size) (p - (uint8 *) flat) == size);
	return flat;
}

static inline bool
GetVarint(const uint8 **p, const uint8 *end, uint64 *v)
{
	uint64		r = 0;

	/* most values take one byte */
	if (likely(*p < end && **p < 0x80))
	{
		*v = *(*p)++;
		return true;
	}
	for (int shift = 0; shift < 64; shift += 7)
	{
		uint8		b;

		if (*p >= end)
			return false;
		b = *(*p)++;
		r |= (uint64) (b & 0x7F) << shift;
		if ((b & 0x80) == 0)
		{
			*v = r;
			return true;
		}
	}
	return false;
}

static void FlowStoredCorrupt(const char *detail) pg_attribute_noreturn();

static void
FlowStoredCorrupt(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted flow value"),
			 errdetail_internal("%s", detail)));
}

/* Format 1's layout of a format 2 value, checked as far as decoding goes */
static Flow *
FlowDecode(const Flow *stored)
{
	const uint8 *p = (const uint8 *) stored + FLOW_HDRSZ;
	const uint8 *end = (const uint8 *) stored + VARSIZE(stored);
	int32		n = stored->nentries;
	Flow	   *f;
	int32		x = 0,
				y = 0;

	/* every entry takes at least 5 bytes */
	if (n < 0 || n > FLOW_MAX_ENTRIES || (Size) n * 5 > (Size) (end - p))
		FlowStoredCorrupt(psprintf("The value's size does not match its %d entries.", n));
	f = palloc_extended(FLOW_HDRSZ + (Size) n * sizeof(FlowEntry), MCXT_ALLOC_HUGE);
	memcpy(f, stored, FLOW_HDRSZ);
	SET_VARSIZE(f, FLOW_HDRSZ + (Size) n * sizeof(FlowEntry));
	f->version = FLOW_VERSION;
	for (int i = 0; i < n; i++)
	{
		uint64		v[5];

		for (int k = 0; k < 5; k++)
			if (!GetVarint(&p, end, &v[k]))
				FlowStoredCorrupt(psprintf("Entry %d is cut off.", i + 1));
		if (v[0] > (uint64) f->horizon - x || v[1] > (uint64) f->horizon ||
			(v[0] == 0 && v[1] > (uint64) f->horizon - y) ||
			v[2] > PG_INT32_MAX || v[3] > PG_INT32_MAX || v[4] == 0)
			FlowStoredCorrupt(psprintf("Entry %d is out of range.", i + 1));
		y = v[0] == 0 ? y + (int32) v[1] : (int32) v[1];
		x += (int32) v[0];
		f->entries[i].x = x;
		f->entries[i].y = y;
		f->entries[i].from = (int32) v[2];
		f->entries[i].to = (int32) v[3];
		f->entries[i].delta = (int64) (v[4] >> 1) ^ -(int64) (v[4] & 1);
	}
	if (p != end)
		FlowStoredCorrupt("The value has bytes after its entries.");
	return f;
}

/*
 * The flat form's entries (format 2) are canonical: sorted, zeros dropped.
 * The cells are walked in order of x and y, each cell's entries in order of
 * (from, to); they are written at p, or only measured when p is NULL.
 * Returns their bytes.
 */
static Size
FlowStateEntries(const FlowState *state, uint8 *p)
{
	uint8	   *start = p;
	Size		size = 0;
	int32		px = 0,
				py = 0;

	for (int x = 0; state->cells != NULL && x <= state->horizon; x++)
	{
		const FlowCell *row = state->cells[x];

		if (row == NULL)
			continue;
		for (int y = 0; y <= state->horizon; y++)
		{
			const FlowPair *pair = &state->pool[row[y].off];

			for (int i = 0; i < row[y].n; i++)
			{
				int32		from = (int32) (pair[i].key >> 32);
				int32		to = (int32) (uint32) pair[i].key;

				if (pair[i].delta == 0)
					continue;
				if (p == NULL)
					size += EntrySize(&px, &py, x, y, from, to, pair[i].delta);
				else
					p = PutEntry(p, &px, &py, x, y, from, to, pair[i].delta);
			}
		}
	}
	return p == NULL ? size : (Size) (p - start);
}

static Size
FlowStateFlatSize(ExpandedObjectHeader *eohptr)
{
	return FLOW_HDRSZ + FlowStateEntries((FlowState *) eohptr, NULL);
}

static void
FlowStateFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	FlowState  *state = (FlowState *) eohptr;
	Flow	   *flat = (Flow *) result;
	Size		written PG_USED_FOR_ASSERTS_ONLY;

	PutHeader(flat, allocated_size, state->origin, state->horizon, (int32) state->nonzero);
	written = FlowStateEntries(state, (uint8 *) flat + FLOW_HDRSZ);
	Assert(FLOW_HDRSZ + written == allocated_size);
}

static const ExpandedObjectMethods FlowMethods = {
	FlowStateFlatSize,
	FlowStateFlatten
};

static void
CheckEntryLimit(int64 n)
{
	if (n > FLOW_MAX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("flow value is too large"),
				 errdetail("A flow value holds at most %d entries.", FLOW_MAX_ENTRIES),
				 errhint("Recode the weekly codes into fewer states with weekline_recode, or use a shorter horizon.")));
}

static FlowState *
FlowStateCreate(MemoryContext objcxt)
{
	FlowState  *state = MemoryContextAllocZero(objcxt, sizeof(FlowState));

	EOH_init_header(&state->hdr, &FlowMethods, objcxt);
	return state;
}

/* The grid of cells, once the horizon is known */
static void
FlowStateGrid(FlowState *state)
{
	state->cells = MemoryContextAllocZero(state->hdr.eoh_context,
										  (state->horizon + 1) * sizeof(FlowCell *));
	if (state->pool == NULL)
	{
		state->maxpool = 1024;
		state->pool = MemoryContextAlloc(state->hdr.eoh_context, state->maxpool * sizeof(FlowPair));
	}
}

static pg_noinline FlowCell *
FlowStateRow(FlowState *state, int32 x)
{
	FlowCell   *row = MemoryContextAllocZero(state->hdr.eoh_context,
											 (state->horizon + 1) * sizeof(FlowCell));

	state->cells[x] = row;
	return row;
}

/* A cell's block with room for `need` entries (at least one more): moved to the pool's end */
static pg_noinline void
FlowStateGrowCell(FlowState *state, FlowCell *cell, int32 need)
{
	int32		cap = cell->cap == 0 ? 2 : 2 * cell->cap;

	while (cap < need)
		cap *= 2;

	if (state->npool + cap > state->maxpool)
	{
		state->maxpool = Max(2 * state->maxpool, state->npool + cap);
		state->pool = repalloc_huge(state->pool, (Size) state->maxpool * sizeof(FlowPair));
	}
	if (cell->n > 0)
		memcpy(&state->pool[state->npool], &state->pool[cell->off], cell->n * sizeof(FlowPair));
	cell->off = (int32) state->npool;
	cell->cap = cap;
	state->npool += cap;
}

static pg_noinline void
FlowStateOverflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("flow value counts too many persons")));
}

/* Adds delta to entry (x, y, from, to); x and y within the horizon */
static inline void
FlowStateAdd(FlowState *state, int32 x, int32 y, int32 from, int32 to, int64 delta)
{
	uint64		key = FLOW_PAIR_KEY(from, to);
	FlowCell   *row = state->cells[x];
	FlowCell   *cell;
	FlowPair   *pair;
	int			i;
	int64		old;

	if (unlikely(row == NULL))
		row = FlowStateRow(state, x);
	cell = &row[y];
	pair = &state->pool[cell->off];
	for (i = 0; i < cell->n && pair[i].key < key; i++)
		;
	if (i == cell->n || pair[i].key != key)
	{
		if (unlikely(state->nentries >= FLOW_MAX_ENTRIES))
			CheckEntryLimit(state->nentries + 1);
		if (unlikely(cell->n == cell->cap))
		{
			FlowStateGrowCell(state, cell, cell->n + 1);
			pair = &state->pool[cell->off];
		}
		memmove(&pair[i + 1], &pair[i], (cell->n - i) * sizeof(FlowPair));
		pair[i].key = key;
		pair[i].delta = 0;
		cell->n++;
		state->nentries++;
	}
	old = pair[i].delta;
	if (unlikely(pg_add_s64_overflow(old, delta, &pair[i].delta)))
		FlowStateOverflow();
	state->nonzero += (pair[i].delta != 0) - (old != 0);
}

/*
 * Adds sign * delta of k entries of one cell (x, y), sorted by (from, to),
 * each once: a merge with the cell's sorted block, from its end, instead of
 * a search and an insert per entry (merging partial states).  Entries not in
 * that order (only a corrupt value has them) are added one by one.
 */
static void
FlowStateMergeCell(FlowState *state, int32 x, int32 y, const FlowEntry *e, int k, int64 sign)
{
	FlowCell   *row = state->cells[x];
	FlowCell   *cell;
	FlowPair   *pair;
	int			fresh = 0;
	int			i,
				j,
				out;

	for (j = 1; j < k; j++)
		if (FLOW_PAIR_KEY(e[j].from, e[j].to) <= FLOW_PAIR_KEY(e[j - 1].from, e[j - 1].to))
			break;
	if (j < k || state->nentries + k > FLOW_MAX_ENTRIES)
	{
		for (j = 0; j < k; j++)
			FlowStateAdd(state, x, y, e[j].from, e[j].to, sign * e[j].delta);
		return;
	}
	if (unlikely(row == NULL))
		row = FlowStateRow(state, x);
	cell = &row[y];
	/* the keys not in the cell yet */
	pair = &state->pool[cell->off];
	for (i = 0, j = 0; j < k; j++)
	{
		uint64		key = FLOW_PAIR_KEY(e[j].from, e[j].to);

		while (i < cell->n && pair[i].key < key)
			i++;
		if (i == cell->n || pair[i].key != key)
			fresh++;
	}
	if (cell->n + fresh > cell->cap)
	{
		FlowStateGrowCell(state, cell, cell->n + fresh);
		pair = &state->pool[cell->off];
	}
	/* merge from the end, so that nothing is overwritten before it moves */
	i = cell->n - 1;
	out = cell->n + fresh - 1;
	for (j = k - 1; j >= 0; j--)
	{
		uint64		key = FLOW_PAIR_KEY(e[j].from, e[j].to);
		int64		delta = sign * e[j].delta;

		while (i >= 0 && pair[i].key > key)
			pair[out--] = pair[i--];
		if (i >= 0 && pair[i].key == key)
		{
			int64		old = pair[i].delta;
			int64		sum;

			if (unlikely(pg_add_s64_overflow(old, delta, &sum)))
				FlowStateOverflow();
			state->nonzero += (sum != 0) - (old != 0);
			pair[out].key = key;
			pair[out--].delta = sum;
			i--;
		}
		else
		{
			pair[out].key = key;
			pair[out--].delta = delta;
			state->nonzero += delta != 0;
		}
	}
	Assert(out == i);
	cell->n += fresh;
	state->nentries += fresh;
}

/* ---------- checks ---------- */

void
flow_check_horizon(int64 horizon)
{
	if (horizon < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("flow horizon %lld is negative", (long long) horizon),
				 errdetail("The horizon is the number of weeks after the origin week, 0 or more.")));
	if (horizon > FLOW_MAX_HORIZON)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("flow horizon %lld is too large", (long long) horizon),
				 errdetail("A flow follows a cohort for at most %d weeks after its origin week.",
						   FLOW_MAX_HORIZON)));
}

static int
Int32Cmp(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

static inline int
CodeIndex(const FlowCurve *c, int32 code)
{
	int			lo = 0,
				hi = c->ncodes - 1;

	if (code >= 0 && code < c->ndirect)
		return c->direct[code];

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (c->codes[mid] == code)
			return mid;
		if (c->codes[mid] < code)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static void FlowCorrupt(int sqlstate, const char *detail) pg_attribute_noreturn();

static void
FlowCorrupt(int sqlstate, const char *detail)
{
	/* 22023 is flow_subtract's: the subtracted flow was not part of the other */
	ereport(ERROR,
			(errcode(sqlstate),
			 sqlstate == ERRCODE_INVALID_PARAMETER_VALUE
			 ? errmsg("flow to subtract is not part of the flow it is subtracted from")
			 : errmsg("invalid flow value"),
			 errdetail_internal("%s", detail)));
}

/* The distinct codes of the entries, by sorting all of them */
static void
CollectCodesBySort(const Flow *f, FlowCurve *c)
{
	int			n = 0;

	c->codes = palloc(Max(2 * f->nentries, 1) * sizeof(int32));
	for (int i = 0; i < f->nentries; i++)
	{
		c->codes[n++] = f->entries[i].from;
		c->codes[n++] = f->entries[i].to;
	}
	qsort(c->codes, n, sizeof(int32), Int32Cmp);
	c->ncodes = qunique(c->codes, n, sizeof(int32), Int32Cmp);
}

/* The sorted distinct codes, and their direct index when they are small */
static void
SetDirect(FlowCurve *c, int32 *codes, int n)
{
	c->codes = codes;
	c->ncodes = n;
	/* (codes are not negative in a valid value; a corrupt one is looked up by search) */
	if (n > 0 && codes[0] >= 0 && codes[n - 1] < FLOW_DIRECT_CODES)
	{
		c->ndirect = codes[n - 1] + 1;
		c->direct = palloc(c->ndirect * sizeof(int16));
		memset(c->direct, -1, c->ndirect * sizeof(int16));
		for (int k = 0; k < n; k++)
			c->direct[codes[k]] = (int16) k;
	}
}

/*
 * The distinct codes of the entries, sorted, and a direct index of them
 * when they are small.  A flow has few codes (states): each code is looked
 * up in the short sorted list of those seen so far, and inserted when new.
 * Beyond FLOW_MAX_CODES codes (a value no reader accepts) the codes are
 * sorted all at once instead, so that the caller can report their number.
 */
static void
CollectCodes(const Flow *f, FlowCurve *c)
{
	int32	   *codes = palloc((FLOW_MAX_CODES + 1) * sizeof(int32));
	int			n = 0;
	int32		last1 = -1,
				last2 = -1;
	uint64	   *seen = palloc0((FLOW_DIRECT_CODES / 64) * sizeof(uint64));
	uint32		any = 0;

	c->ndirect = 0;
	c->direct = NULL;
	/* codes below FLOW_DIRECT_CODES (the usual case) are marked in a bitmap */
	for (int i = 0; i < f->nentries; i++)
	{
		uint32		from = (uint32) f->entries[i].from;
		uint32		to = (uint32) f->entries[i].to;

		any |= from | to;
		if ((from | to) >= FLOW_DIRECT_CODES)
			break;
		seen[from >> 6] |= UINT64CONST(1) << (from & 63);
		seen[to >> 6] |= UINT64CONST(1) << (to & 63);
	}
	if (any < FLOW_DIRECT_CODES)
	{
		for (int w = 0; w < FLOW_DIRECT_CODES / 64; w++)
			n += pg_popcount64(seen[w]);
		if (n > FLOW_MAX_CODES)
		{
			pfree(codes);
			pfree(seen);
			CollectCodesBySort(f, c);
			return;
		}
		n = 0;
		for (int w = 0; w < FLOW_DIRECT_CODES / 64; w++)
			for (uint64 bits = seen[w]; bits != 0; bits &= bits - 1)
				codes[n++] = w * 64 + pg_rightmost_one_pos64(bits);
		pfree(seen);
		SetDirect(c, codes, n);
		return;
	}
	pfree(seen);
	for (int i = 0; i < f->nentries; i++)
	{
		for (int side = 0; side < 2; side++)
		{
			int32		code = side == 0 ? f->entries[i].from : f->entries[i].to;
			int			lo = 0,
						hi = n;

			if (code == last1 || code == last2)
				continue;
			last2 = last1;
			last1 = code;
			while (lo < hi)
			{
				int			mid = lo + (hi - lo) / 2;

				if (codes[mid] < code)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < n && codes[lo] == code)
				continue;
			if (n == FLOW_MAX_CODES)
			{
				pfree(codes);
				CollectCodesBySort(f, c);
				return;
			}
			memmove(&codes[lo + 1], &codes[lo], (n - lo) * sizeof(int32));
			codes[lo] = code;
			n++;
		}
	}
	SetDirect(c, codes, n);
}

/*
 * p <- p M and C <- M' C M + sum_a p_a^2 (diag(pi_a) - pi_a pi_a') / Y_a,
 * with row a of M the transition shares pi_a of the Y_a persons in code a
 * last week who are observed this week (the identity row when Y_a = 0).
 * N is the S x S matrix of transition counts, Y its row sums.  M is sparse
 * (mostly its diagonal): the product walks its non-zero cells.
 */
static void
AalenJohansenStep(int S, const int64 *N, float8 *p, float8 *C, float8 *work,
				  float8 *pnew, int *nzrow, int *nzcol, float8 *nzval)
{
	int			nnz = 0;

	for (int a = 0; a < S; a++)
	{
		int64		Y = 0;

		for (int b = 0; b < S; b++)
			Y += N[a * S + b];
		if (Y == 0)
		{
			nzrow[nnz] = a;
			nzcol[nnz] = a;
			nzval[nnz++] = 1;
			continue;
		}
		for (int b = 0; b < S; b++)
		{
			if (N[a * S + b] == 0)
				continue;
			nzrow[nnz] = a;
			nzcol[nnz] = b;
			nzval[nnz++] = (float8) N[a * S + b] / (float8) Y;
		}
	}

	/* work = C M */
	memset(work, 0, sizeof(float8) * S * S);
	for (int z = 0; z < nnz; z++)
		for (int i = 0; i < S; i++)
			work[i * S + nzcol[z]] += C[i * S + nzrow[z]] * nzval[z];
	/* C = M' work */
	memset(C, 0, sizeof(float8) * S * S);
	for (int z = 0; z < nnz; z++)
		for (int j = 0; j < S; j++)
			C[nzcol[z] * S + j] += nzval[z] * work[nzrow[z] * S + j];

	/* the multinomial variance of each row's shares, weighted by p_a^2 */
	for (int z0 = 0; z0 < nnz;)
	{
		int			a = nzrow[z0];
		int			z1 = z0;
		int64		Y = 0;

		while (z1 < nnz && nzrow[z1] == a)
			z1++;
		for (int b = 0; b < S; b++)
			Y += N[a * S + b];
		if (Y > 0 && p[a] != 0)
		{
			float8		w = p[a] * p[a] / (float8) Y;

			for (int u = z0; u < z1; u++)
				for (int v = z0; v < z1; v++)
					C[nzcol[u] * S + nzcol[v]] +=
						w * ((u == v ? nzval[u] : 0) - nzval[u] * nzval[v]);
		}
		z0 = z1;
	}

	/* p = p M */
	memset(pnew, 0, sizeof(float8) * S);
	for (int z = 0; z < nnz; z++)
		pnew[nzcol[z]] += p[nzrow[z]] * nzval[z];
	memcpy(p, pnew, sizeof(float8) * S);
}

/*
 * The derived figures of a flow, which also checks that the entries
 * describe persons: every count of persons derived from them not negative,
 * nobody in two codes in one week, and the week-to-week transitions adding
 * up to the persons of both weeks.  sqlstate is the error to raise
 * otherwise.
 *
 * F[k1,k2](w, w) is the sum of the entries with max(x, y) <= w (for the
 * diagonal, in a sweep over the weeks), and F[k1,k2](w - 1, w) is
 * F(w - 1, w - 1) plus the entries with y = w and x < w.
 */
static void
FlowDerive(const Flow *f, FlowCurve *c, int sqlstate)
{
	int			S,
				W;
	int64	   *diag;			/* F(w, w), S x S, running */
	int64	   *N;				/* F(w - 1, w) */
	int		   *bymax;			/* entry indexes sorted by max(x, y) */
	int		   *byy;			/* entries with x < y, sorted by y */
	int			nbyy = 0;
	int		   *count;
	float8	   *p,
			   *C,
			   *work,
			   *pnew,
			   *nzval;
	int		   *nzrow,
			   *nzcol;
	int			im = 0,
				iy = 0;
	bool		alive = true;

	CollectCodes(f, c);
	S = c->ncodes;
	W = c->nweeks = f->horizon + 1;
	if (S > FLOW_MAX_CODES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("flow value has too many distinct codes: %d", S),
				 errdetail("A flow can be read with at most %d distinct codes.", FLOW_MAX_CODES),
				 errhint("Recode the weekly codes into fewer states with weekline_recode.")));

	/* bucket sort of the entries by max(x, y) and, for x < y, by y */
	count = palloc0((W + 1) * sizeof(int));
	for (int i = 0; i < f->nentries; i++)
		count[Max(f->entries[i].x, f->entries[i].y) + 1]++;
	for (int w = 0; w < W; w++)
		count[w + 1] += count[w];
	bymax = palloc(Max(f->nentries, 1) * sizeof(int));
	for (int i = 0; i < f->nentries; i++)
		bymax[count[Max(f->entries[i].x, f->entries[i].y)]++] = i;
	memset(count, 0, (W + 1) * sizeof(int));
	for (int i = 0; i < f->nentries; i++)
		if (f->entries[i].x < f->entries[i].y)
			count[f->entries[i].y + 1]++, nbyy++;
	for (int w = 0; w < W; w++)
		count[w + 1] += count[w];
	byy = palloc(Max(nbyy, 1) * sizeof(int));
	for (int i = 0; i < f->nentries; i++)
		if (f->entries[i].x < f->entries[i].y)
			byy[count[f->entries[i].y]++] = i;
	/* bymax and byy are now in order of max(x, y) and y (stable per bucket) */

	diag = palloc0(sizeof(int64) * S * S);
	N = palloc(sizeof(int64) * S * S);
	c->persons = palloc0(sizeof(int64) * W * S);
	c->observed = palloc0(sizeof(int64) * W);
	c->share = palloc(sizeof(float8) * W * S);
	c->std_err = palloc(sizeof(float8) * W * S);
	p = palloc0(sizeof(float8) * S);
	C = palloc0(sizeof(float8) * S * S);
	work = palloc(sizeof(float8) * S * S);
	pnew = palloc(sizeof(float8) * S);
	nzrow = palloc(sizeof(int) * (S * S + S));
	nzcol = palloc(sizeof(int) * (S * S + S));
	nzval = palloc(sizeof(float8) * (S * S + S));

	for (int w = 0; w < W; w++)
	{
		int64		n = 0;

		CHECK_FOR_INTERRUPTS();
		/* N = F(w - 1, w) = F(w - 1, w - 1) + entries with y = w, x < w */
		memcpy(N, diag, sizeof(int64) * S * S);
		for (; iy < nbyy && f->entries[byy[iy]].y == w; iy++)
		{
			const FlowEntry *e = &f->entries[byy[iy]];

			N[CodeIndex(c, e->from) * S + CodeIndex(c, e->to)] += e->delta;
		}
		/* diag = F(w, w) */
		for (; im < f->nentries && Max(f->entries[bymax[im]].x, f->entries[bymax[im]].y) == w; im++)
		{
			const FlowEntry *e = &f->entries[bymax[im]];

			diag[CodeIndex(c, e->from) * S + CodeIndex(c, e->to)] += e->delta;
		}

		for (int a = 0; a < S; a++)
		{
			int64		rowsum = 0;
			int64		colsum = 0;

			for (int b = 0; b < S; b++)
			{
				if (diag[a * S + b] < 0 || (a != b && diag[a * S + b] != 0))
					FlowCorrupt(sqlstate, psprintf("In week %d the entries give %lld persons with codes %d and %d.",
												   w, (long long) diag[a * S + b], c->codes[a], c->codes[b]));
				if (w > 0 && N[a * S + b] < 0)
					FlowCorrupt(sqlstate, psprintf("From week %d to week %d the entries give %lld persons going from code %d to code %d.",
												   w - 1, w, (long long) N[a * S + b], c->codes[a], c->codes[b]));
				rowsum += N[a * S + b];
				colsum += N[b * S + a];
			}
			if (w > 0 && (rowsum > c->persons[(w - 1) * S + a] || colsum != diag[a * S + a]))
				FlowCorrupt(sqlstate, psprintf("The transitions from week %d to week %d do not add up to the persons of code %d in those weeks.",
											   w - 1, w, c->codes[a]));
			c->persons[w * S + a] = diag[a * S + a];
			n += diag[a * S + a];
		}
		c->observed[w] = n;

		if (w == 0)
		{
			/*
			 * the initial distribution, taken as given (as survfit and etm
			 * do): its variance is not part of the standard errors
			 */
			for (int a = 0; a < S && n > 0; a++)
				p[a] = (float8) c->persons[a] / (float8) n;
		}
		else if (n > 0 && alive)
			AalenJohansenStep(S, N, p, C, work, pnew, nzrow, nzcol, nzval);
		if (n == 0)
			alive = false;
		for (int a = 0; a < S; a++)
		{
			c->share[w * S + a] = alive ? p[a] : get_float8_nan();
			c->std_err[w * S + a] = alive ? sqrt(Max(C[a * S + a], 0)) : get_float8_nan();
		}
	}
	Assert(im == f->nentries && iy == nbyy);
}

/*
 * The strict check of text and binary input beyond FlowDerive: every
 * F[k1,k2](a, b), at every pair of weeks, is a count (not negative).  Per
 * pair of codes F only changes at the x and y of that pair's entries, so it
 * is checked on the grid of those: at most (horizon + 1)^2 points per pair.
 */
static void
CheckAllCounts(const Flow *f, int sqlstate)
{
	FlowEntry  *e = palloc(Max(f->nentries, 1) * sizeof(FlowEntry));
	int			W = f->horizon + 1;
	int		   *xi = palloc(W * sizeof(int));
	int		   *yi = palloc(W * sizeof(int));
	int64	   *grid = NULL;
	Size		gridsize = 0;

	memcpy(e, f->entries, f->nentries * sizeof(FlowEntry));
	/* sort by pair of codes, then x, y */
	for (int i = 0; i < f->nentries; i++)
	{
		FlowEntry	t = e[i];

		/* rotate the key: from, to, x, y */
		e[i].x = t.from;
		e[i].y = t.to;
		e[i].from = t.x;
		e[i].to = t.y;
	}
	qsort(e, f->nentries, sizeof(FlowEntry), FlowEntryCmp);
	for (int i0 = 0; i0 < f->nentries;)
	{
		int			i1 = i0;
		int			nx = 0,
					ny = 0;
		Size		need;

		CHECK_FOR_INTERRUPTS();
		while (i1 < f->nentries && e[i1].x == e[i0].x && e[i1].y == e[i0].y)
			i1++;
		/* distinct x (in e.from) and y (in e.to) of this pair */
		memset(xi, -1, W * sizeof(int));
		memset(yi, -1, W * sizeof(int));
		for (int i = i0; i < i1; i++)
		{
			xi[e[i].from] = 0;
			yi[e[i].to] = 0;
		}
		for (int w = 0; w < W; w++)
		{
			if (xi[w] == 0)
				xi[w] = nx++;
			else
				xi[w] = -1;
			if (yi[w] == 0)
				yi[w] = ny++;
			else
				yi[w] = -1;
		}
		/* the loop above renumbers: positions with a 0 mark get an index */
		need = (Size) nx * ny;
		if (need > gridsize)
		{
			grid = grid ? repalloc_huge(grid, need * sizeof(int64))
				: palloc_extended(need * sizeof(int64), MCXT_ALLOC_HUGE);
			gridsize = need;
		}
		memset(grid, 0, need * sizeof(int64));
		for (int i = i0; i < i1; i++)
			grid[(Size) xi[e[i].from] * ny + yi[e[i].to]] += e[i].delta;
		for (int a = 0; a < nx; a++)
		{
			for (int b = 0; b < ny; b++)
			{
				int64		v = grid[(Size) a * ny + b];

				if (a > 0)
					v += grid[(Size) (a - 1) * ny + b];
				if (b > 0)
					v += grid[(Size) a * ny + b - 1];
				if (a > 0 && b > 0)
					v -= grid[(Size) (a - 1) * ny + b - 1];
				grid[(Size) a * ny + b] = v;
				if (v < 0)
					FlowCorrupt(sqlstate, psprintf("The entries of codes %d and %d give a negative number of persons.",
												   e[i0].x, e[i0].y));
			}
		}
		i0 = i1;
	}
	pfree(e);
	pfree(xi);
	pfree(yi);
	if (grid)
		pfree(grid);
}

/*
 * A flat value (format 2) from entries read from text or binary input, validated;
 * faults are reported with sqlstate (22P02 for text, 22P03 for binary).
 */
static Flow *
FlowBuild(IsoWeek origin, int64 horizon, FlowEntry *entries, int n, int sqlstate)
{
	Flow	   *f;
	int64		total = 0;
	FlowCurve	curve;

	if (horizon < 0 || horizon > FLOW_MAX_HORIZON)
		FlowCorrupt(sqlstate, psprintf("The horizon must be from 0 to %d weeks.", FLOW_MAX_HORIZON));
	if (origin > isoweek_max_value() - horizon || origin < isoweek_min_value())
		FlowCorrupt(sqlstate, "The weeks from the origin to the horizon must be valid ISO weeks.");
	CheckEntryLimit(n);
	for (int i = 0; i < n; i++)
	{
		FlowEntry  *e = &entries[i];

		if (e->x < 0 || e->x > horizon || e->y < 0 || e->y > horizon)
			FlowCorrupt(sqlstate, psprintf("Entry %d has weeks %d, %d outside 0 to the horizon %lld.",
										   i + 1, e->x, e->y, (long long) horizon));
		if (e->from < 0 || e->to < 0)
			FlowCorrupt(sqlstate, psprintf("Entry %d has a negative code.", i + 1));
		if (e->delta == 0)
			FlowCorrupt(sqlstate, psprintf("Entry %d is 0; entries that are 0 are left out.", i + 1));
		if (e->delta == PG_INT64_MIN ||
			pg_add_s64_overflow(total, e->delta < 0 ? -e->delta : e->delta, &total) ||
			total > FLOW_MAX_ABS_TOTAL)
			FlowCorrupt(sqlstate, "The entries are too large.");
		if (i > 0 && FlowEntryCmp(&entries[i - 1], e) >= 0)
			FlowCorrupt(sqlstate, psprintf("Entries must be sorted by x, y, from code and to code, each once; entry %d does not follow entry %d.",
										   i + 1, i));
	}

	f = palloc0(FLOW_HDRSZ + (Size) n * sizeof(FlowEntry));
	SET_VARSIZE(f, FLOW_HDRSZ + (Size) n * sizeof(FlowEntry));
	f->version = FLOW_VERSION;
	f->origin = origin;
	f->horizon = (int32) horizon;
	f->nentries = n;
	if (n > 0)
		memcpy(f->entries, entries, (Size) n * sizeof(FlowEntry));
	FlowDerive(f, &curve, sqlstate);
	CheckAllCounts(f, sqlstate);
	return FlowEncode(f);
}

/*
 * A flow in format 1's layout, from a stored value of format 2 (decoded) or
 * of format 1 (as it is)
 */
Flow *
flow_from_datum(Datum d)
{
	Flow	   *f = (Flow *) PG_DETOAST_DATUM(d);

	if (VARSIZE(f) < FLOW_HDRSZ)
		FlowStoredCorrupt("The value is shorter than its header.");
	if (f->version != FLOW_VERSION && f->version != FLOW_DISK_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("unsupported flow format version %d", f->version),
				 errdetail("This version of jobreg reads flow format versions %d and %d.",
						   FLOW_VERSION, FLOW_DISK_VERSION)));
	if (f->horizon < 0 || f->horizon > FLOW_MAX_HORIZON)
		FlowStoredCorrupt(psprintf("The horizon %d is outside 0 to %d.", f->horizon, FLOW_MAX_HORIZON));
	if (f->version == FLOW_DISK_VERSION)
		return FlowDecode(f);
	if (f->nentries < 0 ||
		VARSIZE(f) != FLOW_HDRSZ + (Size) f->nentries * sizeof(FlowEntry))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted flow value"),
				 errdetail("The value's size does not match its %d entries.", f->nentries)));
	return f;
}

/* ---------- text I/O ---------- */

static void FlowSyntaxError(const char *str, const char *p, const char *expected) pg_attribute_noreturn();

static void
FlowSyntaxError(const char *str, const char *p, const char *expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type flow: \"%s\"", str),
			 errdetail("Expected %s at position %d.", expected, (int) (p - str) + 1),
			 errhint("A flow value is written v1;origin=2015-W01;horizon=52;x,y,from>to:delta;... with the entries sorted; flow(history, origin, horizon) makes one.")));
}

static int64
ParseInt(const char *str, const char **p, bool sign, const char *what)
{
	const char *start = *p;
	bool		neg = false;
	int64		val = 0;

	if (sign && (**p == '-' || **p == '+'))
	{
		neg = **p == '-';
		(*p)++;
	}
	if (!isdigit((unsigned char) **p))
		FlowSyntaxError(str, start, what);
	while (isdigit((unsigned char) **p))
	{
		if (pg_mul_s64_overflow(val, 10, &val) ||
			pg_add_s64_overflow(val, **p - '0', &val))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s at position %d is out of range for type flow",
							what, (int) (start - str) + 1)));
		(*p)++;
	}
	return neg ? -val : val;
}

static int32
ParseInt32(const char *str, const char **p, const char *what)
{
	const char *start = *p;
	int64		v = ParseInt(str, p, false, what);

	if (v > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s at position %d is out of range for type flow",
						what, (int) (start - str) + 1)));
	return (int32) v;
}

static void
ExpectText(const char *str, const char **p, const char *lit)
{
	size_t		len = strlen(lit);

	if (strncmp(*p, lit, len) != 0)
		FlowSyntaxError(str, *p, psprintf("\"%s\"", lit));
	*p += len;
}

/*
 * Text form: v1;origin=<isoweek>;horizon=<weeks> then ;x,y,from>to:delta
 * per entry, entries sorted by x, y, from, to; no spaces.
 */
Datum
flow_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	const char *start;
	char	   *weektext;
	IsoWeek		origin;
	int64		horizon;
	int			n = 0,
				size = 16;
	FlowEntry  *entries = palloc(size * sizeof(FlowEntry));

	jobreg_check_state_io("flow");
	ExpectText(str, &p, "v1;origin=");
	start = p;
	while (*p != '\0' && *p != ';')
		p++;
	weektext = pnstrdup(start, p - start);
	origin = DatumGetIsoWeek(DirectFunctionCall1(isoweek_in, CStringGetDatum(weektext)));
	ExpectText(str, &p, ";horizon=");
	start = p;
	horizon = ParseInt(str, &p, false, "a horizon");
	if (horizon > FLOW_MAX_HORIZON)
		FlowCorrupt(ERRCODE_INVALID_TEXT_REPRESENTATION,
					psprintf("The horizon must be from 0 to %d weeks.", FLOW_MAX_HORIZON));
	while (*p == ';')
	{
		p++;
		if (n == size)
		{
			CheckEntryLimit(n + 1);
			size *= 2;
			entries = repalloc_huge(entries, size * sizeof(FlowEntry));
		}
		entries[n].x = ParseInt32(str, &p, "a week");
		ExpectText(str, &p, ",");
		entries[n].y = ParseInt32(str, &p, "a week");
		ExpectText(str, &p, ",");
		entries[n].from = ParseInt32(str, &p, "a code");
		ExpectText(str, &p, ">");
		entries[n].to = ParseInt32(str, &p, "a code");
		ExpectText(str, &p, ":");
		entries[n].delta = ParseInt(str, &p, true, "a count");
		n++;
	}
	if (*p != '\0')
		FlowSyntaxError(str, p, "\";\" or the end of input");
	PG_RETURN_POINTER(FlowBuild(origin, horizon, entries, n, ERRCODE_INVALID_TEXT_REPRESENTATION));
}

Datum
flow_out(PG_FUNCTION_ARGS)
{
	Flow	   *f = flow_from_datum(PG_GETARG_DATUM(0));
	StringInfoData buf;
	char		week[ISOWEEK_TEXT_LEN];

	jobreg_check_state_io("flow");

	initStringInfo(&buf);
	isoweek_format(f->origin, week);
	appendStringInfo(&buf, "v1;origin=%s;horizon=%d", week, f->horizon);
	for (int i = 0; i < f->nentries; i++)
	{
		const FlowEntry *e = &f->entries[i];

		appendStringInfo(&buf, ";%d,%d,%d>%d:" INT64_FORMAT,
						 e->x, e->y, e->from, e->to, e->delta);
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: uint8 format version, int4 origin (weeks since 2000-W01),
 * int4 horizon, int4 number of entries, then per entry int4 x, int4 y,
 * int4 from, int4 to, int8 delta.  Validated like text input.
 */
Datum
flow_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	IsoWeek		origin;
	int32		horizon;
	int			n;
	FlowEntry  *entries;

	jobreg_check_state_io("flow");

	if (buf->len - buf->cursor < 13)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("flow binary value is too short"),
				 errdetail("It needs a format version byte, the origin, the horizon and a count of entries.")));
	version = pq_getmsgbyte(buf);
	if (version != FLOW_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported flow binary format version %d", version),
				 errdetail("This version of jobreg reads flow format version %d.", FLOW_VERSION)));
	origin = (IsoWeek) pq_getmsgint(buf, 4);
	horizon = (int32) pq_getmsgint(buf, 4);
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > (buf->len - buf->cursor) / FLOW_SEND_ENTRY_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of flow entries %d", n),
				 errdetail("The message has %d bytes left for entries of %d bytes.",
						   buf->len - buf->cursor, FLOW_SEND_ENTRY_SIZE)));
	entries = palloc_extended(Max(n, 1) * sizeof(FlowEntry), MCXT_ALLOC_HUGE);
	for (int i = 0; i < n; i++)
	{
		entries[i].x = (int32) pq_getmsgint(buf, 4);
		entries[i].y = (int32) pq_getmsgint(buf, 4);
		entries[i].from = (int32) pq_getmsgint(buf, 4);
		entries[i].to = (int32) pq_getmsgint(buf, 4);
		entries[i].delta = pq_getmsgint64(buf);
	}
	PG_RETURN_POINTER(FlowBuild(origin, horizon, entries, n, ERRCODE_INVALID_BINARY_REPRESENTATION));
}

Datum
flow_send(PG_FUNCTION_ARGS)
{
	Flow	   *f = flow_from_datum(PG_GETARG_DATUM(0));
	StringInfoData buf;

	jobreg_check_state_io("flow");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FLOW_VERSION);
	pq_sendint32(&buf, f->origin);
	pq_sendint32(&buf, f->horizon);
	pq_sendint32(&buf, f->nentries);
	for (int i = 0; i < f->nentries; i++)
	{
		pq_sendint32(&buf, f->entries[i].x);
		pq_sendint32(&buf, f->entries[i].y);
		pq_sendint32(&buf, f->entries[i].from);
		pq_sendint32(&buf, f->entries[i].to);
		pq_sendint64(&buf, f->entries[i].delta);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- aggregates ---------- */

static void
SetFrame(FlowState *state, IsoWeek origin, int32 horizon)
{
	char		w1[ISOWEEK_TEXT_LEN];
	char		w2[ISOWEEK_TEXT_LEN];

	if (!state->known)
	{
		state->known = true;
		state->origin = origin;
		state->horizon = horizon;
		FlowStateGrid(state);
		return;
	}
	if (state->origin == origin && state->horizon == horizon)
		return;
	isoweek_format(state->origin, w1);
	isoweek_format(origin, w2);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("flow origins and horizons differ: %s + %d weeks and %s + %d weeks",
					w1, state->horizon, w2, horizon),
			 errdetail("Only flows of the same origin week and horizon can be merged; every row of the flow aggregate must give the same origin and horizon.")));
}

/* Adds (sign 1) or takes out (sign -1) the entries of a flat flow */
static void
AddFlat(FlowState *state, const Flow *f, int64 sign)
{
	int			i1;

	SetFrame(state, f->origin, f->horizon);
	/* cell by cell: the entries of one (x, y) are next to each other */
	for (int i0 = 0; i0 < f->nentries; i0 = i1)
	{
		const FlowEntry *e = &f->entries[i0];

		for (i1 = i0 + 1; i1 < f->nentries && f->entries[i1].x == e->x && f->entries[i1].y == e->y; i1++)
			;
		if ((i0 >> 10) != (i1 >> 10))
			CHECK_FOR_INTERRUPTS();
		/* a flat value's deltas are never PG_INT64_MIN (checked on input, not made by adding) */
		FlowStateMergeCell(state, e->x, e->y, e, i1 - i0, sign);
	}
}

static FlowState *
GetState(FunctionCallInfo fcinfo, int argno)
{
	FlowState  *state;
	Flow	   *f;

	state = (FlowState *) jobreg_expanded_arg(fcinfo, argno, &FlowMethods);
	if (state != NULL)
		return state;
	state = FlowStateCreate(jobreg_state_context(fcinfo));
	if (!PG_ARGISNULL(argno))
	{
		f = flow_from_datum(PG_GETARG_DATUM(argno));
		AddFlat(state, f, 1);
		/* in moving mode: a state that was flattened held rows */
		state->nrows = 1;
	}
	return state;
}

/*
 * 22023 for the first code before week `origin` that the codebook does not
 * list, as the codebook form reports it
 */
static void
CheckCodesBefore(const struct varlena *wl, IsoWeek origin, const CodebookMap *cm)
{
	WeeklineReader r;
	WeeklineRun run;

	if (!weekline_reader_init(&r, wl))
		return;
	while (weekline_next(&r, &run) && run.start < origin)
		if (run.code != 0 && codebook_group(cm, run.code) == 0)
			codebook_unknown_code(codebook_name(cm), run.code, run.start);
}

/*
 * Adds one person: the runs of the weekline from the origin to the horizon
 * (or its last week), as rectangles of the pairs of runs.  With a cohort,
 * only a person whose code in the origin week (before the codebook) is in
 * it; a code the codebook does not list before the origin is then reported
 * only for a person of the cohort.  The codebook of a cohort is looked up
 * (argument 4 of fcinfo) only for a person of the cohort.
 */
static void
AddPerson(FlowState *state, const struct varlena *wl, int64 sign, const CodebookMap *cm,
		  const WeeklineCodes *cohort, FunctionCallInfo fcinfo)
{
	WeeklineReader r;
	WeeklineRun run;
	IsoWeek		first;
	IsoWeek		stop = state->origin + state->horizon;	/* last week wanted */
	int			m = 0;
	FlowRun    *runs;
	bool		pending = false;	/* run is read and not yet added */

	if (!weekline_reader_init(&r, wl))
		return;
	first = r.next;
	if (first > state->origin)
		return;
	if (cohort != NULL)
	{
		/* the runs before the origin decoded only, as code_at does */
		do
		{
			if (!weekline_next(&r, &run))
				return;
		} while (r.next <= state->origin);
		/* run holds the origin week */
		if (!weekline_codes_contain(cohort, run.code))
			return;
		cm = codebook_lookup(fcinfo, PG_GETARG_TEXT_PP(4));
		CheckCodesBefore(wl, state->origin, cm);
		pending = true;
	}
	while (pending || weekline_next(&r, &run))
	{
		IsoWeek		s = Max(run.start, state->origin);
		IsoWeek		e = Min(run.start + run.length - 1, stop);

		pending = false;

		if (run.start > stop)
			break;
		if (cm != NULL)
		{
			/* the codebook's group, as weekline_recode(w, codebook) gives it */
			int32		group = codebook_group(cm, run.code);

			if (group == 0 && run.code != 0)
				codebook_unknown_code(codebook_name(cm), run.code, run.start);
			run.code = group;
		}
		if (e < s)
			continue;
		if (m > 0 && state->runs[m - 1].code == run.code)
		{
			state->runs[m - 1].end = e - state->origin;
			continue;
		}
		if (m == state->maxrun)
		{
			state->maxrun = Max(16, state->maxrun * 2);
			state->runs = state->runs
				? repalloc(state->runs, state->maxrun * sizeof(FlowRun))
				: MemoryContextAlloc(state->hdr.eoh_context, state->maxrun * sizeof(FlowRun));
		}
		state->runs[m].start = s - state->origin;
		state->runs[m].end = e - state->origin;
		state->runs[m].code = run.code;
		m++;
	}
	/* a history that ends before the origin contributes nothing */
	if (m == 0 || state->runs[0].start != 0)
		return;

	runs = state->runs;
	for (int i = 0; i < m; i++)
	{
		int32		x0 = runs[i].start;
		int32		x1 = runs[i].end + 1;

		if ((i & 63) == 63)
			CHECK_FOR_INTERRUPTS();
		for (int j = i; j < m; j++)
		{
			int32		y0 = runs[j].start;
			int32		y1 = runs[j].end + 1;
			int32		k1 = runs[i].code;
			int32		k2 = runs[j].code;

			FlowStateAdd(state, x0, y0, k1, k2, sign);
			if (y1 <= state->horizon)
				FlowStateAdd(state, x0, y1, k1, k2, -sign);
			if (x1 <= state->horizon)
			{
				FlowStateAdd(state, x1, y0, k1, k2, -sign);
				if (y1 <= state->horizon)
					FlowStateAdd(state, x1, y1, k1, k2, sign);
			}
		}
	}
}

/* The origin and horizon of a row (arguments 2 and 3), checked */
static void
RowFrame(FunctionCallInfo fcinfo, IsoWeek *origin, int32 *horizon)
{
	*origin = PG_GETARG_ISOWEEK(2);
	*horizon = PG_GETARG_INT32(3);
	flow_check_horizon(*horizon);
	if (*origin > isoweek_max_value() - *horizon)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("flow horizon goes past the last valid ISO week")));
}

/* flow(history, origin, horizon): rows with a NULL are skipped */
Datum
flow_trans(PG_FUNCTION_ARGS)
{
	FlowState  *state;
	IsoWeek		origin;
	int32		horizon;

	jobreg_check_in_aggregate(fcinfo, "flow_trans");
	JOBREG_SKIP_ROW_IF_NULL(1, 3);
	RowFrame(fcinfo, &origin, &horizon);
	state = GetState(fcinfo, 0);
	SetFrame(state, origin, horizon);
	AddPerson(state, PG_GETARG_WEEKLINE_P(1), 1, NULL, NULL, NULL);
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/*
 * flow(history, origin, horizon, codebook): the codes mapped to the
 * codebook's groups on the way, the same state as flow(weekline_recode(
 * history, codebook), origin, horizon) without building a weekline per row.
 * Codes are checked up to the horizon (a code after it is not read).
 */
Datum
flow_trans_codebook(PG_FUNCTION_ARGS)
{
	FlowState  *state;
	IsoWeek		origin;
	int32		horizon;
	const CodebookMap *cm;

	jobreg_check_in_aggregate(fcinfo, "flow_trans");
	JOBREG_SKIP_ROW_IF_NULL(1, 4);
	RowFrame(fcinfo, &origin, &horizon);
	state = GetState(fcinfo, 0);
	SetFrame(state, origin, horizon);
	/* the codebook, kept across rows (as weekline_recode keeps it) */
	cm = codebook_lookup(fcinfo, PG_GETARG_TEXT_PP(4));
	AddPerson(state, PG_GETARG_WEEKLINE_P(1), 1, cm, NULL, NULL);
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/*
 * The cohort's codes (an int[] argument) as a set, kept for the backend
 * while the array's bytes do not change.  Not in fn_extra: the codebook's
 * cache has it.  NULL elements are an error (22004).
 */
static const WeeklineCodes *
CohortArgument(FunctionCallInfo fcinfo, int argno)
{
	static WeeklineCodesCache cache;

	return weekline_codes_cached(&cache, TopMemoryContext, PG_GETARG_DATUM(argno));
}

/*
 * flow(history, origin, horizon, codebook, cohort): flow(history, origin,
 * horizon, codebook) of the persons whose code in the origin week (before
 * recoding) is in cohort; the others are not read further, and a group
 * without any gets NULL, as with FILTER (WHERE code_at(history, origin) =
 * ANY (cohort)).  Once the group has its state, a person of the cohort is
 * read on from the origin week (the runs before it again only for the
 * codebook's check), not twice as with the filter; the cohort's array is
 * not compared element by element on every row.  Every row, in the cohort
 * or not, costs the grouping and an aggregate call, so the filter is the
 * faster for a small cohort (doc/survival.md).
 */
Datum
flow_trans_cohort(PG_FUNCTION_ARGS)
{
	int32		code;

	const WeeklineCodes *cohort;
	FlowState  *state;

	jobreg_check_in_aggregate(fcinfo, "flow_trans");
	JOBREG_SKIP_ROW_IF_NULL(1, 5);
	cohort = CohortArgument(fcinfo, 5);
	state = (FlowState *) jobreg_expanded_arg(fcinfo, 0, &FlowMethods);
	if (likely(state != NULL && state->known && state->origin == PG_GETARG_ISOWEEK(2) &&
			   state->horizon == PG_GETARG_INT32(3)))
	{
		/* the usual case: one reading of the history tests it and adds it */
		AddPerson(state, PG_GETARG_WEEKLINE_P(1), 1, NULL, cohort, fcinfo);
		PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
	}
	/*
	 * No state yet (a group stays NULL until a person of the cohort comes),
	 * or another frame: the test first, then the codebook form, which checks
	 * the frame
	 */
	if (!weekline_code_in_week(PG_GETARG_WEEKLINE_P(1), PG_GETARG_ISOWEEK(2), &code) ||
		!weekline_codes_contain(cohort, code))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* a person of the cohort: arguments 0 to 4 are the codebook form's */
	return flow_trans_codebook(fcinfo);
}

/* combine function of both aggregates, transition function of flow_merge */
Datum
flow_combine(PG_FUNCTION_ARGS)
{
	FlowState  *state;
	Flow	   *other;

	jobreg_check_in_aggregate(fcinfo, "flow_combine");
	JOBREG_SKIP_ROW_IF_NULL(1, 1);
	state = GetState(fcinfo, 0);
	other = flow_from_datum(PG_GETARG_DATUM(1));
	AddFlat(state, other, 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* ---------- moving-aggregate mode and subtraction ---------- */

/*
 * In moving mode (a window frame whose start moves) PostgreSQL adds the
 * rows entering the frame with the msfunc and takes those leaving it out
 * with the minvfunc.  Entries are whole numbers, so taking a person out
 * (adding the same rectangles with the opposite sign) is exact.  The state
 * is never NULL there, and counts the rows in the frame: the mfinalfunc
 * gives NULL for a frame without rows, as the plain aggregate does.  Once
 * the frame is empty, the next row may bring another origin and horizon.
 */
static FlowState *
MovingState(FunctionCallInfo fcinfo, const char *name)
{
	jobreg_check_in_aggregate(fcinfo, name);
	return GetState(fcinfo, 0);
}

/* A frame of the moving state for a row entering or leaving it */
static void
MovingFrame(FlowState *state, IsoWeek origin, int32 horizon)
{
	if (state->nrows == 0 && state->known &&
		(state->origin != origin || state->horizon != horizon))
	{
		/* the frame is empty: start afresh (the entries are all 0) */
		Assert(state->nonzero == 0);
		for (int x = 0; x <= state->horizon; x++)
			if (state->cells[x] != NULL)
				pfree(state->cells[x]);
		pfree(state->cells);
		state->cells = NULL;
		state->known = false;
		state->npool = 0;
		state->nentries = 0;
	}
	SetFrame(state, origin, horizon);
}

/* msfunc of flow(history, origin, horizon) */
Datum
flow_msfunc(PG_FUNCTION_ARGS)
{
	FlowState  *state = MovingState(fcinfo, "flow_msfunc");
	IsoWeek		origin;
	int32		horizon;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
	RowFrame(fcinfo, &origin, &horizon);
	MovingFrame(state, origin, horizon);
	AddPerson(state, PG_GETARG_WEEKLINE_P(1), 1, NULL, NULL, NULL);
	state->nrows++;
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* minvfunc of flow(history, origin, horizon): takes a row out, exactly */
Datum
flow_minvfunc(PG_FUNCTION_ARGS)
{
	FlowState  *state = MovingState(fcinfo, "flow_minvfunc");
	IsoWeek		origin;
	int32		horizon;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
	RowFrame(fcinfo, &origin, &horizon);
	/* the row was added with this origin and horizon */
	SetFrame(state, origin, horizon);
	AddPerson(state, PG_GETARG_WEEKLINE_P(1), -1, NULL, NULL, NULL);
	state->nrows--;
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* msfunc of flow_merge */
Datum
flow_mcombine(PG_FUNCTION_ARGS)
{
	FlowState  *state = MovingState(fcinfo, "flow_mcombine");
	Flow	   *other;

	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
	other = flow_from_datum(PG_GETARG_DATUM(1));
	MovingFrame(state, other->origin, other->horizon);
	AddFlat(state, other, 1);
	state->nrows++;
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/* minvfunc of flow_merge: takes a state out, exactly */
Datum
flow_minvcombine(PG_FUNCTION_ARGS)
{
	FlowState  *state = MovingState(fcinfo, "flow_minvcombine");

	if (PG_ARGISNULL(1))
		PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
	AddFlat(state, flow_from_datum(PG_GETARG_DATUM(1)), -1);
	state->nrows--;
	PG_RETURN_DATUM(EOHPGetRWDatum(&state->hdr));
}

/*
 * mfinalfunc of flow and flow_merge: the flat state, or NULL when the frame
 * holds no row.  Reads the state only: PostgreSQL calls it again as the
 * frame moves on.
 */
Datum
flow_mfinal(PG_FUNCTION_ARGS)
{
	Datum		d = PG_GETARG_DATUM(0);
	ExpandedObjectHeader *eoh = jobreg_moving_state(d, &FlowMethods, "flow_mfinal");

	if (eoh == NULL)
		PG_RETURN_DATUM(d);
	if (((FlowState *) eoh)->nrows == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jobreg_flat_copy(eoh));
}

/*
 * flow_subtract(a, b), a - b: the flow of the persons of a that are not
 * persons of b, exactly the flow those persons give.  The two must have
 * the same origin and horizon, and b must be part of a: a result that
 * gives a negative number of persons anywhere is an error (22023).  The
 * entries are merged in their order (both are sorted), zeros dropped.
 */
Datum
flow_subtract(PG_FUNCTION_ARGS)
{
	Flow	   *a = flow_from_datum(PG_GETARG_DATUM(0));
	Flow	   *b = flow_from_datum(PG_GETARG_DATUM(1));
	Flow	   *result;
	FlowCurve	curve;
	int			i = 0,
				j = 0,
				n = 0;

	if (a->origin != b->origin || a->horizon != b->horizon)
	{
		char		w1[ISOWEEK_TEXT_LEN];
		char		w2[ISOWEEK_TEXT_LEN];

		isoweek_format(a->origin, w1);
		isoweek_format(b->origin, w2);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("flow origins and horizons differ: %s + %d weeks and %s + %d weeks",
						w1, a->horizon, w2, b->horizon),
				 errdetail("Only a flow of the same origin week and horizon can be subtracted.")));
	}
	CheckEntryLimit((int64) a->nentries + b->nentries);
	result = palloc0(FLOW_HDRSZ + ((Size) a->nentries + b->nentries) * sizeof(FlowEntry));
	while (i < a->nentries || j < b->nentries)
	{
		int			cmp;
		FlowEntry	e;

		if ((n & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		if (i == a->nentries)
			cmp = 1;
		else if (j == b->nentries)
			cmp = -1;
		else
			cmp = FlowEntryCmpInline(&a->entries[i], &b->entries[j]);
		if (cmp < 0)
			e = a->entries[i++];
		else
		{
			e = b->entries[j];
			e.delta = cmp == 0 ? a->entries[i].delta : 0;
			if (pg_sub_s64_overflow(e.delta, b->entries[j].delta, &e.delta))
				FlowStateOverflow();
			if (cmp == 0)
				i++;
			j++;
		}
		if (e.delta != 0)
			result->entries[n++] = e;
	}
	SET_VARSIZE(result, FLOW_HDRSZ + (Size) n * sizeof(FlowEntry));
	result->version = FLOW_VERSION;
	result->origin = a->origin;
	result->horizon = a->horizon;
	result->nentries = n;
	/* b is part of a when every count of persons the result gives is one */
	FlowDerive(result, &curve, ERRCODE_INVALID_PARAMETER_VALUE);
	CheckAllCounts(result, ERRCODE_INVALID_PARAMETER_VALUE);
	PG_RETURN_POINTER(FlowEncode(result));
}

/* ---------- readers ---------- */

/* The derived figures for readers in other files (present/flow_svg.c) */
void
flow_curve(const Flow *f, FlowCurve *c)
{
	FlowDerive(f, c, ERRCODE_DATA_CORRUPTED);
}

int
flow_code_index(const FlowCurve *c, int32 code)
{
	return CodeIndex(c, code);
}


static inline bool
Suppressed(int64 persons)
{
	return jobreg_withheld(persons);
}

/*
 * Secondary suppression within one line of cells that adds up to a known
 * total (a week of flow_table, a from-code of flow_transitions): the cells
 * withheld[] marks (of those present[]) are primary; when exactly one is,
 * it would be the total less the others, so the smallest other present cell
 * is withheld too.  Two withheld cells give only their sum.
 */
static void
SecondaryInLine(const int64 *v, int n, const bool *present, bool *withheld)
{
	int			nwithheld = 0;
	int			smallest = -1;

	for (int i = 0; i < n; i++)
	{
		if (!present[i])
			continue;
		if (withheld[i])
			nwithheld++;
		else if (smallest < 0 || v[i] < v[smallest])
			smallest = i;
	}
	if (nwithheld == 1 && smallest >= 0)
		withheld[smallest] = true;
}

void
flow_withheld_week(const FlowCurve *c, int w, bool *withheld)
{
	const int64 *persons = &c->persons[(Size) w * c->ncodes];
	bool	   *present = palloc(Max(c->ncodes, 1) * sizeof(bool));

	for (int k = 0; k < c->ncodes; k++)
	{
		present[k] = true;
		withheld[k] = Suppressed(persons[k]);
	}
	if (jobreg_min_cell_in_force() > 0)
		SecondaryInLine(persons, c->ncodes, present, withheld);
	pfree(present);
}

/*
 * flow_table(flow) → setof (week, code, persons, share, std_err).  Under a
 * threshold in force a cell of fewer persons is withheld (persons, share
 * and std_err NULL), and in a week with one such cell the smallest other is
 * withheld too (SecondaryInLine), since the shares give the week's total.
 */
Datum
flow_table(PG_FUNCTION_ARGS)
{
	Flow	   *f = flow_from_datum(PG_GETARG_DATUM(0));
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FlowCurve	c;
	bool	   *withheld;

	InitMaterializedSRF(fcinfo, 0);
	FlowDerive(f, &c, ERRCODE_DATA_CORRUPTED);
	withheld = palloc(Max(c.ncodes, 1) * sizeof(bool));
	for (int w = 0; w < c.nweeks; w++)
	{
		CHECK_FOR_INTERRUPTS();
		flow_withheld_week(&c, w, withheld);
		for (int k = 0; k < c.ncodes; k++)
		{
			Datum		values[5];
			bool		nulls[5] = {false, false, false, false, false};
			Size		i = (Size) w * c.ncodes + k;

			values[0] = Int32GetDatum(w);
			values[1] = Int32GetDatum(c.codes[k]);
			values[2] = Float8GetDatum((float8) c.persons[i]);
			values[3] = Float8GetDatum(c.share[i]);
			values[4] = Float8GetDatum(c.std_err[i]);
			nulls[3] = isnan(c.share[i]);
			nulls[4] = isnan(c.std_err[i]);
			if (withheld[k])
				nulls[2] = nulls[3] = nulls[4] = true;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

/* flow_transitions(flow, from_week, to_week) → setof (from_code, to_code, persons, share) */
Datum
flow_transitions(PG_FUNCTION_ARGS)
{
	Flow	   *f = flow_from_datum(PG_GETARG_DATUM(0));
	int32		a = PG_GETARG_INT32(1);
	int32		b = PG_GETARG_INT32(2);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FlowCurve	c;
	int			S;
	int64	   *F,
			   *Fa,
			   *Fb;

	if (a < 0 || b < 0 || a > f->horizon || b > f->horizon)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("flow_transitions weeks %d and %d are outside the flow's horizon", a, b),
				 errdetail("Weeks are counted from the origin week, 0 to the horizon %d.", f->horizon)));
	if (a > b)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("flow_transitions from_week %d is after to_week %d", a, b),
				 errdetail("Transitions run forward in time: from_week must not be after to_week.")));

	InitMaterializedSRF(fcinfo, 0);
	CollectCodes(f, &c);
	S = c.ncodes;
	if (S > FLOW_MAX_CODES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("flow value has too many distinct codes: %d", S),
				 errdetail("A flow can be read with at most %d distinct codes.", FLOW_MAX_CODES)));
	/* F(a, b), and the persons per code in weeks a and b: F(a, a), F(b, b) */
	F = palloc0(sizeof(int64) * Max(S * S, 1));
	Fa = palloc0(sizeof(int64) * Max(S * S, 1));
	Fb = palloc0(sizeof(int64) * Max(S * S, 1));
	for (int i = 0; i < f->nentries; i++)
	{
		const FlowEntry *e = &f->entries[i];
		int			cell;

		if (e->x > b)
			break;				/* sorted by x */
		if (e->y > b)
			continue;
		cell = CodeIndex(&c, e->from) * S + CodeIndex(&c, e->to);
		Fb[cell] += e->delta;
		if (e->x <= a)
		{
			F[cell] += e->delta;
			if (e->y <= a)
				Fa[cell] += e->delta;
		}
	}
	/*
	 * Everybody observed in week b was observed in week a: the persons of
	 * each code in week b are a column sum, and no row sum exceeds the
	 * persons of its code in week a.  Checked here because the input
	 * functions check only the weekly and week-to-week counts this way.
	 */
	for (int k = 0; k < S; k++)
	{
		int64		row = 0;
		int64		col = 0;

		for (int j = 0; j < S; j++)
		{
			row += F[k * S + j];
			col += F[j * S + k];
		}
		if (col != Fb[k * S + k] || row > Fa[k * S + k])
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid flow value"),
					 errdetail("The persons going from week %d to week %d do not add up to the persons of code %d in those weeks.",
							   a, b, c.codes[k])));
	}
	{
		bool	   *present = palloc(Max(S, 1) * sizeof(bool));
		bool	   *withheld = palloc(Max(S, 1) * sizeof(bool));

		for (int k1 = 0; k1 < S; k1++)
		{
			const int64 *line = &F[k1 * S];
			int64		row = 0;

			for (int k2 = 0; k2 < S; k2++)
			{
				if (line[k2] < 0)
					ereport(ERROR,
							(errcode(ERRCODE_DATA_CORRUPTED),
							 errmsg("invalid flow value"),
							 errdetail("The entries give a negative number of persons.")));
				row += line[k2];
				present[k2] = line[k2] > 0;
				withheld[k2] = Suppressed(line[k2]);
			}
			/* the shares give the row's total: one withheld cell would follow */
			if (jobreg_min_cell_in_force() > 0)
				SecondaryInLine(line, S, present, withheld);
			for (int k2 = 0; k2 < S; k2++)
			{
				Datum		values[4];
				bool		nulls[4] = {false, false, false, false};
				int64		v = line[k2];

				if (v == 0)
					continue;
				values[0] = Int32GetDatum(c.codes[k1]);
				values[1] = Int32GetDatum(c.codes[k2]);
				values[2] = Float8GetDatum((float8) v);
				values[3] = Float8GetDatum((float8) v / (float8) row);
				if (withheld[k2])
					nulls[2] = nulls[3] = true;
				if (Suppressed(row))
					nulls[3] = true;
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			}
		}
	}
	return (Datum) 0;
}

/*
 * flow_mean_weeks(flow, code): the expected number of weeks in code from
 * the origin week to the horizon, the sum of the state occupation
 * probabilities over the weeks.  NULL when some week has nobody observed,
 * or, under jobreg.min_cell, fewer persons observed than the floor.
 */
Datum
flow_mean_weeks(PG_FUNCTION_ARGS)
{
	Flow	   *f = flow_from_datum(PG_GETARG_DATUM(0));
	int32		code = PG_GETARG_INT32(1);
	FlowCurve	c;
	int			k;
	float8		sum = 0;

	FlowDerive(f, &c, ERRCODE_DATA_CORRUPTED);
	k = CodeIndex(&c, code);
	for (int w = 0; w < c.nweeks; w++)
	{
		if (c.observed[w] == 0 || Suppressed(c.observed[w]))
			PG_RETURN_NULL();
		if (k >= 0)
			sum += c.share[(Size) w * c.ncodes + k];
	}
	PG_RETURN_FLOAT8(sum);
}
