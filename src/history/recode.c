/*
 * src/history/recode.c
 *		weekline_recode: map a weekline's codes to states, by two arrays or
 *		by a codebook's groups.
 *
 * The map is a sorted array of (from, to) pairs, built once per query and
 * kept in fn_extra; each run of the weekline costs one binary search, and
 * runs that end up with the same state are joined.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "history/history.h"

PG_FUNCTION_INFO_V1(weekline_recode);
PG_FUNCTION_INFO_V1(weekline_recode_codebook);

typedef struct RecodePair
{
	int32		from;
	int32		to;
} RecodePair;

typedef struct RecodeMap
{
	int			n;
	RecodePair *pairs;			/* sorted by from, each from once */
} RecodeMap;

/* for the array form: the arrays the cached map was made from */
typedef struct RecodeCache
{
	ArrayType  *from_codes;
	ArrayType  *to_codes;
	RecodeMap	map;
} RecodeCache;

static int
PairCmp(const void *a, const void *b)
{
	const RecodePair *x = a;
	const RecodePair *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

static const int32 *
RecodeElements(ArrayType *arr, const char *name, int *n)
{
	jobreg_check_list(arr, name);
	if (array_contains_nulls(arr))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weekline_recode %s must not contain NULL", name),
				 errdetail("Every code is mapped to a code.")));
	*n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	return (const int32 *) ARR_DATA_PTR(arr);
}

static void
BuildArrayMap(ArrayType *from_codes, ArrayType *to_codes, RecodeMap *map)
{
	int			nfrom,
				nto;
	const int32 *from = RecodeElements(from_codes, "from_codes", &nfrom);
	const int32 *to = RecodeElements(to_codes, "to_codes", &nto);

	if (nfrom != nto)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weekline_recode from_codes and to_codes differ in length: %d and %d", nfrom, nto),
				 errdetail("The code from_codes[i] becomes to_codes[i]: the arrays must have the same length.")));
	map->n = nfrom;
	map->pairs = palloc(Max(nfrom, 1) * sizeof(RecodePair));
	for (int i = 0; i < nfrom; i++)
	{
		if (to[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("weekline_recode to_codes has the negative code %d", to[i]),
					 errdetail("Weekline codes are 0 or more.")));
		map->pairs[i].from = from[i];
		map->pairs[i].to = to[i];
	}
	qsort(map->pairs, nfrom, sizeof(RecodePair), PairCmp);
	for (int i = 1; i < nfrom; i++)
		if (map->pairs[i].from == map->pairs[i - 1].from)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("weekline_recode from_codes lists code %d twice", map->pairs[i].from),
					 errdetail("Each code can be mapped to one code only.")));
}

static inline const RecodePair *
Lookup(const RecodeMap *map, int32 code)
{
	int			lo = 0,
				hi = map->n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (map->pairs[mid].from == code)
			return &map->pairs[mid];
		if (map->pairs[mid].from < code)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/*
 * The weekline with its codes mapped.  With codebook, a code the map does
 * not list is an error naming the codebook (0 is always kept); otherwise it
 * keeps its value.
 *
 * The result is written straight into a buffer of its largest possible size
 * (no more runs than the input, each at most two 5-byte varints): the span
 * does not change, and the input is a valid weekline, so the checks of the
 * builder (code range, run lengths, weeks within range, number of runs)
 * hold by construction.  Runs that end up with the same code are joined, so
 * the value is canonical.
 */
static struct varlena *
Recode(const struct varlena *wl, const RecodeMap *map, const char *codebook)
{
	WeeklineReader r;
	WeeklineRun run;
	Size		len = VARSIZE_ANY_EXHDR(wl);
	struct varlena *result;
	uint8	   *p;
	int32		code = 0;
	int32		length = 0;		/* of the pending run; 0 before the first */
	int32		last_from = -1; /* the last looked-up code and its mapping */
	int32		last_to = 0;

	if (!weekline_reader_init(&r, wl))
	{
		struct varlena *copy = palloc(VARSIZE_ANY(wl));

		memcpy(copy, wl, VARSIZE_ANY(wl));
		return copy;
	}
	result = palloc(VARHDRSZ + 1 + 5 + 5 * len);
	p = (uint8 *) VARDATA(result);
	*p++ = WEEKLINE_VERSION;
	p = history_put_varint(p, history_zigzag_encode(r.next));
	while (weekline_next(&r, &run))
	{
		int32		to;

		if (run.code == last_from)
			to = last_to;
		else
		{
			const RecodePair *pair = Lookup(map, run.code);

			if (pair != NULL)
				to = pair->to;
			else if (codebook != NULL && run.code != 0)
				codebook_unknown_code(codebook, run.code, run.start);
			else
				to = run.code;
			last_from = run.code;
			last_to = to;
		}
		if (length > 0 && to == code)
		{
			length += run.length;
			continue;
		}
		if (length > 0)
		{
			p = history_put_varint(p, (uint32) code);
			p = history_put_varint(p, (uint32) length);
		}
		code = to;
		length = run.length;
	}
	p = history_put_varint(p, (uint32) code);
	p = history_put_varint(p, (uint32) length);
	SET_VARSIZE(result, (char *) p - (char *) result);
	return result;
}

/* weekline_recode(w, from_codes, to_codes) */
Datum
weekline_recode(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	ArrayType  *from_codes = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *to_codes = PG_GETARG_ARRAYTYPE_P(2);
	RecodeCache *cache = (RecodeCache *) fcinfo->flinfo->fn_extra;

	/* the arrays are usually constants: build the map once per query */
	if (cache == NULL ||
		VARSIZE(cache->from_codes) != VARSIZE(from_codes) ||
		VARSIZE(cache->to_codes) != VARSIZE(to_codes) ||
		memcmp(cache->from_codes, from_codes, VARSIZE(from_codes)) != 0 ||
		memcmp(cache->to_codes, to_codes, VARSIZE(to_codes)) != 0)
	{
		MemoryContext old;
		RecodeMap	map;

		BuildArrayMap(from_codes, to_codes, &map);
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		if (cache == NULL)
			cache = palloc0(sizeof(RecodeCache));
		else
		{
			pfree(cache->from_codes);
			pfree(cache->to_codes);
			pfree(cache->map.pairs);
		}
		cache->from_codes = palloc(VARSIZE(from_codes));
		memcpy(cache->from_codes, from_codes, VARSIZE(from_codes));
		cache->to_codes = palloc(VARSIZE(to_codes));
		memcpy(cache->to_codes, to_codes, VARSIZE(to_codes));
		cache->map.n = map.n;
		cache->map.pairs = palloc(Max(map.n, 1) * sizeof(RecodePair));
		memcpy(cache->map.pairs, map.pairs, map.n * sizeof(RecodePair));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = cache;
	}
	PG_RETURN_WEEKLINE_P(Recode(wl, &cache->map, NULL));
}

/* The codebook's codes and group numbers; a list of the codebooks read */
struct CodebookMap
{
	char	   *codebook;
	RecodeMap	map;
	int			ngroups;
	char	  **groups;			/* groups[g - 1] is the name of group g */
	struct CodebookMap *next;
};

/*
 * Groups are numbered 1, 2, ... in the order of their smallest code: the
 * rows are read in code order, and a group gets the next number where it is
 * first seen.
 */
static CodebookMap *
LoadCodebook(FunctionCallInfo fcinfo, const char *codebook, MemoryContext cxt)
{
	CodebookMap *cm;
	MemoryContext old;
	int			nrows;
	int			ngroups = 0;
	char	  **groups;

	jobreg_select_reference(fcinfo->flinfo->fn_oid, "code, gruppe", "codebook",
							"WHERE codebook OPERATOR(pg_catalog.=) $1 ORDER BY code", codebook);
	nrows = (int) SPI_processed;
	if (nrows == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("there is no codebook %s", quote_literal_cstr(codebook)),
				 errdetail("The codebook table has no rows of that codebook.")));
	old = MemoryContextSwitchTo(cxt);
	cm = palloc(sizeof(CodebookMap));
	cm->codebook = pstrdup(codebook);
	cm->map.n = nrows;
	cm->map.pairs = palloc(nrows * sizeof(RecodePair));
	MemoryContextSwitchTo(old);
	groups = MemoryContextAlloc(cxt, nrows * sizeof(char *));
	for (int i = 0; i < nrows; i++)
	{
		bool		isnull;
		char	   *gruppe;
		int			g;

		/* the columns are NOT NULL */
		cm->map.pairs[i].from = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));
		gruppe = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull));
		for (g = 0; g < ngroups && strcmp(groups[g], gruppe) != 0; g++)
			;
		if (g == ngroups)
			groups[ngroups++] = MemoryContextStrdup(cxt, gruppe);
		cm->map.pairs[i].to = g + 1;
	}
	SPI_finish();
	cm->ngroups = ngroups;
	cm->groups = groups;
	/* already sorted by code, and code is part of the primary key */
	return cm;
}

/* The codebook, read once and kept while a new read would see the same rows */
const CodebookMap *
codebook_load(FunctionCallInfo fcinfo, const char *codebook)
{
	TableCache *tc = jobreg_table_cache(fcinfo);
	CodebookMap *cm;

	for (cm = (CodebookMap *) tc->data; cm != NULL; cm = cm->next)
		if (strcmp(cm->codebook, codebook) == 0)
			return cm;
	cm = LoadCodebook(fcinfo, codebook, tc->cxt);
	cm->next = (CodebookMap *) tc->data;
	tc->data = cm;
	return cm;
}

int32
codebook_group(const CodebookMap *cm, int32 code)
{
	const RecodePair *pair = Lookup(&cm->map, code);

	return pair != NULL ? pair->to : 0;
}

int
codebook_ngroups(const CodebookMap *cm)
{
	return cm->ngroups;
}

const char *
codebook_group_name(const CodebookMap *cm, int group)
{
	Assert(group >= 1 && group <= cm->ngroups);
	return cm->groups[group - 1];
}

/* The error for a code that a codebook does not list */
void
codebook_unknown_code(const char *codebook, int32 code, IsoWeek week)
{
	char		text[ISOWEEK_TEXT_LEN];

	isoweek_format(week, text);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("code %d is not in codebook %s", code, quote_literal_cstr(codebook)),
			 errdetail("The weekline has code %d in week %s.", code, text),
			 errhint("Add the code to the codebook table, or recode with weekline_recode(w, from_codes, to_codes).")));
}

/* codebook_load by a text name, without copying the name on every row */
const CodebookMap *
codebook_lookup(FunctionCallInfo fcinfo, const text *name)
{
	int			len = VARSIZE_ANY_EXHDR(name);
	TableCache *tc = jobreg_table_cache(fcinfo);
	const CodebookMap *cm;

	for (cm = (CodebookMap *) tc->data; cm != NULL; cm = cm->next)
		if (strncmp(cm->codebook, VARDATA_ANY(name), len) == 0 && cm->codebook[len] == '\0')
			return cm;
	return codebook_load(fcinfo, text_to_cstring(name));
}

const char *
codebook_name(const CodebookMap *cm)
{
	return cm->codebook;
}

/* weekline_recode(w, codebook): the codebook's group numbers */
Datum
weekline_recode_codebook(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	const CodebookMap *cm = codebook_lookup(fcinfo, PG_GETARG_TEXT_PP(1));

	PG_RETURN_WEEKLINE_P(Recode(wl, &cm->map, cm->codebook));
}
