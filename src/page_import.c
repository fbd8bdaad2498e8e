/*
 * page_import.c: loading a roadmap from a spreadsheet (TSV, CSV, XLSX): the form,
 * a preview of every row with its errors (nothing stored but the file), and the
 * confirmation that creates the roadmap, its tasks and items in one transaction.
 * The same content loaded twice changes nothing.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "config.h"
#include "db_audit.h"
#include "db_municipality.h"
#include "db_roadmap_edit.h"
#include "db_school.h"
#include "db_user.h"
#include "deadline.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "roadmap_import.h"
#include "schedule.h"
#include "tpl.h"
#include "upload.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum import_field { IF_TITLE, IF_FROM, IF_TO, IF_SHA, IF_MIME, IF_NAME, IF_SCHOOL, IF_EMPTY, IF__MAX };

static const struct field import_fields[IF__MAX] = {
	{ "title",     V_TEXT,  1, 300, NULL, 0, true },                 /* IF_TITLE */
	{ "year_from", V_ID,    0, 0,   NULL, 0, true },                 /* IF_FROM */
	{ "year_to",   V_ID,    0, 0,   NULL, 0, true },                 /* IF_TO */
	{ "sha256",    V_TEXT,  64, 64, NULL, 0, false },                /* IF_SHA: the confirmation */
	{ "mime",      V_VOCAB, 0, 0,   sheet_type_v, SHEET_TYPES, false },   /* IF_MIME */
	{ "name",      V_TEXT,  0, 255, NULL, 0, false },                /* IF_NAME */
	{ "school",    V_TEXT,  0, 64,  NULL, 0, false },                /* IF_SCHOOL: a slug, or the municipality's */
	{ "empty",     V_TEXT,  0, 1,   NULL, 0, false },                /* IF_EMPTY: "1": no file, an empty roadmap */
};

/* The years must make a period the deadline parser takes: 2000–2100, at most 20 years. */
static bool years_ok(const struct form *f)
{
	return f->id[IF_FROM] >= 2000 && f->id[IF_TO] <= 2100 && f->id[IF_FROM] <= f->id[IF_TO] &&
	       f->id[IF_TO] - f->id[IF_FROM] < 20;
}

static bool hex64(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* Rows that cannot become an item: without a measure. A phrase not understood,
 * a repeated number or a formula-like cell are warnings: the row is kept as the
 * source has it (an unreadable deadline lands in the unparsed list). */
static size_t blocking_rows(const struct ri_result *res)
{
	size_t n = 0;

	for (size_t i = 0; i < res->nrows; i++)
		for (int k = 0; k < res->rows[i].nerrors; k++)
			if (res->rows[i].errors[k] == RIE_NO_MEASURE) {
				n++;
				break;
			}
	return n;
}

/* The choice of whose roadmap it is: the municipality's or one of its schools'. */
static int fill_schools(struct req *rq, struct tpl_dict *body, const char *selected)
{
	struct school *s;
	size_t n;

	if (db_school_list(&rq->w->db, rq->arena, rq->muni->id, &s, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(body, "SCHOOL_OPTION");

		tpl_set_str(d, "SLUG", s[i].slug);
		tpl_set_str(d, "NAME", s[i].short_name);
		if (strcmp(selected, s[i].slug) == 0)
			tpl_show(d, "SELECTED");
	}
	return 0;
}

/* The school named by the form, 0 for the municipality; -1 when there is no such school. */
static int64_t target_school(struct req *rq, const struct form *f)
{
	struct school s;

	if (!*f->val[IF_SCHOOL])
		return 0;
	return db_school_by_slug(&rq->w->db, rq->arena, rq->muni->id, f->val[IF_SCHOOL], &s) == DB_OK ? s.id : -1;
}

/* The form, optionally with a preview of `res` and the confirmation. */
static int import_render(struct req *rq, struct resp *rs, int status, const struct form *f,
			 const char *message, const struct ri_result *res, const char *sha,
			 const char *mime, const char *name, int64_t existing)
{
	struct page p;

	if (render_start(rq, &p, "import.tpl", msg_v[MSG_IMPORT]) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&p, arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug), msg_v[MSG_ROADMAP]);
	tpl_set_str(p.body, "MUNI", rq->muni->slug);
	tpl_set_str(p.body, "CSRF", rq->csrf);
	tpl_set_str(p.body, "TITLE", f ? f->val[IF_TITLE] : "");
	tpl_set_str(p.body, "FROM", f ? f->val[IF_FROM] : "");
	tpl_set_str(p.body, "TO", f ? f->val[IF_TO] : "");
	if (fill_schools(rq, p.body, f ? f->val[IF_SCHOOL] : "") != 0)
		return 500;
	tpl_section_str(p.body, "MESSAGE", "TEXT", message);
	if (res && res->error == RI_OK) {
		struct tpl_dict *pv = tpl_section_add(p.body, "PREVIEW");

		tpl_set_int(pv, "N", (long long)res->nrows);
		tpl_set_int(pv, "N_ERRORS", (long long)res->nerrors);
		for (size_t i = 0; i < res->nrows; i++) {
			const struct ri_row *r = &res->rows[i];
			struct tpl_dict *d = tpl_section_add(pv, "ROW");

			tpl_set_int(d, "LINE", r->line);
			tpl_set_str(d, "TASK", r->task ? r->task : "—");
			tpl_set_str(d, "NUMBER", r->number ? r->number : "—");
			tpl_set_str(d, "MEASURE", r->measure ? r->measure : "—");
			tpl_set_str(d, "DEADLINE", r->deadline_text ? r->deadline_text : "—");
			tpl_set_str(d, "KIND", deadline_kind_v[r->kind].label);
			tpl_set_str(d, "RESPONSIBLE", r->responsible ? r->responsible : "—");
			for (int k = 0; k < r->nerrors; k++)
				tpl_section_str(d, "ERROR", "TEXT", ri_row_error_message(r->errors[k]));
			if (r->nerrors)
				tpl_show(d, "BAD");
		}
		if (existing)
			tpl_set_int(tpl_section_add(pv, "EXISTS"), "ID", existing);
		else if (blocking_rows(res) == 0) {
			struct tpl_dict *c = tpl_section_add(pv, "CONFIRM");

			tpl_set_str(c, "SHA", sha);
			tpl_set_str(c, "MIME", mime);
			tpl_set_str(c, "NAME", name);
			tpl_set_str(c, "SCHOOL_SLUG", f ? f->val[IF_SCHOOL] : "");
		} else
			tpl_show(pv, "FIX_FIRST");
	}
	return render_finish(rq, rs, &p) == 200 ? status : 500;
}

int import_form_page(struct req *rq, struct resp *rs)
{
	if (!roadmap_editor(rq))
		return 403;
	return import_render(rq, rs, 200, NULL, NULL, NULL, NULL, NULL, NULL, 0);
}

/* Reads the stored file `sha` as a roadmap for the form's years. */
static int import_read(struct req *rq, const struct form *f, const char *sha, const char *mime,
		       const char *name, struct ri_result *res)
{
	struct dl_period period = { (int)f->id[IF_FROM], (int)f->id[IF_TO], 0 };
	const char *path = arena_printf(rq->arena, "%s/files/%.2s/%s", cfg.data_dir, sha, sha);
	int format = ri_format_from_mime(mime, name);

	if (!path || format < 0)
		return 415;
	return ri_read_file(rq->arena, path, (enum ri_format)format, &period, res) == 0 ? 0 : 500;
}

/* The roadmap row for the form's title, years and school; `digest` NULL for an empty one. */
static int roadmap_store(struct req *rq, const struct form *f, const char *digest, int64_t *roadmap_id)
{
	const char *period = f->id[IF_FROM] == f->id[IF_TO]
		? arena_printf(rq->arena, "%lld год", (long long)f->id[IF_FROM])
		: arena_printf(rq->arena, "%lld–%lld", (long long)f->id[IF_FROM], (long long)f->id[IF_TO]);
	int64_t school_id = target_school(rq, f);

	return school_id < 0 ? DB_ERR
		: db_roadmap_add(&rq->w->db, rq->muni->id, school_id, f->val[IF_TITLE], period,
				 (int)f->id[IF_FROM], (int)f->id[IF_TO], digest, roadmap_id);
}

/* Where a new roadmap is seen: the school's roadmap page or the municipality's. */
static const char *roadmap_home(struct req *rq, const struct form *f)
{
	if (*f->val[IF_SCHOOL])
		return arena_printf(rq->arena, "/%s/schools/%s/roadmap/", rq->muni->slug, f->val[IF_SCHOOL]);
	return arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug);
}

/* An empty roadmap (no file): items are then added one by one. */
static int empty_create(struct req *rq, struct resp *rs, const struct form *f)
{
	struct db *db = &rq->w->db;
	int64_t roadmap_id;
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "roadmap_add",
				 .detail = f->val[IF_TITLE] };

	if (db_begin(db) != DB_OK || roadmap_store(rq, f, NULL, &roadmap_id) != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, roadmap_home(rq, f));
}

int import_upload_page(struct req *rq, struct resp *rs)
{
	struct upload *up = rq->upload;
	struct ri_result res;
	struct form f;
	int64_t existing = 0;
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if (!form_check(rq, import_fields, IF__MAX, &f) || !years_ok(&f) || target_school(rq, &f) < 0)
		return import_render(rq, rs, 422, &f, msg_v[MSG_IMPORT_FIELDS], NULL, NULL, NULL, NULL, 0);
	if (*f.val[IF_EMPTY])
		return empty_create(rq, rs, &f);
	if (!upload_accept(up, sheet_type_v, SHEET_TYPES)) {
		enum msg m;
		int status = page_upload_refusal(up, &m);

		return import_render(rq, rs, status, &f, msg_v[m], NULL, NULL, NULL, NULL, 0);
	}
	if (upload_store(rq) != 0)
		return 500;
	if ((rc = import_read(rq, &f, up->sha256, up->mime, up->filename, &res)) != 0)
		return rc;
	if (res.error != RI_OK)
		return import_render(rq, rs, 422, &f, ri_result_message(rq->arena, &res), NULL, NULL, NULL,
				     NULL, 0);
	if (db_roadmap_by_digest(&rq->w->db, rq->muni->id, res.digest, &existing) == DB_ERR)
		return 500;
	return import_render(rq, rs, 200, &f, NULL, &res, up->sha256, up->mime, up->filename, existing);
}

/* Tasks in the order the file names them; rows before any heading go to one task. */
static int import_store(struct req *rq, const struct form *f, const struct ri_result *res,
			int64_t *roadmap_id)
{
	struct db *db = &rq->w->db;
	int64_t task_id = 0, item_id;
	const char *task = NULL;

	if (roadmap_store(rq, f, res->digest, roadmap_id) != DB_OK)
		return -1;
	for (size_t i = 0; i < res->nrows; i++) {
		const struct ri_row *r = &res->rows[i];
		const char *title = r->task ? r->task : msg_v[MSG_IMPORT_TASK];

		if (task_id == 0 || strcmp(task, title) != 0) {
			if (db_task_add(db, *roadmap_id, title, &task_id) != DB_OK)
				return -1;
			task = title;
		}
		struct item_fields fields = { task_id, r->number ? r->number : arena_printf(rq->arena, "%zu", i + 1),
					      r->measure, r->planned_result, r->deadline_text, r->responsible };

		if (db_item_add(db, *roadmap_id, (int)i + 1, &fields, &item_id) != DB_OK ||
		    schedule_item(db, rq->arena, item_id) < 0)
			return -1;
	}
	return 0;
}

int import_confirm_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct ri_result res;
	struct form f;
	int64_t roadmap_id;
	int rc;

	if (!roadmap_editor(rq))
		return 403;
	if (!form_check(rq, import_fields, IF__MAX, &f) || !years_ok(&f) || !hex64(f.val[IF_SHA]) ||
	    !*f.val[IF_MIME])
		return 422;
	if ((rc = import_read(rq, &f, f.val[IF_SHA], f.val[IF_MIME], f.val[IF_NAME], &res)) != 0)
		return rc == 500 ? 404 : rc;   /* no such stored file */
	if (res.error != RI_OK || blocking_rows(&res))
		return 422;
	if ((rc = db_roadmap_by_digest(db, rq->muni->id, res.digest, &roadmap_id)) == DB_OK)
		return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/roadmap/", rq->muni->slug));
	if (rc != DB_NOTFOUND)
		return 500;
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "roadmap_import",
				 .sha256 = f.val[IF_SHA],
				 .detail = arena_printf(rq->arena, "%s: %zu", f.val[IF_TITLE], res.nrows) };

	if (db_begin(db) != DB_OK || import_store(rq, &f, &res, &roadmap_id) != 0 ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, roadmap_home(rq, &f));
}
