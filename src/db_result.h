/*
 * db_result.h: assessment results (ОГЭ, grade-10 continuation, …) of a school
 * beside the «Город» and «Область» rows.
 * No HTTP, no templates.
 */
#ifndef DB_RESULT_H
#define DB_RESULT_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct result {
	const char *scope, *procedure, *subject, *metric, *raw, *stage;
	int grade, year;
	double value;
	long long n;            /* participants; -1 when not given */
	int procedure_rank;     /* its place in procedure_v (the display order) */
};

/* The school's results and all comparison rows of its municipality, ordered by
 * procedure (ОГЭ, ЕГЭ, ВПР, grade 10), subject, grade, stage, year and metric. Groups without
 * a school row are the caller's to skip. */
int db_result_for_school(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id,
			 struct result **out, size_t *n);

#endif
