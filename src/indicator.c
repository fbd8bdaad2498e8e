/*
 * indicator.c: the plan-versus-fact grid of the programme's indicators, the
 * verdict of each cell, and the facts the portal computes.
 */
#include "indicator.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "view.h"

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

void indicator_fill_social(struct arena *a, struct indicator_grid *g, const struct social_count *c, size_t n)
{
	for (size_t i = 0; i < g->nind; i++) {
		if (!g->ind[i]->compute || strcmp(g->ind[i]->compute, "social_share") != 0)
			continue;
		for (size_t y = 0; y < g->nyears; y++) {
			struct indicator_cell *cell = indicator_cell_at(g, i, y);

			for (size_t k = 0; k < n; k++) {
				if (c[k].year != g->years[y] || c[k].with_index == 0 || cell->fact_raw)
					continue;
				cell->fact = 100.0 * c[k].within / c[k].with_index;
				cell->has_fact = cell->computed = true;
				cell->fact_raw = arena_printf(a, "%s%%", view_decimal(a, cell->fact));
				cell->status = indicator_status(cell, g->ind[i]->lower_better);
				cell->gap = cell->fact - cell->plan;
			}
		}
	}
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
