/*
 * page_docs.c: a school's documents: the workspace (required documents, all
 * versions, upload form), uploading a version, submitting it for review, the
 * page of one version with its history, and its download through nginx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
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
#include "upload.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum upload_field { UF_TYPE, UF_TITLE, UF_SERIES, UF__MAX };

static const struct field upload_fields[UF__MAX] = {
	{ "type",   V_VOCAB, 0, 0,   doc_type_v, DT__MAX, true },   /* UF_TYPE */
	{ "title",  V_TEXT,  1, 300, NULL, 0, true },               /* UF_TITLE */
	{ "series", V_ID,    0, 0,   NULL, 0, false },              /* UF_SERIES */
};

static bool is_role(const struct req *rq, enum role r)
{
	return rq->user && strcmp(rq->user->role, role_v[r].code) == 0;
}

/* "/<muni>/schools/<school>/docs/" */
static const char *docs_url(struct req *rq)
{
	return arena_printf(rq->arena, "/%s/schools/%s/docs/", rq->muni->slug, rq->school->slug);
}

/* A version is public once published (and stays readable when superseded). */
static bool doc_public(const struct document *d)
{
	return strcmp(d->status, "published") == 0 || strcmp(d->status, "superseded") == 0;
}

static void fill_doc(struct req *rq, struct tpl_dict *d, const struct document *doc)
{
	size_t st = VOCAB_FIND(doc_status_v, doc->status);

	tpl_set_int(d, "ID", doc->id);
	tpl_set_int(d, "VERSION", doc->version);
	tpl_set_str(d, "TYPE", VOCAB_LABEL(doc_type_v, doc->type));
	tpl_set_str(d, "TYPE_CODE", doc->type);
	tpl_set_str(d, "TITLE", doc->title);
	tpl_set_str(d, "STATUS", doc->status);
	tpl_set_str(d, "STATUS_LABEL", VOCAB_LABEL(doc_status_v, doc->status));
	tpl_set_str(d, "PUBLIC_LABEL", st < DOC__MAX ? doc_status_public_v[st] : "");
	tpl_set_str(d, "FILENAME", doc->orig_name);
	tpl_set_str(d, "SIZE", arena_printf(rq->arena, "%.1f", (double)doc->size / 1024.0));
	tpl_set_str(d, "AUTHOR", doc->author);
	tpl_set_str(d, "CREATED", view_date(rq->arena, doc->created_at));
	tpl_set_str(d, "UPDATED", view_date(rq->arena, doc->updated_at));
	if (doc->published_at)
		tpl_set_str(d, "PUBLISHED", view_date(rq->arena, doc->published_at));
	tpl_set_str(d, "MUNI", rq->muni->slug);
	tpl_set_str(d, "SCHOOL", rq->school->slug);
}

static void fill_type_options(struct tpl_dict *body, const char *selected)
{
	for (size_t t = 0; t < DT__MAX; t++) {
		struct tpl_dict *o = tpl_section_add(body, "TYPE_OPTION");

		tpl_set_str(o, "CODE", doc_type_v[t].code);
		tpl_set_str(o, "LABEL", doc_type_v[t].label);
		if (selected && strcmp(selected, doc_type_v[t].code) == 0)
			tpl_show(o, "SELECTED");
	}
}

/* The link a school puts on its own site (snippet.tpl, HTML escaped there),
 * shown escaped in `d` (SNIPPET) so it can be copied. Returns 0 or -1. */
static int snippet_fill(struct req *rq, struct tpl_dict *d)
{
	struct tpl_dict *s = tpl_dict_new(rq->arena);
	struct buf b;

	if (!s)
		return -1;
	tpl_set_str(s, "BASE", cfg.base_url);
	tpl_set_str(s, "MUNI", rq->muni->slug);
	tpl_set_str(s, "SCHOOL", rq->school->slug);
	tpl_set_str(s, "NAME", rq->school->short_name);
	buf_init(&b, rq->arena, 4096);
	if (tpl_expand("snippet.tpl", s, &b) != TPL_OK || b.err)
		return -1;
	tpl_set_str(d, "SNIPPET", b.data);
	return 0;
}

/* The workspace; `f` and `upload_error` re-show a refused upload. */
static int docs_render(struct req *rq, struct resp *rs, int status, const struct form *f,
		       enum msg upload_error)
{
	struct document *docs;
	struct membership *ms;
	size_t n, nms;
	struct page p;

	if (db_document_by_school(&rq->w->db, rq->arena, rq->school->id, &docs, &n) != DB_OK ||
	    db_membership_by_school(&rq->w->db, rq->arena, rq->school->id, &ms, &nms) != DB_OK ||
	    render_start(rq, &p, "docs.tpl", arena_printf(rq->arena, "%s — %s", msg_v[MSG_DOCS],
							  rq->school->short_name)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/schools/%s/", rq->muni->slug, rq->school->slug),
		     rq->school->short_name);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	tpl_set_str(p.body, "SCHOOL", rq->school->slug);
	tpl_set_str(p.body, "NAME", rq->school->short_name);
	tpl_set_str(p.body, "CSRF", rq->csrf);
	tpl_set_int(p.body, "MAX_MB", cfg.upload_max_mb);
	page_required_docs(p.body, ms, nms, docs, n, false);
	for (size_t i = 0; i < n; i++) {
		bool first = i == 0 || docs[i].series != docs[i - 1].series;
		struct tpl_dict *d = tpl_section_add(p.body, "VERSION_ITEM");

		fill_doc(rq, d, &docs[i]);
		tpl_section_str(d, "RETURNED", "COMMENT", docs[i].return_comment);
		if (first)
			tpl_show(d, "LATEST");
		if (first && is_role(rq, ROLE_SCHOOL)) {
			if (strcmp(docs[i].status, "draft") == 0)
				tpl_section_str(d, "CAN_SUBMIT", "CSRF", rq->csrf);
			else if (strcmp(docs[i].status, "submitted") != 0) {
				struct tpl_dict *r = tpl_section_add(d, "CAN_REVISE");

				tpl_set_int(r, "SERIES", docs[i].series);
				tpl_set_str(r, "CSRF", rq->csrf);
			}
		}
		if (strcmp(docs[i].status, "submitted") == 0 && !is_role(rq, ROLE_SCHOOL))
			tpl_section_str(d, "CAN_REVIEW", "CSRF", rq->csrf);
	}
	if (n == 0)
		tpl_show(p.body, "NO_VERSIONS");
	if (is_role(rq, ROLE_SCHOOL)) {
		struct tpl_dict *u = tpl_section_add(p.body, "UPLOAD");

		tpl_set_str(u, "CSRF", rq->csrf);
		tpl_set_int(u, "MAX_MB", cfg.upload_max_mb);
		fill_type_options(u, f ? f->val[UF_TYPE] : NULL);
		if (f) {
			tpl_set_str(u, "TITLE", f->val[UF_TITLE]);
			tpl_set_str(u, "SERIES", f->val[UF_SERIES]);
			if (f->err[UF_TYPE] != MSG__MAX)
				tpl_section_str(u, "TYPE_ERR", "MSG", msg_v[f->err[UF_TYPE]]);
			if (f->err[UF_TITLE] != MSG__MAX)
				tpl_section_str(u, "TITLE_ERR", "MSG", msg_v[f->err[UF_TITLE]]);
		}
		if (upload_error != MSG__MAX)
			tpl_section_str(u, "FILE_ERR", "MSG", msg_v[upload_error]);
		if (f || upload_error != MSG__MAX)
			tpl_show(u, "HAS_ERRORS");
		if (snippet_fill(rq, u) != 0)
			return 500;
	}
	return render_finish(rq, rs, &p) == 200 ? status : 500;
}

int docs_page(struct req *rq, struct resp *rs)
{
	return docs_render(rq, rs, 200, NULL, MSG__MAX);
}

static enum msg upload_message(enum upload_err e)
{
	switch (e) {
	case UPLOAD_OK: return MSG__MAX;
	case UPLOAD_NONE: return MSG_NO_FILE;
	case UPLOAD_EMPTY: return MSG_EMPTY_FILE;
	case UPLOAD_TOO_BIG: return MSG_TOO_BIG;
	case UPLOAD_TYPE: return MSG_BAD_TYPE;
	}
	return MSG_NO_FILE;
}

/* A new version may only continue a series of the same school and type. */
static bool series_ok(struct req *rq, int64_t series, const char *type)
{
	struct document first;

	return db_document_get(&rq->w->db, rq->arena, series, &first) == DB_OK &&
	       first.series == series && first.school_id == rq->school->id &&
	       strcmp(first.type, type) == 0;
}

int doc_upload_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct upload *up = rq->upload;
	struct form f;
	struct document d = { 0 };
	bool fields_ok = form_check(rq, upload_fields, UF__MAX, &f);

	upload_accept(up, upload_type_v, upload_type_count);
	if (!fields_ok || up->err != UPLOAD_OK)
		return docs_render(rq, rs, up->err == UPLOAD_TOO_BIG ? 413 : 422, &f,
				   upload_message(up->err));
	if (f.id[UF_SERIES] && !series_ok(rq, f.id[UF_SERIES], f.val[UF_TYPE])) {
		f.err[UF_SERIES] = MSG_CHOICE;   /* refused before the file is stored */
		return docs_render(rq, rs, 422, &f, MSG__MAX);
	}
	d.school_id = rq->school->id;
	d.series = f.id[UF_SERIES];
	d.type = f.val[UF_TYPE];
	d.title = f.val[UF_TITLE];
	d.sha256 = up->sha256;
	d.size = up->size;
	d.mime = up->mime;
	d.orig_name = up->filename;
	d.created_by = rq->user->id;
	if (upload_store(rq) != 0 || db_begin(db) != DB_OK)
		return 500;
	int rc = db_document_add(db, &d);

	if (rc == DB_NOTFOUND) {
		db_rollback(db);
		f.err[UF_SERIES] = MSG_CHOICE;
		return docs_render(rq, rs, 422, &f, MSG__MAX);
	}
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "upload",
				 .school_id = rq->school->id, .document_id = d.id, .to_status = "draft",
				 .detail = up->filename, .sha256 = up->sha256 };

	if (rc != DB_OK || db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "%s%lld/", docs_url(rq), (long long)d.id));
}

/* The version named by args[2], if it belongs to the school in the URL. Returns 0, 404 or 500. */
static int doc_load(struct req *rq, struct document *d)
{
	char *end;
	long long id = strtoll(rq->args[2], &end, 10);
	int rc;

	if (*end || id <= 0)
		return 404;
	rc = db_document_get(&rq->w->db, rq->arena, id, d);
	if (rc == DB_ERR)
		return 500;
	return rc == DB_OK && d->school_id == rq->school->id ? 0 : 404;
}

/* Anyone may read a published version; other versions only those in scope.
 * Returns 0, or the status (a redirect to the login page for the anonymous). */
static int doc_visible(struct req *rq, struct resp *rs, const struct document *d)
{
	if (doc_public(d) || db_user_in_scope(&rq->w->db, rq->user, rq->school->id, rq->muni->id))
		return 0;
	if (rq->user)
		return 403;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/login?next=%s",
						   view_url_arg(rq->arena, rq->path)));
}

int doc_page(struct req *rq, struct resp *rs)
{
	struct document d, *versions;
	struct audit_row *events;
	size_t nversions, nevents = 0;
	struct page p;
	bool insider;
	int rc;

	if ((rc = doc_load(rq, &d)) != 0 || (rc = doc_visible(rq, rs, &d)) != 0)
		return rc;
	insider = db_user_in_scope(&rq->w->db, rq->user, rq->school->id, rq->muni->id);
	if (db_document_by_series(&rq->w->db, rq->arena, d.series, &versions, &nversions) != DB_OK ||
	    (insider && db_audit_by_series(&rq->w->db, rq->arena, d.series, &events, &nevents) != DB_OK) ||
	    render_start(rq, &p, "doc.tpl", d.title) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/schools/%s/", rq->muni->slug, rq->school->slug),
		     rq->school->short_name);
	if (insider)
		render_crumb(&p, docs_url(rq), msg_v[MSG_DOCS]);
	fill_doc(rq, p.body, &d);
	tpl_set_str(p.body, "FORMAT", vocab_label(upload_type_v, upload_type_count, d.mime));
	for (size_t i = 0; i < nversions; i++) {
		if (!insider && !doc_public(&versions[i]))
			continue;
		struct tpl_dict *v = tpl_section_add(p.body, "VERSION_ROW");

		fill_doc(rq, v, &versions[i]);
		if (versions[i].id == d.id)
			tpl_show(v, "CURRENT");
	}
	for (size_t i = 0; i < nevents; i++) {
		struct tpl_dict *e = tpl_section_add(p.body, "EVENT");

		page_audit_row(rq, e, &events[i]);
	}
	if (insider)
		tpl_show(p.body, "INSIDER");
	return render_finish(rq, rs, &p);
}

int doc_file_page(struct req *rq, struct resp *rs)
{
	struct document d;
	int rc;

	if ((rc = doc_load(rq, &d)) != 0 || (rc = doc_visible(rq, rs, &d)) != 0)
		return rc;
	rs->content_type = d.mime;
	rs->cache_control = doc_public(&d) ? "public, max-age=3600" : "private, no-store";
	http_header(rs, "X-Accel-Redirect", upload_accel_path(rq, d.sha256));
	http_header(rs, "Content-Disposition", view_disposition(rq->arena, d.orig_name));
	return 200;
}

int doc_submit_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct document d;
	int rc;

	if ((rc = doc_load(rq, &d)) != 0)
		return rc;
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "submit",
				 .school_id = rq->school->id, .document_id = d.id,
				 .from_status = "draft", .to_status = "submitted", .sha256 = d.sha256 };

	if (db_begin(db) != DB_OK)
		return 500;
	rc = db_document_move(db, d.id, "draft", "submitted");
	if (rc == DB_NOTFOUND)
		return 409;
	if (rc != DB_OK || db_audit_add(db, &e) != DB_OK ||
	    page_doc_mail(rq, MAIL_DOC_SUBMITTED, &d, NULL) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "%s%lld/", docs_url(rq), (long long)d.id));
}
