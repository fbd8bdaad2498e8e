/*
 * db_result.c: statements and row mapping for assessment results.
 * No HTTP and no templates; read-only.
 */
#include "db_result.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "vocab.h"

static void result_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct result *r = item;

	r->scope = db_text(a, st, 0);
	r->procedure = db_text(a, st, 1);
	r->subject = db_text(a, st, 2);
	r->grade = sqlite3_column_int(st, 3);
	r->year = sqlite3_column_int(st, 4);
	r->metric = db_text(a, st, 5);
	r->value = sqlite3_column_double(st, 6);
	r->raw = db_text(a, st, 7);
	r->n = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 8);
	r->stage = db_text(a, st, 9);
	r->procedure_rank = (int)VOCAB_FIND(procedure_v, r->procedure);
}

/* Procedures in the vocabulary's order (ОГЭ first), then subject, grade, stage, year, metric. */
static int result_cmp(const void *pa, const void *pb)
{
	const struct result *a = pa, *b = pb;
	int c;

	if (a->procedure_rank != b->procedure_rank)
		return a->procedure_rank < b->procedure_rank ? -1 : 1;
	if ((c = strcmp(a->subject, b->subject)) != 0)
		return c;
	if (a->grade != b->grade)
		return a->grade < b->grade ? -1 : 1;
	if ((c = strcmp(a->stage, b->stage)) != 0)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return strcmp(a->metric, b->metric);
}

int db_result_for_school(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id,
			 struct result **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RESULT_FOR_SCHOOL,
		"SELECT scope, procedure, subject, grade, year, metric, value, raw, n_participants, stage"
		" FROM result WHERE school_id = ?2"
		" UNION ALL "
		"SELECT scope, procedure, subject, grade, year, metric, value, raw, n_participants, stage"
		" FROM result WHERE municipality_id = ?1 AND scope IN ('city', 'region')");

	int rc;

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, school_id) != SQLITE_OK)
		return DB_ERR;
	rc = db_collect(db, a, st, sizeof **out, result_row, (void **)out, n);
	if (rc == DB_OK && *n > 1)
		qsort(*out, *n, sizeof **out, result_cmp);   /* cheaper here than SQL's temp B-tree */
	return rc;
}
