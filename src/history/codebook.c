/*
 * src/history/codebook.c
 *		codes(codebook, gruppe): the weekly codes of a benefit group.
 *
 * The codebook table of the extension's schema (the schema of this
 * function, so that search_path cannot substitute another table) is read
 * once into a sorted list of groups, kept while a new read would see the
 * same rows (jobreg_table_cache).  Written inline, as in
 * spells(uger, codes('dream', 'kontanthjælp'), 5), codes() runs once per
 * row; each call after the first is a binary search and an array copy.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "history/history.h"

PG_FUNCTION_INFO_V1(codes);

/* One row of the table */
typedef struct CodeRow
{
	char	   *codebook;
	char	   *gruppe;
	int32		code;
} CodeRow;

/* The codes of one group, sorted */
typedef struct CodeGroup
{
	char	   *codebook;
	char	   *gruppe;
	ArrayType  *codes;
} CodeGroup;

typedef struct CodeGroups
{
	int			n;
	CodeGroup  *groups;			/* sorted by codebook, then gruppe (bytes) */
} CodeGroups;

static int
CompareGroupNames(const char *codebook1, const char *gruppe1,
				  const char *codebook2, const char *gruppe2)
{
	int			c = strcmp(codebook1, codebook2);

	return c != 0 ? c : strcmp(gruppe1, gruppe2);
}

static int
CompareRows(const void *a, const void *b)
{
	const CodeRow *x = a;
	const CodeRow *y = b;
	int			c = CompareGroupNames(x->codebook, x->gruppe, y->codebook, y->gruppe);

	return c != 0 ? c : (x->code > y->code) - (x->code < y->code);
}

/* Reads the table into groups in cxt */
static CodeGroups *
LoadGroups(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	MemoryContext old;
	CodeGroups *result;
	CodeRow    *rows;
	int			nrows;
	int			start;

	jobreg_select_reference(fcinfo->flinfo->fn_oid, "codebook, gruppe, code", "codebook", "", NULL);

	old = MemoryContextSwitchTo(cxt);
	nrows = (int) SPI_processed;
	rows = palloc(Max(nrows, 1) * sizeof(CodeRow));
	for (int i = 0; i < nrows; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;

		/* the columns are NOT NULL */
		rows[i].codebook = TextDatumGetCString(SPI_getbinval(tup, desc, 1, &isnull));
		rows[i].gruppe = TextDatumGetCString(SPI_getbinval(tup, desc, 2, &isnull));
		rows[i].code = DatumGetInt32(SPI_getbinval(tup, desc, 3, &isnull));
	}
	qsort(rows, nrows, sizeof(CodeRow), CompareRows);

	result = palloc(sizeof(CodeGroups));
	result->n = 0;
	result->groups = palloc(Max(nrows, 1) * sizeof(CodeGroup));
	for (start = 0; start < nrows;)
	{
		int			end = start;
		Datum	   *codes;
		CodeGroup  *g = &result->groups[result->n++];

		while (end < nrows && CompareGroupNames(rows[start].codebook, rows[start].gruppe,
												rows[end].codebook, rows[end].gruppe) == 0)
			end++;
		codes = palloc((end - start) * sizeof(Datum));
		for (int i = start; i < end; i++)
			codes[i - start] = Int32GetDatum(rows[i].code);
		g->codebook = rows[start].codebook;
		g->gruppe = rows[start].gruppe;
		g->codes = construct_array(codes, end - start, INT4OID, sizeof(int32), true, TYPALIGN_INT);
		start = end;
	}
	MemoryContextSwitchTo(old);
	SPI_finish();
	return result;
}

static const CodeGroup *
FindGroup(const CodeGroups *groups, const char *codebook, const char *gruppe)
{
	int			lo = 0,
				hi = groups->n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const CodeGroup *g = &groups->groups[mid];
		int			c = CompareGroupNames(codebook, gruppe, g->codebook, g->gruppe);

		if (c == 0)
			return g;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The error for a group without codes, its hint the codebook's groups */
static void
NoSuchGroup(FunctionCallInfo fcinfo, const char *codebook, const char *gruppe)
{
	char	   *known = NULL;
	bool		isnull;

	jobreg_select_reference(fcinfo->flinfo->fn_oid, "pg_catalog.string_agg(DISTINCT gruppe, ', ')",
							"codebook", "WHERE codebook OPERATOR(pg_catalog.=) $1", codebook);
	if (SPI_processed == 1)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			known = TextDatumGetCString(d);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("codebook %s has no group %s", quote_literal_cstr(codebook), quote_literal_cstr(gruppe)),
			 known == NULL ? errhint("There is no codebook of that name.")
			 : errhint("Its groups are: %s.", known)));
}

/* codes(codebook, gruppe): the group's codes, sorted; an error when there are none */
Datum
codes(PG_FUNCTION_ARGS)
{
	char	   *codebook = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *gruppe = text_to_cstring(PG_GETARG_TEXT_PP(1));
	TableCache *tc = jobreg_table_cache(fcinfo);
	const CodeGroup *g;

	if (tc->data == NULL)
		tc->data = LoadGroups(fcinfo, tc->cxt);
	g = FindGroup((CodeGroups *) tc->data, codebook, gruppe);
	if (g == NULL)
		NoSuchGroup(fcinfo, codebook, gruppe);
	PG_RETURN_ARRAYTYPE_P(DatumGetArrayTypePCopy(PointerGetDatum(g->codes)));
}
