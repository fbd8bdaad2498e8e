/*
 * dash_views.c: the dashboard's views of schools and work: the summary band,
 * the documents matrix, the risk map, roadmap progress per school and per task,
 * and the overdue items with who is responsible. Tables of cells only.
 */
#include <math.h>
#include <string.h>

#include "arena.h"
#include "dash.h"
#include "db_dash.h"
#include "db_document.h"
#include "db_municipality.h"
#include "db_occurrence.h"
#include "db_roadmap.h"
#include "db_school.h"
#include "http.h"
#include "page_common.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

/* The versions of school `id` (d->docs is ordered by school). */
static const struct document *docs_of(const struct dash *d, int64_t id, size_t *n)
{
	size_t lo = 0, hi = d->ndocs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->docs[mid].school_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*n = 0;
	while (lo + *n < d->ndocs && d->docs[lo + *n].school_id == id)
		(*n)++;
	return d->docs + lo;
}

/* Summary rows: schools per programme and category, documents, key metric, overdue. */
enum { SUM_ROWS_MAX = 4 + PROG__MAX * (CAT__MAX + 1) };

static void sum_row(struct dash_table *t, const char *label, const char *value)
{
	dash_cell(t, t->nrows, 0)->text = label;
	dash_cell(t, t->nrows, 1)->text = value;
	t->nrows++;
}

/* Counts of the set's schools by programme and category into rows of `t`. */
static void sum_programmes(struct arena *a, const struct dash *d, struct dash_table *t)
{
	int all[PROG__MAX] = { 0 }, by_cat[PROG__MAX][CAT__MAX] = { { 0 } };

	for (size_t k = 0; k < d->nms; k++) {
		const struct membership *m = &d->ms[k];
		size_t p = VOCAB_FIND(programme_v, m->programme), c;

		if (m->year != d->f.year || p == PROG__MAX || dash_set_row(d, m->school_id) == d->nset)
			continue;
		all[p]++;
		if ((c = VOCAB_FIND(category_v, m->category)) < CAT__MAX)
			by_cat[p][c]++;
	}
	for (size_t p = 0; p < PROG__MAX; p++) {
		if (all[p] == 0)
			continue;
		sum_row(t, programme_v[p].label, arena_printf(a, "%d", all[p]));
		for (size_t c = 0; c < CAT__MAX; c++)
			if (by_cat[p][c])
				sum_row(t, arena_printf(a, "%s: %s", programme_v[p].label, category_v[c].label),
					arena_printf(a, "%d", by_cat[p][c]));
	}
}

/* Required documents of the set's schools, and of those the accepted (or published). */
static void sum_documents(const struct dash *d, struct dash_summary *s)
{
	for (size_t i = 0; i < d->nset; i++) {
		unsigned progs = d->progs[i];
		size_t n;
		const struct document *docs = docs_of(d, d->set[i]->id, &n);

		for (size_t t = 0; t < DT__MAX; t++) {
			int64_t id;
			size_t st;

			if (!(doc_type_required_for[t] & progs))
				continue;
			s->docs_required++;
			st = page_doc_status(docs, n, t, &id);
			s->docs_accepted += st == DOC_ACCEPTED || st == DOC_PUBLISHED;
		}
	}
}

int dash_summary_view(struct req *rq, struct dash *d)
{
	struct db *db = &rq->w->db;
	struct dash_summary *s = &d->sum;
	struct dash_table *t = &d->t[DV_SUMMARY];
	struct dash_scope scope = { d->muni->id, d->curator_id, d->f.school_id, view_today() };
	struct roadmap r;
	int rc;

	if (dash_table_init(rq->arena, t, DV_SUMMARY, dash_text_v[DASH_SUMMARY], 2, SUM_ROWS_MAX) != 0)
		return 500;
	t->heads[0] = dash_text_v[DASH_MEASURE];
	t->heads[1] = dash_text_v[DASH_VALUE];
	t->nrows = 0;
	s->in_programme = (int)d->nset;
	sum_row(t, dash_text_v[DASH_IN_PROGRAMME], arena_printf(rq->arena, "%d", s->in_programme));
	sum_programmes(rq->arena, d, t);
	sum_documents(d, s);
	sum_row(t, dash_text_v[DASH_DOCS_ACCEPTED],
		arena_printf(rq->arena, "%d %s %d", s->docs_accepted, dash_text_v[DASH_OF], s->docs_required));
	rc = db_roadmap_of_muni(db, rq->arena, d->muni->id, &r);
	if (rc == DB_OK) {
		s->has_roadmap = true;
		if (db_metric_by_roadmap(db, r.id, 0, view_today(), &s->metric) != DB_OK)
			return 500;
	} else if (rc != DB_NOTFOUND)
		return 500;
	sum_row(t, dash_text_v[DASH_KEY_METRIC],
		s->has_roadmap ? view_share(rq->arena, s->metric.confirmed, s->metric.due) : dash_text_v[DASH_NONE]);
	if (db_dash_overdue(db, rq->arena, &scope, DASH_OVERDUE_MAX, &d->overdue, &d->noverdue,
			    &s->overdue) != DB_OK)
		return 500;
	sum_row(t, dash_text_v[DASH_H_OVERDUE], arena_printf(rq->arena, "%d", s->overdue));
	if (dash_indicators_load(rq, d) != 0)
		return 500;
	sum_row(t, dash_text_v[DASH_INDICATORS_MET], s->ind_total ?
		arena_printf(rq->arena, "%d %s %d", s->ind_met, dash_text_v[DASH_OF], s->ind_total) : dash_text_v[DASH_NONE]);
	t->total = (int)t->nrows;
	return 0;
}

int dash_matrix_view(struct req *rq, struct dash *d)
{
	struct dash_table *t = &d->t[DV_MATRIX];
	const unsigned *progs = d->progs;
	unsigned all = 0;
	size_t types[DT__MAX], ntypes = 0;
	const char *m = d->muni->slug;

	for (size_t i = 0; i < d->nset; i++)
		all |= progs[i];
	for (size_t ty = 0; ty < DT__MAX; ty++)
		if (doc_type_required_for[ty] & all)
			types[ntypes++] = ty;
	if (dash_table_init(rq->arena, t, DV_MATRIX, dash_text_v[DASH_MATRIX], ntypes + 1, d->nset) != 0)
		return 500;
	t->heads[0] = dash_text_v[DASH_SCHOOL];
	for (size_t c = 0; c < ntypes; c++)
		t->heads[c + 1] = doc_type_v[types[c]].label;
	for (size_t i = 0; i < d->nset; i++) {
		const struct school *s = d->set[i];
		size_t n;
		const struct document *docs = docs_of(d, s->id, &n);

		*dash_cell(t, i, 0) = (struct dash_cell){ s->short_name,
			arena_printf(rq->arena, "/%s/schools/%s/", m, s->slug), NULL, NULL };
		for (size_t c = 0; c < ntypes; c++) {
			struct dash_cell *cell = dash_cell(t, i, c + 1);
			int64_t id;
			size_t st;

			if (!(doc_type_required_for[types[c]] & progs[i])) {
				cell->text = dash_text_v[DASH_NOT_REQUIRED];
				continue;
			}
			st = page_doc_status(docs, n, types[c], &id);
			cell->text = doc_status_v[st].label;
			cell->badge = arena_printf(rq->arena, "status status-%s", doc_status_v[st].code);
			cell->href = id ? arena_printf(rq->arena, "/%s/schools/%s/docs/%lld/", m, s->slug, (long long)id)
					: arena_printf(rq->arena, "/%s/schools/%s/docs/", m, s->slug);
		}
	}
	return 0;
}

int dash_risks_view(struct req *rq, struct dash *d)
{
	struct dash_table *t = &d->t[DV_RISKS];
	struct dash_risk *r;
	size_t n, ncols = 1;

	if (db_dash_risks(&rq->w->db, rq->arena, d->muni->id, d->f.year, &r, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++)
		ncols += i == 0 || r[i].risk_id != r[i - 1].risk_id;
	if (dash_table_init(rq->arena, t, DV_RISKS, dash_text_v[DASH_RISKS], ncols, d->nset) != 0)
		return 500;
	t->heads[0] = dash_text_v[DASH_SCHOOL];
	for (size_t i = 0; i < d->nset; i++) {
		*dash_cell(t, i, 0) = (struct dash_cell){ d->set[i]->short_name,
			arena_printf(rq->arena, "/%s/schools/%s/", d->muni->slug, d->set[i]->slug), NULL, NULL };
		for (size_t c = 1; c < ncols; c++)
			dash_cell(t, i, c)->text = dash_text_v[DASH_NONE];
	}
	for (size_t i = 0, c = 0; i < n; i++) {
		size_t row = dash_set_row(d, r[i].school_id);

		if (i == 0 || r[i].risk_id != r[i - 1].risk_id)
			t->heads[++c] = r[i].name;
		if (row == d->nset)
			continue;
		struct dash_cell *cell = dash_cell(t, row, c);

		if (r[i].significance) {
			cell->text = VOCAB_LABEL(significance_v, r[i].significance);
			cell->badge = arena_printf(rq->arena, "sig sig-%s", r[i].significance);
		} else
			cell->text = dash_text_v[DASH_MARKED];
	}
	return 0;
}

/* The key metric's columns of a progress row from column `c` on; returns the share. */
static double metric_cells(struct arena *a, struct dash_table *t, size_t row, size_t c,
			   const struct key_metric *m)
{
	dash_cell(t, row, c)->text = arena_printf(a, "%d", m->due);
	dash_cell(t, row, c + 1)->text = arena_printf(a, "%d", m->confirmed);
	dash_cell(t, row, c + 2)->text = arena_printf(a, "%d", m->done);
	dash_cell(t, row, c + 3)->text = arena_printf(a, "%d", m->overdue);
	dash_cell(t, row, c + 4)->text = view_share(a, m->confirmed, m->due);
	return m->due ? 100.0 * m->confirmed / m->due : (double)NAN;
}

static const enum dash_text metric_heads[] = {
	DASH_DUE, DASH_CONFIRMED, DASH_DONE, DASH_OVERDUE_N, DASH_SHARE,
};
enum { NMETRIC = sizeof metric_heads / sizeof metric_heads[0] };

int dash_progress_view(struct req *rq, struct dash *d)
{
	struct dash_table *t = &d->t[DV_PROGRESS];
	struct school_progress *p;
	size_t n, rows = 0;
	double *share;

	if (db_school_progress(&rq->w->db, rq->arena, d->muni->id, view_today(), &p, &n) != DB_OK ||
	    dash_table_init(rq->arena, t, DV_PROGRESS, dash_text_v[DASH_PROGRESS], 3 + NMETRIC, n) != 0 ||
	    !(share = arena_alloc(rq->arena, (n + 1) * sizeof *share)))
		return 500;
	t->heads[0] = dash_text_v[DASH_SCHOOL];
	t->heads[1] = dash_text_v[DASH_ROADMAP];
	t->heads[2] = dash_text_v[DASH_ITEMS];
	for (size_t c = 0; c < NMETRIC; c++)
		t->heads[3 + c] = dash_text_v[metric_heads[c]];
	for (size_t i = 0, k = 0; i < n; i++) {   /* both ordered by school id */
		size_t from = k;

		while (k < d->nschools && strcmp(d->schools[k].slug, p[i].school_slug) != 0)
			k++;
		if (k == d->nschools) {   /* not in the user's scope */
			k = from;
			continue;
		}
		if (d->f.school && strcmp(d->f.school, p[i].school_slug) != 0)
			continue;
		*dash_cell(t, rows, 0) = (struct dash_cell){ p[i].school_name,
			arena_printf(rq->arena, "/%s/schools/%s/roadmap/", d->muni->slug, p[i].school_slug),
			NULL, NULL };
		dash_cell(t, rows, 1)->text = p[i].title;
		dash_cell(t, rows, 2)->text = arena_printf(rq->arena, "%d", p[i].items);
		share[rows] = metric_cells(rq->arena, t, rows, 3, &p[i].m);
		rows++;
	}
	t->nrows = rows;
	t->total = (int)rows;
	return dash_chart_add(rq->arena, t, 3 + NMETRIC - 1, share, 100) == 0 ? 0 : 500;
}

int dash_tasks_view(struct req *rq, struct dash *d)
{
	struct db *db = &rq->w->db;
	struct dash_table *t = &d->t[DV_TASKS];
	struct roadmap r;
	struct roadmap_task *tasks = NULL;
	size_t n = 0;
	double *share;
	int rc = db_roadmap_of_muni(db, rq->arena, d->muni->id, &r);

	if (rc == DB_ERR || (rc == DB_OK && db_roadmap_tasks(db, rq->arena, r.id, &tasks, &n) != DB_OK) ||
	    dash_table_init(rq->arena, t, DV_TASKS, dash_text_v[DASH_TASKS], 1 + NMETRIC, n) != 0 ||
	    !(share = arena_alloc(rq->arena, (n + 1) * sizeof *share)))
		return 500;
	t->heads[0] = dash_text_v[DASH_TASK];
	for (size_t c = 0; c < NMETRIC; c++)
		t->heads[1 + c] = dash_text_v[metric_heads[c]];
	for (size_t i = 0; i < n; i++) {
		struct key_metric m;

		if (db_metric_by_roadmap(db, r.id, tasks[i].id, view_today(), &m) != DB_OK)
			return 500;
		*dash_cell(t, i, 0) = (struct dash_cell){ tasks[i].title,
			arena_printf(rq->arena, "/%s/roadmap/?task=%d", d->muni->slug, tasks[i].seq), NULL, NULL };
		share[i] = metric_cells(rq->arena, t, i, 1, &m);
	}
	return dash_chart_add(rq->arena, t, NMETRIC, share, 100) == 0 ? 0 : 500;
}

int dash_overdue_view(struct req *rq, struct dash *d)
{
	static const enum dash_text heads[] = {
		DASH_SCHOOL, DASH_NUMBER, DASH_ITEM, DASH_DUE_ON, DASH_RESPONSIBLE,
	};
	struct dash_table *t = &d->t[DV_OVERDUE];
	enum { NCOLS = sizeof heads / sizeof heads[0] };

	if (dash_table_init(rq->arena, t, DV_OVERDUE, dash_text_v[DASH_OVERDUE], NCOLS, d->noverdue) != 0)
		return 500;
	for (size_t c = 0; c < NCOLS; c++)
		t->heads[c] = dash_text_v[heads[c]];
	t->total = d->sum.overdue;
	for (size_t i = 0; i < d->noverdue; i++) {
		const struct dash_overdue *o = &d->overdue[i];
		const char *who = o->responsible ? o->responsible : dash_text_v[DASH_NONE];

		dash_cell(t, i, 0)->text = o->school_label ? o->school_label : dash_text_v[DASH_MUNI_ROADMAP];
		dash_cell(t, i, 1)->text = o->number ? o->number : "";
		*dash_cell(t, i, 2) = (struct dash_cell){ o->measure,
			arena_printf(rq->arena, "/%s/roadmap/items/%lld/", d->muni->slug, (long long)o->item_id),
			NULL, NULL };
		dash_cell(t, i, 3)->text = view_day(rq->arena, o->due_on);
		dash_cell(t, i, 4)->text = o->assignees ? arena_printf(rq->arena, "%s (%s)", who, o->assignees) : who;
	}
	return 0;
}
