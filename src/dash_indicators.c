/*
 * dash_indicators.c: the dashboard's programme indicators: target, fact and verdict
 * of each in the dashboard's year, with bars of how far the fact fulfils the plan,
 * and the summary's count of indicators met.
 */
#include <math.h>
#include <stdbool.h>

#include "arena.h"
#include "dash.h"
#include "db_municipality.h"
#include "http.h"
#include "indicator.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

int dash_indicators_load(struct req *rq, struct dash *d)
{
	if (indicator_grid_load(&rq->w->db, rq->arena, d->muni->id, &d->ind) != 0)
		return 500;
	d->ind_year = indicator_year_index(&d->ind, d->f.year);
	if (d->ind_year < d->ind.nyears)
		indicator_year_count(&d->ind, d->ind_year, &d->sum.ind_total, &d->sum.ind_met);
	return 0;
}

int dash_indicators_view(struct req *rq, struct dash *d)
{
	static const enum dash_text heads[] = {
		DASH_NUMBER, DASH_INDICATOR, DASH_PLAN, DASH_FACT, DASH_VERDICT, DASH_FULFILMENT,
	};
	enum { NCOLS = sizeof heads / sizeof heads[0], COL_FULFILMENT = NCOLS - 1 };
	const struct indicator_grid *g = &d->ind;
	struct dash_table *t = &d->t[DV_INDICATORS];
	double *bar = arena_alloc(rq->arena, (g->nind + 1) * sizeof *bar), max = 100;
	bool any = false;

	if (!bar || dash_table_init(rq->arena, t, DV_INDICATORS,
				     arena_printf(rq->arena, "%s: %d", dash_text_v[DASH_INDICATORS], d->f.year),
				     NCOLS, d->ind_year < g->nyears ? g->nind : 0) != 0)
		return 500;
	for (size_t c = 0; c < NCOLS; c++)
		t->heads[c] = dash_text_v[heads[c]];
	for (size_t i = 0; i < t->nrows; i++) {
		const struct indicator_cell *c = indicator_cell_at(g, i, d->ind_year);
		bool lower = g->ind[i]->lower_better;

		dash_cell(t, i, 0)->text = g->ind[i]->code;
		*dash_cell(t, i, 1) = (struct dash_cell){ g->ind[i]->name,
			arena_printf(rq->arena, "/%s/indicators/#i-%s", d->muni->slug, g->ind[i]->code), NULL, NULL };
		dash_cell(t, i, 2)->text = c->plan_raw ? c->plan_raw : "—";
		dash_cell(t, i, 3)->text = c->fact_raw ? c->fact_raw : "—";
		dash_cell(t, i, 4)->text = c->status == PF_EMPTY ? "—" : indicator_status_label[c->status];
		if (c->status != PF_EMPTY)
			dash_cell(t, i, 4)->badge = arena_printf(rq->arena, "pf-status pf-%s",
								 indicator_status_class[c->status]);
		bar[i] = (double)NAN;
		if (indicator_fulfilment(c, lower, &bar[i])) {
			any = true;
			max = bar[i] > max ? bar[i] : max;
		}
		dash_cell(t, i, COL_FULFILMENT)->text = isnan(bar[i]) ? "—" : view_decimal(rq->arena, bar[i]);
	}
	return !any || dash_chart_add(rq->arena, t, COL_FULFILMENT, bar, max) == 0 ? 0 : 500;
}
