/*
 * page_municipality.c: /<municipality>/: the municipal programme, its schools
 * with their lists and categories, the key metric of the roadmap, indicators.
 */
#include <string.h>

#include "arena.h"
#include "content.h"
#include "db_municipality.h"
#include "db_indicator.h"
#include "db_roadmap.h"
#include "db_school.h"
#include "http.h"
#include "page_common.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "vocab.h"
#include "worker.h"

enum { YEARS_MAX = 8 };

static int fill_schools(struct req *rq, struct tpl_dict *body, const struct municipality *m)
{
	struct school *s;
	struct membership *ms;
	size_t ns, nms;

	if (db_school_list(&rq->w->db, rq->arena, m->id, &s, &ns) != DB_OK ||
	    db_membership_by_muni(&rq->w->db, rq->arena, m->id, &ms, &nms) != DB_OK)
		return 500;
	int supported = 0;

	for (size_t i = 0; i < ns; i++) {
		struct tpl_dict *d = tpl_section_add(body, "SCHOOL");

		tpl_set_str(d, "SLUG", s[i].slug);
		tpl_set_str(d, "NAME", s[i].short_name);
		if (page_badges(d, "BADGE", ms, nms, s[i].id) == 0)
			tpl_show(d, "NO_LIST");
		else
			supported++;
	}
	tpl_set_int(body, "N_SCHOOLS", (long long)ns);
	tpl_set_int(body, "N_SUPPORTED", supported);
	if (ns == 0)
		tpl_show(body, "NO_SCHOOLS");
	return 0;
}

/* Indicators as rows, their target years as columns. */
static int fill_indicators(struct req *rq, struct tpl_dict *body, int64_t muni_id)
{
	struct indicator_target *t;
	size_t n, nyears = 0;
	int years[YEARS_MAX];

	if (db_indicator_by_muni(&rq->w->db, rq->arena, muni_id, &t, &n) != DB_OK)
		return 500;
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t y = 0;

		while (y < nyears && years[y] != t[i].year)
			y++;
		if (t[i].year && y == nyears && nyears < YEARS_MAX)
			years[nyears++] = t[i].year;
	}
	struct tpl_dict *sec = tpl_section_add(body, "INDICATORS");

	tpl_set_int(sec, "COLS", (long long)nyears + 2);

	for (size_t y = 0; y < nyears; y++)
		tpl_set_int(tpl_section_add(sec, "YEAR"), "YEAR", years[y]);
	for (size_t i = 0; i < n;) {
		struct tpl_dict *row = tpl_section_add(sec, "INDICATOR");
		size_t j = i;

		tpl_set_str(row, "CODE", t[i].code);
		tpl_set_str(row, "NAME", t[i].name);
		tpl_set_str(row, "UNIT", t[i].unit);
		if (t[i].group_name && (i == 0 || !t[i - 1].group_name ||
					strcmp(t[i - 1].group_name, t[i].group_name) != 0))
			tpl_set_str(tpl_section_add(row, "GROUP"), "GROUP", t[i].group_name);
		while (j < n && strcmp(t[j].code, t[i].code) == 0)
			j++;
		for (size_t y = 0; y < nyears; y++) {
			const char *raw = NULL;

			for (size_t k = i; k < j; k++)
				if (t[k].year == years[y])
					raw = t[k].raw;
			tpl_set_str(tpl_section_add(row, "TARGET"), "VALUE", raw ? raw : "—");
		}
		i = j;
	}
	return 0;
}

int municipality_page(struct req *rq, struct resp *rs)
{
	const struct municipality m = *rq->muni;
	struct roadmap r;
	struct page p;
	int rc;

	if (render_start(rq, &p, "municipality.tpl", m.name) != 0)
		return 500;
	render_feed(&p, arena_printf(rq->arena, "/%s/feed.atom", m.slug), m.name);
	tpl_set_str(p.body, "SLUG", m.slug);
	tpl_set_str(p.body, "NAME", m.name);
	tpl_set_str(p.body, "REGION", m.region);
	tpl_set_str(p.body, "KIND", VOCAB_LABEL(muni_kind_v, m.kind));
	tpl_set_str(p.body, "AUTHORITY", m.authority);
	tpl_set_str(p.body, "PROGRAMME", m.programme_title);
	tpl_set_str(p.body, "PERIOD", m.programme_period);
	tpl_set_str(p.body, "MUNI_SLUG", m.slug);
	tpl_section_str(p.body, "APPROVED", "TEXT", m.approved_by);
	tpl_section_str(p.body, "GOAL", "TEXT", m.goal);
	rc = db_roadmap_of_muni(&rq->w->db, rq->arena, m.id, &r);
	if (rc == DB_OK) {
		struct tpl_dict *d = tpl_section_add(p.body, "ROADMAP");

		tpl_set_str(d, "SLUG", m.slug);
		tpl_set_str(d, "TITLE", r.title);
		tpl_set_str(d, "PERIOD", r.period_text);
		if (page_key_metric(rq, d, r.id, 0) != 0)
			return 500;
	} else if (rc == DB_NOTFOUND)
		tpl_show(p.body, "NO_ROADMAP");
	else
		return 500;
	if (fill_schools(rq, p.body, &m) != 0 || fill_indicators(rq, p.body, m.id) != 0 ||
	    content_section(rq, p.body) != 0)
		return 500;
	if (roadmap_editor(rq))
		tpl_show(p.body, "EDITOR");
	return render_finish(rq, rs, &p);
}
