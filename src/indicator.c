/*
 * indicator.c: the plan-versus-fact grid of the programme's indicators, the
 * verdict of each cell, and the facts the portal computes.
 */
#include "indicator.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_ident.h"
#include "ident.h"
#include "view.h"

const char *const indicator_status_label[PF__MAX] = {
	"достигнуто",                 /* PF_MET */
	"не достигнуто",              /* PF_MISSED */
	"нет данных",                 /* PF_NO_FACT */
	"целевое значение не задано", /* PF_NO_PLAN */
	"несопоставимо",              /* PF_INCOMPARABLE */
	"",                           /* PF_EMPTY */
};
const char *const indicator_status_class[PF__MAX] = { "met", "missed", "nodata", "noplan", "nodata", "" };

/* «да» or «нет» in any case, as 1 or 0; -1 for anything else. */
static int yes_no(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "да") == 0 || strcmp(s, "Да") == 0 || strcmp(s, "ДА") == 0)
		return 1;
	if (strcmp(s, "нет") == 0 || strcmp(s, "Нет") == 0 || strcmp(s, "НЕТ") == 0)
		return 0;
	return -1;
}

enum pf_status indicator_status(const struct indicator_cell *c, bool lower_better)
{
	bool plan = c->plan_raw != NULL, fact = c->fact_raw != NULL;

	if (!plan && !fact)
		return PF_EMPTY;
	if (!fact)
		return PF_NO_FACT;
	if (!plan)
		return PF_NO_PLAN;
	if (c->has_plan && c->has_fact) {
		if (lower_better ? c->fact <= c->plan : c->fact >= c->plan)
			return PF_MET;
		return PF_MISSED;
	}
	int p = yes_no(c->plan_raw), f = yes_no(c->fact_raw);

	if (p < 0 || f < 0)
		return PF_INCOMPARABLE;
	return p == f || (lower_better ? f < p : f > p) ? PF_MET : PF_MISSED;
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Adds `year` to the sorted-later set unless present or 0. */
static void year_add(int *years, size_t *n, size_t cap, int year)
{
	for (size_t i = 0; i < *n; i++)
		if (years[i] == year)
			return;
	if (year && *n < cap)
		years[(*n)++] = year;
}

struct indicator_cell *indicator_cell_at(const struct indicator_grid *g, size_t i, size_t y)
{
	return &g->cells[i * g->nyears + y];
}

int indicator_grid_build(struct arena *a, const struct indicator_pf *rows, size_t n, const int *extra,
			 size_t nextra, struct indicator_grid *g)
{
	enum { CAP = 64 };
	int years[CAP];
	size_t ny = 0;

	memset(g, 0, sizeof *g);
	for (size_t i = 0; i < n; i++) {
		year_add(years, &ny, CAP, rows[i].year);
		if (i == 0 || rows[i].id != rows[i - 1].id)
			g->nind++;
	}
	for (size_t i = 0; i < nextra; i++)
		year_add(years, &ny, CAP, extra[i]);
	qsort(years, ny, sizeof years[0], int_cmp);
	size_t skip = ny > INDICATOR_YEARS_MAX ? ny - INDICATOR_YEARS_MAX : 0;

	g->nyears = ny - skip;
	memcpy(g->years, years + skip, g->nyears * sizeof years[0]);
	g->ind = arena_alloc(a, (g->nind + 1) * sizeof *g->ind);
	g->cells = arena_alloc(a, (g->nind * g->nyears + 1) * sizeof *g->cells);
	if (!g->ind || !g->cells)
		return -1;
	memset(g->cells, 0, (g->nind * g->nyears + 1) * sizeof *g->cells);
	for (size_t i = 0, k = 0; i < n; i++) {
		if (i > 0 && rows[i].id != rows[i - 1].id)
			k++;
		if (i == 0 || rows[i].id != rows[i - 1].id)
			g->ind[k] = &rows[i];
		for (size_t y = 0; y < g->nyears; y++) {
			if (g->years[y] != rows[i].year)
				continue;
			struct indicator_cell *c = indicator_cell_at(g, k, y);

			c->plan_raw = rows[i].plan_raw;
			c->fact_raw = rows[i].fact_raw;
			c->plan = rows[i].plan;
			c->fact = rows[i].fact;
			c->has_plan = rows[i].has_plan;
			c->has_fact = rows[i].has_fact;
		}
	}
	for (size_t i = 0; i < g->nind; i++)
		for (size_t y = 0; y < g->nyears; y++) {
			struct indicator_cell *c = indicator_cell_at(g, i, y);

			c->status = indicator_status(c, g->ind[i]->lower_better);
			c->gap = c->fact - c->plan;
		}
	return 0;
}

/* The share (%) of the schools of `in` in R6 class `want` for result year `year`,
 * among those a cohort could be compared for; false when none could. */
static bool dynamics_share(const struct ident_input *in, enum dynamics want, int year, double *out)
{
	int classified = 0, hits = 0;

	for (size_t i = 0; i < in->nres; i++) {
		if (i > 0 && in->res[i].school_id == in->res[i - 1].school_id)
			continue;   /* the results come ordered by school */
		enum dynamics d = ident_dynamics(NULL, in, in->res[i].school_id, year, NULL, NULL);

		classified += d != DYN__MAX;
		hits += d == want;
	}
	if (classified == 0)
		return false;
	*out = 100.0 * hits / classified;
	return true;
}

/* The computed fact of indicator `compute` for `year` from the rules' inputs of list
 * year `year` + 1; false when there is nothing to compute it from. */
static bool computed_fact(const struct ident_input *in, const char *compute, int year, double *out)
{
	static const struct { const char *code; enum dynamics d; } dyn[] = {
		{ "dynamics_pos", DYN_POS }, { "dynamics_neg", DYN_NEG }, { "dynamics_stable", DYN_STABLE },
	};
	int unfavourable, total;

	if (strcmp(compute, "social_share") == 0) {
		ident_social_count(in->soc, in->nsoc, &in->cfg, year, &unfavourable, &total);
		*out = total ? 100.0 * unfavourable / total : 0;
		return total > 0;
	}
	for (size_t k = 0; k < sizeof dyn / sizeof dyn[0]; k++)
		if (strcmp(compute, dyn[k].code) == 0)
			return dynamics_share(in, dyn[k].d, year, out);
	return false;
}

/* Fills the cells of computed indicators without an entered fact, year by year. */
static int fill_computed(struct db *db, struct arena *a, int64_t muni_id, const struct ident_config *cfg,
			 struct indicator_grid *g)
{
	for (size_t y = 0; y < g->nyears; y++) {
		struct ident_input in;

		if (db_ident_input(db, a, muni_id, g->years[y] + 1, &in) != DB_OK)
			return -1;
		in.cfg = *cfg;
		for (size_t i = 0; i < g->nind; i++) {
			struct indicator_cell *c = indicator_cell_at(g, i, y);

			if (!g->ind[i]->compute || c->fact_raw || !computed_fact(&in, g->ind[i]->compute, g->years[y], &c->fact))
				continue;
			c->has_fact = c->computed = true;
			c->fact_raw = arena_printf(a, "%s%%", view_decimal(a, c->fact));
			c->status = indicator_status(c, g->ind[i]->lower_better);
			c->gap = c->fact - c->plan;
		}
	}
	return 0;
}

/* The years the portal has data to compute from: school results and social indices. */
static int data_years(struct db *db, struct arena *a, int64_t muni_id, int *years, size_t cap, size_t *n)
{
	struct ident_input all;
	int first, last;

	*n = 0;
	if (db_ident_years(db, muni_id, &first, &last) != DB_OK ||
	    db_ident_input(db, a, muni_id, INDICATOR_YEAR_LAST, &all) != DB_OK)
		return -1;
	for (int y = first; y && y <= last; y++)
		year_add(years, n, cap, y);
	for (size_t i = 0; i < all.nsoc; i++)
		year_add(years, n, cap, all.soc[i].year);
	return 0;
}

int indicator_grid_load(struct db *db, struct arena *a, int64_t muni_id, struct indicator_grid *g)
{
	enum { CAP = 64 };
	struct indicator_pf *rows;
	struct ident_config cfg;
	int extra[CAP] = { 0 };
	size_t n, nextra = 0;
	bool computed = false;

	if (db_indicator_plan_fact(db, a, muni_id, &rows, &n) != DB_OK)
		return -1;
	for (size_t i = 0; i < n; i++)
		computed = computed || rows[i].compute;
	if (computed && (db_ident_config(db, muni_id, &cfg) != DB_OK ||
			 data_years(db, a, muni_id, extra, CAP, &nextra) != 0))
		return -1;
	if (indicator_grid_build(a, rows, n, extra, nextra, g) != 0)
		return -1;
	return computed ? fill_computed(db, a, muni_id, &cfg, g) : 0;
}

bool indicator_fulfilment(const struct indicator_cell *c, bool lower_better, double *out)
{
	if (!c->has_plan || !c->has_fact || c->plan <= 0 || c->fact < 0)
		return false;
	if (lower_better)
		*out = c->fact <= c->plan ? 100 : 100 * c->plan / c->fact;
	else
		*out = 100 * c->fact / c->plan;
	return true;
}

size_t indicator_year_index(const struct indicator_grid *g, int year)
{
	size_t y = 0;

	while (y < g->nyears && g->years[y] != year)
		y++;
	return y;
}

void indicator_year_count(const struct indicator_grid *g, size_t y, int *with_plan, int *met)
{
	*with_plan = *met = 0;
	for (size_t i = 0; i < g->nind && y < g->nyears; i++) {
		const struct indicator_cell *c = indicator_cell_at(g, i, y);

		*with_plan += c->plan_raw != NULL;
		*met += c->status == PF_MET;
	}
}
