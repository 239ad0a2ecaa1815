/*
 * src/present/funnel_svg.c
 *		funnel_svg: a funnel plot of observed ÷ expected ("faktisk" against
 *		"forventet") per kommune as an SVG image -- each kommune a point at
 *		its expected count (x) and its ratio (y), the target ratio 1 as a
 *		line, and the 95 % and 99.8 % limits around it, which narrow as the
 *		expected count grows.
 *
 * The limits are smr's (stats/smr.c, jobreg_smr_limits): at an expected
 * count e, the observed counts at which smr's exact Poisson interval at
 * that level just reaches a ratio of 1, divided by e.  A point above the
 * upper limit has smr's interval wholly above 1, one below the lower limit
 * wholly below 1: the picture and smr(observed, expected, level) agree.
 * Each point says which limits it is outside of (data-outside), its
 * kommune, observed and expected counts (data-*), and carries a <title>
 * for a tooltip; the focus kommune and the kommuner outside the 99.8 %
 * limits are named beside their points.
 *
 * Under a threshold n in force (jobreg.min_cell) a kommune resting on fewer
 * than n persons is not drawn, nor named, nor used to scale the axes; the
 * legend says how many were left out.  The persons are the argument persons
 * when given, else the observed count stands for them (each observed event
 * a person: at least that many persons behind the point).
 *
 * The title, escaping, ticks and legend layout are surv_svg's (svg.c).
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "present/present.h"

PG_FUNCTION_INFO_V1(funnel_svg);

/* at most this many kommuner (points) in one plot (doc/bounds.md) */
#define FUNNEL_MAX_POINTS 2000
/* points along each limit curve */
#define FUNNEL_CURVE_POINTS 160

/* pixels under the plot: tick labels, the axis title, the legend */
#define X_TITLE_DROP 40
#define LEGEND_DROP 66

#define POINT_FILL "#555555"
#define FOCUS_FILL "#009E73"
#define LIMIT95 "#0072B2"
#define LIMIT998 "#D55E00"

typedef struct FunnelPoint
{
	int32		kode;
	float8		observed;
	float8		expected;
	const char *name;
	int			outside;		/* 0, 95 or 998 */
} FunnelPoint;

/* a list argument's elements; 22023 unless it has n of them (n < 0: any) */
static void
ReadArray(FunctionCallInfo fcinfo, int argno, int n, const char *what,
		  Datum **values, bool **nulls, int *count)
{
	jobreg_list_elements(PG_GETARG_ARRAYTYPE_P(argno), what, values, nulls, count);
	if (n >= 0 && *count != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_svg has %d %s for %d kommuner", *count, what, n),
				 errdetail("kommunekoder, observed, expected and names (when given) have one element per kommune.")));
}

/* a number for the y axis in Danish: a decimal comma */
static char *
DkTick(float8 v, float8 step)
{
	int			decimals = step >= 1 ? 0 : (int) ceil(-log10(step) - 1e-9);

	return dk_format_number(v, decimals);
}

/*
 * The two limit curves of a level, clipped to the plot: e from e0 to the
 * right edge, denser where the funnel bends (e on a square-root scale).
 * Drawn to 1e-7 of the count, far below a pixel.
 */
static void
AppendLimits(StringInfo buf, const SvgFrame *f, float8 ymax, float8 conf,
			 const char *colour, const char *dashes)
{
	float8		e0 = f->max_time / 400;
	float8		e[FUNNEL_CURVE_POINTS + 1],
				low[FUNNEL_CURVE_POINTS + 1],
				high[FUNNEL_CURVE_POINTS + 1];

	for (int i = 0; i <= FUNNEL_CURVE_POINTS; i++)
	{
		float8		u = (float8) i / FUNNEL_CURVE_POINTS;

		e[i] = e0 + (f->max_time - e0) * u * u;
		jobreg_smr_limits(e[i], conf, 1e-7, &low[i], &high[i]);
	}
	for (int side = 0; side < 2; side++)
	{
		appendStringInfo(buf, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" stroke-dasharray=\"%s\" clip-path=\"url(#jobreg-funnel-plot)\" data-level=\"%s\" data-side=\"%s\" d=\"",
						 colour, dashes, conf == 0.95 ? "95" : "99.8", side == 0 ? "upper" : "lower");
		for (int i = 0; i <= FUNNEL_CURVE_POINTS; i++)
		{
			/* far above the plot: drawn at 3 plot heights, the clip cuts it */
			float8		ratio = Min((side == 0 ? high[i] : low[i]) / e[i], 3 * ymax);

			appendStringInfo(buf, "%s%.2f %.2f", i == 0 ? "M" : " L", svg_x(f, e[i]), svg_y(f, ratio / ymax));
		}
		appendStringInfoString(buf, "\"/>\n");
	}
}

/*
 * funnel_svg(kommunekoder int4[], observed float8[], expected float8[],
 * names text[], focus int4, title text, x_label text, y_label text, width
 * int4, height int4) → text
 */
Datum
funnel_svg(PG_FUNCTION_ARGS)
{
	Datum	   *kodes,
			   *obs,
			   *exps,
			   *names = NULL;
	bool	   *kodenulls,
			   *obsnulls,
			   *expnulls,
			   *namenulls = NULL;
	int			n,
				count;
	bool		has_focus = !PG_ARGISNULL(4);
	int32		focus = has_focus ? PG_GETARG_INT32(4) : 0;
	const char *title = PG_ARGISNULL(5) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(5));
	const char *x_label,
			   *y_label;
	int			width,
				height;
	FunnelPoint *pts;
	int			npts = 0;
	float8		emax = 0,
				rmax = 1.5,
				xstep,
				ystep,
				ymax;
	int			nxticks;
	char	   *title_lines[SVG_MAX_TITLE_LINES];
	int			ntitle = 0;
	SvgFrame	f;
	StringInfoData buf;
	const char *legend[5];
	int			legend_kind[5];
	float8		legend_x[5];
	int			legend_row[5];
	int			nlegend;
	Datum	   *persons = NULL;
	bool	   *personnulls = NULL;
	int			min_cell = jobreg_min_cell_in_force();
	int			nwithheld = 0;

	for (int i = 0; i < 3; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	if (PG_ARGISNULL(6) || PG_ARGISNULL(7) || PG_ARGISNULL(8) || PG_ARGISNULL(9))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("funnel_svg x_label, y_label, width and height must not be NULL")));
	x_label = text_to_cstring(PG_GETARG_TEXT_PP(6));
	y_label = text_to_cstring(PG_GETARG_TEXT_PP(7));
	width = PG_GETARG_INT32(8);
	height = PG_GETARG_INT32(9);
	svg_check_size(width, height);

	ReadArray(fcinfo, 0, -1, "kommunekoder", &kodes, &kodenulls, &n);
	if (n > FUNNEL_MAX_POINTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("funnel_svg draws at most %d kommuner, not %d", FUNNEL_MAX_POINTS, n)));
	ReadArray(fcinfo, 1, n, "observed counts", &obs, &obsnulls, &count);
	ReadArray(fcinfo, 2, n, "expected counts", &exps, &expnulls, &count);
	if (!PG_ARGISNULL(3))
		ReadArray(fcinfo, 3, n, "names", &names, &namenulls, &count);
	if (!PG_ARGISNULL(10))
		ReadArray(fcinfo, 10, n, "persons", &persons, &personnulls, &count);

	/* the points: a kommune with a NULL kode or count is left out */
	pts = palloc(sizeof(FunnelPoint) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		FunnelPoint *p = &pts[npts];
		float8		ratio,
					low,
					high;

		if (kodenulls[i] || obsnulls[i] || expnulls[i])
			continue;
		p->kode = DatumGetInt32(kodes[i]);
		p->observed = DatumGetFloat8(obs[i]);
		p->expected = DatumGetFloat8(exps[i]);
		if (!(isfinite(p->observed) && p->observed >= 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("funnel_svg observed count of kommune %d must be finite and at least 0: %g",
							p->kode, p->observed)));
		if (!(isfinite(p->expected) && p->expected > 0 && p->expected <= 1e12))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("funnel_svg expected count of kommune %d must be above 0 and at most 1e12: %g",
							p->kode, p->expected)));
		if (persons != NULL && !personnulls[i] && DatumGetInt64(persons[i]) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("funnel_svg persons of kommune %d must be at least 0: " INT64_FORMAT,
							p->kode, DatumGetInt64(persons[i]))));
		/* a kommune resting on too few persons is left out (NULL persons: unknown, too few) */
		if (min_cell > 0 &&
			(persons != NULL ? personnulls[i] || DatumGetInt64(persons[i]) < min_cell
			 : p->observed < min_cell))
		{
			nwithheld++;
			continue;
		}
		p->name = names != NULL && !namenulls[i] ? TextDatumGetCString(names[i])
			: psprintf("%d", p->kode);
		ratio = p->observed / p->expected;
		p->outside = 0;
		/* to 1e-12 of the count: whole counts are classified as smr does */
		jobreg_smr_limits(p->expected, 0.998, 1e-12, &low, &high);
		if (p->observed > high || p->observed < low)
			p->outside = 998;
		else
		{
			jobreg_smr_limits(p->expected, 0.95, 1e-12, &low, &high);
			if (p->observed > high || p->observed < low)
				p->outside = 95;
		}
		emax = Max(emax, p->expected);
		rmax = Max(rmax, ratio);
		npts++;
	}
	if (npts == 0)
		PG_RETURN_NULL();

	/* axes: expected from 0, ratio from 0 to above the largest */
	xstep = svg_nice_step(emax * 1.05);
	nxticks = (int) floor(emax * 1.05 / xstep) + 1;
	ystep = svg_nice_step(rmax * 1.1);
	ymax = ystep * ceil(rmax * 1.1 / ystep);

	if (title)
		ntitle = svg_wrap_words(title, (width - 32) / 9.5, title_lines);
	f.left = 72;
	f.right = width - 24;
	f.top = svg_plot_top(ntitle);
	f.bottom = height - LEGEND_DROP - 30;
	f.min_time = 0;
	f.max_time = xstep * (nxticks - 1) >= emax * 1.05 ? xstep * (nxticks - 1) : emax * 1.05;
	if (f.bottom - f.top < 60)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("image height %d leaves no room for the plot under the title", height)));

	initStringInfo(&buf);
	svg_begin(&buf, width, height, title, title_lines, ntitle);
	appendStringInfo(&buf, "<clipPath id=\"jobreg-funnel-plot\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath>\n",
					 f.left, f.top, f.right - f.left, f.bottom - f.top);

	/* the ratio axis: grid lines and Danish labels every step */
	for (int i = 0; i * ystep <= ymax * (1 + 1e-9); i++)
	{
		float8		y = svg_y(&f, i * ystep / ymax);

		appendStringInfo(&buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"1\"/>\n",
						 f.left, f.right, y, y, i == 0 ? "#444444" : "#e3e3e3");
		appendStringInfo(&buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\" fill=\"#444444\" text-anchor=\"end\" dominant-baseline=\"middle\" data-ratio=\"%g\">%s</text>\n",
						 f.left - 8, y, i * ystep, DkTick(i * ystep, ystep));
	}
	appendStringInfo(&buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#444444\" stroke-width=\"1\"/>\n",
					 f.left, f.left, f.top, f.bottom);
	svg_time_ticks(&buf, &f, xstep, nxticks);
	svg_axis_titles(&buf, &f, X_TITLE_DROP, x_label, y_label);

	/* the target: observed = expected */
	appendStringInfo(&buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#222222\" stroke-width=\"1.4\" data-ratio=\"1\"/>\n",
					 f.left, f.right, svg_y(&f, 1 / ymax), svg_y(&f, 1 / ymax));
	/* the limits */
	AppendLimits(&buf, &f, ymax, 0.95, LIMIT95, "6 4");
	AppendLimits(&buf, &f, ymax, 0.998, LIMIT998, "2 3");

	/* the points, the focus kommune last (on top) */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < npts; i++)
		{
			FunnelPoint *p = &pts[i];
			bool		is_focus = has_focus && p->kode == focus;
			float8		cx = svg_x(&f, p->expected),
						cy = svg_y(&f, p->observed / p->expected / ymax);

			if (is_focus != (pass == 1))
				continue;
			appendStringInfo(&buf, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%d\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1\" data-kommune=\"%d\" data-observed=\"%.17g\" data-expected=\"%.17g\" data-outside=\"%s\"><title>",
							 cx, cy, is_focus ? 6 : 4, is_focus ? FOCUS_FILL : POINT_FILL, p->kode,
							 p->observed, p->expected,
							 p->outside == 998 ? "99.8" : p->outside == 95 ? "95" : "");
			svg_append_escaped(&buf, psprintf("%s: faktisk %s, forventet %s, forhold %s", p->name,
											  dk_format_number(p->observed, p->observed == rint(p->observed) ? 0 : 1),
											  dk_format_number(p->expected, 1),
											  dk_format_number(p->observed / p->expected, 2)));
			appendStringInfoString(&buf, "</title></circle>\n");
			if (is_focus || p->outside == 998)
			{
				appendStringInfo(&buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\" fill=\"%s\"%s>",
								 cx + 8, cy - 6, is_focus ? "#222222" : "#444444",
								 is_focus ? " font-weight=\"bold\"" : "");
				svg_append_escaped(&buf, p->name);
				appendStringInfoString(&buf, "</text>\n");
			}
		}

	/* the legend */
	legend[0] = "kommuner";
	legend[1] = "95 %-grænser";
	legend[2] = "99,8 %-grænser";
	for (int k = 0; k < 3; k++)
		legend_kind[k] = k;
	nlegend = 3;
	for (int i = 0; has_focus && i < npts; i++)
		if (pts[i].kode == focus)
		{
			legend_kind[nlegend] = 3;
			legend[nlegend++] = pts[i].name;
			break;
		}
	if (nwithheld > 0)
	{
		legend_kind[nlegend] = 4;
		legend[nlegend++] = psprintf("skjult: %d %s under %d personer", nwithheld,
									 nwithheld == 1 ? "kommune" : "kommuner", min_cell);
	}
	svg_legend_layout(legend, nlegend, width, legend_x, legend_row);
	for (int k = 0; k < nlegend; k++)
	{
		float8		x = f.left + legend_x[k];
		float8		y = f.bottom + LEGEND_DROP + 18 * legend_row[k];
		int			kind = legend_kind[k];

		if (kind == 0 || kind == 3)
			appendStringInfo(&buf, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%d\" fill=\"%s\"/>\n",
							 x + 11, y, kind == 3 ? 6 : 4, kind == 3 ? FOCUS_FILL : POINT_FILL);
		else if (kind == 4)
			appendStringInfo(&buf, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"none\" stroke=\"%s\" stroke-width=\"1\" data-withheld=\"%d\"/>\n",
							 x + 11, y, POINT_FILL, nwithheld);
		else
			appendStringInfo(&buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"1.6\" stroke-dasharray=\"%s\"/>\n",
							 x, x + 22, y, y, kind == 1 ? LIMIT95 : LIMIT998, kind == 1 ? "6 4" : "2 3");
		svg_legend_label(&buf, x, y, legend[k]);
	}
	appendStringInfoString(&buf, "</svg>\n");
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}
