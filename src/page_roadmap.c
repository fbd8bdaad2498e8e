/*
 * page_roadmap.c: /<municipality>/roadmap/: the municipal roadmap grouped by
 * task, a summary row first, filters by status and responsible party (GET).
 */
#include <stdio.h>
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "db_municipality.h"
#include "db_occurrence.h"
#include "db_roadmap.h"
#include "db_school.h"
#include "deadline.h"
#include "export.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { ACTORS_MAX = 64, PARTS_MAX = 32 };

struct actor_count {
	const char *name, *key;   /* first spelling seen; actors_fold() of it */
	int count;
};

/* Distinct parties over all items (spellings that differ only in case are one),
 * most frequent first, for the filter's <select>. */
static size_t collect_actors(struct arena *a, const struct roadmap_item *items, size_t n,
			     struct actor_count *out)
{
	size_t nout = 0;

	for (size_t i = 0; i < n; i++) {
		const char *parts[PARTS_MAX];
		size_t np = actors_split(a, items[i].responsible, parts, PARTS_MAX);

		for (size_t k = 0; k < np; k++) {
			const char *key = actors_fold(a, parts[k]);
			size_t j = 0;

			while (key && j < nout && strcmp(out[j].key, key) != 0)
				j++;
			if (key && j == nout && nout < ACTORS_MAX)
				out[nout++] = (struct actor_count){ parts[k], key, 0 };
			if (j < nout)
				out[j].count++;
		}
	}
	for (size_t i = 1; i < nout; i++)   /* insertion sort: stable, n is small */
		for (size_t j = i; j > 0 && out[j].count > out[j - 1].count; j--) {
			struct actor_count t = out[j];

			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return nout;
}

static const char *export_query(struct req *rq);

/* The roadmap page's own path: the municipality's, or a school's. */
static const char *roadmap_base(struct req *rq)
{
	return rq->school ? arena_printf(rq->arena, "/%s/schools/%s/roadmap/", rq->muni->slug, rq->school->slug)
			  : arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug);
}

/* The page's GET filters, validated: a bad value is a 400, never a guess. */
struct filters {
	const char *status, *responsible, *month;   /* NULL: not filtered */
	int task;                                   /* task seq, 0: all */
	bool overdue;
	struct item_filter items;
};

static const char *param_or_null(struct req *rq, const char *name)
{
	const char *v = http_param(rq, name);

	return v && *v ? v : NULL;
}

static int filters_read(struct req *rq, struct filters *f)
{
	const char *task = param_or_null(rq, "task"), *overdue = param_or_null(rq, "overdue");
	int y, m;
	char tail;

	memset(f, 0, sizeof *f);
	f->items.today = view_today();
	f->status = param_or_null(rq, "status");
	f->responsible = param_or_null(rq, "responsible");
	f->month = param_or_null(rq, "month");
	if (f->status && VOCAB_FIND(item_status_v, f->status) == ITEM__MAX)
		return 400;
	if (task && (sscanf(task, "%d%c", &f->task, &tail) != 1 || f->task < 1 || f->task > 999))
		return 400;
	if (overdue && strcmp(overdue, "1") != 0)
		return 400;
	f->overdue = overdue != NULL;
	if (f->month) {
		if (strlen(f->month) != 7 || sscanf(f->month, "%4d-%2d%c", &y, &m, &tail) != 2 ||
		    y < 1990 || y > 2100 || m < 1 || m > 12)
			return 400;
		f->items.due_from = deadline_days(y, m, 1);
		f->items.due_to = (m == 12 ? deadline_days(y + 1, 1, 1) : deadline_days(y, m + 1, 1)) - 1;
	}
	return 0;
}

static void fill_filters(struct arena *a, struct tpl_dict *body, const struct filters *f,
			 const struct roadmap_task *tasks, size_t ntasks,
			 const struct actor_count *actors, size_t nactors)
{
	const char *want = f->responsible ? actors_fold(a, f->responsible) : NULL;

	for (size_t s = 0; s < ITEM__MAX; s++) {
		struct tpl_dict *d = tpl_section_add(body, "STATUS_OPTION");

		tpl_set_str(d, "CODE", item_status_v[s].code);
		tpl_set_str(d, "LABEL", item_status_v[s].label);
		if (f->status && strcmp(f->status, item_status_v[s].code) == 0)
			tpl_show(d, "SELECTED");
	}
	for (size_t t = 0; t < ntasks; t++) {
		struct tpl_dict *d = tpl_section_add(body, "TASK_OPTION");

		tpl_set_int(d, "SEQ", tasks[t].seq);
		tpl_set_str(d, "TITLE", tasks[t].title);
		if (tasks[t].seq == f->task)
			tpl_show(d, "SELECTED");
	}
	for (size_t i = 0; i < nactors; i++) {
		struct tpl_dict *d = tpl_section_add(body, "ACTOR_OPTION");

		tpl_set_str(d, "NAME", actors[i].name);
		tpl_set_int(d, "COUNT", actors[i].count);
		if (want && strcmp(want, actors[i].key) == 0)
			tpl_show(d, "SELECTED");
	}
	tpl_set_str(body, "MONTH", f->month);
	if (f->overdue)
		tpl_show(body, "OVERDUE_CHECKED");
	if (f->status || f->responsible || f->month || f->task || f->overdue)
		tpl_show(body, "FILTERED");
}

static bool item_shown(struct req *rq, const struct filters *f, const struct roadmap_task *task,
		       const struct roadmap_item *it)
{
	if (f->task && (!task || task->seq != f->task))
		return false;
	if (f->status && strcmp(f->status, it->status) != 0)
		return false;
	if (f->overdue && it->n_overdue == 0)
		return false;
	return !f->responsible || actors_contains(rq->arena, it->responsible, f->responsible);
}

/* Everything one view of the roadmap shows: the filters, the roadmap, its
 * tasks, all its items (for the filter choices) and the items shown, each with
 * its task. The page and its exports read the same view. */
struct roadmap_view {
	struct filters f;
	struct roadmap r;
	struct roadmap_task *tasks;
	struct roadmap_item *all;
	size_t ntasks, nall;
	const struct roadmap_item **shown;
	const struct roadmap_task **shown_task;
	size_t nshown;
	struct key_metric metric;   /* the key metric of the items shown */
};

/* Returns 0, 400 (bad filter), 404 (no roadmap) or 500. */
static int roadmap_load(struct req *rq, struct roadmap_view *v)
{
	struct db *db = &rq->w->db;
	struct item_filter everything;
	struct roadmap_item *items;
	size_t nitems;
	int rc;

	memset(v, 0, sizeof *v);
	if ((rc = filters_read(rq, &v->f)) != 0)
		return rc;
	everything = (struct item_filter){ v->f.items.today, 0, 0 };
	rc = rq->school ? db_roadmap_of_school(db, rq->arena, rq->school->id, &v->r)
			: db_roadmap_of_muni(db, rq->arena, rq->muni->id, &v->r);
	if (rc == DB_NOTFOUND)
		return 404;
	if (rc != DB_OK ||
	    db_roadmap_tasks(db, rq->arena, v->r.id, &v->tasks, &v->ntasks) != DB_OK ||
	    db_roadmap_items(db, rq->arena, v->r.id, &everything, &v->all, &v->nall) != DB_OK ||
	    db_roadmap_items(db, rq->arena, v->r.id, &v->f.items, &items, &nitems) != DB_OK)
		return 500;
	v->shown = arena_alloc(rq->arena, (nitems + 1) * sizeof *v->shown);
	v->shown_task = arena_alloc(rq->arena, (nitems + 1) * sizeof *v->shown_task);
	if (!v->shown || !v->shown_task)
		return 500;
	for (size_t i = 0; i < nitems; i++) {
		const struct roadmap_task *task = NULL;

		for (size_t t = 0; t < v->ntasks; t++)
			if (v->tasks[t].id == items[i].task_id)
				task = &v->tasks[t];
		if (!item_shown(rq, &v->f, task, &items[i]))
			continue;
		v->shown[v->nshown] = &items[i];
		v->shown_task[v->nshown++] = task;
		v->metric.due += items[i].n_due;
		v->metric.confirmed += items[i].n_confirmed;
		v->metric.done += items[i].n_done;
		v->metric.overdue += items[i].n_overdue;
		v->metric.total += items[i].n_occ;
	}
	return 0;
}

/* Summary counts of the shown items by status, then the items grouped by task. */
static void fill_items(struct req *rq, struct tpl_dict *body, const struct roadmap_view *v)
{
	int count[ITEM__MAX] = { 0 };
	struct tpl_dict *group = NULL;
	int64_t task_id = -1;

	for (size_t i = 0; i < v->nshown; i++) {
		const struct roadmap_item *it = v->shown[i];
		size_t st = VOCAB_FIND(item_status_v, it->status);

		if (it->task_id != task_id) {
			task_id = it->task_id;
			group = tpl_section_add(body, "TASK");
			tpl_set_str(group, "TITLE", v->shown_task[i] ? v->shown_task[i]->title : "");
		}
		struct tpl_dict *d = tpl_section_add(group, "ITEM");

		tpl_set_int(d, "ID", it->id);
		tpl_set_str(d, "NUMBER", it->number);
		tpl_set_str(d, "MEASURE", it->measure);
		tpl_set_str(d, "RESULT", it->planned_result ? it->planned_result : "—");
		tpl_set_str(d, "DEADLINE", it->deadline_text ? it->deadline_text : "—");
		tpl_set_str(d, "NEXT_DUE", it->next_due ? view_day(rq->arena, it->next_due) : "—");
		tpl_set_str(d, "RESPONSIBLE", it->responsible ? it->responsible : "—");
		tpl_set_str(d, "STATUS", it->status);
		tpl_set_str(d, "STATUS_LABEL", VOCAB_LABEL(item_status_v, it->status));
		if (st < ITEM__MAX)
			count[st]++;
	}
	tpl_set_int(body, "N_SHOWN", (long long)v->nshown);
	for (size_t s = 0; s < ITEM__MAX; s++) {
		struct tpl_dict *d = tpl_section_add(body, "COUNT");

		tpl_set_str(d, "LABEL", item_status_v[s].label);
		tpl_set_int(d, "N", count[s]);
	}
	if (v->nshown == 0)
		tpl_show(body, "NOTHING_FOUND");
}

int roadmap_page(struct req *rq, struct resp *rs)
{
	const struct municipality *m = rq->muni;
	struct roadmap_view v;
	struct actor_count actors[ACTORS_MAX];
	size_t nactors;
	struct page p;
	int rc;

	if ((rc = roadmap_load(rq, &v)) != 0)
		return rc;
	if (render_start(rq, &p, "roadmap.tpl",
			 arena_printf(rq->arena, "%s — %s", msg_v[MSG_ROADMAP], m->name)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", m->slug), m->name);
	tpl_set_str(p.body, "MUNI_SLUG", m->slug);
	tpl_set_str(p.body, "MUNI_NAME", m->name);
	tpl_set_str(p.body, "BASE", roadmap_base(rq));
	if (rq->school) {
		render_crumb(&p, arena_printf(rq->arena, "/%s/schools/%s/", m->slug, rq->school->slug),
			     rq->school->short_name);
		tpl_section_str(p.body, "SCHOOL", "NAME", rq->school->short_name);
	}
	tpl_set_str(p.body, "TITLE", v.r.title);
	tpl_set_str(p.body, "PERIOD", v.r.period_text);
	tpl_section_str(p.body, "APPROVED", "TEXT", v.r.approved_by);
	tpl_set_int(p.body, "N_TOTAL", v.r.n_items);
	tpl_set_str(p.body, "QUERY", export_query(rq));
	if (roadmap_editor(rq))
		tpl_set_int(tpl_section_add(p.body, "CAN_EDIT"), "ROADMAP", v.r.id);
	nactors = collect_actors(rq->arena, v.all, v.nall, actors);
	fill_filters(rq->arena, p.body, &v.f, v.tasks, v.ntasks, actors, nactors);
	fill_items(rq, p.body, &v);
	page_metric_fill(rq, p.body, &v.metric);   /* of exactly the items shown */
	return render_finish(rq, rs, &p);
}

/* The current filters as a query string for the export links ("" or "?a=b&…"). */
static const char *export_query(struct req *rq)
{
	static const char *const names[] = { "task", "status", "responsible", "month", "overdue" };
	struct buf b;

	buf_init(&b, rq->arena, HTTP_QUERY_MAX);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = http_param(rq, names[i]);

		if (v && *v)
			buf_printf(&b, "%c%s=%s", b.len ? '&' : '?', names[i], view_url_arg(rq->arena, v));
	}
	return b.len && !b.err ? b.data : "";
}

/* The shown rows as a table: the same columns as the page, plus the task. */
static int roadmap_table(struct req *rq, const struct roadmap_view *v, struct export_table *t)
{
	static const char *const heads[] = { "№", "Задача", "Мероприятие", "Планируемый результат",
					     "Срок", "Ближайший срок", "Ответственный", "Статус" };
	static const double widths[] = { 6, 30, 50, 40, 20, 14, 30, 16 };
	enum { NCOLS = sizeof heads / sizeof heads[0] };
	const char **cells = export_cells(rq->arena, v->nshown, NCOLS);
	const char **status = arena_alloc(rq->arena, (v->nshown + 1) * sizeof *status);

	if (!cells || !status)
		return 500;
	for (size_t i = 0; i < v->nshown; i++) {
		const struct roadmap_item *it = v->shown[i];
		const char **row = cells + i * NCOLS;

		row[0] = it->number;
		row[1] = v->shown_task[i] ? v->shown_task[i]->title : NULL;
		row[2] = it->measure;
		row[3] = it->planned_result;
		row[4] = it->deadline_text;
		row[5] = it->next_due ? view_day(rq->arena, it->next_due) : NULL;
		row[6] = it->responsible;
		row[7] = VOCAB_LABEL(item_status_v, it->status);
		status[i] = it->status;
	}
	*t = (struct export_table){ arena_printf(rq->arena, "%s %s", msg_v[MSG_ROADMAP], rq->muni->name),
				    NCOLS, heads, widths, v->nshown, cells, status };
	return 0;
}

static int roadmap_export(struct req *rq, struct resp *rs, enum export_format format)
{
	struct roadmap_view v;
	struct export_table t;
	const char *name;
	int rc;

	if ((rc = roadmap_load(rq, &v)) != 0 || (rc = roadmap_table(rq, &v, &t)) != 0)
		return rc;
	name = arena_printf(rq->arena, "roadmap-%s%s%s", rq->muni->slug, rq->school ? "-" : "",
			    rq->school ? rq->school->slug : "");
	return page_export(rq, rs, &t, format, name);
}

int roadmap_csv_page(struct req *rq, struct resp *rs)
{
	return roadmap_export(rq, rs, EXPORT_CSV);
}

int roadmap_xlsx_page(struct req *rq, struct resp *rs)
{
	return roadmap_export(rq, rs, EXPORT_XLSX);
}
