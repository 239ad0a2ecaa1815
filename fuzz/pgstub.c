/*
 * fuzz/pgstub.c
 *		A minimal stand-in for the PostgreSQL backend, so that jobreg's type
 *		input and receive functions can run inside a libFuzzer harness.
 *
 * Every palloc is its own malloc, so AddressSanitizer checks each allocation
 * exactly (inside the server, palloc'd chunks share blocks).  An ERROR
 * longjmps back to the harness through PG_exception_stack, as in the
 * server.  PostgreSQL's frontend libraries (libpgcommon, libpgport) supply
 * printf, float formatting and the like; backend functions that the parsers
 * never call get aborting stubs from scripts/run-fuzz.sh.
 */
#include "postgres.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "pgstub.h"

sigjmp_buf *PG_exception_stack = NULL;
ErrorContextCallback *error_context_stack = NULL;
MemoryContext CurrentMemoryContext = (MemoryContext) 1;

int			stub_sqlerrcode;
static int	stub_elevel;

/* ---------- memory: every allocation is remembered and freed per input ---------- */

typedef struct StubChunk
{
	struct StubChunk *next;
	struct StubChunk *prev;
	Size		size;
	max_align_t data[FLEXIBLE_ARRAY_MEMBER];
} StubChunk;

static StubChunk chunks = {&chunks, &chunks, 0};

#define ChunkOf(p) ((StubChunk *) ((char *) (p) - offsetof(StubChunk, data)))

void *
palloc(Size size)
{
	StubChunk  *c;

	if (size > MaxAllocHugeSize)
		elog(ERROR, "invalid memory alloc request size %zu", size);
	c = malloc(offsetof(StubChunk, data) + size);
	if (c == NULL)
		abort();
	c->size = size;
	c->next = chunks.next;
	c->prev = &chunks;
	chunks.next->prev = c;
	chunks.next = c;
	return c->data;
}

void *
palloc0(Size size)
{
	void	   *p = palloc(size);

	memset(p, 0, size);
	return p;
}

void *
palloc_extended(Size size, int flags)
{
	return (flags & MCXT_ALLOC_ZERO) ? palloc0(size) : palloc(size);
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return palloc(size);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return palloc0(size);
}

void
pfree(void *pointer)
{
	StubChunk  *c = ChunkOf(pointer);

	c->prev->next = c->next;
	c->next->prev = c->prev;
	free(c);
}

void *
repalloc(void *pointer, Size size)
{
	void	   *p = palloc(size);
	Size		old = ChunkOf(pointer)->size;

	memcpy(p, pointer, Min(old, size));
	pfree(pointer);
	return p;
}

char *
pstrdup(const char *in)
{
	Size		len = strlen(in) + 1;

	return memcpy(palloc(len), in, len);
}

char *
pnstrdup(const char *in, Size len)
{
	char	   *out;

	len = strnlen(in, len);
	out = palloc(len + 1);
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

void
stub_free_all(void)
{
	while (chunks.next != &chunks)
		pfree(chunks.next->data);
}

/* ---------- errors: ERROR and above jump back to the harness ---------- */

bool
errstart(int elevel, const char *domain)
{
	stub_elevel = elevel;
	return elevel >= ERROR;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	if (stub_elevel >= ERROR)
	{
		if (PG_exception_stack == NULL)
			abort();
		siglongjmp(*PG_exception_stack, 1);
	}
}

void
pg_re_throw(void)
{
	siglongjmp(*PG_exception_stack, 1);
}

int
errcode(int sqlerrcode)
{
	stub_sqlerrcode = sqlerrcode;
	return 0;
}

#define STUB_MESSAGE(name) \
int name(const char *fmt,...) { return 0; }
STUB_MESSAGE(errmsg)
STUB_MESSAGE(errmsg_internal)
STUB_MESSAGE(errdetail)
STUB_MESSAGE(errdetail_internal)
STUB_MESSAGE(errhint)

/* ---------- StringInfo ---------- */

void
initStringInfo(StringInfo str)
{
	str->maxlen = 1024;
	str->data = palloc(str->maxlen);
	resetStringInfo(str);
}

StringInfo
makeStringInfo(void)
{
	StringInfo	s = palloc(sizeof(StringInfoData));

	initStringInfo(s);
	return s;
}

void
resetStringInfo(StringInfo str)
{
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
	if (needed < 0 || (Size) needed >= MaxAllocSize - (Size) str->len)
		elog(ERROR, "out of memory");
	needed += str->len + 1;
	if (needed <= str->maxlen)
		return;
	while (needed > str->maxlen)
		str->maxlen *= 2;
	str->data = repalloc(str->data, str->maxlen);
}

void
appendBinaryStringInfo(StringInfo str, const char *data, int datalen)
{
	enlargeStringInfo(str, datalen);
	memcpy(str->data + str->len, data, datalen);
	str->len += datalen;
	str->data[str->len] = '\0';
}

void
appendStringInfoString(StringInfo str, const char *s)
{
	appendBinaryStringInfo(str, s, strlen(s));
}

void
appendStringInfoChar(StringInfo str, char ch)
{
	appendBinaryStringInfo(str, &ch, 1);
}

void
appendStringInfoSpaces(StringInfo str, int count)
{
	while (count-- > 0)
		appendStringInfoChar(str, ' ');
}

void
appendStringInfo(StringInfo str, const char *fmt,...)
{
	va_list		args;
	char		small[64];
	int			n;

	va_start(args, fmt);
	n = vsnprintf(small, sizeof(small), fmt, args);
	va_end(args);
	if (n < (int) sizeof(small))
	{
		appendBinaryStringInfo(str, small, n);
		return;
	}
	enlargeStringInfo(str, n);
	va_start(args, fmt);
	vsnprintf(str->data + str->len, n + 1, fmt, args);
	va_end(args);
	str->len += n;
}

/* ---------- the binary wire format ---------- */

void
pq_begintypsend(StringInfo buf)
{
	initStringInfo(buf);
	appendStringInfoSpaces(buf, VARHDRSZ);
}

bytea *
pq_endtypsend(StringInfo buf)
{
	SET_VARSIZE(buf->data, buf->len);
	return (bytea *) buf->data;
}

void
pq_sendbytes(StringInfo buf, const char *data, int datalen)
{
	appendBinaryStringInfo(buf, data, datalen);
}

void
pq_sendfloat8(StringInfo buf, float8 f)
{
	union
	{
		float8		f;
		uint64		i;
	}			swap;

	swap.f = f;
	pq_sendint64(buf, swap.i);
}

static void
NeedBytes(StringInfo msg, int n)
{
	if (n < 0 || msg->cursor + n > msg->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("insufficient data left in message")));
}

int
pq_getmsgbyte(StringInfo msg)
{
	NeedBytes(msg, 1);
	return (unsigned char) msg->data[msg->cursor++];
}

unsigned int
pq_getmsgint(StringInfo msg, int b)
{
	unsigned int v = 0;

	if (b != 1 && b != 2 && b != 4)
		elog(ERROR, "unsupported integer size %d", b);
	NeedBytes(msg, b);
	for (int i = 0; i < b; i++)
		v = (v << 8) | (unsigned char) msg->data[msg->cursor++];
	return v;
}

int64
pq_getmsgint64(StringInfo msg)
{
	uint64		hi = pq_getmsgint(msg, 4);
	uint64		lo = pq_getmsgint(msg, 4);

	return (int64) ((hi << 32) | lo);
}

float8
pq_getmsgfloat8(StringInfo msg)
{
	union
	{
		float8		f;
		int64		i;
	}			swap;

	swap.i = pq_getmsgint64(msg);
	return swap.f;
}

const char *
pq_getmsgbytes(StringInfo msg, int datalen)
{
	const char *p;

	NeedBytes(msg, datalen);
	p = msg->data + msg->cursor;
	msg->cursor += datalen;
	return p;
}

void
pq_copymsgbytes(StringInfo msg, char *buf, int datalen)
{
	memcpy(buf, pq_getmsgbytes(msg, datalen), datalen);
}

void
pq_getmsgend(StringInfo msg)
{
	if (msg->cursor != msg->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("invalid message format")));
}

/* ---------- varlena and text ---------- */

struct varlena *
pg_detoast_datum(struct varlena *datum)
{
	return datum;				/* harness values are never toasted */
}

struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	return datum;
}

text *
cstring_to_text_with_len(const char *s, int len)
{
	text	   *t = palloc(len + VARHDRSZ);

	SET_VARSIZE(t, len + VARHDRSZ);
	memcpy(VARDATA(t), s, len);
	return t;
}

text *
cstring_to_text(const char *s)
{
	return cstring_to_text_with_len(s, strlen(s));
}

char *
text_to_cstring(const text *t)
{
	return pnstrdup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

/* ---------- the calendar (proleptic Gregorian Julian day numbers) ---------- */

int
date2j(int year, int month, int day)
{
	int			a = (14 - month) / 12;
	int			y = year + 4800 - a;
	int			m = month + 12 * a - 3;

	return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

void
j2date(int jd, int *year, int *month, int *day)
{
	int			f = jd + 1401 + (((4 * jd + 274277) / 146097) * 3) / 4 - 38;
	int			e = 4 * f + 3;
	int			h = 5 * ((e % 1461) / 4) + 2;

	*day = (h % 153) / 5 + 1;
	*month = ((h / 153 + 2) % 12) + 1;
	*year = e / 1461 - 4716 + (14 - *month) / 12;
}

int
j2day(int jd)
{
	return ((jd + 1) % 7 + 7) % 7;
}

void *
repalloc_huge(void *pointer, Size size)
{
	return repalloc(pointer, size);
}

/* ---------- fmgr ---------- */

Datum
DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
	LOCAL_FCINFO(fcinfo, 1);
	Datum		result;

	InitFunctionCallInfoData(*fcinfo, NULL, 1, collation, NULL, NULL);
	fcinfo->args[0].value = arg1;
	fcinfo->args[0].isnull = false;
	result = func(fcinfo);
	if (fcinfo->isnull)
		elog(ERROR, "function %p returned NULL", (void *) func);
	return result;
}

/* ---------- interrupts and encodings ---------- */

volatile sig_atomic_t InterruptPending = false;

void
ProcessInterrupts(void)
{
}

/* The harness's client and server encodings are the same */
char *
pg_client_to_server(const char *s, int len)
{
	return (char *) s;
}

char *
pg_server_to_client(const char *s, int len)
{
	return (char *) s;
}
