/*
 * src/core/core.h
 *		The base of jobreg, below every layer: PostgreSQL version
 *		compatibility, the settings (jobreg.min_cell), the memory context of
 *		aggregate states, reading the extension's reference tables and
 *		keeping their shipped rows apart from users' (refdata.c), and the
 *		mutants of the mutation check.
 *
 * Layers (each a folder of src/ with a header saying what it offers), from
 * the bottom: core, time, history, stats, survival, measures, benchmark,
 * present.  A file includes its own layer's header, which includes the
 * headers of the layers below it that it needs; nothing includes a layer
 * above its own.  Every PostgreSQL version conditional lives in this file.
 */
#ifndef JOBREG_CORE_H
#define JOBREG_CORE_H

#include <math.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/date.h"
#include "utils/array.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"

/* ---------- version compatibility ---------- */

#if PG_VERSION_NUM < 150000
#error "jobreg requires PostgreSQL 15 or later"
#endif

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#define JOBREG_RANGE_SERIALIZE(tc, lo, up, empty) \
	range_serialize((tc), (lo), (up), (empty), NULL)
#define JOBREG_MAKE_RANGE(tc, lo, up, empty) \
	make_range((tc), (lo), (up), (empty), NULL)
#else
#define JOBREG_RANGE_SERIALIZE(tc, lo, up, empty) \
	range_serialize((tc), (lo), (up), (empty))
#define JOBREG_MAKE_RANGE(tc, lo, up, empty) \
	make_range((tc), (lo), (up), (empty))
#endif

/* ---------- settings, aggregate states, reference tables (core/jobreg.c) ---------- */

/*
 * jobreg.min_cell: figures resting on fewer persons are suppressed (0 = off).
 * jobreg.min_cell_floor and jobreg.policy (superuser settings) set a floor a
 * role cannot lower; code reads only the threshold in force.
 */
extern int	jobreg_min_cell;
extern int	jobreg_min_cell_floor;
extern int	jobreg_policy;			/* the named policy's floor */

/* The disclosure threshold in force: the largest of the three settings */
static inline int
jobreg_min_cell_in_force(void)
{
	int			n = Max(jobreg_min_cell, jobreg_min_cell_floor);

	return Max(n, jobreg_policy);
}

/*
 * The persons behind rows that count for a weighted total: at most the rows,
 * and at most the total rounded up, so that rows of weight 0 or a fraction
 * are not one more person each, while frequency weights of 1 or more count
 * as their rows (doc/disclosure.md).  The total is shrunk by 1e-12 of
 * itself before rounding up, so that 0.1 added ten times is 1 person.
 */
static inline int64
jobreg_persons(int64 rows, double weighted)
{
	double		c;

	if (!(weighted > 0) || rows <= 0)
		return 0;
	c = ceil(weighted * (1 - 1e-12));
	return c < (double) rows ? (int64) c : rows;
}

/*
 * The text and binary forms of the states (survival, logrank_state, cuminc,
 * gray_state, flow, regression) show and take every count: under a floor
 * (jobreg.min_cell_floor or jobreg.policy > 0) only a superuser may use them
 * (42501); doc/disclosure.md.
 */
extern void jobreg_check_state_io(const char *type_name);

/* Defines the settings above (disclosure.c; called by _PG_init) */
extern void jobreg_define_disclosure_settings(void);

/* Whether a figure resting on this many persons is withheld */
static inline bool
jobreg_withheld(int64 persons)
{
	int			n = jobreg_min_cell_in_force();

	return n > 0 && persons < n;
}

/* The memory context for a new expanded-object state of an aggregate */
extern MemoryContext jobreg_state_context(FunctionCallInfo fcinfo);

/*
 * Aggregate support functions of the mergeable types (survival, logrank,
 * cuminc, gray_state, flow, regression).  Inline, so that the fuzz build
 * (scripts/run-fuzz.sh, without core/jobreg.c) has them too.
 */

/* Raises 0A000 unless the function runs as part of an aggregate */
static inline void
jobreg_check_in_aggregate(FunctionCallInfo fcinfo, const char *name)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s can only be called by an aggregate", name)));
}

/*
 * The state in argument argno when it is our own read-write expanded object
 * (its methods are the given ones), to be changed in place; else NULL, and
 * the caller makes a new state under jobreg_state_context(fcinfo), loading
 * the flat value of argument argno into it unless that is NULL.  Runs once
 * per row, so it reads the pointer as DatumGetEOHP does, inline.
 */
static inline ExpandedObjectHeader *
jobreg_expanded_arg(FunctionCallInfo fcinfo, int argno, const ExpandedObjectMethods *methods)
{
	if (likely(!PG_ARGISNULL(argno)))
	{
		Datum		d = PG_GETARG_DATUM(argno);

		if (likely(VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d))))
		{
			varatt_expanded ptr;

			memcpy(&ptr, VARDATA_EXTERNAL(DatumGetPointer(d)), sizeof(ptr));
			if (likely(ptr.eohptr->eoh_methods == methods))
				return ptr.eohptr;
		}
	}
	return NULL;
}

/*
 * In a transition or combine function: a row with a NULL among arguments
 * first..last is skipped, the state (argument 0) passing through unchanged.
 */
#define JOBREG_SKIP_ROW_IF_NULL(first, last) \
	do { \
		for (int a_ = (first); a_ <= (last); a_++) \
			if (PG_ARGISNULL(a_)) \
			{ \
				if (PG_ARGISNULL(0)) \
					PG_RETURN_NULL(); \
				PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
			} \
	} while (0)

/*
 * Text labels of the states (logrank and gray groups, regression strata):
 * byte order, a shorter label before a longer one it begins; written in
 * double quotes with \ before " and \.
 */
static inline int
jobreg_compare_labels(const char *a, int32 alen, const char *b, int32 blen)
{
	int			c = memcmp(a, b, Min(alen, blen));

	return c != 0 ? c : (alen > blen) - (alen < blen);
}

static inline void
jobreg_format_label(StringInfo buf, const char *label, int32 len)
{
	appendStringInfoChar(buf, '"');
	for (int32 i = 0; i < len; i++)
	{
		if (label[i] == '"' || label[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, label[i]);
	}
	appendStringInfoChar(buf, '"');
}

/*
 * A label of a binary form: int4 length and bytes, in the client encoding.
 * Receiving (of a what: "group label") checks the length against the data (and with check_length
 * against the caller's limit, before and after conversion), refuses a zero
 * byte and converts to the server encoding, checking the bytes; errors
 * are 22P03 with errmsg invalid.  Returns a palloc'd copy.
 */
static inline char *
jobreg_recv_label(StringInfo buf, const char *invalid, const char *what,
				  void (*check_length) (int64 len), int32 *lenp)
{
	int32		len = (int32) pq_getmsgint(buf, 4);
	const char *raw;
	char	   *label;

	if (len < 0 || len > buf->len - buf->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s", invalid),
				 errdetail("A %s length does not match the length of the data.", what)));
	check_length(len);
	raw = pq_getmsgbytes(buf, len);
	/* text holds no NUL byte (an SQL_ASCII database would not check) */
	if (memchr(raw, '\0', len) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("%s", invalid),
				 errdetail("A %s contains a zero byte.", what)));
	/* converts from the client encoding, checking the bytes */
	label = pg_client_to_server(raw, len);
	*lenp = label == raw ? len : strlen(label);
	check_length(*lenp);		/* conversion may lengthen it */
	return pnstrdup(label, *lenp);
}

static inline void
jobreg_send_label(StringInfo buf, const char *label, int32 len)
{
	char	   *converted = pg_server_to_client(pnstrdup(label, len), len);

	pq_sendint32(buf, strlen(converted));
	pq_sendbytes(buf, converted, strlen(converted));
}

/*
 * For the mfinalfuncs of the moving-aggregate mode: the state in d when it
 * is our own expanded object of the given methods (else an internal
 * error), NULL when d is flat; and a flat copy of such a state, leaving it
 * as it is (PostgreSQL calls the mfinalfunc again as the frame moves on).
 */
static inline ExpandedObjectHeader *
jobreg_moving_state(Datum d, const ExpandedObjectMethods *methods, const char *name)
{
	ExpandedObjectHeader *eoh;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return NULL;
	eoh = DatumGetEOHP(d);
	if (eoh->eoh_methods != methods)
		elog(ERROR, "%s: not a state of its aggregate", name);
	return eoh;
}

static inline Datum
jobreg_flat_copy(ExpandedObjectHeader *eoh)
{
	Size		size = EOH_get_flat_size(eoh);
	void	   *result = palloc_extended(size, MCXT_ALLOC_HUGE);

	EOH_flatten_into(eoh, result, size);
	return PointerGetDatum(result);
}

/*
 * Array arguments.  Every array a jobreg function takes is a list: one
 * dimension (or empty).  More dimensions are 2202E, the same error for
 * every function, naming the argument.
 */
static inline void
jobreg_check_list(ArrayType *arr, const char *what)
{
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s must be a one-dimensional array", what),
				 errdetail("It has %d dimensions.", ARR_NDIM(arr))));
}

/* The elements of a list argument (values and NULL flags, palloc'd) */
static inline void
jobreg_list_elements(ArrayType *arr, const char *what, Datum **values, bool **nulls, int *n)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;

	jobreg_check_list(arr, what);
	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, values, nulls, n);
}

/*
 * A keyword argument: the position of value in the NULL-terminated list
 * names (whose order is the caller's enum); else 22023 naming what it is,
 * with hint saying what to use.
 */
static inline int
jobreg_keyword(const char *value, const char *what, const char *const *names, const char *hint)
{
	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(value, names[i]) == 0)
			return i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown %s \"%s\"", what, value),
			 errhint("%s", hint)));
	return -1;					/* keep compiler quiet */
}

/*
 * What a function read from one of the extension's reference tables, kept
 * in fn_extra while a new read would see the same rows (see core/jobreg.c).
 * data is NULL when the table must be read (again), into cxt.
 */
typedef struct TableCache
{
	void	   *data;
	MemoryContext cxt;
	/* the snapshot of the read: transaction, command, the xids it sees as running */
	LocalTransactionId lxid;
	CommandId	curcid;
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	int32		subxcnt;
	TransactionId *xids;		/* xip, then subxip, in cxt */
} TableCache;

extern TableCache *jobreg_table_cache(FunctionCallInfo fcinfo);

/*
 * After SPI_connect, runs the read-only "SELECT select FROM <schema>.table
 * rest" on a reference table of the schema function fn_oid lives in, with
 * $1 = textarg when textarg is not NULL; the caller reads SPI_tuptable and
 * calls SPI_finish.
 */
extern void jobreg_select_reference(Oid fn_oid, const char *select, const char *table,
									const char *rest, const char *textarg);

/* ---------- mutants (scripts/run-mutation.sh) ---------- */

/*
 * Built with -DJOBREG_MUTANT=n, jobreg reads or returns wrong values on
 * purpose, so that scripts/run-mutation.sh can show that the oracle tests
 * notice:
 *   1  every float8 a function returns, alone or as a column of a row or a
 *      set, is NULL;
 *   2  every float8 made into a Datum is off by a relative 1e-6;
 *   3  the weekline reader sees every nonzero code as the next code (in
 *      history/history.h, beside the reader).
 * Every source includes its layer's header last, so the macros below
 * replace the server's in all of jobreg's own code and nowhere else.
 */
#if defined(JOBREG_MUTANT) && JOBREG_MUTANT == 1
#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "utils/tuplestore.h"

/* the float8 columns of a row to be formed are NULL */
static inline void
jobreg_mutant_null_float8(TupleDesc desc, bool *nulls)
{
	for (int i = 0; i < desc->natts; i++)
		if (TupleDescAttr(desc, i)->atttypid == FLOAT8OID)
			nulls[i] = true;
}

static inline HeapTuple
jobreg_mutant_form_tuple(TupleDesc desc, Datum *values, bool *nulls)
{
	jobreg_mutant_null_float8(desc, nulls);
	return heap_form_tuple(desc, values, nulls);
}

static inline void
jobreg_mutant_putvalues(Tuplestorestate *ts, TupleDesc desc, Datum *values, bool *nulls)
{
	jobreg_mutant_null_float8(desc, nulls);
	tuplestore_putvalues(ts, desc, values, nulls);
}

#undef PG_RETURN_FLOAT8
#define PG_RETURN_FLOAT8(x) do { (void) (x); PG_RETURN_NULL(); } while (0)
#define heap_form_tuple(desc, values, nulls) jobreg_mutant_form_tuple(desc, values, nulls)
#define tuplestore_putvalues(ts, desc, values, nulls) jobreg_mutant_putvalues(ts, desc, values, nulls)

#elif defined(JOBREG_MUTANT) && JOBREG_MUTANT == 2
/* defined before the macro, so it calls the server's Float8GetDatum */
static inline Datum
jobreg_mutant_float8(float8 x)
{
	return Float8GetDatum(x * (1 + 1e-6));
}
#define Float8GetDatum(x) jobreg_mutant_float8(x)

#elif defined(JOBREG_MUTANT) && JOBREG_MUTANT != 3
#error "JOBREG_MUTANT must be 1, 2 or 3"
#endif

#endif							/* JOBREG_CORE_H */
