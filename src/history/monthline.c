/*
 * src/history/monthline.c
 *		The monthline type: one person's monthly employment over a span of
 *		consecutive calendar months (DREAM's grad_ and branche_ columns),
 *		run-length encoded.  Its I/O, a builder from arrays, DREAM ingestion,
 *		the readers grad_at, branche_at, months, first_month and last_month,
 *		and status_history: benefit codes and employment as the weekly states
 *		the documents count.
 *
 * On-disk format (version 1), after the varlena header:
 *
 *		uint8	version (1)
 *		varint	first month, zigzag-encoded months since 2000-01	} absent in
 *		runs:	varint grad + 1, varint branche + 1,				} the empty
 *				varint length (months, >= 1)						} monthline
 *
 * A missing grad or branche is stored as 0 (it is -1 in C).  Adjacent runs
 * differ, so every monthline has exactly one encoding and = is byte equality.  Employment is stable
 * for months at a time, so a typical 17-year DREAM history (204 months)
 * takes tens of bytes.
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"

#include "history/history.h"

#define MONTHLINE_VERSION 1

/* months 0001-01 to 9999-12, counted from 2000-01 */
#define MONTH_MIN ((ISOWEEK_MIN_YEAR - 2000) * 12)
#define MONTH_MAX ((ISOWEEK_MAX_YEAR - 2000) * 12 + 11)

PG_FUNCTION_INFO_V1(monthline_in);
PG_FUNCTION_INFO_V1(monthline_out);
PG_FUNCTION_INFO_V1(monthline_recv);
PG_FUNCTION_INFO_V1(monthline_send);
PG_FUNCTION_INFO_V1(monthline_eq);
PG_FUNCTION_INFO_V1(monthline_ne);
PG_FUNCTION_INFO_V1(monthline_hash);
PG_FUNCTION_INFO_V1(monthline_hash_extended);
PG_FUNCTION_INFO_V1(monthline_from_months);
PG_FUNCTION_INFO_V1(dream_monthline);
PG_FUNCTION_INFO_V1(monthline_grad_at_month);
PG_FUNCTION_INFO_V1(monthline_grad_at_week);
PG_FUNCTION_INFO_V1(monthline_branche_at_month);
PG_FUNCTION_INFO_V1(monthline_branche_at_week);
PG_FUNCTION_INFO_V1(monthline_first_month);
PG_FUNCTION_INFO_V1(monthline_last_month);
PG_FUNCTION_INFO_V1(monthline_months);
PG_FUNCTION_INFO_V1(status_history);
PG_FUNCTION_INFO_V1(status_states);

/* ---------- months ---------- */

int32
monthline_month_index(int year, int month)
{
	return (year - 2000) * 12 + (month - 1);
}

static void
MonthSplit(int32 m, int *year, int *month)
{
	/* floor division: months before 2000-01 are negative */
	int32		y = (m >= 0 ? m / 12 : -((-m + 11) / 12));

	*year = 2000 + y;
	*month = m - 12 * y + 1;
}

static DateADT
MonthDate(int32 m)
{
	int			year,
				month;

	MonthSplit(m, &year, &month);
	return date2j(year, month, 1) - POSTGRES_EPOCH_JDATE;
}

/* The month holding a week's Thursday */
static int32
MonthOfWeek(IsoWeek w)
{
	int			year,
				month;

	isoweek_month(w, &year, &month);
	return monthline_month_index(year, month);
}

/* The month of a (year, month) argument pair; 22023 when out of range */
static int32
MonthArgument(int32 year, int32 month)
{
	if (year < ISOWEEK_MIN_YEAR || year > ISOWEEK_MAX_YEAR || month < 1 || month > 12)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("month %d-%d is out of range", year, month),
				 errdetail("Years run from %d to %d and months from 1 to 12.",
						   ISOWEEK_MIN_YEAR, ISOWEEK_MAX_YEAR)));
	return monthline_month_index(year, month);
}

/* ---------- reading the format ---------- */

static uint32
ReadVarint(MonthlineReader *r)
{
	return history_varint(&r->pos, r->end, "monthline");
}

bool
monthline_reader_init(MonthlineReader *r, const struct varlena *ml)
{
	return history_open(ml, "monthline", MONTHLINE_VERSION, MONTH_MIN, MONTH_MAX,
						&r->pos, &r->end, &r->next);
}

bool
monthline_next(MonthlineReader *r, MonthlineRun *run)
{
	uint32		grad,
				branche,
				length;

	if (r->pos >= r->end)
		return false;
	grad = ReadVarint(r);
	branche = ReadVarint(r);
	length = ReadVarint(r);
	if (grad > MONTHLINE_MAX_GRAD + 1 || branche > (uint32) PG_INT32_MAX + 1 ||
		length < 1 || length > (uint32) (MONTH_MAX + 1 - r->next))
		history_corrupt("monthline");
	run->start = r->next;
	run->length = (int32) length;
	run->grad = (int32) grad - 1;
	run->branche = (int32) (branche - 1);
	r->next += run->length;
	return true;
}

/* ---------- building ---------- */

typedef struct MonthlineBuilder
{
	StringInfoData buf;
	int32		first;
	int64		months;			/* months added so far */
	int32		nruns;
	MonthlineRun pending;		/* not yet encoded; length 0 while there is none */
	bool		merge;			/* merge equal adjacent runs, else an error */
	int			sqlstate;		/* for malformed runs */
} MonthlineBuilder;

static void
BuilderInit(MonthlineBuilder *b, int32 first, bool merge, int sqlstate)
{
	if (first < MONTH_MIN || first > MONTH_MAX)
		ereport(ERROR,
				(errcode(sqlstate == ERRCODE_INVALID_BINARY_REPRESENTATION ? sqlstate :
						 ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("monthline month out of range"),
				 errdetail("Months from %04d-01 to %04d-12 are supported.",
						   ISOWEEK_MIN_YEAR, ISOWEEK_MAX_YEAR)));
	history_buffer_start(&b->buf, MONTHLINE_VERSION);
	b->first = first;
	b->months = 0;
	b->nruns = 0;
	b->pending.length = 0;
	b->merge = merge;
	b->sqlstate = sqlstate;
}

static void
FlushRun(MonthlineBuilder *b)
{
	if (b->pending.length == 0)
		return;
	if (b->nruns + 1 > MONTHLINE_MAX_RUNS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many runs for a monthline"),
				 errdetail("A monthline holds at most %d runs (changes of grad or branche); split the history into shorter spans of months.",
						   MONTHLINE_MAX_RUNS)));
	b->nruns++;
	if (b->buf.len == VARHDRSZ + 1)
		history_append_varint(&b->buf, history_zigzag_encode(b->first));
	history_append_varint(&b->buf, (uint32) (b->pending.grad + 1));
	history_append_varint(&b->buf, (uint32) b->pending.branche + 1);
	history_append_varint(&b->buf, (uint32) b->pending.length);
	b->pending.length = 0;
}

static void
BuilderAdd(MonthlineBuilder *b, int64 grad, int64 branche, int64 length)
{
	if (grad < MONTHLINE_MISSING || grad > MONTHLINE_MAX_GRAD)
		ereport(ERROR,
				(errcode(b->sqlstate == ERRCODE_INVALID_TEXT_REPRESENTATION ?
						 ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : b->sqlstate),
				 errmsg("monthline grad %lld is out of range", (long long) grad),
				 errdetail("A grad (employment degree) is an integer from 0 to %d, or missing.",
						   MONTHLINE_MAX_GRAD)));
	if (branche < MONTHLINE_MISSING || branche > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(b->sqlstate == ERRCODE_INVALID_TEXT_REPRESENTATION ?
						 ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : b->sqlstate),
				 errmsg("monthline branche %lld is out of range", (long long) branche),
				 errdetail("A branche (industry code) is an integer from 0 to %d, or missing.",
						   PG_INT32_MAX)));
	if (length < 1)
		ereport(ERROR,
				(errcode(b->sqlstate),
				 errmsg("monthline run length %lld is not positive", (long long) length),
				 errdetail("Every run covers at least one month.")));
	if (b->first + b->months + length - 1 > MONTH_MAX)
		ereport(ERROR,
				(errcode(b->sqlstate == ERRCODE_INVALID_BINARY_REPRESENTATION ? b->sqlstate :
						 ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("monthline runs past %04d-12", ISOWEEK_MAX_YEAR)));
	if (b->pending.length > 0 && grad == b->pending.grad && branche == b->pending.branche)
	{
		if (!b->merge)
			ereport(ERROR,
					(errcode(b->sqlstate),
					 errmsg("adjacent monthline runs are equal"),
					 errdetail("Consecutive months with the same grad and branche are written as one run.")));
		b->pending.length += (int32) length;
	}
	else
	{
		FlushRun(b);
		b->pending.grad = (int32) grad;
		b->pending.branche = (int32) branche;
		b->pending.length = (int32) length;
	}
	b->months += length;
}

static struct varlena *
BuilderFinish(MonthlineBuilder *b)
{
	FlushRun(b);
	return history_buffer_finish(&b->buf);
}

static struct varlena *
EmptyMonthline(void)
{
	MonthlineBuilder b;

	BuilderInit(&b, 0, false, ERRCODE_INVALID_PARAMETER_VALUE);
	return BuilderFinish(&b);
}

/* ---------- text I/O ---------- */

/* A grad or branche: digits, or '-' for missing */
static bool
ParseValue(const char **p, int64 *value)
{
	if (**p == '-')
	{
		(*p)++;
		*value = MONTHLINE_MISSING;
		return true;
	}
	return history_parse_number(p, value);
}

/*
 * Text form: 'v1', the first month YYYY-MM, then the runs GRAD/BRANCHExMONTHS
 * separated by white space, '-' for a missing grad or branche:
 * 'v1 2008-01 -/-x3 37/471100x12'.  'v1 empty' has no months.
 */
Datum
monthline_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int			year,
				month;
	MonthlineBuilder b;

	jobreg_skip_spaces(&p);
	if (p[0] != 'v' || p[1] != '1' || !isspace((unsigned char) p[2]))
		goto syntax_error;
	p += 2;
	jobreg_skip_spaces(&p);
	if (strncmp(p, "empty", 5) == 0)
	{
		p += 5;
		jobreg_skip_spaces(&p);
		if (*p != '\0')
			goto syntax_error;
		PG_RETURN_POINTER(EmptyMonthline());
	}
	if (!jobreg_parse_digits(&p, 4, &year) || *p++ != '-' || !jobreg_parse_digits(&p, 2, &month) ||
		month < 1 || month > 12 || year < ISOWEEK_MIN_YEAR)
		goto syntax_error;
	BuilderInit(&b, monthline_month_index(year, month), false, ERRCODE_INVALID_TEXT_REPRESENTATION);

	while (isspace((unsigned char) *p))
	{
		int64		grad,
					branche,
					length;

		jobreg_skip_spaces(&p);
		if (*p == '\0')
			break;
		if (!ParseValue(&p, &grad) || *p++ != '/' || !ParseValue(&p, &branche) ||
			*p++ != 'x' || !history_parse_number(&p, &length) ||
			(*p != '\0' && !isspace((unsigned char) *p)))
			goto syntax_error;
		BuilderAdd(&b, grad, branche, length);
	}
	if (*p != '\0' || b.months == 0)
		goto syntax_error;
	PG_RETURN_POINTER(BuilderFinish(&b));

syntax_error:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type monthline: \"%s\"", str),
			 errhint("A monthline is written v1, its first month and its runs GRAD/BRANCHExMONTHS "
					 "with - for missing, for example 'v1 2008-01 -/-x3 37/471100x12', or 'v1 empty'.")));
	PG_RETURN_NULL();			/* keep compiler quiet */
}

static void
AppendValue(StringInfo buf, int32 v)
{
	if (v == MONTHLINE_MISSING)
		appendStringInfoChar(buf, '-');
	else
		appendStringInfo(buf, "%d", v);
}

Datum
monthline_out(PG_FUNCTION_ARGS)
{
	struct varlena *ml = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	MonthlineReader r;
	MonthlineRun run;
	StringInfoData buf;
	int			year,
				month;

	if (!monthline_reader_init(&r, ml))
		PG_RETURN_CSTRING(pstrdup("v1 empty"));
	initStringInfo(&buf);
	MonthSplit(r.next, &year, &month);
	appendStringInfo(&buf, "v1 %04d-%02d", year, month);
	while (monthline_next(&r, &run))
	{
		appendStringInfoChar(&buf, ' ');
		AppendValue(&buf, run.grad);
		appendStringInfoChar(&buf, '/');
		AppendValue(&buf, run.branche);
		appendStringInfo(&buf, "x%d", run.length);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- binary I/O ---------- */

/*
 * Binary form: uint8 format version (1), int4 number of runs; when there are
 * runs, int4 first month (months since 2000-01) and per run int4 grad, int4
 * branche (-1 for missing) and int4 length.  Validated exactly as the text
 * form is.
 */
Datum
monthline_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int32		nruns;
	MonthlineBuilder b;

	if (buf->len - buf->cursor < 5)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("monthline binary value is too short"),
				 errdetail("It needs a format version byte and a count of runs.")));
	version = pq_getmsgbyte(buf);
	if (version != MONTHLINE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported monthline binary format version %d", version),
				 errdetail("This version of jobreg reads monthline format version %d.",
						   MONTHLINE_VERSION)));
	nruns = (int32) pq_getmsgint(buf, 4);
	if (nruns < 0 || buf->len - buf->cursor != (nruns > 0 ? 4 + 12 * (int64) nruns : 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external monthline value"),
				 errdetail("The value announces %d runs in %d bytes.",
						   nruns, buf->len - buf->cursor)));
	if (nruns > MONTHLINE_MAX_RUNS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many runs for a monthline"),
				 errdetail("A monthline holds at most %d runs (changes of grad or branche); split the history into shorter spans of months.",
						   MONTHLINE_MAX_RUNS)));
	if (nruns == 0)
	{
		pq_getmsgend(buf);
		PG_RETURN_POINTER(EmptyMonthline());
	}
	BuilderInit(&b, (int32) pq_getmsgint(buf, 4), false, ERRCODE_INVALID_BINARY_REPRESENTATION);
	for (int i = 0; i < nruns; i++)
	{
		int32		grad = (int32) pq_getmsgint(buf, 4);
		int32		branche = (int32) pq_getmsgint(buf, 4);
		int32		length = (int32) pq_getmsgint(buf, 4);

		BuilderAdd(&b, grad, branche, length);
	}
	pq_getmsgend(buf);
	PG_RETURN_POINTER(BuilderFinish(&b));
}

Datum
monthline_send(PG_FUNCTION_ARGS)
{
	struct varlena *ml = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	MonthlineReader r;
	MonthlineRun run;
	StringInfoData buf;
	int32		nruns = 0;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, MONTHLINE_VERSION);
	if (monthline_reader_init(&r, ml))
	{
		int32		first = r.next;

		while (monthline_next(&r, &run))
			nruns++;
		pq_sendint32(&buf, nruns);
		pq_sendint32(&buf, first);
		monthline_reader_init(&r, ml);
		while (monthline_next(&r, &run))
		{
			pq_sendint32(&buf, run.grad);
			pq_sendint32(&buf, run.branche);
			pq_sendint32(&buf, run.length);
		}
	}
	else
		pq_sendint32(&buf, 0);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- equality and hashing: the encoding is canonical ---------- */

Datum
monthline_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(history_values_equal(PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)),
										PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1))));
}

Datum
monthline_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!history_values_equal(PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)),
										 PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1))));
}

Datum
monthline_hash(PG_FUNCTION_ARGS)
{
	return history_hash(PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)));
}

Datum
monthline_hash_extended(PG_FUNCTION_ARGS)
{
	return history_hash_extended(PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)), PG_GETARG_INT64(1));
}

/* ---------- monthline(first, grads, branches) ---------- */

/*
 * The monthline from first_month (any day of it) with grads[i] and
 * branches[i] in month i; NULL elements are missing; an empty branches
 * array means that every branche is missing.
 */
Datum
monthline_from_months(PG_FUNCTION_ARGS)
{
	DateADT		first = PG_GETARG_DATEADT(0);
	Datum	   *grads,
			   *branches;
	bool	   *grad_nulls,
			   *branche_nulls;
	int			ngrads,
				nbranches;
	int			year,
				month,
				day;
	MonthlineBuilder b;

	jobreg_list_elements(PG_GETARG_ARRAYTYPE_P(1), "grads", &grads, &grad_nulls, &ngrads);
	jobreg_list_elements(PG_GETARG_ARRAYTYPE_P(2), "branches", &branches, &branche_nulls, &nbranches);
	if (nbranches != ngrads && nbranches != 0)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("grads and branches have different numbers of elements (%d and %d)",
						ngrads, nbranches),
				 errdetail("Each month has one grad and one branche; an empty branches array means no branche in any month.")));
	if (DATE_NOT_FINITE(first))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("first_month must be a finite date")));
	if (ngrads == 0)
		PG_RETURN_POINTER(EmptyMonthline());
	j2date(first + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	if (year < ISOWEEK_MIN_YEAR || year > ISOWEEK_MAX_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("monthline month out of range"),
				 errdetail("Months from %04d-01 to %04d-12 are supported.",
						   ISOWEEK_MIN_YEAR, ISOWEEK_MAX_YEAR)));
	BuilderInit(&b, monthline_month_index(year, month), true, ERRCODE_INVALID_PARAMETER_VALUE);
	for (int i = 0; i < ngrads; i++)
	{
		int32		grad = grad_nulls[i] ? MONTHLINE_MISSING : DatumGetInt32(grads[i]);
		int32		branche = (nbranches == 0 || branche_nulls[i]) ? MONTHLINE_MISSING :
			DatumGetInt32(branches[i]);

		bool		bad_grad = grad < 0 && !grad_nulls[i];

		/* NULL is missing; a negative number is an error, not missing */
		if (bad_grad || (branche < 0 && !(nbranches == 0 || branche_nulls[i])))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("monthline %s %d is negative", bad_grad ? "grad" : "branche",
							bad_grad ? grad : branche),
					 errdetail("A missing grad or branche is NULL.")));
		BuilderAdd(&b, grad, branche, 1);
	}
	PG_RETURN_POINTER(BuilderFinish(&b));
}

/* ---------- DREAM ingestion ---------- */

enum
{
	FIELD_OTHER = 0,
	FIELD_GRAD = 1,
	FIELD_BRANCHE = 2
};

/*
 * The monthly columns of a DREAM header, kept in fn_extra: per field its
 * kind and month.
 */
typedef struct DreamMonthHeader
{
	char	   *text;
	int			len;
	char		delimiter;
	int			nfields;
	uint8	   *kind;			/* FIELD_... per field */
	int32	   *month;			/* per monthly field: its month */
	int32		first;			/* the span of all monthly columns */
	int32		nmonths;
} DreamMonthHeader;

/*
 * A monthly column name: grad_YYYY_MM or grad_YYMM, branche_YYYY_MM or
 * branche_YYMM, any case (two-digit years as in dream_week: 91-99 are
 * 1991-1999, 00-90 are 2000-2090).  FIELD_OTHER for any other name.
 */
static int
MonthColumn(const char *name, int len, int32 *m)
{
	int			kind,
				prefix,
				year,
				month;
	const char *p;

	if (len > 5 && pg_strncasecmp(name, "grad_", 5) == 0)
		kind = FIELD_GRAD, prefix = 5;
	else if (len > 8 && pg_strncasecmp(name, "branche_", 8) == 0)
		kind = FIELD_BRANCHE, prefix = 8;
	else
		return FIELD_OTHER;
	p = name + prefix;
	if (len - prefix == 7 && p[4] == '_')
	{
		const char *q = p + 5;

		if (!jobreg_parse_digits(&p, 4, &year) || !jobreg_parse_digits(&q, 2, &month))
			return FIELD_OTHER;
	}
	else if (len - prefix == 4)
	{
		if (!jobreg_parse_digits(&p, 2, &year) || !jobreg_parse_digits(&p, 2, &month))
			return FIELD_OTHER;
		year += year >= 91 ? 1900 : 2000;
	}
	else
		return FIELD_OTHER;
	if (month < 1 || month > 12 || year < ISOWEEK_MIN_YEAR)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("DREAM header column %.*s names no month", len, name),
				 errdetail("Monthly columns are named grad_YYYY_MM, grad_YYMM, branche_YYYY_MM or branche_YYMM with a month from 01 to 12.")));
	*m = monthline_month_index(year, month);
	return kind;
}

static DreamMonthHeader *
ParseMonthHeader(FunctionCallInfo fcinfo, text *header, char delimiter)
{
	DreamMonthHeader *h = fcinfo->flinfo->fn_extra;
	const char *p = VARDATA_ANY(header);
	const char *end = p + VARSIZE_ANY_EXHDR(header);
	MemoryContext old;
	int32		lo[3] = {0, PG_INT32_MAX, PG_INT32_MAX};
	int32		hi[3] = {0, PG_INT32_MIN, PG_INT32_MIN};
	int			count[3] = {0, 0, 0};

	if (h != NULL && h->delimiter == delimiter && h->len == end - p &&
		memcmp(h->text, p, h->len) == 0)
		return h;
	if (h != NULL)
	{
		pfree(h->text);
		pfree(h->kind);
		pfree(h->month);
		pfree(h);
	}
	fcinfo->flinfo->fn_extra = NULL;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	h = palloc0(sizeof(DreamMonthHeader));
	h->len = end - p;
	h->text = pnstrdup(p, h->len);
	h->delimiter = delimiter;
	h->nfields = 1;
	for (const char *q = p; q < end; q++)
		h->nfields += (*q == delimiter);
	h->kind = palloc0(h->nfields);
	h->month = palloc0(sizeof(int32) * h->nfields);
	MemoryContextSwitchTo(old);

	for (int f = 0; f < h->nfields; f++, p++)
	{
		const char *name;
		int			len;
		int			kind;

		CHECK_FOR_INTERRUPTS();
		dream_next_field(&p, end, delimiter, &name, &len);
		kind = MonthColumn(name, len, &h->month[f]);
		h->kind[f] = (uint8) kind;
		if (kind == FIELD_OTHER)
			continue;
		lo[kind] = Min(lo[kind], h->month[f]);
		hi[kind] = Max(hi[kind], h->month[f]);
		count[kind]++;
	}
	if (count[FIELD_GRAD] + count[FIELD_BRANCHE] == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("DREAM header has no monthly columns"),
				 errdetail("Monthly columns are named grad_YYYY_MM or branche_YYYY_MM (or grad_YYMM, branche_YYMM), for example grad_2008_01.")));

	/* per kind: every month from the first to the last column exactly once */
	h->first = Min(lo[FIELD_GRAD], lo[FIELD_BRANCHE]);
	h->nmonths = Max(count[FIELD_GRAD] ? hi[FIELD_GRAD] : PG_INT32_MIN,
					 count[FIELD_BRANCHE] ? hi[FIELD_BRANCHE] : PG_INT32_MIN) - h->first + 1;
	for (int kind = FIELD_GRAD; kind <= FIELD_BRANCHE; kind++)
	{
		bool	   *seen;

		if (count[kind] == 0)
			continue;
		seen = palloc0(sizeof(bool) * (hi[kind] - lo[kind] + 1));
		for (int f = 0; f < h->nfields; f++)
		{
			int32		i;

			if (h->kind[f] != kind)
				continue;
			i = h->month[f] - lo[kind];
			if (seen[i])
			{
				int			year,
							month;

				MonthSplit(h->month[f], &year, &month);
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("DREAM header has two %s columns for %04d-%02d",
								kind == FIELD_GRAD ? "grad" : "branche", year, month),
						 errdetail("Each month has at most one grad_ and one branche_ column.")));
			}
			seen[i] = true;
		}
		if (hi[kind] - lo[kind] + 1 != count[kind])
		{
			int			i = 0;
			int			year,
						month;

			while (seen[i])		/* no duplicates: there is a hole */
				i++;
			MonthSplit(lo[kind] + i, &year, &month);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("DREAM header has no %s column for %04d-%02d",
							kind == FIELD_GRAD ? "grad" : "branche", year, month),
					 errdetail("The %s columns must cover every month from the first to the last, in any order.",
							   kind == FIELD_GRAD ? "grad_" : "branche_")));
		}
		pfree(seen);
	}
	fcinfo->flinfo->fn_extra = h;
	return h;
}

/*
 * One line of a DREAM-style file: the grad_ and branche_ fields become the
 * monthline; the other fields are skipped.  An empty field or '.' is
 * missing.
 */
Datum
dream_monthline(PG_FUNCTION_ARGS)
{
	text	   *delim = PG_GETARG_TEXT_PP(2);
	text	   *line = PG_GETARG_TEXT_PP(1);
	DreamMonthHeader *h;
	const char *p = VARDATA_ANY(line);
	const char *end = p + VARSIZE_ANY_EXHDR(line);
	int32	   *grad;
	int32	   *branche;
	MonthlineBuilder b;
	int			f;

	if (VARSIZE_ANY_EXHDR(delim) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("DREAM delimiter must be a single one-byte character")));
	h = ParseMonthHeader(fcinfo, PG_GETARG_TEXT_PP(0), *VARDATA_ANY(delim));
	grad = palloc(sizeof(int32) * h->nmonths);
	branche = palloc(sizeof(int32) * h->nmonths);
	for (int i = 0; i < h->nmonths; i++)
		grad[i] = branche[i] = MONTHLINE_MISSING;

	for (f = 0; p <= end; f++, p++)
	{
		const char *value;
		int			len;
		int64		v = MONTHLINE_MISSING;
		int			kind;

		if (f >= h->nfields)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("DREAM line has more fields than its header (%d)", h->nfields)));
		CHECK_FOR_INTERRUPTS();
		dream_next_field(&p, end, h->delimiter, &value, &len);
		kind = h->kind[f];
		if (kind == FIELD_OTHER)
			continue;
		if (!(len == 0 || (len == 1 && *value == '.') || dream_parse_digits(value, len, &v)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid DREAM %s \"%.*s\" in field %d",
							kind == FIELD_GRAD ? "grad" : "branche", len, value, f + 1),
					 errdetail("A monthly field holds a non-negative integer, or nothing.")));
		if (v > (kind == FIELD_GRAD ? MONTHLINE_MAX_GRAD : PG_INT32_MAX))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("DREAM %s \"%.*s\" in field %d is out of range",
							kind == FIELD_GRAD ? "grad" : "branche", len, value, f + 1),
					 errdetail("A grad is an integer from 0 to %d, a branche from 0 to %d.",
							   MONTHLINE_MAX_GRAD, PG_INT32_MAX)));
		if (kind == FIELD_GRAD)
			grad[h->month[f] - h->first] = (int32) v;
		else
			branche[h->month[f] - h->first] = (int32) v;
	}
	if (f != h->nfields)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("DREAM line has %d fields, its header %d", f, h->nfields)));
	BuilderInit(&b, h->first, true, ERRCODE_INVALID_PARAMETER_VALUE);
	for (int i = 0; i < h->nmonths; i++)
		BuilderAdd(&b, grad[i], branche[i], 1);
	PG_RETURN_POINTER(BuilderFinish(&b));
}

/* ---------- reading ---------- */

/* The run holding month m; false outside the span */
static bool
RunAt(const struct varlena *ml, int32 m, MonthlineRun *run)
{
	MonthlineReader r;

	if (!monthline_reader_init(&r, ml) || m < r.next)
		return false;
	while (monthline_next(&r, run))
		if (m < r.next)
			return true;
	return false;
}

#define PG_GETARG_MONTHLINE_P(n) ((struct varlena *) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n)))

static Datum
GradOrNull(FunctionCallInfo fcinfo, int32 m, bool want_grad)
{
	MonthlineRun run;
	int32		v;

	if (!RunAt(PG_GETARG_MONTHLINE_P(0), m, &run))
		PG_RETURN_NULL();
	v = want_grad ? run.grad : run.branche;
	if (v == MONTHLINE_MISSING)
		PG_RETURN_NULL();
	PG_RETURN_INT32(v);
}

Datum
monthline_grad_at_month(PG_FUNCTION_ARGS)
{
	return GradOrNull(fcinfo, MonthArgument(PG_GETARG_INT32(1), PG_GETARG_INT32(2)), true);
}

Datum
monthline_grad_at_week(PG_FUNCTION_ARGS)
{
	return GradOrNull(fcinfo, MonthOfWeek(PG_GETARG_ISOWEEK(1)), true);
}

Datum
monthline_branche_at_month(PG_FUNCTION_ARGS)
{
	return GradOrNull(fcinfo, MonthArgument(PG_GETARG_INT32(1), PG_GETARG_INT32(2)), false);
}

Datum
monthline_branche_at_week(PG_FUNCTION_ARGS)
{
	return GradOrNull(fcinfo, MonthOfWeek(PG_GETARG_ISOWEEK(1)), false);
}

Datum
monthline_first_month(PG_FUNCTION_ARGS)
{
	MonthlineReader r;

	if (!monthline_reader_init(&r, PG_GETARG_MONTHLINE_P(0)))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(MonthDate(r.next));
}

Datum
monthline_last_month(PG_FUNCTION_ARGS)
{
	MonthlineReader r;
	MonthlineRun run;

	if (!monthline_reader_init(&r, PG_GETARG_MONTHLINE_P(0)))
		PG_RETURN_NULL();
	while (monthline_next(&r, &run))
		;
	PG_RETURN_DATEADT(MonthDate(r.next - 1));
}

/* months(monthline): one row per month */
Datum
monthline_months(PG_FUNCTION_ARGS)
{
	struct varlena *ml = PG_GETARG_MONTHLINE_P(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MonthlineReader r;
	MonthlineRun run;

	InitMaterializedSRF(fcinfo, 0);
	monthline_reader_init(&r, ml);
	while (monthline_next(&r, &run))
	{
		for (int32 i = 0; i < run.length; i++)
		{
			Datum		values[3];
			bool		nulls[3];

			CHECK_FOR_INTERRUPTS();
			values[0] = DateADTGetDatum(MonthDate(run.start + i));
			values[1] = Int32GetDatum(run.grad);
			values[2] = Int32GetDatum(run.branche);
			nulls[0] = false;
			nulls[1] = run.grad == MONTHLINE_MISSING;
			nulls[2] = run.branche == MONTHLINE_MISSING;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

/* ---------- status history ---------- */

/*
 * The states of status_history (doc/history.md, "Status history"):
 *   0  no benefit code, no grad of at least min_grad in the week's month
 *   1  no benefit code, a grad of at least min_grad (default 1): job
 *   2  a code of one of the education groups
 *   3  no benefit code, the week's month outside the monthline: not known
 *   10 + g  a code of benefit group g of the codebook (weekline_recode's numbers)
 */
#define STATE_SELF_SUPPORTED 0
#define STATE_JOB 1
#define STATE_EDUCATION 2
#define STATE_UNKNOWN 3
#define STATE_GROUP_BASE 10

/* The group numbers of the education groups, checked against the codebook */
static bool *
EducationGroups(const CodebookMap *cm, const char *codebook, ArrayType *arr)
{
	int			ngroups = codebook_ngroups(cm);
	bool	   *education = palloc0(sizeof(bool) * (ngroups + 1));
	Datum	   *names;
	bool	   *nulls;
	int			n;

	jobreg_list_elements(arr, "education", &names, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		char	   *name;
		int			g;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("education must not contain NULL")));
		name = TextDatumGetCString(names[i]);
		for (g = 1; g <= ngroups && strcmp(codebook_group_name(cm, g), name) != 0; g++)
			;
		if (g > ngroups)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("codebook %s has no group %s", quote_literal_cstr(codebook),
							quote_literal_cstr(name)),
					 errdetail("education lists benefit groups (the gruppe column of the codebook table).")));
		education[g] = true;
	}
	return education;
}

/* A forward cursor over a monthline's runs, for months in increasing order */
typedef struct MonthCursor
{
	MonthlineReader reader;
	MonthlineRun run;
	bool		have;
} MonthCursor;

/* grad of month m: MONTHLINE_MISSING when missing, -2 outside the span */
static int32
CursorGrad(MonthCursor *c, int32 m)
{
	while (c->have && m >= c->run.start + c->run.length)
		c->have = monthline_next(&c->reader, &c->run);
	if (!c->have || m < c->run.start)
		return -2;
	return c->run.grad;
}

/* A run of states, joined with the previous one while the state is the same */
typedef struct PendingState
{
	int32		state;			/* -1 before the first run */
	int64		length;
} PendingState;

/* Add weeks of a state; state -1 flushes */
static inline void
AddState(WeeklineBuilder *b, PendingState *p, int32 state, int64 length)
{
	if (state == p->state)
	{
		p->length += length;
		return;
	}
	if (p->state >= 0)
		weekline_builder_add(b, p->state, p->length);
	p->state = state;
	p->length = length;
}

/*
 * status_history(benefits, employment, codebook, education, min_grad): the
 * benefits' weekline with every week's state.  A week's month is the month of its
 * Thursday (as month_weeks).
 */
Datum
status_history(PG_FUNCTION_ARGS)
{
	struct varlena *wl = PG_GETARG_WEEKLINE_P(0);
	struct varlena *ml = PG_GETARG_MONTHLINE_P(1);
	char	   *codebook = text_to_cstring(PG_GETARG_TEXT_PP(2));
	const CodebookMap *cm = codebook_load(fcinfo, codebook);
	bool	   *education = EducationGroups(cm, codebook, PG_GETARG_ARRAYTYPE_P(3));
	int32		min_grad = PG_GETARG_INT32(4);
	WeeklineReader r;
	WeeklineRun run;
	WeeklineBuilder b;
	MonthCursor c;
	PendingState pending = {-1, 0};

	if (min_grad < 0 || min_grad > MONTHLINE_MAX_GRAD)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_grad %d is out of range", min_grad),
				 errdetail("min_grad is the least grad that counts as a job, from 0 (any registered grad) to %d.",
						   MONTHLINE_MAX_GRAD)));

	if (!weekline_reader_init(&r, wl))
	{
		struct varlena *copy = palloc(VARSIZE_ANY(wl));

		memcpy(copy, wl, VARSIZE_ANY(wl));
		PG_RETURN_WEEKLINE_P(copy);
	}
	c.have = monthline_reader_init(&c.reader, ml) && monthline_next(&c.reader, &c.run);
	weekline_builder_init(&b, r.next, true, ERRCODE_DATA_CORRUPTED);
	while (weekline_next(&r, &run))
	{
		IsoWeek		week,
					end;
		int			year,
					month;

		CHECK_FOR_INTERRUPTS();
		if (run.code != 0)
		{
			int32		g = codebook_group(cm, run.code);

			if (g == 0)
				codebook_unknown_code(codebook, run.code, run.start);
			AddState(&b, &pending, education[g] ? STATE_EDUCATION : STATE_GROUP_BASE + g,
					 run.length);
			continue;
		}
		/* weeks without a code: month by month (a month has 4 or 5 weeks) */
		end = run.start + run.length;
		isoweek_month(run.start, &year, &month);
		for (week = run.start; week < end;)
		{
			int64		next = Min(isoweek_month_first_week(year, month + 1), (int64) end);
			int32		grad = CursorGrad(&c, monthline_month_index(year, month));
			int32		state;

			if (grad == -2)
				state = STATE_UNKNOWN;
			else if (grad != MONTHLINE_MISSING && grad >= min_grad)
				state = STATE_JOB;
			else
				state = STATE_SELF_SUPPORTED;
			AddState(&b, &pending, state, next - week);
			week = (IsoWeek) next;
			if (++month > 12)
			{
				month = 1;
				year++;
			}
		}
	}
	AddState(&b, &pending, -1, 0);
	PG_RETURN_WEEKLINE_P(weekline_builder_finish(&b));
}

/* status_states(codebook, education): the states and what they are */
Datum
status_states(PG_FUNCTION_ARGS)
{
	char	   *codebook = text_to_cstring(PG_GETARG_TEXT_PP(0));
	const CodebookMap *cm = codebook_load(fcinfo, codebook);
	bool	   *education = EducationGroups(cm, codebook, PG_GETARG_ARRAYTYPE_P(1));
	ReturnSetInfo *rsinfo;
	static const char *const fixed[] = {
		"self-supported without registered income (no benefit code, no employment)",
		"job (no benefit code, employment in the month)",
		"education",
		"no benefit code, employment not known (month outside the monthline)"
	};

	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	for (int s = 0; s < lengthof(fixed); s++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int32GetDatum(s);
		values[1] = CStringGetTextDatum(fixed[s]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	for (int g = 1; g <= codebook_ngroups(cm); g++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		if (education[g])
			continue;
		values[0] = Int32GetDatum(STATE_GROUP_BASE + g);
		values[1] = CStringGetTextDatum(codebook_group_name(cm, g));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
