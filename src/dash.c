/*
 * dash.c: the dashboard's filters and data: reads and validates the GET
 * parameters, loads what the views need as the user may see it, and the table
 * and chart helpers the views share. No templates and no HTTP output.
 */
#include "dash.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "db_dash.h"
#include "db_ident.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "export.h"
#include "http.h"
#include "vocab.h"
#include "worker.h"

const char *const dash_view_code[DV__MAX] = {
	"summary", "matrix", "risks", "results", "trend", "progress", "tasks", "overdue", "indicators", "region",
};

enum dash_view dash_view_find(const char *code)
{
	for (size_t v = 0; v < DV__MAX; v++)
		if (code && strcmp(code, dash_view_code[v]) == 0)
			return (enum dash_view)v;
	return DV__MAX;
}

int dash_table_init(struct arena *a, struct dash_table *t, enum dash_view view, const char *caption,
		    size_t ncols, size_t nrows)
{
	memset(t, 0, sizeof *t);
	t->view = view;
	t->caption = caption;
	t->ncols = ncols;
	t->nrows = nrows;
	t->total = (int)nrows;
	t->heads = arena_alloc(a, (ncols ? ncols : 1) * sizeof *t->heads);
	t->cells = arena_alloc(a, (nrows * ncols + 1) * sizeof *t->cells);
	if (!t->heads || !t->cells)
		return -1;
	for (size_t i = 0; i < nrows * ncols; i++)
		t->cells[i] = (struct dash_cell){ "", NULL, NULL, NULL };
	return 0;
}

struct dash_cell *dash_cell(struct dash_table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

int dash_chart_add(struct arena *a, struct dash_table *t, size_t col, const double *value, double max)
{
	struct dash_chart *ch = arena_alloc(a, sizeof *ch);
	size_t n = t->nrows ? t->nrows : 1;

	if (!ch || !(ch->labels = arena_alloc(a, n * sizeof *ch->labels)) ||
	    !(ch->values = arena_alloc(a, n * sizeof *ch->values)) ||
	    !(ch->bars = arena_alloc(a, n * sizeof *ch->bars)))
		return -1;
	ch->n = t->nrows;
	ch->col = col;
	for (size_t r = 0; r < t->nrows; r++) {
		ch->labels[r] = dash_cell(t, r, 0)->text;
		ch->values[r] = dash_cell(t, r, col)->text;
	}
	ch->height = chart_bars(value, t->nrows, max, ch->bars);
	t->chart = ch;
	return 0;
}

int dash_export_table(struct arena *a, const struct dash_table *t, struct export_table *out)
{
	const char **cells = export_cells(a, t->nrows, t->ncols);

	if (!cells)
		return -1;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		cells[i] = t->cells[i].text;
	*out = (struct export_table){ t->caption, t->ncols, t->heads, NULL, t->nrows, cells, NULL };
	return 0;
}

size_t dash_set_row(const struct dash *d, int64_t id)
{
	size_t lo = 0, hi = d->nset;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->set[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nset && d->set[lo]->id == id ? lo : d->nset;
}

/* A whole number in [lo, hi] written with digits only. */
static bool parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	long x;

	if (!v || !*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 4)
		return false;
	x = strtol(v, &end, 10);
	if (x < lo || x > hi)
		return false;
	*out = (int)x;
	return true;
}

/* The value of filter `p` in the query ("" counts as absent). */
static const char *param(struct req *rq, enum dash_param p)
{
	const char *v = http_param(rq, dash_param_v[p].code);

	return v && *v ? v : NULL;
}

/* The programme year, programme and school filters. */
static bool read_place(struct req *rq, struct dash *d, bool filters)
{
	const char *v;

	d->f.year = d->nms ? d->ms[0].year : d->muni->year_to;
	if (!filters)
		return true;
	if ((v = param(rq, DP_YEAR)) && !parse_int(v, 2000, 2100, &d->f.year))
		return d->bad_param = DP_YEAR, false;
	if ((v = param(rq, DP_PROGRAMME)) && VOCAB_FIND(programme_v, v) == PROG__MAX)
		return d->bad_param = DP_PROGRAMME, false;
	d->f.programme = v;
	if ((v = param(rq, DP_SCHOOL))) {
		size_t i = 0;

		while (i < d->nschools && strcmp(d->schools[i].slug, v) != 0)
			i++;
		if (i == d->nschools)
			return d->bad_param = DP_SCHOOL, false;
		d->f.school = d->schools[i].slug;
		d->f.school_id = d->schools[i].id;
	}
	return true;
}

/* The procedure, subject, grade, results year and metric; defaults from what
 * the municipality has results for. */
static bool read_results(struct req *rq, struct dash *d, bool filters)
{
	const char *proc = filters ? param(rq, DP_PROCEDURE) : NULL;
	const char *subj = filters ? param(rq, DP_SUBJECT) : NULL;
	const char *grade = filters ? param(rq, DP_GRADE) : NULL;
	const char *year = filters ? param(rq, DP_RESULT_YEAR) : NULL;
	const char *metric = filters ? param(rq, DP_METRIC) : NULL;
	const struct dash_subject *best = NULL;
	int g = 0;

	if (proc && VOCAB_FIND(procedure_v, proc) == PROC__MAX)
		return d->bad_param = DP_PROCEDURE, false;
	if (grade && !parse_int(grade, 1, 11, &g))
		return d->bad_param = DP_GRADE, false;
	if (year && !parse_int(year, 2000, 2100, &d->f.result_year))
		return d->bad_param = DP_RESULT_YEAR, false;
	if (metric && VOCAB_FIND(metric_v, metric) == MET__MAX)
		return d->bad_param = DP_METRIC, false;
	if (subj) {
		size_t i = 0;

		while (i < d->nsubjects && strcmp(d->subjects[i].subject, subj) != 0)
			i++;
		if (i == d->nsubjects)
			return d->bad_param = DP_SUBJECT, false;
		subj = d->subjects[i].subject;
	}
	/* the first procedure in vocabulary order that fits, then subject, then grade */
	for (size_t p = 0; p < PROC__MAX && !best; p++)
		for (size_t i = 0; i < d->nsubjects && !best; i++) {
			const struct dash_subject *s = &d->subjects[i];

			if (strcmp(s->procedure, proc ? proc : procedure_v[p].code) == 0 &&
			    (!subj || strcmp(s->subject, subj) == 0) && (!grade || s->grade == g))
				best = s;
		}
	d->f.procedure = proc ? proc : best ? best->procedure : procedure_v[PROC_OGE].code;
	d->f.subject = subj ? subj : best ? best->subject : NULL;
	d->f.grade = grade ? g : best ? best->grade : 0;
	if (!year)
		d->f.result_year = best ? best->year : 0;
	d->f.metric = metric;
	return true;
}

/* The schools in the programme of the year (and the programme and school
 * filters), in the order of d->schools, with their programmes that year. */
static int select_set(struct arena *a, struct dash *d)
{
	unsigned *in = arena_alloc(a, (d->nschools + 1) * sizeof *in);
	size_t lo, hi;

	if (!in || !(d->set = arena_alloc(a, (d->nschools + 1) * sizeof *d->set)) ||
	    !(d->progs = arena_alloc(a, (d->nschools + 1) * sizeof *d->progs)))
		return -1;
	memset(in, 0, (d->nschools + 1) * sizeof *in);
	for (size_t k = 0; k < d->nms; k++) {   /* d->schools is ordered by id */
		const struct membership *m = &d->ms[k];
		size_t p = VOCAB_FIND(programme_v, m->programme);

		if (m->year != d->f.year || p == PROG__MAX)
			continue;
		for (lo = 0, hi = d->nschools; lo < hi;) {
			size_t mid = lo + (hi - lo) / 2;

			if (d->schools[mid].id < m->school_id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < d->nschools && d->schools[lo].id == m->school_id)
			in[lo] |= 1u << p;
	}
	d->nset = 0;
	for (size_t i = 0; i < d->nschools; i++) {
		if (!in[i] || (d->f.school && strcmp(d->f.school, d->schools[i].slug) != 0) ||
		    (d->f.programme && !(in[i] & 1u << VOCAB_FIND(programme_v, d->f.programme))))
			continue;
		d->progs[d->nset] = in[i];
		d->set[d->nset++] = &d->schools[i];
	}
	return 0;
}

int dash_load(struct req *rq, const struct municipality *m, bool filters, struct dash *d)
{
	struct db *db = &rq->w->db;

	memset(d, 0, sizeof *d);
	d->muni = m;
	d->bad_param = DP__MAX;
	if (rq->user && strcmp(rq->user->role, role_v[ROLE_CURATOR].code) == 0)
		d->curator_id = rq->user->id;
	if (db_dash_schools(db, rq->arena, m->id, d->curator_id, &d->schools, &d->nschools) != DB_OK ||
	    db_membership_by_muni(db, rq->arena, m->id, &d->ms, &d->nms) != DB_OK ||
	    db_dash_subjects(db, rq->arena, m->id, &d->subjects, &d->nsubjects) != DB_OK ||
	    db_dash_documents(db, rq->arena, m->id, &d->docs, &d->ndocs) != DB_OK ||
	    db_ident_min_group(db, m->id, &d->min_group) != DB_OK)
		return 500;
	if (!read_place(rq, d, filters) || !read_results(rq, d, filters))
		return 400;
	if (d->f.subject && db_dash_results(db, rq->arena, m->id, d->f.procedure, d->f.subject, d->f.grade,
					    &d->res, &d->nres) != DB_OK)
		return 500;
	for (size_t k = 0; k < MET__MAX && !d->f.metric; k++)
		for (size_t i = 0; i < d->nres && !d->f.metric; i++)
			if (strcmp(d->res[i].metric, metric_v[k].code) == 0)
				d->f.metric = metric_v[k].code;
	if (select_set(rq->arena, d) != 0 || dash_summary_view(rq, d) != 0)
		return 500;
	return 0;
}

int dash_build(struct req *rq, struct dash *d)
{
	int (*const views[])(struct req *, struct dash *) = {
		dash_matrix_view, dash_risks_view, dash_results_view, dash_trend_view,
		dash_progress_view, dash_tasks_view, dash_overdue_view, dash_indicators_view,
	};

	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
		if (views[i](rq, d) != 0)
			return 500;
	return 0;
}
