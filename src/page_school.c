/*
 * page_school.c: /<municipality>/schools/<school>/: the school's «Повышение
 * качества» section: lists and category, risks, required documents, roadmap
 * progress, results beside the «Город» and «Область» rows, its text pages and
 * latest news (content.c), last update.
 */
#include <string.h>

#include "arena.h"
#include "content.h"
#include "db_municipality.h"
#include "db_result.h"
#include "db_result_import.h"
#include "db_roadmap.h"
#include "db_document.h"
#include "db_ident.h"
#include "db_school.h"
#include "db_user.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { COLS_MAX = 16 };

static void fill_memberships(struct tpl_dict *body, const struct membership *ms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(body, "MEMBERSHIP");

		tpl_set_int(d, "YEAR", ms[i].year);
		tpl_set_str(d, "PROGRAMME", VOCAB_LABEL(programme_v, ms[i].programme));
		tpl_set_str(d, "CATEGORY", ms[i].category ? VOCAB_LABEL(category_v, ms[i].category) : "—");
		if (ms[i].cluster)
			tpl_set_int(d, "CLUSTER", ms[i].cluster);
		else
			tpl_set_str(d, "CLUSTER", "—");
		tpl_set_str(d, "DETAILS", ms[i].risk_group ? ms[i].risk_group : ms[i].note ? ms[i].note : "—");
		tpl_section_str(d, "URD", "TEXT", ms[i].urd);
	}
	if (n == 0)
		tpl_show(body, "NO_MEMBERSHIP");
	else
		tpl_show(body, "HAS_MEMBERSHIP");
}

static void fill_risks(struct tpl_dict *body, const struct school_risk *r, size_t n)
{
	struct tpl_dict *group = NULL;

	for (size_t i = 0; i < n; i++) {
		if (i == 0 || r[i].year != r[i - 1].year || strcmp(r[i].catalogue, r[i - 1].catalogue)) {
			group = tpl_section_add(body, "RISKS");
			tpl_set_str(group, "CATALOGUE", VOCAB_LABEL(risk_catalogue_v, r[i].catalogue));
			tpl_set_int(group, "YEAR", r[i].year);
			if (r[i].significance)
				tpl_show(group, "HAS_SIGNIFICANCE");
		}
		struct tpl_dict *d = tpl_section_add(group, "RISK");

		tpl_set_str(d, "NAME", r[i].name);
		if (r[i].significance) {
			struct tpl_dict *s = tpl_section_add(d, "SIGNIFICANCE");

			tpl_set_str(s, "CODE", r[i].significance);
			tpl_set_str(s, "LABEL", VOCAB_LABEL(significance_v, r[i].significance));
		}
	}
}

/* The required documents and what the public may know of them, then every
 * published version. */
static void fill_documents(struct req *rq, struct tpl_dict *body, const struct municipality *m,
			   const struct school *s, const struct membership *ms, size_t nms,
			   const struct document *docs, size_t ndocs)
{
	int published = 0;

	page_required_docs(body, ms, nms, docs, ndocs, true);
	for (size_t i = 0; i < ndocs; i++) {
		if (strcmp(docs[i].status, "published") != 0)
			continue;
		struct tpl_dict *d = tpl_section_add(body, "PUBLISHED");

		tpl_set_int(d, "ID", docs[i].id);
		tpl_set_str(d, "MUNI", m->slug);
		tpl_set_str(d, "SCHOOL", s->slug);
		tpl_set_str(d, "TYPE", VOCAB_LABEL(doc_type_v, docs[i].type));
		tpl_set_str(d, "TITLE", docs[i].title);
		tpl_set_int(d, "VERSION", docs[i].version);
		tpl_set_str(d, "DATE", view_date(rq->arena, docs[i].published_at));
		published++;
	}
	if (published == 0)
		tpl_show(body, "NO_PUBLISHED");
}

/* One table per procedure and subject: columns are (year, metric), rows the
 * school, «Город» and «Область», cells the values as printed in the source. */
/* How results are shown: the smallest group and whether the viewer is staff of the school. */
struct result_view {
	int min_group;
	bool insider;
};

/*
 * One school cell: below the municipality's smallest group the public sees «данных
 * недостаточно» and staff the value with that mark; a value without N carries a mark
 * explained below the table (returned true).
 */
static bool fill_result_cell(struct tpl_dict *row, const struct result *r, bool school,
			     const struct result_view *v)
{
	struct tpl_dict *c = tpl_section_add(row, "CELL");

	if (!r) {
		tpl_set_str(c, "VALUE", "—");
		return false;
	}
	if (school && r->n >= 0 && r->n < v->min_group) {
		if (!v->insider) {
			tpl_show(c, "HIDDEN");
			return false;
		}
		tpl_set_int(tpl_section_add(c, "SMALL"), "N", r->n);
	}
	tpl_set_str(c, "VALUE", r->raw);
	if (school && r->n < 0)
		tpl_show(c, "NO_N");
	return school && r->n < 0;
}

static void fill_result_table(struct tpl_dict *body, int number, const struct school *s,
			      const struct result *r, size_t n, const struct result_view *v)
{
	bool no_n = false;

	struct { int year; const char *metric; } cols[COLS_MAX];
	size_t ncols = 0;
	struct tpl_dict *t = tpl_section_add(body, "RESULTS");

	tpl_set_int(t, "N", number);
	const char *procedure = VOCAB_LABEL(procedure_v, r[0].procedure);

	tpl_set_str(t, "PROCEDURE", procedure);
	if (strcmp(procedure, r[0].subject) != 0)
		tpl_section_str(t, "SUBJECT", "TEXT", r[0].subject);
	if (strcmp(r[0].procedure, procedure_v[PROC_VPR].code) == 0)
		tpl_set_int(tpl_section_add(t, "GRADE"), "N", r[0].grade);
	if (strcmp(r[0].stage, result_stage_v[STAGE_MAIN].code) != 0)
		tpl_section_str(t, "STAGE", "TEXT", VOCAB_LABEL(result_stage_v, r[0].stage));
	for (size_t i = 0; i < n && ncols < COLS_MAX; i++)
		if (ncols == 0 || cols[ncols - 1].year != r[i].year ||
		    strcmp(cols[ncols - 1].metric, r[i].metric) != 0) {
			cols[ncols].year = r[i].year;
			cols[ncols++].metric = r[i].metric;
		}
	for (size_t c = 0; c < ncols; c++) {
		if (c == 0 || cols[c].year != cols[c - 1].year) {
			struct tpl_dict *y = tpl_section_add(t, "YEAR");
			int span = 0;

			for (size_t k = c; k < ncols && cols[k].year == cols[c].year; k++)
				span++;
			tpl_set_int(y, "YEAR", cols[c].year);
			tpl_set_int(y, "SPAN", span);
		}
		tpl_set_str(tpl_section_add(t, "METRIC"), "LABEL", VOCAB_LABEL(metric_v, cols[c].metric));
	}
	for (size_t sc = 0; sc < SCOPE__MAX; sc++) {
		const struct result *cells[COLS_MAX] = { 0 };
		int any = 0;

		for (size_t c = 0; c < ncols; c++)
			for (size_t i = 0; i < n; i++)
				if (r[i].year == cols[c].year && strcmp(r[i].metric, cols[c].metric) == 0 &&
				    strcmp(r[i].scope, scope_v[sc].code) == 0)
					any = 1, cells[c] = &r[i];
		if (!any)
			continue;
		struct tpl_dict *row = tpl_section_add(t, "ROW");

		tpl_set_str(row, "LABEL", sc == SCOPE_SCHOOL ? s->label : scope_v[sc].label);
		tpl_set_str(row, "SCOPE", scope_v[sc].code);
		for (size_t c = 0; c < ncols; c++)
			no_n |= fill_result_cell(row, cells[c], sc == SCOPE_SCHOOL, v);
	}
	if (no_n)
		tpl_show(t, "NOTE_NO_N");
}

/* One table per procedure and subject the school has results for. */
static void fill_results(struct tpl_dict *body, const struct school *s, const struct result *r,
			 size_t n, const struct result_view *v)
{
	int tables = 0;

	for (size_t i = 0; i < n;) {
		size_t j = i;
		int own = 0;

		for (; j < n && strcmp(r[j].procedure, r[i].procedure) == 0 &&
		       strcmp(r[j].subject, r[i].subject) == 0 && r[j].grade == r[i].grade &&
		       strcmp(r[j].stage, r[i].stage) == 0; j++)
			own |= strcmp(r[j].scope, scope_v[SCOPE_SCHOOL].code) == 0;
		if (own)
			fill_result_table(body, ++tables, s, r + i, j - i, v);
		i = j;
	}
	if (tables == 0)
		tpl_show(body, "NO_RESULTS");
}

static int fill_roadmap(struct req *rq, struct tpl_dict *body, const struct municipality *m,
			const struct school *s)
{
	struct roadmap r;
	int rc = db_roadmap_of_school(&rq->w->db, rq->arena, s->id, &r);

	if (rc == DB_OK) {
		struct tpl_dict *d = tpl_section_add(body, "SCHOOL_ROADMAP");

		tpl_set_str(d, "TITLE", r.title);
		if (page_key_metric(rq, d, r.id, 0) != 0)
			return 500;
	} else if (rc == DB_NOTFOUND)
		tpl_show(body, "NO_SCHOOL_ROADMAP");
	else
		return 500;
	rc = db_roadmap_of_muni(&rq->w->db, rq->arena, m->id, &r);
	if (rc == DB_OK) {
		struct tpl_dict *d = tpl_section_add(body, "MUNI_ROADMAP");

		tpl_set_str(d, "SLUG", m->slug);
		tpl_set_str(d, "TITLE", r.title);
		if (page_key_metric(rq, d, r.id, 0) != 0)
			return 500;
	}
	return rc == DB_ERR ? 500 : 0;
}

int school_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	const struct municipality *m = rq->muni;
	const struct school *s = rq->school;
	struct membership *ms;
	struct school_risk *risks;
	struct document *docs;
	struct result *res;
	size_t nms, nrisks, ndocs, nres;
	struct result_view view = { 10, false };
	struct page p;

	if (db_membership_by_school(db, rq->arena, s->id, &ms, &nms) != DB_OK ||
	    db_risk_by_school(db, rq->arena, s->id, &risks, &nrisks) != DB_OK ||
	    db_document_by_school(db, rq->arena, s->id, &docs, &ndocs) != DB_OK ||
	    db_result_for_school(db, rq->arena, m->id, s->id, &res, &nres) != DB_OK ||
	    db_ident_min_group(db, m->id, &view.min_group) != DB_OK ||
	    render_start(rq, &p, "school.tpl",
			 arena_printf(rq->arena, "%s — %s", s->short_name, msg_v[MSG_SECTION])) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", m->slug), m->name);
	render_feed(&p, arena_printf(rq->arena, "/%s/schools/%s/feed.atom", m->slug, s->slug), s->short_name);
	tpl_section_str(p.body, "WEBSITE", "URL", s->website);
	tpl_set_str(p.body, "REGION", m->region);
	tpl_set_str(p.body, "MUNI_SLUG", m->slug);
	tpl_set_str(p.body, "SLUG", s->slug);
	tpl_set_str(p.body, "MUNI_NAME", m->name);
	tpl_set_str(p.body, "NAME", s->short_name);
	tpl_section_str(p.body, "FULL", "TEXT", s->full_name);
	if (s->parent_slug) {
		struct tpl_dict *d = tpl_section_add(p.body, "PARENT");

		tpl_set_str(d, "MUNI_SLUG", m->slug);
		tpl_set_str(d, "SLUG", s->parent_slug);
		tpl_set_str(d, "LABEL", s->parent_label);
	}
	if ((view.insider = db_user_in_scope(db, rq->user, s->id, m->id)))
		tpl_show(p.body, "INSIDER");
	if (view.insider && (roadmap_editor(rq) || strcmp(rq->user->role, role_v[ROLE_SCHOOL].code) == 0))
		tpl_show(p.body, "EDITOR");
	tpl_set_str(p.body, "UPDATED", view_date(rq->arena, s->updated_at));
	page_badges(p.body, "BADGE", ms, nms, s->id);
	fill_memberships(p.body, ms, nms);
	fill_risks(p.body, risks, nrisks);
	fill_documents(rq, p.body, m, s, ms, nms, docs, ndocs);
	tpl_set_int(p.body, "MIN_GROUP", view.min_group);
	fill_results(p.body, s, res, nres, &view);
	if (fill_roadmap(rq, p.body, m, s) != 0 || content_section(rq, p.body) != 0)
		return 500;
	return render_finish(rq, rs, &p);
}
