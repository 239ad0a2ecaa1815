/*
 * src/present/svg.c
 *		surv_svg: one or more labelled Kaplan-Meier curves as an SVG image,
 *		with axes, ticks, axis titles and a legend, in the manner of the
 *		survival figures of jobcentre analyses (share still on the benefit
 *		after t weeks, for a kommune, its klynge and the whole country).
 *
 * The survival axis runs from 0 to 100 %.  Curves are step functions that
 * start at 100 % at time 0 and end at their last time; with a disclosure
 * threshold in force (jobreg.min_cell) a curve steps only where surv_table
 * shows a row and ends at the last of them.
 *
 * The pieces every jobreg figure shares (XML escaping, the title, the share
 * axis, time ticks, axis titles, the legend's layout) are declared in
 * present.h; flow_svg (flow_svg.c) draws with them.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "present/present.h"

PG_FUNCTION_INFO_V1(surv_svg);

const char *const svg_colours[SVG_NCOLOURS] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"
};
static const char *const Dashes[] = {"none", "6 3", "2 3"};

#define MAX_CURVES 42

/*
 * The time axis runs to at most SVG_MAX_TIME and at least SVG_MIN_TIME
 * (weeks, days, even seconds fit), with at most SVG_MAX_TICKS ticks: beyond,
 * tick steps stop being representable and the tick loop would not end
 * (doc/bounds.md).
 */
#define SVG_MIN_TIME 1e-6
#define SVG_MAX_TIME 1e12

/*
 * True for a code point that must not reach the XML text: one XML 1.0 does
 * not allow (C0 controls, surrogates, U+FFFE, U+FFFF) or that Unicode keeps
 * out of interchange (the other controls, the noncharacters U+FDD0..U+FDEF
 * and U+nFFFE, U+nFFFF of every plane).  Tab, LF and CR are not asked about.
 */
static bool
NotForXml(pg_wchar c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
		(c >= 0xD800 && c <= 0xDFFF) ||
		(c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/*
 * Text for XML: markup characters escaped; code points NotForXml become
 * U+FFFD, so that the document always parses; tab, LF and CR become spaces,
 * since an SVG renderer would drop a newline and join the words around it.
 * Outside UTF-8 only the ASCII controls are known for what they are.
 */
void
svg_append_escaped(StringInfo buf, const char *s)
{
	bool		utf8 = GetDatabaseEncoding() == PG_UTF8;

	while (*s)
	{
		int			len = pg_mblen(s);
		pg_wchar	c = utf8 ? utf8_to_unicode((const unsigned char *) s) : (unsigned char) *s;

		switch (c)
		{
			case '&':
				appendStringInfoString(buf, "&amp;");
				break;
			case '<':
				appendStringInfoString(buf, "&lt;");
				break;
			case '>':
				appendStringInfoString(buf, "&gt;");
				break;
			case '"':
				appendStringInfoString(buf, "&quot;");
				break;
			case '\'':
				appendStringInfoString(buf, "&#39;");
				break;
			case '\t':
			case '\n':
			case '\r':
				appendStringInfoChar(buf, ' ');
				break;
			default:
				if (NotForXml(c) && (utf8 || c < 0x80))
					appendStringInfoString(buf, "&#xFFFD;");
				else
					appendBinaryStringInfo(buf, s, len);
		}
		s += len;
	}
}

/*
 * Break text at spaces into at most SVG_MAX_TITLE_LINES lines of about
 * width characters; the last line takes what is left.
 */
int
svg_wrap_words(const char *text, float8 width, char **lines)
{
	int			n = 0;

	while (*text)
	{
		const char *end;
		const char *brk = NULL;

		while (*text == ' ')
			text++;
		if (!*text)
			break;
		for (end = text; *end; end += pg_mblen(end))
		{
			if (*end == ' ')
			{
				if (brk && pg_mbstrlen_with_len(text, end - text) > width)
					break;
				brk = end;
			}
		}
		if (!*end && pg_mbstrlen(text) <= width)
			brk = end;
		if (n == SVG_MAX_TITLE_LINES - 1 || !brk)
			brk = text + strlen(text);
		lines[n++] = pnstrdup(text, brk - text);
		text = brk;
	}
	return n;
}

float8
svg_nice_step(float8 range)
{
	float8		raw = range / 6;
	float8		mag = pow(10, floor(log10(raw)));
	float8		norm = raw / mag;

	return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

void
svg_check_size(int width, int height)
{
	if (width < 200 || width > 4000 || height < 150 || height > 4000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("image size %d x %d is out of range", width, height),
				 errdetail("Width and height are pixels from 200 x 150 to 4000 x 4000.")));
}

/* legend entries flow in rows under the plot: about 7 px a character */
void
svg_legend_layout(const char *const *labels, int n, int width,
				  float8 *legend_x, int *legend_row)
{
	float8		legend_w = 0;

	for (int k = 0; k < n; k++)
	{
		float8		w = 48 + 7.5 * pg_mbstrlen(labels[k] ? labels[k] : "");

		legend_x[k] = k == 0 ? 0 : legend_x[k - 1] + legend_w;
		legend_row[k] = k == 0 ? 0 : legend_row[k - 1];
		if (legend_x[k] > 0 && legend_x[k] + w > width - 100)
		{
			legend_row[k]++;
			legend_x[k] = 0;
		}
		legend_w = w;
	}
}

float8
svg_plot_top(int ntitle)
{
	return 24 + (SVG_TITLE_LINE + 4) * ntitle;
}

void
svg_begin(StringInfo buf, int width, int height, const char *title,
		  char **title_lines, int ntitle)
{
	appendStringInfo(buf,
					 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">\n",
					 width, height, width, height);
	if (title)
	{
		appendStringInfoString(buf, "<title>");
		svg_append_escaped(buf, title);
		appendStringInfoString(buf, "</title>\n");
	}
	appendStringInfo(buf, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height);
	if (title)
	{
		appendStringInfoString(buf, "<text font-size=\"17\" font-weight=\"bold\" fill=\"#222222\">");
		for (int i = 0; i < ntitle; i++)
		{
			appendStringInfo(buf, "<tspan x=\"16\" y=\"%d\">", 28 + SVG_TITLE_LINE * i);
			svg_append_escaped(buf, title_lines[i]);
			appendStringInfoString(buf, "</tspan>");
		}
		appendStringInfoString(buf, "</text>\n");
	}
}

/* the share axis: grid lines and labels every 10 %, labels every 20 % */
void
svg_share_axis(StringInfo buf, const SvgFrame *f)
{
	for (int pct = 0; pct <= 100; pct += 10)
	{
		appendStringInfo(buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"1\"/>\n",
						 f->left, f->right, svg_y(f, pct / 100.0), svg_y(f, pct / 100.0),
						 pct == 0 ? "#444444" : "#e3e3e3");
		if (pct % 20 == 0)
			appendStringInfo(buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\" fill=\"#444444\" text-anchor=\"end\" dominant-baseline=\"middle\">%d %%</text>\n",
							 f->left - 8, svg_y(f, pct / 100.0), pct);
	}
	appendStringInfo(buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#444444\" stroke-width=\"1\"/>\n",
					 f->left, f->left, f->top, f->bottom);
}

/* the time axis: ticks and labels at multiples of the step */
void
svg_time_ticks(StringInfo buf, const SvgFrame *f, float8 step, int nticks)
{
	for (int i = 0; i < nticks; i++)
	{
		float8		x = svg_x(f, i * step);

		appendStringInfo(buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#444444\" stroke-width=\"1\"/>\n",
						 x, x, f->bottom, f->bottom + 5);
		appendStringInfo(buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\" fill=\"#444444\" text-anchor=\"middle\">%g</text>\n",
						 x, f->bottom + 19, i * step);
	}
}

void
svg_axis_titles(StringInfo buf, const SvgFrame *f, float8 x_title_drop,
				const char *x_label, const char *y_label)
{
	appendStringInfo(buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"13\" fill=\"#222222\" text-anchor=\"middle\">",
					 (f->left + f->right) / 2, f->bottom + x_title_drop);
	svg_append_escaped(buf, x_label);
	appendStringInfo(buf, "</text>\n<text transform=\"translate(18 %.2f) rotate(-90)\" font-size=\"13\" fill=\"#222222\" text-anchor=\"middle\">",
					 (f->top + f->bottom) / 2);
	svg_append_escaped(buf, y_label);
	appendStringInfoString(buf, "</text>\n");
}

void
svg_legend_label(StringInfo buf, float8 x, float8 y, const char *label)
{
	appendStringInfo(buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"13\" fill=\"#222222\" dominant-baseline=\"middle\">",
					 x + 30, y);
	if (label)
		svg_append_escaped(buf, label);
	appendStringInfoString(buf, "</text>\n");
}

static void
CheckPositive(float8 v, const char *what)
{
	if (isnan(v) || isinf(v) || v <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number > 0, not %g", what, v)));
}

/*
 * The step path of one curve, cut at max_time and at disclosure control:
 * under a threshold in force the curve is the published one
 * (survival_publish): only the steps surv_table shows, ending at the last.
 */
static void
AppendCurve(StringInfo buf, const SvgFrame *f, const Survival *s, int k)
{
	KMPoint    *pt = survival_curve(s);
	int			n = survival_publish(pt, s->ntimes);
	float8		level = 1;
	float8		end = 0;

	appendStringInfo(buf, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\" stroke-dasharray=\"%s\" stroke-linejoin=\"round\" d=\"M%.2f %.2f",
					 svg_colours[k % SVG_NCOLOURS], Dashes[(k / SVG_NCOLOURS) % lengthof(Dashes)],
					 svg_x(f, 0), svg_y(f, 1));
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();

		if (pt[i].time > f->max_time)
		{
			end = f->max_time;
			break;
		}
		end = pt[i].time;
		if (pt[i].surv != level)
		{
			level = pt[i].surv;
			appendStringInfo(buf, "H%.2fV%.2f", svg_x(f, pt[i].time), svg_y(f, level));
		}
	}
	appendStringInfo(buf, "H%.2f\"/>\n", svg_x(f, end));
}

/*
 * surv_svg(curves, labels, title, max_time, time_step, x_label, y_label,
 * width, height)
 */
Datum
surv_svg(PG_FUNCTION_ARGS)
{
	ArrayType  *curves_arr;
	ArrayType  *labels_arr;
	Datum	   *curves;
	bool	   *curve_nulls;
	Datum	   *labels;
	bool	   *label_nulls;
	const char **label_text;
	int			n;
	int			nlabels;
	const char *title = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	const char *x_label = PG_ARGISNULL(5) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(5));
	const char *y_label = PG_ARGISNULL(6) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(6));
	int			width = PG_ARGISNULL(7) ? 720 : PG_GETARG_INT32(7);
	int			height = PG_ARGISNULL(8) ? 450 : PG_GETARG_INT32(8);
	SvgFrame	f;
	float8		step;
	int			nticks;
	float8	   *legend_x;
	int		   *legend_row;
	char	   *title_lines[SVG_MAX_TITLE_LINES];
	int			ntitle = 0;
	StringInfoData buf;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	curves_arr = PG_GETARG_ARRAYTYPE_P(0);
	labels_arr = PG_GETARG_ARRAYTYPE_P(1);
	jobreg_list_elements(curves_arr, "curves", &curves, &curve_nulls, &n);
	jobreg_list_elements(labels_arr, "labels", &labels, &label_nulls, &nlabels);
	if (n != nlabels)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%d curves but %d labels", n, nlabels),
				 errdetail("Each curve needs one label.")));
	if (n < 1 || n > MAX_CURVES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("surv_svg draws 1 to %d curves, not %d", MAX_CURVES, n)));
	svg_check_size(width, height);

	/* the time axis: to max_time, or to the last time of any curve */
	f.min_time = 0;
	f.max_time = 0;
	if (!PG_ARGISNULL(3))
	{
		f.max_time = PG_GETARG_FLOAT8(3);
		CheckPositive(f.max_time, "max_time");
	}
	else
	{
		for (int k = 0; k < n; k++)
			if (!curve_nulls[k])
			{
				Survival   *s = DatumGetSurvivalP(curves[k]);

				f.max_time = Max(f.max_time, s->times[s->ntimes - 1].time);
			}
		if (f.max_time <= 0)
			f.max_time = 1;
	}
	if (f.max_time < SVG_MIN_TIME || f.max_time > SVG_MAX_TIME)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time axis up to %g is out of range", f.max_time),
				 errdetail("The time axis of surv_svg ends between %g and %g; give max_time to draw the curves up to a time in that range.",
						   SVG_MIN_TIME, SVG_MAX_TIME)));
	if (!PG_ARGISNULL(4))
	{
		step = PG_GETARG_FLOAT8(4);
		CheckPositive(step, "time_step");
	}
	else
		step = svg_nice_step(f.max_time);
	if (!(f.max_time / step <= SVG_MAX_TICKS))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time_step %g gives more than %d ticks up to %g", step, SVG_MAX_TICKS, f.max_time)));
	nticks = (int) floor(f.max_time / step * (1 + 1e-9)) + 1;

	label_text = palloc(n * sizeof(char *));
	for (int k = 0; k < n; k++)
		label_text[k] = label_nulls[k] ? NULL : TextDatumGetCString(labels[k]);
	legend_x = palloc(n * sizeof(float8));
	legend_row = palloc(n * sizeof(int));
	svg_legend_layout(label_text, n, width, legend_x, legend_row);
	f.left = 72;
	f.right = width - 28;
	if (title)
		ntitle = svg_wrap_words(title, (width - 32) / 9.5, title_lines);
	f.top = svg_plot_top(ntitle);
	f.bottom = height - 90 - 22 * legend_row[n - 1];
	if (f.bottom - f.top < 60)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("image height %d is too small for %d legend rows", height, legend_row[n - 1] + 1)));

	initStringInfo(&buf);
	svg_begin(&buf, width, height, title, title_lines, ntitle);
	svg_share_axis(&buf, &f);
	svg_time_ticks(&buf, &f, step, nticks);
	svg_axis_titles(&buf, &f, 40, x_label, y_label);

	/* curves, and their legend entries */
	for (int k = 0; k < n; k++)
		if (!curve_nulls[k])
			AppendCurve(&buf, &f, DatumGetSurvivalP(curves[k]), k);
	for (int k = 0; k < n; k++)
	{
		float8		x = f.left + legend_x[k];
		float8		y = f.bottom + 62 + 22 * legend_row[k];

		appendStringInfo(&buf, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"2.2\" stroke-dasharray=\"%s\"/>\n",
						 x, x + 24, y, y, svg_colours[k % SVG_NCOLOURS],
						 Dashes[(k / SVG_NCOLOURS) % lengthof(Dashes)]);
		svg_legend_label(&buf, x, y, label_text[k]);
	}
	appendStringInfoString(&buf, "</svg>\n");
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}
