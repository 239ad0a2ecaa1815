/*
 * src/survival/logrank.c
 *		The log-rank test: the type logrank_state (a survival state per
 *		group, or per stratum and group), the aggregates
 *		logrank(duration, event, grp), logrank(duration, event, grp, strata)
 *		and logrank(grp, survival), and R's survdiff arithmetic (rho = 0).
 *
 * The state is one survival accumulator (survival.c) per group label, so it
 * grows with groups times distinct times, merges group by group, and is a
 * real type with text and binary I/O.  Like the survival state it is an
 * expanded object while an aggregate runs and a flat varlena otherwise: the
 * groups in byte order of their labels, each a label and a flat survival.
 *
 * A stratified state keys its survival accumulators by stratum and group
 * (survdiff's g + strata(s)): format version 2, whose entries carry a
 * stratum label before the group label, sorted by stratum and then group.
 * An unstratified state keeps version 1, the format of jobreg 0.1.0, so
 * states stored by 0.1.0 read as they were and unstratified states are
 * written exactly as before.
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/htup_details.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/float.h"
#include "utils/memutils.h"

#include "survival/survival.h"

PG_FUNCTION_INFO_V1(logrank_state_in);
PG_FUNCTION_INFO_V1(logrank_state_out);
PG_FUNCTION_INFO_V1(logrank_state_recv);
PG_FUNCTION_INFO_V1(logrank_state_send);
PG_FUNCTION_INFO_V1(logrank_sfunc);
PG_FUNCTION_INFO_V1(logrank_sfunc_survival);
PG_FUNCTION_INFO_V1(logrank_sfunc_strata);
PG_FUNCTION_INFO_V1(logrank_combine);
PG_FUNCTION_INFO_V1(logrank_final);

/*
 * Flat form: this header, then per group an int32 label length, the label
 * bytes, padding to a multiple of 8, and a flat survival (whose size is a
 * multiple of 8).
 */
typedef struct LogrankState
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* LOGRANK_VERSION or LOGRANK_VERSION_STRATA */
	uint8		pad[3];
	int32		ngroups;		/* at least 1 */
	int32		pad2;
	char		groups[FLEXIBLE_ARRAY_MEMBER];
} LogrankState;

#define LOGRANK_VERSION 1		/* groups only (jobreg 0.1.0) */
#define LOGRANK_VERSION_STRATA 2	/* per entry a stratum label, then the group */

#define GROUP_LABEL_SIZE(len) TYPEALIGN(8, sizeof(int32) + (len))

/*
 * Limits of a state (doc/limits.md), overridable at compile time for the
 * fuzz harness.  The groups' distinct times together are bounded by
 * SURVIVAL_MAX_TIMES; the test's covariance matrix has groups^2 cells (8 MB)
 * and its Cholesky factor costs groups^3 / 3: well under a second
 * (doc/bounds.md).
 */
#ifndef LOGRANK_MAX_GROUPS
#define LOGRANK_MAX_GROUPS 1000
#endif
#ifndef LOGRANK_MAX_LABEL
#define LOGRANK_MAX_LABEL 1000	/* bytes of a group label */
#endif

/* Raises 54000 unless a state of ngroups groups may take one more, labelled len bytes */
static void
CheckNewGroup(int32 ngroups, int64 len)
{
	if (ngroups >= LOGRANK_MAX_GROUPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many groups for a logrank_state"),
				 errdetail("A logrank_state holds at most %d groups; compare fewer groups at a time or combine small ones.",
						   LOGRANK_MAX_GROUPS)));
	if (len > LOGRANK_MAX_LABEL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("logrank group label too long"),
				 errdetail("A group label has at most %d bytes; label the groups with shorter names or codes.",
						   LOGRANK_MAX_LABEL)));
}

/* Walks the groups (entries) of a flat state */
typedef struct GroupCursor
{
	const char *next;
	bool		strata;			/* version 2: each entry has a stratum */
	const char *stratum;		/* NULL in a version 1 state */
	int32		slen;
	const char *label;
	int32		len;
	const Survival *surv;
} GroupCursor;

static void
FirstGroup(GroupCursor *c, const LogrankState *ls)
{
	c->next = ls->groups;
	c->strata = ls->version == LOGRANK_VERSION_STRATA;
	c->stratum = NULL;
	c->slen = 0;
}

/* The next group of a state that LogrankFromDatum or BuildState has checked */
static void
NextGroup(GroupCursor *c)
{
	if (c->strata)
	{
		memcpy(&c->slen, c->next, sizeof(int32));
		c->stratum = c->next + sizeof(int32);
		c->next += GROUP_LABEL_SIZE(c->slen);
	}
	memcpy(&c->len, c->next, sizeof(int32));
	c->label = c->next + sizeof(int32);
	c->surv = (const Survival *) (c->next + GROUP_LABEL_SIZE(c->len));
	c->next = (const char *) c->surv + VARSIZE(c->surv);
}

static void
Corrupted(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted logrank_state value"),
			 errdetail("%s", detail)));
}

/*
 * Every reader of a stored state goes through here: detoasted, and the
 * header, every group's label length and flat survival checked against the
 * size of the value before a group is read.
 */
static LogrankState *
LogrankFromDatum(Datum d)
{
	LogrankState *ls = (LogrankState *) PG_DETOAST_DATUM(d);
	const char *p = ls->groups;
	const char *end = (const char *) ls + VARSIZE(ls);
	int64		ntimes = 0;

	if (VARSIZE(ls) < offsetof(LogrankState, groups))
		Corrupted("The value is shorter than its header.");
	if (ls->version != LOGRANK_VERSION && ls->version != LOGRANK_VERSION_STRATA)
		Corrupted(psprintf("The value has format version %d; this version of jobreg reads versions %d and %d.",
						   ls->version, LOGRANK_VERSION, LOGRANK_VERSION_STRATA));
	if (ls->ngroups < 1 || ls->ngroups > LOGRANK_MAX_GROUPS)
		Corrupted(psprintf("The value has %d groups; a state has 1 to %d.",
						   ls->ngroups, LOGRANK_MAX_GROUPS));
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		int32		len;
		const Survival *surv;

		if (ls->version == LOGRANK_VERSION_STRATA)
		{
			if (end - p < (ptrdiff_t) sizeof(int32))
				Corrupted("A group lies past the end of the value.");
			memcpy(&len, p, sizeof(int32));
			if (len < 0 || len > LOGRANK_MAX_LABEL ||
				end - p < (ptrdiff_t) GROUP_LABEL_SIZE(len))
				Corrupted("A stratum label's length does not fit the value.");
			p += GROUP_LABEL_SIZE(len);
		}
		if (end - p < (ptrdiff_t) sizeof(int32))
			Corrupted("A group lies past the end of the value.");
		memcpy(&len, p, sizeof(int32));
		if (len < 0 || len > LOGRANK_MAX_LABEL ||
			end - p < (ptrdiff_t) GROUP_LABEL_SIZE(len))
			Corrupted("A group label's length does not fit the value.");
		surv = (const Survival *) (p + GROUP_LABEL_SIZE(len));
		survival_check_flat(surv, end - (const char *) surv);
		ntimes += surv->ntimes;
		p = (const char *) surv + VARSIZE(surv);
	}
	if (p != end)
		Corrupted("The value's size does not match its groups.");
	if (ntimes > SURVIVAL_MAX_TIMES)
		Corrupted(psprintf("The groups hold %lld distinct times; a state holds at most %d.",
						   (long long) ntimes, SURVIVAL_MAX_TIMES));
	return ls;
}

/* ---------- the expanded object: a hash table of groups ---------- */

typedef struct GroupKey
{
	const char *label;
	int32		len;
	const char *stratum;		/* NULL when the state has no strata */
	int32		slen;
} GroupKey;

static uint32
HashKey(const char *stratum, int32 slen, const char *label, int32 len)
{
	uint32		h = hash_bytes((const unsigned char *) label, len);

	if (stratum != NULL)
		h = hash_combine(h, hash_bytes((const unsigned char *) stratum, slen));
	return h;
}

static bool
SameKey(const char *stratum, int32 slen, const char *label, int32 len, const GroupKey *k)
{
	return k->len == len && memcmp(k->label, label, len) == 0 &&
		k->slen == slen && (slen == 0 || memcmp(k->stratum, stratum, slen) == 0);
}

typedef struct LogrankGroup
{
	GroupKey	key;			/* the label, copied into the state's context */
	uint32		hash;
	char		status;			/* used by simplehash */
	SurvAccum	acc;
} LogrankGroup;

#define SH_PREFIX group_hash
#define SH_ELEMENT_TYPE LogrankGroup
#define SH_KEY_TYPE GroupKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) HashKey((k).stratum, (k).slen, (k).label, (k).len)
#define SH_EQUAL(tb, a, b) SameKey((a).stratum, (a).slen, (a).label, (a).len, &(b))
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

typedef struct ExpandedLogrank
{
	ExpandedObjectHeader hdr;
	int32		ntimes;			/* distinct times of all groups together */
	int			strata;			/* -1 not known yet (no group), 0 no, 1 yes */
	group_hash_hash *groups;
	LogrankGroup *last;			/* the group found last, tried first; an
								 * insertion may move the others */
} ExpandedLogrank;

/*
 * The group of the label in the stratum (stratum NULL: a state without
 * strata), created when new.  A state is stratified or not throughout.
 */
static LogrankGroup *
FindGroup(ExpandedLogrank *el, const char *stratum, int32 slen, const char *label, int32 len)
{
	GroupKey	key = {label, len, stratum, slen};
	LogrankGroup *g = el->last;
	uint32		hash;
	bool		found;
	char	   *copy;

	if (el->strata != (stratum != NULL))
	{
		if (el->strata >= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot combine a stratified logrank state with an unstratified one"),
					 errdetail("Both states must come from logrank(duration, event, grp, strata), or both from the forms without strata.")));
		el->strata = stratum != NULL;
	}
	if (g != NULL && SameKey(stratum, slen, label, len, &g->key))
		return g;
	hash = HashKey(stratum, slen, label, len);
	g = group_hash_lookup_hash(el->groups, key, hash);
	if (g == NULL)
	{
		/* a new group: the limits are checked before the table grows for it */
		CheckNewGroup(el->groups->members, Max(len, slen));
		copy = MemoryContextAlloc(el->hdr.eoh_context, len + slen + 2);
		memcpy(copy, label, len);
		copy[len] = '\0';
		key.label = copy;
		if (stratum != NULL)
		{
			memcpy(copy + len + 1, stratum, slen);
			copy[len + 1 + slen] = '\0';
			key.stratum = copy + len + 1;
		}
		g = group_hash_insert_hash(el->groups, key, hash, &found);
		surv_accum_init(&g->acc, el->hdr.eoh_context, &el->ntimes);
	}
	el->last = g;
	return g;
}

/* Labels in byte order, a shorter before a longer it begins (also graytest.c) */
int
surv_compare_labels(const char *a, int32 alen, const char *b, int32 blen)
{
	return jobreg_compare_labels(a, alen, b, blen);
}

/* by stratum, then by group */
static int
CompareGroups(const void *a, const void *b)
{
	const LogrankGroup *x = *(LogrankGroup *const *) a;
	const LogrankGroup *y = *(LogrankGroup *const *) b;
	int			c = surv_compare_labels(x->key.stratum ? x->key.stratum : "", x->key.slen,
								  y->key.stratum ? y->key.stratum : "", y->key.slen);

	return c != 0 ? c : surv_compare_labels(x->key.label, x->key.len, y->key.label, y->key.len);
}

static Size
ExpandedLogrankFlatSize(ExpandedObjectHeader *eohptr)
{
	ExpandedLogrank *el = (ExpandedLogrank *) eohptr;
	Size		size = offsetof(LogrankState, groups);
	group_hash_iterator it;
	LogrankGroup *g;

	/* the limits keep this far below MaxAllocSize (about 49 MB) */
	survival_check_times(el->ntimes);
	group_hash_start_iterate(el->groups, &it);
	while ((g = group_hash_iterate(el->groups, &it)) != NULL)
		size += (el->strata > 0 ? GROUP_LABEL_SIZE(g->key.slen) : 0) +
			GROUP_LABEL_SIZE(g->key.len) + surv_accum_flat_size(&g->acc);
	return size;
}

static void
ExpandedLogrankFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedLogrank *el = (ExpandedLogrank *) eohptr;
	LogrankState *ls = (LogrankState *) result;
	int32		ngroups = el->groups->members;
	LogrankGroup **sorted = palloc(ngroups * sizeof(LogrankGroup *));
	char	   *p = ls->groups;
	group_hash_iterator it;
	LogrankGroup *g;
	int32		n = 0;

	memset(result, 0, allocated_size);
	SET_VARSIZE(ls, allocated_size);
	ls->version = el->strata > 0 ? LOGRANK_VERSION_STRATA : LOGRANK_VERSION;
	ls->ngroups = ngroups;
	group_hash_start_iterate(el->groups, &it);
	while ((g = group_hash_iterate(el->groups, &it)) != NULL)
		sorted[n++] = g;
	Assert(n == ngroups);
	qsort(sorted, ngroups, sizeof(LogrankGroup *), CompareGroups);
	for (int32 k = 0; k < ngroups; k++)
	{
		if (el->strata > 0)
		{
			memcpy(p, &sorted[k]->key.slen, sizeof(int32));
			memcpy(p + sizeof(int32), sorted[k]->key.stratum, sorted[k]->key.slen);
			p += GROUP_LABEL_SIZE(sorted[k]->key.slen);
		}
		memcpy(p, &sorted[k]->key.len, sizeof(int32));
		memcpy(p + sizeof(int32), sorted[k]->key.label, sorted[k]->key.len);
		p += GROUP_LABEL_SIZE(sorted[k]->key.len);
		surv_accum_flatten(&sorted[k]->acc, (Survival *) p);
		p += VARSIZE(p);
	}
	Assert(p == (char *) result + allocated_size);
	pfree(sorted);
}

static const ExpandedObjectMethods ExpandedLogrankMethods = {
	ExpandedLogrankFlatSize,
	ExpandedLogrankFlatten
};

static void
MergeFlat(ExpandedLogrank *el, const LogrankState *ls)
{
	GroupCursor c;

	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		NextGroup(&c);
		surv_accum_merge(&FindGroup(el, c.stratum, c.slen, c.label, c.len)->acc, c.surv);
	}
}

/* The transition state in argument 0, made writable (see survival.c) */
static ExpandedLogrank *
TransState(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;
	ExpandedLogrank *el;

	el = (ExpandedLogrank *) jobreg_expanded_arg(fcinfo, 0, &ExpandedLogrankMethods);
	if (el != NULL)
		return el;
	cxt = jobreg_state_context(fcinfo);
	el = MemoryContextAlloc(cxt, sizeof(ExpandedLogrank));
	EOH_init_header(&el->hdr, &ExpandedLogrankMethods, cxt);
	el->ntimes = 0;
	el->strata = -1;
	el->groups = group_hash_create(cxt, 8, NULL);
	el->last = NULL;
	if (!PG_ARGISNULL(0))
		MergeFlat(el, LogrankFromDatum(PG_GETARG_DATUM(0)));
	return el;
}

/* ---------- aggregates ---------- */

/* logrank(duration, event, grp); rows with a NULL are skipped */
Datum
logrank_sfunc(PG_FUNCTION_ARGS)
{
	ExpandedLogrank *el;
	text	   *grp;

	JOBREG_SKIP_ROW_IF_NULL(1, 3);
	el = TransState(fcinfo);
	grp = PG_GETARG_TEXT_PP(3);
	surv_accum_exit(&FindGroup(el, NULL, 0, VARDATA_ANY(grp), VARSIZE_ANY_EXHDR(grp))->acc,
					surv_check_time(PG_GETARG_FLOAT8(1), "duration"),
					PG_GETARG_BOOL(2), 1.0);
	PG_RETURN_DATUM(EOHPGetRWDatum(&el->hdr));
}

/* logrank(duration, event, grp, strata); rows with a NULL are skipped */
Datum
logrank_sfunc_strata(PG_FUNCTION_ARGS)
{
	ExpandedLogrank *el;
	text	   *grp;
	text	   *stratum;

	JOBREG_SKIP_ROW_IF_NULL(1, 4);
	el = TransState(fcinfo);
	grp = PG_GETARG_TEXT_PP(3);
	stratum = PG_GETARG_TEXT_PP(4);
	surv_accum_exit(&FindGroup(el, VARDATA_ANY(stratum), VARSIZE_ANY_EXHDR(stratum),
							   VARDATA_ANY(grp), VARSIZE_ANY_EXHDR(grp))->acc,
					surv_check_time(PG_GETARG_FLOAT8(1), "duration"),
					PG_GETARG_BOOL(2), 1.0);
	PG_RETURN_DATUM(EOHPGetRWDatum(&el->hdr));
}

/* logrank(grp, survival): the test over stored per-group states */
Datum
logrank_sfunc_survival(PG_FUNCTION_ARGS)
{
	ExpandedLogrank *el;
	text	   *grp;

	JOBREG_SKIP_ROW_IF_NULL(1, 2);
	el = TransState(fcinfo);
	grp = PG_GETARG_TEXT_PP(1);
	surv_accum_merge(&FindGroup(el, NULL, 0, VARDATA_ANY(grp), VARSIZE_ANY_EXHDR(grp))->acc,
					 PG_GETARG_SURVIVAL_P(2));
	PG_RETURN_DATUM(EOHPGetRWDatum(&el->hdr));
}

Datum
logrank_combine(PG_FUNCTION_ARGS)
{
	ExpandedLogrank *el;

	JOBREG_SKIP_ROW_IF_NULL(1, 1);
	el = TransState(fcinfo);
	MergeFlat(el, LogrankFromDatum(PG_GETARG_DATUM(1)));
	PG_RETURN_DATUM(EOHPGetRWDatum(&el->hdr));
}

/* ---------- the test ---------- */

/*
 * Solve v x = u by Cholesky (v is a covariance matrix, k x k, overwritten)
 * and return u'x; NaN when v is singular, where R's solve() fails.  Also
 * Gray's test's (graytest.c).
 */
float8
surv_quadratic_form(float8 *v, const float8 *u, int k)
{
	float8	   *y = palloc(k * sizeof(float8));
	float8		result = 0;

	for (int j = 0; j < k; j++)
	{
		float8		diag = v[j * k + j];

		CHECK_FOR_INTERRUPTS();
		for (int m = 0; m < j; m++)
			diag -= v[j * k + m] * v[j * k + m];
		if (!(diag > v[j * k + j] * 1e-12))
			return get_float8_nan();
		v[j * k + j] = sqrt(diag);
		for (int i = j + 1; i < k; i++)
		{
			float8		s = v[i * k + j];

			for (int m = 0; m < j; m++)
				s -= v[i * k + m] * v[j * k + m];
			v[i * k + j] = s / v[j * k + j];
		}
	}
	/* u'v^-1 u = |L^-1 u|^2 */
	for (int i = 0; i < k; i++)
	{
		float8		s = u[i];

		CHECK_FOR_INTERRUPTS();
		for (int m = 0; m < i; m++)
			s -= v[i * k + m] * y[m];
		y[i] = s / v[i * k + i];
		result += y[i] * y[i];
	}
	return result;
}

static int
CompareFloat8(const void *a, const void *b)
{
	float8		x = *(const float8 *) a;
	float8		y = *(const float8 *) b;

	return (x > y) - (x < y);
}

/*
 * The off-diagonal part of the log-rank covariance is a sum over event
 * times of w_t r_t r_t' (r_t the numbers at risk per group).  Summed time by
 * time it costs groups^2 per event time; but a group's number at risk only
 * changes at its own times, so the sum is taken per stretch over which
 * r_t[h] is constant: r[h] times the change, over the stretch, of the
 * running sums P[g] = sum of w_t r_t[g].  That costs groups per change of a
 * group, which is linear in the size of the state.
 */
typedef struct RankOneSum
{
	int			ng;
	float8	   *running;		/* P[g] */
	float8	   *level;			/* r[h] over h's current stretch */
	float8	   *start;			/* P at the start of h's stretch, ng x ng */
} RankOneSum;

static void
RankOneInit(RankOneSum *r, int ng)
{
	r->ng = ng;
	r->running = palloc0(ng * sizeof(float8));
	r->level = palloc0(ng * sizeof(float8));
	r->start = palloc0((Size) ng * ng * sizeof(float8));
}

/* Ends h's stretch: subtracts its part of the sum from column h of var */
static void
RankOneFlush(RankOneSum *r, int h, float8 *var)
{
	int			ng = r->ng;
	float8	   *start = &r->start[(Size) h * ng];

	if (r->level[h] != 0)
		for (int g = 0; g < ng; g++)
			var[(Size) g * ng + h] -= r->level[h] * (r->running[g] - start[g]);
	memcpy(start, r->running, ng * sizeof(float8));
}

/* Adds w risk risk' at one event time */
static void
RankOneAdd(RankOneSum *r, float8 w, const float8 *risk, float8 *var)
{
	for (int h = 0; h < r->ng; h++)
		if (risk[h] != r->level[h])
		{
			RankOneFlush(r, h, var);
			r->level[h] = risk[h];
		}
	for (int g = 0; g < r->ng; g++)
		r->running[g] += w * risk[g];
}

static void
RankOneFinish(RankOneSum *r, float8 *var)
{
	for (int h = 0; h < r->ng; h++)
	{
		CHECK_FOR_INTERRUPTS();
		RankOneFlush(r, h, var);
	}
}

/* A group's label, for sorting the distinct labels of a stratified state */
typedef struct LabelRef
{
	const char *label;
	int32		len;
	int32		entry;			/* the entry it came from */
	int64		persons;		/* persons of the entry, for disclosure control */
} LabelRef;

static int
CompareLabelRefs(const void *a, const void *b)
{
	const LabelRef *x = a;
	const LabelRef *y = b;

	return surv_compare_labels(x->label, x->len, y->label, y->len);
}

/*
 * One stratum's part of the test: over the event times of its entries
 * (curve[e] for the entries e in [first, last), of groups group[e]),
 * observed and expected events per group and the hypergeometric
 * covariance, added into obs, expect and var (ng groups).
 */
static void
AddStratum(KMPoint **curve, const int *ntimes, const int *group, int first, int last,
		   int ng, float8 *obs, float8 *expect, float8 *var, RankOneSum *rank_one,
		   float8 *risk, float8 *deaths)
{
	int		   *pos = palloc0((last - first) * sizeof(int));
	float8	   *times;
	int			nt = 0,
				maxt = 0;

	for (int e = first; e < last; e++)
		maxt += ntimes[e];
	times = palloc(Max(maxt, 1) * sizeof(float8));
	for (int e = first; e < last; e++)
		for (int i = 0; i < ntimes[e]; i++)
			if (curve[e][i].events > 0)
				times[nt++] = curve[e][i].time;
	qsort(times, nt, sizeof(float8), CompareFloat8);

	/* the rank-one sums start afresh in each stratum */
	memset(rank_one->running, 0, ng * sizeof(float8));
	memset(rank_one->level, 0, ng * sizeof(float8));
	memset(rank_one->start, 0, (Size) ng * ng * sizeof(float8));
	for (int i = 0; i < nt; i++)
	{
		float8		n = 0;
		float8		d = 0;

		CHECK_FOR_INTERRUPTS();
		if (i > 0 && times[i] == times[i - 1])
			continue;
		/* per group: at risk at the time (0 once past its last time) */
		memset(risk, 0, ng * sizeof(float8));
		memset(deaths, 0, ng * sizeof(float8));
		for (int e = first; e < last; e++)
		{
			int		   *p = &pos[e - first];
			int			g = group[e];

			while (*p < ntimes[e] && curve[e][*p].time < times[i])
				(*p)++;
			risk[g] = *p < ntimes[e] ? curve[e][*p].n_risk : 0;
			deaths[g] = *p < ntimes[e] && curve[e][*p].time == times[i] ?
				curve[e][*p].events : 0;
			n += risk[g];
			d += deaths[g];
		}
		for (int e = first; e < last; e++)
		{
			int			g = group[e];

			obs[g] += deaths[g];
			expect[g] += d * risk[g] / n;
		}
		if (n > 1)
		{
			float8		kk = d * (n - d) / (n * (n - 1));

			for (int e = first; e < last; e++)
				var[(Size) group[e] * ng + group[e]] += kk * risk[group[e]];
			RankOneAdd(rank_one, kk / n, risk, var);
		}
	}
	RankOneFinish(rank_one, var);
	pfree(times);
	pfree(pos);
}

/*
 * R's survdiff with rho = 0: at each time with events, observed and
 * expected events per group and the hypergeometric covariance; with strata
 * (survdiff's g + strata(s)) these are summed over the strata, each stratum
 * its own risk sets.  The chi-square is (O - E)' V^- (O - E) over the
 * groups with expected > 0, leaving out the first of them, on one degree
 * of freedom fewer.
 */
Datum
logrank_final(PG_FUNCTION_ARGS)
{
	LogrankState *ls = LogrankFromDatum(PG_GETARG_DATUM(0));
	int			nentries = ls->ngroups;
	int			ng = 0;
	KMPoint   **curve;
	int		   *ntimes;
	int		   *group;			/* the group index of each entry */
	const char **strata;
	int32	   *slens;
	LabelRef   *labels;
	float8	   *obs;
	float8	   *expect;
	float8	   *var;
	float8	   *risk;
	float8	   *deaths;
	RankOneSum	rank_one;
	int		   *use;
	int			k = 0;
	float8		chisq = 0;
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	GroupCursor c;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "logrank_final must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);
	/* entries are at most LOGRANK_MAX_GROUPS: states are checked as they are made and read */
	curve = palloc(nentries * sizeof(KMPoint *));
	ntimes = palloc(nentries * sizeof(int));
	group = palloc(nentries * sizeof(int));
	strata = palloc(nentries * sizeof(char *));
	slens = palloc(nentries * sizeof(int32));
	labels = palloc(nentries * sizeof(LabelRef));

	/* every entry's curve; the groups are the distinct labels, in byte order */
	FirstGroup(&c, ls);
	for (int e = 0; e < nentries; e++)
	{
		NextGroup(&c);
		curve[e] = survival_curve(c.surv);
		/* disclosure control: the persons of the entry (rows and weights leaving) */
		{
			int64		rows = 0;
			float8		weight = 0;

			for (int i = 0; i < c.surv->ntimes; i++)
			{
				rows += c.surv->times[i].rows_out;
				weight += c.surv->times[i].events + c.surv->times[i].censored;
			}
			labels[e].persons = jobreg_persons(rows, weight);
		}
		ntimes[e] = c.surv->ntimes;
		strata[e] = c.stratum;
		slens[e] = c.slen;
		labels[e].label = c.label;
		labels[e].len = c.len;
		labels[e].entry = e;
	}
	qsort(labels, nentries, sizeof(LabelRef), CompareLabelRefs);
	for (int i = 0; i < nentries; i++)
	{
		if (i > 0 && CompareLabelRefs(&labels[i - 1], &labels[i]) != 0)
			ng++;
		group[labels[i].entry] = ng;
	}
	ng++;

	/*
	 * Disclosure control: under a threshold in force, a test one of whose
	 * groups rests on fewer persons (all strata together) gives NULLs.
	 */
	if (jobreg_min_cell_in_force() > 0)
	{
		int64	   *persons = palloc0(ng * sizeof(int64));

		for (int i = 0; i < nentries; i++)
			persons[group[labels[i].entry]] += labels[i].persons;
		for (int g = 0; g < ng; g++)
		{
			if (jobreg_withheld(persons[g]))
			{
				nulls[0] = nulls[1] = nulls[2] = true;
				PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
			}
		}
	}

	obs = palloc0(ng * sizeof(float8));
	expect = palloc0(ng * sizeof(float8));
	risk = palloc(ng * sizeof(float8));
	deaths = palloc(ng * sizeof(float8));
	RankOneInit(&rank_one, ng);
	var = palloc0((Size) ng * ng * sizeof(float8));

	/* the entries of a stratum are consecutive (sorted by stratum, then group) */
	for (int first = 0; first < nentries;)
	{
		int			last = first + 1;

		while (last < nentries && strata[first] != NULL &&
			   surv_compare_labels(strata[first], slens[first], strata[last], slens[last]) == 0)
			last++;
		if (strata[first] == NULL)
			last = nentries;
		AddStratum(curve, ntimes, group, first, last, ng, obs, expect, var, &rank_one,
				   risk, deaths);
		first = last;
	}

	/* the groups with expected > 0, less the first */
	use = palloc(ng * sizeof(int));
	for (int g = 0; g < ng; g++)
		if (expect[g] > 0)
			use[k++] = g;
	if (k >= 2)
	{
		float8	   *v = palloc((Size) (k - 1) * (k - 1) * sizeof(float8));
		float8	   *u = palloc((k - 1) * sizeof(float8));

		for (int i = 1; i < k; i++)
		{
			u[i - 1] = obs[use[i]] - expect[use[i]];
			for (int j = 1; j < k; j++)
				v[(i - 1) * (k - 1) + (j - 1)] = var[use[i] * ng + use[j]];
		}
		chisq = surv_quadratic_form(v, u, k - 1);
	}
	values[0] = Float8GetDatum(chisq);
	values[1] = Int32GetDatum(Max(k - 1, 0));
	/* no test with fewer than two groups at risk; none when V is singular */
	if (k < 2 || isnan(chisq))
	{
		nulls[2] = true;
		nulls[0] = isnan(chisq);
	}
	else
		values[2] = Float8GetDatum(jobreg_pchisq_upper(chisq, k - 1));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- text I/O ---------- */

static void
CheckLabels(const LogrankState *ls, int sqlstate)
{
	GroupCursor c;
	const char *prev = NULL;
	int32		prevlen = 0;
	const char *prevs = NULL;
	int32		prevslen = 0;

	if (ls->ngroups < 1)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("invalid logrank state"),
				 errdetail("A logrank state has at least one group.")));
	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		int			order;

		NextGroup(&c);
		order = c.stratum != NULL && prevs != NULL ?
			surv_compare_labels(prevs, prevslen, c.stratum, c.slen) : 0;
		if (prev && (order > 0 || (order == 0 && surv_compare_labels(prev, prevlen, c.label, c.len) >= 0)))
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid logrank state"),
					 errdetail("Group labels must be distinct and in increasing byte order (within a stratum, strata in increasing byte order).")));
		prev = c.label;
		prevlen = c.len;
		prevs = c.stratum;
		prevslen = c.slen;
	}
}

/*
 * A flat state from parsed groups (labels and flat survival states), with
 * strata (version 2) when strata is not NULL
 */
static LogrankState *
BuildState(int32 ngroups, char **strata, int32 *slens, char **labels, int32 *lens,
		   Survival **survs, int sqlstate)
{
	Size		size = offsetof(LogrankState, groups);
	int64		ntimes = 0;
	LogrankState *ls;
	char	   *p;

	/* the parsers check each group as it comes; here the times of all */
	for (int32 k = 0; k < ngroups; k++)
	{
		size += (strata ? GROUP_LABEL_SIZE(slens[k]) : 0) +
			GROUP_LABEL_SIZE(lens[k]) + VARSIZE(survs[k]);
		ntimes += survs[k]->ntimes;
	}
	survival_check_times(ntimes);
	ls = palloc0(size);
	SET_VARSIZE(ls, size);
	ls->version = strata ? LOGRANK_VERSION_STRATA : LOGRANK_VERSION;
	ls->ngroups = ngroups;
	p = ls->groups;
	for (int32 k = 0; k < ngroups; k++)
	{
		if (strata)
		{
			memcpy(p, &slens[k], sizeof(int32));
			memcpy(p + sizeof(int32), strata[k], slens[k]);
			p += GROUP_LABEL_SIZE(slens[k]);
		}
		memcpy(p, &lens[k], sizeof(int32));
		memcpy(p + sizeof(int32), labels[k], lens[k]);
		p += GROUP_LABEL_SIZE(lens[k]);
		memcpy(p, survs[k], VARSIZE(survs[k]));
		p += VARSIZE(survs[k]);
	}
	CheckLabels(ls, sqlstate);
	return ls;
}

static void
SyntaxError(const char *whole, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type logrank_state: \"%s\"", whole),
			 errdetail("%s", detail)));
}

/* A label in double quotes at *pp (\ escapes the next byte), of group n */
static char *
ParseLabel(const char **pp, const char *str, int32 n, int32 *len)
{
	const char *p = *pp;
	StringInfoData label;

	if (*p != '"')
		SyntaxError(str, "A label in double quotes is expected.");
	initStringInfo(&label);
	for (p++; *p != '"'; p++)
	{
		if (*p == '\\')
			p++;
		if (*p == '\0')
			SyntaxError(str, "A label is not terminated.");
		CheckNewGroup(n, (int64) label.len + 1);
		appendStringInfoChar(&label, *p);
	}
	*pp = p + 1;
	*len = label.len;
	return label.data;
}

/* A label in double quotes, \ before " and \ (also graytest.c) */
void
surv_format_label(StringInfo buf, const char *label, int32 len)
{
	jobreg_format_label(buf, label, len);
}

/*
 * Text form: "v1" and then, per group, |"label":survival, the label in
 * double quotes with \ before " and \, the survival in its own text form
 * (the form of jobreg 0.1.0); a stratified state: "v2" and per group
 * |"stratum","label":survival.
 */
Datum
logrank_state_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int32		n = 0;
	int32		cap = 8;
	bool		stratified;
	char	  **strata = NULL;
	int32	   *slens = NULL;
	char	  **labels = palloc(cap * sizeof(char *));
	int32	   *lens = palloc(cap * sizeof(int32));
	Survival  **survs = palloc(cap * sizeof(Survival *));

	jobreg_check_state_io("logrank_state");

	if (strncmp(p, "v1", 2) == 0)
		stratified = false;
	else if (strncmp(p, "v2", 2) == 0)
		stratified = true;
	else
		SyntaxError(str, "The text must start with the version, v1 (groups) or v2 (strata and groups).");
	p += 2;
	if (stratified)
	{
		strata = palloc(cap * sizeof(char *));
		slens = palloc(cap * sizeof(int32));
	}
	while (*p == '|')
	{
		CheckNewGroup(n, 0);
		if (n == cap)
		{
			cap *= 2;
			labels = repalloc(labels, cap * sizeof(char *));
			lens = repalloc(lens, cap * sizeof(int32));
			survs = repalloc(survs, cap * sizeof(Survival *));
			if (stratified)
			{
				strata = repalloc(strata, cap * sizeof(char *));
				slens = repalloc(slens, cap * sizeof(int32));
			}
		}
		p++;
		if (stratified)
		{
			strata[n] = ParseLabel(&p, str, n, &slens[n]);
			if (*p++ != ',')
				SyntaxError(str, "A comma is expected after a stratum label.");
		}
		labels[n] = ParseLabel(&p, str, n, &lens[n]);
		if (*p++ != ':')
			SyntaxError(str, "A colon is expected after a group label.");
		survs[n] = survival_parse(p, &p, str);
		n++;
	}
	if (*p != '\0')
		SyntaxError(str, psprintf("Unexpected text \"%s\".", p));
	PG_RETURN_POINTER(BuildState(n, strata, slens, labels, lens, survs,
								 ERRCODE_INVALID_TEXT_REPRESENTATION));
}

Datum
logrank_state_out(PG_FUNCTION_ARGS)
{
	LogrankState *ls = LogrankFromDatum(PG_GETARG_DATUM(0));
	StringInfoData buf;
	GroupCursor c;

	jobreg_check_state_io("logrank_state");

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d", ls->version);
	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		CHECK_FOR_INTERRUPTS();
		NextGroup(&c);
		appendStringInfoChar(&buf, '|');
		if (c.stratum != NULL)
		{
			surv_format_label(&buf, c.stratum, c.slen);
			appendStringInfoChar(&buf, ',');
		}
		surv_format_label(&buf, c.label, c.len);
		appendStringInfoChar(&buf, ':');
		survival_format(&buf, c.surv);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- binary I/O ---------- */

/*
 * A label of the binary form: int4 length, bytes in the client encoding.
 * invalid is the message of a label that does not fit the data (22P03);
 * check_length raises when a length is over the type's limit.  Also
 * graytest.c's.
 */
char *
surv_recv_label(StringInfo buf, const char *invalid, void (*check_length) (int64 len),
				int32 *lenp)
{
	return jobreg_recv_label(buf, invalid, "group label", check_length, lenp);
}

/*
 * The label length check of a group read by logrank_state_recv, which has
 * already checked the count of groups against LOGRANK_MAX_GROUPS
 */
static void
CheckRecvLabel(int64 len)
{
	CheckNewGroup(0, len);
}

/* A label of the binary form, in the client encoding (also graytest.c) */
void
surv_send_label(StringInfo buf, const char *label, int32 len)
{
	jobreg_send_label(buf, label, len);
}

/*
 * Binary form: int1 version, int4 groups, per group int4 length, label,
 * survival; version 2 has before each group's label its stratum's (int4
 * length, label).
 */
Datum
logrank_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n;
	char	  **strata = NULL;
	int32	   *slens = NULL;
	char	  **labels;
	int32	   *lens;
	Survival  **survs;

	jobreg_check_state_io("logrank_state");

	if (version != LOGRANK_VERSION && version != LOGRANK_VERSION_STRATA)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported logrank_state format version %d", version),
				 errdetail("This version of jobreg reads versions %d and %d.",
						   LOGRANK_VERSION, LOGRANK_VERSION_STRATA)));
	n = (int32) pq_getmsgint(buf, 4);
	/* a group takes at least 4 + 5 bytes plus one time */
	if (n < 1 || n > (buf->len - buf->cursor) / 9)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid logrank state"),
				 errdetail("The count of groups does not match the length of the data.")));
	CheckNewGroup(n - 1, 0);
	labels = palloc(n * sizeof(char *));
	lens = palloc(n * sizeof(int32));
	survs = palloc(n * sizeof(Survival *));
	if (version == LOGRANK_VERSION_STRATA)
	{
		strata = palloc(n * sizeof(char *));
		slens = palloc(n * sizeof(int32));
	}
	for (int32 k = 0; k < n; k++)
	{
		if (strata)
			strata[k] = surv_recv_label(buf, "invalid logrank state", CheckRecvLabel, &slens[k]);
		labels[k] = surv_recv_label(buf, "invalid logrank state", CheckRecvLabel, &lens[k]);
		survs[k] = survival_recv_body(buf);
	}
	PG_RETURN_POINTER(BuildState(n, strata, slens, labels, lens, survs,
								 ERRCODE_INVALID_BINARY_REPRESENTATION));
}

Datum
logrank_state_send(PG_FUNCTION_ARGS)
{
	LogrankState *ls = LogrankFromDatum(PG_GETARG_DATUM(0));
	StringInfoData buf;
	GroupCursor c;

	jobreg_check_state_io("logrank_state");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ls->version);
	pq_sendint32(&buf, ls->ngroups);
	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		NextGroup(&c);
		if (c.stratum != NULL)
			surv_send_label(&buf, c.stratum, c.slen);
		surv_send_label(&buf, c.label, c.len);
		survival_send_body(&buf, c.surv);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
