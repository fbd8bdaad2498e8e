/*
 * page_review.c: the curator's queue of submitted documents, the verdict on one
 * version (confirm and publish, or return with a comment), and a school's audit log.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db_audit.h"
#include "db_document.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { AUDIT_PAGE_ROWS = 500 };

enum review_field { RF_VERDICT, RF_COMMENT, RF__MAX };

static const struct field review_fields[RF__MAX] = {
	{ "verdict", V_VOCAB, 0, 0,    verdict_v, VERDICT__MAX, true },   /* RF_VERDICT */
	{ "comment", V_TEXT,  0, 4000, NULL, 0, false },                  /* RF_COMMENT */
};

int queue_page(struct req *rq, struct resp *rs)
{
	struct document *docs;
	size_t n;
	struct page p;
	int64_t now = (int64_t)time(NULL);

	if (db_document_queue(&rq->w->db, rq->arena, rq->user, &docs, &n) != DB_OK ||
	    render_start(rq, &p, "queue.tpl", msg_v[MSG_QUEUE]) != 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "DOC");

		tpl_set_int(d, "ID", docs[i].id);
		tpl_set_int(d, "VERSION", docs[i].version);
		tpl_set_str(d, "TYPE", VOCAB_LABEL(doc_type_v, docs[i].type));
		tpl_set_str(d, "TITLE", docs[i].title);
		tpl_set_str(d, "SCHOOL", docs[i].school_label);
		tpl_set_str(d, "SCHOOL_SLUG", docs[i].school_slug);
		tpl_set_str(d, "MUNI", docs[i].muni_slug);
		tpl_set_str(d, "SUBMITTED", view_date(rq->arena, docs[i].updated_at));
		tpl_set_int(d, "DAYS", (now - docs[i].updated_at) / 86400);
		tpl_set_str(d, "CSRF", rq->csrf);
	}
	tpl_set_int(p.body, "N", (long long)n);
	if (n == 0)
		tpl_show(p.body, "EMPTY");
	return render_finish(rq, rs, &p);
}

/* Publishing a version supersedes the series' previously published one. */
static int publish(struct req *rq, const struct document *d)
{
	struct db *db = &rq->w->db;
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr,
				 .school_id = rq->school->id, .sha256 = d->sha256 };
	int64_t old;
	int rc = db_document_published_in_series(db, d->series, d->id, &old);

	if (rc == DB_OK) {
		e.document_id = old;
		e.action = "supersede";
		e.from_status = "published";
		e.to_status = "superseded";
		if (db_document_move(db, old, "published", "superseded") != DB_OK ||
		    db_audit_add(db, &e) != DB_OK)
			return DB_ERR;
	} else if (rc != DB_NOTFOUND)
		return DB_ERR;
	e.document_id = d->id;
	e.action = "publish";
	e.from_status = "accepted";
	e.to_status = "published";
	if (db_document_move(db, d->id, "accepted", "published") != DB_OK || db_audit_add(db, &e) != DB_OK)
		return DB_ERR;
	return DB_OK;
}

int doc_review_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct document d;
	struct form f;
	char *end;
	long long id = strtoll(rq->args[2], &end, 10);
	bool accept;
	int rc;

	if (*end || id <= 0)
		return 404;
	rc = db_document_get(db, rq->arena, id, &d);
	if (rc == DB_ERR)
		return 500;
	if (rc != DB_OK || d.school_id != rq->school->id)
		return 404;
	if (!form_check(rq, review_fields, RF__MAX, &f))
		return 422;
	accept = strcmp(f.val[RF_VERDICT], verdict_v[VERDICT_ACCEPT].code) == 0;
	if (!accept && f.val[RF_COMMENT][0] == '\0')
		return page_message(rq, rs, 422, MSG_COMMENT_REQUIRED);
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr,
				 .action = accept ? "accept" : "return", .school_id = rq->school->id,
				 .document_id = d.id, .from_status = "submitted",
				 .to_status = accept ? "accepted" : "returned",
				 .detail = f.val[RF_COMMENT][0] ? f.val[RF_COMMENT] : NULL,
				 .sha256 = d.sha256 };

	if (db_begin(db) != DB_OK)
		return 500;
	rc = db_document_move(db, d.id, "submitted", e.to_status);
	if (rc == DB_NOTFOUND)
		return page_message(rq, rs, 409, MSG_STALE);
	if (rc != DB_OK || db_review_add(db, d.id, rq->user->id, f.val[RF_VERDICT], e.detail) != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || (accept && publish(rq, &d) != DB_OK) ||
	    page_doc_mail(rq, accept ? MAIL_DOC_ACCEPTED : MAIL_DOC_RETURNED, &d, e.detail) != DB_OK ||
	    db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, "/review/");
}

int audit_page(struct req *rq, struct resp *rs)
{
	struct audit_row *rows;
	size_t n;
	struct page p;

	if (db_audit_by_school(&rq->w->db, rq->arena, rq->school->id, AUDIT_PAGE_ROWS, &rows, &n) != DB_OK ||
	    render_start(rq, &p, "audit.tpl", arena_printf(rq->arena, "%s — %s", msg_v[MSG_AUDIT],
							   rq->school->short_name)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/schools/%s/", rq->muni->slug, rq->school->slug),
		     rq->school->short_name);
	tpl_set_str(p.body, "NAME", rq->school->short_name);
	for (size_t i = 0; i < n; i++)
		page_audit_row(rq, tpl_section_add(p.body, "EVENT"), &rows[i]);
	if (n == 0)
		tpl_show(p.body, "EMPTY");
	return render_finish(rq, rs, &p);
}
