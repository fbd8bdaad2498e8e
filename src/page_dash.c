/*
 * page_dash.c: /<municipality>/dashboard/ (the coordinator's dashboard: summary
 * band, then every view of dash.h with its filters), its downloads
 * /<municipality>/dashboard/<view>.csv|.xlsx, and /dashboard/, the region's
 * roll-up with one row per municipality. Every load computes afresh: nothing
 * here is cached, so a change shows on the next page load.
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
#include "export.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

/* The filters as a query string for the download links ("" when none). */
static const char *filter_query(struct arena *a, const struct dash *d)
{
	const struct dash_filter *f = &d->f;
	struct buf b;

	buf_init(&b, a, 1024);
	buf_printf(&b, "year=%d", f->year);
	if (f->programme)
		buf_printf(&b, "&programme=%s", f->programme);
	if (f->school)
		buf_printf(&b, "&school=%s", f->school);
	if (f->procedure)
		buf_printf(&b, "&procedure=%s", f->procedure);
	if (f->subject)
		buf_printf(&b, "&subject=%s", view_url_arg(a, f->subject));
	if (f->grade)
		buf_printf(&b, "&grade=%d", f->grade);
	if (f->result_year)
		buf_printf(&b, "&result_year=%d", f->result_year);
	if (f->metric)
		buf_printf(&b, "&metric=%s", f->metric);
	return b.err ? NULL : b.data;
}

/* One cell: a header or data cell, a link or text, with its badge or trend line. */
static void fill_cell(struct tpl_dict *row, const struct dash_cell *c, bool header)
{
	struct tpl_dict *d = tpl_section_add(row, "CELL");
	struct tpl_dict *content;

	tpl_show(d, header ? "TH" : "TD");
	if (!c->spark) {
		content = tpl_section_add(d, c->href ? "LINK" : "PLAIN");
		tpl_set_str(content, "TEXT", c->text);
		tpl_set_str(content, "HREF", c->href);
		tpl_section_str(content, "CLS", "CLASS", c->badge);
	} else {
		struct tpl_dict *s = tpl_section_add(d, "SPARK");

		tpl_set_str(s, "TEXT", c->text);
		tpl_set_int(s, "W", SPARK_W);
		tpl_set_int(s, "H", SPARK_H);
		tpl_set_str(s, "POINTS", c->spark->points);
		for (int i = 0; i < c->spark->npt; i++) {
			struct tpl_dict *p = tpl_section_add(s, "PT");

			tpl_set_int(p, "X", c->spark->pt[i].x);
			tpl_set_int(p, "Y", c->spark->pt[i].y);
		}
	}
}

static void fill_chart(struct tpl_dict *v, const struct dash_table *t)
{
	const struct dash_chart *ch = t->chart;
	struct tpl_dict *c;

	if (!ch || ch->n == 0)
		return;
	c = tpl_section_add(v, "CHART");
	tpl_set_str(c, "CAPTION", t->caption);
	tpl_set_str(c, "COLUMN", t->heads[ch->col]);
	tpl_set_int(c, "W", CHART_W);
	tpl_set_int(c, "H", ch->height);
	for (size_t i = 0; i < ch->n; i++) {
		struct tpl_dict *b = tpl_section_add(c, "BAR");

		tpl_set_str(b, "LABEL", ch->labels[i]);
		tpl_set_str(b, "VALUE", ch->values[i]);
		tpl_set_int(b, "TY", ch->bars[i].text_y);
		tpl_set_int(b, "Y", ch->bars[i].y);
		tpl_set_int(b, "W", ch->bars[i].w);
		tpl_set_int(b, "H", CHART_BAR);
	}
}

/* One view as a section of `body` (dash_table.tpl). */
static void fill_view(struct tpl_dict *body, const struct dash_table *t, const char *base,
		      const char *query, const char *heading)
{
	struct tpl_dict *v = tpl_include(tpl_section_add(body, "VIEW"), "TABLE", "dash_table.tpl");

	tpl_set_str(v, "VIEW", dash_view_code[t->view]);
	tpl_set_str(v, "HEADING", heading);
	tpl_set_str(v, "CAPTION", t->caption);
	tpl_set_str(v, "BASE", base);
	tpl_section_str(v, "QUERY", "Q", query);
	fill_chart(v, t);
	for (size_t c = 0; c < t->ncols; c++)
		tpl_set_str(tpl_section_add(v, "HEAD"), "TEXT", t->heads[c]);
	for (size_t r = 0; r < t->nrows; r++) {
		struct tpl_dict *row = tpl_section_add(v, "ROW");

		for (size_t c = 0; c < t->ncols; c++)
			fill_cell(row, &t->cells[r * t->ncols + c], c == 0);
	}
	if (t->nrows == 0)
		tpl_show(v, "EMPTY");
	if (t->total > (int)t->nrows) {
		struct tpl_dict *cut = tpl_section_add(v, "CUT");

		tpl_set_int(cut, "SHOWN", (long long)t->nrows);
		tpl_set_int(cut, "TOTAL", t->total);
	}
}

/* A <select> of the filter form. */
static struct tpl_dict *filter_field(struct tpl_dict *body, enum dash_param p)
{
	struct tpl_dict *f = tpl_section_add(body, "FILTER");

	tpl_set_str(f, "NAME", dash_param_v[p].code);
	tpl_set_str(f, "LABEL", dash_param_v[p].label);
	return f;
}

static void option(struct tpl_dict *field, const char *value, const char *text, bool selected)
{
	struct tpl_dict *o = tpl_section_add(field, "OPTION");

	tpl_set_str(o, "VALUE", value);
	tpl_set_str(o, "TEXT", text);
	if (selected)
		tpl_show(o, "SELECTED");
}

/* Options of a year filter: the distinct years of `years` (ordered either way) and `chosen`. */
static void year_options(struct arena *a, struct tpl_dict *field, const int *years, size_t n, int chosen)
{
	bool seen = false;

	for (size_t i = 0; i < n; i++) {
		if (i && years[i] == years[i - 1])
			continue;
		const char *y = arena_printf(a, "%d", years[i]);

		option(field, y, y, years[i] == chosen);
		seen |= years[i] == chosen;
	}
	if (!seen && chosen) {
		const char *y = arena_printf(a, "%d", chosen);

		option(field, y, y, true);
	}
}

/* The place filters: year, programme, school. */
static void fill_place_filters(struct req *rq, struct tpl_dict *body, const struct dash *d)
{
	int *years = arena_alloc(rq->arena, (d->nms + 1) * sizeof *years);
	struct tpl_dict *f;

	for (size_t i = 0; years && i < d->nms; i++)
		years[i] = d->ms[i].year;
	year_options(rq->arena, filter_field(body, DP_YEAR), years, years ? d->nms : 0, d->f.year);
	f = filter_field(body, DP_PROGRAMME);
	option(f, "", dash_text_v[DASH_ALL], !d->f.programme);
	for (size_t p = 0; p < PROG__MAX; p++)
		option(f, programme_v[p].code, programme_v[p].label,
		       d->f.programme && strcmp(d->f.programme, programme_v[p].code) == 0);
	f = filter_field(body, DP_SCHOOL);
	option(f, "", dash_text_v[DASH_ALL], !d->f.school);
	for (size_t i = 0; i < d->nschools; i++)
		option(f, d->schools[i].slug, d->schools[i].short_name,
		       d->f.school && strcmp(d->f.school, d->schools[i].slug) == 0);
}

/* The results filters: procedure, subject, grade, year, metric, from what there is. */
static void fill_result_filters(struct req *rq, struct tpl_dict *body, const struct dash *d)
{
	struct tpl_dict *f = filter_field(body, DP_PROCEDURE);
	int *years = arena_alloc(rq->arena, (d->nres + 1) * sizeof *years);

	for (size_t p = 0; p < PROC__MAX; p++)
		for (size_t i = 0; i < d->nsubjects; i++)
			if (strcmp(d->subjects[i].procedure, procedure_v[p].code) == 0) {
				option(f, procedure_v[p].code, procedure_v[p].label,
				       strcmp(d->f.procedure, procedure_v[p].code) == 0);
				break;
			}
	f = filter_field(body, DP_SUBJECT);
	for (size_t i = 0; i < d->nsubjects; i++)   /* ordered by subject */
		if (i == 0 || strcmp(d->subjects[i].subject, d->subjects[i - 1].subject) != 0)
			option(f, d->subjects[i].subject, d->subjects[i].subject,
			       d->f.subject && strcmp(d->f.subject, d->subjects[i].subject) == 0);
	f = filter_field(body, DP_GRADE);
	option(f, "", dash_text_v[DASH_NONE], d->f.grade == 0);
	for (int g = 1; g <= 11; g++)
		for (size_t i = 0; i < d->nsubjects; i++)
			if (d->subjects[i].grade == g) {
				const char *v = arena_printf(rq->arena, "%d", g);

				option(f, v, v, d->f.grade == g);
				break;
			}
	for (size_t i = 0; years && i < d->nres; i++)
		years[i] = d->res[i].year;
	year_options(rq->arena, filter_field(body, DP_RESULT_YEAR), years, years ? d->nres : 0,
		     d->f.result_year);
	f = filter_field(body, DP_METRIC);
	for (size_t k = 0; k < MET__MAX; k++)
		for (size_t i = 0; i < d->nres; i++)
			if (strcmp(d->res[i].metric, metric_v[k].code) == 0) {
				option(f, metric_v[k].code, metric_v[k].label,
				       d->f.metric && strcmp(d->f.metric, metric_v[k].code) == 0);
				break;
			}
}

/* Loads and builds the URL's municipality's dashboard; a bad filter is a 400 page. */
static int dash_prepare(struct req *rq, struct resp *rs, struct dash *d)
{
	int rc = dash_load(rq, rq->muni, true, d);

	if (rc == 400) {
		render_message(rq, rs, 400, arena_printf(rq->arena, "%s: «%s».", dash_text_v[DASH_BAD_FILTER],
							 dash_param_v[d->bad_param].label));
		return 400;
	}
	if (rc != 0 || dash_build(rq, d) != 0)
		return 500;
	return 0;
}

/* The short heading of each view above its table's caption. */
static const enum dash_text view_heading[DV__MAX] = {
	[DV_SUMMARY] = DASH_SUMMARY, [DV_MATRIX] = DASH_H_MATRIX, [DV_RISKS] = DASH_H_RISKS,
	[DV_RESULTS] = DASH_H_RESULTS, [DV_TREND] = DASH_TREND, [DV_PROGRESS] = DASH_H_PROGRESS,
	[DV_TASKS] = DASH_H_TASKS, [DV_OVERDUE] = DASH_H_OVERDUE, [DV_INDICATORS] = DASH_H_INDICATORS,
	[DV_REGION] = DASH_REGION,
};

int dashboard_page(struct req *rq, struct resp *rs)
{
	struct dash *d = arena_alloc(rq->arena, sizeof *d);
	struct page pg;
	const char *query, *base;
	int rc;

	if (!d)
		return 500;
	if ((rc = dash_prepare(rq, rs, d)) != 0)
		return rc;
	if (render_start(rq, &pg, "dashboard.tpl",
			 arena_printf(rq->arena, "%s — %s", dash_text_v[DASH_TITLE], rq->muni->name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	query = filter_query(rq->arena, d);
	base = arena_printf(rq->arena, "/%s/dashboard/", rq->muni->slug);
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	tpl_set_str(pg.body, "MUNI_NAME", rq->muni->name);
	tpl_set_str(pg.body, "DATE", view_day(rq->arena, view_today()));
	tpl_section_str(pg.body, "QUERY", "Q", query);
	if (d->curator_id)
		tpl_show(pg.body, "SCOPE_CURATOR");
	fill_place_filters(rq, pg.body, d);
	fill_result_filters(rq, pg.body, d);
	for (size_t r = 0; r < d->t[DV_SUMMARY].nrows; r++) {
		struct tpl_dict *b = tpl_section_add(pg.body, "BAND");

		tpl_set_str(b, "LABEL", dash_cell(&d->t[DV_SUMMARY], r, 0)->text);
		tpl_set_str(b, "VALUE", dash_cell(&d->t[DV_SUMMARY], r, 1)->text);
	}
	for (size_t v = DV_MATRIX; v < DV_REGION; v++)
		fill_view(pg.body, &d->t[v], base, query, dash_text_v[view_heading[v]]);
	return render_finish(rq, rs, &pg);
}

/* Answers with view `v` of `d` as a download named dashboard-<slug>-<view>. */
static int dash_download(struct req *rq, struct resp *rs, const struct dash_table *t,
			 const char *slug, enum export_format format)
{
	struct export_table e;

	if (dash_export_table(rq->arena, t, &e) != 0)
		return 500;
	return page_export(rq, rs, &e, format,
			   arena_printf(rq->arena, "dashboard-%s-%s", slug, dash_view_code[t->view]));
}

static int dashboard_export(struct req *rq, struct resp *rs, enum export_format format)
{
	enum dash_view v = dash_view_find(rq->args[1]);
	struct dash *d = arena_alloc(rq->arena, sizeof *d);
	int rc;

	if (v == DV__MAX || v == DV_REGION)
		return 404;
	if (!d)
		return 500;
	if ((rc = dash_prepare(rq, rs, d)) != 0)
		return rc;
	return dash_download(rq, rs, &d->t[v], rq->muni->slug, format);
}

int dashboard_csv_page(struct req *rq, struct resp *rs)
{
	return dashboard_export(rq, rs, EXPORT_CSV);
}

int dashboard_xlsx_page(struct req *rq, struct resp *rs)
{
	return dashboard_export(rq, rs, EXPORT_XLSX);
}

/* The region's roll-up: each municipality's summary with its latest year's defaults. */
static int region_table(struct req *rq, struct dash_table *t)
{
	static const enum dash_text heads[] = {
		DASH_MUNI, DASH_IN_PROGRAMME, DASH_DOCS_ACCEPTED, DASH_KEY_METRIC, DASH_OVERDUE_N,
		DASH_INDICATORS_MET,
	};
	enum { NCOLS = sizeof heads / sizeof heads[0] };
	struct municipality *m;
	size_t n;
	double *share;

	if (db_municipality_list(&rq->w->db, rq->arena, &m, &n) != DB_OK ||
	    dash_table_init(rq->arena, t, DV_REGION, dash_text_v[DASH_REGION_CAPTION], NCOLS, n) != 0 ||
	    !(share = arena_alloc(rq->arena, (n + 1) * sizeof *share)))
		return 500;
	for (size_t c = 0; c < NCOLS; c++)
		t->heads[c] = dash_text_v[heads[c]];
	for (size_t i = 0; i < n; i++) {
		struct dash d;
		const struct dash_summary *s = &d.sum;

		if (dash_load(rq, &m[i], false, &d) != 0)
			return 500;
		*dash_cell(t, i, 0) = (struct dash_cell){ m[i].name,
			arena_printf(rq->arena, "/%s/dashboard/", m[i].slug), NULL, NULL };
		dash_cell(t, i, 1)->text = arena_printf(rq->arena, "%d", s->in_programme);
		dash_cell(t, i, 2)->text = arena_printf(rq->arena, "%d %s %d", s->docs_accepted,
							dash_text_v[DASH_OF], s->docs_required);
		dash_cell(t, i, 3)->text = s->has_roadmap ? view_share(rq->arena, s->metric.confirmed, s->metric.due)
							  : dash_text_v[DASH_NONE];
		dash_cell(t, i, 4)->text = arena_printf(rq->arena, "%d", s->overdue);
		dash_cell(t, i, 5)->text = s->ind_total ? arena_printf(rq->arena, "%d %s %d", s->ind_met,
								       dash_text_v[DASH_OF], s->ind_total)
							: dash_text_v[DASH_NONE];
		share[i] = s->has_roadmap && s->metric.due ? 100.0 * s->metric.confirmed / s->metric.due : (double)NAN;
	}
	return dash_chart_add(rq->arena, t, 3, share, 100) == 0 ? 0 : 500;
}

int dashboard_region_page(struct req *rq, struct resp *rs)
{
	struct dash_table t;
	struct page pg;

	if (region_table(rq, &t) != 0 ||
	    render_start(rq, &pg, "dashboard_region.tpl", dash_text_v[DASH_REGION_TITLE]) != 0)
		return 500;
	tpl_set_str(pg.body, "DATE", view_day(rq->arena, view_today()));
	fill_view(pg.body, &t, "/dashboard/", NULL, dash_text_v[view_heading[DV_REGION]]);
	return render_finish(rq, rs, &pg);
}

static int region_export(struct req *rq, struct resp *rs, enum export_format format)
{
	struct dash_table t;

	if (region_table(rq, &t) != 0)
		return 500;
	return dash_download(rq, rs, &t, "region", format);
}

int dashboard_region_csv_page(struct req *rq, struct resp *rs)
{
	return region_export(rq, rs, EXPORT_CSV);
}

int dashboard_region_xlsx_page(struct req *rq, struct resp *rs)
{
	return region_export(rq, rs, EXPORT_XLSX);
}
