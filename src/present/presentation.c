/*
 * src/present/presentation.c
 *		Danish presentation with ICU: dk_number and dk_pct (ICU's number
 *		formatter, locale da_DK) and kommune_kode (tolerant matching of
 *		municipality names through an ICU transliterator).
 *
 * ICU objects are opened once per backend and kept: opening a formatter or
 * compiling transliterator rules costs far more than using them.
 */
#include "postgres.h"

#include <limits.h>

#include <unicode/unumberformatter.h>
#include <unicode/utrans.h>

#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/pg_locale.h"
#include "utils/varlena.h"

#include "present/present.h"

PG_FUNCTION_INFO_V1(dk_number);
PG_FUNCTION_INFO_V1(dk_pct);
PG_FUNCTION_INFO_V1(kommune_kode);

#define DK_LOCALE "da_DK"

/* decimals accepted by dk_number and dk_pct */
#define DK_MAX_DECIMALS 99

/* how many near names an unknown-name error suggests */
#define KOMMUNE_CANDIDATES 3

/*
 * The longest name kommune_kode takes, in characters: the longest kommune
 * name has 17 and a hyphenated name with "Regionskommune" some 35, and the
 * transliteration costs more than linear time in the length (doc/bounds.md).
 */
#define KOMMUNE_NAME_MAX 200

/* edit distances are taken on at most this many characters of a key */
#define KOMMUNE_KEY_COMPARED 64

static void
CheckIcu(UErrorCode status, const char *what)
{
	if (U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("ICU %s failed: %s", what, u_errorName(status))));
}

/* ---------- numbers ---------- */

/*
 * The formatter for a number of decimals, opened on first use from an ICU
 * number skeleton: exactly that many fraction digits, ties rounded away
 * from zero (as PostgreSQL's round(numeric) does), no minus sign on a value
 * that rounds to zero, and for percentages a scale of 100.
 */
static UNumberFormatter *
Formatter(int decimals, bool percent)
{
	static UNumberFormatter *cache[2][DK_MAX_DECIMALS + 1];
	UNumberFormatter **slot;

	if (decimals < 0 || decimals > DK_MAX_DECIMALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and %d", DK_MAX_DECIMALS),
				 errdetail("The value given was %d.", decimals)));

	slot = &cache[percent ? 1 : 0][decimals];
	if (*slot == NULL)
	{
		StringInfoData skeleton;
		UChar	   *uskeleton;
		int32_t		ulen;
		UErrorCode	status = U_ZERO_ERROR;
		UNumberFormatter *fmt;

		initStringInfo(&skeleton);
		if (decimals == 0)
			appendStringInfoString(&skeleton, "precision-integer");
		else
			appendStringInfoChar(&skeleton, '.');
		for (int i = 0; i < decimals; i++)
			appendStringInfoChar(&skeleton, '0');
		appendStringInfoString(&skeleton, " rounding-mode-half-up sign-negative");
		if (percent)
			appendStringInfoString(&skeleton, " scale/100");

		ulen = icu_to_uchar(&uskeleton, skeleton.data, skeleton.len);
		fmt = unumf_openForSkeletonAndLocale(uskeleton, ulen, DK_LOCALE, &status);
		CheckIcu(status, "number formatter");
		*slot = fmt;
		pfree(uskeleton);
		pfree(skeleton.data);
	}
	return *slot;
}

/*
 * The text of a formatted number, in the database encoding; status is that
 * of the formatting call.
 */
static char *
FormattedText(UFormattedNumber *result, UErrorCode status)
{
	int32_t		len;
	UChar	   *buf;
	char	   *text;

	CheckIcu(status, "number formatting");
	status = U_ZERO_ERROR;
	len = unumf_resultToString(result, NULL, 0, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR)
		CheckIcu(status, "number formatting");
	buf = palloc((len + 1) * sizeof(UChar));
	status = U_ZERO_ERROR;
	unumf_resultToString(result, buf, len + 1, &status);
	CheckIcu(status, "number formatting");
	icu_from_uchar(&text, buf, len);
	pfree(buf);
	return text;
}

static UFormattedNumber *
NumberResult(void)
{
	static UFormattedNumber *result = NULL;

	if (result == NULL)
	{
		UErrorCode	status = U_ZERO_ERROR;
		UFormattedNumber *opened = unumf_openResult(&status);

		CheckIcu(status, "number result");
		result = opened;
	}
	return result;
}

/*
 * dk_number(numeric, decimals int) → text: '16.750', '5,5', '-5.750'.
 * The numeric's exact decimal digits go to ICU, so no precision is lost
 * however large the value.
 */
Datum
dk_number(PG_FUNCTION_ARGS)
{
	char	   *digits = DatumGetCString(DirectFunctionCall1(numeric_out, PG_GETARG_DATUM(0)));
	UFormattedNumber *result = NumberResult();
	UErrorCode	status = U_ZERO_ERROR;

	/* the length must be given: with -1 ICU keeps only 34 digits */
	unumf_formatDecimal(Formatter(PG_GETARG_INT32(1), false), digits, strlen(digits),
						result, &status);
	PG_RETURN_TEXT_P(cstring_to_text(FormattedText(result, status)));
}

/* A float8 as dk_number prints it, for the figures (present.h) */
char *
dk_format_number(float8 value, int decimals)
{
	UFormattedNumber *result = NumberResult();
	UErrorCode	status = U_ZERO_ERROR;

	unumf_formatDouble(Formatter(decimals, false), value, result, &status);
	return FormattedText(result, status);
}

/*
 * dk_pct(ratio float8, decimals int) → text: 0.055 gives '5,5 pct.'.
 * ICU takes the ratio at its shortest round-trip decimal form and scales
 * it by 100 in decimal arithmetic, so 0.055 is 5.5 and not 5.4999….
 * The Danish abbreviation 'pct.' follows the number as the documents
 * print it (ICU's percent style would give '5,5 %').
 */
Datum
dk_pct(PG_FUNCTION_ARGS)
{
	UFormattedNumber *result = NumberResult();
	UErrorCode	status = U_ZERO_ERROR;

	unumf_formatDouble(Formatter(PG_GETARG_INT32(1), true), PG_GETARG_FLOAT8(0), result, &status);
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s pct.", FormattedText(result, status))));
}

/* ---------- kommune names ---------- */

/*
 * The folding that makes names comparable: any script to Latin, lower
 * case, Latin to ASCII (ø → o, å → a, æ → ae, é → e …), everything but
 * letters and digits removed, and then the Danish ASCII spellings folded
 * the same way as the letters they stand for: aa → a (Aabenraa = Åbenrå),
 * oe → o (Koege = Køge).  æ is kept as ae, which is also how it is typed.
 */
static const char *const FoldId = "jobreg-kommune-fold";
static const char *const FoldRules =
":: Any-Latin ;"
":: Lower ;"
":: Latin-ASCII ;"
"[^a-z0-9] > ;"
":: Null ;"
"aa > a ;"
"oe > o ;";

static UTransliterator *
Folder(void)
{
	static UTransliterator *folder = NULL;

	if (folder == NULL)
	{
		UChar	   *id;
		UChar	   *rules;
		int32_t		idlen,
					ruleslen;
		UParseError perr;
		UErrorCode	status = U_ZERO_ERROR;
		UTransliterator *opened;

		idlen = icu_to_uchar(&id, FoldId, strlen(FoldId));
		ruleslen = icu_to_uchar(&rules, FoldRules, strlen(FoldRules));
		opened = utrans_openU(id, idlen, UTRANS_FORWARD, rules, ruleslen, &perr, &status);
		CheckIcu(status, "transliterator");
		folder = opened;
		pfree(id);
		pfree(rules);
	}
	return folder;
}

/* The folded key of a name (database encoding in, ASCII out) */
static char *
FoldName(const char *name, size_t len)
{
	UTransliterator *folder = Folder();
	UChar	   *src;
	UChar	   *buf;
	int32_t		ulen = icu_to_uchar(&src, name, len);
	int32_t		capacity = 4 * ulen + 16;
	char	   *key;

	for (;;)
	{
		int32_t		textlen = ulen;
		int32_t		limit = ulen;
		UErrorCode	status = U_ZERO_ERROR;

		CHECK_FOR_INTERRUPTS();
		buf = palloc(capacity * sizeof(UChar));
		memcpy(buf, src, ulen * sizeof(UChar));
		utrans_transUChars(folder, buf, &textlen, capacity, 0, &limit, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR)
		{
			pfree(buf);
			capacity *= 2;
			continue;
		}
		CheckIcu(status, "transliteration");

		/* the rules leave only [a-z0-9], so each UChar is one ASCII byte */
		key = palloc(textlen + 1);
		for (int i = 0; i < textlen; i++)
			key[i] = (char) buf[i];
		key[textlen] = '\0';
		pfree(buf);
		pfree(src);
		return key;
	}
}

/* One name a kommune answers to: its full name or a part of a double name */
typedef struct KommuneKey
{
	char	   *key;			/* folded */
	int			kommune;		/* index into the arrays of KommuneIndex */
} KommuneKey;

typedef struct KommuneIndex
{
	int			n;				/* kommuner */
	int32	   *kode;
	char	  **navn;
	List	   *keys;			/* of KommuneKey */
	HTAB	   *memo;			/* input → kode of names already matched */
} KommuneIndex;

/*
 * A column of names repeats a few hundred spellings, so matched inputs are
 * remembered for the rest of the statement; transliteration is the cost.
 */
#define KOMMUNE_MEMO_KEYLEN 64
#define KOMMUNE_MEMO_MAX 10000

typedef struct KommuneMemo
{
	char		input[KOMMUNE_MEMO_KEYLEN];
	int32		kode;
} KommuneMemo;

static void
AddKey(KommuneIndex *index, int kommune, const char *name, size_t len)
{
	KommuneKey *k = palloc(sizeof(KommuneKey));

	k->key = FoldName(name, len);
	k->kommune = kommune;
	index->keys = lappend(index->keys, k);
}

/*
 * Reads the kommune table of the extension's schema (the schema this
 * function lives in, so search_path cannot substitute another table) and
 * folds every name and every part of a double name (Lyngby-Taarbæk).
 */
static KommuneIndex *
LoadKommuner(Oid fn_oid, MemoryContext mcxt)
{
	KommuneIndex *index;
	MemoryContext old;
	HASHCTL		ctl;

	jobreg_select_reference(fn_oid, "kode, navn", "kommune", "", NULL);

	old = MemoryContextSwitchTo(mcxt);
	index = palloc0(sizeof(KommuneIndex));
	ctl.keysize = KOMMUNE_MEMO_KEYLEN;
	ctl.entrysize = sizeof(KommuneMemo);
	ctl.hcxt = mcxt;
	index->memo = hash_create("kommune_kode memo", 256, &ctl,
							  HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	index->n = (int) SPI_processed;
	index->kode = palloc(index->n * sizeof(int32));
	index->navn = palloc(index->n * sizeof(char *));
	for (int i = 0; i < index->n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		const char *navn;

		index->kode[i] = DatumGetInt32(SPI_getbinval(tup, desc, 1, &isnull));
		navn = index->navn[i] = TextDatumGetCString(SPI_getbinval(tup, desc, 2, &isnull));

		AddKey(index, i, navn, strlen(navn));
		if (strpbrk(navn, "- ") == NULL)
			continue;
		for (const char *p = navn; *p; p += strspn(p, "- "))
		{
			size_t		partlen = strcspn(p, "- ");

			if (partlen > 0)
				AddKey(index, i, p, partlen);
			p += partlen;
		}
	}
	MemoryContextSwitchTo(old);
	SPI_finish();
	return index;
}

static bool
EndsWith(const char *s, const char *suffix)
{
	size_t		slen = strlen(s),
				xlen = strlen(suffix);

	return slen > xlen && strcmp(s + slen - xlen, suffix) == 0;
}

/* a equals b, or one is the other with a genitive s (Københavns, Nordfyn) */
static bool
KeysMatch(const char *a, const char *b)
{
	size_t		alen = strlen(a),
				blen = strlen(b);

	if (alen == blen)
		return strcmp(a, b) == 0;
	if (alen == blen + 1)
		return a[blen] == 's' && strncmp(a, b, blen) == 0;
	if (blen == alen + 1)
		return b[alen] == 's' && strncmp(a, b, alen) == 0;
	return false;
}

/*
 * The number of kommuner with a key matching, and the first of them; their
 * "Navn (kode)" appended to buf unless it is NULL.
 */
static int
Matches(KommuneIndex *index, const char *key, int *first, StringInfo buf)
{
	ListCell   *lc;
	int			last = -1;
	int			n = 0;

	foreach(lc, index->keys)
	{
		KommuneKey *k = lfirst(lc);

		/* the keys of one kommune are adjacent in the list */
		if (k->kommune == last || !KeysMatch(key, k->key))
			continue;
		if (n++ == 0)
			*first = k->kommune;
		if (buf)
			appendStringInfo(buf, "%s%s (%d)", n > 1 ? ", " : "",
							 index->navn[k->kommune], index->kode[k->kommune]);
		last = k->kommune;
	}
	return n;
}

/*
 * Edit distance between an input key and a kommune's key, where a
 * kommune whose key starts like the input ("frederiks") is one step away.
 */
static int
KeyDistance(const char *input, const char *key)
{
	int			ilen = Min(strlen(input), KOMMUNE_KEY_COMPARED);
	int			klen = Min(strlen(key), KOMMUNE_KEY_COMPARED);
	int			whole = varstr_levenshtein(input, ilen, key, klen, 1, 1, 1, false);
	int			start = varstr_levenshtein(input, ilen, key, Min(ilen, klen), 1, 1, 1, false);

	return Min(whole, start + 1);
}

/*
 * The closest names (a kommune at the distance of its nearest key; ties in
 * table order), for a hint.
 */
static char *
Candidates(KommuneIndex *index, const char *key)
{
	int		   *dist = palloc(index->n * sizeof(int));
	StringInfoData buf;
	ListCell   *lc;

	for (int i = 0; i < index->n; i++)
		dist[i] = INT_MAX;
	foreach(lc, index->keys)
	{
		KommuneKey *k = lfirst(lc);

		dist[k->kommune] = Min(dist[k->kommune], KeyDistance(key, k->key));
	}

	initStringInfo(&buf);
	for (int c = 0; c < Min(KOMMUNE_CANDIDATES, index->n); c++)
	{
		int			best = 0;

		for (int i = 1; i < index->n; i++)
			if (dist[i] < dist[best])
				best = i;
		appendStringInfo(&buf, "%s%s (%d)", c > 0 ? ", " : "",
						 index->navn[best], index->kode[best]);
		dist[best] = INT_MAX;
	}
	return buf.data;
}

/*
 * kommune_kode(navn text) → int: the kommunekode of a municipality name,
 * tolerant of case, diacritics, ASCII spellings of æ/ø/å, hyphens and
 * spaces, a trailing "Kommune"/"Regionskommune", the genitive s, the
 * abbreviation "Kbh" and one part of a double name.  An unknown name is an
 * error whose hint lists the closest names.
 */
Datum
kommune_kode(PG_FUNCTION_ARGS)
{
	text	   *arg = PG_GETARG_TEXT_PP(0);
	TableCache *tc = jobreg_table_cache(fcinfo);
	KommuneIndex *index;
	char	   *input;
	bool		memoizable;
	char	   *key;
	int			nmatch;
	int			found = -1;
	StringInfoData matches;

	/* the table is read once per query (the function is STABLE) */
	if (tc->data == NULL)
		tc->data = LoadKommuner(fcinfo->flinfo->fn_oid, tc->cxt);
	index = (KommuneIndex *) tc->data;

	/* counts at most one character past the limit, however long the text */
	if (pg_mbcharcliplen(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg), KOMMUNE_NAME_MAX) <
		VARSIZE_ANY_EXHDR(arg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("kommune name is too long"),
				 errdetail("A name given to kommune_kode has at most %d characters.", KOMMUNE_NAME_MAX)));
	input = text_to_cstring(arg);
	memoizable = strlen(input) < KOMMUNE_MEMO_KEYLEN;
	if (memoizable)
	{
		KommuneMemo *memo = hash_search(index->memo, input, HASH_FIND, NULL);

		if (memo)
			PG_RETURN_INT32(memo->kode);
	}

	key = FoldName(input, strlen(input));
	if (EndsWith(key, "regionskommune"))
		key[strlen(key) - strlen("regionskommune")] = '\0';
	else if (EndsWith(key, "kommune"))
		key[strlen(key) - strlen("kommune")] = '\0';
	if (strcmp(key, "kbh") == 0)
		key = "kobenhavn";

	nmatch = Matches(index, key, &found, NULL);
	if (nmatch == 1)
	{
		if (memoizable && hash_get_num_entries(index->memo) < KOMMUNE_MEMO_MAX)
		{
			KommuneMemo *memo = hash_search(index->memo, input, HASH_ENTER, NULL);

			memo->kode = index->kode[found];
		}
		PG_RETURN_INT32(index->kode[found]);
	}
	if (nmatch == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no kommune is named \"%s\"", input),
				 index->n > 0 ?
				 errhint("The closest names are %s.", Candidates(index, key)) :
				 errdetail("The kommune table is empty.")));

	initStringInfo(&matches);
	Matches(index, key, &found, &matches);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("kommune name \"%s\" is ambiguous", input),
			 errdetail("It matches %s.", matches.data)));
	PG_RETURN_NULL();			/* not reached */
}
