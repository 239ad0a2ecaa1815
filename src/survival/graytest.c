/*
 * src/survival/graytest.c
 *		Gray's test of equal cumulative incidence among groups, per cause
 *		(rho = 0): the type gray_state, the aggregate
 *		gray_test(duration, cause, grp) and the score and variance of
 *		cmprsk's crstm, as cmprsk::cuminc(ftime, fstatus, group)$Tests.
 *
 * The state holds, per group, time and cause, how many persons left (cause
 * 0 = censored): all the test needs.  States of disjoint rows merge by
 * adding counts.  Like the cuminc and logrank states it is an expanded
 * object (a hash table of entries) while an aggregate runs and a flat
 * varlena otherwise: the group labels in byte order, then the entries
 * (time, group, cause, count) sorted by group, time and cause.
 */
#include "postgres.h"

#include <ctype.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "stats/stats.h"
#include "survival/survival.h"

PG_FUNCTION_INFO_V1(gray_state_in);
PG_FUNCTION_INFO_V1(gray_state_out);
PG_FUNCTION_INFO_V1(gray_state_recv);
PG_FUNCTION_INFO_V1(gray_state_send);
PG_FUNCTION_INFO_V1(gray_test_trans);
PG_FUNCTION_INFO_V1(gray_test_combine);
PG_FUNCTION_INFO_V1(gray_test_final);

#define GRAY_VERSION 1

/*
 * Limits of a state (doc/limits.md), overridable at compile time for the
 * fuzz harness.  The test costs causes x distinct times x groups^2.
 */
#ifndef GRAY_MAX_GROUPS
#define GRAY_MAX_GROUPS 100
#endif
#ifndef GRAY_MAX_LABEL
#define GRAY_MAX_LABEL 1000		/* bytes of a group label */
#endif
#ifndef GRAY_MAX_ENTRIES
#define GRAY_MAX_ENTRIES 2000000	/* (group, time, cause) entries: 48 MB */
#endif
#ifndef GRAY_MAX_CAUSES
#define GRAY_MAX_CAUSES 100
#endif

typedef struct GrayEntry
{
	float8		time;			/* finite, not negative, never -0 */
	int64		count;			/* positive */
	int32		group;			/* index into the labels */
	int32		cause;			/* 0 = censored */
} GrayEntry;

/*
 * Flat form: this header, then per group an int32 label length and the
 * label bytes, padded to a multiple of 8 together, then the entries.
 */
typedef struct GrayState
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* GRAY_VERSION */
	uint8		pad[3];
	int32		ngroups;		/* at least 1 */
	int32		nentries;		/* at least ngroups */
	int32		labels_size;	/* bytes of the labels, a multiple of 8 */
	int32		pad2;			/* zero: the labels and entries start at 24 */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} GrayState;

#define GRAY_ENTRIES(gs) ((GrayEntry *) ((gs)->data + (gs)->labels_size))

StaticAssertDecl(sizeof(GrayEntry) == 24, "GrayEntry must be 24 bytes");
StaticAssertDecl(offsetof(GrayState, data) % 8 == 0, "gray_state entries must be aligned");

static void
CheckLimit(bool over, const char *what, int limit)
{
	if (over)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many %s for a gray_state", what),
				 errdetail("A gray_state holds at most %d %s; compare fewer groups, coarsen the times or combine causes.",
						   limit, what)));
}

static void
CheckLabelLength(int64 len)
{
	if (len > GRAY_MAX_LABEL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("gray_test group label too long"),
				 errdetail("A group label has at most %d bytes; label the groups with shorter names or codes.",
						   GRAY_MAX_LABEL)));
}

static int
CompareEntries(const GrayEntry *a, const GrayEntry *b)
{
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return (a->cause > b->cause) - (a->cause < b->cause);
}

/*
 * Checks a flat state completely (every reader of a stored value comes
 * here, and the input functions before they return one): the header, the
 * labels (distinct, in byte order), the entries (sorted, valid, every group
 * used), with the given SQLSTATE.  Returns the labels' starts and lengths.
 */
static void
CheckState(const GrayState *gs, Size size, int sqlstate, const char **labels, int32 *lens)
{
	const char *p = gs->data;
	const char *end;
	const GrayEntry *e;
	int32		used = -1;

#define BAD(...) ereport(ERROR, (errcode(sqlstate), errmsg("invalid gray_state value"), errdetail(__VA_ARGS__)))
	if (size < offsetof(GrayState, data))
		BAD("The value is shorter than its header.");
	if (gs->version != GRAY_VERSION)
		BAD("The value has format version %d; this version of jobreg reads version %d.",
			gs->version, GRAY_VERSION);
	if (gs->ngroups < 1 || gs->ngroups > GRAY_MAX_GROUPS)
		BAD("The value has %d groups; a state has 1 to %d.", gs->ngroups, GRAY_MAX_GROUPS);
	if (gs->nentries < gs->ngroups || gs->nentries > GRAY_MAX_ENTRIES)
		BAD("The value has %d entries for %d groups; a state has one or more per group and at most %d.",
			gs->nentries, gs->ngroups, GRAY_MAX_ENTRIES);
	if (gs->labels_size < 0 || gs->labels_size % 8 != 0 ||
		(Size) gs->labels_size > size - offsetof(GrayState, data) ||
		size - offsetof(GrayState, data) - gs->labels_size != (Size) gs->nentries * sizeof(GrayEntry))
		BAD("The value's size does not match its labels and entries.");
	end = gs->data + gs->labels_size;
	for (int32 g = 0; g < gs->ngroups; g++)
	{
		if (end - p < (ptrdiff_t) sizeof(int32))
			BAD("A group label lies past the end of the labels.");
		memcpy(&lens[g], p, sizeof(int32));
		if (lens[g] < 0 || lens[g] > GRAY_MAX_LABEL || end - p - (ptrdiff_t) sizeof(int32) < lens[g])
			BAD("A group label's length does not fit the value.");
		labels[g] = p + sizeof(int32);
		if (memchr(labels[g], '\0', lens[g]) != NULL)
			BAD("A group label contains a zero byte.");
		if (g > 0 && surv_compare_labels(labels[g - 1], lens[g - 1], labels[g], lens[g]) >= 0)
			BAD("Group labels must be distinct and in increasing byte order.");
		p = labels[g] + lens[g];
	}
	if (TYPEALIGN(8, p - gs->data) != (Size) gs->labels_size)
		BAD("The labels' size does not match the labels.");
	e = GRAY_ENTRIES(gs);
	for (int32 i = 0; i < gs->nentries; i++)
	{
		GrayEntry	x;

		memcpy(&x, &e[i], sizeof(GrayEntry));
		if (x.group < 0 || x.group >= gs->ngroups || x.group > used + 1)
			BAD("An entry's group is out of range, or a group has no entry.");
		used = Max(used, x.group);
		if (!isfinite(x.time) || x.time < 0.0 || (x.time == 0.0 && signbit(x.time)))
			BAD("An entry's time is not a finite number of at least 0.");
		if (x.cause < 0 || x.count < 1)
			BAD("An entry has a negative cause or a count below 1.");
		if (i > 0 && CompareEntries(&e[i - 1], &x) >= 0)
			BAD("Entries must be distinct and sorted by group, time and cause.");
	}
	if (used != gs->ngroups - 1)
		BAD("A group has no entry.");
#undef BAD
}

static GrayState *
GrayFromDatum(Datum d, const char **labels, int32 *lens)
{
	GrayState  *gs = (GrayState *) PG_DETOAST_DATUM(d);

	CheckState(gs, VARSIZE(gs), ERRCODE_DATA_CORRUPTED, labels, lens);
	return gs;
}

/* A flat state from labels and entries (entries sorted, groups indexing the labels) */
static GrayState *
BuildState(int32 ngroups, char **labels, int32 *lens, const GrayEntry *entries, int32 nentries,
		   int sqlstate)
{
	Size		labels_size = 0;
	GrayState  *gs;
	char	   *p;
	const char **lp = palloc(ngroups * sizeof(char *));
	int32	   *ll = palloc(ngroups * sizeof(int32));

	for (int32 g = 0; g < ngroups; g++)
		labels_size += sizeof(int32) + lens[g];
	labels_size = TYPEALIGN(8, labels_size);
	gs = palloc0(offsetof(GrayState, data) + labels_size + (Size) nentries * sizeof(GrayEntry));
	SET_VARSIZE(gs, offsetof(GrayState, data) + labels_size + (Size) nentries * sizeof(GrayEntry));
	gs->version = GRAY_VERSION;
	gs->ngroups = ngroups;
	gs->nentries = nentries;
	gs->labels_size = labels_size;
	p = gs->data;
	for (int32 g = 0; g < ngroups; g++)
	{
		memcpy(p, &lens[g], sizeof(int32));
		memcpy(p + sizeof(int32), labels[g], lens[g]);
		p += sizeof(int32) + lens[g];
	}
	if (nentries > 0)
		memcpy(GRAY_ENTRIES(gs), entries, (Size) nentries * sizeof(GrayEntry));
	CheckState(gs, VARSIZE(gs), sqlstate, lp, ll);
	return gs;
}

/* ---------- the expanded object ---------- */

typedef struct EntryKey
{
	float8		time;
	int32		group;
	int32		cause;
} EntryKey;

typedef struct EntryHashEntry
{
	EntryKey	key;
	int64		count;
	char		status;
} EntryHashEntry;

#define SH_PREFIX gray_hash
#define SH_ELEMENT_TYPE EntryHashEntry
#define SH_KEY_TYPE EntryKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) hash_combine(surv_hash_time((k).time), \
										murmurhash32((uint32) (k).group * 7919u ^ (uint32) (k).cause))
#define SH_EQUAL(tb, a, b) ((a).time == (b).time && (a).group == (b).group && (a).cause == (b).cause)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

typedef struct ExpandedGray
{
	ExpandedObjectHeader hdr;
	int32		ngroups;
	int32		capacity;
	char	  **labels;			/* in the order of arrival */
	int32	   *lens;
	int32		last;			/* the group found last, tried first */
	gray_hash_hash *entries;
} ExpandedGray;

static int32
FindGroup(ExpandedGray *eg, const char *label, int32 len)
{
	if (eg->last >= 0 && eg->lens[eg->last] == len && memcmp(eg->labels[eg->last], label, len) == 0)
		return eg->last;
	for (int32 g = 0; g < eg->ngroups; g++)
		if (eg->lens[g] == len && memcmp(eg->labels[g], label, len) == 0)
			return eg->last = g;
	CheckLimit(eg->ngroups >= GRAY_MAX_GROUPS, "groups", GRAY_MAX_GROUPS);
	CheckLabelLength(len);
	if (eg->ngroups == eg->capacity)
	{
		eg->capacity *= 2;
		eg->labels = repalloc(eg->labels, eg->capacity * sizeof(char *));
		eg->lens = repalloc(eg->lens, eg->capacity * sizeof(int32));
	}
	eg->labels[eg->ngroups] = MemoryContextAlloc(eg->hdr.eoh_context, len + 1);
	memcpy(eg->labels[eg->ngroups], label, len);
	eg->labels[eg->ngroups][len] = '\0';
	eg->lens[eg->ngroups] = len;
	return eg->last = eg->ngroups++;
}

static void
AddEntry(ExpandedGray *eg, int32 group, float8 time, int32 cause, int64 count)
{
	EntryKey	key = {time, group, cause};
	EntryHashEntry *e;
	bool		found;

	e = gray_hash_lookup(eg->entries, key);
	if (e == NULL)
	{
		CheckLimit(eg->entries->members >= GRAY_MAX_ENTRIES, "entries", GRAY_MAX_ENTRIES);
		e = gray_hash_insert(eg->entries, key, &found);
		e->count = 0;
	}
	if (pg_add_s64_overflow(e->count, count, &e->count))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("gray_state count out of range")));
}

static int
CompareEntriesQsort(const void *a, const void *b)
{
	return CompareEntries(a, b);
}

typedef struct LabelOrder
{
	const char *label;
	int32		len;
	int32		index;
} LabelOrder;

static int
CompareLabelOrder(const void *a, const void *b)
{
	const LabelOrder *x = a;
	const LabelOrder *y = b;

	return surv_compare_labels(x->label, x->len, y->label, y->len);
}

/* The flat state of an expanded one: labels sorted, entries renumbered and sorted */
static GrayState *
Flatten(ExpandedGray *eg)
{
	LabelOrder *order = palloc(Max(eg->ngroups, 1) * sizeof(LabelOrder));
	int32	   *rank = palloc(Max(eg->ngroups, 1) * sizeof(int32));
	char	  **labels = palloc(Max(eg->ngroups, 1) * sizeof(char *));
	int32	   *lens = palloc(Max(eg->ngroups, 1) * sizeof(int32));
	GrayEntry  *entries = palloc(Max(eg->entries->members, 1) * sizeof(GrayEntry));
	int32		n = 0;
	gray_hash_iterator it;
	EntryHashEntry *e;

	for (int32 g = 0; g < eg->ngroups; g++)
	{
		order[g].label = eg->labels[g];
		order[g].len = eg->lens[g];
		order[g].index = g;
	}
	qsort(order, eg->ngroups, sizeof(LabelOrder), CompareLabelOrder);
	for (int32 g = 0; g < eg->ngroups; g++)
	{
		rank[order[g].index] = g;
		labels[g] = eg->labels[order[g].index];
		lens[g] = eg->lens[order[g].index];
	}
	gray_hash_start_iterate(eg->entries, &it);
	while ((e = gray_hash_iterate(eg->entries, &it)) != NULL)
	{
		entries[n].time = e->key.time;
		entries[n].group = rank[e->key.group];
		entries[n].cause = e->key.cause;
		entries[n].count = e->count;
		n++;
	}
	qsort(entries, n, sizeof(GrayEntry), CompareEntriesQsort);
	return BuildState(eg->ngroups, labels, lens, entries, n, ERRCODE_DATA_CORRUPTED);
}

/* The size of the flat form: header, labels padded to 8, entries */
static Size
ExpandedGrayFlatSize(ExpandedObjectHeader *eohptr)
{
	ExpandedGray *eg = (ExpandedGray *) eohptr;
	Size		labels_size = 0;

	for (int32 g = 0; g < eg->ngroups; g++)
		labels_size += sizeof(int32) + eg->lens[g];
	return offsetof(GrayState, data) + TYPEALIGN(8, labels_size) +
		(Size) eg->entries->members * sizeof(GrayEntry);
}

static void
ExpandedGrayFlatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedGray *eg = (ExpandedGray *) eohptr;
	GrayState  *flat = Flatten(eg);

	Assert(VARSIZE(flat) == allocated_size);
	memcpy(result, flat, allocated_size);
	pfree(flat);
}

static const ExpandedObjectMethods ExpandedGrayMethods = {
	ExpandedGrayFlatSize,
	ExpandedGrayFlatten
};

static void
MergeFlat(ExpandedGray *eg, const GrayState *gs, const char **labels, const int32 *lens)
{
	const GrayEntry *e = GRAY_ENTRIES(gs);
	int32	   *map = palloc(gs->ngroups * sizeof(int32));

	for (int32 g = 0; g < gs->ngroups; g++)
		map[g] = FindGroup(eg, labels[g], lens[g]);
	for (int32 i = 0; i < gs->nentries; i++)
	{
		GrayEntry	x;

		memcpy(&x, &e[i], sizeof(GrayEntry));
		AddEntry(eg, map[x.group], x.time, x.cause, x.count);
	}
	pfree(map);
}

static ExpandedGray *
TransState(FunctionCallInfo fcinfo)
{
	MemoryContext cxt;
	ExpandedGray *eg;

	eg = (ExpandedGray *) jobreg_expanded_arg(fcinfo, 0, &ExpandedGrayMethods);
	if (eg != NULL)
		return eg;
	cxt = jobreg_state_context(fcinfo);
	eg = MemoryContextAlloc(cxt, sizeof(ExpandedGray));
	EOH_init_header(&eg->hdr, &ExpandedGrayMethods, cxt);
	eg->ngroups = 0;
	eg->capacity = 8;
	eg->labels = MemoryContextAlloc(cxt, eg->capacity * sizeof(char *));
	eg->lens = MemoryContextAlloc(cxt, eg->capacity * sizeof(int32));
	eg->last = -1;
	eg->entries = gray_hash_create(cxt, 64, NULL);
	if (!PG_ARGISNULL(0))
	{
		const char *labels[GRAY_MAX_GROUPS];
		int32		lens[GRAY_MAX_GROUPS];
		GrayState  *gs = GrayFromDatum(PG_GETARG_DATUM(0), labels, lens);

		MergeFlat(eg, gs, labels, lens);
	}
	return eg;
}

/* ---------- aggregate ---------- */

/* gray_test(duration, cause, grp); rows with a NULL are skipped */
Datum
gray_test_trans(PG_FUNCTION_ARGS)
{
	ExpandedGray *eg;
	text	   *grp;
	int32		cause;
	float8		time;

	JOBREG_SKIP_ROW_IF_NULL(1, 3);
	time = surv_check_time(PG_GETARG_FLOAT8(1), "duration");
	cause = PG_GETARG_INT32(2);
	if (cause < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cause %d is negative", cause),
				 errdetail("A cause is 0 for censored or a positive code.")));
	eg = TransState(fcinfo);
	grp = PG_GETARG_TEXT_PP(3);
	AddEntry(eg, FindGroup(eg, VARDATA_ANY(grp), VARSIZE_ANY_EXHDR(grp)), time + 0.0, cause, 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&eg->hdr));
}

Datum
gray_test_combine(PG_FUNCTION_ARGS)
{
	ExpandedGray *eg;
	const char *labels[GRAY_MAX_GROUPS];
	int32		lens[GRAY_MAX_GROUPS];
	GrayState  *gs;

	JOBREG_SKIP_ROW_IF_NULL(1, 1);
	eg = TransState(fcinfo);
	gs = GrayFromDatum(PG_GETARG_DATUM(1), labels, lens);
	MergeFlat(eg, gs, labels, lens);
	PG_RETURN_DATUM(EOHPGetRWDatum(&eg->hdr));
}

/* ---------- the test ---------- */

/*
 * Gray's score s (first ng - 1 groups) and its variance v for one cause,
 * rho = 0, as cmprsk's crst: at each distinct time t, per group the risk
 * set rs, failures from the cause (d1) and from other causes (d2); the
 * left-continuous Kaplan-Meier (skmm) and cumulative incidence (f1m) per
 * group and the pooled incidence f.  ts[] are the distinct times, and
 * cnt[(t * ng + g) * 3 + k] the counts (k = 0 censored, 1 the cause,
 * 2 other causes).
 */
static void
GrayScore(int nt, int ng, const float8 *cnt, const float8 *n0, float8 *s, float8 *v)
{
	int			ng1 = ng - 1;
	float8	   *rs = palloc(ng * sizeof(float8));
	float8	   *f1m = palloc0(ng * sizeof(float8));
	float8	   *f1 = palloc0(ng * sizeof(float8));
	float8	   *skmm = palloc(ng * sizeof(float8));
	float8	   *skm = palloc(ng * sizeof(float8));
	float8	   *v3 = palloc0(ng * sizeof(float8));
	float8	   *v2 = palloc0((Size) ng1 * ng * sizeof(float8));	/* v2[i * ng + k] */
	float8	   *c = palloc0((Size) ng * ng * sizeof(float8));
	float8	   *a = palloc0((Size) ng * ng * sizeof(float8));
	float8		fm = 0,
				f = 0;

	for (int g = 0; g < ng; g++)
	{
		rs[g] = n0[g];
		skmm[g] = skm[g] = 1;
	}
	memset(s, 0, ng1 * sizeof(float8));
	memset(v, 0, (Size) ng1 * ng1 * sizeof(float8));
	for (int t = 0; t < nt; t++)
	{
		const float8 *d = &cnt[(Size) t * ng * 3];
		float8		nd1 = 0,
					nd2 = 0,
					tr = 0,
					tq = 0;

		if ((t & 255) == 0)
			CHECK_FOR_INTERRUPTS();
		for (int g = 0; g < ng; g++)
		{
			nd1 += d[g * 3 + 1];
			nd2 += d[g * 3 + 2];
		}
		if (nd1 > 0 || nd2 > 0)
		{
			for (int g = 0; g < ng; g++)
			{
				if (rs[g] <= 0)
					continue;
				skm[g] = skmm[g] * (rs[g] - d[g * 3 + 1] - d[g * 3 + 2]) / rs[g];
				f1[g] = f1m[g] + (skmm[g] * d[g * 3 + 1]) / rs[g];
				tr += rs[g] / skmm[g];
				tq += rs[g] * (1 - f1m[g]) / skmm[g];
			}
			f = fm + nd1 / tr;
			for (int i = 0; i < ng; i++)
			{
				float8		t1;

				for (int j = i; j < ng; j++)
					a[i * ng + j] = 0;
				if (rs[i] <= 0)
					continue;
				t1 = rs[i] / skmm[i];
				a[i * ng + i] = t1 * (1 - t1 / tr);
				if (a[i * ng + i] != 0)
					c[i * ng + i] += a[i * ng + i] * nd1 / (tr * (1 - fm));
				for (int j = i + 1; j < ng; j++)
				{
					if (rs[j] <= 0)
						continue;
					a[i * ng + j] = -t1 * rs[j] / (skmm[j] * tr);
					if (a[i * ng + j] != 0)
						c[i * ng + j] += a[i * ng + j] * nd1 / (tr * (1 - fm));
				}
			}
			for (int i = 1; i < ng; i++)
				for (int j = 0; j < i; j++)
				{
					a[i * ng + j] = a[j * ng + i];
					c[i * ng + j] = c[j * ng + i];
				}
			for (int i = 0; i < ng1; i++)
				if (rs[i] > 0)
					s[i] += d[i * 3 + 1] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq);
			if (nd1 > 0)
				for (int k = 0; k < ng; k++)
				{
					float8		t3,
								t4 = 1,
								t5 = 1;

					if (rs[k] <= 0)
						continue;
					if (skm[k] > 0)
						t4 = 1 - (1 - f) / skm[k];
					if (nd1 > 1)
						t5 = 1 - (nd1 - 1) / (tr * skmm[k] - 1);
					t3 = t5 * skmm[k] * nd1 / (tr * rs[k]);
					v3[k] += t4 * t4 * t3;
					for (int i = 0; i < ng1; i++)
					{
						float8		t1 = a[i * ng + k] - t4 * c[i * ng + k];

						v2[i * ng + k] += t1 * t4 * t3;
						for (int j = 0; j <= i; j++)
						{
							float8		t2 = a[j * ng + k] - t4 * c[j * ng + k];

							v[i * ng1 + j] += t1 * t2 * t3;
						}
					}
				}
			if (nd2 > 0)
				for (int k = 0; k < ng; k++)
				{
					float8		t3,
								t4,
								t5 = 1,
								d2 = d[k * 3 + 2];

					if (skm[k] <= 0 || d2 <= 0)
						continue;
					t4 = (1 - f) / skm[k];
					if (d2 > 1)
						t5 = 1 - (d2 - 1) / (rs[k] - 1);
					t3 = t5 * ((skmm[k] * skmm[k]) * d2) / (rs[k] * rs[k]);
					v3[k] += t4 * t4 * t3;
					for (int i = 0; i < ng1; i++)
					{
						float8		t1 = t4 * c[i * ng + k];

						v2[i * ng + k] -= t1 * t4 * t3;
						for (int j = 0; j <= i; j++)
						{
							float8		t2 = t4 * c[j * ng + k];

							v[i * ng1 + j] += t1 * t2 * t3;
						}
					}
				}
		}
		/* past this time */
		for (int g = 0; g < ng; g++)
			rs[g] -= d[g * 3] + d[g * 3 + 1] + d[g * 3 + 2];
		fm = f;
		for (int g = 0; g < ng; g++)
		{
			f1m[g] = f1[g];
			skmm[g] = skm[g];
		}
	}
	for (int i = 0; i < ng1; i++)
		for (int j = 0; j <= i; j++)
		{
			for (int k = 0; k < ng; k++)
			{
				v[i * ng1 + j] += c[i * ng + k] * c[j * ng + k] * v3[k];
				v[i * ng1 + j] += c[i * ng + k] * v2[j * ng + k];
				v[i * ng1 + j] += c[j * ng + k] * v2[i * ng + k];
			}
			v[j * ng1 + i] = v[i * ng1 + j];
		}
}

static int
CompareFloat8(const void *a, const void *b)
{
	float8		x = *(const float8 *) a;
	float8		y = *(const float8 *) b;

	return (x > y) - (x < y);
}

static int
CompareInt32(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

/*
 * The tests, one per cause in increasing order: an array of
 * gray_test_result (cause, statistic, df, p_value); NULL with fewer than two
 * groups (cuminc has no Tests then).  Where the variance is singular R
 * reports statistic -1 and p 1; here both are NULL.
 */
Datum
gray_test_final(PG_FUNCTION_ARGS)
{
	const char *labels[GRAY_MAX_GROUPS];
	int32		lens[GRAY_MAX_GROUPS];
	GrayState  *gs = GrayFromDatum(PG_GETARG_DATUM(0), labels, lens);
	const GrayEntry *e = GRAY_ENTRIES(gs);
	int			ng = gs->ngroups,
				ng1 = ng - 1,
				nt = 0,
				nc = 0;
	float8	   *times;
	int32	   *causes;
	float8	   *n0;
	float8	   *cnt;
	float8	   *s,
			   *v;
	Oid			arraytype = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			elemtype = get_element_type(arraytype);
	TupleDesc	desc;
	Datum	   *results;
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;

	if (ng < 2)
		PG_RETURN_NULL();
	if (!OidIsValid(elemtype))
		elog(ERROR, "gray_test_final must return an array of a composite type");
	desc = BlessTupleDesc(lookup_rowtype_tupdesc_copy(elemtype, -1));

	/* the distinct times and causes */
	times = palloc(gs->nentries * sizeof(float8));
	causes = palloc(gs->nentries * sizeof(int32));
	for (int32 i = 0; i < gs->nentries; i++)
	{
		times[i] = e[i].time;
		causes[i] = e[i].cause;
	}
	qsort(times, gs->nentries, sizeof(float8), CompareFloat8);
	qsort(causes, gs->nentries, sizeof(int32), CompareInt32);
	for (int32 i = 0; i < gs->nentries; i++)
		if (i == 0 || times[i] != times[nt - 1])
			times[nt++] = times[i];
	for (int32 i = 0; i < gs->nentries; i++)
		if (causes[i] != 0 && (nc == 0 || causes[i] != causes[nc - 1]))
			causes[nc++] = causes[i];
	CheckLimit(nc > GRAY_MAX_CAUSES, "causes", GRAY_MAX_CAUSES);

	n0 = palloc0(ng * sizeof(float8));
	cnt = palloc((Size) nt * ng * 3 * sizeof(float8));
	s = palloc(Max(ng1, 1) * sizeof(float8));
	v = palloc((Size) Max(ng1, 1) * Max(ng1, 1) * sizeof(float8));
	results = palloc(Max(nc, 1) * sizeof(Datum));
	for (int32 i = 0; i < gs->nentries; i++)
		n0[e[i].group] += (float8) e[i].count;

	for (int ci = 0; ci < nc; ci++)
	{
		Datum		values[4];
		bool		nulls[4] = {0};
		float8		stat;

		/* the counts per time and group: censored, this cause, other causes */
		memset(cnt, 0, (Size) nt * ng * 3 * sizeof(float8));
		for (int32 i = 0; i < gs->nentries; i++)
		{
			float8	   *tp = bsearch(&e[i].time, times, nt, sizeof(float8), CompareFloat8);
			int			k = e[i].cause == 0 ? 0 : e[i].cause == causes[ci] ? 1 : 2;

			cnt[((Size) (tp - times) * ng + e[i].group) * 3 + k] += (float8) e[i].count;
		}
		GrayScore(nt, ng, cnt, n0, s, v);
		stat = surv_quadratic_form(v, s, ng1);
		values[0] = Int32GetDatum(causes[ci]);
		values[2] = Int32GetDatum(ng1);
		if (isnan(stat))
			nulls[1] = nulls[3] = true;
		else
		{
			values[1] = Float8GetDatum(stat);
			values[3] = Float8GetDatum(jobreg_pchisq_upper(stat, ng1));
		}
		results[ci] = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
	}
	get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(results, nc, elemtype, elmlen, elmbyval, elmalign));
}

/* ---------- text I/O ---------- */

static void
SyntaxError(const char *whole, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type gray_state: \"%s\"", whole),
			 errdetail("%s", detail)));
}

static int64
ParseInt(const char *str, const char **p, int64 max)
{
	int64		val = 0;

	if (!isdigit((unsigned char) **p))
		SyntaxError(str, "A whole number is expected.");
	while (isdigit((unsigned char) **p))
	{
		if (pg_mul_s64_overflow(val, 10, &val) ||
			pg_add_s64_overflow(val, **p - '0', &val) || val > max)
			SyntaxError(str, "A number is out of range.");
		(*p)++;
	}
	return val;
}

/*
 * Text form: "v1", per group |"label" (\ before " and \), then per entry
 * ;time,group,cause,count with group the label's place (0, 1, ...).
 */
Datum
gray_state_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int32		ng = 0,
				n = 0,
				cap = 64;
	char	   *labels[GRAY_MAX_GROUPS];
	int32		lens[GRAY_MAX_GROUPS];
	GrayEntry  *entries = palloc(cap * sizeof(GrayEntry));

	jobreg_check_state_io("gray_state");
	if (strncmp(p, "v1", 2) != 0)
		SyntaxError(str, "The text must start with the version, v1.");
	p += 2;
	while (*p == '|')
	{
		StringInfoData label;

		CheckLimit(ng >= GRAY_MAX_GROUPS, "groups", GRAY_MAX_GROUPS);
		if (*++p != '"')
			SyntaxError(str, "A group label in double quotes is expected.");
		initStringInfo(&label);
		for (p++; *p != '"'; p++)
		{
			if (*p == '\\')
				p++;
			if (*p == '\0')
				SyntaxError(str, "A group label is not terminated.");
			CheckLabelLength((int64) label.len + 1);
			appendStringInfoChar(&label, *p);
		}
		p++;
		labels[ng] = label.data;
		lens[ng++] = label.len;
	}
	while (*p == ';')
	{
		char	   *end;
		char	   *num;
		size_t		len;

		CheckLimit(n >= GRAY_MAX_ENTRIES, "entries", GRAY_MAX_ENTRIES);
		if (n == cap)
		{
			cap *= 2;
			entries = repalloc(entries, cap * sizeof(GrayEntry));
		}
		p++;
		/* a decimal number: digits, point, exponent; no sign, inf, nan or hex */
		len = strspn(p, "0123456789.eE+-");
		if (len == 0 || !(isdigit((unsigned char) *p) || *p == '.'))
			SyntaxError(str, "A time is expected.");
		num = pnstrdup(p, len);
		errno = 0;
		entries[n].time = strtod(num, &end);
		/* an underflow reads as strtod gives it (a subnormal or 0), as cuminc reads times */
		if (*end != '\0' || (errno == ERANGE && isinf(entries[n].time)))
			SyntaxError(str, "A time is expected.");
		pfree(num);
		p += len;
		if (*p++ != ',')
			SyntaxError(str, "A comma is expected after a time.");
		entries[n].group = (int32) ParseInt(str, &p, GRAY_MAX_GROUPS);
		if (*p++ != ',')
			SyntaxError(str, "A comma is expected after a group.");
		entries[n].cause = (int32) ParseInt(str, &p, PG_INT32_MAX);
		if (*p++ != ',')
			SyntaxError(str, "A comma is expected after a cause.");
		entries[n].count = ParseInt(str, &p, PG_INT64_MAX);
		n++;
	}
	if (*p != '\0')
		SyntaxError(str, psprintf("Unexpected text \"%s\".", p));
	PG_RETURN_POINTER(BuildState(ng, labels, lens, entries, n, ERRCODE_INVALID_TEXT_REPRESENTATION));
}

Datum
gray_state_out(PG_FUNCTION_ARGS)
{
	const char *labels[GRAY_MAX_GROUPS];
	int32		lens[GRAY_MAX_GROUPS];
	GrayState  *gs = GrayFromDatum(PG_GETARG_DATUM(0), labels, lens);
	const GrayEntry *e = GRAY_ENTRIES(gs);
	StringInfoData buf;
	char		num[DOUBLE_SHORTEST_DECIMAL_LEN];

	jobreg_check_state_io("gray_state");

	initStringInfo(&buf);
	appendStringInfo(&buf, "v%d", GRAY_VERSION);
	for (int32 g = 0; g < gs->ngroups; g++)
	{
		appendStringInfoChar(&buf, '|');
		surv_format_label(&buf, labels[g], lens[g]);
	}
	for (int32 i = 0; i < gs->nentries; i++)
	{
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		double_to_shortest_decimal_buf(e[i].time, num);
		appendStringInfo(&buf, ";%s,%d,%d," INT64_FORMAT, num, e[i].group, e[i].cause,
						 e[i].count);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- binary I/O ---------- */

/*
 * Binary form: int1 version, int4 groups, per group int4 length and label
 * (client encoding), int4 entries, per entry float8 time, int4 group,
 * int4 cause, int8 count.
 */
Datum
gray_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		ng,
				n;
	char	   *labels[GRAY_MAX_GROUPS];
	int32		lens[GRAY_MAX_GROUPS];
	GrayEntry  *entries;

	jobreg_check_state_io("gray_state");
	if (version != GRAY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported gray_state format version %d", version),
				 errdetail("This version of jobreg reads version %d.", GRAY_VERSION)));
	ng = (int32) pq_getmsgint(buf, 4);
	if (ng < 1 || ng > GRAY_MAX_GROUPS || ng > (buf->len - buf->cursor) / 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid gray_state value"),
				 errdetail("The count of groups is out of range or does not match the length of the data.")));
	for (int32 g = 0; g < ng; g++)
		labels[g] = surv_recv_label(buf, "invalid gray_state value", CheckLabelLength, &lens[g]);
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > GRAY_MAX_ENTRIES || n > (buf->len - buf->cursor) / 24)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid gray_state value"),
				 errdetail("The count of entries is out of range or does not match the length of the data.")));
	entries = palloc(Max(n, 1) * sizeof(GrayEntry));
	for (int32 i = 0; i < n; i++)
	{
		entries[i].time = pq_getmsgfloat8(buf);
		entries[i].group = (int32) pq_getmsgint(buf, 4);
		entries[i].cause = (int32) pq_getmsgint(buf, 4);
		entries[i].count = pq_getmsgint64(buf);
	}
	PG_RETURN_POINTER(BuildState(ng, labels, lens, entries, n, ERRCODE_INVALID_BINARY_REPRESENTATION));
}

Datum
gray_state_send(PG_FUNCTION_ARGS)
{
	const char *labels[GRAY_MAX_GROUPS];
	int32		lens[GRAY_MAX_GROUPS];
	GrayState  *gs = GrayFromDatum(PG_GETARG_DATUM(0), labels, lens);
	const GrayEntry *e = GRAY_ENTRIES(gs);
	StringInfoData buf;

	jobreg_check_state_io("gray_state");

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, GRAY_VERSION);
	pq_sendint32(&buf, gs->ngroups);
	for (int32 g = 0; g < gs->ngroups; g++)
		surv_send_label(&buf, labels[g], lens[g]);
	pq_sendint32(&buf, gs->nentries);
	for (int32 i = 0; i < gs->nentries; i++)
	{
		pq_sendfloat8(&buf, e[i].time);
		pq_sendint32(&buf, e[i].group);
		pq_sendint32(&buf, e[i].cause);
		pq_sendint64(&buf, e[i].count);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
