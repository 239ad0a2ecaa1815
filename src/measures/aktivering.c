/*
 * src/measures/aktivering.c
 *		Activation measures: the per-person aggregate aktivering() over a
 *		person's offers (tilbud) and benefit periods, and the population
 *		aggregates over its results (aktiveringsgrad, andel
 *		aktiveringsberørte, virksomhedsrettet andel, aktivering_sum).
 *
 * The arithmetic is done per day.  A benefit day is worth 37/7 possible
 * activation hours (a full-time week is 37 hours); an offer of h hours a
 * week is worth h/7 hours on each of its days, but only on days inside the
 * period on which the person is on the benefit; the offers of one day
 * together count at most 37/7 hours, and when they are capped each offer
 * keeps its share, so that the company-directed (virksomhedsrettet) hours
 * are the same share of the capped hours as of the offered ones.
 *
 * Capping needs all offers of a person at once, so the per-person state
 * keeps them (an internal state with serialization); its result, the
 * composite type aktivering, is plain numbers that add up over persons.
 * The population aggregates sum them exactly (whole counts, hours in fixed
 * point), withhold a figure resting on fewer persons than jobreg.min_cell
 * and take a value out exactly (their moving-aggregate mode).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "measures/measures.h"

PG_FUNCTION_INFO_V1(aktivering_trans);
PG_FUNCTION_INFO_V1(aktivering_combine);
PG_FUNCTION_INFO_V1(aktivering_serial);
PG_FUNCTION_INFO_V1(aktivering_deserial);
PG_FUNCTION_INFO_V1(aktivering_final);
PG_FUNCTION_INFO_V1(aktivering_accum);
PG_FUNCTION_INFO_V1(aktivering_sum_final);
PG_FUNCTION_INFO_V1(aktiveringsgrad_final);
PG_FUNCTION_INFO_V1(aktiveringsberoerte_final);
PG_FUNCTION_INFO_V1(virksomhedsrettet_final);
PG_FUNCTION_INFO_V1(aktivering_inv);
PG_FUNCTION_INFO_V1(aktivering_persons_final);

#define FULL_TIME_HOURS 37.0
#define MAX_WEEK_HOURS 168.0

/* ---------- the per-person state ---------- */

typedef struct Offer
{
	DateADT		lo;				/* first day, clipped to the period */
	DateADT		hi;				/* day after the last */
	float8		hours;			/* hours per week */
	bool		virk;			/* virksomhedsrettet */
} Offer;

typedef struct AktiveringState
{
	DateADT		plo;			/* the period [plo, phi) */
	DateADT		phi;
	int			nbenefit;		/* benefit intervals, unclipped */
	DateADT    *benefit;		/* 2 * nbenefit: lo, hi, ... increasing */
	int			noffers;
	int			maxoffers;
	Offer	   *offers;
} AktiveringState;

static AktiveringState *
NewState(MemoryContext cxt, DateADT plo, DateADT phi, int nbenefit)
{
	AktiveringState *st = MemoryContextAllocZero(cxt, sizeof(AktiveringState));

	st->plo = plo;
	st->phi = phi;
	st->nbenefit = nbenefit;
	st->benefit = MemoryContextAllocZero(cxt, sizeof(DateADT) * 2 * Max(nbenefit, 1));
	st->maxoffers = 8;
	st->offers = MemoryContextAllocZero(cxt, sizeof(Offer) * st->maxoffers);
	return st;
}

/* st's memory context is the one its arrays were allocated in */
static void
AddOffer(AktiveringState *st, DateADT lo, DateADT hi, float8 hours, bool virk)
{
	Offer	   *o;

	if (st->noffers == st->maxoffers)
	{
		if ((Size) st->maxoffers * 2 * sizeof(Offer) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many offers for one person"),
					 errdetail("aktivering() takes the offers of one person: group by person.")));
		st->maxoffers *= 2;
		st->offers = repalloc(st->offers, sizeof(Offer) * st->maxoffers);
	}
	o = &st->offers[st->noffers++];
	o->lo = lo;
	o->hi = hi;
	o->hours = hours;
	o->virk = virk;
}

/* All rows of one call must describe the same person in the same period */
static void
CheckSamePerson(const AktiveringState *st, DateADT plo, DateADT phi,
				int nbenefit, const DateADT *benefit)
{
	if (st->plo != plo || st->phi != phi)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aktivering() got different periods in one group"),
				 errdetail("aktivering() measures one person in one period: group by person, with one period.")));
	if (st->nbenefit != nbenefit ||
		memcmp(st->benefit, benefit, sizeof(DateADT) * 2 * nbenefit) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aktivering() got different benefit periods in one group"),
				 errdetail("aktivering() measures one person, whose benefit periods are the same on every row: group by person.")));
}

/* ---------- the offer types ---------- */

typedef struct OfferType
{
	char	   *kode;
	bool		virk;
} OfferType;

typedef struct OfferTypes
{
	int			n;
	OfferType  *types;			/* sorted by kode */
} OfferTypes;

static int
CompareOfferType(const void *a, const void *b)
{
	return strcmp(((const OfferType *) a)->kode, ((const OfferType *) b)->kode);
}

/* bsearch comparison of a text key with an OfferType */
static int
CompareKode(const void *key, const void *elem)
{
	const text *k = key;
	const char *kode = ((const OfferType *) elem)->kode;
	int			len = VARSIZE_ANY_EXHDR(k);
	int			c = strncmp(VARDATA_ANY(k), kode, len);

	if (c != 0)
		return c;
	return kode[len] == '\0' ? 0 : -1;
}

/*
 * The table tilbudstype of the extension's schema (the schema of this
 * function), read once per query (jobreg_table_cache).
 */
static OfferTypes *
LoadOfferTypes(FunctionCallInfo fcinfo)
{
	TableCache *tc = jobreg_table_cache(fcinfo);
	MemoryContext cxt = tc->cxt;
	OfferTypes *ot;
	uint64		i;

	if (tc->data != NULL)
		return (OfferTypes *) tc->data;
	jobreg_select_reference(fcinfo->flinfo->fn_oid, "kode, virksomhedsrettet", "tilbudstype", "", NULL);

	ot = MemoryContextAllocZero(cxt, sizeof(OfferTypes));
	ot->types = MemoryContextAllocZero(cxt, sizeof(OfferType) * Max(SPI_processed, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		kode = SPI_getbinval(tup, desc, 1, &isnull);
		Datum		virk = SPI_getbinval(tup, desc, 2, &isnull);

		ot->types[i].kode = MemoryContextStrdup(cxt, TextDatumGetCString(kode));
		ot->types[i].virk = DatumGetBool(virk);
	}
	ot->n = SPI_processed;
	SPI_finish();
	qsort(ot->types, ot->n, sizeof(OfferType), CompareOfferType);
	tc->data = ot;
	return ot;
}

static bool
IsVirksomhedsrettet(FunctionCallInfo fcinfo, text *kode)
{
	OfferTypes *ot = LoadOfferTypes(fcinfo);
	OfferType  *found;

	found = bsearch(kode, ot->types, ot->n, sizeof(OfferType), CompareKode);
	if (found == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown offer type \"%s\"", text_to_cstring(kode)),
				 errdetail("Offer types are the codes of the table tilbudstype."),
				 errhint("Add the type to tilbudstype, saying whether it is virksomhedsrettet.")));
	return found->virk;
}

/* ---------- aktivering(ydelse, periode, tilbudstype, tilbud, timer) ---------- */

Datum
aktivering_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	AktiveringState *st = PG_ARGISNULL(0) ? NULL : (AktiveringState *) PG_GETARG_POINTER(0);
	DateADT		plo,
				phi,
				lo,
				hi;
	DateADT    *benefit;
	int			nbenefit,
				noffer = 0;
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "aktivering_trans called in non-aggregate context");

	/* a row without benefit periods or period does not count */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}

	jobreg_period_days(PG_GETARG_DATUM(2), &plo, &phi);
	benefit = jobreg_datemultirange_days(PG_GETARG_DATUM(1), DATEVAL_NOBEGIN, DATEVAL_NOEND,
										 &nbenefit);
	if (st == NULL)
	{
		st = NewState(aggcxt, plo, phi, nbenefit);
		memcpy(st->benefit, benefit, sizeof(DateADT) * 2 * nbenefit);
	}
	else
		CheckSamePerson(st, plo, phi, nbenefit, benefit);
	pfree(benefit);

	/* the offer: all three of type, days and hours, or none (no offer) */
	for (i = 3; i <= 5; i++)
		noffer += PG_ARGISNULL(i) ? 0 : 1;
	if (noffer == 0)
		PG_RETURN_POINTER(st);
	if (noffer < 3)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("offer with a NULL type, period or hours"),
				 errdetail("An offer has all three of type, period and hours per week; a row without an offer has none of them.")));
	{
		float8		hours = PG_GETARG_FLOAT8(5);
		bool		virk = IsVirksomhedsrettet(fcinfo, PG_GETARG_TEXT_PP(3));

		if (isnan(hours) || hours < 0.0 || hours > MAX_WEEK_HOURS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("offer hours %g are out of range", hours),
					 errdetail("Hours per week are from 0 to %g.", MAX_WEEK_HOURS)));
		if (jobreg_daterange_days(PG_GETARG_DATUM(4), plo, phi, &lo, &hi) && hours > 0.0)
		{
			MemoryContext old = MemoryContextSwitchTo(aggcxt);

			AddOffer(st, lo, hi, hours, virk);
			MemoryContextSwitchTo(old);
		}
	}
	PG_RETURN_POINTER(st);
}

Datum
aktivering_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt,
				old;
	AktiveringState *a = PG_ARGISNULL(0) ? NULL : (AktiveringState *) PG_GETARG_POINTER(0);
	AktiveringState *b = PG_ARGISNULL(1) ? NULL : (AktiveringState *) PG_GETARG_POINTER(1);
	int			i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "aktivering_combine called in non-aggregate context");
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}

	old = MemoryContextSwitchTo(aggcxt);
	if (a == NULL)
	{
		a = NewState(aggcxt, b->plo, b->phi, b->nbenefit);
		memcpy(a->benefit, b->benefit, sizeof(DateADT) * 2 * b->nbenefit);
	}
	else
		CheckSamePerson(a, b->plo, b->phi, b->nbenefit, b->benefit);
	for (i = 0; i < b->noffers; i++)
		AddOffer(a, b->offers[i].lo, b->offers[i].hi, b->offers[i].hours, b->offers[i].virk);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(a);
}

/*
 * Binary form of the state, for parallel aggregation: the period, the
 * benefit intervals and the offers.
 */
Datum
aktivering_serial(PG_FUNCTION_ARGS)
{
	AktiveringState *st = (AktiveringState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int			i;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aktivering_serial called in non-aggregate context");
	pq_begintypsend(&buf);
	pq_sendint32(&buf, st->plo);
	pq_sendint32(&buf, st->phi);
	pq_sendint32(&buf, st->nbenefit);
	for (i = 0; i < 2 * st->nbenefit; i++)
		pq_sendint32(&buf, st->benefit[i]);
	pq_sendint32(&buf, st->noffers);
	for (i = 0; i < st->noffers; i++)
	{
		pq_sendint32(&buf, st->offers[i].lo);
		pq_sendint32(&buf, st->offers[i].hi);
		pq_sendfloat8(&buf, st->offers[i].hours);
		pq_sendbyte(&buf, st->offers[i].virk ? 1 : 0);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
BadSerial(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid serialized aktivering state"),
			 errdetail("The %s is invalid.", what)));
}

Datum
aktivering_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcxt;
	StringInfoData buf;
	AktiveringState *st;
	DateADT		plo,
				phi;
	int			nbenefit,
				noffers,
				i;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "aktivering_deserial called in non-aggregate context");
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	plo = pq_getmsgint(&buf, 4);
	phi = pq_getmsgint(&buf, 4);
	nbenefit = pq_getmsgint(&buf, 4);
	if (plo >= phi)
		BadSerial("period");
	if (nbenefit < 0 || nbenefit > (buf.len - buf.cursor) / 8)
		BadSerial("number of benefit intervals");
	st = NewState(aggcxt, plo, phi, nbenefit);
	for (i = 0; i < 2 * nbenefit; i++)
	{
		st->benefit[i] = pq_getmsgint(&buf, 4);
		if (i > 0 && st->benefit[i] <= st->benefit[i - 1])
			BadSerial("order of the benefit intervals");
	}
	noffers = pq_getmsgint(&buf, 4);
	if (noffers < 0 || noffers > (buf.len - buf.cursor) / 17)
		BadSerial("number of offers");
	for (i = 0; i < noffers; i++)
	{
		DateADT		lo = pq_getmsgint(&buf, 4);
		DateADT		hi = pq_getmsgint(&buf, 4);
		float8		hours = pq_getmsgfloat8(&buf);
		int			virk = pq_getmsgbyte(&buf);

		if (lo < plo || hi > phi || lo >= hi || !(hours > 0.0 && hours <= MAX_WEEK_HOURS) ||
			(virk != 0 && virk != 1))
			BadSerial("offer");
		AddOffer(st, lo, hi, hours, virk == 1);
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/* aktivering result columns */
enum
{
	AK_PERSONER, AK_BEROERTE, AK_YDELSESTIMER, AK_AKTIVERINGSTIMER, AK_VIRKSOMHEDSRETTEDE_TIMER,
	AK_NATTS
};

static Datum
MakeAktivering(FunctionCallInfo fcinfo, const float8 *v)
{
	TupleDesc	desc;
	Datum		values[AK_NATTS];
	bool		nulls[AK_NATTS] = {0};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "function returning a record called in a context that cannot accept one");
	desc = BlessTupleDesc(desc);
	/* summed person counts come back as bigint: no silent wrap-around */
	if (!FLOAT8_FITS_IN_INT64(v[AK_PERSONER]) || !FLOAT8_FITS_IN_INT64(v[AK_BEROERTE]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("bigint out of range")));
	values[AK_PERSONER] = Int64GetDatum((int64) v[AK_PERSONER]);
	values[AK_BEROERTE] = Int64GetDatum((int64) v[AK_BEROERTE]);
	values[AK_YDELSESTIMER] = Float8GetDatum(v[AK_YDELSESTIMER]);
	values[AK_AKTIVERINGSTIMER] = Float8GetDatum(v[AK_AKTIVERINGSTIMER]);
	values[AK_VIRKSOMHEDSRETTEDE_TIMER] = Float8GetDatum(v[AK_VIRKSOMHEDSRETTEDE_TIMER]);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/* an offer starting (+) or ending (-) on a day */
typedef struct Event
{
	DateADT		day;
	float8		hours;			/* signed */
	bool		virk;
} Event;

static int
CompareEvent(const void *a, const void *b)
{
	const Event *x = a,
			   *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->hours != y->hours)
		return x->hours < y->hours ? -1 : 1;
	return (int) x->virk - (int) y->virk;
}

/*
 * The person's numbers: a sweep over the days on which offers start or end,
 * with the benefit days of each stretch between two such days.
 */
Datum
aktivering_final(PG_FUNCTION_ARGS)
{
	AktiveringState *st;
	float8		v[AK_NATTS] = {0};
	DateADT    *ben;
	int			nben = 0,
				nevents,
				i,
				j = 0,
				active = 0;
	int64		benefit_days = 0;
	Event	   *ev;
	float8		h = 0.0,
				hv = 0.0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (AktiveringState *) PG_GETARG_POINTER(0);

	/* benefit days in the period */
	ben = palloc(sizeof(DateADT) * 2 * Max(st->nbenefit, 1));
	for (i = 0; i < st->nbenefit; i++)
	{
		DateADT		lo = Max(st->benefit[2 * i], st->plo);
		DateADT		hi = Min(st->benefit[2 * i + 1], st->phi);

		if (lo < hi)
		{
			ben[2 * nben] = lo;
			ben[2 * nben + 1] = hi;
			nben++;
			benefit_days += hi - lo;
		}
	}
	if (benefit_days == 0)
		return MakeAktivering(fcinfo, v);
	v[AK_PERSONER] = 1.0;
	v[AK_YDELSESTIMER] = benefit_days * FULL_TIME_HOURS / 7.0;

	/* the events, in an order that does not depend on the order of the rows */
	nevents = 2 * st->noffers;
	ev = palloc(sizeof(Event) * Max(nevents, 1));
	for (i = 0; i < st->noffers; i++)
	{
		ev[2 * i].day = st->offers[i].lo;
		ev[2 * i].hours = st->offers[i].hours;
		ev[2 * i].virk = st->offers[i].virk;
		ev[2 * i + 1].day = st->offers[i].hi;
		ev[2 * i + 1].hours = -st->offers[i].hours;
		ev[2 * i + 1].virk = st->offers[i].virk;
	}
	qsort(ev, nevents, sizeof(Event), CompareEvent);

	for (i = 0; i < nevents; i++)
	{
		DateADT		a = ev[i].day,
					b;
		int64		days = 0;

		/* the offers of day a: counted, not only summed, so that none is exactly 0 */
		active += ev[i].hours > 0.0 ? 1 : -1;
		h += ev[i].hours;
		if (ev[i].virk)
			hv += ev[i].hours;
		if (i + 1 < nevents && ev[i + 1].day == a)
			continue;
		if (active == 0)
		{
			h = hv = 0.0;
			continue;
		}
		if (i + 1 >= nevents)
			elog(ERROR, "offer without an end");
		b = ev[i + 1].day;

		/* benefit days in [a, b) */
		while (j < nben && ben[2 * j + 1] <= a)
			j++;
		for (int k = j; k < nben && ben[2 * k] < b; k++)
			days += Min(ben[2 * k + 1], b) - Max(ben[2 * k], a);
		if (days > 0 && h > 0.0)
		{
			float8		capped = Min(h, FULL_TIME_HOURS);

			v[AK_AKTIVERINGSTIMER] += days * capped / 7.0;
			v[AK_VIRKSOMHEDSRETTEDE_TIMER] += days * Max(hv, 0.0) * (capped / h) / 7.0;
		}
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	v[AK_BEROERTE] = v[AK_AKTIVERINGSTIMER] > 0.0 ? 1.0 : 0.0;
	return MakeAktivering(fcinfo, v);
}

/* ---------- the population aggregates over aktivering ---------- */

/*
 * The state is a float8[] of 12 whole numbers:
 *
 *		[rows, personer, aktiveringsberoerte, then for ydelsestimer,
 *		 aktiveringstimer and virksomhedsrettede_timer three limbs each]
 *
 * The hours are kept in fixed point: each value is rounded once to a whole
 * multiple of 2^-64 hours (exact for every value of at least 2^-11 hours)
 * and summed as a 128-bit integer, stored as limbs of 40 bits (whole numbers
 * below 2^53, so the state is a plain float8[] that jobreg_array_sum adds).
 * So the sums are exact: they do not depend on the order of the rows or on
 * how they are split, and a value taken out (the moving-aggregate mode)
 * leaves exactly the state of the other rows.  The final functions round the
 * exact sum once to the nearest float8.
 */
#define AKS_ROWS 0
#define AKS_COUNTS 1			/* personer, aktiveringsberoerte */
#define AKS_HOURS 3				/* three limbs per hours column */
#define AKS_LEN 12
#define FIX_SHIFT 64			/* fixed point: whole multiples of 2^-64 hours */
#define LIMB_BITS 40
#define LIMB_MASK ((((uint128) 1) << LIMB_BITS) - 1)
#define FIX_LIMIT (((uint128) 1) << 120)	/* sums stay below: 2^56 hours */
#define COUNT_LIMIT 9007199254740992.0	/* 2^53: counts stay exact in a float8 */

typedef struct AktiveringSumState
{
	float8		v[AKS_LEN];
} AktiveringSumState;

static void
BadSumState(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid aggregate state"),
			 errdetail("%s", detail)));
}

/* A value in fixed point */
static uint128
FixOf(float8 x)
{
	if (!(x < ldexp(1.0, 120 - FIX_SHIFT)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aktivering hours of %g are too many to sum exactly", x),
				 errdetail("The population aggregates take at most 2^56 hours in a value.")));
	return (uint128) rint(ldexp(x, FIX_SHIFT));
}

/* The sum of a column of hours (limbs need not be normalized) */
static uint128
FixLoad(const float8 *limb)
{
	for (int i = 0; i < 3; i++)
		if (!(limb[i] >= 0 && limb[i] < COUNT_LIMIT) || limb[i] != rint(limb[i]) || (i == 2 && limb[i] >= ldexp(1.0, 47)))
			BadSumState("Its hours are not whole numbers of limbs in range.");
	return (uint128) limb[0] + ((uint128) limb[1] << LIMB_BITS) + ((uint128) limb[2] << (2 * LIMB_BITS));
}

static void
FixStore(float8 *limb, uint128 v)
{
	if (v >= FIX_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the sum of aktivering hours is too large to keep exactly"),
				 errdetail("The population aggregates sum at most 2^56 hours.")));
	limb[0] = (float8) (v & LIMB_MASK);
	limb[1] = (float8) ((v >> LIMB_BITS) & LIMB_MASK);
	limb[2] = (float8) (v >> (2 * LIMB_BITS));
}

/*
 * 0.1.0's INITCOND was 6 zeros (rows and five float sums); until ALTER
 * EXTENSION jobreg UPDATE gives the aggregates the new one, a state of 6
 * zeros is the empty state.
 */
static bool
IsOldEmptyState(ArrayType *state)
{
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] != 6 || ARR_HASNULL(state) || ARR_ELEMTYPE(state) != FLOAT8OID)
		return false;
	for (int i = 0; i < 6; i++)
		if (((float8 *) ARR_DATA_PTR(state))[i] != 0)
			return false;
	return true;
}

static ArrayType *
NewSumState(void)
{
	Datum		zeros[AKS_LEN];

	for (int i = 0; i < AKS_LEN; i++)
		zeros[i] = Float8GetDatum(0.0);
	return construct_array(zeros, AKS_LEN, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

/* The sums of the state as aktivering's columns; false for no rows */
static bool
SumTotals(ArrayType *state, float8 *v)
{
	const float8 *s;

	if (IsOldEmptyState(state))
		state = NewSumState();
	s = JOBREG_STATE(AktiveringSumState, state)->v;

	for (int i = 0; i < AKS_HOURS; i++)
		if (!(s[i] >= 0 && s[i] < COUNT_LIMIT) || s[i] != rint(s[i]))
			BadSumState("Its counts are not whole numbers in range.");
	v[AK_PERSONER] = s[AKS_COUNTS];
	v[AK_BEROERTE] = s[AKS_COUNTS + 1];
	for (int c = 0; c < 3; c++)
		v[AK_YDELSESTIMER + c] = ldexp((double) FixLoad(&s[AKS_HOURS + 3 * c]), -FIX_SHIFT);
	return s[AKS_ROWS] > 0;
}

/* Adds (sign +1) or takes out (sign -1) one aktivering value */
static Datum
AktiveringCount(FunctionCallInfo fcinfo, int sign)
{
	ArrayType  *state = IsOldEmptyState(PG_GETARG_ARRAYTYPE_P(0)) ? NewSumState() : jobreg_state_arg(fcinfo, 0);
	float8	   *s = JOBREG_STATE(AktiveringSumState, state)->v;
	HeapTupleHeader a = PG_GETARG_HEAPTUPLEHEADER(1);
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	HeapTupleData tuple;
	Datum		d[AK_NATTS];
	bool		isnull[AK_NATTS];
	float8		v[AK_NATTS];
	uint128		fix[3];
	int			i;

	/* the row type's descriptor, once per query */
	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(a), HeapTupleHeaderGetTypMod(a));
		MemoryContextSwitchTo(old);
		if (desc->natts != AK_NATTS)
			elog(ERROR, "aktivering has %d columns, expected %d", desc->natts, AK_NATTS);
		fcinfo->flinfo->fn_extra = desc;
	}
	tuple.t_len = HeapTupleHeaderGetDatumLength(a);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = a;
	heap_deform_tuple(&tuple, desc, d, isnull);

	for (i = 0; i < AK_NATTS; i++)
	{
		if (isnull[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("aktivering value with a NULL field"),
					 errdetail("Every field of an aktivering value is a number.")));
		v[i] = i <= AK_BEROERTE ? (float8) DatumGetInt64(d[i]) : DatumGetFloat8(d[i]);
		if (!isfinite(v[i]) || v[i] < 0.0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aktivering value with a negative or infinite field"),
					 errdetail("Persons and hours are finite and not negative.")));
	}
	for (i = 0; i < 3; i++)
		fix[i] = FixOf(v[AK_YDELSESTIMER + i]);

	if (sign > 0)
	{
		for (i = 0; i < 2; i++)
		{
			s[AKS_COUNTS + i] += v[AK_PERSONER + i];
			if (s[AKS_COUNTS + i] >= COUNT_LIMIT)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("too many persons in the aktivering sums"),
						 errdetail("The population aggregates count at most 2^53 persons.")));
		}
		s[AKS_ROWS] += 1;
		for (i = 0; i < 3; i++)
			FixStore(&s[AKS_HOURS + 3 * i], FixLoad(&s[AKS_HOURS + 3 * i]) + fix[i]);
	}
	else
	{
		uint128		have[3];
		bool		bad = s[AKS_ROWS] < 1 || s[AKS_COUNTS] < v[AK_PERSONER] ||
			s[AKS_COUNTS + 1] < v[AK_BEROERTE];

		for (i = 0; i < 3; i++)
		{
			have[i] = FixLoad(&s[AKS_HOURS + 3 * i]);
			bad = bad || have[i] < fix[i];
		}
		if (bad)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the aktivering aggregates cannot take out a value they did not count")));
		s[AKS_ROWS] -= 1;
		s[AKS_COUNTS] -= v[AK_PERSONER];
		s[AKS_COUNTS + 1] -= v[AK_BEROERTE];
		for (i = 0; i < 3; i++)
			FixStore(&s[AKS_HOURS + 3 * i], have[i] - fix[i]);
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
aktivering_accum(PG_FUNCTION_ARGS)
{
	return AktiveringCount(fcinfo, 1);
}

Datum
aktivering_inv(PG_FUNCTION_ARGS)
{
	return AktiveringCount(fcinfo, -1);
}

/* The persons behind the sums (field personer), as aktivering_personer gives them */
Datum
aktivering_persons_final(PG_FUNCTION_ARGS)
{
	float8		v[AK_NATTS];

	(void) SumTotals(PG_GETARG_ARRAYTYPE_P(0), v);
	PG_RETURN_INT64((int64) v[AK_PERSONER]);
}

/* The summed value; NULL for no rows and under jobreg.min_cell persons */
Datum
aktivering_sum_final(PG_FUNCTION_ARGS)
{
	float8		v[AK_NATTS];

	if (!SumTotals(PG_GETARG_ARRAYTYPE_P(0), v) || jobreg_withheld((int64) v[AK_PERSONER]))
		PG_RETURN_NULL();
	return MakeAktivering(fcinfo, v);
}

/*
 * num ÷ den; NULL when den is 0, or when the figure rests on fewer persons
 * (field `persons`) than jobreg.min_cell.
 */
static Datum
Ratio(FunctionCallInfo fcinfo, int num, int den, int persons)
{
	float8		v[AK_NATTS];

	(void) SumTotals(PG_GETARG_ARRAYTYPE_P(0), v);
	if (v[den] == 0.0 || jobreg_withheld((int64) v[persons]))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v[num] / v[den]);
}

Datum
aktiveringsgrad_final(PG_FUNCTION_ARGS)
{
	return Ratio(fcinfo, AK_AKTIVERINGSTIMER, AK_YDELSESTIMER, AK_PERSONER);
}

Datum
aktiveringsberoerte_final(PG_FUNCTION_ARGS)
{
	return Ratio(fcinfo, AK_BEROERTE, AK_PERSONER, AK_PERSONER);
}

Datum
virksomhedsrettet_final(PG_FUNCTION_ARGS)
{
	return Ratio(fcinfo, AK_VIRKSOMHEDSRETTEDE_TIMER, AK_AKTIVERINGSTIMER, AK_BEROERTE);
}
