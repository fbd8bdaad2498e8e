/*
 * page_items.c: one roadmap item: its deadline as written and as scheduled, each
 * occurrence with its evidence and confirmation, the forms to record the work,
 * and the item's history; the POSTs that mark executed, confirm and withdraw.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db_audit.h"
#include "db_document.h"
#include "db_municipality.h"
#include "db_occurrence.h"
#include "db_roadmap.h"
#include "db_roadmap_edit.h"
#include "db_user.h"
#include "deadline.h"
#include "export.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum done_field { DF_URL, DF_NOTE, DF_DOC, DF__MAX };

static const struct field done_fields[DF__MAX] = {
	{ "url",  V_TEXT, 0, 1000, NULL, 0, false },   /* DF_URL */
	{ "note", V_TEXT, 0, 2000, NULL, 0, false },   /* DF_NOTE */
	{ "doc",  V_ID,   0, 0,    NULL, 0, false },   /* DF_DOC: one of the user's school's documents */
};

enum withdraw_field { WF_COMMENT, WF__MAX };

static const struct field withdraw_fields[WF__MAX] = {
	{ "comment", V_TEXT, 1, 2000, NULL, 0, true },   /* WF_COMMENT */
};

static bool has_role(const struct req *rq, enum role r)
{
	return rq->user && strcmp(rq->user->role, role_v[r].code) == 0;
}

/* May this user record work on item `it`? The municipality's people; on a
 * school's own roadmap, of the schools only that school's administrator. */
static bool muni_member(const struct req *rq, const struct roadmap_item *it)
{
	if (!rq->user || !(has_role(rq, ROLE_ADMIN) || rq->user->municipality_id == rq->muni->id))
		return false;
	return !has_role(rq, ROLE_SCHOOL) || !it->school_id || rq->user->school_id == it->school_id;
}

static bool reviewer(const struct req *rq, const struct roadmap_item *it)
{
	return muni_member(rq, it) && !has_role(rq, ROLE_SCHOOL);
}

/* The item named by args[1], if it is on a roadmap of the URL's municipality. */
static int item_load(struct req *rq, struct roadmap_item *it)
{
	char *end;
	long long id = strtoll(rq->args[1], &end, 10);
	int rc;

	if (*end || id <= 0)
		return 404;
	rc = db_roadmap_item_get(&rq->w->db, rq->arena, id, view_today(), it);
	if (rc == DB_ERR)
		return 500;
	return rc == DB_OK && it->municipality_id == rq->muni->id ? 0 : 404;
}

/* The documents a school administrator may cite as evidence: the own school's. */
static void fill_doc_choice(struct req *rq, struct tpl_dict *d)
{
	struct document *docs;
	size_t n;

	if (!rq->user->school_id ||
	    db_document_by_school(&rq->w->db, rq->arena, rq->user->school_id, &docs, &n) != DB_OK || n == 0)
		return;
	struct tpl_dict *sel = tpl_section_add(d, "DOC_CHOICE");

	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *o = tpl_section_add(sel, "DOC_OPTION");

		tpl_set_int(o, "VALUE", docs[i].id);
		tpl_set_str(o, "LABEL", arena_printf(rq->arena, "%s: %s (версия %d)",
						     VOCAB_LABEL(doc_type_v, docs[i].type), docs[i].title,
						     docs[i].version));
	}
}

/* A cited document must be a version of the user's own school. */
static bool doc_citable(struct req *rq, int64_t doc_id)
{
	struct document d;

	return doc_id == 0 || (rq->user->school_id &&
			       db_document_get(&rq->w->db, rq->arena, doc_id, &d) == DB_OK &&
			       d.school_id == rq->user->school_id);
}

static void fill_occurrence(struct req *rq, struct tpl_dict *d, const struct roadmap_item *it,
			    const struct occurrence *o, int today)
{
	const char *status = o->status;

	if (strcmp(status, "confirmed") != 0 && o->due_on < today)
		status = item_status_v[ITEM_OVERDUE].code;
	tpl_set_int(d, "ID", o->id);
	tpl_set_str(d, "FROM", view_day(rq->arena, o->starts_on));
	tpl_set_str(d, "DUE", view_day(rq->arena, o->due_on));
	tpl_section_str(d, "LABEL", "TEXT", o->label);
	tpl_set_str(d, "STATUS", status);
	tpl_set_str(d, "STATUS_LABEL", VOCAB_LABEL(item_status_v, status));
	tpl_section_str(d, "URL", "HREF", o->evidence_url);
	if (o->evidence_doc && o->doc_muni && o->doc_school) {
		struct tpl_dict *e = tpl_section_add(d, "EVIDENCE_DOC");

		tpl_set_int(e, "DOC", o->evidence_doc);
		tpl_set_str(e, "TITLE", o->doc_title);
		tpl_set_str(e, "MUNI", o->doc_muni);
		tpl_set_str(e, "SCHOOL", o->doc_school);
	}
	tpl_section_str(d, "NOTE", "TEXT", o->evidence_note);
	if (o->done_at)
		tpl_set_str(tpl_section_add(d, "DONE_BY"), "TEXT",
			    arena_printf(rq->arena, "%s, %s", o->done_by ? o->done_by : "—",
					 view_datetime(rq->arena, o->done_at)));
	if (o->confirmed_at)
		tpl_set_str(tpl_section_add(d, "CONFIRMED_BY"), "TEXT",
			    arena_printf(rq->arena, "%s, %s", o->confirmed_by ? o->confirmed_by : "—",
					 view_datetime(rq->arena, o->confirmed_at)));
	if (!rq->csrf)
		return;
	if ((strcmp(o->status, "planned") == 0 || strcmp(o->status, "in_progress") == 0) &&
	    muni_member(rq, it)) {
		fill_doc_choice(rq, tpl_section_add(d, "CAN_DONE"));
		if (strcmp(o->status, "planned") == 0)
			tpl_show(d, "CAN_START");
	}
	else if (strcmp(o->status, "done") == 0 && reviewer(rq, it))
		tpl_show(d, "CAN_CONFIRM");
	else if (strcmp(o->status, "confirmed") == 0 && reviewer(rq, it))
		tpl_show(d, "CAN_WITHDRAW");
}

/* An item removed from the roadmap has its own page, with the date and history. */
static int removed_redirect(struct req *rq, struct resp *rs)
{
	struct item_record rec;
	char *end;
	long long id = strtoll(rq->args[1], &end, 10);

	if (*end || id <= 0 || db_item_record_get(&rq->w->db, rq->arena, id, &rec) != DB_OK ||
	    rec.municipality_id != rq->muni->id || !rec.removed_at)
		return 404;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/roadmap/items/%lld/removed",
						   rq->muni->slug, id));
}

/* The people linked to the item; for editors, the forms to link and unlink. */
static int fill_assignees(struct req *rq, struct tpl_dict *body, int64_t item_id)
{
	struct assignee *linked, *all = NULL;
	size_t nlinked, nall = 0;
	bool editor = roadmap_editor(rq);

	if (db_assignees(&rq->w->db, rq->arena, item_id, &linked, &nlinked) != DB_OK ||
	    (editor && db_assignable(&rq->w->db, rq->arena, rq->muni->id, &all, &nall) != DB_OK))
		return 500;
	for (size_t i = 0; i < nlinked; i++) {
		struct tpl_dict *d = tpl_section_add(body, "ASSIGNEE");

		tpl_set_str(d, "NAME", linked[i].name);
		tpl_set_int(d, "USER", linked[i].user_id);
		if (editor)
			tpl_show(d, "CAN_UNLINK");
	}
	if (nlinked == 0)
		tpl_show(body, "NO_ASSIGNEE");
	if (!editor)
		return 0;
	struct tpl_dict *form = tpl_section_add(body, "CAN_ASSIGN");

	for (size_t i = 0; i < nall; i++) {
		bool already = false;

		for (size_t k = 0; k < nlinked; k++)
			already |= linked[k].user_id == all[i].user_id;
		if (already)
			continue;
		struct tpl_dict *o = tpl_section_add(form, "USER_OPTION");

		tpl_set_int(o, "USER", all[i].user_id);
		tpl_set_str(o, "LABEL", arena_printf(rq->arena, "%s (%s)", all[i].name, all[i].login));
	}
	return 0;
}

int item_page(struct req *rq, struct resp *rs)
{
	struct roadmap_item it;
	struct occurrence *occ;
	struct audit_row *events;
	size_t nocc, nevents;
	struct page p;
	int today = view_today(), rc;

	if ((rc = item_load(rq, &it)) == 404)
		return removed_redirect(rq, rs);
	if (rc != 0)
		return rc;
	if (db_occurrence_by_item(&rq->w->db, rq->arena, it.id, &occ, &nocc) != DB_OK ||
	    db_audit_by_item(&rq->w->db, rq->arena, it.id, &events, &nevents) != DB_OK ||
	    render_start(rq, &p, "item.tpl", arena_printf(rq->arena, "%s %s", msg_v[MSG_ROADMAP],
							  it.number)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug), msg_v[MSG_ROADMAP]);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	tpl_set_int(p.body, "ITEM", it.id);
	tpl_set_str(p.body, "NUMBER", it.number);
	tpl_set_str(p.body, "MEASURE", it.measure);
	tpl_set_str(p.body, "RESULT", it.planned_result ? it.planned_result : "—");
	tpl_set_str(p.body, "DEADLINE", it.deadline_text ? it.deadline_text : "—");
	tpl_set_str(p.body, "KIND", vocab_label(deadline_kind_v, DL__MAX, it.deadline_kind));
	tpl_set_str(p.body, "RESPONSIBLE", it.responsible ? it.responsible : "—");
	tpl_set_str(p.body, "STATUS", it.status);
	tpl_set_str(p.body, "STATUS_LABEL", VOCAB_LABEL(item_status_v, it.status));
	tpl_set_str(p.body, "CSRF", rq->csrf);
	if (roadmap_editor(rq))
		tpl_show(p.body, "CAN_EDIT");
	for (size_t i = 0; i < nocc; i++)
		fill_occurrence(rq, tpl_section_add(p.body, "OCC"), &it, &occ[i], today);
	if (nocc == 0)
		tpl_show(p.body, "NO_DATES");
	for (size_t i = 0; i < nevents; i++)
		page_audit_row(rq, tpl_section_add(p.body, "EVENT"), &events[i]);
	if (nevents)
		tpl_show(p.body, "HAS_EVENTS");
	if (fill_assignees(rq, p.body, it.id) != 0)
		return 500;
	return render_finish(rq, rs, &p);
}

/* The occurrence named by args[2], if it belongs to the item. Returns 0, 404 or 500. */
static int occurrence_load(struct req *rq, const struct roadmap_item *it, struct occurrence *o)
{
	char *end;
	long long id = strtoll(rq->args[2], &end, 10);
	int rc;

	if (*end || id <= 0)
		return 404;
	rc = db_occurrence_get(&rq->w->db, rq->arena, id, o);
	if (rc == DB_ERR)
		return 500;
	return rc == DB_OK && o->item_id == it->id ? 0 : 404;
}

enum occ_action { OA_DONE, OA_CONFIRM, OA_WITHDRAW, OA_START };

/* Loads, checks, applies one action with its audit line in one transaction, 303 back. */
static int occurrence_act(struct req *rq, struct resp *rs, enum occ_action action)
{
	static const char *const names[] = { "item_done", "item_confirm", "item_withdraw", "item_start" };
	static const char *const from[] = { "planned", "done", "confirmed", "planned" };
	static const char *const to[] = { "done", "confirmed", "done", "in_progress" };
	struct db *db = &rq->w->db;
	struct roadmap_item it;
	struct occurrence o;
	struct form f;
	int rc;

	if ((rc = item_load(rq, &it)) != 0 || (rc = occurrence_load(rq, &it, &o)) != 0)
		return rc;
	if ((action == OA_DONE || action == OA_START) ? !muni_member(rq, &it) : !reviewer(rq, &it))
		return 403;
	if (action == OA_DONE && !form_check(rq, done_fields, DF__MAX, &f))
		return page_message(rq, rs, 422, MSG_TOO_LONG);
	if (action == OA_DONE && !doc_citable(rq, f.id[DF_DOC]))
		return page_message(rq, rs, 422, MSG_CHOICE);
	if (action == OA_WITHDRAW && !form_check(rq, withdraw_fields, WF__MAX, &f))
		return page_message(rq, rs, 422, MSG_COMMENT_REQUIRED);
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = names[action],
				 .occurrence_id = o.id, .from_status = action == OA_DONE ? o.status : from[action],
				 .to_status = to[action] };

	if (action == OA_DONE)
		e.detail = arena_printf(rq->arena, "%s %s", f.val[DF_URL], f.val[DF_NOTE]);
	else if (action == OA_WITHDRAW)
		e.detail = f.val[WF_COMMENT];
	if (db_begin(db) != DB_OK)
		return 500;
	rc = action == OA_DONE ? db_occurrence_done(db, o.id, rq->user->id, *f.val[DF_URL] ? f.val[DF_URL] : NULL,
						   *f.val[DF_NOTE] ? f.val[DF_NOTE] : NULL, f.id[DF_DOC])
	   : action == OA_START ? db_occurrence_start(db, o.id)
	   : action == OA_CONFIRM ? db_occurrence_confirm(db, o.id, rq->user->id)
	   : db_occurrence_withdraw(db, o.id);
	if (rc == DB_NOTFOUND)
		return page_message(rq, rs, 409, MSG_STALE);
	if (rc != DB_OK || db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/roadmap/items/%lld/#occ-%lld",
						   rq->muni->slug, (long long)it.id, (long long)o.id));
}

int occurrence_done_page(struct req *rq, struct resp *rs)
{
	return occurrence_act(rq, rs, OA_DONE);
}

int occurrence_start_page(struct req *rq, struct resp *rs)
{
	return occurrence_act(rq, rs, OA_START);
}

int occurrence_confirm_page(struct req *rq, struct resp *rs)
{
	return occurrence_act(rq, rs, OA_CONFIRM);
}

int occurrence_withdraw_page(struct req *rq, struct resp *rs)
{
	return occurrence_act(rq, rs, OA_WITHDRAW);
}

/* Today's month, as its last day. */
static int month_end(int today)
{
	int y, m, d;

	deadline_date(today, &y, &m, &d);
	return (m == 12 ? deadline_days(y + 1, 1, 1) : deadline_days(y, m + 1, 1)) - 1;
}

enum { MY_LIMIT = 300 };

/* What «мои мероприятия» lists: the user's municipality's occurrences due this
 * month or overdue, and those of the items assigned to the user. */
static int my_load(struct req *rq, int today, struct due_item **due, size_t *n, struct due_item **mine,
		   size_t *nmine)
{
	*due = NULL;
	*n = 0;
	if (rq->user->municipality_id &&
	    db_occurrence_due(&rq->w->db, rq->arena, rq->user->municipality_id, month_end(today), MY_LIMIT,
			      due, n) != DB_OK)
		return 500;
	return db_occurrence_assigned(&rq->w->db, rq->arena, rq->user->id, month_end(today), MY_LIMIT, mine,
				      nmine) == DB_OK ? 0 : 500;
}

static int my_export(struct req *rq, struct resp *rs, enum export_format format)
{
	static const char *const heads[] = { "Срок", "№", "Мероприятие", "Ответственный", "Состояние" };
	enum { NCOLS = sizeof heads / sizeof heads[0] };
	struct due_item *due, *mine;
	size_t n, nmine;
	int today = view_today();

	if (my_load(rq, today, &due, &n, &mine, &nmine) != 0)
		return 500;
	const char **cells = export_cells(rq->arena, n, NCOLS);

	if (!cells)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char **row = cells + i * NCOLS;

		row[0] = view_day(rq->arena, due[i].o.due_on);
		row[1] = due[i].number;
		row[2] = due[i].measure;
		row[3] = due[i].responsible;
		row[4] = due[i].o.due_on < today ? item_status_v[ITEM_OVERDUE].label
						 : VOCAB_LABEL(item_status_v, due[i].o.status);
	}
	struct export_table t = { msg_v[MSG_MY], NCOLS, heads, NULL, n, cells, NULL };

	return page_export(rq, rs, &t, format, "my-items");
}

int my_items_csv_page(struct req *rq, struct resp *rs)
{
	return my_export(rq, rs, EXPORT_CSV);
}

int my_items_xlsx_page(struct req *rq, struct resp *rs)
{
	return my_export(rq, rs, EXPORT_XLSX);
}

int my_items_page(struct req *rq, struct resp *rs)
{
	struct due_item *due, *mine;
	size_t n, nmine;
	struct page p;
	int today = view_today(), overdue = 0;

	if (my_load(rq, today, &due, &n, &mine, &nmine) != 0)
		return 500;
	if (render_start(rq, &p, "my.tpl", msg_v[MSG_MY]) != 0)
		return 500;
	tpl_set_str(p.body, "MUNI", rq->user->municipality_slug);
	for (size_t i = 0; i < n; i++) {
		bool late = due[i].o.due_on < today;
		struct tpl_dict *d = tpl_section_add(p.body, late ? "OVERDUE" : "THIS_MONTH");

		tpl_set_int(d, "ITEM", due[i].o.item_id);
		tpl_set_str(d, "NUMBER", due[i].number);
		tpl_set_str(d, "MEASURE", due[i].measure);
		tpl_set_str(d, "RESPONSIBLE", due[i].responsible ? due[i].responsible : "—");
		tpl_set_str(d, "DUE", view_day(rq->arena, due[i].o.due_on));
		tpl_set_str(d, "STATUS", late ? item_status_v[ITEM_OVERDUE].code : due[i].o.status);
		tpl_set_str(d, "STATUS_LABEL", VOCAB_LABEL(item_status_v, late ? item_status_v[ITEM_OVERDUE].code
											: due[i].o.status));
		overdue += late;
	}
	for (size_t i = 0; i < nmine; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "MINE");

		tpl_set_int(d, "ITEM", mine[i].o.item_id);
		tpl_set_str(d, "NUMBER", mine[i].number);
		tpl_set_str(d, "MEASURE", mine[i].measure);
		tpl_set_str(d, "DUE", view_day(rq->arena, mine[i].o.due_on));
		tpl_set_str(d, "STATUS_LABEL", mine[i].o.due_on < today
			    ? item_status_v[ITEM_OVERDUE].label : VOCAB_LABEL(item_status_v, mine[i].o.status));
	}
	tpl_set_int(p.body, "N_MINE", (long long)nmine);
	tpl_set_int(p.body, "N_OVERDUE", overdue);
	tpl_set_int(p.body, "N_MONTH", (long long)n - overdue);
	if (n == MY_LIMIT)
		tpl_show(p.body, "TRUNCATED");
	if (!rq->user->municipality_id)
		tpl_show(p.body, "NO_MUNI");
	return render_finish(rq, rs, &p);
}

int unparsed_page(struct req *rq, struct resp *rs)
{
	struct due_item *items;
	size_t n;
	struct page p;

	if (db_item_unparsed(&rq->w->db, rq->arena, rq->muni->id, &items, &n) != DB_OK ||
	    render_start(rq, &p, "unparsed.tpl", msg_v[MSG_UNPARSED]) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug), msg_v[MSG_ROADMAP]);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "ITEM");

		tpl_set_int(d, "ID", items[i].o.item_id);
		tpl_set_str(d, "NUMBER", items[i].number);
		tpl_set_str(d, "MEASURE", items[i].measure);
		tpl_set_str(d, "PHRASE", items[i].o.label);
	}
	if (n == 0)
		tpl_show(p.body, "NONE");
	return render_finish(rq, rs, &p);
}

enum assign_field { AF_USER, AF_ACTION, AF__MAX };

static const struct vocab assign_actions[] = { { "add", "add" }, { "remove", "remove" } };

static const struct field assign_fields[AF__MAX] = {
	{ "user",   V_ID,    0, 0, NULL, 0, true },                /* AF_USER */
	{ "action", V_VOCAB, 0, 0, assign_actions, 2, true },      /* AF_ACTION */
};

int item_assign_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct roadmap_item it;
	struct assignee *all;
	struct form f;
	size_t nall;
	const char *login = NULL;
	bool add;
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if ((rc = item_load(rq, &it)) != 0)
		return rc;
	if (!form_check(rq, assign_fields, AF__MAX, &f))
		return page_message(rq, rs, 422, MSG_CHOICE);
	if (db_assignable(db, rq->arena, rq->muni->id, &all, &nall) != DB_OK)
		return 500;
	for (size_t i = 0; i < nall; i++)
		if (all[i].user_id == f.id[AF_USER])
			login = all[i].login;
	if (!login)
		return page_message(rq, rs, 422, MSG_CHOICE);   /* not a person of this municipality */
	add = strcmp(f.val[AF_ACTION], "add") == 0;
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .item_id = it.id,
				 .action = add ? "item_assign" : "item_unassign", .detail = login };

	if (db_begin(db) != DB_OK)
		return 500;
	rc = db_assignee_set(db, it.id, f.id[AF_USER], add);
	if (rc == DB_ERR || (rc == DB_OK && db_audit_add(db, &e) != DB_OK) || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/roadmap/items/%lld/", rq->muni->slug,
						   (long long)it.id));
}
