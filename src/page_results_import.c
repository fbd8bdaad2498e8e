/*
 * page_results_import.c: loading assessment results or social-index values from a
 * spreadsheet: the form, a preview of every row with its errors and what it would change
 * (nothing stored but the file), and the confirmation that writes every row in one
 * transaction with one audit row. A file with any row error is not loaded at all; the
 * same file loaded twice changes nothing.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "config.h"
#include "db_audit.h"
#include "db_municipality.h"
#include "db_result_import.h"
#include "db_school.h"
#include "db_user.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "res_import.h"
#include "tpl.h"
#include "upload.h"
#include "valid.h"
#include "vocab.h"
#include "worker.h"

enum rimp_field { RF_SHA, RF_MIME, RF_NAME, RF__MAX };

static const struct field rimp_fields[RF__MAX] = {
	{ "sha256", V_TEXT,  64, 64,  NULL, 0, true },                        /* RF_SHA */
	{ "mime",   V_VOCAB, 0,  0,   sheet_type_v, SHEET_TYPES, true },      /* RF_MIME */
	{ "name",   V_TEXT,  0,  255, NULL, 0, false },                       /* RF_NAME */
};

/* What the rows of a file would do: counts of new, changed and unchanged rows. */
struct tally {
	size_t n[3];   /* by enum db_change */
};

static bool hex64(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* The stored file `sha` read against the municipality's schools. Returns 0, 415 or 500. */
static int rimp_read(struct req *rq, const char *sha, const char *mime, const char *name,
		     struct res_result *res)
{
	const char *path = arena_printf(rq->arena, "%s/files/%.2s/%s", cfg.data_dir, sha, sha);
	int format = ri_format_from_mime(mime, name);
	struct school *s;
	struct res_school *rs;
	size_t n;

	if (!path || format < 0)
		return 415;
	if (db_school_list(&rq->w->db, rq->arena, rq->muni->id, &s, &n) != DB_OK ||
	    !(rs = arena_alloc(rq->arena, (n ? n : 1) * sizeof *rs)))
		return 500;
	for (size_t i = 0; i < n; i++)
		rs[i] = (struct res_school){ s[i].id, s[i].slug, s[i].short_name, s[i].label };
	return res_read_file(rq->arena, path, (enum ri_format)format, rq->muni->slug, rs, n, res) == 0 ? 0 : 500;
}

/* Compares row `r` with the database, or writes it when `source` is not NULL. */
static int rimp_put(struct req *rq, enum res_kind kind, const struct res_row *r, const char *source,
		    enum db_change *ch)
{
	struct db *db = &rq->w->db;

	if (kind == RES_SOCIAL)
		return db_social_put(db, r->school_id, r->year, r->value,
				     r->status < SOC__MAX ? social_status_v[r->status].code : NULL, source, ch);
	struct result_in in = {
		rq->muni->id, r->school_id, scope_v[r->scope].code, procedure_v[r->procedure].code,
		r->subject, metric_v[r->metric].code, result_stage_v[r->stage].code, r->raw,
		r->grade, r->year, r->value, r->n,
	};
	return db_result_put(db, &in, source, ch);
}

/* Every row of `res` compared with (or, with `file`, written to) the database. */
static int rimp_apply(struct req *rq, const struct res_result *res, const char *file, struct tally *t,
		      enum db_change *each)
{
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < res->nrows; i++) {
		const char *source = file ? arena_printf(rq->arena, "импорт %s, стр. %d", file, res->rows[i].line)
					  : NULL;
		enum db_change ch;

		if ((file && !source) || rimp_put(rq, res->kind, &res->rows[i], source, &ch) != DB_OK)
			return -1;
		t->n[ch]++;
		if (each)
			each[i] = ch;
	}
	return 0;
}

/* One preview row: the fields as read, what it changes, its errors. */
static void preview_row(struct tpl_dict *pv, const struct res_result *res, const struct res_row *r,
			enum db_change ch)
{
	static const char *const change_label[3] = { "без изменений", "новая", "изменится" };
	struct tpl_dict *d = tpl_section_add(pv, "ROW");

	tpl_set_int(d, "LINE", r->line);
	tpl_set_str(d, "SCHOOL", r->scope != SCOPE_SCHOOL ? scope_v[r->scope].label : r->school ? r->school : "—");
	if (r->year > 0)
		tpl_set_int(d, "YEAR", r->year);
	tpl_set_str(d, "VALUE", r->raw ? r->raw : "—");
	if (res->kind == RES_RESULTS) {
		struct tpl_dict *x = tpl_section_add(d, "RESULT");

		tpl_set_str(x, "PROCEDURE", r->procedure < PROC__MAX ? procedure_v[r->procedure].label : "—");
		tpl_set_str(x, "SUBJECT", r->subject ? r->subject : "—");
		if (r->grade > 0)
			tpl_set_int(x, "GRADE", r->grade);
		tpl_set_str(x, "METRIC", r->metric < MET__MAX ? metric_v[r->metric].label : "—");
		if (r->n >= 0)
			tpl_set_int(x, "N", r->n);
		tpl_set_str(x, "STAGE", r->stage < STAGE__MAX ? result_stage_v[r->stage].label : "—");
	} else
		tpl_set_str(tpl_section_add(d, "SOCIAL"), "STATUS",
			    r->status < SOC__MAX ? social_status_v[r->status].label : "—");
	for (int k = 0; k < r->nerrors; k++)
		tpl_section_str(d, "ERROR", "TEXT", res_row_error_message(r->errors[k]));
	if (r->nerrors)
		tpl_show(d, "BAD");
	else
		tpl_set_str(d, "CHANGE", change_label[ch]);
}

/* The form, optionally with a message, a preview of `res` and the confirmation. */
static int rimp_render(struct req *rq, struct resp *rs, int status, const char *message,
		       const struct res_result *res, const enum db_change *each, const struct tally *t,
		       const struct upload *up)
{
	const char *done = http_param(rq, "done");
	struct page p;

	if (render_start(rq, &p, "results_import.tpl", msg_v[MSG_RES_IMPORT]) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	tpl_section_str(p.body, "MESSAGE", "TEXT", message);
	if (done && !res)
		tpl_section_str(p.body, "DONE", "N", strspn(done, "0123456789") == strlen(done) ? done : "");
	if (res && res->error == RI_OK) {
		struct tpl_dict *pv = tpl_section_add(p.body, "PREVIEW");

		tpl_show(pv, res->kind == RES_SOCIAL ? "IS_SOCIAL" : "IS_RESULTS");
		tpl_set_int(pv, "N", (long long)res->nrows);
		tpl_set_int(pv, "N_ERRORS", (long long)res->nerrors);
		tpl_set_int(pv, "N_NEW", (long long)t->n[DBC_NEW]);
		tpl_set_int(pv, "N_CHANGED", (long long)t->n[DBC_CHANGED]);
		tpl_set_int(pv, "N_SAME", (long long)t->n[DBC_SAME]);
		for (size_t i = 0; i < res->nrows; i++)
			preview_row(pv, res, &res->rows[i], each ? each[i] : DBC_SAME);
		if (res->nerrors)
			tpl_show(pv, "FIX_FIRST");
		else if (!t->n[DBC_NEW] && !t->n[DBC_CHANGED])
			tpl_show(pv, "UNCHANGED");
		else {
			struct tpl_dict *c = tpl_section_add(pv, "CONFIRM");

			tpl_set_str(c, "MUNI", rq->muni->slug);
			tpl_set_str(c, "CSRF", rq->csrf);
			tpl_set_str(c, "SHA", up->sha256);
			tpl_set_str(c, "MIME", up->mime);
			tpl_set_str(c, "NAME", up->filename ? up->filename : "");
			tpl_set_int(c, "N", (long long)(t->n[DBC_NEW] + t->n[DBC_CHANGED]));
		}
	}
	tpl_set_str(p.body, "CSRF", rq->csrf);
	return render_finish(rq, rs, &p) == 200 ? status : 500;
}

int results_import_form_page(struct req *rq, struct resp *rs)
{
	return rimp_render(rq, rs, 200, NULL, NULL, NULL, NULL, NULL);
}

int results_import_upload_page(struct req *rq, struct resp *rs)
{
	struct upload *up = rq->upload;
	struct res_result res;
	enum db_change *each;
	struct tally t;
	int rc;

	if (!upload_accept(up, sheet_type_v, SHEET_TYPES)) {
		enum msg m;
		int status = page_upload_refusal(up, &m);

		return rimp_render(rq, rs, status, msg_v[m], NULL, NULL, NULL, NULL);
	}
	if (upload_store(rq) != 0)
		return 500;
	if ((rc = rimp_read(rq, up->sha256, up->mime, up->filename, &res)) != 0)
		return rc;
	if (res.error != RI_OK)
		return rimp_render(rq, rs, 422, res_result_message(rq->arena, &res), NULL, NULL, NULL, NULL);
	if (!(each = arena_alloc(rq->arena, res.nrows * sizeof *each)))
		return 500;
	memset(&t, 0, sizeof t);
	for (size_t i = 0; i < res.nrows; i++)
		each[i] = DBC_SAME;
	if (!res.nerrors && rimp_apply(rq, &res, NULL, &t, each) != 0)
		return 500;
	return rimp_render(rq, rs, res.nerrors ? 422 : 200, NULL, &res, each, &t, up);
}

int results_import_confirm_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct res_result res;
	struct form f;
	struct tally t;
	int rc;

	if (!form_check(rq, rimp_fields, RF__MAX, &f) || !hex64(f.val[RF_SHA]))
		return 422;
	if ((rc = rimp_read(rq, f.val[RF_SHA], f.val[RF_MIME], f.val[RF_NAME], &res)) != 0)
		return rc == 500 ? 404 : rc;   /* no such stored file */
	if (res.error != RI_OK || res.nerrors)
		return 422;
	const char *file = *f.val[RF_NAME] ? f.val[RF_NAME] : f.val[RF_SHA];

	if (db_begin(db) != DB_OK || rimp_apply(rq, &res, file, &t, NULL) != 0) {
		db_rollback(db);
		return 500;
	}
	struct audit_event e = {
		.user_id = rq->user->id, .addr = rq->addr, .sha256 = f.val[RF_SHA],
		.action = res.kind == RES_SOCIAL ? "social_import" : "results_import",
		.detail = arena_printf(rq->arena, "%s: %zu новых, %zu изменено, %zu без изменений", file,
				       t.n[DBC_NEW], t.n[DBC_CHANGED], t.n[DBC_SAME]),
	};
	if (t.n[DBC_NEW] + t.n[DBC_CHANGED] == 0)
		db_rollback(db);   /* nothing changed: no audit row either */
	else if (db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK) {
		db_rollback(db);
		return 500;
	}
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/results/import?done=%zu", rq->muni->slug,
						   t.n[DBC_NEW] + t.n[DBC_CHANGED]));
}
