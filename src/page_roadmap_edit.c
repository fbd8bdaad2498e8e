/*
 * page_roadmap_edit.c: editing a municipality's roadmap: the item form (new and
 * edit) and its POSTs (add, change: a changed deadline reschedules the item),
 * moving an item up or down within its task, removing it (removed_at, never a
 * DELETE) and restoring it, and the page of a removed item. Only the
 * municipality's coordinators and the region's admin edit; every change is
 * one transaction with its audit lines. No SQL here (db_roadmap_edit.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db_audit.h"
#include "db_municipality.h"
#include "db_roadmap.h"
#include "db_roadmap_edit.h"
#include "db_user.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "schedule.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum item_field { IF_TASK, IF_TASK_TITLE, IF_NUMBER, IF_MEASURE, IF_RESULT, IF_DEADLINE,
		  IF_RESPONSIBLE, IF__MAX };

static const struct field item_fields[IF__MAX] = {
	{ "task",        V_TEXT, 1, 8,    NULL, 0, true },    /* IF_TASK: a task's seq, or "new" */
	{ "task_title",  V_TEXT, 1, 500,  NULL, 0, false },   /* IF_TASK_TITLE: for "new" */
	{ "number",      V_TEXT, 1, 20,   NULL, 0, true },    /* IF_NUMBER */
	{ "measure",     V_TEXT, 1, 2000, NULL, 0, true },    /* IF_MEASURE */
	{ "result",      V_TEXT, 0, 2000, NULL, 0, false },   /* IF_RESULT */
	{ "deadline",    V_TEXT, 0, 300,  NULL, 0, false },   /* IF_DEADLINE */
	{ "responsible", V_TEXT, 0, 500,  NULL, 0, false },   /* IF_RESPONSIBLE */
};

/* The template section of each field's message, indexed by enum item_field. */
static const char *const err_section[IF__MAX] = {
	"TASK_ERR", "TASK_TITLE_ERR", "NUMBER_ERR", "MEASURE_ERR", "RESULT_ERR", "DEADLINE_ERR",
	"RESPONSIBLE_ERR",
};

enum move_field { MF_DIRECTION, MF__MAX };

static const struct field move_fields[MF__MAX] = {
	{ "direction", V_TEXT, 2, 4, NULL, 0, true },   /* MF_DIRECTION: up or down */
};

static const char NEW_TASK[] = "new";

static bool has_role(const struct req *rq, enum role r)
{
	return rq->user && strcmp(rq->user->role, role_v[r].code) == 0;
}

int roadmap_editor(const struct req *rq)
{
	if (!rq->user || !rq->muni || !rq->csrf)
		return false;
	return has_role(rq, ROLE_ADMIN) ||
	       (has_role(rq, ROLE_COORDINATOR) && rq->user->municipality_id == rq->muni->id);
}

/* NULL for an empty value: the database keeps "not given" as NULL. */
static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "—";
}

static const char *item_url(struct req *rq, int64_t id, const char *tail)
{
	return arena_printf(rq->arena, "/%s/roadmap/items/%lld/%s", rq->muni->slug, (long long)id, tail);
}

/* The item named by args[1], removed or not, if it is on a roadmap of the URL's
 * municipality. Returns 0, 404 or 500. */
static int record_load(struct req *rq, struct item_record *it)
{
	char *end;
	long long id = strtoll(rq->args[1], &end, 10);
	int rc;

	if (*end || id <= 0)
		return 404;
	rc = db_item_record_get(&rq->w->db, rq->arena, id, it);
	if (rc == DB_ERR)
		return 500;
	return rc == DB_OK && it->municipality_id == rq->muni->id ? 0 : 404;
}

/* The same for an item still on the roadmap: a removed one is only restored. */
static int live_load(struct req *rq, struct item_record *it)
{
	int rc = record_load(rq, it);

	return rc == 0 && it->removed_at ? 404 : rc;
}

/* The history table: the item's own events and those of its occurrences. */
static int fill_history(struct req *rq, struct tpl_dict *body, int64_t item_id)
{
	struct audit_row *events;
	size_t n;

	if (db_audit_by_item(&rq->w->db, rq->arena, item_id, &events, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++)
		page_audit_row(rq, tpl_section_add(body, "EVENT"), &events[i]);
	if (n)
		tpl_show(body, "HAS_EVENTS");
	return 0;
}

/* What the form shows: an item's values, or what was posted with its messages. */
struct form_view {
	const struct item_record *it;     /* NULL: a new item */
	const struct form *f;             /* NULL: a fresh form */
	const struct roadmap *r;          /* a new item's roadmap */
	bool number_taken;
	const struct roadmap_task *tasks;
	size_t ntasks;
};

static int form_render(struct req *rq, struct resp *rs, int status, const struct form_view *v)
{
	const struct item_record *it = v->it;
	const struct form *f = v->f;
	const char *task = f ? f->val[IF_TASK] : it ? arena_printf(rq->arena, "%d", it->task_seq) : "";
	struct page p;
	struct tpl_dict *d;

	if (render_start(rq, &p, "item_form.tpl",
			 it ? arena_printf(rq->arena, "%s %s", msg_v[MSG_ROADMAP], it->number)
			    : arena_printf(rq->arena, "%s — %s", msg_v[MSG_ROADMAP], rq->muni->name)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	if (it)
		render_crumb(&p, arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug), msg_v[MSG_ROADMAP]);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	tpl_set_str(p.body, "CSRF", rq->csrf);
	d = tpl_section_add(p.body, "FORM");
	if (it) {
		tpl_show(d, "IS_EDIT");
		tpl_set_int(d, "ITEM", it->id);
		tpl_set_str(d, "OLD_NUMBER", it->number);
	} else {
		struct tpl_dict *n = tpl_section_add(d, "IS_NEW");

		tpl_set_int(n, "ROADMAP", v->r->id);
		tpl_set_str(n, "BACK", v->r->school_slug
			    ? arena_printf(rq->arena, "schools/%s/roadmap/", v->r->school_slug) : "roadmap/");
	}
	for (size_t i = 0; i < v->ntasks; i++) {
		struct tpl_dict *o = tpl_section_add(d, "TASK_OPTION");
		const char *seq = arena_printf(rq->arena, "%d", v->tasks[i].seq);

		tpl_set_str(o, "SEQ", seq);
		tpl_set_str(o, "TITLE", v->tasks[i].title);
		if (seq && strcmp(seq, task) == 0)
			tpl_show(o, "SELECTED");
	}
	if (strcmp(task, NEW_TASK) == 0)
		tpl_show(d, "NEW_TASK");
	tpl_set_str(d, "TASK_TITLE", f ? f->val[IF_TASK_TITLE] : "");
	tpl_set_str(d, "NUMBER", f ? f->val[IF_NUMBER] : it ? it->number : "");
	tpl_set_str(d, "MEASURE", f ? f->val[IF_MEASURE] : it ? it->measure : "");
	tpl_set_str(d, "RESULT", f ? f->val[IF_RESULT] : it ? it->planned_result : "");
	tpl_set_str(d, "DEADLINE", f ? f->val[IF_DEADLINE] : it ? it->deadline_text : "");
	tpl_set_str(d, "RESPONSIBLE", f ? f->val[IF_RESPONSIBLE] : it ? it->responsible : "");
	for (size_t i = 0; f && i < IF__MAX; i++)
		if (f->err[i] != MSG__MAX)
			tpl_section_str(d, err_section[i], "MSG", msg_v[f->err[i]]);
	if (v->number_taken)
		tpl_show(tpl_section_add(d, "NUMBER_ERR"), "TAKEN");
	if (f && (!f->ok || v->number_taken))
		tpl_show(d, "HAS_ERRORS");
	if (it && fill_history(rq, p.body, it->id) != 0)
		return 500;
	return render_finish(rq, rs, &p) == 200 ? status : 500;
}

/* Checks the posted item against the field table and the roadmap's tasks. Sets
 * *task_id to the chosen task's id, or 0 for a new task (its title is then given). */
static bool form_read_item(struct req *rq, const struct roadmap_task *tasks, size_t ntasks,
			   struct form *f, int64_t *task_id)
{
	int seq;
	char tail;

	*task_id = 0;
	form_check(rq, item_fields, IF__MAX, f);
	if (f->err[IF_TASK] != MSG__MAX)
		return false;
	if (strcmp(f->val[IF_TASK], NEW_TASK) == 0) {
		if (*f->val[IF_TASK_TITLE] == '\0')
			f->err[IF_TASK_TITLE] = MSG_REQUIRED;
	} else {
		if (sscanf(f->val[IF_TASK], "%d%c", &seq, &tail) == 1)
			for (size_t i = 0; i < ntasks && !*task_id; i++)
				if (tasks[i].seq == seq)
					*task_id = tasks[i].id;
		if (!*task_id)
			f->err[IF_TASK] = MSG_CHOICE;
		f->err[IF_TASK_TITLE] = MSG__MAX;   /* the title of a task not asked for */
	}
	f->ok = true;
	for (size_t i = 0; i < IF__MAX; i++)
		f->ok = f->ok && f->err[i] == MSG__MAX;
	return f->ok;
}

static struct item_fields fields_of(const struct form *f, int64_t task_id)
{
	return (struct item_fields){ task_id, f->val[IF_NUMBER], f->val[IF_MEASURE],
				     or_null(f->val[IF_RESULT]), or_null(f->val[IF_DEADLINE]),
				     or_null(f->val[IF_RESPONSIBLE]) };
}

/* One audit line about item `item_id`. */
static int audit(struct req *rq, const char *action, int64_t item_id, const char *detail)
{
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = action,
				 .detail = detail, .item_id = item_id };

	return db_audit_add(&rq->w->db, &e);
}

/* Creates the form's new task when one was asked for; else keeps *task_id. */
static int task_ensure(struct req *rq, int64_t roadmap_id, const struct form *f, int64_t *task_id)
{
	return *task_id ? DB_OK : db_task_add(&rq->w->db, roadmap_id, f->val[IF_TASK_TITLE], task_id);
}

/* The roadmap a new item goes to: `raw` (the "roadmap" parameter) names one of the
 * municipality's roadmaps, its own or a school's; absent, the municipality's own.
 * Returns 0, 404 or 500. */
static int target_roadmap(struct req *rq, const char *raw, struct roadmap *r)
{
	char *end;
	long long id;
	int rc;

	if (!raw || !*raw)
		rc = db_roadmap_of_muni(&rq->w->db, rq->arena, rq->muni->id, r);
	else {
		id = strtoll(raw, &end, 10);
		if (*end || id <= 0)
			return 404;
		rc = db_roadmap_in_muni(&rq->w->db, rq->arena, rq->muni->id, id, r);
	}
	return rc == DB_OK ? 0 : rc == DB_NOTFOUND ? 404 : 500;
}

/* GET /<m>/roadmap/items/new[?roadmap=<id>] */
int item_new_page(struct req *rq, struct resp *rs)
{
	struct roadmap r;
	struct form_view v = { 0 };
	struct roadmap_task *tasks;
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = target_roadmap(rq, http_param(rq, "roadmap"), &r)) != 0)
		return rc;
	if (db_roadmap_tasks(&rq->w->db, rq->arena, r.id, &tasks, &v.ntasks) != DB_OK)
		return 500;
	v.tasks = tasks;
	v.r = &r;
	return form_render(rq, rs, 200, &v);
}

/* POST /<m>/roadmap/items (roadmap=<id>, as above): add an item after the last one of its task, scheduled at once. */
int item_create_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct roadmap r;
	struct roadmap_task *tasks;
	struct form f;
	struct form_view v = { .f = &f };
	struct item_fields fields;
	int64_t task_id, id;
	bool new_task;
	int seq, rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = target_roadmap(rq, http_field(rq, "roadmap"), &r)) != 0)
		return rc;
	if (db_roadmap_tasks(db, rq->arena, r.id, &tasks, &v.ntasks) != DB_OK)
		return 500;
	v.tasks = tasks;
	v.r = &r;
	if (!form_read_item(rq, tasks, v.ntasks, &f, &task_id))
		return form_render(rq, rs, 422, &v);
	if (db_begin(db) != DB_OK || db_item_number_taken(db, r.id, f.val[IF_NUMBER], 0, &v.number_taken) != DB_OK)
		return 500;
	if (v.number_taken) {
		db_rollback(db);
		return form_render(rq, rs, 422, &v);
	}
	new_task = task_id == 0;
	if (task_ensure(rq, r.id, &f, &task_id) != DB_OK)
		return 500;
	fields = fields_of(&f, task_id);
	if (db_item_make_room(db, r.id, task_id, 0, &seq) != DB_OK ||
	    db_item_add(db, r.id, seq, &fields, &id) != DB_OK || schedule_item(db, rq->arena, id) != 0 ||
	    (new_task && audit(rq, "task_add", id, f.val[IF_TASK_TITLE]) != DB_OK) ||
	    audit(rq, "item_add", id, arena_printf(rq->arena, "%s. %s", fields.number, fields.measure)) != DB_OK ||
	    db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, item_url(rq, id, ""));
}

/* GET /<m>/roadmap/items/<id>/edit; a removed item's address leads to its page. */
int item_edit_form_page(struct req *rq, struct resp *rs)
{
	struct item_record it;
	struct roadmap_task *tasks;
	struct form_view v = { .it = &it };
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = record_load(rq, &it)) != 0)
		return rc;
	if (it.removed_at)
		return http_redirect(rs, 303, item_url(rq, it.id, "removed"));
	if (db_roadmap_tasks(&rq->w->db, rq->arena, it.roadmap_id, &tasks, &v.ntasks) != DB_OK)
		return 500;
	v.tasks = tasks;
	return form_render(rq, rs, 200, &v);
}

/* An audit line for one changed field: «old» → «new». Returns DB_OK when unchanged. */
static int audit_change(struct req *rq, int64_t item_id, const char *action, const char *old,
			const char *now, bool *changed)
{
	if (strcmp(old ? old : "", now ? now : "") == 0)
		return DB_OK;
	*changed = true;
	return audit(rq, action, item_id, arena_printf(rq->arena, "«%s» → «%s»", or_dash(old), or_dash(now)));
}

/* POST /<m>/roadmap/items/<id>/edit */
int item_edit_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct item_record it;
	struct roadmap_task *tasks;
	struct form f;
	struct form_view v = { .it = &it, .f = &f };
	struct item_fields fields;
	const char *task_title;
	int64_t task_id;
	bool changed = false, resched = false;
	int seq, rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = live_load(rq, &it)) != 0)
		return rc;
	if (db_roadmap_tasks(db, rq->arena, it.roadmap_id, &tasks, &v.ntasks) != DB_OK)
		return 500;
	v.tasks = tasks;
	if (!form_read_item(rq, tasks, v.ntasks, &f, &task_id))
		return form_render(rq, rs, 422, &v);
	if (db_begin(db) != DB_OK ||
	    db_item_number_taken(db, it.roadmap_id, f.val[IF_NUMBER], it.id, &v.number_taken) != DB_OK)
		return 500;
	if (v.number_taken) {
		db_rollback(db);
		return form_render(rq, rs, 422, &v);
	}
	task_title = it.task_title;
	for (size_t i = 0; i < v.ntasks; i++)
		if (tasks[i].id == task_id)
			task_title = tasks[i].title;
	if (!task_id) {
		task_title = f.val[IF_TASK_TITLE];
		if (task_ensure(rq, it.roadmap_id, &f, &task_id) != DB_OK ||
		    audit(rq, "task_add", it.id, task_title) != DB_OK)
			return 500;
	}
	fields = fields_of(&f, task_id);
	seq = it.seq;
	if (task_id != it.task_id &&
	    db_item_make_room(db, it.roadmap_id, task_id, it.id, &seq) != DB_OK)
		return 500;
	if (db_item_update(db, it.id, seq, &fields) != DB_OK ||
	    (task_id != it.task_id &&
	     audit_change(rq, it.id, "item_task", it.task_title, task_title, &changed) != DB_OK) ||
	    audit_change(rq, it.id, "item_number", it.number, fields.number, &changed) != DB_OK ||
	    audit_change(rq, it.id, "item_measure", it.measure, fields.measure, &changed) != DB_OK ||
	    audit_change(rq, it.id, "item_result", it.planned_result, fields.planned_result, &changed) != DB_OK ||
	    audit_change(rq, it.id, "item_responsible", it.responsible, fields.responsible, &changed) != DB_OK)
		return 500;
	if (audit_change(rq, it.id, "item_deadline", it.deadline_text, fields.deadline_text, &resched) != DB_OK ||
	    (resched && schedule_item(db, rq->arena, it.id) != 0))
		return 500;
	if (!changed && !resched) {
		db_rollback(db);   /* nothing to record */
		return http_redirect(rs, 303, item_url(rq, it.id, ""));
	}
	if (db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, item_url(rq, it.id, ""));
}

/* POST /<m>/roadmap/items/<id>/move, direction=up|down: swaps the item with
 * its neighbour in the task; at either end of the task nothing changes. */
int item_move_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct item_record it, other;
	struct form f;
	bool up;
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = live_load(rq, &it)) != 0)
		return rc;
	if (!form_check(rq, move_fields, MF__MAX, &f) ||
	    (strcmp(f.val[MF_DIRECTION], "up") != 0 && strcmp(f.val[MF_DIRECTION], "down") != 0))
		return page_message(rq, rs, 422, MSG_CHOICE);
	up = strcmp(f.val[MF_DIRECTION], "up") == 0;
	if (db_begin(db) != DB_OK || (rc = db_item_neighbour(db, rq->arena, &it, up, &other)) == DB_ERR)
		return 500;
	if (rc == DB_OK &&
	    (db_item_swap(db, &it, &other) != DB_OK ||
	     audit(rq, "item_move", it.id, arena_printf(rq->arena, "%s %s %s", it.number, up ? "↑" : "↓",
							   other.number)) != DB_OK ||
	     db_commit(db) != DB_OK))
		return 500;
	return http_redirect(rs, 303, item_url(rq, it.id, ""));
}

/* Remove (removed_at) or restore an item, with its audit line. */
static int item_set_removed(struct req *rq, struct resp *rs, bool removed)
{
	struct db *db = &rq->w->db;
	struct item_record it;
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = record_load(rq, &it)) != 0)
		return rc;
	if (db_begin(db) != DB_OK || (rc = db_item_set_removed(db, it.id, removed)) == DB_ERR)
		return 500;
	if (rc == DB_OK && (audit(rq, removed ? "item_remove" : "item_restore", it.id,
				  arena_printf(rq->arena, "%s. %s", it.number, it.measure)) != DB_OK ||
			    db_commit(db) != DB_OK))
		return 500;
	/* DB_NOTFOUND: it already was so (a second click); the page shows how it is */
	return http_redirect(rs, 303, item_url(rq, it.id, removed ? "removed" : ""));
}

int item_remove_page(struct req *rq, struct resp *rs)
{
	return item_set_removed(rq, rs, true);
}

int item_restore_page(struct req *rq, struct resp *rs)
{
	return item_set_removed(rq, rs, false);
}

/* GET /<m>/roadmap/items/<id>/removed: what a removed item was, since when,
 * its history, and for editors the button that restores it. */
int item_removed_page(struct req *rq, struct resp *rs)
{
	struct item_record it;
	struct page p;
	struct tpl_dict *d;
	int rc;

	if ((rc = record_load(rq, &it)) != 0)
		return rc;
	if (!it.removed_at)
		return http_redirect(rs, 303, item_url(rq, it.id, ""));
	if (render_start(rq, &p, "item_form.tpl", arena_printf(rq->arena, "%s %s", msg_v[MSG_ROADMAP],
							       it.number)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug), msg_v[MSG_ROADMAP]);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	tpl_set_str(p.body, "CSRF", rq->csrf);
	d = tpl_section_add(p.body, "REMOVED");
	tpl_set_int(d, "ITEM", it.id);
	tpl_set_str(d, "NUMBER", it.number);
	tpl_set_str(d, "MEASURE", it.measure);
	tpl_set_str(d, "TASK", it.task_title);
	tpl_set_str(d, "RESULT", or_dash(it.planned_result));
	tpl_set_str(d, "DEADLINE", or_dash(it.deadline_text));
	tpl_set_str(d, "RESPONSIBLE", or_dash(it.responsible));
	tpl_set_str(d, "REMOVED_ON", view_date(rq->arena, it.removed_at));
	if (roadmap_editor(rq))
		tpl_show(d, "CAN_RESTORE");
	if (fill_history(rq, p.body, it.id) != 0)
		return 500;
	return render_finish(rq, rs, &p);
}
