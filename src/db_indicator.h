/*
 * db_indicator.h: the programme's indicators with their targets and facts per
 * year, the facts the coordinator enters, and the inputs of computed facts.
 * No HTTP, no templates.
 */
#ifndef DB_INDICATOR_H
#define DB_INDICATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct indicator_target {
	const char *code, *name, *unit, *group_name;
	int year;               /* 0: the indicator has no targets */
	const char *raw;        /* target as printed */
};

/* One row per indicator and target year (year 0 when it has none), in printed order. */
int db_indicator_by_muni(struct db *db, struct arena *a, int64_t muni_id,
			 struct indicator_target **out, size_t *n);

/* An indicator and year with its plan and fact; a year appears when it has either. */
struct indicator_pf {
	int64_t id;
	const char *code, *name, *unit, *group_name;
	const char *compute;    /* NULL: entered by hand; else how the portal computes it */
	bool lower_better;      /* a share of schools or pupils in difficulty */
	int year;               /* 0: neither a target nor a fact yet */
	const char *plan_raw, *fact_raw;   /* NULL when absent */
	double plan, fact;
	bool has_plan, has_fact;           /* the numeric parts */
};

/* Every indicator of the municipality, by printed order then year. */
int db_indicator_plan_fact(struct db *db, struct arena *a, int64_t muni_id,
			   struct indicator_pf **out, size_t *n);

/* The id of indicator `code` of the municipality; DB_OK, DB_NOTFOUND or DB_ERR. */
int db_indicator_id(struct db *db, int64_t muni_id, const char *code, int64_t *id);

/* Sets (value not NULL) or clears (NULL) the fact of an indicator for a year; the
 * caller owns the transaction. `has_value` says whether `value` holds the number. */
int db_indicator_fact_set(struct db *db, int64_t indicator_id, int year, const char *raw,
			  bool has_value, double value, int64_t user_id);

#endif
