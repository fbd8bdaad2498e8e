/*
 * db_result_import.c: statements of the results and social-index import: find the stored
 * row by its key, then insert, update or leave it. Comparison rows (school NULL) are found
 * with IS, since a UNIQUE constraint lets NULLs repeat. No HTTP, no templates.
 */
#include "db_result_import.h"

#include "db.h"

/* Binds `r`'s key as ?1–?9 (school ?3 NULL for comparison rows, grade ?6). */
static bool bind_key(sqlite3_stmt *st, const struct result_in *r)
{
	return sqlite3_bind_int64(st, 1, r->muni_id) == SQLITE_OK &&
	       sqlite3_bind_text(st, 2, r->scope, -1, SQLITE_STATIC) == SQLITE_OK &&
	       (r->school_id ? sqlite3_bind_int64(st, 3, r->school_id) : sqlite3_bind_null(st, 3)) == SQLITE_OK &&
	       sqlite3_bind_text(st, 4, r->procedure, -1, SQLITE_STATIC) == SQLITE_OK &&
	       sqlite3_bind_text(st, 5, r->subject, -1, SQLITE_STATIC) == SQLITE_OK &&
	       sqlite3_bind_int(st, 6, r->grade) == SQLITE_OK &&
	       sqlite3_bind_int(st, 7, r->year) == SQLITE_OK &&
	       sqlite3_bind_text(st, 8, r->metric, -1, SQLITE_STATIC) == SQLITE_OK &&
	       sqlite3_bind_text(st, 9, r->stage, -1, SQLITE_STATIC) == SQLITE_OK;
}

/* Binds value ?10, raw ?11 and N ?12. */
static bool bind_data(sqlite3_stmt *st, const struct result_in *r)
{
	return sqlite3_bind_double(st, 10, r->value) == SQLITE_OK &&
	       sqlite3_bind_text(st, 11, r->raw, -1, SQLITE_STATIC) == SQLITE_OK &&
	       (r->n >= 0 ? sqlite3_bind_int64(st, 12, r->n) : sqlite3_bind_null(st, 12)) == SQLITE_OK;
}

/* The stored row of `r`'s key: *id 0 when there is none, *same whether value, raw and N match. */
static int result_find(struct db *db, const struct result_in *r, int64_t *id, bool *same)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RESULT_FIND,
		"SELECT id, value = ?10 AND raw = ?11 AND n_participants IS ?12 FROM result"
		" WHERE municipality_id = ?1 AND scope = ?2 AND school_id IS ?3 AND procedure = ?4"
		" AND subject = ?5 AND grade = ?6 AND year = ?7 AND metric = ?8 AND stage = ?9");
	int step;

	*id = 0;
	*same = false;
	if (!st || !bind_key(st, r) || !bind_data(st, r)) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*same = sqlite3_column_int(st, 1) != 0;
	} else if (step != SQLITE_DONE)
		db_log_err(db, "result_find");
	db_done(st);
	return step == SQLITE_ROW || step == SQLITE_DONE ? DB_OK : DB_ERR;
}

int db_result_put(struct db *db, const struct result_in *r, const char *source, enum db_change *out)
{
	sqlite3_stmt *st;
	int64_t id;
	bool same;

	if (result_find(db, r, &id, &same) != DB_OK)
		return DB_ERR;
	*out = !id ? DBC_NEW : same ? DBC_SAME : DBC_CHANGED;
	if (!source || *out == DBC_SAME)
		return DB_OK;
	if (!id)
		st = db_stmt(db, STMT_RESULT_INSERT,
			"INSERT INTO result (municipality_id, scope, school_id, procedure, subject, grade, year,"
			" metric, stage, value, raw, n_participants, source)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	else
		st = db_stmt(db, STMT_RESULT_UPDATE,
			"UPDATE result SET value = ?10, raw = ?11, n_participants = ?12, source = ?13"
			" WHERE id = ?14 AND municipality_id = ?1 AND scope = ?2 AND procedure = ?4"
			" AND subject = ?5 AND grade = ?6 AND year = ?7 AND metric = ?8 AND stage = ?9"
			" AND school_id IS ?3");
	if (!st || !bind_key(st, r) || !bind_data(st, r) ||
	    sqlite3_bind_text(st, 13, source, -1, SQLITE_STATIC) != SQLITE_OK ||
	    (id && sqlite3_bind_int64(st, 14, id) != SQLITE_OK)) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_OK ? DB_OK : DB_ERR;
}

int db_social_put(struct db *db, int64_t school_id, int year, double value, const char *status,
		  const char *source, enum db_change *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SOCIAL_FIND,
		"SELECT value = ?3 AND status IS ?4 FROM social_index WHERE school_id = ?1 AND year = ?2");
	int step;

	if (!st || sqlite3_bind_int64(st, 1, school_id) != SQLITE_OK || sqlite3_bind_int(st, 2, year) != SQLITE_OK ||
	    sqlite3_bind_double(st, 3, value) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	step = sqlite3_step(st);
	*out = step == SQLITE_ROW ? (sqlite3_column_int(st, 0) ? DBC_SAME : DBC_CHANGED) : DBC_NEW;
	db_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		db_log_err(db, "social_find");
		return DB_ERR;
	}
	if (!source || *out == DBC_SAME)
		return DB_OK;
	st = db_stmt(db, STMT_SOCIAL_PUT,
		"INSERT INTO social_index (school_id, year, value, status, source) VALUES (?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT (school_id, year) DO UPDATE SET value = excluded.value, status = excluded.status,"
		" source = excluded.source, updated_at = unixepoch()");
	if (!st || sqlite3_bind_int64(st, 1, school_id) != SQLITE_OK || sqlite3_bind_int(st, 2, year) != SQLITE_OK ||
	    sqlite3_bind_double(st, 3, value) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, source, -1, SQLITE_STATIC) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_OK ? DB_OK : DB_ERR;
}
