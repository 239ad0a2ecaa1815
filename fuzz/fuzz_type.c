/*
 * fuzz/fuzz_type.c
 *		libFuzzer harness for one jobreg type's input functions.
 *
 * Built once per type and mode (see scripts/run-fuzz.sh): FUZZ_IN, FUZZ_OUT,
 * FUZZ_RECV and FUZZ_SEND name the type's I/O functions; with FUZZ_BINARY the
 * fuzz input goes to the receive function, with FUZZ_DREAM to that DREAM-file
 * reader (dream_weekline, dream_monthline: a header line, then data lines),
 * otherwise to the text input function.  Any input may be rejected with an
 * ERROR that carries a SQLSTATE;
 * an accepted input must round-trip: its text form reads back to the same
 * text, and its binary form reads back to the same text and bytes.  Anything
 * else — a crash, a sanitizer report, an error without SQLSTATE, a broken
 * round trip — aborts and is a finding.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "pgstub.h"

extern Datum FUZZ_IN(PG_FUNCTION_ARGS);
extern Datum FUZZ_OUT(PG_FUNCTION_ARGS);
extern Datum FUZZ_RECV(PG_FUNCTION_ARGS);
extern Datum FUZZ_SEND(PG_FUNCTION_ARGS);

#ifdef FUZZ_DREAM
extern Datum FUZZ_DREAM(PG_FUNCTION_ARGS);
#endif

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Call a function of three arguments; false if it raised an ERROR */
static bool
Call3(PGFunction fn, FmgrInfo *flinfo, Datum a0, Datum a1, Datum a2, Datum *result)
{
	LOCAL_FCINFO(fcinfo, 3);
	sigjmp_buf	jump;

	InitFunctionCallInfoData(*fcinfo, flinfo, 3, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = a0;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = a1;
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = a2;
	fcinfo->args[2].isnull = false;

	stub_sqlerrcode = 0;
	PG_exception_stack = &jump;
	if (sigsetjmp(jump, 0) != 0)
	{
		PG_exception_stack = NULL;
		if (stub_sqlerrcode == 0 || stub_sqlerrcode == ERRCODE_INTERNAL_ERROR)
			abort();			/* a user-facing error must say what is wrong */
		return false;
	}
	*result = fn(fcinfo);
	PG_exception_stack = NULL;
	return true;
}

/* Call an I/O function (value, type oid, typmod) */
static bool
Call(PGFunction fn, Datum arg, Datum *result)
{
	return Call3(fn, NULL, arg, ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1), result);
}

/* Call a function that must not fail on a valid value */
static Datum
Must(PGFunction fn, Datum arg)
{
	Datum		result;

	if (!Call(fn, arg, &result))
		abort();
	return result;
}

static bool
Receive(const char *bytes, int len, Datum *value)
{
	StringInfoData buf;

	buf.data = (char *) bytes;
	buf.len = len;
	buf.maxlen = len;
	buf.cursor = 0;
	return Call(FUZZ_RECV, PointerGetDatum(&buf), value);
}

/* An accepted value must survive text and binary round trips unchanged */
static void
CheckRoundTrips(Datum value)
{
	char	   *text = DatumGetCString(Must(FUZZ_OUT, value));
	char	   *text2 = DatumGetCString(Must(FUZZ_OUT, Must(FUZZ_IN, CStringGetDatum(text))));
	bytea	   *bin = DatumGetByteaP(Must(FUZZ_SEND, value));
	Datum		back;
	bytea	   *bin2;

	if (strcmp(text, text2) != 0)
		abort();
	if (!Receive(VARDATA(bin), VARSIZE(bin) - VARHDRSZ, &back))
		abort();
	if (strcmp(text, DatumGetCString(Must(FUZZ_OUT, back))) != 0)
		abort();
	bin2 = DatumGetByteaP(Must(FUZZ_SEND, back));
	if (VARSIZE(bin) != VARSIZE(bin2) || memcmp(bin, bin2, VARSIZE(bin)) != 0)
		abort();
}

#ifdef FUZZ_DREAM
/*
 * The input is a DREAM file: a header line, then data lines, each read with
 * the same FmgrInfo, so that the reader's header cache (fn_extra) is used and
 * survives a rejected line.  A first byte of ',', '|' or tab is the delimiter
 * (otherwise ';').  SQL text holds no NUL byte, so such inputs are skipped.
 */
static void
ReadDream(const char *data, size_t size)
{
	FmgrInfo	flinfo;
	char		delimiter = ';';
	const char *end = data + size;
	const char *nl;
	text	   *header;

	if (memchr(data, '\0', size) != NULL)
		return;
	if (size > 0 && (*data == ',' || *data == '|' || *data == '\t'))
		delimiter = *data++;
	memset(&flinfo, 0, sizeof(flinfo));
	flinfo.fn_mcxt = CurrentMemoryContext;
	nl = memchr(data, '\n', end - data);
	header = cstring_to_text_with_len(data, (nl ? nl : end) - data);
	while (nl != NULL)
	{
		const char *line = nl + 1;
		Datum		value;

		nl = memchr(line, '\n', end - line);
		if (Call3(FUZZ_DREAM, &flinfo, PointerGetDatum(header),
				  PointerGetDatum(cstring_to_text_with_len(line, (nl ? nl : end) - line)),
				  PointerGetDatum(cstring_to_text_with_len(&delimiter, 1)), &value))
			CheckRoundTrips(value);
	}
}
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_DREAM
	ReadDream((const char *) data, size);
#else
	Datum		value;
	bool		ok;

#ifdef FUZZ_BINARY
	char	   *bytes = palloc(size + 1);

	memcpy(bytes, data, size);
	ok = Receive(bytes, (int) size, &value);
#else
	char	   *str = pnstrdup((const char *) data, size);

	ok = Call(FUZZ_IN, CStringGetDatum(str), &value);
#endif
	if (ok)
		CheckRoundTrips(value);
#endif
	stub_free_all();
	return 0;
}
