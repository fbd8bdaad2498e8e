/*
 * page_freshness.c: /<municipality>/freshness/: when each school's section last
 * changed (text pages, news, documents, roadmap work), the stalest first; those
 * older than a month (seed 002, item 0.8: updated monthly) are marked. CSV, XLSX.
 */
#include <time.h>

#include "arena.h"
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

enum { STALE_DAYS = 30, DAY = 86400, NCOLS = 3 };

static int days_since(int64_t t)
{
	return (int)(((int64_t)time(NULL) - t) / DAY);
}

int freshness_page(struct req *rq, struct resp *rs)
{
	struct school *s;
	size_t n, stale = 0;
	struct page p;

	if (db_school_freshness(&rq->w->db, rq->arena, rq->muni->id, &s, &n) != DB_OK ||
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
		if (days > STALE_DAYS) {
			tpl_show(d, "STALE");
			stale++;
		}
	}
	tpl_set_int(p.body, "STALE", (long long)stale);
	tpl_set_int(p.body, "TOTAL", (long long)n);
	return render_finish(rq, rs, &p);
}

static int freshness_export(struct req *rq, struct resp *rs, int format)
{
	const char *h[NCOLS] = { msg_v[MSG_FRESH_SCHOOL], msg_v[MSG_FRESH_DATE], msg_v[MSG_FRESH_DAYS] };
	struct school *s;
	size_t n;
	const char **cells;

	if (db_school_freshness(&rq->w->db, rq->arena, rq->muni->id, &s, &n) != DB_OK ||
	    !(cells = export_cells(rq->arena, n, NCOLS)))
		return 500;
	for (size_t i = 0; i < n; i++) {
		cells[i * NCOLS] = s[i].short_name;
		cells[i * NCOLS + 1] = view_date(rq->arena, s[i].updated_at);
		cells[i * NCOLS + 2] = arena_printf(rq->arena, "%d", days_since(s[i].updated_at));
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
