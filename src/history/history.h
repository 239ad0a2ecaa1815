/*
 * src/history/history.h
 *		The register-history layer: the weekline type (weekline.c: its
 *		format, readers, builder, spells and DREAM files), codebooks
 *		(codebook.c), recoding codes to states (recode.c), and the monthline
 *		type of monthly employment with the status history (monthline.c).
 */
#ifndef JOBREG_HISTORY_H
#define JOBREG_HISTORY_H

#include "time/time.h"

/* ---------- weekline (history/weekline.c) ---------- */

#include "lib/stringinfo.h"
#include "utils/array.h"

/*
 * A weekline is one person's weekly codes over a span of consecutive weeks,
 * run-length encoded.  Code 0 means no code that week.  Values are read with
 * PG_GETARG_WEEKLINE_P (packed: short varlena headers are not copied) and
 * walked run by run with a WeeklineReader; nothing is expanded per week.
 */
#define PG_GETARG_WEEKLINE_P(n) ((struct varlena *) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n)))
#define PG_RETURN_WEEKLINE_P(x) PG_RETURN_POINTER(x)

typedef struct WeeklineRun
{
	IsoWeek		start;			/* first week of the run */
	int32		length;			/* weeks, at least 1 */
	int32		code;			/* 0 = no code */
} WeeklineRun;

typedef struct WeeklineReader
{
	const uint8 *pos;			/* next encoded run */
	const uint8 *end;
	IsoWeek		next;			/* start of the next run; the end of the span once all are read */
	IsoWeek		stop;			/* the week after the last valid week: no run passes it */
} WeeklineReader;

/*
 * The most runs (changes of code) of a weekline, and the most rows one
 * weekline_agg may collect (doc/limits.md).  A weekline's span is bounded
 * by the isoweek range anyway (about 521,700 weeks); these keep a value
 * and the aggregate's state small.  Overridable at compile time so that
 * the fuzz harness can reach them.
 */
#ifndef WEEKLINE_MAX_RUNS
#define WEEKLINE_MAX_RUNS 100000
#endif
#ifndef WEEKLINE_AGG_MAX_ROWS
#define WEEKLINE_AGG_MAX_ROWS 1048576
#endif

/* the on-disk format version (a byte before the runs) */
#define WEEKLINE_VERSION 1

/* false for the empty weekline; then weekline_next gives nothing */
extern bool weekline_reader_init_general(WeeklineReader *r, const struct varlena *wl);
extern uint32 weekline_read_varint(WeeklineReader *r);
extern void weekline_corrupt(void) pg_attribute_noreturn();
extern IsoWeek weekline_stop_week(void);

/*
 * The common case inline: the current version and a first week within
 * 8,191 weeks of 2000-W01 (a zigzag varint of one or two bytes, always a
 * valid week); anything else, errors included, by the general function.
 */
static inline bool
weekline_reader_init(WeeklineReader *r, const struct varlena *wl)
{
	const uint8 *data = (const uint8 *) VARDATA_ANY(wl);
	Size		len = VARSIZE_ANY_EXHDR(wl);
	uint32		z;

	if (likely(len >= 4 && data[0] == WEEKLINE_VERSION))
	{
		if (data[1] < 0x80)
		{
			z = data[1];
			r->pos = data + 2;
		}
		else if (data[2] < 0x80)
		{
			z = (data[1] & 0x7F) | ((uint32) data[2] << 7);
			r->pos = data + 3;
		}
		else
			return weekline_reader_init_general(r, wl);
		r->end = data + len;
		r->next = (IsoWeek) ((z >> 1) ^ -(int32) (z & 1));
		r->stop = weekline_stop_week();
		return true;
	}
	return weekline_reader_init_general(r, wl);
}

/*
 * The next varint.  Codes and run lengths below 16384 take one or two bytes
 * and are read here, inline in every reader's loop; longer ones by the
 * general function.
 */
static inline uint32
weekline_varint(WeeklineReader *r)
{
	const uint8 *p = r->pos;

	if (likely(p < r->end && p[0] < 0x80))
	{
		r->pos = p + 1;
		return p[0];
	}
	if (likely(r->end - p >= 2 && p[1] < 0x80))
	{
		r->pos = p + 2;
		return (p[0] & 0x7F) | ((uint32) p[1] << 7);
	}
	return weekline_read_varint(r);
}

/* The next run; false after the last */
static inline bool
weekline_next(WeeklineReader *r, WeeklineRun *run)
{
	if (r->pos >= r->end)
		return false;
	run->code = (int32) weekline_varint(r);
	run->length = (int32) weekline_varint(r);
	if (unlikely(run->code < 0 || run->length < 1 || run->length > r->stop - r->next))
		weekline_corrupt();
	run->start = r->next;
	r->next += run->length;
	return true;
}

/*
 * The code of week `week` in *code (0 for a week without benefit); false when
 * the history does not cover the week (code_at's NULL)
 */
static inline bool
weekline_code_in_week(const struct varlena *wl, IsoWeek week, int32 *code)
{
	WeeklineReader r;
	WeeklineRun run;

	if (!weekline_reader_init(&r, wl) || week < r.next)
		return false;
	while (weekline_next(&r, &run))
		if (week < r.next)
		{
			*code = run.code;
			return true;
		}
	return false;
}

/* Span [*first, *end); false (and nothing set) for the empty weekline */
extern bool weekline_span(const struct varlena *wl, IsoWeek *first, IsoWeek *end);

/* Building a weekline from runs in week order */
typedef struct WeeklineBuilder
{
	StringInfoData buf;			/* the encoded value, varlena header first */
	IsoWeek		first;
	int64		weeks;			/* weeks added so far */
	int32		nruns;			/* runs encoded so far */
	int32		code;			/* the pending run, not yet encoded */
	int32		length;			/* 0 while there is no pending run */
	bool		merge;			/* merge equal adjacent codes, else an error */
	int			sqlstate;	/* SQLSTATE for malformed runs */
} WeeklineBuilder;

extern void weekline_builder_init(WeeklineBuilder *b, IsoWeek first, bool merge, int sqlstate);
extern void weekline_builder_add(WeeklineBuilder *b, int32 code, int64 length);
extern struct varlena *weekline_builder_finish(WeeklineBuilder *b);

/*
 * A set of codes (an int[] argument), sorted for binary search.  A benefit
 * group's codes lie close together (1101, 1102, 1111, 1112), so when all are
 * within 64 of the smallest the set is also a bit mask, tested in one step.
 */
typedef struct WeeklineCodes
{
	int			n;
	int32	   *codes;
	int32		lo;				/* the smallest code */
	uint64		mask;			/* bit c - lo for each code c; 0 when not used */
} WeeklineCodes;

/* Rejects NULL elements; the set lives in the current memory context */
extern void weekline_codes_from_array(ArrayType *arr, WeeklineCodes *set);
extern bool weekline_codes_search(const WeeklineCodes *set, int32 code);

static inline bool
weekline_codes_contain(const WeeklineCodes *set, int32 code)
{
	uint32		offset = (uint32) code - (uint32) set->lo;	/* wraps below lo */

	if (set->mask != 0)
		return offset < 64 && ((set->mask >> offset) & 1) != 0;
	return weekline_codes_search(set, code);
}

/* The code set of an int[] argument, cached in fn_extra across rows */
extern const WeeklineCodes *weekline_codes_argument(FunctionCallInfo fcinfo, int argno);

/* A code set kept while an int[] argument's bytes do not change (zeroed: empty) */
typedef struct WeeklineCodesCache
{
	bool		known;			/* the code set is set */
	Size		len;			/* bytes of the array, header excluded */
	char	   *bytes;			/* a copy of them */
	WeeklineCodes set;
} WeeklineCodesCache;

extern const WeeklineCodes *weekline_codes_cached(WeeklineCodesCache *cache, MemoryContext mcxt,
												  Datum array);

/* Weeks of [from, to) whose code is in the set (PG_INT32_MIN/MAX for open ends) */
extern int32 weekline_weeks_on(const struct varlena *wl, const WeeklineCodes *set,
							   IsoWeek from, IsoWeek to);

/* A weekrange as [*from, *to), open ends PG_INT32_MIN/MAX; false when empty */
extern bool weekline_period_bounds(Datum range, IsoWeek *from, IsoWeek *to);
/* The same of argument argno, kept in fn_extra (with the code set) across rows */
extern bool weekline_period_argument(FunctionCallInfo fcinfo, int argno, IsoWeek *from, IsoWeek *to);
/* The periods of a weekrange[] argument (an empty one as [0, 0)), kept likewise; returns their number */
extern int	weekline_periods_argument(FunctionCallInfo fcinfo, int argno,
									  const IsoWeek **from, const IsoWeek **to);
/* Weeks on the codes in each period, weeks[i] for [from[i], to[i]), in one pass */
extern void weekline_weeks_on_periods(const struct varlena *wl, const WeeklineCodes *set, int n,
									  const IsoWeek *from, const IsoWeek *to, int32 *weeks);

/* Spells: maximal runs of weeks on the codes, bridging breaks of up to max_gap weeks */
typedef struct WeeklineSpell
{
	IsoWeek		first;			/* first week on the codes */
	IsoWeek		end;			/* the week after the last week on the codes */
	int32		weeks;			/* weeks on the codes, bridged breaks excluded */
	int32		prior_gap;		/* weeks since the previous spell ended; -1 if none */
	int32		exit_code;		/* code of week `end`; -1 when right-censored */
	bool		left_censored;	/* starts at the first week of the span */
	bool		right_censored; /* ends at the last week of the span */
} WeeklineSpell;

typedef struct WeeklineSpellIter
{
	WeeklineReader reader;
	const WeeklineCodes *codes;
	int32		max_gap;
	IsoWeek		span_first;
	IsoWeek		last_start;		/* no spell starting after this week is wanted */
	bool		have_pending;	/* a run on the codes that starts the next spell */
	WeeklineRun pending;
	bool		have_prev;
	IsoWeek		prev_end;
} WeeklineSpellIter;

extern void weekline_spells_begin(WeeklineSpellIter *it, const struct varlena *wl,
								  const WeeklineCodes *codes, int32 max_gap);
extern bool weekline_spells_next(WeeklineSpellIter *it, WeeklineSpell *spell);

/* The first week of the spell holding week `at` (cheaper); false when `at` is in no spell */
extern bool weekline_spell_first_at(const struct varlena *wl, const WeeklineCodes *codes,
									int32 max_gap, IsoWeek at, IsoWeek *first);

/* The spell holding week `at`; false when `at` is in no spell */
extern bool weekline_spell_containing(const struct varlena *wl, const WeeklineCodes *codes,
									  int32 max_gap, IsoWeek at, WeeklineSpell *spell);


/* ---------- shared by the weekline and monthline formats and DREAM readers (weekline.c) ---------- */

/* Little-endian base-128 varints */
extern void history_append_varint(StringInfo buf, uint32 v);

/* The same written at p, which has room for 5 bytes; returns the byte after it */
static inline uint8 *
history_put_varint(uint8 *p, uint32 v)
{
	while (v >= 0x80)
	{
		*p++ = (uint8) (v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8) v;
	return p;
}

extern bool history_read_varint(const uint8 **pos, const uint8 *end, uint32 *value);

/* XX001 "corrupt TYPE value" */
extern void history_corrupt(const char *type) pg_attribute_noreturn();
/* A varint at *pos before end; history_corrupt(type) if it is cut off or too long */
extern uint32 history_varint(const uint8 **pos, const uint8 *end, const char *type);

/* The first week or month is stored zigzag-encoded: negative ones stay short */
static inline uint32
history_zigzag_encode(int32 v)
{
	return ((uint32) v << 1) ^ (uint32) (v >> 31);
}

static inline int32
history_zigzag_decode(uint32 z)
{
	return (int32) ((z >> 1) ^ -(int32) (z & 1));
}

/*
 * Opens a stored value of a history type: checks the format version byte
 * (XX001 otherwise), sets [*pos, *end) to the runs and *first to the first
 * week or month, which must lie in [lo, hi] and be followed by runs.  False
 * (and *first 0) for the empty value.
 */
extern bool history_open(const struct varlena *v, const char *type, uint8 version,
						 int32 lo, int32 hi,
						 const uint8 **pos, const uint8 **end, int32 *first);

/* An encoded value in buf: varlena header space and the version byte, then the runs */
extern void history_buffer_start(StringInfo buf, uint8 version);
extern struct varlena *history_buffer_finish(StringInfo buf);

/* Decimal digits at *p, saturating just above PG_INT32_MAX; false if none */
extern bool history_parse_number(const char **p, int64 *value);

/* Every encoding is canonical: = is byte equality and the hash is of the bytes */
extern bool history_values_equal(const struct varlena *a, const struct varlena *b);
extern Datum history_hash(const struct varlena *v);
extern Datum history_hash_extended(const struct varlena *v, uint64 seed);

/* The next field of a DREAM line at *p (up to the delimiter, white space trimmed) */
extern void dream_next_field(const char **p, const char *end, char delimiter,
							 const char **start, int *len);
/* Digits only, saturating just above PG_INT32_MAX; false if empty or not digits */
extern bool dream_parse_digits(const char *s, int len, int64 *value);

/* ---------- codebook groups (recode.c) ---------- */

/*
 * A codebook read from the codebook table: its codes and the number of each
 * code's group (groups numbered 1, 2, ... by their smallest code, as
 * weekline_recode numbers them), kept across rows as weekline_recode keeps
 * it.  codebook_group gives 0 for a code the codebook does not list.
 */
typedef struct CodebookMap CodebookMap;

extern const CodebookMap *codebook_load(FunctionCallInfo fcinfo, const char *codebook);
/* the same by a text argument, found among those read without copying the name */
extern const CodebookMap *codebook_lookup(FunctionCallInfo fcinfo, const text *name);
extern const char *codebook_name(const CodebookMap *cm);
extern int32 codebook_group(const CodebookMap *cm, int32 code);
extern int	codebook_ngroups(const CodebookMap *cm);
extern const char *codebook_group_name(const CodebookMap *cm, int group);	/* 1 .. ngroups */
extern void codebook_unknown_code(const char *codebook, int32 code, IsoWeek week) pg_attribute_noreturn();

/* ---------- monthline (history/monthline.c) ---------- */

/*
 * A monthline is one person's monthly employment over a span of consecutive
 * calendar months: per month an employment degree (grad, 0 to
 * MONTHLINE_MAX_GRAD, or missing) and an industry code (branche, 0 to
 * PG_INT32_MAX, or missing), run-length encoded.  Months are counted from
 * 2000-01 (month 0); -1 stands for a missing grad or branche.
 */
#define MONTHLINE_MISSING (-1)
#define MONTHLINE_MAX_GRAD 1000
#ifndef MONTHLINE_MAX_RUNS
#define MONTHLINE_MAX_RUNS 100000
#endif

typedef struct MonthlineRun
{
	int32		start;			/* first month of the run */
	int32		length;			/* months, at least 1 */
	int32		grad;			/* MONTHLINE_MISSING or 0 .. MONTHLINE_MAX_GRAD */
	int32		branche;		/* MONTHLINE_MISSING or 0 .. PG_INT32_MAX */
} MonthlineRun;

typedef struct MonthlineReader
{
	const uint8 *pos;
	const uint8 *end;
	int32		next;			/* start of the next run; the end of the span once all are read */
} MonthlineReader;

extern bool monthline_reader_init(MonthlineReader *r, const struct varlena *ml);
extern bool monthline_next(MonthlineReader *r, MonthlineRun *run);
extern int32 monthline_month_index(int year, int month);

/* mutant 3 (core/core.h, scripts/run-mutation.sh): codes read one too high */
#if defined(JOBREG_MUTANT) && JOBREG_MUTANT == 3
static inline bool
jobreg_mutant_next(WeeklineReader *r, WeeklineRun *run)
{
	if (!weekline_next(r, run))
		return false;
	if (run->code != 0)
		run->code++;
	return true;
}
#define weekline_next(r, run) jobreg_mutant_next(r, run)

#endif

#endif							/* JOBREG_HISTORY_H */
