/*
 * page_roadmap.c: /<municipality>/roadmap/: the municipal roadmap grouped by
 * task, a summary row first, filters by status and responsible party (GET).
 */
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "db_municipality.h"
#include "db_roadmap.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
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

static void fill_filters(struct arena *a, struct tpl_dict *body, const char *status,
			 const char *responsible, const struct actor_count *actors, size_t nactors)
{
	const char *want = responsible ? actors_fold(a, responsible) : NULL;

	for (size_t s = 0; s < ITEM__MAX; s++) {
		struct tpl_dict *d = tpl_section_add(body, "STATUS_OPTION");

		tpl_set_str(d, "CODE", item_status_v[s].code);
		tpl_set_str(d, "LABEL", item_status_v[s].label);
		if (status && strcmp(status, item_status_v[s].code) == 0)
			tpl_show(d, "SELECTED");
	}
	for (size_t i = 0; i < nactors; i++) {
		struct tpl_dict *d = tpl_section_add(body, "ACTOR_OPTION");

		tpl_set_str(d, "NAME", actors[i].name);
		tpl_set_int(d, "COUNT", actors[i].count);
		if (want && strcmp(want, actors[i].key) == 0)
			tpl_show(d, "SELECTED");
	}
	if (status || responsible)
		tpl_show(body, "FILTERED");
}

/* Summary counts of the shown items, then the items grouped by task. */
static void fill_items(struct req *rq, struct tpl_dict *body, const struct roadmap_task *tasks,
		       size_t ntasks, const struct roadmap_item *items, size_t nitems,
		       const char *responsible)
{
	int count[ITEM__MAX] = { 0 }, shown = 0;
	struct tpl_dict *task = NULL;
	int64_t task_id = -1;

	for (size_t i = 0; i < nitems; i++) {
		const struct roadmap_item *it = &items[i];
		size_t st = VOCAB_FIND(item_status_v, it->status);

		if (responsible && !actors_contains(rq->arena, it->responsible, responsible))
			continue;
		if (it->task_id != task_id) {
			task_id = it->task_id;
			task = tpl_section_add(body, "TASK");
			for (size_t t = 0; t < ntasks; t++)
				if (tasks[t].id == task_id)
					tpl_set_str(task, "TITLE", tasks[t].title);
		}
		struct tpl_dict *d = tpl_section_add(task, "ITEM");

		tpl_set_str(d, "NUMBER", it->number);
		tpl_set_str(d, "MEASURE", it->measure);
		tpl_set_str(d, "RESULT", it->planned_result ? it->planned_result : "—");
		tpl_set_str(d, "DEADLINE", it->deadline_text ? it->deadline_text : "—");
		tpl_set_str(d, "RESPONSIBLE", it->responsible ? it->responsible : "—");
		tpl_set_str(d, "STATUS", it->status);
		tpl_set_str(d, "STATUS_LABEL", VOCAB_LABEL(item_status_v, it->status));
		if (st < ITEM__MAX)
			count[st]++;
		shown++;
	}
	struct roadmap summary = {
		.n_items = shown, .n_in_progress = count[ITEM_IN_PROGRESS],
		.n_done = count[ITEM_DONE], .n_confirmed = count[ITEM_CONFIRMED],
	};

	tpl_set_int(body, "N_SHOWN", shown);
	tpl_set_int(body, "N_PLANNED", count[ITEM_PLANNED]);
	page_key_metric(rq, body, &summary);
	if (shown == 0)
		tpl_show(body, "NOTHING_FOUND");
}

int roadmap_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	const char *status = http_param(rq, "status"), *responsible = http_param(rq, "responsible");
	const struct municipality m = *rq->muni;
	struct roadmap r;
	struct roadmap_task *tasks;
	struct roadmap_item *all, *items;
	struct actor_count actors[ACTORS_MAX];
	size_t ntasks, nall, nitems, nactors;
	struct page p;
	int rc;

	if (status && *status == '\0')
		status = NULL;
	if (responsible && *responsible == '\0')
		responsible = NULL;
	if (status && VOCAB_FIND(item_status_v, status) == ITEM__MAX)
		return 400;
	rc = db_roadmap_of_muni(db, rq->arena, m.id, &r);
	if (rc == DB_NOTFOUND)
		return 404;
	if (rc != DB_OK ||
	    db_roadmap_tasks(db, rq->arena, r.id, &tasks, &ntasks) != DB_OK ||
	    db_roadmap_items(db, rq->arena, r.id, NULL, &all, &nall) != DB_OK ||
	    db_roadmap_items(db, rq->arena, r.id, status, &items, &nitems) != DB_OK ||
	    render_start(rq, &p, "roadmap.tpl",
			 arena_printf(rq->arena, "%s — %s", msg_v[MSG_ROADMAP], m.name)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", m.slug), m.name);
	tpl_set_str(p.body, "MUNI_SLUG", m.slug);
	tpl_set_str(p.body, "MUNI_NAME", m.name);
	tpl_set_str(p.body, "TITLE", r.title);
	tpl_set_str(p.body, "PERIOD", r.period_text);
	tpl_section_str(p.body, "APPROVED", "TEXT", r.approved_by);
	tpl_set_int(p.body, "N_TOTAL", r.n_items);
	nactors = collect_actors(rq->arena, all, nall, actors);
	fill_filters(rq->arena, p.body, status, responsible, actors, nactors);
	fill_items(rq, p.body, tasks, ntasks, items, nitems, responsible);
	return render_finish(rq, rs, &p);
}
