/*
 * fuzz/fuzz_type.c
 *		libFuzzer harness for one jobreg type's input functions.
 *
 * Built once per type and mode (see scripts/run-fuzz.sh): FUZZ_IN, FUZZ_OUT,
 * FUZZ_RECV and FUZZ_SEND name the type's I/O functions; with FUZZ_BINARY the
 * fuzz input goes to the receive function, otherwise to the text input
 * function.  Any input may be rejected with an ERROR that carries a SQLSTATE;
 * an accepted input must round-trip: its text form reads back to the same
 * text, and its binary form reads back to the same text and bytes.  Anything
 * else — a crash, a sanitizer report, an error without SQLSTATE, a broken
 * round trip — aborts and is a finding.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "pgstub.h"

extern Datum FUZZ_IN(PG_FUNCTION_ARGS);
extern Datum FUZZ_OUT(PG_FUNCTION_ARGS);
extern Datum FUZZ_RECV(PG_FUNCTION_ARGS);
extern Datum FUZZ_SEND(PG_FUNCTION_ARGS);

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Call an I/O function; false if it raised an ERROR */
static bool
Call(PGFunction fn, Datum arg, Datum *result)
{
	LOCAL_FCINFO(fcinfo, 3);
	sigjmp_buf	jump;

	InitFunctionCallInfoData(*fcinfo, NULL, 3, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = arg;
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = ObjectIdGetDatum(InvalidOid);
	fcinfo->args[1].isnull = false;
	fcinfo->args[2].value = Int32GetDatum(-1);
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
	stub_free_all();
	return 0;
}
