/*
 * db_result_import.h: what a results or social-index import writes, one row at a time,
 * and how a row compares with what is stored (new, changed, the same) for the preview.
 * No HTTP, no templates; the caller owns the transaction.
 */
#ifndef DB_RESULT_IMPORT_H
#define DB_RESULT_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

struct db;

/* How a row of a file compares with the database. */
enum db_change { DBC_SAME, DBC_NEW, DBC_CHANGED };

/* One result as a file gives it; codes are vocab.c's; school_id 0 for city and region. */
struct result_in {
	int64_t muni_id, school_id;
	const char *scope, *procedure, *subject, *metric, *stage, *raw;
	int grade, year;
	double value;
	long long n;            /* participants; -1: not given (stored as NULL) */
};

/*
 * How `r` compares with the stored result of the same key (value, raw and N).
 * With `source` non-NULL, also writes it when it is new or changed (source only then).
 * Returns DB_OK (*out set) or DB_ERR (logged).
 */
int db_result_put(struct db *db, const struct result_in *r, const char *source, enum db_change *out);

/* The same for the social index of a school and year; `status` a code or NULL. */
int db_social_put(struct db *db, int64_t school_id, int year, double value, const char *status,
		  const char *source, enum db_change *out);

#endif
