/*
 * src/survival/logrank.c
 *		The log-rank test: the type logrank_state (a survival state per
 *		group), the aggregates logrank(duration, event, grp) and
 *		logrank(grp, survival), and R's survdiff arithmetic (rho = 0).
 *
 * The state is one survival accumulator (survival.c) per group label, so it
 * grows with groups times distinct times, merges group by group, and is a
 * real type with text and binary I/O.  Like the survival state it is an
 * expanded object while an aggregate runs and a flat varlena otherwise: the
 * groups in byte order of their labels, each a label and a flat survival.
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
	uint8		version;		/* LOGRANK_VERSION */
	uint8		pad[3];
	int32		ngroups;		/* at least 1 */
	int32		pad2;
	char		groups[FLEXIBLE_ARRAY_MEMBER];
} LogrankState;

#define LOGRANK_VERSION 1

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

/* Walks the groups of a flat state */
typedef struct GroupCursor
{
	const char *next;
	const char *label;
	int32		len;
	const Survival *surv;
} GroupCursor;

static void
FirstGroup(GroupCursor *c, const LogrankState *ls)
{
	c->next = ls->groups;
}

/* The next group of a state that LogrankFromDatum or BuildState has checked */
static void
NextGroup(GroupCursor *c)
{
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
	if (ls->version != LOGRANK_VERSION)
		Corrupted(psprintf("The value has format version %d; this version of jobreg reads version %d.",
						   ls->version, LOGRANK_VERSION));
	if (ls->ngroups < 1 || ls->ngroups > LOGRANK_MAX_GROUPS)
		Corrupted(psprintf("The value has %d groups; a state has 1 to %d.",
						   ls->ngroups, LOGRANK_MAX_GROUPS));
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		int32		len;
		const Survival *surv;

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
} GroupKey;

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
#define SH_HASH_KEY(tb, k) hash_bytes((const unsigned char *) (k).label, (k).len)
#define SH_EQUAL(tb, a, b) ((a).len == (b).len && memcmp((a).label, (b).label, (a).len) == 0)
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
	group_hash_hash *groups;
	LogrankGroup *last;			/* the group found last, tried first; an
								 * insertion may move the others */
} ExpandedLogrank;

static LogrankGroup *
FindGroup(ExpandedLogrank *el, const char *label, int32 len)
{
	GroupKey	key = {label, len};
	LogrankGroup *g = el->last;
	uint32		hash;
	bool		found;
	char	   *copy;

	if (g != NULL && g->key.len == len && memcmp(g->key.label, label, len) == 0)
		return g;
	hash = hash_bytes((const unsigned char *) label, len);
	g = group_hash_lookup_hash(el->groups, key, hash);
	if (g == NULL)
	{
		/* a new group: the limits are checked before the table grows for it */
		CheckNewGroup(el->groups->members, len);
		copy = MemoryContextAlloc(el->hdr.eoh_context, len + 1);
		memcpy(copy, label, len);
		copy[len] = '\0';
		key.label = copy;
		g = group_hash_insert_hash(el->groups, key, hash, &found);
		surv_accum_init(&g->acc, el->hdr.eoh_context, &el->ntimes);
	}
	el->last = g;
	return g;
}

static int
CompareLabels(const char *a, int32 alen, const char *b, int32 blen)
{
	int			c = memcmp(a, b, Min(alen, blen));

	return c != 0 ? c : (alen > blen) - (alen < blen);
}

static int
CompareGroups(const void *a, const void *b)
{
	const LogrankGroup *x = *(LogrankGroup *const *) a;
	const LogrankGroup *y = *(LogrankGroup *const *) b;

	return CompareLabels(x->key.label, x->key.len, y->key.label, y->key.len);
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
		size += GROUP_LABEL_SIZE(g->key.len) + surv_accum_flat_size(&g->acc);
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
	ls->version = LOGRANK_VERSION;
	ls->ngroups = ngroups;
	group_hash_start_iterate(el->groups, &it);
	while ((g = group_hash_iterate(el->groups, &it)) != NULL)
		sorted[n++] = g;
	Assert(n == ngroups);
	qsort(sorted, ngroups, sizeof(LogrankGroup *), CompareGroups);
	for (int32 k = 0; k < ngroups; k++)
	{
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
		surv_accum_merge(&FindGroup(el, c.label, c.len)->acc, c.surv);
	}
}

/* The transition state in argument 0, made writable (see survival.c) */
static ExpandedLogrank *
TransState(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;
	ExpandedLogrank *el;

	if (!PG_ARGISNULL(0))
	{
		Datum		d = PG_GETARG_DATUM(0);

		if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
			DatumGetEOHP(d)->eoh_methods == &ExpandedLogrankMethods)
			return (ExpandedLogrank *) DatumGetEOHP(d);
	}
	cxt = jobreg_state_context(fcinfo);
	el = MemoryContextAlloc(cxt, sizeof(ExpandedLogrank));
	EOH_init_header(&el->hdr, &ExpandedLogrankMethods, cxt);
	el->ntimes = 0;
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

	SURV_SKIP_ROW_IF_NULL(1, 3);
	el = TransState(fcinfo);
	grp = PG_GETARG_TEXT_PP(3);
	surv_accum_exit(&FindGroup(el, VARDATA_ANY(grp), VARSIZE_ANY_EXHDR(grp))->acc,
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

	SURV_SKIP_ROW_IF_NULL(1, 2);
	el = TransState(fcinfo);
	grp = PG_GETARG_TEXT_PP(1);
	surv_accum_merge(&FindGroup(el, VARDATA_ANY(grp), VARSIZE_ANY_EXHDR(grp))->acc,
					 PG_GETARG_SURVIVAL_P(2));
	PG_RETURN_DATUM(EOHPGetRWDatum(&el->hdr));
}

Datum
logrank_combine(PG_FUNCTION_ARGS)
{
	ExpandedLogrank *el;

	SURV_SKIP_ROW_IF_NULL(1, 1);
	el = TransState(fcinfo);
	MergeFlat(el, LogrankFromDatum(PG_GETARG_DATUM(1)));
	PG_RETURN_DATUM(EOHPGetRWDatum(&el->hdr));
}

/* ---------- the test ---------- */

/*
 * Solve v x = u by Cholesky (v is a covariance matrix, k x k, overwritten)
 * and return u'x; NaN when v is singular, where R's solve() fails.
 */
static float8
QuadraticForm(float8 *v, const float8 *u, int k)
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

/*
 * R's survdiff with rho = 0: at each time with events, observed and
 * expected events per group and the hypergeometric covariance; the
 * chi-square is (O - E)' V^- (O - E) over the groups with expected > 0,
 * leaving out the first of them, on one degree of freedom fewer.
 */
Datum
logrank_final(PG_FUNCTION_ARGS)
{
	LogrankState *ls = LogrankFromDatum(PG_GETARG_DATUM(0));
	int			ng = ls->ngroups;
	KMPoint   **curve;
	int		   *ntimes;
	int		   *pos;
	float8	   *obs;
	float8	   *expect;
	float8	   *var;
	float8	   *risk;
	float8	   *deaths;
	RankOneSum	rank_one;
	float8	   *times;
	int			nt = 0;
	int			maxt = 0;
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
	/* ng is at most LOGRANK_MAX_GROUPS: states are checked as they are made and read */
	curve = palloc(ng * sizeof(KMPoint *));
	ntimes = palloc(ng * sizeof(int));
	pos = palloc0(ng * sizeof(int));
	obs = palloc0(ng * sizeof(float8));
	expect = palloc0(ng * sizeof(float8));
	risk = palloc(ng * sizeof(float8));
	deaths = palloc(ng * sizeof(float8));
	RankOneInit(&rank_one, ng);
	var = palloc0((Size) ng * ng * sizeof(float8));

	/* every group's curve, and the union of the times with events */
	FirstGroup(&c, ls);
	for (int g = 0; g < ng; g++)
	{
		NextGroup(&c);
		curve[g] = survival_curve(c.surv);
		ntimes[g] = c.surv->ntimes;
		maxt += ntimes[g];
	}
	times = palloc(maxt * sizeof(float8));
	for (int g = 0; g < ng; g++)
		for (int i = 0; i < ntimes[g]; i++)
			if (curve[g][i].events > 0)
				times[nt++] = curve[g][i].time;
	qsort(times, nt, sizeof(float8), CompareFloat8);

	for (int i = 0; i < nt; i++)
	{
		float8		n = 0;
		float8		d = 0;

		CHECK_FOR_INTERRUPTS();
		if (i > 0 && times[i] == times[i - 1])
			continue;
		/* per group: at risk at the time (0 once past its last time) */
		for (int g = 0; g < ng; g++)
		{
			while (pos[g] < ntimes[g] && curve[g][pos[g]].time < times[i])
				pos[g]++;
			risk[g] = pos[g] < ntimes[g] ? curve[g][pos[g]].n_risk : 0;
			deaths[g] = pos[g] < ntimes[g] && curve[g][pos[g]].time == times[i] ?
				curve[g][pos[g]].events : 0;
			n += risk[g];
			d += deaths[g];
		}
		for (int g = 0; g < ng; g++)
		{
			obs[g] += deaths[g];
			expect[g] += d * risk[g] / n;
		}
		if (n > 1)
		{
			float8		kk = d * (n - d) / (n * (n - 1));

			for (int j = 0; j < ng; j++)
				var[(Size) j * ng + j] += kk * risk[j];
			RankOneAdd(&rank_one, kk / n, risk, var);
		}
	}
	RankOneFinish(&rank_one, var);

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
		chisq = QuadraticForm(v, u, k - 1);
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

	if (ls->ngroups < 1)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("invalid logrank state"),
				 errdetail("A logrank state has at least one group.")));
	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		NextGroup(&c);
		if (prev && CompareLabels(prev, prevlen, c.label, c.len) >= 0)
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid logrank state"),
					 errdetail("Group labels must be distinct and in increasing byte order.")));
		prev = c.label;
		prevlen = c.len;
	}
}

/* A flat state from parsed groups (labels and flat survival states) */
static LogrankState *
BuildState(int32 ngroups, char **labels, int32 *lens, Survival **survs, int sqlstate)
{
	Size		size = offsetof(LogrankState, groups);
	int64		ntimes = 0;
	LogrankState *ls;
	char	   *p;

	/* the parsers check each group as it comes; here the times of all */
	for (int32 k = 0; k < ngroups; k++)
	{
		size += GROUP_LABEL_SIZE(lens[k]) + VARSIZE(survs[k]);
		ntimes += survs[k]->ntimes;
	}
	survival_check_times(ntimes);
	ls = palloc0(size);
	SET_VARSIZE(ls, size);
	ls->version = LOGRANK_VERSION;
	ls->ngroups = ngroups;
	p = ls->groups;
	for (int32 k = 0; k < ngroups; k++)
	{
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

/*
 * Text form: "v1" and then, per group, |"label":survival, the label in
 * double quotes with \ before " and \, the survival in its own text form.
 */
Datum
logrank_state_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int32		n = 0;
	int32		cap = 8;
	char	  **labels = palloc(cap * sizeof(char *));
	int32	   *lens = palloc(cap * sizeof(int32));
	Survival  **survs = palloc(cap * sizeof(Survival *));

	if (strncmp(p, "v1", 2) != 0)
		SyntaxError(str, "The text must start with the version, v1.");
	p += 2;
	while (*p == '|')
	{
		StringInfoData label;

		CheckNewGroup(n, 0);
		if (n == cap)
		{
			cap *= 2;
			labels = repalloc(labels, cap * sizeof(char *));
			lens = repalloc(lens, cap * sizeof(int32));
			survs = repalloc(survs, cap * sizeof(Survival *));
		}
		if (*++p != '"')
			SyntaxError(str, "A group label in double quotes is expected.");
		initStringInfo(&label);
		for (p++; *p != '"'; p++)
		{
			if (*p == '\\')
				p++;
			if (*p == '\0')
				SyntaxError(str, "A group label is not terminated.");
			CheckNewGroup(n, (int64) label.len + 1);
			appendStringInfoChar(&label, *p);
		}
		p++;
		if (*p++ != ':')
			SyntaxError(str, "A colon is expected after a group label.");
		labels[n] = label.data;
		lens[n] = label.len;
		survs[n] = survival_parse(p, &p, str);
		n++;
	}
	if (*p != '\0')
		SyntaxError(str, psprintf("Unexpected text \"%s\".", p));
	PG_RETURN_POINTER(BuildState(n, labels, lens, survs, ERRCODE_INVALID_TEXT_REPRESENTATION));
}

Datum
logrank_state_out(PG_FUNCTION_ARGS)
{
	LogrankState *ls = LogrankFromDatum(PG_GETARG_DATUM(0));
	StringInfoData buf;
	GroupCursor c;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d", LOGRANK_VERSION);
	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		CHECK_FOR_INTERRUPTS();
		NextGroup(&c);
		appendStringInfoString(&buf, "|\"");
		for (int32 i = 0; i < c.len; i++)
		{
			if (c.label[i] == '"' || c.label[i] == '\\')
				appendStringInfoChar(&buf, '\\');
			appendStringInfoChar(&buf, c.label[i]);
		}
		appendStringInfoString(&buf, "\":");
		survival_format(&buf, c.surv);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- binary I/O ---------- */

/* Binary form: int1 version, int4 groups, per group int4 length, label, survival */
Datum
logrank_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n;
	char	  **labels;
	int32	   *lens;
	Survival  **survs;

	if (version != LOGRANK_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported logrank_state format version %d", version),
				 errdetail("This version of jobreg reads version %d.", LOGRANK_VERSION)));
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
	for (int32 k = 0; k < n; k++)
	{
		int32		len = (int32) pq_getmsgint(buf, 4);
		const char *raw;
		char	   *label;

		if (len < 0 || len > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid logrank state"),
					 errdetail("A group label length does not match the length of the data.")));
		CheckNewGroup(k, len);
		raw = pq_getmsgbytes(buf, len);
		/* text holds no NUL byte (an SQL_ASCII database would not check) */
		if (memchr(raw, '\0', len) != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid logrank state"),
					 errdetail("A group label contains a zero byte.")));
		/* converts from the client encoding, checking the bytes */
		label = pg_client_to_server(raw, len);
		lens[k] = label == raw ? len : strlen(label);
		CheckNewGroup(k, lens[k]);	/* conversion may lengthen it */
		labels[k] = pnstrdup(label, lens[k]);
		survs[k] = survival_recv_body(buf);
	}
	PG_RETURN_POINTER(BuildState(n, labels, lens, survs, ERRCODE_INVALID_BINARY_REPRESENTATION));
}

Datum
logrank_state_send(PG_FUNCTION_ARGS)
{
	LogrankState *ls = LogrankFromDatum(PG_GETARG_DATUM(0));
	StringInfoData buf;
	GroupCursor c;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, LOGRANK_VERSION);
	pq_sendint32(&buf, ls->ngroups);
	FirstGroup(&c, ls);
	for (int32 k = 0; k < ls->ngroups; k++)
	{
		char	   *label;

		NextGroup(&c);
		label = pg_server_to_client(pnstrdup(c.label, c.len), c.len);
		pq_sendint32(&buf, strlen(label));
		pq_sendbytes(&buf, label, strlen(label));
		survival_send_body(&buf, c.surv);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
