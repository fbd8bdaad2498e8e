/*
 * dash_results.c: the dashboard's results views: each school of the programme
 * beside «Город» and «Область» for the chosen procedure, subject and year, with
 * bars of one metric; and that metric across the years with a trend line per
 * row. A group smaller than the municipality's min_group shows «данных
 * недостаточно», never a value.
 */
#include <math.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "dash.h"
#include "db_dash.h"
#include "db_municipality.h"
#include "db_school.h"
#include "http.h"
#include "vocab.h"

/* Rows: the set's schools, then «Город», then «Область». */
static size_t row_of(const struct dash *d, const struct dash_result *r)
{
	if (strcmp(r->scope, scope_v[SCOPE_CITY].code) == 0)
		return d->nset;
	if (strcmp(r->scope, scope_v[SCOPE_REGION].code) == 0)
		return d->nset + 1;
	size_t row = dash_set_row(d, r->school_id);

	return row < d->nset ? row : d->nset + 2;   /* a school outside the set: no row */
}

/* Column 0 of every row: the school (linked to its page), «Город», «Область». */
static void row_names(struct arena *a, const struct dash *d, struct dash_table *t)
{
	for (size_t i = 0; i < d->nset; i++)
		*dash_cell(t, i, 0) = (struct dash_cell){ d->set[i]->short_name,
			arena_printf(a, "/%s/schools/%s/", d->muni->slug, d->set[i]->slug), NULL, NULL };
	dash_cell(t, d->nset, 0)->text = scope_v[SCOPE_CITY].label;
	dash_cell(t, d->nset + 1, 0)->text = scope_v[SCOPE_REGION].label;
}

/* True when the result may be shown as a value; false for a small group. */
static bool shown(const struct dash *d, const struct dash_result *r)
{
	return r->n < 0 || r->n >= d->min_group;
}

/* The cell text of a result: its value as printed, or «данных недостаточно». */
static const char *result_text(const struct dash *d, const struct dash_result *r)
{
	return shown(d, r) ? r->raw : dash_text_v[DASH_SMALL_GROUP];
}

/* The largest value the bars of `metric` are scaled to: 5 for a mark, else 100,
 * or more when a value is larger. */
static double scale_of(const char *metric, const double *v, size_t n)
{
	double max = strcmp(metric, metric_v[MET_MEAN_MARK].code) == 0 ? 5 : 100;

	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i]) && v[i] > max)
			max = v[i];
	return max;
}

/* «ОГЭ, Математика, 9 класс» of the chosen results. */
static const char *what(struct arena *a, const struct dash *d)
{
	const char *p = VOCAB_LABEL(procedure_v, d->f.procedure);

	if (!d->f.subject)
		return p;
	if (d->f.grade)
		return arena_printf(a, "%s, %s, %d %s", p, d->f.subject, d->f.grade, dash_text_v[DASH_GRADE]);
	return arena_printf(a, "%s, %s", p, d->f.subject);
}

int dash_results_view(struct req *rq, struct dash *d)
{
	struct arena *a = rq->arena;
	struct dash_table *t = &d->t[DV_RESULTS];
	size_t cols[MET__MAX], ncols = 0, rows = d->nset + 2, chart_col = 0;
	double *bar = arena_alloc(a, rows * sizeof *bar);

	for (size_t k = 0; k < MET__MAX; k++)
		for (size_t i = 0; i < d->nres; i++)
			if (d->res[i].year == d->f.result_year && strcmp(d->res[i].metric, metric_v[k].code) == 0) {
				cols[ncols++] = k;
				break;
			}
	if (!bar || dash_table_init(a, t, DV_RESULTS,
				    arena_printf(a, "%s: %s, %d", dash_text_v[DASH_RESULTS], what(a, d), d->f.result_year),
				    ncols + 2, rows) != 0)
		return 500;
	t->heads[0] = dash_text_v[DASH_SCHOOL];
	for (size_t c = 0; c < ncols; c++) {
		t->heads[c + 1] = metric_v[cols[c]].label;
		if (d->f.metric && strcmp(d->f.metric, metric_v[cols[c]].code) == 0)
			chart_col = c + 1;
	}
	t->heads[ncols + 1] = dash_text_v[DASH_N];
	row_names(a, d, t);
	for (size_t r = 0; r < rows; r++) {
		bar[r] = NAN;
		for (size_t c = 1; c < ncols + 2; c++)
			dash_cell(t, r, c)->text = dash_text_v[DASH_NONE];
	}
	for (size_t i = 0; i < d->nres; i++) {
		const struct dash_result *r = &d->res[i];
		size_t row = row_of(d, r), c = 0;

		if (r->year != d->f.result_year || row >= rows)
			continue;
		while (c < ncols && strcmp(metric_v[cols[c]].code, r->metric) != 0)
			c++;
		dash_cell(t, row, c + 1)->text = result_text(d, r);
		dash_cell(t, row, ncols + 1)->text = r->n >= 0 ? arena_printf(a, "%d", r->n)
							       : dash_text_v[DASH_N_UNKNOWN];
		if (c + 1 == chart_col && shown(d, r))
			bar[row] = r->value;
	}
	if (chart_col == 0)
		return 0;
	return dash_chart_add(a, t, chart_col, bar, scale_of(d->f.metric, bar, rows)) == 0 ? 0 : 500;
}

/* The trend line of row `r` from its values (NaN: none) and its text alternative. */
static int trend_cell(struct arena *a, struct dash_table *t, size_t r, const double *v,
		      const int *years, size_t nyears)
{
	struct dash_spark *sp = arena_alloc(a, sizeof *sp);
	struct dash_cell *cell = dash_cell(t, r, nyears + 1);
	struct buf alt;

	if (!sp || !(sp->pt = arena_alloc(a, (nyears + 1) * sizeof *sp->pt)) ||
	    (sp->npt = chart_spark(a, v, nyears, sp->pt, &sp->points)) < 0)
		return -1;
	buf_init(&alt, a, 64 * (nyears + 1));
	for (size_t y = 0; y < nyears; y++)
		if (!isnan(v[y]))
			buf_printf(&alt, "%s%d: %s", alt.len ? "; " : "", years[y], dash_cell(t, r, y + 1)->text);
	if (alt.err)
		return -1;
	cell->text = alt.len ? alt.data : dash_text_v[DASH_NO_DATA];
	cell->spark = sp->npt ? sp : NULL;
	return 0;
}

int dash_trend_view(struct req *rq, struct dash *d)
{
	struct arena *a = rq->arena;
	struct dash_table *t = &d->t[DV_TREND];
	size_t rows = d->nset + 2, nyears = 0;
	int *years = arena_alloc(a, (d->nres + 1) * sizeof *years);
	double *v;

	for (size_t i = 0; years && i < d->nres; i++)   /* d->res is ordered by year */
		if (d->f.metric && strcmp(d->res[i].metric, d->f.metric) == 0 &&
		    (nyears == 0 || years[nyears - 1] != d->res[i].year))
			years[nyears++] = d->res[i].year;
	if (!years || !(v = arena_alloc(a, (rows * nyears + 1) * sizeof *v)) ||
	    dash_table_init(a, t, DV_TREND,
			    arena_printf(a, "%s: %s, %s", dash_text_v[DASH_TREND], what(a, d),
					 d->f.metric ? VOCAB_LABEL(metric_v, d->f.metric) : dash_text_v[DASH_NONE]),
			    nyears + 2, rows) != 0)
		return 500;
	t->heads[0] = dash_text_v[DASH_SCHOOL];
	for (size_t y = 0; y < nyears; y++)
		t->heads[y + 1] = arena_printf(a, "%d", years[y]);
	t->heads[nyears + 1] = dash_text_v[DASH_DYNAMICS];
	row_names(a, d, t);
	for (size_t i = 0; i < rows * nyears; i++) {
		v[i] = NAN;
		dash_cell(t, i / nyears, i % nyears + 1)->text = dash_text_v[DASH_NONE];
	}
	for (size_t i = 0, y = 0; i < d->nres; i++) {
		const struct dash_result *r = &d->res[i];
		size_t row = row_of(d, r);

		if (strcmp(r->metric, d->f.metric) != 0 || row >= rows)
			continue;
		while (years[y] != r->year)
			y++;
		dash_cell(t, row, y + 1)->text = result_text(d, r);
		if (shown(d, r))
			v[row * nyears + y] = r->value;
	}
	for (size_t r = 0; r < rows; r++)
		if (trend_cell(a, t, r, v + r * nyears, years, nyears) != 0)
			return 500;
	return 0;
}
