/*
 * dash.h: the coordinator's dashboard as data: its GET filters, what it loads
 * for them, and each view as a table of cells (text, link, status) with an
 * optional bar chart. The page renders these tables and the exports write the
 * very same cells, so a download is exactly what the page shows. No templates
 * and no HTTP output here.
 */
#ifndef DASH_H
#define DASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db_occurrence.h"
#include "indicator.h"

struct arena;
struct chart_bar;
struct chart_point;
struct dash_result;
struct dash_subject;
struct document;
struct export_table;
struct membership;
struct municipality;
struct req;
struct school;

/* The views, in page order; the code names the export /<m>/dashboard/<code>.csv. */
enum dash_view {
	DV_SUMMARY, DV_MATRIX, DV_RISKS, DV_RESULTS, DV_TREND, DV_PROGRESS, DV_TASKS, DV_OVERDUE,
	DV_INDICATORS,
	DV_REGION,   /* /dashboard/: one row per municipality */
	DV__MAX
};
extern const char *const dash_view_code[DV__MAX];

/* Index of a view code, DV__MAX when unknown. */
enum dash_view dash_view_find(const char *code);

/* A small trend line in a cell: its points and their text alternative (= cell text). */
struct dash_spark {
	struct chart_point *pt;
	int npt;
	const char *points;
};

struct dash_cell {
	const char *text;               /* what is shown and exported; never NULL once built */
	const char *href;               /* a link, or NULL */
	const char *badge;              /* CSS classes of a status/significance badge, or NULL */
	const struct dash_spark *spark; /* a trend line drawn beside the text, or NULL */
};

/* Bars beside a table: one per labelled value; the data are the table's rows. */
struct dash_chart {
	size_t n, col;                  /* bars, and the table column they draw */
	const char **labels, **values;
	struct chart_bar *bars;
	int height;
};

struct dash_table {
	enum dash_view view;
	const char *caption;
	size_t ncols, nrows;
	const char **heads;             /* ncols */
	struct dash_cell *cells;        /* nrows × ncols, row-major; column 0 names the row */
	struct dash_chart *chart;       /* NULL: none */
	int total;                      /* rows there are in all (> nrows: the table is cut) */
};

/* The GET filters, validated, with defaults filled in. */
struct dash_filter {
	int year;                       /* programme year (memberships, documents, risks) */
	const char *programme;          /* programme_v code, or NULL: all */
	const char *school;             /* a school slug, or NULL: all */
	int64_t school_id;              /* its id, 0: all */
	const char *procedure, *subject, *metric;   /* the results view; NULL when none */
	int grade, result_year;         /* grade 0: none */
};

/* The summary figures (also one row of the region's roll-up). */
struct dash_summary {
	int in_programme, docs_required, docs_accepted, overdue;
	bool has_roadmap;
	struct key_metric metric;       /* the municipal roadmap's, when has_roadmap */
	int ind_total, ind_met;         /* indicators with a target in the year, and met */
};

/* Overdue occurrences listed at most (the count covers all). */
enum { DASH_OVERDUE_MAX = 200 };

struct dash_overdue;

struct dash {
	const struct municipality *muni;
	int64_t curator_id;             /* the user when a curator: only their schools */
	struct dash_filter f;
	int min_group;                  /* fewer participants: «данных недостаточно» */
	struct school *schools;         /* in the user's scope */
	size_t nschools;
	const struct school **set;      /* of those, in the programme of the year (and filters) */
	unsigned *progs;                /* per set row: its programmes that year, 1 << PROG_x */
	size_t nset;
	struct membership *ms;          /* the municipality's memberships, newest year first */
	size_t nms;
	struct document *docs;          /* by school */
	size_t ndocs;
	struct dash_result *res;        /* the chosen procedure, subject and grade, by year */
	size_t nres;
	struct dash_subject *subjects;
	size_t nsubjects;
	struct dash_summary sum;
	struct dash_overdue *overdue;   /* the first DASH_OVERDUE_MAX of sum.overdue */
	size_t noverdue;
	struct indicator_grid ind;      /* the programme's indicators, plan against fact */
	size_t ind_year;                /* the index of f.year in ind.years (nyears: none) */
	struct dash_table t[DV__MAX];
	int bad_param;                  /* dash_param_v index of a rejected filter */
};

/* Reads the filters (only when `filters`; else every default), loads the data
 * for municipality `m` as `rq->user` may see it and fills the summary.
 * Returns 0, 400 (d->bad_param names the filter) or 500. */
int dash_load(struct req *rq, const struct municipality *m, bool filters, struct dash *d);

/* Builds every view of a loaded dashboard. Returns 0 or 500. */
int dash_build(struct req *rq, struct dash *d);

/* The views, in dash_views.c and dash_results.c. Each returns 0 or 500. */
int dash_summary_view(struct req *rq, struct dash *d);
int dash_matrix_view(struct req *rq, struct dash *d);
int dash_risks_view(struct req *rq, struct dash *d);
int dash_progress_view(struct req *rq, struct dash *d);
int dash_tasks_view(struct req *rq, struct dash *d);
int dash_overdue_view(struct req *rq, struct dash *d);
int dash_results_view(struct req *rq, struct dash *d);
int dash_trend_view(struct req *rq, struct dash *d);
int dash_indicators_view(struct req *rq, struct dash *d);

/* Loads the indicator grid and counts the year's indicators met into d->sum
 * (dash_indicators.c). Returns 0 or 500. */
int dash_indicators_load(struct req *rq, struct dash *d);

/* Makes table `t` of nrows × ncols empty cells (text "") with room for the heads.
 * Returns 0 or -1 when the arena is full. */
int dash_table_init(struct arena *a, struct dash_table *t, enum dash_view view, const char *caption,
		    size_t ncols, size_t nrows);

/* The cell at row r, column c. */
struct dash_cell *dash_cell(struct dash_table *t, size_t r, size_t c);

/* Adds bars for column `col` of every row (label: column 0) scaled to `max`; a
 * cell whose value[] is NaN gets no bar. Returns 0 or -1. */
int dash_chart_add(struct arena *a, struct dash_table *t, size_t col, const double *value, double max);

/* The index of school `id` in d->set (ordered by id), or d->nset. */
size_t dash_set_row(const struct dash *d, int64_t id);

/* The table as an export table (the cells' texts). Returns 0 or -1. */
int dash_export_table(struct arena *a, const struct dash_table *t, struct export_table *out);

#endif
