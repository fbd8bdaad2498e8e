/*
 * indicator.h: plan versus fact of the programme's indicators as a grid of
 * indicators × years, each cell with its verdict, and the facts the portal
 * computes itself from the identification rules (seed 004: 1.2 from the social
 * index, 2.1–2.3 from ВПР cohort dynamics). No HTTP, no templates.
 */
#ifndef INDICATOR_H
#define INDICATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db_indicator.h"

struct arena;
struct db;

enum pf_status {
	PF_MET,          /* the fact reaches the target */
	PF_MISSED,       /* the fact falls short: the gap is shown */
	PF_NO_FACT,      /* a target, no fact yet */
	PF_NO_PLAN,      /* a fact, no target for the year */
	PF_INCOMPARABLE, /* both, but not both numbers or both «да»/«нет» */
	PF_EMPTY,        /* neither */
	PF__MAX
};

struct indicator_cell {
	const char *plan_raw, *fact_raw;   /* NULL when absent */
	double plan, fact, gap;            /* gap = fact − plan, for PF_MET and PF_MISSED */
	bool has_plan, has_fact, computed;
	enum pf_status status;
};

enum {
	INDICATOR_YEARS_MAX = 12,    /* columns: the latest years */
	INDICATOR_YEAR_LAST = 2100   /* no data beyond */
};

struct indicator_grid {
	size_t nind, nyears;
	int years[INDICATOR_YEARS_MAX];             /* ascending */
	const struct indicator_pf **ind;            /* one per indicator: its first row */
	struct indicator_cell *cells;               /* nind × nyears, row-major */
};

/* The verdicts as pages and downloads name them, and their CSS class suffixes. */
extern const char *const indicator_status_label[PF__MAX];
extern const char *const indicator_status_class[PF__MAX];

/* The verdict on plan and fact; `lower_better` turns the comparison round. */
enum pf_status indicator_status(const struct indicator_cell *c, bool lower_better);

/*
 * Builds the grid of `rows` (db_indicator_plan_fact order) over the years of the
 * rows and the `nextra` extra years (e.g. years with data for computed facts),
 * the latest INDICATOR_YEARS_MAX of them. Returns 0, or -1 when out of memory.
 */
int indicator_grid_build(struct arena *a, const struct indicator_pf *rows, size_t n, const int *extra,
			 size_t nextra, struct indicator_grid *g);

/* Cell of indicator `i` and year index `y`. */
struct indicator_cell *indicator_cell_at(const struct indicator_grid *g, size_t i, size_t y);

/*
 * The grid of municipality `muni_id` over its target and fact years and the years
 * with social or result data, with the computed facts filled in where no fact was
 * entered. Returns 0, or -1 on a database error or a full arena.
 */
int indicator_grid_load(struct db *db, struct arena *a, int64_t muni_id, struct indicator_grid *g);

/* How far a numeric fact fulfils its target, in % (100: exactly met; for a lower-better
 * indicator the target over the fact); false unless both are numbers and it is defined. */
bool indicator_fulfilment(const struct indicator_cell *c, bool lower_better, double *out);

/* The index of `year` among the grid's years, or nyears. */
size_t indicator_year_index(const struct indicator_grid *g, int year);

/* Indicators with a target in year index `y`, and how many of them are met. */
void indicator_year_count(const struct indicator_grid *g, size_t y, int *with_plan, int *met);

#endif
