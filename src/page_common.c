/*
 * page_common.c: loaders and dictionary fillers shared by the municipal,
 * school and roadmap pages.
 */
#include "page_common.h"

#include <string.h>

#include "arena.h"
#include "db_audit.h"
#include "export.h"
#include "db_document.h"
#include "db_municipality.h"
#include "db_occurrence.h"
#include "db_roadmap.h"
#include "db_school.h"
#include "http.h"
#include "outbox.h"
#include "tpl.h"
#include "upload.h"
#include "view.h"
#include "render.h"
#include "vocab.h"
#include "worker.h"

int page_key_metric(struct req *rq, struct tpl_dict *d, int64_t roadmap_id, int64_t task_id)
{
	struct key_metric m;

	if (db_metric_by_roadmap(&rq->w->db, roadmap_id, task_id, view_today(), &m) != DB_OK)
		return 500;
	page_metric_fill(rq, d, &m);
	return 0;
}

void page_metric_fill(struct req *rq, struct tpl_dict *d, const struct key_metric *m)
{
	tpl_set_str(d, "METRIC", view_share(rq->arena, m->confirmed, m->due));
	tpl_set_int(d, "METRIC_CONFIRMED", m->confirmed);
	tpl_set_int(d, "METRIC_DUE", m->due);
	tpl_set_int(d, "METRIC_DONE", m->done);
	tpl_set_int(d, "METRIC_OVERDUE", m->overdue);
	tpl_set_int(d, "METRIC_TOTAL", m->total);
	tpl_set_str(d, "METRIC_DATE", view_date(rq->arena, (int64_t)view_today() * 86400));
}

int page_badges(struct tpl_dict *d, const char *section, const struct membership *ms, size_t n,
		int64_t school_id)
{
	int year = 0;

	for (size_t i = 0; i < n; i++) {
		if (ms[i].school_id != school_id || (year && ms[i].year != year))
			continue;
		year = ms[i].year;
		struct tpl_dict *b = tpl_section_add(d, section);

		tpl_set_str(b, "CODE", ms[i].programme);
		tpl_set_str(b, "LABEL", VOCAB_LABEL(programme_v, ms[i].programme));
		tpl_set_int(b, "YEAR", year);
		if (ms[i].category) {
			struct tpl_dict *c = tpl_section_add(b, "CATEGORY");

			tpl_set_str(c, "CODE", ms[i].category);
			tpl_set_str(c, "LABEL", VOCAB_LABEL(category_v, ms[i].category));
		}
	}
	return year;
}

void page_audit_row(struct req *rq, struct tpl_dict *d, const struct audit_row *r)
{
	const char *action = vocab_label(audit_action_v, audit_action_count, r->action);

	tpl_set_str(d, "WHEN", view_datetime(rq->arena, r->ts));
	tpl_set_str(d, "WHO", r->user_name ? r->user_name : r->login ? r->login : "—");
	tpl_set_str(d, "LOGIN", r->user_login ? r->user_login : r->login);
	tpl_set_str(d, "ADDR", r->addr ? r->addr : "—");
	tpl_set_str(d, "ACTION", *action ? action : r->action);
	if (r->from_status || r->to_status)
		tpl_set_str(d, "CHANGE", arena_printf(rq->arena, "%s → %s",
			    r->from_status ? VOCAB_LABEL(doc_status_v, r->from_status) : "—",
			    r->to_status ? VOCAB_LABEL(doc_status_v, r->to_status) : "—"));
	tpl_section_str(d, "DETAIL", "TEXT", r->detail);
	if (r->document_id)
		tpl_set_int(d, "DOC", r->document_id);
	tpl_section_str(d, "SHA", "TEXT", r->sha256);
}

int page_message(struct req *rq, struct resp *rs, int status, enum msg message)
{
	render_message(rq, rs, status, msg_v[message]);
	return status;
}

size_t page_doc_status(const struct document *docs, size_t ndocs, size_t type, int64_t *id)
{
	size_t status = DOC_MISSING;

	*id = 0;
	for (size_t i = 0; i < ndocs; i++) {
		size_t st = VOCAB_FIND(doc_status_v, docs[i].status);

		if (strcmp(docs[i].type, doc_type_v[type].code) != 0 || st == DOC__MAX ||
		    status == DOC_PUBLISHED)
			continue;
		if (st == DOC_PUBLISHED || docs[i].id > *id) {
			status = st;
			*id = docs[i].id;
		}
	}
	return status;
}

void page_required_docs(struct tpl_dict *body, const struct membership *ms, size_t nms,
			const struct document *docs, size_t ndocs, bool public)
{
	unsigned progs = 0;
	int shown = 0;

	for (size_t i = 0; i < nms && ms[i].year == ms[0].year; i++) {
		size_t p = VOCAB_FIND(programme_v, ms[i].programme);

		if (p < PROG__MAX)
			progs |= 1u << p;
	}
	for (size_t t = 0; t < DT__MAX; t++) {
		if (!(doc_type_required_for[t] & progs))
			continue;
		int64_t id;
		size_t status = page_doc_status(docs, ndocs, t, &id);
		struct tpl_dict *d = tpl_section_add(body, "DOC");

		tpl_set_str(d, "TYPE", doc_type_v[t].label);
		tpl_set_str(d, "DUE", DOC_REQUIRED_DUE);
		tpl_set_str(d, "STATUS", doc_status_v[status].code);
		tpl_set_str(d, "STATUS_LABEL", public ? doc_status_public_v[status] : doc_status_v[status].label);
		shown++;
	}
	tpl_show(body, shown ? "HAS_DOCS" : "NO_DOCS");
}

int page_export(struct req *rq, struct resp *rs, const struct export_table *t, int format,
		const char *basename)
{
	const char *name;

	rs->content_type = export_mime((enum export_format)format);
	http_header(rs, "Content-Disposition",
		    view_disposition(rq->arena, arena_printf(rq->arena, "%s.%s", basename,
							     export_ext((enum export_format)format))));
	if (format == EXPORT_CSV)
		return export_csv(t, &rs->body) == 0 ? 200 : 500;
	if (!(name = export_xlsx(rq->arena, t)))
		return 500;
	rs->cache_control = "private, no-store";
	http_header(rs, "X-Accel-Redirect", export_accel_path(rq->arena, name));
	return 200;
}

int page_upload_refusal(const struct upload *up, enum msg *message)
{
	*message = up->err == UPLOAD_NONE ? MSG_NO_FILE : up->err == UPLOAD_EMPTY ? MSG_EMPTY_FILE
		 : up->err == UPLOAD_TOO_BIG ? MSG_TOO_BIG : MSG_IMPORT_TYPE;
	return up->err == UPLOAD_TOO_BIG ? 413 : 422;
}

int page_doc_mail(struct req *rq, enum mail_kind kind, const struct document *d, const char *comment)
{
	struct outbox_event ev = { .kind = kind, .to = kind == MAIL_DOC_SUBMITTED ? MAIL_TO_CURATORS : MAIL_TO_SCHOOL,
				   .to_id = rq->school->id, .title = d->title, .school = rq->school->short_name,
				   .comment = comment,
				   .path = arena_printf(rq->arena, "/%s/schools/%s/docs/%lld/", rq->muni->slug,
							rq->school->slug, (long long)d->id) };

	return ev.path ? outbox_add(&rq->w->db, rq->arena, &ev) : DB_ERR;
}
