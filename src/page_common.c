/*
 * page_common.c: loaders and dictionary fillers shared by the municipal,
 * school and roadmap pages.
 */
#include "page_common.h"

#include "arena.h"
#include "db_municipality.h"
#include "db_roadmap.h"
#include "db_school.h"
#include "http.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

int page_municipality_load(struct req *rq, struct municipality *m)
{
	int rc = db_municipality_by_slug(&rq->w->db, rq->arena, rq->args[0], m);

	if (rc == DB_NOTFOUND)
		return 404;
	if (rc != DB_OK)
		return 500;
	return 0;
}

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
