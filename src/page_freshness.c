/*
 * page_freshness.c: /<municipality>/freshness/: when each school's section last
 * changed (text pages, news, documents, roadmap work), the stalest first; those
 * older than a month (seed 002, item 0.8: updated monthly) are marked; beside it
 * what the latest finished monitoring round found on the school's own site. CSV, XLSX.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db_monitor.h"
#include "db_municipality.h"
#include "db_school.h"
#include "export.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { STALE_DAYS = 30, DAY = 86400, NCOLS = 4 };

static int days_since(int64_t t)
{
	return (int)(((int64_t)time(NULL) - t) / DAY);
}

/* The latest finished monitoring round's findings (*n 0 when there is none). */
static int site_findings(struct req *rq, struct monitor_round *round, struct monitor_finding **f, size_t *n)
{
	struct monitor_round *r;
	size_t nr;

	*n = 0;
	if (db_monitor_rounds(&rq->w->db, rq->arena, rq->muni->id, &r, &nr) != DB_OK)
		return 500;
	for (size_t i = 0; i < nr; i++)
		if (strcmp(r[i].status, "done") == 0) {
			*round = r[i];
			return db_monitor_findings(&rq->w->db, rq->arena, r[i].id, f, n) == DB_OK ? 0 : 500;
		}
	return 0;
}

/* «обновлялся за месяц: да» of school `id` in the round, or «нет данных мониторинга». */
static const char *site_text(const struct monitor_finding *f, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (f[i].school_id == id)
			return VOCAB_LABEL(monitor_fresh_v, f[i].fresh);
	return msg_v[MSG_FRESH_NO_ROUND];
}

int freshness_page(struct req *rq, struct resp *rs)
{
	struct school *s;
	struct monitor_round round;
	struct monitor_finding *f;
	size_t n, nf, stale = 0;
	struct page p;

	if (site_findings(rq, &round, &f, &nf) != 0 || db_school_freshness(&rq->w->db, rq->arena, rq->muni->id, &s, &n) != DB_OK ||
	    render_start(rq, &p, "freshness.tpl",
			 arena_printf(rq->arena, "%s — %s", msg_v[MSG_FRESHNESS], rq->muni->name)) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	tpl_set_str(p.body, "MUNI", rq->muni->name);
	tpl_set_str(p.body, "MUNI_SLUG", rq->muni->slug);
	tpl_set_int(p.body, "STALE_DAYS", STALE_DAYS);
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "SCHOOL");
		int days = days_since(s[i].updated_at);

		tpl_set_str(d, "SLUG", s[i].slug);
		tpl_set_str(d, "NAME", s[i].short_name);
		tpl_set_str(d, "DATE", view_date(rq->arena, s[i].updated_at));
		tpl_set_int(d, "DAYS", days);
		tpl_set_str(d, "SITE", site_text(f, nf, s[i].id));
		if (days > STALE_DAYS) {
			tpl_show(d, "STALE");
			stale++;
		}
	}
	if (nf)
		tpl_set_str(tpl_section_add(p.body, "ROUND"), "DATE", view_date(rq->arena, round.started_at));
	else
		tpl_show(p.body, "NO_ROUND");
	tpl_set_int(p.body, "STALE", (long long)stale);
	tpl_set_int(p.body, "TOTAL", (long long)n);
	return render_finish(rq, rs, &p);
}

static int freshness_export(struct req *rq, struct resp *rs, int format)
{
	const char *h[NCOLS] = { msg_v[MSG_FRESH_SCHOOL], msg_v[MSG_FRESH_DATE], msg_v[MSG_FRESH_DAYS],
				 msg_v[MSG_FRESH_SITE] };
	struct school *s;
	struct monitor_round round;
	struct monitor_finding *f;
	size_t n, nf;
	const char **cells;

	if (site_findings(rq, &round, &f, &nf) != 0 || db_school_freshness(&rq->w->db, rq->arena, rq->muni->id, &s, &n) != DB_OK ||
	    !(cells = export_cells(rq->arena, n, NCOLS)))
		return 500;
	for (size_t i = 0; i < n; i++) {
		cells[i * NCOLS] = s[i].short_name;
		cells[i * NCOLS + 1] = view_date(rq->arena, s[i].updated_at);
		cells[i * NCOLS + 2] = arena_printf(rq->arena, "%d", days_since(s[i].updated_at));
		cells[i * NCOLS + 3] = site_text(f, nf, s[i].id);
	}
	struct export_table t = { msg_v[MSG_FRESHNESS], NCOLS, h, NULL, n, cells, NULL };

	return page_export(rq, rs, &t, format, arena_printf(rq->arena, "freshness-%s", rq->muni->slug));
}

int freshness_csv_page(struct req *rq, struct resp *rs)
{
	return freshness_export(rq, rs, EXPORT_CSV);
}

int freshness_xlsx_page(struct req *rq, struct resp *rs)
{
	return freshness_export(rq, rs, EXPORT_XLSX);
}
