/* test_chart.c: the geometry of the dashboard's bars and trend lines: scaling,
 * clamping, missing values, a flat line, one point, rows one under another. */
#include <math.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "tap.h"

int main(void)
{
	struct arena a;
	struct chart_bar bars[5];
	struct chart_point pt[5];
	const char *points;
	int h;

	arena_init(&a, 4096, 1 << 20);

	h = chart_bars((const double[]){ 50, 100, 150, NAN, -5 }, 5, 100, bars);
	ok(h == 5 * CHART_ROW, "a row per bar: height %d", h);
	ok(bars[0].w == CHART_W / 2, "half of max is half the width (%d)", bars[0].w);
	ok(bars[1].w == CHART_W && bars[2].w == CHART_W, "max and above fill the width, never more");
	ok(bars[3].w == 0 && bars[4].w == 0, "no value and a negative one draw no bar");
	ok(bars[1].y == bars[0].y + CHART_ROW && bars[1].text_y < bars[1].y,
	   "rows one under another, each label above its bar");
	chart_bars((const double[]){ 10 }, 1, 0, bars);
	ok(bars[0].w == 0, "a zero scale draws nothing rather than dividing by it");

	ok(chart_spark(&a, (const double[]){ 10, 20, 30 }, 3, pt, &points) == 3, "three points");
	ok(pt[0].x == SPARK_PAD && pt[2].x == SPARK_W - SPARK_PAD, "spread over the width");
	ok(pt[0].y == SPARK_H - SPARK_PAD && pt[2].y == SPARK_PAD && pt[1].y == SPARK_H / 2,
	   "lowest at the bottom, highest at the top");
	ok(strcmp(points, "4,28 60,16 116,4") == 0, "the polyline's points: %s", points);
	ok(chart_spark(&a, (const double[]){ 7, NAN, 7 }, 3, pt, &points) == 2 &&
	   pt[0].y == SPARK_H / 2 && pt[1].y == SPARK_H / 2 && pt[1].x == SPARK_W - SPARK_PAD,
	   "equal values: a flat line in the middle; a missing year keeps its slot");
	ok(chart_spark(&a, (const double[]){ 42 }, 1, pt, &points) == 1 && pt[0].x == SPARK_W / 2,
	   "one value: one point in the middle");
	ok(chart_spark(&a, (const double[]){ NAN, NAN }, 2, pt, &points) == 0 && strcmp(points, "") == 0,
	   "no values: no points, an empty line");
	arena_free(&a);
	return ok_done();
}
