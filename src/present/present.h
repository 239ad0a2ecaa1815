/*
 * src/present/present.h
 *		Presentation: Danish numbers, percentages and kommune names with ICU
 *		(presentation.c), SVG plots of survival curves (svg.c) and of flows
 *		(flow_svg.c).  The top layer: it reads the states of the layers below
 *		and nothing reads it.
 */
#ifndef JOBREG_PRESENT_H
#define JOBREG_PRESENT_H

#include "lib/stringinfo.h"
#include "survival/survival.h"

/* ---------- Danish numbers (presentation.c) ---------- */

/*
 * A number as dk_number prints it: Danish grouping and decimal comma,
 * exactly decimals (0 to 99) fraction digits, ties away from zero; in the
 * database encoding.
 */
extern char *dk_format_number(float8 value, int decimals);

/* ---------- SVG pieces (svg.c), shared by surv_svg and flow_svg ---------- */

/* Okabe-Ito colours, distinguishable with colour-vision deficiencies */
extern const char *const svg_colours[];
#define SVG_NCOLOURS 7

#define SVG_MAX_TITLE_LINES 3
#define SVG_TITLE_LINE 22
/* at most this many ticks on a time axis (doc/bounds.md) */
#define SVG_MAX_TICKS 200

/* Geometry of the plot area, in pixels, and the time axis it shows */
typedef struct SvgFrame
{
	float8		left;
	float8		right;
	float8		top;
	float8		bottom;
	float8		min_time;		/* at the left edge */
	float8		max_time;		/* at the right edge */
} SvgFrame;

static inline float8
svg_x(const SvgFrame *f, float8 t)
{
	return f->left + (f->right - f->left) * (t - f->min_time) / (f->max_time - f->min_time);
}

/* a share 0 .. 1 on the vertical axis */
static inline float8
svg_y(const SvgFrame *f, float8 s)
{
	return f->bottom - (f->bottom - f->top) * s;
}

/* Width and height in pixels from 200 x 150 to 4000 x 4000, else 22023 */
extern void svg_check_size(int width, int height);

/* Text for XML: markup escaped, code points XML does not allow as U+FFFD */
extern void svg_append_escaped(StringInfo buf, const char *s);

/*
 * Breaks text at spaces into at most SVG_MAX_TITLE_LINES lines of about
 * width characters; returns the number of lines.
 */
extern int	svg_wrap_words(const char *text, float8 width, char **lines);

/* A round tick step giving about six ticks: 1, 2 or 5 times a power of 10 */
extern float8 svg_nice_step(float8 range);

/*
 * Legend entries in rows under the plot: the offset of each entry from the
 * left of the plot and its row (labels NULL count as empty).
 */
extern void svg_legend_layout(const char *const *labels, int n, int width,
							  float8 *legend_x, int *legend_row);

/* The top of the plot area under a title of ntitle lines */
extern float8 svg_plot_top(int ntitle);

/* <svg> with its <title>, a white background and the title's lines */
extern void svg_begin(StringInfo buf, int width, int height, const char *title,
					  char **title_lines, int ntitle);

/* The share axis: grid lines every 10 %, labels every 20 %, the axis line */
extern void svg_share_axis(StringInfo buf, const SvgFrame *f);

/* Ticks and labels at multiples of step on the time axis, from 0 */
extern void svg_time_ticks(StringInfo buf, const SvgFrame *f, float8 step, int nticks);

/* The axis titles; the x title's baseline x_title_drop pixels under the plot */
extern void svg_axis_titles(StringInfo buf, const SvgFrame *f, float8 x_title_drop,
							const char *x_label, const char *y_label);

/* A legend entry's label, 30 px right of x */
extern void svg_legend_label(StringInfo buf, float8 x, float8 y, const char *label);

#endif							/* JOBREG_PRESENT_H */
