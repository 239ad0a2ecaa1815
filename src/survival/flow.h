/*
 * src/survival/flow.h
 *		The flow type (flow.c): a mergeable state of a cohort's weekly states
 *		from an origin week.
 */
#ifndef JOBREG_FLOW_H
#define JOBREG_FLOW_H

#include "survival/survival.h"

/*
 * Format 1: the header and 24-byte entries; the binary send/recv form and
 * what readers get from flow_from_datum.  Format 2: the header and the
 * entries as varints (flow.c), the stored form since 2026-12; format 1
 * values still read.
 */
#define FLOW_VERSION 1
#define FLOW_DISK_VERSION 2

/* the longest horizon, in weeks after the origin week (ten years) */
#ifndef FLOW_MAX_HORIZON
#define FLOW_MAX_HORIZON 520
#endif
/* the most distinct codes (states) a flow can be read with */
#define FLOW_MAX_CODES 256
/* the most entries of a flow value (24 bytes each: 192 MB) */
#ifndef FLOW_MAX_ENTRIES
#define FLOW_MAX_ENTRIES (1 << 23)
#endif
/* the largest sum of the entries' absolute values, so that no sum overflows */
#define FLOW_MAX_ABS_TOTAL (INT64CONST(1) << 62)

/*
 * One entry of the sparse difference array: F[from,to](a, b) is the sum of
 * delta over the entries with x <= a and y <= b.
 */
typedef struct FlowEntry
{
	int32		x;				/* 0 .. horizon */
	int32		y;				/* 0 .. horizon */
	int32		from;			/* code in week x, not negative */
	int32		to;				/* code in week y, not negative */
	int64		delta;			/* not 0 */
} FlowEntry;

/* The flat form: entries sorted by x, y, from, to, each once */
typedef struct Flow
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* FLOW_VERSION */
	uint8		pad[3];
	IsoWeek		origin;
	int32		horizon;		/* 0 .. FLOW_MAX_HORIZON */
	int32		nentries;
	FlowEntry	entries[FLEXIBLE_ARRAY_MEMBER];
} Flow;

/* one run of a person's history, in weeks from the origin */
typedef struct FlowRun
{
	int32		start;
	int32		end;			/* last week, inclusive */
	int32		code;
} FlowRun;

/*
 * Everything the readers derive from a flow, checked on the way: the codes,
 * and per week the persons observed in each code, the Aalen-Johansen state
 * occupation probabilities and their standard errors.
 */
typedef struct FlowCurve
{
	int			ncodes;
	int32	   *codes;			/* sorted */
	int32		ndirect;		/* codes below this are looked up in direct[] */
	int16	   *direct;			/* direct[code]: index in codes, or -1 */
	int			nweeks;			/* horizon + 1 */
	int64	   *persons;		/* [week * ncodes + code index] */
	int64	   *observed;		/* [week]: persons observed in the week */
	float8	   *share;			/* [week * ncodes + k]; NaN when nobody is observed */
	float8	   *std_err;
} FlowCurve;

/*
 * The curve of a flat flow, as flow_table reads it (XX001 when the entries
 * do not describe persons)
 */
extern void flow_curve(const Flow *f, FlowCurve *c);

/*
 * The cells of week w that flow_table withholds under the threshold in
 * force, primary and secondary: withheld[k] for each of c->ncodes codes
 */
extern void flow_withheld_week(const FlowCurve *c, int w, bool *withheld);

/* The index of a code in c->codes, or -1 */
extern int	flow_code_index(const FlowCurve *c, int32 code);

/*
 * A flat flow in format 1's layout from a datum (flat, toasted or expanded;
 * a format 2 value is decoded into a new copy), format checked
 */
extern Flow *flow_from_datum(Datum d);

/* horizon < 0: 22023; above FLOW_MAX_HORIZON: 54000 */
extern void flow_check_horizon(int64 horizon);

#endif							/* JOBREG_FLOW_H */
