/*
 * db_ident.h: what the identification rules read (results, social index,
 * non-objectivity, thresholds of a municipality) and the coordinator's
 * decisions with their history and the list membership they set.
 * No HTTP, no templates; the caller owns the transaction.
 */
#ifndef DB_IDENT_H
#define DB_IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ident.h"

struct arena;
struct db;

/* The municipality's thresholds. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_ident_config(struct db *db, int64_t muni_id, struct ident_config *out);

/* The small-group threshold of the municipality (IDENT_MIN_GROUP_DEFAULT when it has
 * no settings row). Returns DB_OK or DB_ERR. */
enum { IDENT_MIN_GROUP_DEFAULT = 10 };
int db_ident_min_group(struct db *db, int64_t muni_id, int *out);

/* Stores the thresholds (validated by the caller). Returns DB_OK or DB_ERR. */
int db_ident_config_set(struct db *db, int64_t muni_id, const struct ident_config *c);

/* The rules' inputs of the municipality's schools for list year `year`: results
 * of years − 2 and − 1 and social indices of years ≤ `year`, both ordered by
 * school; every flag. in->cfg is not touched. (ident_dynamics() for result year
 * t needs list year t + 1.) Returns DB_OK or DB_ERR. */
int db_ident_input(struct db *db, struct arena *a, int64_t muni_id, int year, struct ident_input *in);

/* The first and last year of the municipality's school results (0, 0 if none). */
int db_ident_years(struct db *db, int64_t muni_id, int *first, int *last);

/* One decision of the coordinator (ident_decision row). */
struct ident_decision {
	int64_t id, school_id, user_id, at;
	int year;
	const char *kind, *proposed, *decided, *reasons, *comment;   /* proposed, comment may be NULL */
	const char *user_name;
};

/* The decisions in force (the newest per school and kind) of the municipality's
 * schools for list year `year`. Returns DB_OK or DB_ERR. */
int db_ident_in_force(struct db *db, struct arena *a, int64_t muni_id, int year, struct ident_decision **out,
		      size_t *n);

/* Every decision on school `school_id`, newest first. Returns DB_OK or DB_ERR. */
int db_ident_history(struct db *db, struct arena *a, int64_t school_id, struct ident_decision **out, size_t *n);

/* Appends decision `d` (never updated). Returns DB_OK or DB_ERR. */
int db_ident_decide(struct db *db, const struct ident_decision *d);

/* Puts the school on programme `programme` for `year` (kept if already there), or
 * takes it off. Returns DB_OK or DB_ERR. */
int db_ident_membership(struct db *db, int64_t school_id, int year, const char *programme, bool on);

#endif
