/*
 * page_indicators.c: /<municipality>/indicators/: the programme's indicators,
 * target against fact per year with the gap, bar charts with their data, the
 * downloads; and the coordinator's form for the facts of a year.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_audit.h"
#include "db_indicator.h"
#include "db_municipality.h"
#include "db_user.h"
#include "deadline.h"
#include "export.h"
#include "http.h"
#include "indicator.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

/* The grid of the municipality with the computed facts in. Returns 0 or 500. */
static int grid_load(struct req *rq, struct indicator_grid *g)
{
	return indicator_grid_load(&rq->w->db, rq->arena, rq->muni->id, g) == 0 ? 0 : 500;
}

/* «+2,5» / «−3» percentage points or units. */
static const char *gap_text(struct arena *a, double gap)
{
	return gap > 0 ? arena_printf(a, "+%s", view_decimal(a, gap)) : view_decimal(a, gap);
}

/* The last year with a target or a fact, as an index; nyears when none. */
static size_t latest_year(const struct indicator_grid *g)
{
	for (size_t y = g->nyears; y-- > 0;)
		for (size_t i = 0; i < g->nind; i++)
			if (indicator_cell_at(g, i, y)->fact_raw)
				return y;
	return g->nyears;
}

enum { CHART_W = 64, CHART_H = 100, BAR_W = 22 };

/* Bar heights of one indicator's plan and fact per year, scaled to the largest. */
static void chart_fill(struct tpl_dict *row, const struct indicator_grid *g, size_t i)
{
	double max = 0;
	bool any = false;

	for (size_t y = 0; y < g->nyears; y++) {
		const struct indicator_cell *c = indicator_cell_at(g, i, y);

		if (c->has_plan && c->plan > max)
			max = c->plan;
		if (c->has_fact && c->fact > max)
			max = c->fact;
		any = any || c->has_plan || c->has_fact;
	}
	if (!any || max <= 0)
		return;
	struct tpl_dict *ch = tpl_section_add(row, "CHART");

	tpl_set_int(ch, "W", (long long)(g->nyears * CHART_W + 8));
	tpl_set_int(ch, "H", CHART_H + 24);
	for (size_t y = 0; y < g->nyears; y++) {
		const struct indicator_cell *c = indicator_cell_at(g, i, y);
		struct tpl_dict *d = tpl_section_add(ch, "BAR");
		long x = (long)(y * CHART_W + 8);

		tpl_set_int(d, "YEAR", g->years[y]);
		tpl_set_int(d, "X_PLAN", x);
		tpl_set_int(d, "X_FACT", x + BAR_W + 4);
		tpl_set_int(d, "X_LABEL", x + BAR_W + 2);
		tpl_set_int(d, "BAR_W", BAR_W);
		tpl_set_int(d, "Y_LABEL", CHART_H + 18);
		long hp = c->has_plan ? (long)(c->plan / max * CHART_H + 0.5) : 0;
		long hf = c->has_fact ? (long)(c->fact / max * CHART_H + 0.5) : 0;

		tpl_set_int(d, "Y_PLAN", CHART_H - hp + 4);
		tpl_set_int(d, "H_PLAN", hp);
		tpl_set_int(d, "Y_FACT", CHART_H - hf + 4);
		tpl_set_int(d, "H_FACT", hf);
		tpl_set_str(d, "PLAN", c->plan_raw ? c->plan_raw : "—");
		tpl_set_str(d, "FACT", c->fact_raw ? c->fact_raw : "—");
	}
}

/* The grid and a page of template `tpl` titled «<title> — <municipality>» under the
 * municipality's crumb. Returns 0, or the status to answer. */
static int grid_page(struct req *rq, struct indicator_grid *g, struct page *p, const char *tpl,
		     const char *title)
{
	int rc;

	if ((rc = grid_load(rq, g)) != 0)
		return rc;
	if (render_start(rq, p, tpl, arena_printf(rq->arena, "%s — %s", title, rq->muni->name)) != 0)
		return 500;
	render_crumb(p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	tpl_set_str(p->body, "MUNI", rq->muni->slug);
	return 0;
}

int indicators_page(struct req *rq, struct resp *rs)
{
	struct indicator_grid g;
	struct page p;
	int rc;

	if ((rc = grid_page(rq, &g, &p, "indicators.tpl", "Показатели программы")) != 0)
		return rc;
	tpl_set_int(p.body, "COLS", (long long)g.nyears + 2);
	tpl_show(p.body, g.nind == 0 ? "NONE" : "SOME");
	size_t last = latest_year(&g);

	if (last < g.nyears) {
		struct tpl_dict *s = tpl_section_add(p.body, "SUMMARY");
		int with_plan, met;

		indicator_year_count(&g, last, &with_plan, &met);
		tpl_set_int(s, "YEAR", g.years[last]);
		tpl_set_int(s, "MET", met);
		tpl_set_int(s, "TOTAL", with_plan);
	}
	if (roadmap_editor(rq))
		tpl_show(p.body, "EDITOR");
	for (size_t y = 0; y < g.nyears; y++)
		tpl_set_int(tpl_section_add(p.body, "YEAR"), "YEAR", g.years[y]);
	for (size_t i = 0; i < g.nind; i++) {
		const struct indicator_pf *ind = g.ind[i];
		struct tpl_dict *row = tpl_section_add(p.body, "INDICATOR");

		tpl_set_str(row, "CODE", ind->code);
		tpl_set_str(row, "NAME", ind->name);
		if (ind->group_name && (i == 0 || !g.ind[i - 1]->group_name ||
					strcmp(g.ind[i - 1]->group_name, ind->group_name) != 0))
			tpl_section_str(row, "GROUP", "GROUP", ind->group_name);
		if (ind->lower_better)
			tpl_show(row, "LOWER");
		if (ind->compute)
			tpl_show(row, "COMPUTED");
		for (size_t y = 0; y < g.nyears; y++) {
			const struct indicator_cell *c = indicator_cell_at(&g, i, y);
			struct tpl_dict *d = tpl_section_add(row, "CELL");

			if (c->status == PF_EMPTY) {
				tpl_show(d, "EMPTY");
				continue;
			}
			struct tpl_dict *v = tpl_section_add(d, "VALUE");

			tpl_set_str(v, "PLAN", c->plan_raw ? c->plan_raw : "—");
			tpl_set_str(v, "FACT", c->fact_raw ? c->fact_raw : "—");
			tpl_set_str(v, "STATUS", indicator_status_label[c->status]);
			tpl_set_str(v, "CLASS", indicator_status_class[c->status]);
			if (c->computed)
				tpl_show(v, "CALC");
			if (c->has_plan && c->has_fact)
				tpl_section_str(v, "GAP", "GAP", gap_text(rq->arena, c->gap));
		}
		chart_fill(row, &g, i);
	}
	return render_finish(rq, rs, &p);
}

/* The table as shown: per year its target, fact and verdict. */
static int indicators_export(struct req *rq, struct resp *rs, enum export_format format)
{
	struct indicator_grid g;
	int rc;

	if ((rc = grid_load(rq, &g)) != 0)
		return rc;
	size_t ncols = 2 + 3 * g.nyears;
	const char **heads = arena_alloc(rq->arena, ncols * sizeof *heads);
	const char **cells = export_cells(rq->arena, g.nind, ncols);

	if (!heads || !cells)
		return 500;
	heads[0] = "№";
	heads[1] = "Показатель";
	for (size_t y = 0; y < g.nyears; y++) {
		heads[2 + 3 * y] = arena_printf(rq->arena, "План %d", g.years[y]);
		heads[3 + 3 * y] = arena_printf(rq->arena, "Факт %d", g.years[y]);
		heads[4 + 3 * y] = arena_printf(rq->arena, "Итог %d", g.years[y]);
	}
	for (size_t i = 0; i < g.nind; i++) {
		const char **row = cells + i * ncols;

		row[0] = g.ind[i]->code;
		row[1] = g.ind[i]->name;
		for (size_t y = 0; y < g.nyears; y++) {
			const struct indicator_cell *c = indicator_cell_at(&g, i, y);

			row[2 + 3 * y] = c->plan_raw ? c->plan_raw : "";
			row[3 + 3 * y] = c->fact_raw ? c->fact_raw : "";
			row[4 + 3 * y] = indicator_status_label[c->status];
		}
	}
	struct export_table t = { "Показатели программы", ncols, heads, NULL, g.nind, cells, NULL };

	return page_export(rq, rs, &t, format, arena_printf(rq->arena, "indicators-%s", rq->muni->slug));
}

int indicators_csv_page(struct req *rq, struct resp *rs)
{
	return indicators_export(rq, rs, EXPORT_CSV);
}

int indicators_xlsx_page(struct req *rq, struct resp *rs)
{
	return indicators_export(rq, rs, EXPORT_XLSX);
}

enum { YEAR_MIN = 2000, YEAR_MAX = 2100 };

/* The year of the query or form: a number in range, or 0. */
static int year_arg(const char *s)
{
	char *end;
	long y;

	if (!s || !*s)
		return 0;
	y = strtol(s, &end, 10);
	return *end == '\0' && y >= YEAR_MIN && y <= YEAR_MAX ? (int)y : 0;
}

/* The facts form of one year; `bad_code` marks the row whose value was refused. */
static int facts_form(struct req *rq, struct resp *rs, int year, const char *bad_code, const char *typed)
{
	struct indicator_grid g;
	struct page p;
	int rc;

	if ((rc = grid_page(rq, &g, &p, "indicator_facts.tpl", "Фактические значения показателей")) != 0)
		return rc;
	render_crumb(&p, arena_printf(rq->arena, "/%s/indicators/", rq->muni->slug), "Показатели программы");
	tpl_set_str(p.body, "CSRF", rq->csrf);
	tpl_set_int(p.body, "YEAR", year);
	for (size_t y = 0; y < g.nyears; y++) {
		struct tpl_dict *d = tpl_section_add(p.body, "YEARS");

		tpl_set_int(d, "Y", g.years[y]);
		tpl_show(d, g.years[y] == year ? "CURRENT" : "OTHER");
	}
	size_t yi = indicator_year_index(&g, year);
	for (size_t i = 0; i < g.nind; i++) {
		const struct indicator_cell *c = yi < g.nyears ? indicator_cell_at(&g, i, yi) : NULL;
		struct tpl_dict *d = tpl_section_add(p.body, "INDICATOR");
		bool bad = bad_code && strcmp(bad_code, g.ind[i]->code) == 0;

		tpl_set_str(d, "CODE", g.ind[i]->code);
		tpl_set_str(d, "NAME", g.ind[i]->name);
		tpl_set_str(d, "PLAN", c && c->plan_raw ? c->plan_raw : "—");
		tpl_set_str(d, "FACT", bad ? typed : c && c->fact_raw && !c->computed ? c->fact_raw : "");
		if (c && c->computed)
			tpl_section_str(d, "CALC", "VALUE", c->fact_raw);
		else if (g.ind[i]->compute)
			tpl_show(d, "CALC_LATER");
		if (bad) {
			tpl_show(d, "ERROR");
			rs->status = 422;
		}
	}
	rc = render_finish(rq, rs, &p);
	return bad_code && rc == 200 ? 422 : rc;
}

int indicator_facts_page(struct req *rq, struct resp *rs)
{
	const char *ys = http_param(rq, "year");
	int year, m, d;

	deadline_date(view_today(), &year, &m, &d);
	if (ys)
		year = year_arg(ys);

	if (!year)
		return page_message(rq, rs, 400, MSG_E400);
	return facts_form(rq, rs, year, NULL, NULL);
}

enum { FF_CODE, FF_YEAR, FF_FACT, FF__MAX };

static const struct field fact_fields[FF__MAX] = {
	{ "code", V_TEXT, 1, 16, NULL, 0, true },    /* FF_CODE */
	{ "year", V_TEXT, 4, 4, NULL, 0, true },     /* FF_YEAR */
	{ "fact", V_TEXT, 0, 64, NULL, 0, false },   /* FF_FACT: empty clears */
};

int indicator_fact_post_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct form f;
	int64_t id;
	double value = 0;
	int year, rc;

	form_check(rq, fact_fields, FF__MAX, &f);
	if (f.err[FF_CODE] != MSG__MAX || f.err[FF_YEAR] != MSG__MAX || !(year = year_arg(f.val[FF_YEAR])))
		return page_message(rq, rs, 422, MSG_CHOICE);
	if ((rc = db_indicator_id(db, rq->muni->id, f.val[FF_CODE], &id)) != DB_OK)
		return rc == DB_NOTFOUND ? page_message(rq, rs, 422, MSG_CHOICE) : 500;
	if (f.err[FF_FACT] != MSG__MAX)
		return facts_form(rq, rs, year, f.val[FF_CODE], "");
	const char *raw = *f.val[FF_FACT] ? f.val[FF_FACT] : NULL;
	bool number = raw && valid_decimal(raw, &value);
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "indicator_fact",
				 .detail = arena_printf(rq->arena, "%s, %s, %d: %s", rq->muni->name,
							f.val[FF_CODE], year, raw ? raw : "—") };

	if (!e.detail || db_begin(db) != DB_OK)
		return 500;
	if (db_indicator_fact_set(db, id, year, raw, number, value, rq->user->id) != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/indicators/facts?year=%d#i-%s",
						   rq->muni->slug, year, f.val[FF_CODE]));
}
