/*
 * src/stats/regression.c
 *		The regression type (a mergeable model state), the aggregates
 *		logistic, poisson, cox and regression_merge, and the readers
 *		coef_table, regression_fit and predict.
 *
 * A state keeps, per distinct covariate pattern x, the sums its model's
 * likelihood needs (see stats.h): rows and events for a logistic model;
 * rows, events, exposure and two sums for R's starting values for a
 * Poisson model, with a few global sums for the constant terms of its
 * log-likelihood and deviance; per stratum, time and pattern the rows
 * leaving the risk set and their events for a Cox model.  One pass over
 * the rows is exact, memory
 * grows with the distinct patterns (at most REGRESSION_MAX_PATTERNS; for
 * Cox REGRESSION_MAX_COX_ENTRIES pairs of time and pattern), and
 * two states merge by adding their sums per pattern.  The sums are whole
 * numbers or fixed-point numbers (stats.h), so that they are exact and
 * the same in any order: merged parts, parallel plans and the whole give
 * the same value, bit for bit.  The fit runs in the readers (glm.c), on
 * the patterns (glm.c, cox.c).
 *
 * Representations, as for flow: flat (the varlena of stats.h, entries
 * sorted by pattern, so the flat form is canonical) and, while
 * aggregating, an expanded object with hash tables of the patterns and,
 * for Cox, of the entries (lib/simplehash.h; see "the expanded state").
 *
 * Rows come out as they went in: every sum is a whole number or a
 * fixed-point number, so subtracting a row's or a state's sums is exact
 * (regression_subtract, the moving-aggregate inverse transitions), and a
 * pattern, entry or stratum left without rows leaves the flat form.
 */
#include "postgres.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#ifndef WIN32
#include <sys/mman.h>			/* madvise */
#endif
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "stats/stats.h"

PG_FUNCTION_INFO_V1(regression_in);
PG_FUNCTION_INFO_V1(regression_out);
PG_FUNCTION_INFO_V1(regression_recv);
PG_FUNCTION_INFO_V1(regression_send);
PG_FUNCTION_INFO_V1(logistic_trans);
PG_FUNCTION_INFO_V1(poisson_trans);
PG_FUNCTION_INFO_V1(cox_trans);
PG_FUNCTION_INFO_V1(cox_trans_entry);
PG_FUNCTION_INFO_V1(cox_trans_strata);
PG_FUNCTION_INFO_V1(regression_combine);
PG_FUNCTION_INFO_V1(logistic_msfunc);
PG_FUNCTION_INFO_V1(logistic_minvfunc);
PG_FUNCTION_INFO_V1(poisson_msfunc);
PG_FUNCTION_INFO_V1(poisson_minvfunc);
PG_FUNCTION_INFO_V1(cox_msfunc);
PG_FUNCTION_INFO_V1(cox_minvfunc);
PG_FUNCTION_INFO_V1(cox_msfunc_entry);
PG_FUNCTION_INFO_V1(cox_minvfunc_entry);
PG_FUNCTION_INFO_V1(regression_msfunc);
PG_FUNCTION_INFO_V1(regression_minvfunc);
PG_FUNCTION_INFO_V1(regression_mfinal);
PG_FUNCTION_INFO_V1(regression_subtract);
PG_FUNCTION_INFO_V1(coef_table);
PG_FUNCTION_INFO_V1(regression_fit);
PG_FUNCTION_INFO_V1(regression_predict);

/* whole numbers of rows and events are exact in a float8 up to 2^53 */
#define REG_MAX_ROWS 9007199254740992.0

static const char *
KindName(int kind)
{
	return kind == REG_LOGISTIC ? "logistic" : kind == REG_POISSON ? "poisson" : "cox";
}

static int
KindNval(int kind)
{
	return kind == REG_LOGISTIC ? REG_LOGISTIC_NVAL : kind == REG_POISSON ? REG_POISSON_NVAL : REG_COX_NVAL;
}

/* key float8s per entry: x, or stratum, time and pattern number for Cox */
static int
KindNkey(int kind, int p)
{
	return kind == REG_COX ? REG_COX_NKEY : p;
}

/* global slots: the Poisson sums, the number of patterns of a Cox model */
static int
KindNglobal(int kind)
{
	return kind == REG_POISSON ? REG_POISSON_NGLOBAL : kind == REG_COX ? REG_COX_NGLOBAL : 0;
}

static int
KindVersion(int kind)
{
	return kind == REG_COX ? REGRESSION_COX_VERSION : REGRESSION_VERSION;
}

/*
 * The slots of a kind's values and global sums: 'f' a float8 (whole
 * numbers: rows, events of a logistic model, rows with non-integer
 * events), 'x' a fixed-point sum (two slots).  (The global slot of a Cox
 * model, its number of patterns, is not a sum.)
 */
static const char *
ValLayout(int kind)
{
	return kind == REG_POISSON ? "fxxxx" : kind == REG_COX ? "fff" : "ff";
}

static const char *
GlobalLayout(int kind)
{
	return kind == REG_POISSON ? "xxxxf" : "";
}

static inline int128
FixedGet(const float8 *slot)
{
	int128		v;

	memcpy(&v, slot, sizeof(int128));
	return v;
}

static inline void
FixedSet(float8 *slot, int128 v)
{
	memcpy(slot, &v, sizeof(int128));
}

static void
FixedAdd(float8 *slot, int128 v)
{
	int128		sum;

	if (__builtin_add_overflow(FixedGet(slot), v, &sum))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("regression sums are out of range")));
	FixedSet(slot, sum);
}

/* a row's number on the fixed-point grid */
static int128
Fixed(float8 v)
{
	if (!(fabs(v) < 0x1p66))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("regression input is out of range: %g", v),
				 errdetail("Events, exposures and their logarithms must be below 2^66 in magnitude.")));
	return (int128) rint(ldexp(v, REG_FIXED_SHIFT));
}

/* adds the slots of src to dst by a layout */
static void
AddSlots(float8 *dst, const float8 *src, const char *layout)
{
	for (; *layout; layout++)
	{
		if (*layout == 'f')
			*dst++ += *src++;
		else
		{
			FixedAdd(dst, FixedGet(src));
			dst += 2;
			src += 2;
		}
	}
}

/* subtracts the slots of src from dst by a layout (exact: whole numbers, fixed point) */
static void
SubSlots(float8 *dst, const float8 *src, const char *layout)
{
	for (; *layout; layout++)
	{
		if (*layout == 'f')
			*dst++ -= *src++;
		else
		{
			FixedAdd(dst, -FixedGet(src));
			dst += 2;
			src += 2;
		}
	}
}

/* the most entries of a flat value: patterns, or for Cox entries */
static int64
MaxEntries(int kind)
{
	return kind == REG_COX ? REGRESSION_MAX_COX_ENTRIES : REGRESSION_MAX_PATTERNS;
}

static void
CheckPatternLimit(int64 n)
{
	if (n > REGRESSION_MAX_PATTERNS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("regression has too many distinct covariate patterns"),
				 errdetail("A regression state holds at most %d distinct covariate vectors.",
						   REGRESSION_MAX_PATTERNS),
				 errhint("Coarsen the covariates: age in bands instead of years or days, fewer categories, no continuous measurements.")));
}

static void
CheckCoxEntryLimit(int64 n)
{
	if (n > REGRESSION_MAX_COX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("regression has too many distinct covariate patterns"),
				 errdetail("A cox state holds at most %d distinct pairs of time and covariate vector.",
						   REGRESSION_MAX_COX_ENTRIES),
				 errhint("Coarsen the covariates: age in bands instead of years or days, fewer categories, no continuous measurements; for cox, durations in whole weeks or months.")));
}

static void
CheckP(int64 p)
{
	if (p > REGRESSION_MAX_P)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("regression has too many covariates: %lld", (long long) p),
				 errdetail("A regression model has at most %d covariates besides the intercept.",
						   REGRESSION_MAX_P)));
}

/* ---------- the expanded state ---------- */

/*
 * While aggregating, a state numbers its distinct covariate patterns in
 * order of arrival: their covariates in keys (p float8s each), found by a
 * hash table of the pattern numbers, or, for a pattern whose covariates
 * are all 0 or 1 (the dummies of categorical covariates, the usual case),
 * by a hash table of its covariates as a 64-bit mask (p <= 64), which
 * costs a row a few instructions instead of hashing and comparing p
 * float8s.  The two tables hold disjoint patterns.  A logistic or Poisson
 * state keeps its sums per pattern (vals).  A Cox state keeps its entries,
 * (stratum, time, pattern number) with their sums, in a matrix of counts,
 * a row per pattern and a column per (stratum, time), while it has room
 * (CoxDenseSlot), and in a hash table whose cells hold the key and the sums
 * otherwise.  Both are far larger than the caches, so a Cox row of the
 * sfunc does not wait for memory: it is held back twice for COX_PENDING
 * rows, first while its pattern's cell in the mask table is prefetched
 * (CoxMasked), then while its entry's count or cell is (CoxPending).
 * CoxFlush adds the rows held back before anything reads the state.
 */

#define REG_PROBE PG_UINT32_MAX

typedef struct RegCell
{
	uint32		idx;			/* pattern index, REG_PROBE for the row at hand */
	uint32		hash;
	char		status;			/* used by simplehash */
} RegCell;

/* a binary pattern: bit j is covariate j + 1 */
typedef struct MaskCell
{
	uint64		mask;
	uint32		idx;
	char		status;
} MaskCell;

/* a Cox entry: the key and its sums, in the hash table's cell */
typedef struct CoxKey
{
	float8		time;
	int32		stratum;
	int32		pattern;
} CoxKey;

typedef struct CoxCell
{
	CoxKey		key;
	float8		v[REG_COX_NVAL];
	uint32		hash;
	char		status;
} CoxCell;

/*
 * A Cox row waiting to be added: its entry's key and hash.  The table of
 * entries is far larger than the caches (hundreds of thousands of entries),
 * so a row's probe would wait for memory; instead the row's cell is
 * prefetched when the row comes, and the row is added COX_PENDING rows
 * later, when the cell is in the cache (CoxFlush adds them all).
 */
#define COX_PENDING 16
#define COX_COLCACHE 64			/* 2^6: CoxColumn takes 6 bits of a hash */
#ifdef __GNUC__
#define REG_PREFETCH(addr) __builtin_prefetch((addr), 1)
#else
#define REG_PREFETCH(addr) ((void) 0)
#endif

typedef struct CoxPending
{
	CoxKey		key;
	uint32		hash;
	int32		col;			/* its column in the matrix, -1: in the hash table */
	bool		event;
} CoxPending;

/*
 * A Cox row of 0/1 covariates waiting for its pattern: the mask table's
 * cell is prefetched too, and the row goes on to CoxAddLater COX_PENDING
 * rows later.
 */
typedef struct CoxMasked
{
	uint64		mask;
	float8		time;
	int32		stratum;
	uint32		hash;
	bool		event;
} CoxMasked;

typedef struct RegState
{
	ExpandedObjectHeader hdr;
	bool		partial;		/* a partial aggregate's state: flattened unsorted */
	bool		known;			/* kind and p set */
	int			kind;
	int			p;
	int			nkey;			/* key float8s of a pattern: p */
	int			nval;			/* value slots per pattern (logistic, poisson) */
	int			nglobal;
	int			n;				/* patterns */
	int			cap;
	float8	   *keys;			/* cap x p */
	float8	   *vals;			/* cap x nval slots (not for Cox) */
	float8		global[REG_POISSON_NGLOBAL];
	const float8 *probe;
	struct reg_hash_hash *table;
	struct mask_hash_hash *masks;
	struct cox_hash_hash *entries;	/* Cox */
	/* Cox strata: -1 not known yet, 0 none, 1 named (labels below) */
	int			strata;
	int			nstrata;
	int			strata_cap;
	char	  **labels;			/* by stratum number, in order of arrival */
	int32	   *lens;
	const char *probe_label;
	int32		probe_len;
	int			last_stratum;	/* of the previous row, -1 before the first */
	struct strat_hash_hash *strata_table;
	/*
	 * Cox: the dense part (see CoxDenseSlot), pcap x ccap counts, a row per
	 * pattern, a column per (stratum, time) in colkey
	 */
	struct col_hash_hash *cols;
	int			ncols;
	int			ccap;
	int			pcap;
	CoxKey	   *colkey;			/* ccap */
	uint64	   *dense;			/* rows << 32 | events */
	void	   *dense_alloc;	/* its allocation */
	float8		dense_rows;		/* rows in the dense part */
	float8		cox_rows;		/* rows offered to it, for its room (CoxDenseRoom) */
	/* the columns last found, by a few bits of their time (CoxColumn) */
	struct
	{
		float8		time;
		int32		stratum;
		int32		col;		/* -1: empty */
	}			colcache[COX_COLCACHE];
	/* Cox rows not yet added (see CoxPending), a ring from pending_next */
	int			npending;
	int			pending_next;
	CoxPending	pending[COX_PENDING];
	/* Cox rows waiting for their pattern (see CoxMasked), a ring from masked_next */
	int			nmasked;
	int			masked_next;
	CoxMasked	masked[COX_PENDING];
} RegState;

/* a 64-bit mix (the finalizer of splitmix64) */
static inline uint64
Mix64(uint64 h)
{
	h ^= h >> 30;
	h *= UINT64CONST(0xBF58476D1CE4E5B9);
	h ^= h >> 27;
	h *= UINT64CONST(0x94D049BB133111EB);
	h ^= h >> 31;
	return h;
}

/* a fast hash of a key's float8s (hash_bytes costs a fifth of a row) */
static inline uint32
KeyHash(const float8 *key, int n)
{
	uint64		h = UINT64CONST(0x243F6A8885A308D3) ^ (uint64) n;

	for (int i = 0; i < n; i++)
	{
		uint64		w;

		memcpy(&w, &key[i], sizeof(uint64));
		h ^= w;
		h *= UINT64CONST(0x9E3779B97F4A7C15);
		h ^= h >> 29;
	}
	return (uint32) (h ^ (h >> 32));
}

static inline uint32
CoxKeyHash(CoxKey k)
{
	uint64		w;

	memcpy(&w, &k.time, sizeof(uint64));
	w ^= Mix64(((uint64) (uint32) k.stratum << 32) | (uint32) k.pattern);
	return (uint32) Mix64(w);
}

static inline const float8 *
KeyOf(RegState *st, uint32 idx)
{
	return idx == REG_PROBE ? st->probe : st->keys + (Size) idx * st->nkey;
}

#define SH_PREFIX reg_hash
#define SH_ELEMENT_TYPE RegCell
#define SH_KEY_TYPE uint32
#define SH_KEY idx
#define SH_HASH_KEY(tb, k) KeyHash(KeyOf((RegState *) (tb)->private_data, (k)), \
									((RegState *) (tb)->private_data)->nkey)
#define SH_EQUAL(tb, a, b) (memcmp(KeyOf((RegState *) (tb)->private_data, (a)), \
								   KeyOf((RegState *) (tb)->private_data, (b)), \
								   ((RegState *) (tb)->private_data)->nkey * sizeof(float8)) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#define SH_PREFIX mask_hash
#define SH_ELEMENT_TYPE MaskCell
#define SH_KEY_TYPE uint64
#define SH_KEY mask
#define SH_HASH_KEY(tb, k) ((uint32) Mix64(k))
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#define SH_PREFIX cox_hash
#define SH_ELEMENT_TYPE CoxCell
#define SH_KEY_TYPE CoxKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) CoxKeyHash(k)
#define SH_EQUAL(tb, a, b) ((a).time == (b).time && (a).stratum == (b).stratum && \
							(a).pattern == (b).pattern)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* a column of the dense part of a Cox state: a (stratum, time) pair (pattern 0) */
typedef struct ColCell
{
	CoxKey		key;
	int32		col;			/* the column, -1 when its entries are in the hash table only */
	uint32		hash;
	char		status;
} ColCell;

#define SH_PREFIX col_hash
#define SH_ELEMENT_TYPE ColCell
#define SH_KEY_TYPE CoxKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) CoxKeyHash(k)
#define SH_EQUAL(tb, a, b) ((a).time == (b).time && (a).stratum == (b).stratum)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* the labels of named strata, by number (as RegCell: REG_PROBE is the label at hand) */
typedef struct StratCell
{
	uint32		idx;
	uint32		hash;
	char		status;
} StratCell;

static inline const char *
LabelOf(RegState *st, uint32 idx, int32 *len)
{
	if (idx == REG_PROBE)
	{
		*len = st->probe_len;
		return st->probe_label;
	}
	*len = st->lens[idx];
	return st->labels[idx];
}

static inline uint32
LabelHash(RegState *st, uint32 idx)
{
	int32		len;
	const char *label = LabelOf(st, idx, &len);

	return hash_bytes((const unsigned char *) label, len);
}

static inline bool
LabelEqual(RegState *st, uint32 a, uint32 b)
{
	int32		alen,
				blen;
	const char *al = LabelOf(st, a, &alen);
	const char *bl = LabelOf(st, b, &blen);

	return alen == blen && memcmp(al, bl, alen) == 0;
}

#define SH_PREFIX strat_hash
#define SH_ELEMENT_TYPE StratCell
#define SH_KEY_TYPE uint32
#define SH_KEY idx
#define SH_HASH_KEY(tb, k) LabelHash((RegState *) (tb)->private_data, (k))
#define SH_EQUAL(tb, a, b) LabelEqual((RegState *) (tb)->private_data, (a), (b))
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

static int
KeyCmp(const float8 *a, const float8 *b, int p)
{
	for (int j = 0; j < p; j++)
		if (a[j] != b[j])
			return a[j] < b[j] ? -1 : 1;
	return 0;
}

/* orders pattern indexes by their keys */
static int
IndexCmp(const void *a, const void *b, void *arg)
{
	const RegState *st = arg;
	const float8 *ka = st->keys + (Size) *(const int *) a * st->nkey;
	const float8 *kb = st->keys + (Size) *(const int *) b * st->nkey;

	return KeyCmp(ka, kb, st->nkey);
}

/* orders stratum numbers by their labels */
static int
StratumCmp(const void *a, const void *b, void *arg)
{
	const RegState *st = arg;
	int			x = *(const int *) a;
	int			y = *(const int *) b;

	return jobreg_compare_labels(st->labels[x], st->lens[x], st->labels[y], st->lens[y]);
}

/* a Cox entry in the flat order: stratum rank, time, pattern rank */
typedef struct CoxOrder
{
	float8		time;
	int32		stratum;
	int32		pattern;
	const CoxCell *cell;
} CoxOrder;

static inline int
CoxOrderCmp(const CoxOrder *x, const CoxOrder *y)
{
	if (x->stratum != y->stratum)
		return x->stratum < y->stratum ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if (x->pattern != y->pattern)
		return x->pattern < y->pattern ? -1 : 1;
	return 0;
}

/* a sort with the comparison inline (a third of the time of qsort) */
#define ST_SORT cox_order_sort
#define ST_ELEMENT_TYPE CoxOrder
#define ST_COMPARE(a, b) CoxOrderCmp(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * What the flat form of a state holds: the patterns in use (a logistic or
 * Poisson pattern with rows; a Cox pattern with an entry), in their flat
 * order, and for Cox the strata in use and the entries.  Rows taken out of
 * a state (regression_subtract, the moving aggregates) can leave patterns,
 * entries and strata without rows: they are left out, so that the flat
 * form is the one the remaining rows give.
 */
typedef struct RegLayout
{
	int			npatterns;
	int		   *order;			/* pattern index by flat number */
	int		   *rank;			/* flat number by pattern index, -1 if unused */
	int			nentries;		/* Cox */
	int			nstrata;		/* Cox named strata in use */
	int		   *srank;			/* flat stratum number by stratum index */
	int		   *sorder;			/* stratum index by flat number */
	Size		labelbytes;
} RegLayout;

static void CoxSettle(RegState *st);

/* counts only (sorted = false), or the orders too */
static void
Layout(const RegState *st, RegLayout *lay, bool sorted)
{
	bool	   *used = palloc0(sizeof(bool) * Max(st->n, 1));
	bool	   *sused = palloc0(sizeof(bool) * Max(st->nstrata, 1));
	int			k = 0;

	memset(lay, 0, sizeof(RegLayout));
	if (st->kind == REG_COX && st->dense_rows > 0)
	{
		/* all in the matrix (CoxSettle) */
		for (int k = 0; k < Min(st->n, st->pcap); k++)
		{
			const uint64 *row = st->dense + (Size) k * st->ccap;

			for (int c = 0; c < st->ncols; c++)
				if (row[c] != 0)
				{
					used[k] = true;
					if (st->nstrata > 0)
						sused[st->colkey[c].stratum] = true;
					lay->nentries++;
				}
		}
	}
	else if (st->kind == REG_COX)
	{
		cox_hash_iterator it;
		CoxCell    *cell;

		cox_hash_start_iterate(st->entries, &it);
		while ((cell = cox_hash_iterate(st->entries, &it)) != NULL)
		{
			used[cell->key.pattern] = true;
			if (st->nstrata > 0)
				sused[cell->key.stratum] = true;
			lay->nentries++;
		}
	}
	else
		for (int i = 0; i < st->n; i++)
			used[i] = st->vals[(Size) i * st->nval + REG_ROWS] > 0;
	lay->order = palloc(sizeof(int) * Max(st->n, 1));
	lay->rank = palloc(sizeof(int) * Max(st->n, 1));
	for (int i = 0; i < st->n; i++)
	{
		lay->rank[i] = -1;
		if (used[i])
			lay->order[k++] = i;
	}
	lay->npatterns = k;
	lay->srank = palloc(sizeof(int) * Max(st->nstrata, 1));
	lay->sorder = palloc(sizeof(int) * Max(st->nstrata, 1));
	for (int s = 0; s < st->nstrata; s++)
	{
		lay->srank[s] = -1;
		if (sused[s])
		{
			lay->sorder[lay->nstrata++] = s;
			lay->labelbytes += sizeof(int32) + st->lens[s];
		}
	}
	if (sorted)
	{
		/* a partial state of a parallel plan is numbered as it is (below) */
		if (st->nkey > 0 && !st->partial)
			qsort_arg(lay->order, lay->npatterns, sizeof(int), IndexCmp, (void *) st);
		for (int i = 0; i < lay->npatterns; i++)
			lay->rank[lay->order[i]] = i;
		if (!st->partial)
			qsort_arg(lay->sorder, lay->nstrata, sizeof(int), StratumCmp, (void *) st);
		for (int s = 0; s < lay->nstrata; s++)
			lay->srank[lay->sorder[s]] = s;
	}
	pfree(used);
	pfree(sused);
}

static Size
LayoutFlatSize(const RegState *st, const RegLayout *lay)
{
	if (st->kind == REG_COX)
		return REGRESSION_HDRSZ + sizeof(float8) *
			(REG_COX_NGLOBAL + (Size) lay->nentries * (REG_COX_NKEY + REG_COX_NVAL) +
			 (Size) lay->npatterns * st->p) + lay->labelbytes;
	return REGRESSION_HDRSZ +
		sizeof(float8) * ((Size) st->nglobal + (Size) lay->npatterns * (st->nkey + st->nval));
}

static Size
RegFlatSize(ExpandedObjectHeader *eohptr)
{
	RegState   *st = (RegState *) eohptr;
	RegLayout	lay;

	CoxSettle(st);
	Layout(st, &lay, false);
	return LayoutFlatSize(st, &lay);
}

/* orders the matrix's columns: stratum rank, then time */
static int
ColumnCmp(const void *a, const void *b, void *arg)
{
	const CoxKey *x = (const CoxKey *) a;
	const CoxKey *y = (const CoxKey *) b;

	if (x->pattern != y->pattern)	/* here: the stratum's flat number */
		return x->pattern < y->pattern ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return 0;
}

/*
 * The entries of a Cox state whose rows are all in the matrix (CoxSettle),
 * in the flat order: the columns sorted, and in each the patterns in their
 * flat order.
 */
static void
CoxFlattenDense(const RegState *st, const RegLayout *lay, Regression *r)
{
	int			npat = Min(st->n, st->pcap);
	bool	   *colused = palloc0(sizeof(bool) * Max(st->ncols, 1));
	CoxKey	   *cols = palloc(sizeof(CoxKey) * Max(st->ncols, 1));
	int			ncols = 0;
	int			n = 0;

	for (int k = 0; k < npat; k++)
	{
		const uint64 *row = st->dense + (Size) k * st->ccap;

		for (int c = 0; c < st->ncols; c++)
			colused[c] |= row[c] != 0;
	}
	/* a column as its key, the stratum's flat number in pattern, the column in stratum */
	for (int c = 0; c < st->ncols; c++)
		if (colused[c])
		{
			cols[ncols].time = st->colkey[c].time;
			cols[ncols].pattern = st->nstrata > 0 ? lay->srank[st->colkey[c].stratum] : 0;
			cols[ncols].stratum = c;
			ncols++;
		}
	if (!st->partial)
		qsort_arg(cols, ncols, sizeof(CoxKey), ColumnCmp, NULL);
	for (int j = 0; j < ncols; j++)
	{
		int			c = cols[j].stratum;

		CHECK_FOR_INTERRUPTS();
		for (int i = 0; i < lay->npatterns; i++)
		{
			int			k = lay->order[i];
			uint64		count = k < npat ? st->dense[(Size) k * st->ccap + c] : 0;
			float8	   *key;
			float8	   *v;

			if (count == 0)
				continue;
			key = REG_KEY(r, n);
			v = REG_VAL(r, n);
			key[0] = cols[j].pattern;
			key[1] = cols[j].time;
			key[2] = i;
			v[REG_ROWS] = (float8) (count >> 32);
			v[REG_Y] = (float8) (count & PG_UINT32_MAX);
			v[REG_ENTERED] = 0;
			n++;
		}
	}
	if (n != lay->nentries)
		elog(ERROR, "regression: %d entries written, %d counted", n, lay->nentries);
	pfree(colused);
	pfree(cols);
}

/* the entries of a Cox state whose rows are all in the hash table, sorted */
static void
CoxFlattenHash(RegState *st, const RegLayout *lay, Regression *r)
{
	CoxOrder   *ents = palloc_extended(sizeof(CoxOrder) * Max(lay->nentries, 1), MCXT_ALLOC_HUGE);
	cox_hash_iterator it;
	CoxCell    *cell;
	int			n = 0;

	cox_hash_start_iterate(st->entries, &it);
	while ((cell = cox_hash_iterate(st->entries, &it)) != NULL)
	{
		ents[n].time = cell->key.time;
		ents[n].stratum = st->nstrata > 0 ? lay->srank[cell->key.stratum] : 0;
		ents[n].pattern = lay->rank[cell->key.pattern];
		ents[n].cell = cell;
		n++;
	}
	Assert(n == lay->nentries);
	if (!st->partial)
		cox_order_sort(ents, n);
	for (int i = 0; i < n; i++)
	{
		float8	   *key = REG_KEY(r, i);

		key[0] = ents[i].stratum;
		key[1] = ents[i].time;
		key[2] = ents[i].pattern;
		memcpy(REG_VAL(r, i), ents[i].cell->v, sizeof(float8) * REG_COX_NVAL);
	}
	pfree(ents);
}

/*
 * The flat form is canonical: patterns sorted, Cox entries sorted.  Not so
 * the partial state of a parallel plan's worker, which only the combine
 * function reads (AddFlat does not depend on the order): it keeps the
 * order of arrival, and the sort is done once, on the combined state.
 */
static void
RegFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	RegState   *st = (RegState *) eohptr;
	Regression *r = (Regression *) result;
	RegLayout	lay;

	CoxSettle(st);
	Layout(st, &lay, true);
	Assert(LayoutFlatSize(st, &lay) == allocated_size);
	memset(r, 0, allocated_size);
	SET_VARSIZE(r, allocated_size);
	r->version = st->kind == REG_COX ? REGRESSION_COX_VERSION : REGRESSION_VERSION;
	r->kind = st->kind;
	r->p = st->p;
	if (st->kind == REG_COX)
	{
		char	   *lp;

		r->nkey = REG_COX_NKEY;
		r->nval = REG_COX_NVAL;
		r->nglobal = REG_COX_NGLOBAL;
		r->nentries = lay.nentries;
		r->nstrata = lay.nstrata;
		r->data[0] = lay.npatterns;
		if (st->dense_rows > 0)
			CoxFlattenDense(st, &lay, r);
		else
			CoxFlattenHash(st, &lay, r);
		for (int k = 0; k < lay.npatterns; k++)
			memcpy(REG_PATTERN(r, k), st->keys + (Size) lay.order[k] * st->p, sizeof(float8) * st->p);
		lp = REG_STRATA(r);
		for (int k = 0; k < lay.nstrata; k++)
		{
			int			s = lay.sorder[k];

			memcpy(lp, &st->lens[s], sizeof(int32));
			memcpy(lp + sizeof(int32), st->labels[s], st->lens[s]);
			lp += sizeof(int32) + st->lens[s];
		}
		Assert(lp == (char *) result + allocated_size);
		return;
	}
	r->nkey = st->nkey;
	r->nval = st->nval;
	r->nglobal = st->nglobal;
	r->nentries = lay.npatterns;
	memcpy(REG_GLOBALS(r), st->global, sizeof(float8) * st->nglobal);
	for (int i = 0; i < lay.npatterns; i++)
	{
		int			o = lay.order[i];

		memcpy(REG_KEY(r, i), st->keys + (Size) o * st->nkey, sizeof(float8) * st->nkey);
		memcpy(REG_VAL(r, i), st->vals + (Size) o * st->nval, sizeof(float8) * st->nval);
	}
}

static const ExpandedObjectMethods RegMethods = {
	RegFlatSize,
	RegFlatten
};

static RegState *
RegStateCreate(MemoryContext cxt)
{
	RegState   *st = MemoryContextAllocZero(cxt, sizeof(RegState));

	EOH_init_header(&st->hdr, &RegMethods, cxt);
	st->table = reg_hash_create(cxt, 64, st);
	st->masks = mask_hash_create(cxt, 64, st);
	st->strata = -1;
	st->last_stratum = -1;
	for (int h = 0; h < COX_COLCACHE; h++)
		st->colcache[h].col = -1;
	return st;
}

/* rows in the state (an empty moving-aggregate state has none) */
static bool
StateEmpty(RegState *st)
{
	if (!st->known)
		return true;
	if (st->kind == REG_COX)
		return st->entries->members == 0 && st->npending == 0 && st->nmasked == 0 && st->dense_rows == 0;
	for (int i = 0; i < st->n; i++)
		if (st->vals[(Size) i * st->nval + REG_ROWS] > 0)
			return false;
	return true;
}

/* a Cox state with named strata or without; the two do not merge */
static void
SetStrata(RegState *st, bool named)
{
	if (st->strata < 0)
	{
		st->strata = named ? 1 : 0;
		if (named)
			st->strata_table = strat_hash_create(st->hdr.eoh_context, 16, st);
	}
	else if (st->strata != (named ? 1 : 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge a cox model with strata and a cox model without strata"),
				 errdetail("cox(duration, event, x, strata) and the cox aggregates without strata make states that do not merge.")));
}

static void
CheckLabelLength(int64 len)
{
	if (len > REGRESSION_MAX_LABEL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cox stratum label too long"),
				 errdetail("A stratum label has at most %d bytes; label the strata with shorter names or codes.",
						   REGRESSION_MAX_LABEL)));
}

static void
CheckStrataLimit(int64 n)
{
	if (n > REGRESSION_MAX_STRATA)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cox model has too many strata"),
				 errdetail("A cox state holds at most %d strata.", REGRESSION_MAX_STRATA),
				 errhint("Stratify on fewer groups, or put the grouping among the covariates.")));
}

static void NotPartOf(void) pg_attribute_noreturn();

/* rows taken out of a state that it does not hold */
static void
NotPartOf(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("regression state to subtract is not part of the state"),
			 errdetail("Only rows that were added to a state can be taken out of it: every covariate pattern (and for cox every stratum and time) of the subtracted rows must be in the state, with at least their rows, events and sums.")));
}

/*
 * The number of a stratum label in a state with named strata, added if new
 * (insert), else -1 when the state has no such stratum.
 */
static int
StratumNumber(RegState *st, const char *label, int32 len, bool insert)
{
	StratCell  *cell;
	bool		found;
	int			k = st->last_stratum;

	if (k >= 0 && st->lens[k] == len && memcmp(st->labels[k], label, len) == 0)
		return k;
	st->probe_label = label;
	st->probe_len = len;
	if (!insert)
	{
		cell = strat_hash_lookup(st->strata_table, REG_PROBE);
		return cell == NULL ? -1 : (int) cell->idx;
	}
	cell = strat_hash_insert(st->strata_table, REG_PROBE, &found);
	if (!found)
	{
		MemoryContext cxt = st->hdr.eoh_context;
		char	   *copy;

		CheckLabelLength(len);
		CheckStrataLimit((int64) st->nstrata + 1);
		if (st->nstrata == st->strata_cap)
		{
			int			cap = Max(16, st->strata_cap * 2);

			if (st->strata_cap == 0)
			{
				st->labels = MemoryContextAlloc(cxt, sizeof(char *) * cap);
				st->lens = MemoryContextAlloc(cxt, sizeof(int32) * cap);
			}
			else
			{
				st->labels = repalloc(st->labels, sizeof(char *) * cap);
				st->lens = repalloc(st->lens, sizeof(int32) * cap);
			}
			st->strata_cap = cap;
		}
		copy = MemoryContextAlloc(cxt, Max(len, 1));
		memcpy(copy, label, len);
		st->labels[st->nstrata] = copy;
		st->lens[st->nstrata] = len;
		cell->idx = st->nstrata++;
	}
	st->last_stratum = cell->idx;
	return cell->idx;
}

static void
SetModel(RegState *st, int kind, int p)
{
	if (!st->known)
	{
		CheckP(p);
		st->known = true;
		st->kind = kind;
		st->p = p;
		st->nkey = p;
		st->nval = kind == REG_COX ? 0 : KindNval(kind);
		st->nglobal = kind == REG_COX ? 0 : KindNglobal(kind);
		if (kind == REG_COX)
		{
			st->entries = cox_hash_create(st->hdr.eoh_context, 256, st);
			st->cols = col_hash_create(st->hdr.eoh_context, 64, st);
		}
		return;
	}
	if (st->kind != kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge a %s model with a %s model", KindName(st->kind), KindName(kind))));
	if (st->p != p)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("covariate vectors have different lengths: %d and %d", st->p, p),
				 errdetail("Every row of a model, and every state merged into it, must have the same number of covariates.")));
}

/* a new pattern x at the end of the arrays; returns its index */
static int
NewPattern(RegState *st, const float8 *x)
{
	CheckPatternLimit((int64) st->n + 1);
	if (st->n == st->cap)
	{
		int			cap = Max(64, st->cap * 2);
		MemoryContext cxt = st->hdr.eoh_context;

		if (st->cap == 0)
		{
			st->keys = MemoryContextAllocHuge(cxt, sizeof(float8) * (Size) cap * Max(st->nkey, 1));
			if (st->nval > 0)
				st->vals = MemoryContextAllocHuge(cxt, sizeof(float8) * (Size) cap * st->nval);
		}
		else
		{
			st->keys = repalloc_huge(st->keys, sizeof(float8) * (Size) cap * Max(st->nkey, 1));
			if (st->nval > 0)
				st->vals = repalloc_huge(st->vals, sizeof(float8) * (Size) cap * st->nval);
		}
		st->cap = cap;
	}
	memcpy(st->keys + (Size) st->n * st->nkey, x, sizeof(float8) * st->nkey);
	if (st->nval > 0)
		memset(st->vals + (Size) st->n * st->nval, 0, sizeof(float8) * st->nval);
	return st->n++;
}

/*
 * The index of pattern x (st->p values, finite, no negative zero), added if
 * new (insert), else -1 when the state has no such pattern.  binary: every
 * covariate is 0 or 1, and mask has bit j set when x[j] is 1.
 */
static inline int
PatternIndex(RegState *st, const float8 *x, bool binary, uint64 mask, bool insert)
{
	if (binary)
	{
		MaskCell   *cell;
		bool		found;

		if (!insert)
		{
			cell = mask_hash_lookup(st->masks, mask);
			return cell == NULL ? -1 : (int) cell->idx;
		}
		cell = mask_hash_insert(st->masks, mask, &found);
		if (!found)
			cell->idx = NewPattern(st, x);
		return cell->idx;
	}
	else
	{
		uint32		hash;
		RegCell    *cell;
		bool		found;

		st->probe = x;
		hash = KeyHash(x, st->nkey);
		if (!insert)
		{
			cell = reg_hash_lookup_hash(st->table, REG_PROBE, hash);
			return cell == NULL ? -1 : (int) cell->idx;
		}
		cell = reg_hash_insert_hash(st->table, REG_PROBE, hash, &found);
		if (!found)
		{
			cell->idx = NewPattern(st, x);
			cell->hash = hash;
		}
		return cell->idx;
	}
}

/* whether x (p values) is binary, and its mask */
static inline bool
BinaryMask(const float8 *x, int p, uint64 *mask)
{
	uint64		m = 0;
	bool		binary = true;

	for (int j = 0; j < p; j++)
	{
		binary &= (x[j] == 0) | (x[j] == 1);
		m |= (uint64) (x[j] == 1) << j;
	}
	*mask = m;
	return binary;
}

/* PatternIndex of a pattern from a flat state */
static int
FlatPatternIndex(RegState *st, const float8 *x, bool insert)
{
	float8		key[REGRESSION_MAX_P + 1];
	uint64		mask;
	bool		binary;

	for (int j = 0; j < st->p; j++)
		key[j] = x[j] + 0.0;
	binary = BinaryMask(key, st->p, &mask);
	return PatternIndex(st, key, binary, mask, insert);
}

/* the sums of a Cox entry, added if new (insert), else NULL when absent */
static inline float8 *
CoxSums(RegState *st, int stratum, float8 time, int pattern, bool insert)
{
	CoxKey		key;
	CoxCell    *cell;
	bool		found;

	key.time = time;
	key.stratum = stratum;
	key.pattern = pattern;
	if (!insert)
	{
		cell = cox_hash_lookup(st->entries, key);
		return cell == NULL ? NULL : cell->v;
	}
	cell = cox_hash_insert(st->entries, key, &found);
	if (!found)
	{
		CheckCoxEntryLimit((int64) st->entries->members);
		memset(cell->v, 0, sizeof(cell->v));
	}
	return cell->v;
}

static inline bool CoxDenseAdd(RegState *st, uint64 *slot, float8 rows, float8 events);

/* adds a waiting row to its entry */
static inline void
CoxApply(RegState *st, const CoxPending *row)
{
	bool		found;
	CoxCell    *cell;

	if (row->col >= 0 &&
		CoxDenseAdd(st, st->dense + (Size) row->key.pattern * st->ccap + row->col, 1, row->event))
		return;
	cell = cox_hash_insert_hash(st->entries, row->key, row->hash, &found);

	if (!found)
	{
		CheckCoxEntryLimit((int64) st->entries->members);
		memset(cell->v, 0, sizeof(cell->v));
	}
	cell->v[REG_ROWS] += 1;
	cell->v[REG_Y] += row->event;
}

static void CoxFlushMasked(RegState *st);

/* adds the waiting rows: before anything reads the patterns or entries */
static void
CoxFlush(RegState *st)
{
	CoxFlushMasked(st);
	while (st->npending > 0)
	{
		CoxApply(st, &st->pending[st->pending_next]);
		st->pending_next = (st->pending_next + 1) % COX_PENDING;
		st->npending--;
	}
	st->pending_next = 0;
}

/*
 * A row leaving the risk set at (stratum, time) with pattern, added later:
 * its cell is prefetched now, and the row that waited longest is added.
 */
static inline void
CoxAddLater(RegState *st, int stratum, float8 time, int pattern, int col, bool event)
{
	CoxPending *row;
	struct cox_hash_hash *tb = st->entries;

	if (st->npending == COX_PENDING)
	{
		/* the ring is full: the oldest row is added, the new one takes its place */
		row = &st->pending[st->pending_next];
		CoxApply(st, row);
		st->pending_next = (st->pending_next + 1) % COX_PENDING;
	}
	else
		row = &st->pending[(st->pending_next + st->npending++) % COX_PENDING];
	memset(&row->key, 0, sizeof(CoxKey));
	row->key.time = time;
	row->key.stratum = stratum;
	row->key.pattern = pattern;
	row->hash = CoxKeyHash(row->key);
	row->event = event;
	row->col = col;
	if (col >= 0)
		REG_PREFETCH(st->dense + (Size) pattern * st->ccap + col);
	else
	{
		/* the cell where the probe starts (it may span two cache lines) */
		REG_PREFETCH(&tb->data[row->hash & tb->sizemask]);
		REG_PREFETCH((const char *) &tb->data[row->hash & tb->sizemask] + sizeof(CoxCell) - 1);
	}
}

/*
 * The dense part of a Cox state.  Register durations take few values (whole
 * weeks), so the entries of a state are most of the pairs of a pattern and
 * a time: they are counted in a matrix, a row per pattern and a column per
 * (stratum, time), each count the rows (high 32 bits) and events (low 32
 * bits) of its entry.  A row then costs one add to a matrix of a few MB
 * instead of a probe in a hash table of 48-byte cells five times larger, and
 * the flat form is written in its order with no sort (the columns are
 * sorted, few).  The matrix has at most COX_DENSE_SLOTS counts, and past
 * COX_DENSE_FREE at most 8 counts per row offered to it (so that a sparse
 * state, many times or patterns and few rows, say a small group of a GROUP
 * BY, does not hold a matrix of mostly zeros).  A time or a pattern beyond
 * its room (until it has room), rows leaving with a delayed entry, rows
 * taken out and a count reaching 2^32 go to the hash table, and CoxSettle
 * moves the matrix there when the two are mixed.
 */
#ifndef COX_DENSE_SLOTS
#define COX_DENSE_SLOTS (1 << 22)
#endif
#define COX_DENSE_FREE (1 << 16)

static inline bool
CoxDenseRoom(const RegState *st, Size slots)
{
	return slots <= COX_DENSE_SLOTS && (slots <= COX_DENSE_FREE || (float8) slots <= 8 * st->cox_rows);
}

/*
 * A zeroed matrix of n counts (its allocation in *alloc).  A large one is
 * aligned to 2 MB and asks the kernel for huge pages (a hint, where
 * madvise has it): a row's count is anywhere in megabytes, and with 4 kB
 * pages most rows would also miss the TLB.
 */
#define COX_HUGE_PAGE ((Size) 2 * 1024 * 1024)

static uint64 *
CoxDenseAlloc(RegState *st, Size n, void **alloc)
{
	Size		bytes = sizeof(uint64) * n;
	char	   *p;

#ifdef MADV_HUGEPAGE
	if (bytes >= COX_HUGE_PAGE)
	{
		p = MemoryContextAllocHuge(st->hdr.eoh_context, bytes + COX_HUGE_PAGE);
		*alloc = p;
		p = (char *) TYPEALIGN(COX_HUGE_PAGE, p);
		(void) madvise(p, bytes, MADV_HUGEPAGE);
		memset(p, 0, bytes);
		return (uint64 *) p;
	}
#endif
	p = MemoryContextAllocHuge(st->hdr.eoh_context, bytes);
	*alloc = p;
	memset(p, 0, bytes);
	return (uint64 *) p;
}

/* the column of (stratum, time), new if the matrix has room; -1: hash table only */
static inline int
CoxColumn(RegState *st, int stratum, float8 time)
{
	CoxKey		key;
	ColCell    *cell;
	bool		found;
	uint64		bits;
	int			h;

	/* a row's column is most often in the cache (weekly times are few) */
	memcpy(&bits, &time, sizeof(bits));
	h = (int) (((bits ^ (uint64) stratum) * UINT64CONST(0x9E3779B97F4A7C15)) >> 58);	/* 6 bits */
	if (st->colcache[h].col >= 0 && st->colcache[h].time == time && st->colcache[h].stratum == stratum)
		return st->colcache[h].col;
	memset(&key, 0, sizeof(key));
	key.time = time;
	key.stratum = stratum;
	cell = col_hash_insert(st->cols, key, &found);
	if (found && cell->col >= 0)
	{
		st->colcache[h].time = time;
		st->colcache[h].stratum = stratum;
		st->colcache[h].col = cell->col;
		return cell->col;
	}
	/* a new column, or one without room before: a column if there is room now */
	cell->col = -1;
	if (st->ncols == st->ccap)
	{
		int			ccap = Max(16, st->ccap * 2);
		int			pcap = Max(st->pcap, 64);
		MemoryContext cxt = st->hdr.eoh_context;
		uint64	   *dense;
		void	   *alloc;

		if (!CoxDenseRoom(st, (Size) ccap * pcap))
			return -1;
		/* a new matrix with the rows longer */
		dense = CoxDenseAlloc(st, (Size) pcap * ccap, &alloc);
		for (int k = 0; k < st->pcap; k++)
			memcpy(dense + (Size) k * ccap, st->dense + (Size) k * st->ccap, sizeof(uint64) * st->ccap);
		if (st->dense_alloc != NULL)
			pfree(st->dense_alloc);
		st->dense = dense;
		st->dense_alloc = alloc;
		st->colkey = st->colkey == NULL
			? MemoryContextAlloc(cxt, sizeof(CoxKey) * ccap)
			: repalloc(st->colkey, sizeof(CoxKey) * ccap);
		st->ccap = ccap;
		st->pcap = pcap;
	}
	st->colkey[st->ncols] = key;
	cell->col = st->ncols++;
	st->colcache[h].time = time;
	st->colcache[h].stratum = stratum;
	st->colcache[h].col = cell->col;
	return cell->col;
}

/* the count of pattern k in column c, NULL when not in the matrix */
static inline uint64 *
CoxDenseSlot(RegState *st, int c, int k)
{
	if (c < 0)
		return NULL;
	if (unlikely(k >= st->pcap))
	{
		int			pcap = st->pcap;
		uint64	   *dense;
		void	   *alloc;

		while (pcap <= k)
			pcap *= 2;
		if (!CoxDenseRoom(st, (Size) pcap * st->ccap))
			return NULL;
		/* a new matrix with more rows */
		dense = CoxDenseAlloc(st, (Size) pcap * st->ccap, &alloc);
		memcpy(dense, st->dense, sizeof(uint64) * (Size) st->pcap * st->ccap);
		pfree(st->dense_alloc);
		st->dense = dense;
		st->dense_alloc = alloc;
		st->pcap = pcap;
	}
	return st->dense + (Size) k * st->ccap + c;
}

/* adds rows and events (rows < 2^32) to a count; false when it would overflow */
static inline bool
CoxDenseAdd(RegState *st, uint64 *slot, float8 rows, float8 events)
{
	if (rows + (float8) (*slot >> 32) >= (float8) PG_UINT32_MAX)
		return false;
	*slot += ((uint64) rows << 32) + (uint64) events;
	st->dense_rows += rows;
	return true;
}

/* moves the matrix's counts to the hash table (the matrix's columns stay) */
static void
CoxDrainDense(RegState *st)
{
	int			npat = Min(st->n, st->pcap);

	if (st->dense_rows == 0)
		return;
	for (int k = 0; k < npat; k++)
	{
		uint64	   *row = st->dense + (Size) k * st->ccap;

		if ((k & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < st->ncols; c++)
		{
			float8	   *v;

			if (row[c] == 0)
				continue;
			v = CoxSums(st, st->colkey[c].stratum, st->colkey[c].time, k, true);
			v[REG_ROWS] += (float8) (row[c] >> 32);
			v[REG_Y] += (float8) (row[c] & PG_UINT32_MAX);
			row[c] = 0;
		}
	}
	st->dense_rows = 0;
}

/* every row of a Cox state in its hash table: before rows are taken out */
static void
CoxToHash(RegState *st)
{
	CoxFlush(st);
	CoxDrainDense(st);
}

/*
 * The entries of the hash table moved to the matrix, if every one can be
 * (no delayed entries, room, counts below 2^32); false if not (nothing
 * moved).  The rows that came before the matrix had room for their
 * patterns or times are in the hash table: at the end the matrix has room.
 */
static bool
CoxHashToDense(RegState *st)
{
	cox_hash_iterator it;
	CoxCell    *cell;

	cox_hash_start_iterate(st->entries, &it);
	while ((cell = cox_hash_iterate(st->entries, &it)) != NULL)
	{
		uint64	   *slot;

		if (cell->v[REG_ENTERED] != 0)
			return false;
		slot = CoxDenseSlot(st, CoxColumn(st, cell->key.stratum, cell->key.time), cell->key.pattern);
		if (slot == NULL || cell->v[REG_ROWS] + (float8) (*slot >> 32) >= (float8) PG_UINT32_MAX)
			return false;
	}
	/* each cell has its own count: every one fits */
	cox_hash_start_iterate(st->entries, &it);
	while ((cell = cox_hash_iterate(st->entries, &it)) != NULL)
	{
		uint64	   *slot = CoxDenseSlot(st, CoxColumn(st, cell->key.stratum, cell->key.time), cell->key.pattern);

		if (!CoxDenseAdd(st, slot, cell->v[REG_ROWS], cell->v[REG_Y]))
			elog(ERROR, "regression: a Cox count does not fit after all");
	}
	cox_hash_reset(st->entries);
	return true;
}

/*
 * Before the flat form: the waiting rows added, and when both the matrix
 * and the hash table hold rows, the hash table's moved to the matrix, or
 * if they cannot be, the matrix's to the hash table (the flat form comes
 * from one of them).
 */
static void
CoxSettle(RegState *st)
{
	if (st->kind != REG_COX)
		return;
	CoxFlush(st);
	if (st->entries->members > 0 && st->dense_rows > 0 && !CoxHashToDense(st))
		CoxDrainDense(st);
}

/* a row leaving at (stratum, time) with pattern: to the matrix, else later to the hash table */
static inline void
CoxAddRow(RegState *st, int stratum, float8 time, int pattern, bool event)
{
	int			col;

	st->cox_rows++;
	col = CoxColumn(st, stratum, time);

	/* the matrix may grow now, not when the row is added */
	CoxAddLater(st, stratum, time, pattern, CoxDenseSlot(st, col, pattern) == NULL ? -1 : col, event);
}

/* a waiting row of 0/1 covariates: its pattern, then on to CoxAddRow */
static inline void
CoxMaskedApply(RegState *st, const CoxMasked *row)
{
	bool		found;
	MaskCell   *cell = mask_hash_insert_hash(st->masks, row->mask, row->hash, &found);

	if (!found)
	{
		float8		x[REGRESSION_MAX_P + 1];

		for (int j = 0; j < st->p; j++)
			x[j] = (row->mask >> j) & 1 ? 1.0 : 0.0;
		cell->idx = NewPattern(st, x);
	}
	CoxAddRow(st, row->stratum, row->time, cell->idx, row->event);
}

static void
CoxFlushMasked(RegState *st)
{
	while (st->nmasked > 0)
	{
		CoxMaskedApply(st, &st->masked[st->masked_next]);
		st->masked_next = (st->masked_next + 1) % COX_PENDING;
		st->nmasked--;
	}
	st->masked_next = 0;
}

/* a row of 0/1 covariates (mask): its cell in the mask table prefetched, the oldest waiting row on */
static inline void
CoxAddMasked(RegState *st, uint64 mask, int stratum, float8 time, bool event)
{
	CoxMasked  *row;

	if (st->nmasked == COX_PENDING)
	{
		row = &st->masked[st->masked_next];
		CoxMaskedApply(st, row);
		st->masked_next = (st->masked_next + 1) % COX_PENDING;
	}
	else
		row = &st->masked[(st->masked_next + st->nmasked++) % COX_PENDING];
	row->mask = mask;
	row->time = time;
	row->stratum = stratum;
	row->event = event;
	row->hash = (uint32) Mix64(mask);	/* as mask_hash's */
	REG_PREFETCH(&st->masks->data[row->hash & st->masks->sizemask]);
}

/* after rows left a Cox entry: an entry without rows leaves the state */
static void
CoxAfterTakeOut(RegState *st, int stratum, float8 time, int pattern, const float8 *v)
{
	CoxKey		key;

	if (v[REG_ROWS] < 0 || v[REG_Y] < 0 || v[REG_ENTERED] < 0 || v[REG_Y] > v[REG_ROWS])
		NotPartOf();
	if (v[REG_ROWS] == 0 && v[REG_ENTERED] == 0)
	{
		key.time = time;
		key.stratum = stratum;
		key.pattern = pattern;
		cox_hash_delete(st->entries, key);
	}
}

/* after rows left a logistic or Poisson pattern: a pattern without rows has no sums */
static void
GlmAfterTakeOut(RegState *st, const float8 *v)
{
	if (v[REG_ROWS] < 0)
		NotPartOf();
	if (st->kind == REG_LOGISTIC)
	{
		if (v[REG_Y] < 0 || v[REG_Y] > v[REG_ROWS])
			NotPartOf();
	}
	else
	{
		for (int s = REG_Y; s < REG_POISSON_NVAL; s += 2)
			if (v[REG_ROWS] == 0 && FixedGet(v + s) != 0)
				NotPartOf();
		if (FixedGet(v + REG_Y) < 0 || FixedGet(v + REG_EXPOSURE) < 0)
			NotPartOf();
	}
}

/*
 * Adds the entries and sums of a flat state (sign 1), or takes them out
 * (sign -1): every pattern, stratum and entry must then be in the state.
 */
static void
AddFlat(RegState *st, const Regression *r, int sign)
{
	const char *layout = ValLayout(r->kind);
	int			npat = REG_NPATTERNS(r);
	int		   *number = palloc(sizeof(int) * Max(npat, 1));
	int		   *snumber = NULL;
	bool		insert = sign > 0;

	SetModel(st, r->kind, r->p);
	if (r->kind == REG_COX)
	{
		if (sign < 0)
			CoxToHash(st);
		SetStrata(st, r->nstrata > 0);
	}
	if (sign > 0)
		AddSlots(st->global, REG_GLOBALS(r), GlobalLayout(r->kind));
	else
		SubSlots(st->global, REG_GLOBALS(r), GlobalLayout(r->kind));
	if (r->kind == REG_POISSON && st->global[REG_G_NONINT] < 0)
		NotPartOf();
	for (int k = 0; k < npat; k++)
	{
		if ((k & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		number[k] = FlatPatternIndex(st, REG_PATTERN(r, k), insert);
		if (number[k] < 0)
			NotPartOf();
	}
	if (r->kind != REG_COX)
	{
		for (int i = 0; i < r->nentries; i++)
		{
			float8	   *v = st->vals + (Size) number[i] * st->nval;

			if (sign > 0)
				AddSlots(v, REG_VAL(r, i), layout);
			else
			{
				SubSlots(v, REG_VAL(r, i), layout);
				GlmAfterTakeOut(st, v);
			}
		}
		pfree(number);
		return;
	}
	if (r->nstrata > 0)
	{
		/* the flat state's strata (ranks of its labels) get this state's numbers */
		const char *lp = REG_STRATA(r);

		snumber = palloc(sizeof(int) * r->nstrata);
		for (int k = 0; k < r->nstrata; k++)
		{
			int32		len;

			memcpy(&len, lp, sizeof(int32));
			snumber[k] = StratumNumber(st, lp + sizeof(int32), len, insert);
			if (snumber[k] < 0)
				NotPartOf();
			lp += sizeof(int32) + len;
		}
	}
	for (int i = 0; i < r->nentries; i++)
	{
		const float8 *key = REG_KEY(r, i);
		int			s = (int) key[0];
		int			k = (int) key[2];
		float8	   *v;

		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		if (!(s >= 0 && s < Max(r->nstrata, 1) && k >= 0 && k < npat))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("corrupted regression value"),
					 errdetail("Entry %d has a stratum or pattern number out of range.", i + 1)));
		if (snumber != NULL)
			s = snumber[s];
		if (sign > 0 && REG_VAL(r, i)[REG_ENTERED] == 0)
		{
			/* to the matrix when it has room */
			uint64	   *slot;

			st->cox_rows += REG_VAL(r, i)[REG_ROWS];
			slot = CoxDenseSlot(st, CoxColumn(st, s, key[1]), number[k]);

			if (slot != NULL && CoxDenseAdd(st, slot, REG_VAL(r, i)[REG_ROWS], REG_VAL(r, i)[REG_Y]))
				continue;
		}
		v = CoxSums(st, s, key[1], number[k], insert);
		if (v == NULL)
			NotPartOf();
		if (sign > 0)
			AddSlots(v, REG_VAL(r, i), layout);
		else
		{
			SubSlots(v, REG_VAL(r, i), layout);
			CoxAfterTakeOut(st, s, key[1], number[k], v);
		}
	}
	pfree(number);
	if (snumber != NULL)
		pfree(snumber);
}

/* ---------- checks ---------- */

static void RegInvalid(int sqlstate, const char *detail) pg_attribute_noreturn();

static void
RegInvalid(int sqlstate, const char *detail)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid regression value"),
			 errdetail_internal("%s", detail)));
}

static void CheckRiskSets(const Regression *r, int sqlstate);
static void CheckStrata(const Regression *r, int sqlstate);

static bool
IsWhole(float8 v)
{
	return v == floor(v);
}

/*
 * The strict check of a flat value from text or binary input: the entries
 * sorted, each pattern once (for Cox: each pattern used), and sums that
 * rows can give.
 */
static void
CheckValues(Regression *r, int sqlstate)
{
	float8		rows = 0;
	const float8 *g = REG_GLOBALS(r);
	int			npat = REG_NPATTERNS(r);
	bool	   *used = NULL;

	if (r->nentries < 1)
		RegInvalid(sqlstate, "A regression value has at least one covariate pattern.");
	if (r->kind == REG_COX)
	{
		used = palloc0(sizeof(bool) * Max(npat, 1));
		for (int k = 0; k < npat; k++)
		{
			float8	   *x = REG_PATTERN(r, k);

			for (int j = 0; j < r->p; j++)
			{
				if (!isfinite(x[j]))
					RegInvalid(sqlstate, psprintf("Pattern %d has a covariate that is not finite.", k + 1));
				x[j] += 0.0;	/* no negative zero */
			}
			if (k > 0 && KeyCmp(REG_PATTERN(r, k - 1), x, r->p) >= 0)
				RegInvalid(sqlstate, psprintf("Patterns must be sorted, each once; pattern %d does not follow pattern %d.",
											  k + 1, k));
		}
	}
	for (int i = 0; i < r->nentries; i++)
	{
		float8	   *x = REG_KEY(r, i);
		const float8 *v = REG_VAL(r, i);

		if ((i & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
		for (int j = 0; j < r->nkey; j++)
		{
			if (!isfinite(x[j]))
				RegInvalid(sqlstate, psprintf("Pattern %d has a covariate or time that is not finite.", i + 1));
			x[j] += 0.0;		/* no negative zero */
		}
		if (r->kind == REG_COX)
		{
			if (!(x[0] >= 0 && x[0] < Max(r->nstrata, 1) && IsWhole(x[0])))
				RegInvalid(sqlstate, r->nstrata > 0
						   ? psprintf("Entry %d must have a stratum number from 0 to %d (one per label).", i + 1, r->nstrata - 1)
						   : psprintf("Entry %d must have stratum number 0 (a model without named strata).", i + 1));
			if (!(x[2] >= 0 && x[2] < npat && IsWhole(x[2])))
				RegInvalid(sqlstate, psprintf("Entry %d must have a pattern number from 0 to %d.", i + 1, npat - 1));
			used[(int) x[2]] = true;
		}
		if (i > 0 && KeyCmp(REG_KEY(r, i - 1), x, r->nkey) >= 0)
			RegInvalid(sqlstate, r->kind == REG_COX
					   ? psprintf("Entries must be sorted by stratum, time and pattern, each once; entry %d does not follow entry %d.",
								  i + 1, i)
					   : psprintf("Patterns must be sorted, each once; pattern %d does not follow pattern %d.",
								  i + 1, i));
		if (r->kind == REG_COX)
		{
			if (!(v[REG_ROWS] >= 0 && v[REG_ROWS] <= REG_MAX_ROWS && IsWhole(v[REG_ROWS]) &&
				  v[REG_ENTERED] >= 0 && v[REG_ENTERED] <= REG_MAX_ROWS && IsWhole(v[REG_ENTERED]) &&
				  v[REG_ROWS] + v[REG_ENTERED] >= 1))
				RegInvalid(sqlstate, psprintf("Entry %d must have whole numbers of rows leaving and entering, one of them 1 or more.", i + 1));
		}
		else if (!(v[REG_ROWS] >= 1 && v[REG_ROWS] <= REG_MAX_ROWS && IsWhole(v[REG_ROWS])))
			RegInvalid(sqlstate, psprintf("Pattern %d must have a whole number of rows, 1 or more.", i + 1));
		rows += v[REG_ROWS];
		if (r->kind != REG_POISSON)
		{
			if (!(v[REG_Y] >= 0 && v[REG_Y] <= v[REG_ROWS] && IsWhole(v[REG_Y])))
				RegInvalid(sqlstate, psprintf("Pattern %d must have a whole number of events from 0 to its rows.", i + 1));
		}
		else
		{
			if (FixedGet(v + REG_Y) < 0)
				RegInvalid(sqlstate, psprintf("Pattern %d must have events, 0 or more.", i + 1));
			if (FixedGet(v + REG_EXPOSURE) <= 0)
				RegInvalid(sqlstate, psprintf("Pattern %d must have an exposure above 0.", i + 1));
		}
	}
	for (int k = 0; used != NULL && k < npat; k++)
		if (!used[k])
			RegInvalid(sqlstate, psprintf("Pattern %d has no entry.", k + 1));
	if (rows > REG_MAX_ROWS)
		RegInvalid(sqlstate, "The rows add up to more than 2^53.");
	if (r->kind == REG_COX)
		CheckRiskSets(r, sqlstate);
	if (r->nstrata > 0)
		CheckStrata(r, sqlstate);
	if (r->kind == REG_POISSON &&
		!(g[REG_G_NONINT] >= 0 && g[REG_G_NONINT] <= rows && IsWhole(g[REG_G_NONINT])))
		RegInvalid(sqlstate, "The count of rows with non-integer events must be a whole number from 0 to the rows.");
}

/*
 * A Cox state's risk sets: going back in time within a stratum, the rows
 * at risk (those leaving at or after a time, less those entering at or
 * after it) never fall below 0, and every row that enters also leaves.
 */
static void
CheckRiskSets(const Regression *r, int sqlstate)
{
	float8		atrisk = 0;
	int			i = r->nentries - 1;

	while (i >= 0)
	{
		float8		stratum = REG_KEY(r, i)[0];
		float8		t = REG_KEY(r, i)[1];
		float8		entered = 0;

		if (i == r->nentries - 1 || REG_KEY(r, i + 1)[0] != stratum)
			atrisk = 0;
		for (; i >= 0 && REG_KEY(r, i)[0] == stratum && REG_KEY(r, i)[1] == t; i--)
		{
			atrisk += REG_VAL(r, i)[REG_ROWS];
			entered += REG_VAL(r, i)[REG_ENTERED];
		}
		atrisk -= entered;
		if (atrisk < 0)
			RegInvalid(sqlstate, psprintf("At time %g more rows enter the risk set than leave it later.", t));
	}
}

/*
 * Named strata: labels in increasing byte order, each used by an entry (the
 * entries are sorted, so the numbers used are 0 .. nstrata - 1 in turn).
 */
static void
CheckStrata(const Regression *r, int sqlstate)
{
	const char *lp = REG_STRATA(r);
	const char *prev = NULL;
	int32		prevlen = 0;
	int			next = 0;

	for (int k = 0; k < r->nstrata; k++)
	{
		int32		len;

		memcpy(&len, lp, sizeof(int32));
		if (prev != NULL && jobreg_compare_labels(prev, prevlen, lp + sizeof(int32), len) >= 0)
			RegInvalid(sqlstate, "Stratum labels must be distinct and in increasing byte order.");
		prev = lp + sizeof(int32);
		prevlen = len;
		lp += sizeof(int32) + len;
	}
	for (int i = 0; i < r->nentries; i++)
	{
		int			s = (int) REG_KEY(r, i)[0];

		if (s == next)
			next++;
		else if (s != next - 1)
			RegInvalid(sqlstate, psprintf("Stratum %d has no entry.", next + 1));
	}
	if (next != r->nstrata)
		RegInvalid(sqlstate, psprintf("Stratum %d has no entry.", next + 1));
}

/* the bytes of a flat state's stratum labels, -1 unless they fit size bytes */
static int64
StrataBytes(const Regression *r, Size size)
{
	const char *lp = REG_STRATA(r);
	const char *end = (const char *) r + size;

	for (int k = 0; k < r->nstrata; k++)
	{
		int32		len;

		if (end - lp < (ptrdiff_t) sizeof(int32))
			return -1;
		memcpy(&len, lp, sizeof(int32));
		if (len < 0 || len > REGRESSION_MAX_LABEL || end - lp - (ptrdiff_t) sizeof(int32) < len)
			return -1;
		lp += sizeof(int32) + len;
	}
	return lp - REG_STRATA(r);
}

/* the bytes of a flat value before its stratum labels */
static Size
FlatSlotsSize(int kind, int p, int nentries, int npatterns)
{
	Size		size = REGRESSION_HDRSZ +
		sizeof(float8) * ((Size) KindNglobal(kind) + (Size) nentries * (KindNkey(kind, p) + KindNval(kind)));

	if (kind == REG_COX)
		size += sizeof(float8) * (Size) npatterns * p;
	return size;
}

Regression *
regression_from_datum(Datum d)
{
	Regression *r = (Regression *) PG_DETOAST_DATUM(d);
	int			npat;

	if (VARSIZE(r) < REGRESSION_HDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted regression value"),
				 errdetail("The value is shorter than its header.")));
	if (r->kind == REG_COX && r->version == 1)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("unsupported regression format version 1 for a cox model"),
				 errdetail("Cox models are stored in format version %d (numbered covariate patterns); version 1 was never released.",
						   REGRESSION_COX_VERSION),
				 errhint("Aggregate the rows again with cox().")));
	if ((r->kind == REG_LOGISTIC || r->kind == REG_POISSON || r->kind == REG_COX) &&
		r->version != KindVersion(r->kind))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("unsupported regression format version %d", r->version),
				 errdetail("This version of jobreg reads regression format version %d of a %s model.",
						   KindVersion(r->kind), KindName(r->kind))));
	if ((r->kind != REG_LOGISTIC && r->kind != REG_POISSON && r->kind != REG_COX) ||
		r->p > REGRESSION_MAX_P || r->nkey != KindNkey(r->kind, r->p) ||
		r->nval != KindNval(r->kind) || r->nglobal != KindNglobal(r->kind) ||
		r->nentries < 1 || r->nentries > MaxEntries(r->kind) ||
		r->nstrata < 0 || r->nstrata > REGRESSION_MAX_STRATA ||
		(r->nstrata > 0 && r->kind != REG_COX) ||
		VARSIZE(r) < FlatSlotsSize(r->kind, r->p, r->nentries, 0))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted regression value"),
				 errdetail("The value's header does not match its kind and size.")));
	npat = r->nentries;
	if (r->kind == REG_COX)
	{
		float8		n = r->data[0];

		if (!(n >= 1 && n <= REGRESSION_MAX_PATTERNS && IsWhole(n)))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("corrupted regression value"),
					 errdetail("A cox value has 1 to %d covariate patterns.", REGRESSION_MAX_PATTERNS)));
		npat = (int) n;
	}
	if (VARSIZE(r) < FlatSlotsSize(r->kind, r->p, r->nentries, npat) ||
		VARSIZE(r) != FlatSlotsSize(r->kind, r->p, r->nentries, npat) + StrataBytes(r, VARSIZE(r)))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted regression value"),
				 errdetail("The value's header does not match its kind and size.")));
	return r;
}

/*
 * a zeroed flat value of n entries (and npatterns patterns for Cox);
 * labelbytes for the stratum labels (int32 lengths and bytes)
 */
static Regression *
AllocFlat(int kind, int p, int n, int npatterns, Size labelbytes)
{
	Size		size = FlatSlotsSize(kind, p, n, npatterns) + labelbytes;
	Regression *r = palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);

	SET_VARSIZE(r, size);
	r->version = KindVersion(kind);
	r->kind = kind;
	r->p = p;
	r->nkey = KindNkey(kind, p);
	r->nval = KindNval(kind);
	r->nglobal = KindNglobal(kind);
	r->nentries = n;
	if (kind == REG_COX)
		r->data[0] = npatterns;
	return r;
}

/* ---------- text I/O ---------- */

static void RegSyntax(const char *whole, const char *p, const char *expected) pg_attribute_noreturn();

static void
RegSyntax(const char *whole, const char *p, const char *expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type regression: \"%s\"", whole),
			 errdetail("Expected %s at position %d.", expected, (int) (p - whole) + 1),
			 errhint("A regression value is written v1;logistic;p=2;x1,x2:rows,events;... (see doc/stats.md); logistic(y, x) or poisson(events, exposure, x) make one.")));
}

static void
ExpectText(const char *whole, const char **p, const char *lit)
{
	size_t		len = strlen(lit);

	if (strncmp(*p, lit, len) != 0)
		RegSyntax(whole, *p, psprintf("\"%s\"", lit));
	*p += len;
}

static float8
ParseNumber(const char *whole, const char **p)
{
	char	   *end;
	float8		v;

	if (!(isdigit((unsigned char) **p) || **p == '-' || **p == '.'))
		RegSyntax(whole, *p, "a number");
	errno = 0;
	v = strtod(*p, &end);
	if (end == *p || (errno == ERANGE && (v == 0 || isinf(v))) || !isfinite(v))
		RegSyntax(whole, *p, "a finite number");
	*p = end;
	return v;
}

static int
ParseSmallInt(const char *whole, const char **p)
{
	int			v = 0;

	if (!isdigit((unsigned char) **p))
		RegSyntax(whole, *p, "a whole number");
	while (isdigit((unsigned char) **p))
	{
		v = v * 10 + (**p - '0');
		if (v > 1000000)
			RegSyntax(whole, *p, "a smaller number");
		(*p)++;
	}
	return v;
}

/* a fixed-point sum: a whole number of units of 2^-60 */
static int128
ParseFixed(const char *whole, const char **p)
{
	bool		neg = false;
	int128		v = 0;

	if (**p == '-')
	{
		neg = true;
		(*p)++;
	}
	if (!isdigit((unsigned char) **p))
		RegSyntax(whole, *p, "a fixed-point sum (a whole number)");
	while (isdigit((unsigned char) **p))
	{
		if (__builtin_mul_overflow(v, 10, &v) ||
			__builtin_add_overflow(v, neg ? -(**p - '0') : (**p - '0'), &v))
			RegSyntax(whole, *p, "a smaller fixed-point sum");
		(*p)++;
	}
	return v;
}

/* slots by a layout from text: numbers separated by commas */
static void
ParseSlots(const char *whole, const char **p, float8 *slot, const char *layout)
{
	for (int i = 0; layout[i]; i++)
	{
		if (i > 0)
			ExpectText(whole, p, ",");
		if (layout[i] == 'f')
			*slot++ = ParseNumber(whole, p);
		else
		{
			FixedSet(slot, ParseFixed(whole, p));
			slot += 2;
		}
	}
}

static void
AppendNumber(StringInfo buf, float8 v)
{
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(v, num);
	appendStringInfoString(buf, num);
}

static void
AppendFixed(StringInfo buf, int128 v)
{
	char		digits[48];
	int			n = 0;
	uint128		u = v < 0 ? -(uint128) v : (uint128) v;

	do
	{
		digits[n++] = '0' + (int) (u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		appendStringInfoChar(buf, '-');
	while (n > 0)
		appendStringInfoChar(buf, digits[--n]);
}

static void
AppendSlots(StringInfo buf, const float8 *slot, const char *layout)
{
	for (int i = 0; layout[i]; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		if (layout[i] == 'f')
			AppendNumber(buf, *slot++);
		else
		{
			AppendFixed(buf, FixedGet(slot));
			slot += 2;
		}
	}
}

/*
 * Text form: v1;<kind>;p=<p>, for poisson ;sums=<global sums>, then per
 * pattern ;x1,...,xp:<sums>; float8s in the shortest form that reads back
 * exactly, fixed-point sums as whole numbers of units of 2^-60.
 */
Datum
regression_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int			kind;
	int			np;
	int			nkey;
	int			n = 0;
	int			cap = 16;
	int			stride;
	float8		globals[REG_POISSON_NGLOBAL];
	float8	   *ents;
	Regression *r;
	StringInfoData labels;		/* int32 length and bytes per stratum label */
	int			nstrata = 0;
	int			version;
	float8	   *pats;			/* Cox patterns */
	int			npat = 0;
	int			pcap = 16;

	jobreg_check_state_io("regression");

	initStringInfo(&labels);
	ExpectText(str, &p, "v");
	version = ParseSmallInt(str, &p);
	ExpectText(str, &p, ";");
	if (strncmp(p, "logistic", 8) == 0)
		kind = REG_LOGISTIC, p += 8;
	else if (strncmp(p, "poisson", 7) == 0)
		kind = REG_POISSON, p += 7;
	else if (strncmp(p, "cox", 3) == 0)
		kind = REG_COX, p += 3;
	else
		RegSyntax(str, p, "\"logistic\", \"poisson\" or \"cox\"");
	if (version != KindVersion(kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unsupported regression format version in \"%s\"", str),
				 errdetail("This version of jobreg reads version %d of a %s model.", KindVersion(kind), KindName(kind)),
				 kind == REG_COX ? errhint("Aggregate the rows again with cox(); version 1 of a cox model was never released.") : 0));
	ExpectText(str, &p, ";p=");
	np = ParseSmallInt(str, &p);
	if (np > REGRESSION_MAX_P)
		RegInvalid(ERRCODE_INVALID_TEXT_REPRESENTATION,
				   psprintf("A model has at most %d covariates.", REGRESSION_MAX_P));
	if (kind == REG_POISSON)
	{
		ExpectText(str, &p, ";sums=");
		ParseSlots(str, &p, globals, GlobalLayout(kind));
	}
	if (kind == REG_COX && strncmp(p, ";strata=", 8) == 0)
	{
		p += 8;
		do
		{
			int32		start;
			int32		len;

			if (nstrata > 0)
				p++;			/* the comma */
			CheckStrataLimit((int64) nstrata + 1);
			if (*p != '"')
				RegSyntax(str, p, "a stratum label in double quotes");
			p++;
			start = labels.len;
			appendBinaryStringInfo(&labels, (const char *) &start, sizeof(int32));
			for (; *p != '"'; p++)
			{
				if (*p == '\\')
					p++;
				if (*p == '\0')
					RegSyntax(str, p, "the end of a stratum label (\")");
				appendStringInfoChar(&labels, *p);
			}
			p++;
			len = labels.len - start - (int32) sizeof(int32);
			CheckLabelLength(len);
			memcpy(labels.data + start, &len, sizeof(int32));
			nstrata++;
		} while (*p == ',');
	}
	nkey = KindNkey(kind, np);
	stride = nkey + KindNval(kind);
	ents = palloc(sizeof(float8) * cap * stride);
	pats = palloc(sizeof(float8) * pcap * Max(np, 1));
	/* a Cox model's patterns: ;x=x1,...,xp each */
	while (kind == REG_COX && strncmp(p, ";x=", 3) == 0)
	{
		p += 3;
		if (npat == pcap)
		{
			CheckPatternLimit((int64) npat + 1);
			pcap *= 2;
			pats = repalloc_huge(pats, sizeof(float8) * (Size) pcap * Max(np, 1));
		}
		for (int j = 0; j < np; j++)
		{
			if (j > 0)
				ExpectText(str, &p, ",");
			pats[(Size) npat * np + j] = ParseNumber(str, &p);
		}
		npat++;
	}
	while (*p == ';')
	{
		float8	   *e;

		p++;
		if (n == cap)
		{
			if (kind == REG_COX)
				CheckCoxEntryLimit((int64) n + 1);
			else
				CheckPatternLimit((int64) n + 1);
			cap *= 2;
			ents = repalloc_huge(ents, sizeof(float8) * (Size) cap * stride);
		}
		e = ents + (Size) n * stride;
		for (int j = 0; j < nkey; j++)
		{
			if (j > 0)
				ExpectText(str, &p, ",");
			e[j] = ParseNumber(str, &p);
		}
		ExpectText(str, &p, ":");
		ParseSlots(str, &p, e + nkey, ValLayout(kind));
		n++;
	}
	if (*p != '\0')
		RegSyntax(str, p, kind == REG_COX && n == 0 ? "\";x=\", \";\" or the end of input" : "\";\" or the end of input");
	if (kind == REG_COX)
	{
		CheckCoxEntryLimit(n);
		if (npat < 1)
			RegInvalid(ERRCODE_INVALID_TEXT_REPRESENTATION, "A cox value has at least one covariate pattern (;x=...).");
	}
	else
		CheckPatternLimit(n);
	r = AllocFlat(kind, np, n, npat, labels.len);
	if (kind != REG_COX && r->nglobal > 0)
		memcpy(REG_GLOBALS(r), globals, sizeof(float8) * r->nglobal);
	if (n > 0)
		memcpy(REG_ENTRY(r, 0), ents, sizeof(float8) * (Size) n * stride);
	if (kind == REG_COX && np > 0)
		memcpy(REG_PATTERN(r, 0), pats, sizeof(float8) * (Size) npat * np);
	r->nstrata = nstrata;
	memcpy(REG_STRATA(r), labels.data, labels.len);
	CheckValues(r, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(r);
}

Datum
regression_out(PG_FUNCTION_ARGS)
{
	Regression *r = regression_from_datum(PG_GETARG_DATUM(0));
	StringInfoData buf;

	jobreg_check_state_io("regression");

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d;%s;p=%d", KindVersion(r->kind), KindName(r->kind), r->p);
	if (r->kind == REG_POISSON)
	{
		appendStringInfoString(&buf, ";sums=");
		AppendSlots(&buf, REG_GLOBALS(r), GlobalLayout(r->kind));
	}
	if (r->nstrata > 0)
	{
		const char *lp = REG_STRATA(r);

		appendStringInfoString(&buf, ";strata=");
		for (int k = 0; k < r->nstrata; k++)
		{
			int32		len;

			memcpy(&len, lp, sizeof(int32));
			if (k > 0)
				appendStringInfoChar(&buf, ',');
			jobreg_format_label(&buf, lp + sizeof(int32), len);
			lp += sizeof(int32) + len;
		}
	}
	for (int k = 0; r->kind == REG_COX && k < REG_NPATTERNS(r); k++)
	{
		CHECK_FOR_INTERRUPTS();
		appendStringInfoString(&buf, ";x=");
		for (int j = 0; j < r->p; j++)
		{
			if (j > 0)
				appendStringInfoChar(&buf, ',');
			AppendNumber(&buf, REG_PATTERN(r, k)[j]);
		}
	}
	for (int i = 0; i < r->nentries; i++)
	{
		CHECK_FOR_INTERRUPTS();
		appendStringInfoChar(&buf, ';');
		for (int j = 0; j < r->nkey; j++)
		{
			if (j > 0)
				appendStringInfoChar(&buf, ',');
			AppendNumber(&buf, REG_KEY(r, i)[j]);
		}
		appendStringInfoChar(&buf, ':');
		AppendSlots(&buf, REG_VAL(r, i), ValLayout(r->kind));
	}
	PG_RETURN_CSTRING(buf.data);
}

static void
RecvSlots(StringInfo buf, float8 *slot, const char *layout)
{
	for (; *layout; layout++)
	{
		if (*layout == 'f')
			*slot++ = pq_getmsgfloat8(buf);
		else
		{
			int64		hi = pq_getmsgint64(buf);
			uint64		lo = (uint64) pq_getmsgint64(buf);

			FixedSet(slot, (int128) (((uint128) (uint64) hi << 64) | lo));
			slot += 2;
		}
	}
}

static void
SendSlots(StringInfo buf, const float8 *slot, const char *layout)
{
	for (; *layout; layout++)
	{
		if (*layout == 'f')
			pq_sendfloat8(buf, *slot++);
		else
		{
			uint128		u = (uint128) FixedGet(slot);

			pq_sendint64(buf, (int64) (uint64) (u >> 64));
			pq_sendint64(buf, (int64) (uint64) u);
			slot += 2;
		}
	}
}

/*
 * Binary form: uint8 format version, uint8 kind, int2 p, int4 number of
 * entries (the patterns of a logistic or Poisson model), for Cox int4 the
 * number of patterns and the patterns (p float8s each), the kind's global
 * sums (Poisson), then per entry its key (a pattern's p covariates; for
 * Cox stratum, time and pattern number) as float8s and the kind's sums; a
 * float8 as float8, a fixed-point sum as int8 high and low halves of its
 * int128; a Cox model with named strata then has int4 the number of
 * strata and per stratum int4 the length and the bytes of its label.
 * Validated like text input.
 */
Datum
regression_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version,
				kind,
				np,
				n,
				npat = 0,
				stride,
				nkey;
	int64		rest;
	float8	   *slots;
	float8	   *pats = NULL;
	StringInfoData labels;		/* int32 length and bytes per stratum label */
	int			nstrata = 0;
	Regression *r;

	jobreg_check_state_io("regression");
	if (buf->len - buf->cursor < 8)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("regression binary value is too short"),
				 errdetail("It needs a format version byte, the kind, the number of covariates and a count of patterns.")));
	version = pq_getmsgbyte(buf);
	kind = pq_getmsgbyte(buf);
	if (kind != REG_LOGISTIC && kind != REG_POISSON && kind != REG_COX)
		RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION, psprintf("Kind %d is not a model kind.", kind));
	if (version != KindVersion(kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported regression binary format version %d", version),
				 errdetail("This version of jobreg reads regression format version %d of a %s model.",
						   KindVersion(kind), KindName(kind))));
	np = (int16) pq_getmsgint(buf, 2);
	if (np < 0 || np > REGRESSION_MAX_P)
		RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION,
				   psprintf("A model has 0 to %d covariates.", REGRESSION_MAX_P));
	n = (int32) pq_getmsgint(buf, 4);
	nkey = KindNkey(kind, np);
	stride = nkey + KindNval(kind);
	if (kind == REG_COX)
	{
		if (buf->len - buf->cursor < 4)
			RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION, "The message ends before the number of patterns.");
		npat = (int32) pq_getmsgint(buf, 4);
		if (npat < 1 || npat > REGRESSION_MAX_PATTERNS ||
			buf->len - buf->cursor < (int64) npat * np * 8)
			RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION,
					   psprintf("A cox model has 1 to %d patterns of %d numbers each in the message.",
								REGRESSION_MAX_PATTERNS, np));
		pats = palloc_extended(sizeof(float8) * Max((Size) npat * np, 1), MCXT_ALLOC_HUGE);
		for (Size i = 0; i < (Size) npat * np; i++)
			pats[i] = pq_getmsgfloat8(buf);
	}
	rest = n < 1 || n > MaxEntries(kind) ? -1 :
		buf->len - buf->cursor - ((int64) n * stride + (kind == REG_POISSON ? REG_POISSON_NGLOBAL : 0)) * 8;
	if (rest < 0 || (rest > 0 && (kind != REG_COX || rest < (int64) sizeof(int32))))
		RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION,
				   psprintf("The message has %d bytes left for %d entries of %d numbers.",
							buf->len - buf->cursor, n, stride));
	slots = palloc_extended(sizeof(float8) * ((Size) n * stride + KindNglobal(kind)), MCXT_ALLOC_HUGE);
	if (kind == REG_POISSON)
		RecvSlots(buf, slots, GlobalLayout(kind));
	for (int i = 0; i < n; i++)
	{
		float8	   *e = slots + KindNglobal(kind) + (Size) i * stride;

		for (int j = 0; j < nkey; j++)
			e[j] = pq_getmsgfloat8(buf);
		RecvSlots(buf, e + nkey, ValLayout(kind));
	}
	initStringInfo(&labels);
	if (rest > 0)
	{
		nstrata = (int32) pq_getmsgint(buf, 4);
		if (nstrata < 1 || nstrata > REGRESSION_MAX_STRATA)
			RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION,
					   psprintf("A cox model has 1 to %d named strata.", REGRESSION_MAX_STRATA));
		for (int k = 0; k < nstrata; k++)
		{
			int32		len;
			char	   *label;

			if (buf->len - buf->cursor < (int) sizeof(int32))
				RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION, "The message ends before a stratum label.");
			label = jobreg_recv_label(buf, "invalid regression value", "stratum label",
									  CheckLabelLength, &len);
			appendBinaryStringInfo(&labels, (const char *) &len, sizeof(int32));
			appendBinaryStringInfo(&labels, label, len);
		}
		if (buf->cursor != buf->len)
			RegInvalid(ERRCODE_INVALID_BINARY_REPRESENTATION, "The message has bytes after the stratum labels.");
	}
	r = AllocFlat(kind, np, n, npat, labels.len);
	if (kind == REG_POISSON)
		memcpy(REG_GLOBALS(r), slots, sizeof(float8) * KindNglobal(kind));
	memcpy(REG_ENTRY(r, 0), slots + KindNglobal(kind), sizeof(float8) * (Size) n * stride);
	if (kind == REG_COX && np > 0)
		memcpy(REG_PATTERN(r, 0), pats, sizeof(float8) * (Size) npat * np);
	r->nstrata = nstrata;
	memcpy(REG_STRATA(r), labels.data, labels.len);
	CheckValues(r, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(r);
}

Datum
regression_send(PG_FUNCTION_ARGS)
{
	Regression *r = regression_from_datum(PG_GETARG_DATUM(0));
	StringInfoData buf;

	jobreg_check_state_io("regression");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, r->version);
	pq_sendbyte(&buf, r->kind);
	pq_sendint16(&buf, r->p);
	pq_sendint32(&buf, r->nentries);
	if (r->kind == REG_COX)
	{
		pq_sendint32(&buf, REG_NPATTERNS(r));
		for (int k = 0; k < REG_NPATTERNS(r); k++)
			for (int j = 0; j < r->p; j++)
				pq_sendfloat8(&buf, REG_PATTERN(r, k)[j]);
	}
	if (r->kind == REG_POISSON)
		SendSlots(&buf, REG_GLOBALS(r), GlobalLayout(r->kind));
	for (int i = 0; i < r->nentries; i++)
	{
		for (int j = 0; j < r->nkey; j++)
			pq_sendfloat8(&buf, REG_KEY(r, i)[j]);
		SendSlots(&buf, REG_VAL(r, i), ValLayout(r->kind));
	}
	if (r->nstrata > 0)
	{
		const char *lp = REG_STRATA(r);

		pq_sendint32(&buf, r->nstrata);
		for (int k = 0; k < r->nstrata; k++)
		{
			int32		len;

			memcpy(&len, lp, sizeof(int32));
			jobreg_send_label(&buf, lp + sizeof(int32), len);
			lp += sizeof(int32) + len;
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- aggregates ---------- */

static RegState *
GetState(FunctionCallInfo fcinfo, int argno)
{
	RegState   *st;
	Aggref	   *aggref;

	st = (RegState *) jobreg_expanded_arg(fcinfo, argno, &RegMethods);
	if (st != NULL)
		return st;
	st = RegStateCreate(jobreg_state_context(fcinfo));
	if (!PG_ARGISNULL(argno))
		AddFlat(st, regression_from_datum(PG_GETARG_DATUM(argno)), 1);
	/* a partial aggregate (a parallel worker's): its state goes to the combine function only */
	aggref = AggGetAggref(fcinfo);
	st->partial = aggref != NULL && DO_AGGSPLIT_SKIPFINAL(aggref->aggsplit);
	return st;
}

/* a row's covariates, read straight from its float8[] */
typedef struct RowX
{
	int			p;
	bool		binary;			/* every covariate 0 or 1 */
	uint64		mask;			/* bit j: covariate j + 1 is 1 */
	const float8 *x;			/* the covariates, no negative zero */
	float8		buf[REGRESSION_MAX_P + 1];
} RowX;

#define FLOAT8_ONE_BITS UINT64CONST(0x3FF0000000000000)

/*
 * The covariates of a row into rx; false when the array or an element is
 * NULL (the row is skipped).  The array's data is read in place, not
 * deconstructed: a row of 0/1 covariates (the usual case) becomes its mask
 * in one pass over the bits, and its covariates are written out only when
 * its pattern is new (RowValues).
 */
static inline bool
ReadCovariates(ArrayType *a, RowX *rx)
{
	int			n;
	const float8 *data = (const float8 *) ARR_DATA_PTR(a);
	uint64		m = 0;
	uint64		other = 0;
	int			i = 0;

	if (unlikely(ARR_NDIM(a) > 1))
		jobreg_check_list(a, "covariates");	/* 2202E */
	n = ARR_NDIM(a) == 0 ? 0 : ARR_DIMS(a)[0];
	CheckP(n);
	if (unlikely(ARR_HASNULL(a)))
	{
		bits8	   *nulls = ARR_NULLBITMAP(a);

		for (int i = 0; i < n; i++)
			if (!(nulls[i / 8] & (1 << (i % 8))))
				return false;
		/* a null bitmap without a NULL: the data is as without one */
	}
#ifdef __SSE2__
	{
		/* two at a time: 1.0, or 0 (either sign), else other */
		__m128d		one = _mm_set1_pd(1.0);
		__m128d		zero = _mm_setzero_pd();

		for (; i + 1 < n; i += 2)
		{
			__m128d		v = _mm_loadu_pd(&data[i]);
			int			is1 = _mm_movemask_pd(_mm_cmpeq_pd(v, one));
			int			is0 = _mm_movemask_pd(_mm_cmpeq_pd(v, zero));

			m |= (uint64) is1 << i;
			other |= (is1 | is0) ^ 3;
		}
	}
#endif
	for (; i < n; i++)
	{
		uint64		w;

		memcpy(&w, &data[i], sizeof(uint64));
		/* 1.0, or +0.0 or -0.0 (w << 1 == 0); anything else is counted in other */
		m |= (uint64) (w == FLOAT8_ONE_BITS) << i;
		other |= (w != FLOAT8_ONE_BITS) & ((w << 1) != 0);
	}
	rx->p = n;
	rx->mask = m;
	rx->binary = other == 0;
	rx->x = NULL;
	if (unlikely(!rx->binary))
	{
		for (int i = 0; i < n; i++)
		{
			if (!isfinite(data[i]))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("covariate %d is not finite: %g", i + 1, data[i]),
						 errdetail("Covariates must be finite numbers; rows with a NULL covariate are skipped.")));
			rx->buf[i] = data[i] + 0.0; /* no negative zero */
		}
		rx->x = rx->buf;
	}
	return true;
}

/* the covariates of a row as float8s (of a binary row, made from its mask) */
static inline const float8 *
RowValues(RowX *rx)
{
	if (rx->x == NULL)
	{
		for (int i = 0; i < rx->p; i++)
			rx->buf[i] = (rx->mask >> i) & 1 ? 1.0 : 0.0;
		rx->x = rx->buf;
	}
	return rx->x;
}

/*
 * The transition functions: sign 1 adds a row (sfunc, msfunc), -1 takes it
 * out (minvfunc).  In moving-aggregate mode (moving) the state is never
 * NULL, as PostgreSQL requires: a skipped row leaves an empty state.  The
 * row is skipped when an argument is NULL (first and last: the arguments
 * to check, x included).
 */
static Datum
SkipRow(FunctionCallInfo fcinfo, bool moving)
{
	if (moving)
		return EOHPGetRWDatum(&GetState(fcinfo, 0)->hdr);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

static bool
AnyNull(FunctionCallInfo fcinfo, int first, int last)
{
	for (int a = first; a <= last; a++)
		if (PG_ARGISNULL(a))
			return true;
	return false;
}

/* the moving state for taking a row out: never NULL in moving mode */
static RegState *
InverseState(FunctionCallInfo fcinfo)
{
	RegState   *st;

	if (PG_ARGISNULL(0))
		elog(ERROR, "regression inverse transition on a NULL state");
	st = GetState(fcinfo, 0);
	CoxToHash(st);
	return st;
}

static inline int
RowPattern(RegState *st, RowX *rx, int sign)
{
	int			k;

	if (rx->binary)
	{
		/* the mask alone finds the pattern; its covariates only for a new one */
		MaskCell   *cell;
		bool		found;

		if (sign < 0)
		{
			cell = mask_hash_lookup(st->masks, rx->mask);
			if (cell == NULL)
				NotPartOf();
			return cell->idx;
		}
		cell = mask_hash_insert(st->masks, rx->mask, &found);
		if (!found)
			cell->idx = NewPattern(st, RowValues(rx));
		return cell->idx;
	}
	k = PatternIndex(st, rx->x, false, 0, sign > 0);

	if (k < 0)
		NotPartOf();
	return k;
}

static Datum
LogisticRow(FunctionCallInfo fcinfo, int sign, bool moving)
{
	RegState   *st;
	RowX		rx;
	float8	   *v;
	int			k;

	jobreg_check_in_aggregate(fcinfo, "logistic_trans");
	if (AnyNull(fcinfo, 1, 2) || !ReadCovariates(PG_GETARG_ARRAYTYPE_P(2), &rx))
		return SkipRow(fcinfo, moving);
	st = sign > 0 ? GetState(fcinfo, 0) : InverseState(fcinfo);
	SetModel(st, REG_LOGISTIC, rx.p);
	k = RowPattern(st, &rx, sign);	/* may move st->vals */
	v = st->vals + (Size) k * REG_LOGISTIC_NVAL;
	v[REG_ROWS] += sign;
	v[REG_Y] += PG_GETARG_BOOL(1) ? sign : 0;
	if (sign < 0)
		GlmAfterTakeOut(st, v);
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

/* logistic(y bool, x float8[]): rows with a NULL are skipped */
Datum
logistic_trans(PG_FUNCTION_ARGS)
{
	return LogisticRow(fcinfo, 1, false);
}

Datum
logistic_msfunc(PG_FUNCTION_ARGS)
{
	return LogisticRow(fcinfo, 1, true);
}

Datum
logistic_minvfunc(PG_FUNCTION_ARGS)
{
	return LogisticRow(fcinfo, -1, true);
}

static Datum
PoissonRow(FunctionCallInfo fcinfo, int sign, bool moving)
{
	RegState   *st;
	RowX		rx;
	float8		y,
				e;
	float8	   *v;
	int			k;

	jobreg_check_in_aggregate(fcinfo, "poisson_trans");
	if (AnyNull(fcinfo, 1, 3) || !ReadCovariates(PG_GETARG_ARRAYTYPE_P(3), &rx))
		return SkipRow(fcinfo, moving);
	y = PG_GETARG_FLOAT8(1);
	e = PG_GETARG_FLOAT8(2);
	if (!(isfinite(y) && y >= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("poisson events must be finite and not negative: %g", y)));
	if (!(isfinite(e) && e > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("poisson exposure must be finite and above 0: %g", e),
				 errdetail("The model's offset is log(exposure).")));
	st = sign > 0 ? GetState(fcinfo, 0) : InverseState(fcinfo);
	SetModel(st, REG_POISSON, rx.p);
	k = RowPattern(st, &rx, sign);	/* may move st->vals */
	v = st->vals + (Size) k * REG_POISSON_NVAL;
	v[REG_ROWS] += sign;
	/* fixed-point numbers: what a row adds, it takes out exactly */
	FixedAdd(v + REG_Y, sign * Fixed(y));
	FixedAdd(v + REG_EXPOSURE, sign * Fixed(e));
	FixedAdd(v + REG_YLOGY01, sign * Fixed((y + 0.1) * log(y + 0.1)));
	FixedAdd(v + REG_YLOGE01, sign * Fixed((y + 0.1) * log(e)));
	FixedAdd(st->global + REG_G_YLOGE, sign * Fixed(y * log(e)));
	FixedAdd(st->global + REG_G_LGAMMA, sign * Fixed(lgamma(y + 1)));
	if (y > 0)
		FixedAdd(st->global + REG_G_YLOGY, sign * Fixed(y * log(y)));
	FixedAdd(st->global + REG_G_YLOGY01, sign * Fixed(y * log(y + 0.1)));
	if (!IsWhole(y))
		st->global[REG_G_NONINT] += sign;
	if (sign < 0)
	{
		GlmAfterTakeOut(st, v);
		if (st->global[REG_G_NONINT] < 0)
			NotPartOf();
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

/* poisson(events, exposure, x): rows with a NULL are skipped */
Datum
poisson_trans(PG_FUNCTION_ARGS)
{
	return PoissonRow(fcinfo, 1, false);
}

Datum
poisson_msfunc(PG_FUNCTION_ARGS)
{
	return PoissonRow(fcinfo, 1, true);
}

Datum
poisson_minvfunc(PG_FUNCTION_ARGS)
{
	return PoissonRow(fcinfo, -1, true);
}

/* adds (sign 1) or takes out (-1) a row's exit, or its delayed entry */
static inline void
CoxAdd(RegState *st, int stratum, float8 t, int pattern, int slot, float8 events, int sign)
{
	float8	   *v;

	if (sign < 0)
		CoxToHash(st);
	v = CoxSums(st, stratum, t, pattern, sign > 0);
	if (v == NULL)
		NotPartOf();
	v[slot] += sign;
	v[REG_Y] += sign * events;
	if (sign < 0)
		CoxAfterTakeOut(st, stratum, t, pattern, v);
}

static float8
CoxTime(float8 t)
{
	if (!isfinite(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cox duration must be finite: %g", t)));
	return t + 0.0;				/* no negative zero */
}

/*
 * cox(duration, event, x) (nargs 4) and cox(duration, event, x, strata)
 * (nargs 5): R's coxph(Surv(duration, event) ~ x [+ strata(s)])
 */
static Datum
CoxRow(FunctionCallInfo fcinfo, int sign, bool moving)
{
	RegState   *st;
	RowX		rx;
	float8		t;
	bool		named = PG_NARGS() > 4;
	int			stratum = 0;

	jobreg_check_in_aggregate(fcinfo, "cox_trans");
	if (AnyNull(fcinfo, 1, PG_NARGS() - 1) || !ReadCovariates(PG_GETARG_ARRAYTYPE_P(3), &rx))
		return SkipRow(fcinfo, moving);
	t = CoxTime(PG_GETARG_FLOAT8(1));
	st = sign > 0 ? GetState(fcinfo, 0) : InverseState(fcinfo);
	SetModel(st, REG_COX, rx.p);
	SetStrata(st, named);
	if (named)
	{
		text	   *label = PG_GETARG_TEXT_PP(4);

		stratum = StratumNumber(st, VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label), sign > 0);
		if (stratum < 0)
			NotPartOf();
	}
	if (sign > 0 && !moving && rx.binary)
		CoxAddMasked(st, rx.mask, stratum, t, PG_GETARG_BOOL(2));
	else if (sign > 0 && !moving)
	{
		CoxFlushMasked(st);
		CoxAddRow(st, stratum, t, RowPattern(st, &rx, sign), PG_GETARG_BOOL(2));
	}
	else
		CoxAdd(st, stratum, t, RowPattern(st, &rx, sign), REG_ROWS, PG_GETARG_BOOL(2) ? 1 : 0, sign);
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

/* cox(duration, event, x): rows with a NULL are skipped; one stratum (0) */
Datum
cox_trans(PG_FUNCTION_ARGS)
{
	return CoxRow(fcinfo, 1, false);
}

/* cox(duration, event, x, strata) */
Datum
cox_trans_strata(PG_FUNCTION_ARGS)
{
	return CoxRow(fcinfo, 1, false);
}

Datum
cox_msfunc(PG_FUNCTION_ARGS)
{
	return CoxRow(fcinfo, 1, true);
}

Datum
cox_minvfunc(PG_FUNCTION_ARGS)
{
	return CoxRow(fcinfo, -1, true);
}

/* cox(entry, exit, event, x): delayed entry; at risk on (entry, exit] */
static Datum
CoxEntryRow(FunctionCallInfo fcinfo, int sign, bool moving)
{
	RegState   *st;
	RowX		rx;
	float8		t0,
				t1;
	int			k;

	jobreg_check_in_aggregate(fcinfo, "cox_trans");
	if (AnyNull(fcinfo, 1, 4) || !ReadCovariates(PG_GETARG_ARRAYTYPE_P(4), &rx))
		return SkipRow(fcinfo, moving);
	t0 = PG_GETARG_FLOAT8(1);
	t1 = PG_GETARG_FLOAT8(2);
	if (!isfinite(t0) || !isfinite(t1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cox entry and exit must be finite: %g, %g", t0, t1)));
	if (!(t0 < t1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cox entry %g is not before exit %g", t0, t1),
				 errdetail("A row is at risk from just after its entry to its exit, as R's Surv(entry, exit, event).")));
	st = sign > 0 ? GetState(fcinfo, 0) : InverseState(fcinfo);
	SetModel(st, REG_COX, rx.p);
	SetStrata(st, false);
	k = RowPattern(st, &rx, sign);
	CoxAdd(st, 0, t1 + 0.0, k, REG_ROWS, PG_GETARG_BOOL(3) ? 1 : 0, sign);
	CoxAdd(st, 0, t0 + 0.0, k, REG_ENTERED, 0, sign);
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

Datum
cox_trans_entry(PG_FUNCTION_ARGS)
{
	return CoxEntryRow(fcinfo, 1, false);
}

Datum
cox_msfunc_entry(PG_FUNCTION_ARGS)
{
	return CoxEntryRow(fcinfo, 1, true);
}

Datum
cox_minvfunc_entry(PG_FUNCTION_ARGS)
{
	return CoxEntryRow(fcinfo, -1, true);
}

/* combine function of the aggregates, transition function of regression_merge */
Datum
regression_combine(PG_FUNCTION_ARGS)
{
	RegState   *st;

	jobreg_check_in_aggregate(fcinfo, "regression_combine");
	JOBREG_SKIP_ROW_IF_NULL(1, 1);
	st = GetState(fcinfo, 0);
	AddFlat(st, regression_from_datum(PG_GETARG_DATUM(1)), 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

/* msfunc of regression_merge: the state is never NULL */
Datum
regression_msfunc(PG_FUNCTION_ARGS)
{
	RegState   *st;

	jobreg_check_in_aggregate(fcinfo, "regression_msfunc");
	st = GetState(fcinfo, 0);
	if (!PG_ARGISNULL(1))
		AddFlat(st, regression_from_datum(PG_GETARG_DATUM(1)), 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

/* minvfunc of regression_merge: takes a state out */
Datum
regression_minvfunc(PG_FUNCTION_ARGS)
{
	RegState   *st;

	jobreg_check_in_aggregate(fcinfo, "regression_minvfunc");
	st = InverseState(fcinfo);
	if (!PG_ARGISNULL(1))
		AddFlat(st, regression_from_datum(PG_GETARG_DATUM(1)), -1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&st->hdr));
}

/*
 * mfinalfunc of the regression aggregates: the flat state, or NULL when no
 * row is in the frame.  Reads the state only: PostgreSQL calls it again as
 * the frame moves on.
 */
Datum
regression_mfinal(PG_FUNCTION_ARGS)
{
	Datum		d = PG_GETARG_DATUM(0);
	ExpandedObjectHeader *eoh = jobreg_moving_state(d, &RegMethods, "regression_mfinal");

	if (eoh == NULL)
		PG_RETURN_DATUM(d);
	if (StateEmpty((RegState *) eoh))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jobreg_flat_copy(eoh));
}

/*
 * regression_subtract(a, b), a - b: the state of the rows of a that are not
 * rows of b, exactly the state those rows give (patterns, times and strata
 * left without rows leave it), or NULL when no row is left.  Every sum of
 * a regression state is a whole number or a fixed-point number, so taking
 * rows out is exact; b must be part of a (22023 otherwise).
 */
Datum
regression_subtract(PG_FUNCTION_ARGS)
{
	Regression *a = regression_from_datum(PG_GETARG_DATUM(0));
	Regression *b = regression_from_datum(PG_GETARG_DATUM(1));
	RegState   *st = RegStateCreate(CurrentMemoryContext);
	Regression *result;
	Size		size;

	AddFlat(st, a, 1);
	AddFlat(st, b, -1);
	if (StateEmpty(st))
		PG_RETURN_NULL();
	size = EOH_get_flat_size(&st->hdr);
	result = palloc_extended(size, MCXT_ALLOC_HUGE);
	EOH_flatten_into(&st->hdr, result, size);
	/* what is left must be a state rows can give (a Cox risk set, say) */
	CheckValues(result, ERRCODE_INVALID_PARAMETER_VALUE);
	PG_RETURN_POINTER(result);
}

/* ---------- readers ---------- */

/*
 * The fit of a state, kept in fn_extra while the same value comes back (a
 * predict over many rows fits once), with the disclosure decision.
 */
typedef struct FitCache
{
	MemoryContext cxt;			/* holds the value and the fit; reset for another */
	bool		efron;			/* the ties of a Cox fit */
	Size		size;
	Regression *r;				/* a copy of the flat value */
	RegressionFit fit;
	bool		withheld;
} FitCache;

/*
 * jobreg.min_cell for a model: withheld when the rows, the rows with and
 * without the event (logistic), or, for a covariate that is 0 or 1 in
 * every row, the rows with 1 or the rows with 0 are fewer than the floor.
 */
static bool
Withheld(const Regression *r, const RegressionFit *fit, bool notice)
{
	float8		minimum = jobreg_min_cell_in_force();
	char	   *why = NULL;

	if (minimum <= 0)
		return false;
	if (fit->rows < minimum)
		why = psprintf("The model rests on %.0f rows.", fit->rows);
	else if (r->kind == REG_LOGISTIC && (fit->events < minimum || fit->rows - fit->events < minimum))
		why = "The model rests on fewer rows with or without the event than jobreg.min_cell.";
	else if (r->kind == REG_COX && fit->events < minimum)
		why = "The model rests on fewer events than jobreg.min_cell.";
	for (int j = 0; why == NULL && j < r->p; j++)
	{
		float8		ones = 0;
		bool		indicator = true;

		for (int i = 0; i < r->nentries && indicator; i++)
		{
			float8		x = REG_X(r, i)[j];

			if (x == 1)
				ones += REG_VAL(r, i)[REG_ROWS];
			else if (x != 0)
				indicator = false;
		}
		if (indicator && (ones < minimum || fit->rows - ones < minimum))
			why = psprintf("Covariate %d is 0 or 1, and fewer rows than jobreg.min_cell have one of the two.", j + 1);
	}
	if (why != NULL && notice)
		ereport(NOTICE,
				(errmsg("regression figures withheld under jobreg.min_cell = %d", jobreg_min_cell_in_force()),
				 errdetail_internal("%s", why)));
	return why != NULL;
}

/*
 * The fit of a state, kept in fn_extra while the same value comes back (a
 * predict over many rows fits once), with the disclosure decision.  The
 * fit's work arrays live in the call's memory context; the cache keeps a
 * copy of the value and the fit's results only.
 */
static FitCache *
GetFit(FunctionCallInfo fcinfo, Datum d, bool efron)
{
	FitCache   *c = (FitCache *) fcinfo->flinfo->fn_extra;
	Regression *r = regression_from_datum(d);
	RegressionFit fit;
	int			k;

	if (r->kind != REG_COX)
		efron = true;			/* ties do not matter */
	if (c != NULL && c->size == VARSIZE(r) && c->efron == efron && memcmp(c->r, r, c->size) == 0)
		return c;
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FitCache));
		c->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "regression fit",
									   ALLOCSET_DEFAULT_SIZES);
		fcinfo->flinfo->fn_extra = c;
	}
	MemoryContextReset(c->cxt);
	c->size = 0;

	if (r->kind == REG_COX)
		regression_cox_fit(r, efron, &fit);
	else
		regression_glm_fit(r, &fit);
	c->efron = efron;
	k = fit.k;
	c->fit = fit;
	c->fit.coef = MemoryContextAlloc(c->cxt, sizeof(float8) * k);
	c->fit.aliased = MemoryContextAlloc(c->cxt, sizeof(bool) * k);
	c->fit.cov = MemoryContextAlloc(c->cxt, sizeof(float8) * k * k);
	memcpy(c->fit.coef, fit.coef, sizeof(float8) * k);
	memcpy(c->fit.aliased, fit.aliased, sizeof(bool) * k);
	memcpy(c->fit.cov, fit.cov, sizeof(float8) * k * k);
	c->r = MemoryContextAllocHuge(c->cxt, VARSIZE(r));
	memcpy(c->r, r, VARSIZE(r));
	c->size = VARSIZE(r);

	if (c->fit.events == 0 || (r->kind == REG_LOGISTIC && c->fit.events == c->fit.rows))
	{
		ereport(NOTICE,
				(errmsg(c->fit.events == 0 ? "no row of the %s regression has an event"
						: "every row of the %s regression has the event", KindName(r->kind)),
				 errdetail("The maximum likelihood estimates do not exist: the figures are those of R's glm.fit where it stops, and converged is false.")));
		c->fit.boundary = true;
	}
	else if (c->fit.infinite)
		ereport(NOTICE,
				(errmsg("the cox regression's log-likelihood converged before a coefficient did"),
				 errdetail("A coefficient may be infinite (the covariates separate the events), as R's coxph warns; converged is false.")));
	else if (!c->fit.converged)
		ereport(NOTICE,
				(errmsg("the %s regression did not converge in %d iterations", KindName(r->kind), c->fit.iterations),
				 errdetail("The estimates are those of the last iteration, as R's glm.fit returns them; converged is false.")));
	else if (c->fit.boundary)
		ereport(NOTICE,
				(errmsg(r->kind == REG_LOGISTIC ? "fitted probabilities numerically 0 or 1 occurred"
						: "fitted rates numerically 0 occurred"),
				 errdetail("The covariates separate the outcome: the estimates and standard errors of the separating terms are not meaningful, as R's glm.fit warns; converged is false.")));
	if (c->fit.boundary || c->fit.infinite)
		c->fit.converged = false;
	c->withheld = Withheld(r, &c->fit, true);
	return c;
}

/* coef_table(r, names, conf_level, ties) → setof (term, estimate, std_err, statistic, p_value, lower, upper) */
Datum
coef_table(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FitCache   *c;
	float8		level;
	char	   *ties;
	Datum	   *names = NULL;
	bool	   *namenulls = NULL;
	int			nnames = 0;
	float8		qlo,
				qhi;
	int			off;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("coef_table conf_level and ties must not be NULL")));
	level = PG_GETARG_FLOAT8(2);
	if (!(level > 0 && level < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("coef_table conf_level must be between 0 and 1: %g", level)));
	ties = text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (strcmp(ties, "efron") != 0 && strcmp(ties, "breslow") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("coef_table ties must be 'efron' or 'breslow': \"%s\"", ties),
				 errdetail("ties applies to Cox models; logistic and Poisson models ignore it.")));
	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	c = GetFit(fcinfo, PG_GETARG_DATUM(0), strcmp(ties, "efron") == 0);
	off = c->r->kind == REG_COX ? 0 : 1;
	if (!PG_ARGISNULL(1))
	{
		ArrayType  *a = PG_GETARG_ARRAYTYPE_P(1);

		jobreg_check_list(a, "coef_table names");	/* 2202E */
		deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &names, &namenulls, &nnames);
		if (nnames != c->r->p)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("coef_table has %d names for %d covariates", nnames, c->r->p),
					 errdetail("names gives one name per element of x; the intercept of a logistic or Poisson model is named \"(Intercept)\".")));
	}
	/* confint.default: estimate + qnorm(c(a, 1 - a)) * std_err, a = (1 - level) / 2 */
	qlo = jobreg_qnorm((1 - level) / 2);
	qhi = jobreg_qnorm(1 - (1 - level) / 2);
	for (int j = 0; j < c->fit.k; j++)
	{
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};
		float8		est = c->fit.coef[j];
		float8		se = sqrt(c->fit.cov[j * c->fit.k + j]);
		float8		zv = est / se;

		if (j < off)
			values[0] = CStringGetTextDatum("(Intercept)");
		else if (names != NULL && !namenulls[j - off])
			values[0] = names[j - off];
		else
			values[0] = CStringGetTextDatum(psprintf("x%d", j - off + 1));
		values[1] = Float8GetDatum(est);
		values[2] = Float8GetDatum(se);
		values[3] = Float8GetDatum(zv);
		values[4] = Float8GetDatum(2 * jobreg_pnorm(-fabs(zv), true));
		values[5] = Float8GetDatum(est + qlo * se);
		values[6] = Float8GetDatum(est + qhi * se);
		if (c->fit.aliased[j] || c->withheld)
			for (int i = 1; i < 7; i++)
				nulls[i] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* regression_fit(r) → (n, events, loglik, null_loglik, deviance, aic, iterations, converged) */
Datum
regression_fit(PG_FUNCTION_ARGS)
{
	FitCache   *c = GetFit(fcinfo, PG_GETARG_DATUM(0), true);
	TupleDesc	desc;
	Datum		values[8];
	bool		nulls[8] = {false, false, false, false, false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	desc = BlessTupleDesc(desc);
	values[0] = Int64GetDatum((int64) c->fit.rows);
	values[1] = Float8GetDatum(c->fit.events);
	values[2] = Float8GetDatum(c->fit.loglik);
	values[3] = Float8GetDatum(c->fit.null_loglik);
	values[4] = Float8GetDatum(c->fit.deviance);
	values[5] = Float8GetDatum(c->fit.aic);
	values[6] = Int32GetDatum(c->fit.iterations);
	values[7] = BoolGetDatum(c->fit.converged);
	nulls[2] = isnan(c->fit.loglik);
	nulls[3] = isnan(c->fit.null_loglik);
	nulls[4] = isnan(c->fit.deviance);
	nulls[5] = isnan(c->fit.aic);
	if (c->withheld)
		for (int i = 0; i < 6; i++)
			nulls[i] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* predict(r, x): the fitted probability (logistic) or rate per unit exposure (poisson) at x */
Datum
regression_predict(PG_FUNCTION_ARGS)
{
	FitCache   *c = GetFit(fcinfo, PG_GETARG_DATUM(0), true);
	RowX		rx;
	const float8 *x;
	int			p;
	float8		eta;

	if (!ReadCovariates(PG_GETARG_ARRAYTYPE_P(1), &rx))
		PG_RETURN_NULL();
	x = RowValues(&rx);
	p = rx.p;
	if (p != c->r->p)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("predict has %d covariates for a model of %d", p, c->r->p)));
	if (c->r->kind == REG_COX)
	{
		/* the relative hazard exp(x'b), against x = 0 */
		eta = 0;
		for (int j = 0; j < c->fit.k; j++)
			eta += c->fit.coef[j] * x[j];
		PG_RETURN_FLOAT8(exp(eta));
	}
	eta = c->fit.coef[0];
	for (int j = 1; j < c->fit.k; j++)
		eta += c->fit.coef[j] * x[j - 1];
	PG_RETURN_FLOAT8(regression_linkinv(c->r->kind, eta));
}
