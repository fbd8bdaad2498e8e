/*
 * page_common.c: loaders and dictionary fillers shared by the municipal,
 * school and roadmap pages.
 */
#include "page_common.h"

#include "arena.h"
#include "db_audit.h"
#include "db_municipality.h"
#include "db_roadmap.h"
#include "db_school.h"
#include "http.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "render.h"
#include "worker.h"

void page_key_metric(struct req *rq, struct tpl_dict *d, const struct roadmap *r)
{
	tpl_set_str(d, "METRIC", view_share(rq->arena, r->n_confirmed, r->n_items));
	tpl_set_int(d, "METRIC_CONFIRMED", r->n_confirmed);
	tpl_set_int(d, "METRIC_TOTAL", r->n_items);
	tpl_set_int(d, "METRIC_DONE", r->n_done);
	tpl_set_int(d, "METRIC_IN_PROGRESS", r->n_in_progress);
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
