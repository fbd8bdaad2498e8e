/*
 * chart.h: the geometry of the dashboard's inline SVG charts (horizontal bars and
 * small trend lines), computed in C. Markup and text live in the templates; no
 * HTTP, no database here.
 */
#ifndef CHART_H
#define CHART_H

#include <stddef.h>

struct arena;

enum {
	CHART_W = 400,        /* viewBox width of a bar chart */
	CHART_ROW = 32,       /* height of one labelled bar */
	CHART_BAR = 12,       /* height of the bar itself */
	SPARK_W = 120,        /* viewBox of a trend line */
	SPARK_H = 32,
	SPARK_PAD = 4,
};

/* One bar: its label's baseline, the bar's top and width (0 for no value). */
struct chart_bar {
	int text_y, y, w;
};

/*
 * Lays out n bars, one row each, top to bottom; value i is drawn as
 * values[i] / max of CHART_W (clamped to [0, CHART_W]). A value that is NaN
 * or negative, or a max <= 0, gets width 0. Returns the chart's height.
 */
int chart_bars(const double *values, size_t n, double max, struct chart_bar *out);

/* One point of a trend line. */
struct chart_point {
	int x, y;
};

/*
 * The trend line of n values (NaN: no value, skipped) in a SPARK_W × SPARK_H box:
 * x spread evenly over the n slots, y from the smallest (bottom) to the largest
 * (top) value, a flat line in the middle when they are all equal. Fills out[]
 * with the points drawn and sets *points to their "x,y x,y" list (in `a`).
 * Returns the number of points, or -1 out of memory.
 */
int chart_spark(struct arena *a, const double *values, size_t n, struct chart_point *out,
		const char **points);

#endif
