/*
 * page_roadmap_schools.c: /<municipality>/roadmap/schools/: the progress of every
 * school's own roadmap in one table, each with the key metric and its counts.
 */
#include "arena.h"
#include "db_municipality.h"
#include "db_occurrence.h"
#include "export.h"
#include "page_common.h"
#include "http.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

/* The summary as a table for CSV/XLSX: the same columns as the page. */
static int summary_export(struct req *rq, struct resp *rs, enum export_format format)
{
	static const char *const heads[] = { "Школа", "Дорожная карта", "Мероприятий", "Срок наступил",
					     "Подтверждено", "Ждёт подтверждения", "Просрочено", "Доля, %" };
	enum { NCOLS = sizeof heads / sizeof heads[0] };
	struct school_progress *p;
	size_t n;

	if (db_school_progress(&rq->w->db, rq->arena, rq->muni->id, view_today(), &p, &n) != DB_OK)
		return 500;
	const char **cells = export_cells(rq->arena, n, NCOLS);

	if (!cells)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const char **row = cells + i * NCOLS;

		row[0] = p[i].school_name;
		row[1] = p[i].title;
		row[2] = arena_printf(rq->arena, "%d", p[i].items);
		row[3] = arena_printf(rq->arena, "%d", p[i].m.due);
		row[4] = arena_printf(rq->arena, "%d", p[i].m.confirmed);
		row[5] = arena_printf(rq->arena, "%d", p[i].m.done);
		row[6] = arena_printf(rq->arena, "%d", p[i].m.overdue);
		row[7] = view_share(rq->arena, p[i].m.confirmed, p[i].m.due);
	}
	struct export_table t = { msg_v[MSG_SCHOOL_ROADMAPS], NCOLS, heads, NULL, n, cells, NULL };

	return page_export(rq, rs, &t, format, arena_printf(rq->arena, "school-roadmaps-%s", rq->muni->slug));
}

int roadmap_schools_csv_page(struct req *rq, struct resp *rs)
{
	return summary_export(rq, rs, EXPORT_CSV);
}

int roadmap_schools_xlsx_page(struct req *rq, struct resp *rs)
{
	return summary_export(rq, rs, EXPORT_XLSX);
}

int roadmap_schools_page(struct req *rq, struct resp *rs)
{
	struct school_progress *p;
	size_t n;
	struct page pg;
	struct key_metric sum = { 0 };

	if (db_school_progress(&rq->w->db, rq->arena, rq->muni->id, view_today(), &p, &n) != DB_OK ||
	    render_start(rq, &pg, "roadmap_schools.tpl",
			 arena_printf(rq->arena, "%s — %s", msg_v[MSG_SCHOOL_ROADMAPS], rq->muni->name)) != 0)
		return 500;
	render_crumb(&pg, arena_printf(rq->arena, "/%s/", rq->muni->slug), rq->muni->name);
	tpl_set_str(pg.body, "MUNI", rq->muni->slug);
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(pg.body, "SCHOOL");

		tpl_set_str(d, "SLUG", p[i].school_slug);
		tpl_set_str(d, "NAME", p[i].school_name);
		tpl_set_str(d, "TITLE", p[i].title);
		tpl_set_int(d, "ITEMS", p[i].items);
		tpl_set_int(d, "DUE", p[i].m.due);
		tpl_set_int(d, "CONFIRMED", p[i].m.confirmed);
		tpl_set_int(d, "DONE", p[i].m.done);
		tpl_set_int(d, "OVERDUE", p[i].m.overdue);
		tpl_set_str(d, "METRIC", view_share(rq->arena, p[i].m.confirmed, p[i].m.due));
		sum.due += p[i].m.due;
		sum.confirmed += p[i].m.confirmed;
		sum.done += p[i].m.done;
		sum.overdue += p[i].m.overdue;
	}
	tpl_set_int(pg.body, "N", (long long)n);
	tpl_set_int(pg.body, "DUE", sum.due);
	tpl_set_int(pg.body, "CONFIRMED", sum.confirmed);
	tpl_set_int(pg.body, "DONE", sum.done);
	tpl_set_int(pg.body, "OVERDUE", sum.overdue);
	tpl_set_str(pg.body, "METRIC", view_share(rq->arena, sum.confirmed, sum.due));
	if (n == 0)
		tpl_show(pg.body, "NONE");
	return render_finish(rq, rs, &pg);
}
