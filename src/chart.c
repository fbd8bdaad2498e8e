/*
 * chart.c: bar and trend-line geometry for the dashboard's SVG charts. Numbers
 * only: what the shapes say is the template's and the data table's business.
 */
#include "chart.h"

#include <math.h>

#include "arena.h"
#include "buf.h"

int chart_bars(const double *values, size_t n, double max, struct chart_bar *out)
{
	for (size_t i = 0; i < n; i++) {
		double v = values[i];
		int w = 0;

		if (max > 0 && !isnan(v) && v > 0)
			w = v >= max ? CHART_W : (int)lround(v / max * CHART_W);
		out[i].text_y = (int)i * CHART_ROW + 13;
		out[i].y = (int)i * CHART_ROW + 17;
		out[i].w = w;
	}
	return (int)n * CHART_ROW;
}

int chart_spark(struct arena *a, const double *values, size_t n, struct chart_point *out,
		const char **points)
{
	double lo = INFINITY, hi = -INFINITY;
	int np = 0;
	struct buf b;

	for (size_t i = 0; i < n; i++)
		if (!isnan(values[i])) {
			lo = fmin(lo, values[i]);
			hi = fmax(hi, values[i]);
		}
	buf_init(&b, a, 16 * (n + 1));
	for (size_t i = 0; i < n; i++) {
		if (isnan(values[i]))
			continue;
		int x = n > 1 ? SPARK_PAD + (int)lround((double)i * (SPARK_W - 2 * SPARK_PAD) / (double)(n - 1))
			      : SPARK_W / 2;
		int y = hi > lo ? SPARK_H - SPARK_PAD -
				  (int)lround((values[i] - lo) / (hi - lo) * (SPARK_H - 2 * SPARK_PAD))
				: SPARK_H / 2;

		out[np].x = x;
		out[np].y = y;
		buf_printf(&b, "%s%d,%d", np ? " " : "", x, y);
		np++;
	}
	if (b.err)
		return -1;
	*points = b.data ? b.data : "";
	return np;
}
