/*
 * page_monitor.c: monitoring of the schools' websites: /<m>/monitoring/ (rounds,
 * the start form; POST starts a round in the background and answers 303 at once),
 * /<m>/monitoring/<round>/ (schools × checks with the evidence, ?compare=<round>,
 * CSV/XLSX of exactly that table), /<m>/schools/<s>/monitoring/ (one school's
 * findings; the website form for the coordinator). No fetching and no SQL here.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db_audit.h"
#include "db_monitor.h"
#include "db_municipality.h"
#include "db_school.h"
#include "db_user.h"
#include "export.h"
#include "http.h"
#include "monitor.h"
#include "monitor_scan.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

static const char *const round_heads[] = {
	"Школа", "Адрес раздела", "Доступность", "Код ответа", "Итоговый адрес", "Изменилась",
	"Обновлялась за месяц", "Дата изменения (Last-Modified)", "Документы на странице",
	"Нет обязательных документов", "Битые ссылки на документы", "Подробности ошибки",
};
enum { RC_NCOLS = sizeof round_heads / sizeof round_heads[0], RC_COMPARE = 2 };

static const char *label_of(const struct vocab *v, size_t n, const char *code)
{
	size_t i = vocab_find(v, n, code);

	return i < n ? v[i].label : code ? code : "";
}

/* "concept,roadmap" as «Концепция развития; Дорожная карта», or «—». */
static const char *type_labels(struct arena *a, const char *codes)
{
	struct buf b;
	char *s = arena_strdup(a, codes ? codes : "");

	buf_init(&b, a, 4096);
	for (char *c = s ? strtok(s, ",") : NULL; c; c = strtok(NULL, ","))
		buf_printf(&b, "%s%s", b.len ? "; " : "", label_of(doc_type_v, DT__MAX, c));
	return b.len ? b.data : "—";
}

/* "url<TAB>404\n…" as «url — 404; …», or «—». */
static const char *dead_list(struct arena *a, const char *lines)
{
	struct buf b;
	char *s = arena_strdup(a, lines ? lines : "");

	buf_init(&b, a, 64 << 10);
	for (char *l = s ? strtok(s, "\n") : NULL; l; l = strtok(NULL, "\n")) {
		char *tab = strchr(l, '\t');

		if (tab)
			*tab++ = '\0';
		const char *why = tab && (tab[0] < '0' || tab[0] > '9')
					  ? label_of(monitor_outcome_v, MO__MAX, tab) : tab ? tab : "";

		buf_printf(&b, "%s%s — %s", b.len ? "; " : "", l, why);
	}
	return b.len ? b.data : "—";
}

static const char *changed_text(int changed)
{
	return changed < 0 ? "—" : changed ? "Да" : "Нет";
}

/* One finding as the cells of a row of the round's table. */
static void finding_cells(struct arena *a, const struct monitor_finding *f, const char **row)
{
	row[0] = f->school_name;
	row[1] = f->url ? f->url : "—";
	row[2] = label_of(monitor_outcome_v, MO__MAX, f->outcome);
	row[3] = f->http_status ? arena_printf(a, "%ld", f->http_status) : "—";
	row[4] = f->final_url && f->url && strcmp(f->final_url, f->url) != 0 ? f->final_url : "—";
	row[5] = changed_text(f->changed);
	row[6] = label_of(monitor_fresh_v, FRESH__MAX, f->fresh);
	row[7] = f->modified_at ? view_date(a, f->modified_at) : "—";
	row[8] = type_labels(a, f->docs_found);
	row[9] = type_labels(a, f->docs_missing);
	row[10] = dead_list(a, f->dead_links);
	row[11] = f->detail ? f->detail : "—";
}

/* The round id in args[1] (digits only), or 0. */
static int64_t round_arg(const char *s)
{
	char *end;
	long long v = s && *s >= '1' && *s <= '9' && strlen(s) < 16 ? strtoll(s, &end, 10) : 0;

	return v > 0 && *end == '\0' ? (int64_t)v : 0;
}

/* The round's table (with the compare round's columns when asked) as an export table.
 * Returns 0, 404 (no such round) or 500. */
static int round_table(struct req *rq, struct monitor_round *r, struct monitor_round *cmp, bool *has_cmp,
		       struct export_table *t)
{
	struct db *db = &rq->w->db;
	struct monitor_finding *f, *g = NULL;
	size_t n, ng = 0, ncols = RC_NCOLS;
	int64_t id = round_arg(rq->args[1]), cid = round_arg(http_param(rq, "compare"));
	int rc;

	*has_cmp = false;
	if (!id || (rc = db_monitor_round_get(db, rq->arena, rq->muni->id, id, r)) == DB_NOTFOUND)
		return 404;
	if (rc != DB_OK || db_monitor_findings(db, rq->arena, id, &f, &n) != DB_OK)
		return 500;
	if (cid && cid != id && (rc = db_monitor_round_get(db, rq->arena, rq->muni->id, cid, cmp)) != DB_NOTFOUND) {
		if (rc != DB_OK || db_monitor_findings(db, rq->arena, cid, &g, &ng) != DB_OK)
			return 500;
		*has_cmp = true;
		ncols += RC_COMPARE;
	}
	const char **heads = arena_alloc(rq->arena, ncols * sizeof *heads);
	const char **cells = export_cells(rq->arena, n, ncols);

	if (!heads || !cells)
		return 500;
	memcpy(heads, round_heads, sizeof round_heads);
	if (*has_cmp) {
		heads[RC_NCOLS] = arena_printf(rq->arena, "Раунд № %lld: доступность", (long long)cmp->id);
		heads[RC_NCOLS + 1] = arena_printf(rq->arena, "Раунд № %lld: нет документов", (long long)cmp->id);
	}
	for (size_t i = 0; i < n; i++) {
		const char **row = cells + i * ncols;

		finding_cells(rq->arena, &f[i], row);
		if (!*has_cmp)
			continue;
		row[RC_NCOLS] = row[RC_NCOLS + 1] = "не проверялась";
		for (size_t k = 0; k < ng; k++)
			if (g[k].school_id == f[i].school_id) {
				row[RC_NCOLS] = label_of(monitor_outcome_v, MO__MAX, g[k].outcome);
				row[RC_NCOLS + 1] = type_labels(rq->arena, g[k].docs_missing);
			}
	}
	*t = (struct export_table){ arena_printf(rq->arena, "%s № %lld", label_of(monitor_kind_v, MK__MAX, r->kind),
						 (long long)r->id),
				    ncols, heads, NULL, n, cells, NULL };
	return 0;
}

static int round_export(struct req *rq, struct resp *rs, enum export_format format)
{
	struct monitor_round r, cmp;
	struct export_table t;
	bool has_cmp;
	int rc = round_table(rq, &r, &cmp, &has_cmp, &t);

	if (rc != 0)
		return rc;
	return page_export(rq, rs, &t, format,
			   arena_printf(rq->arena, "monitoring-%s-%lld", rq->muni->slug, (long long)r.id));
}

int monitoring_csv_page(struct req *rq, struct resp *rs)
{
	return round_export(rq, rs, EXPORT_CSV);
}

int monitoring_xlsx_page(struct req *rq, struct resp *rs)
{
	return round_export(rq, rs, EXPORT_XLSX);
}

static void round_fill(struct req *rq, struct tpl_dict *d, const struct monitor_round *r)
{
	tpl_set_int(d, "ID", r->id);
	tpl_set_str(d, "KIND", label_of(monitor_kind_v, MK__MAX, r->kind));
	tpl_set_str(d, "STARTED", view_datetime(rq->arena, r->started_at));
	tpl_set_str(d, "FINISHED", r->finished_at ? view_datetime(rq->arena, r->finished_at) : "—");
	tpl_set_str(d, "BY", r->started_by ? r->started_by : "по расписанию");
	tpl_set_int(d, "SCHOOLS", r->schools);
	tpl_set_int(d, "REACHABLE", r->reachable);
	tpl_show(d, strcmp(r->status, "running") == 0 ? "RUNNING" : strcmp(r->status, "done") == 0 ? "DONE" : "FAILED");
}

int monitoring_round_page(struct req *rq, struct resp *rs)
{
	struct monitor_round r, cmp, *all;
	struct export_table t;
	struct page pg;
	bool has_cmp;
	size_t nall;
	int rc = round_table(rq, &r, &cmp, &has_cmp, &t);

	if (rc != 0)
		return rc;
	if (db_monitor_rounds(&rq->w->db, rq->arena, rq->muni->id, &all, &nall) != DB_OK ||
	    render_start(rq, &pg, "monitoring_round.tpl", arena_printf(rq->arena, "%s — %s", t.title, rq->muni->name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&pg, arena_printf(rq->arena, "/%s/monitoring/", rq->muni->slug), "Мониторинг сайтов школ");
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	tpl_set_str(pg.body, "TITLE", t.title);
	round_fill(rq, pg.body, &r);
	if (has_cmp) {
		tpl_section_str(pg.body, "COMPARED", "CMP_TITLE",
				arena_printf(rq->arena, "%s № %lld", label_of(monitor_kind_v, MK__MAX, cmp.kind),
					     (long long)cmp.id));
		tpl_set_str(pg.body, "CMP_QUERY", arena_printf(rq->arena, "?compare=%lld", (long long)cmp.id));
	}
	for (size_t i = 0; i < nall; i++) {
		if (all[i].id == r.id)
			continue;
		struct tpl_dict *o = tpl_section_add(pg.body, "OTHER");

		tpl_set_int(o, "OID", all[i].id);
		tpl_set_str(o, "OLABEL", arena_printf(rq->arena, "№ %lld, %s, %s", (long long)all[i].id,
						      label_of(monitor_kind_v, MK__MAX, all[i].kind),
						      view_date(rq->arena, all[i].started_at)));
		if (has_cmp && all[i].id == cmp.id)
			tpl_show(o, "SELECTED");
	}
	if (nall > 1)
		tpl_show(pg.body, "CAN_COMPARE");
	for (size_t c = 0; c < t.ncols; c++)
		tpl_section_str(pg.body, "HEAD", "TEXT", t.headers[c]);
	for (size_t i = 0; i < t.nrows; i++) {
		struct tpl_dict *row = tpl_section_add(pg.body, "ROW");

		tpl_set_str(row, "FIRST", t.cells[i * t.ncols]);
		for (size_t c = 1; c < t.ncols; c++)
			tpl_section_str(row, "CELL", "TEXT", t.cells[i * t.ncols + c]);
	}
	if (t.nrows == 0)
		tpl_show(pg.body, "EMPTY");
	return render_finish(rq, rs, &pg);
}

int monitoring_page(struct req *rq, struct resp *rs)
{
	struct monitor_round *r;
	struct page pg;
	size_t n;

	if (db_monitor_rounds(&rq->w->db, rq->arena, rq->muni->id, &r, &n) != DB_OK ||
	    render_start(rq, &pg, "monitoring.tpl",
			 arena_printf(rq->arena, "Мониторинг сайтов школ — %s", rq->muni->name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	if (roadmap_editor(rq)) {
		struct tpl_dict *f = tpl_section_add(pg.body, "CAN_START");

		tpl_set_str(f, "CSRF", rq->csrf);
		for (size_t k = 0; k < MK__MAX; k++) {
			struct tpl_dict *o = tpl_section_add(f, "KIND_OPTION");

			tpl_set_str(o, "VALUE", monitor_kind_v[k].code);
			tpl_set_str(o, "LABEL", monitor_kind_v[k].label);
		}
	}
	for (size_t i = 0; i < n; i++)
		round_fill(rq, tpl_section_add(pg.body, "ROUND"), &r[i]);
	if (n == 0)
		tpl_show(pg.body, "NONE");
	return render_finish(rq, rs, &pg);
}

int monitoring_start_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	size_t kind = VOCAB_FIND(monitor_kind_v, http_field(rq, "kind"));
	int64_t id = 0;
	int rc;

	if (kind == MK__MAX)
		return page_message(rq, rs, 422, MSG_CHOICE);
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "monitor_start",
				 .detail = monitor_kind_v[kind].label };

	if (db_begin(db) != DB_OK)
		return 500;
	rc = db_monitor_round_add(db, rq->muni->id, monitor_kind_v[kind].code, rq->user->id, &id);
	if (rc == DB_NOTFOUND) {
		db_rollback(db);
		return page_message(rq, rs, 409, MSG_MONITOR_BUSY);
	}
	if (rc != DB_OK || db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	monitor_start(db, id);
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/monitoring/%lld/", rq->muni->slug, (long long)id));
}

/* The school's findings page; `error` shows the website form's message (status 422). */
static int school_render(struct req *rq, struct resp *rs, const char *typed, int status)
{
	struct monitor_finding *f;
	struct page pg;
	size_t n;

	if (db_monitor_school_findings(&rq->w->db, rq->arena, rq->school->id, &f, &n) != DB_OK ||
	    render_start(rq, &pg, "school_monitoring.tpl",
			 arena_printf(rq->arena, "Мониторинг сайта — %s", rq->school->short_name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	render_crumb(&pg, arena_printf(rq->arena, "/%s/schools/%s/", rq->muni->slug, rq->school->slug),
		     rq->school->short_name);
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	tpl_set_str(pg.body, "SCHOOL", rq->school->slug);
	tpl_set_str(pg.body, "NAME", rq->school->short_name);
	if (rq->school->website)
		tpl_section_str(pg.body, "WEBSITE", "URL", rq->school->website);
	else
		tpl_show(pg.body, "NO_WEBSITE");
	if (roadmap_editor(rq)) {
		struct tpl_dict *d = tpl_section_add(pg.body, "CAN_EDIT");

		tpl_set_str(d, "CSRF", rq->csrf);
		tpl_set_str(d, "VALUE", typed ? typed : rq->school->website ? rq->school->website : "");
		if (status != 200)
			tpl_section_str(d, "ERROR", "TEXT", msg_v[MSG_MONITOR_URL]);
	}
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(pg.body, "FINDING");
		const char *row[RC_NCOLS];

		finding_cells(rq->arena, &f[i], row);
		tpl_set_str(d, "ROUND", arena_printf(rq->arena, "%s № %lld, %s",
						     label_of(monitor_kind_v, MK__MAX, f[i].round_kind),
						     (long long)f[i].round_id, view_date(rq->arena, f[i].round_started_at)));
		for (size_t c = 1; c < RC_NCOLS; c++) {
			struct tpl_dict *item = tpl_section_add(d, "ITEM");

			tpl_set_str(item, "HEAD", round_heads[c]);
			tpl_set_str(item, "TEXT", row[c]);
		}
	}
	if (n == 0)
		tpl_show(pg.body, "NONE");
	if (render_finish(rq, rs, &pg) != 200)
		return 500;
	return status;
}

int school_monitoring_page(struct req *rq, struct resp *rs)
{
	return school_render(rq, rs, NULL, 200);
}

int school_website_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	const char *url = http_field(rq, "website");
	struct audit_event e = { .user_id = rq->user->id, .addr = rq->addr, .action = "school_website",
				 .school_id = rq->school->id };

	url = url ? url : "";
	while (*url == ' ')
		url++;
	if (*url && !scan_url_ok(url))
		return school_render(rq, rs, strlen(url) > SCAN_URL_MAX ? "" : url, 422);
	e.from_status = rq->school->website;
	e.to_status = *url ? url : NULL;
	if (db_begin(db) != DB_OK || db_school_set_website(db, rq->school->id, url) != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, arena_printf(rq->arena, "/%s/schools/%s/monitoring/", rq->muni->slug,
						   rq->school->slug));
}
