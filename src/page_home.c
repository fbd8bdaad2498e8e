/*
 * page_home.c: the front page: every municipality with its programme and counts.
 */
#include "db_municipality.h"
#include "http.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "vocab.h"
#include "worker.h"

int home_page(struct req *rq, struct resp *rs)
{
	struct municipality *m;
	struct page p;
	size_t n;

	if (db_municipality_list(&rq->w->db, rq->arena, &m, &n) != DB_OK ||
	    render_start(rq, &p, "home.tpl", msg_v[MSG_SITE]) != 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(p.body, "MUNI");

		tpl_set_str(d, "SLUG", m[i].slug);
		tpl_set_str(d, "NAME", m[i].name);
		tpl_set_str(d, "REGION", m[i].region);
		tpl_set_str(d, "PROGRAMME", m[i].programme_title);
		tpl_set_str(d, "PERIOD", m[i].programme_period);
		tpl_set_int(d, "N_SCHOOLS", m[i].n_schools);
		tpl_set_int(d, "N_SUPPORTED", m[i].n_supported);
		tpl_set_int(d, "N_ITEMS", m[i].n_items);
	}
	tpl_set_int(p.body, "N_MUNI", (long long)n);
	return render_finish(rq, rs, &p);
}
