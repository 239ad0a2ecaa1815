/*
 * src/present/flow_svg.c
 *		flow_svg: the chronogram of a flow as an SVG image -- stacked areas of
 *		the state shares (flow_table's share) week by week, a legend, and the
 *		number of persons observed under the time axis, in the manner of the
 *		"where are they a year later" figures of jobcentre analyses.
 *
 * Week w of the flow is a column from w - 1/2 to w + 1/2 on the time axis;
 * its states are stacked from the bottom in the order the caller lists
 * them, each as tall as its share.  With jobreg.min_cell = n > 0 a state
 * whose cell (week, code) rests on fewer than n persons -- the cells
 * flow_table withholds -- is not drawn in its colour: the withheld shares
 * of the week are added up and drawn as one grey hatched band on top of the
 * states shown, so the column still reaches 100 % and no withheld state
 * looks like 0.  The grey band shows only what flow_table's rows imply
 * anyway (1 minus the shares shown).  Weeks with nobody observed are empty.
 *
 * The axes, title, ticks, escaping and legend layout are surv_svg's
 * (svg.c, declared in present.h).
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "present/present.h"
#include "survival/flow.h"

PG_FUNCTION_INFO_V1(flow_svg);

/*
 * At most this many states: each its own fill (the seven colours, then the
 * same colours hatched white), and a legend that still fits.
 */
#define FLOW_SVG_MAX_STATES (2 * SVG_NCOLOURS)

#define HIDDEN_FILL "#bdbdbd"

/*
 * Pixels from the plot's bottom to the baselines under it: the tick labels
 * (19, svg_time_ticks), the axis title, the caption of the persons, the
 * persons, the first legend row
 */
#define X_TITLE_DROP 40
#define PERSONS_CAPTION_DROP 60
#define PERSONS_DROP 74
#define LEGEND_DROP 96

static inline bool
Withheld(int64 persons)
{
	return jobreg_withheld(persons);
}

/* The fill of state k: a colour, or from the eighth state on a pattern */
static void
AppendFill(StringInfo buf, int k)
{
	if (k < SVG_NCOLOURS)
		appendStringInfoString(buf, svg_colours[k]);
	else
		appendStringInfo(buf, "url(#jobreg-flow-%d)", k);
}

/*
 * One band: for each maximal run of weeks in which it is drawn (drawn[w]),
 * a closed path along its top edge to the right and its bottom edge back.
 */
static void
AppendBand(StringInfo buf, const SvgFrame *f, int nweeks, const bool *drawn,
		   const float8 *lo, const float8 *hi, int k, bool hidden)
{
	bool		any = false;

	for (int w = 0; w < nweeks; w++)
		any |= drawn[w];
	if (!any)
		return;
	appendStringInfoString(buf, "<path fill=\"");
	if (hidden)
		appendStringInfoString(buf, "url(#jobreg-flow-hidden)");
	else
		AppendFill(buf, k);
	appendStringInfoString(buf, "\" d=\"");
	for (int w0 = 0; w0 < nweeks;)
	{
		int			w1;

		CHECK_FOR_INTERRUPTS();
		if (!drawn[w0])
		{
			w0++;
			continue;
		}
		for (w1 = w0; w1 + 1 < nweeks && drawn[w1 + 1]; w1++)
			;
		/* a vertical step only where the edge changes, a horizontal one after */
		appendStringInfo(buf, "M%.2f %.2f", svg_x(f, w0 - 0.5), svg_y(f, lo[w0]));
		for (int w = w0; w <= w1; w++)
			if (w == w1 || hi[w + 1] != hi[w])
				appendStringInfo(buf, "V%.2fH%.2f", svg_y(f, hi[w]), svg_x(f, w + 0.5));
		for (int w = w1; w >= w0; w--)
			if (w == w0 || lo[w - 1] != lo[w])
				appendStringInfo(buf, "V%.2fH%.2f", svg_y(f, lo[w]), svg_x(f, w - 0.5));
		appendStringInfoChar(buf, 'Z');
		w0 = w1 + 1;
	}
	appendStringInfoString(buf, "\"/>\n");
}

/*
 * The default tick step in weeks: the first of 1, 2, 4, 13, 26, 52 weeks
 * that gives at most 14 steps (4 weeks for a year, 13 for two).
 */
static int
DefaultWeekStep(int horizon)
{
	static const int steps[] = {1, 2, 4, 13, 26, 52};

	for (int i = 0; i < lengthof(steps); i++)
		if (horizon <= 14 * steps[i])
			return steps[i];
	return 52;
}

/*
 * flow_svg(f, codes, labels, title, week_step, x_label, y_label, width,
 * height)
 */
Datum
flow_svg(PG_FUNCTION_ARGS)
{
	ArrayType  *codes_arr;
	ArrayType  *labels_arr;
	Datum	   *code_datums;
	bool	   *code_nulls;
	Datum	   *labels;
	bool	   *label_nulls;
	int			n;
	int			nlabels;
	const char *title;
	const char *x_label;
	const char *y_label;
	int			width;
	int			height;
	Flow	   *flow;
	FlowCurve	c;
	int32	   *codes;
	int		   *index;			/* state k's index in c.codes, or -1 */
	int			W;
	int			step;
	int			nticks;
	int			stride;
	const char **legend_text;
	int			nlegend;
	float8	   *legend_x;
	int		   *legend_row;
	char	   *title_lines[SVG_MAX_TITLE_LINES];
	int			ntitle = 0;
	SvgFrame	f;
	float8	   *lo;
	float8	   *hi;
	float8	   *base;
	bool	   *withheld;
	bool	   *drawn;
	bool		any_hidden = false;
	char	  **persons_text;
	int			widest = 0;
	StringInfoData buf;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	title = PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3));
	x_label = PG_ARGISNULL(5) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(5));
	y_label = PG_ARGISNULL(6) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(6));
	width = PG_ARGISNULL(7) ? 720 : PG_GETARG_INT32(7);
	height = PG_ARGISNULL(8) ? 450 : PG_GETARG_INT32(8);

	codes_arr = PG_GETARG_ARRAYTYPE_P(1);
	labels_arr = PG_GETARG_ARRAYTYPE_P(2);
	jobreg_list_elements(codes_arr, "codes", &code_datums, &code_nulls, &n);
	jobreg_list_elements(labels_arr, "labels", &labels, &label_nulls, &nlabels);
	if (n != nlabels)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%d codes but %d labels", n, nlabels),
				 errdetail("Each code needs one label.")));
	if (n < 1 || n > FLOW_SVG_MAX_STATES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("flow_svg draws 1 to %d states, not %d", FLOW_SVG_MAX_STATES, n),
				 errhint("Recode the weekly codes into fewer states with weekline_recode.")));
	svg_check_size(width, height);
	codes = palloc(n * sizeof(int32));
	for (int k = 0; k < n; k++)
	{
		if (code_nulls[k])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("codes must not contain NULL")));
		codes[k] = DatumGetInt32(code_datums[k]);
		for (int j = 0; j < k; j++)
			if (codes[j] == codes[k])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("code %d is listed twice", codes[k]),
						 errdetail("Each state is drawn once: list each code once.")));
	}

	flow = flow_from_datum(PG_GETARG_DATUM(0));
	flow_curve(flow, &c);
	W = c.nweeks;
	index = palloc(n * sizeof(int));
	for (int k = 0; k < n; k++)
		index[k] = flow_code_index(&c, codes[k]);
	for (int i = 0; i < c.ncodes; i++)
	{
		bool		listed = false;

		for (int k = 0; k < n; k++)
			listed |= codes[k] == c.codes[i];
		if (!listed)
		{
			StringInfoData all;

			initStringInfo(&all);
			for (int j = 0; j < c.ncodes; j++)
				appendStringInfo(&all, "%s%d", j > 0 ? ", " : "", c.codes[j]);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the flow has code %d, which codes does not list", c.codes[i]),
					 errdetail("Every state of the flow is drawn, so that each week's stack reaches 100 %%; the flow's codes are %s.",
							   all.data),
					 errhint("List every code, or recode the weekly codes into the states to draw with weekline_recode.")));
		}
	}

	/* the time axis: week w is the column from w - 1/2 to w + 1/2 */
	if (PG_ARGISNULL(4))
		step = DefaultWeekStep(flow->horizon);
	else
	{
		step = PG_GETARG_INT32(4);
		if (step <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("week_step must be > 0, not %d", step)));
	}
	if (flow->horizon / step > SVG_MAX_TICKS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("week_step %d gives more than %d ticks up to week %d", step, SVG_MAX_TICKS, flow->horizon)));
	nticks = flow->horizon / step + 1;
	f.min_time = -0.5;
	f.max_time = flow->horizon + 0.5;

	/* the stacks: per week, the shares shown and the withheld ones on top */
	lo = palloc((Size) (n + 1) * W * sizeof(float8));
	hi = palloc((Size) (n + 1) * W * sizeof(float8));
	drawn = palloc0((Size) (n + 1) * W * sizeof(bool));
	base = palloc0(W * sizeof(float8));
	withheld = palloc(Max(c.ncodes, 1) * sizeof(bool));
	for (int w = 0; w < W; w++)
	{
		float8		hidden = 0;
		bool		some_hidden = false;

		CHECK_FOR_INTERRUPTS();
		/* a week with nobody observed (after every history ended) stays empty */
		if (c.observed[w] == 0 || isnan(c.share[(Size) w * c.ncodes]))
			continue;
		/* the cells flow_table withholds, the secondary ones too */
		flow_withheld_week(&c, w, withheld);
		for (int k = 0; k < n; k++)
		{
			Size		cell;
			float8		share;

			if (index[k] < 0)
				continue;		/* never in the flow: its share is 0 */
			cell = (Size) w * c.ncodes + index[k];
			share = c.share[cell];
			if (withheld[index[k]])
			{
				hidden += share;
				some_hidden = true;
				continue;
			}
			lo[(Size) k * W + w] = base[w];
			hi[(Size) k * W + w] = base[w] + share;
			drawn[(Size) k * W + w] = share > 0;
			base[w] += share;
		}
		if (some_hidden)
		{
			lo[(Size) n * W + w] = base[w];
			hi[(Size) n * W + w] = base[w] + hidden;
			drawn[(Size) n * W + w] = true;
			any_hidden = true;
		}
	}

	/* the persons observed at the ticks, and how many ticks apart they fit */
	persons_text = palloc(nticks * sizeof(char *));
	for (int i = 0; i < nticks; i++)
	{
		int64		obs = c.observed[i * step];

		persons_text[i] = Withheld(obs) ? "&#8211;" : dk_format_number((float8) obs, 0);
		widest = Max(widest, Withheld(obs) ? 1 : (int) strlen(persons_text[i]));
	}

	/* legend: the states, then the withheld band if any */
	nlegend = n + (any_hidden ? 1 : 0);
	legend_text = palloc(nlegend * sizeof(char *));
	for (int k = 0; k < n; k++)
		legend_text[k] = label_nulls[k] ? NULL : TextDatumGetCString(labels[k]);
	if (any_hidden)
		legend_text[n] = psprintf("skjult: under %d personer", jobreg_min_cell_in_force());
	legend_x = palloc(nlegend * sizeof(float8));
	legend_row = palloc(nlegend * sizeof(int));
	svg_legend_layout(legend_text, nlegend, width, legend_x, legend_row);

	f.left = 72;
	f.right = width - 28;
	if (title)
		ntitle = svg_wrap_words(title, (width - 32) / 9.5, title_lines);
	f.top = svg_plot_top(ntitle);
	f.bottom = height - LEGEND_DROP - 18 - 22 * legend_row[nlegend - 1];
	if (f.bottom - f.top < 60)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("image height %d is too small for %d legend rows", height, legend_row[nlegend - 1] + 1)));
	/* numbers of about 7 px a digit, at least 8 px apart */
	stride = 1;
	if (nticks > 1)
	{
		float8		gap = svg_x(&f, step) - svg_x(&f, 0);

		while (stride < nticks && gap * stride < 7 * widest + 8)
			stride++;
	}

	initStringInfo(&buf);
	svg_begin(&buf, width, height, title, title_lines, ntitle);
	if (any_hidden || n > SVG_NCOLOURS)
		appendStringInfoString(&buf, "<defs>");
	if (any_hidden)
		appendStringInfoString(&buf, "<pattern id=\"jobreg-flow-hidden\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"" HIDDEN_FILL "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern>");
	for (int k = SVG_NCOLOURS; k < n; k++)
		appendStringInfo(&buf, "<pattern id=\"jobreg-flow-%d\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"8\" height=\"8\" fill=\"%s\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#ffffff\" stroke-width=\"3\"/></pattern>",
						 k, svg_colours[k - SVG_NCOLOURS]);
	if (any_hidden || n > SVG_NCOLOURS)
		appendStringInfoString(&buf, "</defs>\n");

	/* the bands first, the grid and axes over them */
	for (int k = 0; k <= n; k++)
		AppendBand(&buf, &f, W, drawn + (Size) k * W, lo + (Size) k * W, hi + (Size) k * W, k, k == n);
	svg_share_axis(&buf, &f);
	svg_time_ticks(&buf, &f, step, nticks);

	svg_axis_titles(&buf, &f, X_TITLE_DROP, x_label, y_label);

	/* under a caption, the persons observed in the week of every stride-th tick */
	appendStringInfo(&buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"11\" fill=\"#444444\">personer observeret i ugen</text>\n",
					 f.left, f.bottom + PERSONS_CAPTION_DROP);
	for (int i = 0; i < nticks; i += stride)
		appendStringInfo(&buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"11\" fill=\"#444444\" text-anchor=\"middle\">%s</text>\n",
						 svg_x(&f, i * step), f.bottom + PERSONS_DROP, persons_text[i]);

	/* legend: a swatch of each fill and its label */
	for (int k = 0; k < nlegend; k++)
	{
		float8		x = f.left + legend_x[k];
		float8		y = f.bottom + LEGEND_DROP + 22 * legend_row[k];

		appendStringInfo(&buf, "<rect x=\"%.2f\" y=\"%.2f\" width=\"24\" height=\"14\" fill=\"", x, y - 7);
		if (k == n)
			appendStringInfoString(&buf, "url(#jobreg-flow-hidden)");
		else
			AppendFill(&buf, k);
		appendStringInfoString(&buf, "\"/>\n");
		svg_legend_label(&buf, x, y, legend_text[k]);
	}
	appendStringInfoString(&buf, "</svg>\n");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}
