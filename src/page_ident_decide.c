/*
 * page_ident_decide.c: the coordinator's decision on a proposal (confirm or
 * override with a comment; the membership of the programme's list follows in the
 * same transaction) and one school's page with its reasons and decision history.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db_audit.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "http.h"
#include "page_common.h"
#include "page_ident.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "worker.h"

enum decide_field { DF_SCHOOL, DF_KIND, DF_YEAR, DF_DECIDED, DF_COMMENT, DF__MAX };

static const struct field decide_fields[DF__MAX] = {
	{ "school",  V_TEXT,  1, 64,   NULL, 0, true },                      /* DF_SCHOOL */
	{ "kind",    V_VOCAB, 0, 0,    ident_kind_v, IK__MAX, true },        /* DF_KIND */
	{ "year",    V_TEXT,  4, 4,    NULL, 0, true },                      /* DF_YEAR */
	{ "decided", V_TEXT,  1, 16,   NULL, 0, true },                      /* DF_DECIDED */
	{ "comment", V_TEXT,  0, 2000, NULL, 0, false },                     /* DF_COMMENT */
};

/* The reasons as stored with the decision: one line each. */
static const char *reasons_text(struct req *rq, const struct ident_proposal *p)
{
	struct buf b;

	buf_init(&b, rq->arena, 64 << 10);
	for (size_t i = 0; i < p->why.n; i++)
		buf_printf(&b, "%s%s", i ? "\n" : "", p->why.v[i]);
	return b.err ? NULL : b.data ? b.data : "";
}

int ident_decide_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct form f;
	struct school sc;
	struct ident_view v;
	char *end;
	long year;
	size_t n, i;
	int rc;

	if (!form_check(rq, decide_fields, DF__MAX, &f)) {
		for (int k = 0; k < DF__MAX; k++)
			if (f.err[k] != MSG__MAX)
				return page_message(rq, rs, 422, k == DF_YEAR ? MSG_IDENT_YEAR : f.err[k]);
	}
	year = strtol(f.val[DF_YEAR], &end, 10);
	if (*end || year < 2000 || year > 2100)
		return page_message(rq, rs, 422, MSG_IDENT_YEAR);
	enum ident_kind kind = (enum ident_kind)VOCAB_FIND(ident_kind_v, f.val[DF_KIND]);
	const struct vocab *choices = ident_choices(kind, &n);

	if (vocab_find(choices, n, f.val[DF_DECIDED]) == n)
		return page_message(rq, rs, 422, MSG_IDENT_CHOICE);
	rc = db_school_by_slug(db, rq->arena, rq->muni->id, f.val[DF_SCHOOL], &sc);
	if (rc != DB_OK)
		return rc == DB_NOTFOUND ? 404 : 500;
	if (db_begin(db) != DB_OK || ident_view_load(rq, (int)year, &v) != 0 ||
	    (i = ident_view_find(&v, sc.id)) == v.n)
		return 500;
	const struct ident_proposal *p = &v.prop[i].kind[kind];
	const char *comment = f.val[DF_COMMENT][0] ? f.val[DF_COMMENT] : NULL;

	if (p->code && strcmp(p->code, f.val[DF_DECIDED]) != 0 && !comment)   /* no proposal: nothing to differ from */
		return page_message(rq, rs, 422, MSG_IDENT_COMMENT);
	struct ident_decision d = { .school_id = sc.id, .year = (int)year, .kind = ident_kind_v[kind].code,
				    .proposed = p->code, .decided = f.val[DF_DECIDED],
				    .reasons = reasons_text(rq, p), .comment = comment, .user_id = rq->user->id };
	const struct ident_decision *old = v.force[i * IK__MAX + kind];
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "ident_decide",
				 .school_id = sc.id, .from_status = old ? old->decided : NULL,
				 .to_status = d.decided,
				 .detail = arena_printf(rq->arena, "%s %ld: %s%s%s", ident_kind_v[kind].label, year,
							ident_code_label(kind, d.decided), comment ? " — " : "",
							comment ? comment : "") };
	enum programme prog = ident_programme(v.in.cfg.rule, kind);

	if (!d.reasons || !e.detail || db_ident_decide(db, &d) != DB_OK ||
	    (prog < PROG__MAX && db_ident_membership(db, sc.id, (int)year, programme_v[prog].code,
						     strcmp(d.decided, ident_answer_v[ANS_YES].code) == 0) != DB_OK) ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/identification/?year=%ld#s-%s", rq->muni->slug,
						   year, sc.slug));
}

int ident_school_page(struct req *rq, struct resp *rs)
{
	struct ident_view v;
	struct ident_decision *h;
	struct page pg;
	size_t nh, i;
	int year, rc;

	if ((rc = ident_year(rq, &year)) != 0 || (rc = ident_view_load(rq, year, &v)) != 0)
		return rc;
	if ((i = ident_view_find(&v, rq->school->id)) == v.n ||
	    db_ident_history(&rq->w->db, rq->arena, rq->school->id, &h, &nh) != DB_OK ||
	    render_start(rq, &pg, "ident_school.tpl",
			 arena_printf(rq->arena, "%s %d — %s", msg_v[MSG_IDENT], year, rq->school->short_name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&pg, arena_printf(rq->arena, "/%s/identification/?year=%d", rq->muni->slug, year),
		     arena_printf(rq->arena, "%s %d", msg_v[MSG_IDENT], year));
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	tpl_set_str(pg.body, "SLUG", rq->school->slug);
	tpl_set_str(pg.body, "NAME", rq->school->short_name);
	tpl_set_int(pg.body, "YEAR", year);
	tpl_set_str(pg.body, "CSRF", rq->csrf);
	ident_kinds(rq, pg.body, &v, i, ident_decider(rq));
	for (size_t k = 0; k < nh; k++) {
		struct tpl_dict *d = tpl_section_add(pg.body, "HISTORY");
		enum ident_kind kind = (enum ident_kind)VOCAB_FIND(ident_kind_v, h[k].kind);

		if (kind == IK__MAX)
			continue;
		tpl_set_int(d, "Y", h[k].year);
		tpl_set_str(d, "KIND_LABEL", ident_kind_v[kind].label);
		tpl_set_str(d, "PROPOSED", ident_code_label(kind, h[k].proposed));
		tpl_set_str(d, "DECIDED", ident_code_label(kind, h[k].decided));
		tpl_set_str(d, "WHO", h[k].user_name);
		tpl_set_str(d, "WHEN", view_datetime(rq->arena, h[k].at));
		tpl_set_str(d, "COMMENT", h[k].comment ? h[k].comment : "—");
		for (const char *s = h[k].reasons; s && *s;) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);

			tpl_section_str(d, "REASON", "TEXT", arena_strndup(rq->arena, s, len));
			s += len + (nl ? 1 : 0);
		}
	}
	if (nh == 0)
		tpl_show(pg.body, "NO_HISTORY");
	return render_finish(rq, rs, &pg);
}
