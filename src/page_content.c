/*
 * page_content.c: the editor of a section's texts (school administrator for the
 * school, coordinator for the municipality and its schools): the list, the form
 * with its preview, saving a version, the history with diffs, rollback, and
 * unpublishing a post. Every write: one transaction with its audit row, then 303.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "content.h"
#include "db_audit.h"
#include "db_content.h"
#include "db_document.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "diff.h"
#include "http.h"
#include "md.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { TITLE_MAX = 200, BODY_MAX = 20000, DOCS_MAX = 16 };

enum content_field { CF_TITLE, CF_BODY, CF_DATE, CF__MAX };

static const struct field content_fields[CF__MAX] = {
	{ "title",   V_TEXT, 1, TITLE_MAX, NULL, 0, true },   /* CF_TITLE: news only */
	{ "body",    V_TEXT, 0, BODY_MAX,  NULL, 0, false },  /* CF_BODY */
	{ "news_on", V_TEXT, 10, 10,       NULL, 0, true },   /* CF_DATE: news only */
};

static bool is_news(const struct section_text *t)
{
	return strcmp(t->part, content_part_v[PART_NEWS].code) == 0;
}

/* YYYY-MM-DD with a year 2000–2100, a month 1–12 and a day 1–31. */
static bool is_date(const char *s)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static const char *today(struct arena *a)
{
	const char *d = view_day(a, view_today());   /* DD.MM.YYYY */

	return d ? arena_printf(a, "%.4s-%.2s-%.2s", d + 6, d + 3, d) : NULL;
}

/*
 * The text the URL's key names: a page code (the page, new if never saved), «news»
 * (a new post), or a text id of this owner. Returns 0, 404 or 500.
 */
static int resolve(struct req *rq, const struct owner *o, struct section_text *t)
{
	struct section_text *all;
	size_t n, part = VOCAB_FIND(content_part_v, o->key);
	int64_t id;

	memset(t, 0, sizeof *t);
	t->municipality_id = o->muni_id;
	t->school_id = o->school_id;
	t->title = t->body = "";
	if (part < PART__MAX) {
		t->part = content_part_v[part].code;
		if (part == PART_NEWS)
			return (t->news_on = today(rq->arena)) ? 0 : 500;
		if (db_content_list(&rq->w->db, rq->arena, o->muni_id, o->school_id, &all, &n) != DB_OK)
			return 500;
		for (size_t i = 0; i < n; i++)
			if (strcmp(all[i].part, t->part) == 0)
				*t = all[i];
		return 0;
	}
	if (!(id = content_id(o->key)))
		return 404;
	switch (db_content_get(&rq->w->db, rq->arena, o->muni_id, o->school_id, id, t)) {
	case DB_OK: return 0;
	case DB_NOTFOUND: return 404;
	default: return 500;
	}
}

static int start(struct req *rq, struct page *p, const struct owner *o, const char *tpl, const char *title)
{
	if (content_start(rq, p, o, tpl, title) != 0)
		return 500;
	if (strcmp(tpl, "content.tpl") != 0)
		render_crumb(p, arena_printf(rq->arena, "%scontent/", o->base), msg_v[MSG_CONTENT]);
	return 0;
}

int content_index_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text *t;
	size_t n;
	struct page p;

	if (content_owner(rq, &o) != 0 ||
	    db_content_list(&rq->w->db, rq->arena, o.muni_id, o.school_id, &t, &n) != DB_OK ||
	    start(rq, &p, &o, "content.tpl", msg_v[MSG_CONTENT]) != 0)
		return 500;
	for (size_t part = 0; part < PART_NEWS; part++) {
		struct tpl_dict *d = tpl_section_add(p.body, "PAGE");

		tpl_set_str(d, "KEY", content_part_v[part].code);
		tpl_set_str(d, "LABEL", content_part_v[part].label);
		tpl_show(d, "EMPTY");
		for (size_t i = 0; i < n; i++)
			if (strcmp(t[i].part, content_part_v[part].code) == 0) {
				d = tpl_section_add(d, "SAVED");
				tpl_set_int(d, "ID", t[i].id);
				tpl_set_str(d, "DATE", view_datetime(rq->arena, t[i].updated_at));
			}
	}
	for (size_t i = 0; i < n; i++) {
		if (!is_news(&t[i]))
			continue;
		struct tpl_dict *d = tpl_section_add(p.body, "NEWS");

		tpl_set_int(d, "ID", t[i].id);
		tpl_set_str(d, "TITLE", t[i].title);
		tpl_set_str(d, "DATE", t[i].news_on);
		tpl_show(d, t[i].hidden ? "HIDDEN" : "SHOWN");
	}
	return render_finish(rq, rs, &p);
}

/* The school's published documents a post may name, checked when `chosen` has them. */
static int fill_docs(struct req *rq, struct tpl_dict *body, const struct owner *o,
		     const int64_t *chosen, size_t nchosen)
{
	struct document *docs;
	size_t n;
	struct tpl_dict *box = NULL;

	if (o->school_id == 0)
		return 0;
	if (db_document_by_school(&rq->w->db, rq->arena, o->school_id, &docs, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(docs[i].status, "published") != 0)
			continue;
		if (!box)
			box = tpl_section_add(body, "DOCS");
		struct tpl_dict *d = tpl_section_add(box, "DOC");

		tpl_set_int(d, "ID", docs[i].id);
		tpl_set_str(d, "TITLE", arena_printf(rq->arena, "%s: %s", VOCAB_LABEL(doc_type_v, docs[i].type),
						     docs[i].title));
		for (size_t k = 0; k < nchosen; k++)
			if (chosen[k] == docs[i].id)
				tpl_show(d, "CHECKED");
	}
	return 0;
}

/* The form with `t` as typed; `errs` beside the fields; the preview when asked. */
static int form(struct req *rq, struct resp *rs, const struct owner *o, const struct section_text *t,
		const struct form *f, const int64_t *docs, size_t ndocs, bool preview, int status)
{
	struct page p;
	const char *heading = is_news(t) ? (t->id ? t->title : msg_v[MSG_NEWS_NEW])
					 : VOCAB_LABEL(content_part_v, t->part);

	if (start(rq, &p, o, "content_form.tpl", heading) != 0)
		return 500;
	tpl_set_str(p.body, "HEADING", heading);
	tpl_set_str(p.body, "ACTION", arena_printf(rq->arena, "%scontent/%s", o->base, o->key));
	tpl_set_str(p.body, "BODY", t->body);
	if (t->id)
		tpl_set_int(tpl_section_add(p.body, "SAVED"), "ID", t->id);
	if (is_news(t)) {
		struct tpl_dict *d = tpl_section_add(p.body, "NEWS");

		tpl_set_str(d, "TITLE", t->title);
		tpl_set_str(d, "NEWS_ON", t->news_on);
		if (f && f->err[CF_TITLE] != MSG__MAX)
			tpl_section_str(d, "TITLE_ERR", "MSG", msg_v[f->err[CF_TITLE]]);
		if (f && (f->err[CF_DATE] != MSG__MAX || !is_date(t->news_on)))
			tpl_section_str(d, "DATE_ERR", "MSG", msg_v[MSG_BAD_DATE]);
		if (fill_docs(rq, d, o, docs, ndocs) != 0)
			return 500;
	}
	if (f && f->err[CF_BODY] != MSG__MAX)
		tpl_section_str(p.body, "BODY_ERR", "MSG", msg_v[f->err[CF_BODY]]);
	if (preview && content_fill(rq, tpl_section_add(p.body, "PREVIEW"), t, 3) != 0)
		return 500;
	return render_finish(rq, rs, &p) == 200 ? status : 500;
}

int content_form_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text t;
	int64_t *docs = NULL;
	size_t ndocs = 0;
	int rc;

	if (content_owner(rq, &o) != 0)
		return 500;
	if ((rc = resolve(rq, &o, &t)) != 0)
		return rc;
	if (t.id && db_content_docs(&rq->w->db, rq->arena, t.id, &docs, &ndocs) != DB_OK)
		return 500;
	return form(rq, rs, &o, &t, NULL, docs, ndocs, false, 200);
}

/* The documents ticked in the form that are published versions of this school. */
static int chosen_docs(struct req *rq, const struct owner *o, int64_t *ids, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < rq->nform && *n < DOCS_MAX; i++) {
		struct document d;
		int64_t id;

		if (strcmp(rq->form[i].name, "doc") != 0)
			continue;
		if (!(id = content_id(rq->form[i].value)) || o->school_id == 0)
			return 422;
		switch (db_document_get(&rq->w->db, rq->arena, id, &d)) {
		case DB_OK: break;
		case DB_NOTFOUND: return 422;
		default: return 500;
		}
		if (d.school_id != o->school_id || strcmp(d.status, "published") != 0)
			return 422;
		ids[(*n)++] = id;
	}
	return 0;
}

static int save(struct req *rq, const struct owner *o, struct section_text *t, int64_t restored_from,
		const char *action, const int64_t *docs, size_t ndocs, bool set_docs)
{
	struct db *db = &rq->w->db;
	bool created = t->id == 0;
	int64_t version;
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .school_id = o->school_id,
				 .action = action };

	if (db_begin(db) != DB_OK || db_content_save(db, t, rq->user->id, restored_from, &version) != DB_OK ||
	    (set_docs && db_content_set_docs(db, t->id, docs, ndocs) != DB_OK))
		return 500;
	e.detail = arena_printf(rq->arena, "%s «%s» #%lld: %s %lld%s", o->name,
				*t->title ? t->title : VOCAB_LABEL(content_part_v, t->part), (long long)t->id,
				created ? "создан, версия" : "версия", (long long)version,
				restored_from ? arena_printf(rq->arena, " (возврат к версии %lld)",
							     (long long)restored_from) : "");
	if (!e.detail || db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return 0;
}

int content_post_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text t;
	struct form f;
	int64_t docs[DOCS_MAX];
	size_t ndocs;
	int rc;
	const char *act = http_field(rq, "action");

	if (content_owner(rq, &o) != 0)
		return 500;
	if ((rc = resolve(rq, &o, &t)) != 0)
		return rc;
	if ((rc = chosen_docs(rq, &o, docs, &ndocs)) != 0)
		return rc == 422 ? page_message(rq, rs, 422, MSG_CHOICE) : rc;
	form_check(rq, content_fields, CF__MAX, &f);
	t.body = f.val[CF_BODY];
	if (is_news(&t)) {
		t.title = f.val[CF_TITLE];
		t.news_on = f.val[CF_DATE];
		if (f.err[CF_TITLE] != MSG__MAX || f.err[CF_DATE] != MSG__MAX || !is_date(t.news_on))
			return form(rq, rs, &o, &t, &f, docs, ndocs, false, 422);
	}
	if (f.err[CF_BODY] != MSG__MAX)
		return form(rq, rs, &o, &t, &f, docs, ndocs, false, 422);
	if (act && strcmp(act, "preview") == 0)
		return form(rq, rs, &o, &t, NULL, docs, ndocs, true, 200);
	if (save(rq, &o, &t, 0, "content_edit", docs, ndocs, is_news(&t)) != 0)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "%scontent/", o.base));
}

/* One version with the diff from the one before it (the oldest against nothing). */
static int fill_version(struct req *rq, struct tpl_dict *d, const struct section_version *v,
			const struct section_version *prev, bool rollback)
{
	struct diff_line *lines;
	size_t n;

	tpl_set_int(d, "ID", v->id);
	tpl_set_str(d, "WHEN", view_datetime(rq->arena, v->created_at));
	tpl_set_str(d, "WHO", v->author ? v->author : "—");
	if (v->restored_from)
		tpl_set_int(tpl_section_add(d, "RESTORED"), "FROM", v->restored_from);
	if (prev && strcmp(prev->title, v->title) != 0) {
		struct tpl_dict *t = tpl_section_add(d, "TITLE_CHANGE");

		tpl_set_str(t, "OLD", prev->title);
		tpl_set_str(t, "NEW", v->title);
	}
	if (diff_lines(rq->arena, prev ? prev->body : "", v->body, &lines, &n) != 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		static const char *const op[] = { "same", "del", "add" };
		static const char *const sign[] = { " ", "−", "+" };
		struct tpl_dict *l = tpl_section_add(d, "LINE");

		tpl_set_str(l, "OP", op[lines[i].op]);
		tpl_set_str(l, "SIGN", sign[lines[i].op]);
		tpl_set_str(l, "TEXT", lines[i].text);
	}
	if (rollback)
		tpl_show(d, "ROLLBACK");
	return 0;
}

int content_versions_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text t;
	struct section_version *v;
	size_t n;
	struct page p;
	int rc;
	bool editor = roadmap_editor(rq) != 0;

	if (content_owner(rq, &o) != 0)
		return 500;
	if ((rc = resolve(rq, &o, &t)) != 0)
		return rc;
	if (t.id == 0)
		return 404;
	if (db_content_versions(&rq->w->db, rq->arena, t.id, &v, &n) != DB_OK ||
	    start(rq, &p, &o, "content_versions.tpl", msg_v[MSG_VERSIONS]) != 0)
		return 500;
	tpl_set_str(p.body, "HEADING", *t.title ? t.title : VOCAB_LABEL(content_part_v, t.part));
	tpl_set_int(p.body, "TEXT_ID", t.id);
	for (size_t i = 0; i < n; i++)
		if (fill_version(rq, tpl_section_add(p.body, "VERSION"), &v[i], i + 1 < n ? &v[i + 1] : NULL,
				 editor && i > 0) != 0)
			return 500;
	return render_finish(rq, rs, &p);
}

int content_rollback_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text t;
	struct section_version *v;
	size_t n;
	int64_t want = content_id(http_field(rq, "version"));
	int rc;

	if (content_owner(rq, &o) != 0)
		return 500;
	if ((rc = resolve(rq, &o, &t)) != 0)
		return rc;
	if (t.id == 0 || !want)
		return t.id ? page_message(rq, rs, 422, MSG_CHOICE) : 404;
	if (db_content_versions(&rq->w->db, rq->arena, t.id, &v, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (v[i].id == want) {
			t.title = v[i].title;
			t.body = v[i].body;
			t.news_on = v[i].news_on;
			if (save(rq, &o, &t, v[i].id, "content_rollback", NULL, 0, false) != 0)
				return 500;
			return http_redirect(rs, 303, arena_printf(rq->arena, "%scontent/%lld/versions/",
								   o.base, (long long)t.id));
		}
	return page_message(rq, rs, 422, MSG_CHOICE);
}

int content_visibility_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text t;
	const char *hide = http_field(rq, "hidden");
	struct db *db = &rq->w->db;
	int rc;

	if (content_owner(rq, &o) != 0)
		return 500;
	if ((rc = resolve(rq, &o, &t)) != 0)
		return rc;
	if (t.id == 0 || !is_news(&t) || !hide || (strcmp(hide, "0") != 0 && strcmp(hide, "1") != 0))
		return page_message(rq, rs, 422, MSG_CHOICE);
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .school_id = o.school_id,
				 .action = *hide == '1' ? "news_hide" : "news_show",
				 .detail = arena_printf(rq->arena, "%s «%s» #%lld", o.name, t.title,
							(long long)t.id) };

	if (!e.detail || db_begin(db) != DB_OK || db_content_set_hidden(db, t.id, *hide == '1') != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "%scontent/", o.base));
}
