/*
 * db_roadmap_edit.c: statements that write a roadmap's items and tasks, the
 * audit lines that name an item, and the occurrence upkeep of rescheduling.
 * No HTTP and no templates; the caller owns the transaction. Never deletes an
 * item or an occurrence that was worked on.
 *
 * The statements live in db.h's per-connection cache like every other: the
 * scheduler runs some of them for every item of a roadmap being loaded.
 */
#include "db_roadmap_edit.h"

#include "db.h"

/* Above every seq a roadmap really has: renumbering passes through it so that
 * UNIQUE(roadmap_id, seq), checked row by row, never sees two equal values. */
#define SEQ_PARK 1000000000
#define SEQ_PARK_SQL "1000000000"

/* Resets `st` for its next use and passes `rc` on, so a call can end in
 * `return finish(st, db_exec(db, st))`. */
static int finish(sqlite3_stmt *st, int rc)
{
	db_done(st);
	return rc;
}

/* A write that may legitimately change no row. */
static int exec_any(struct db *db, sqlite3_stmt *st)
{
	int rc = db_exec(db, st);

	return rc == DB_NOTFOUND ? DB_OK : rc;
}

/* Runs write `st` if its bindings succeeded (`bound`), then finalises it. */
static int run_any(struct db *db, sqlite3_stmt *st, bool bound)
{
	return finish(st, bound ? exec_any(db, st) : DB_ERR);
}

static int bind_str(sqlite3_stmt *st, int col, const char *s)
{
	return sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

#define RECORD_COLUMNS \
	"i.id, i.roadmap_id, i.task_id, r.municipality_id, i.seq, t.seq, i.number, i.measure," \
	" i.planned_result, i.deadline_text, i.responsible, t.title, coalesce(i.removed_at, 0)" \
	" FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id" \
	" JOIN roadmap_task t ON t.id = i.task_id"

static void record_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct item_record *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->roadmap_id = sqlite3_column_int64(st, 1);
	r->task_id = sqlite3_column_int64(st, 2);
	r->municipality_id = sqlite3_column_int64(st, 3);
	r->seq = sqlite3_column_int(st, 4);
	r->task_seq = sqlite3_column_int(st, 5);
	r->number = db_text(a, st, 6);
	r->measure = db_text(a, st, 7);
	r->planned_result = db_text(a, st, 8);
	r->deadline_text = db_text(a, st, 9);
	r->responsible = db_text(a, st, 10);
	r->task_title = db_text(a, st, 11);
	r->removed_at = sqlite3_column_int64(st, 12);
}

int db_item_record_get(struct db *db, struct arena *a, int64_t id, struct item_record *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_ITEM_GET, "SELECT " RECORD_COLUMNS " WHERE i.id = ?1");

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return finish(st, DB_ERR);
	return finish(st, db_one(db, a, st, record_row, out));
}

int db_item_number_taken(struct db *db, int64_t roadmap_id, const char *number, int64_t except_id,
			 bool *taken)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_NUMBER_TAKEN, "SELECT EXISTS (SELECT 1 FROM roadmap_item"
				       " WHERE roadmap_id = ?1 AND number = ?2 AND id <> ?3)");
	int rc = DB_ERR;

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, roadmap_id) == SQLITE_OK && bind_str(st, 2, number) == SQLITE_OK &&
	    sqlite3_bind_int64(st, 3, except_id) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			*taken = sqlite3_column_int(st, 0) != 0;
			rc = DB_OK;
		} else
			db_log_err(db, "item_number_taken");
	}
	return finish(st, rc);
}

int db_task_add(struct db *db, int64_t roadmap_id, const char *title, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_TASK_ADD, "INSERT INTO roadmap_task (roadmap_id, seq, title, source)"
				       " SELECT ?1, coalesce(max(seq), 0) + 1, ?2, 'portal'"
				       " FROM roadmap_task WHERE roadmap_id = ?1");
	int rc;

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, roadmap_id) != SQLITE_OK || bind_str(st, 2, title) != SQLITE_OK)
		return finish(st, DB_ERR);
	if ((rc = finish(st, db_exec(db, st))) == DB_OK)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc == DB_OK ? DB_OK : DB_ERR;
}

/* Sets the seq of one item. */
static int set_seq(struct db *db, int64_t id, int seq)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_SET_SEQ, "UPDATE roadmap_item SET seq = ?2 WHERE id = ?1");

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK || sqlite3_bind_int(st, 2, seq) != SQLITE_OK)
		return finish(st, DB_ERR);
	return finish(st, db_exec(db, st));
}

int db_item_make_room(struct db *db, int64_t roadmap_id, int64_t task_id, int64_t item_id,
		      int *seq)
{
	sqlite3_stmt *st;
	int pos = 0, rc = DB_ERR;

	if (item_id && set_seq(db, item_id, -1) != DB_OK)
		return DB_ERR;
	/* after the task's last item; a task without items after those of the tasks before it */
	if (!(st = db_stmt(db, STMT_RE_ROOM_POS, "SELECT coalesce("
			       " (SELECT max(seq) FROM roadmap_item WHERE task_id = ?2 AND id <> ?3),"
			       " (SELECT max(i.seq) FROM roadmap_item i JOIN roadmap_task t ON t.id = i.task_id"
			       "  WHERE i.roadmap_id = ?1 AND i.id <> ?3"
			       "  AND t.seq < (SELECT seq FROM roadmap_task WHERE id = ?2)), 0)")))
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, roadmap_id) == SQLITE_OK && sqlite3_bind_int64(st, 2, task_id) == SQLITE_OK &&
	    sqlite3_bind_int64(st, 3, item_id) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			pos = sqlite3_column_int(st, 0);
			rc = DB_OK;
		} else
			db_log_err(db, "item_make_room");
	}
	if (finish(st, rc) != DB_OK || pos < 0 || pos >= SEQ_PARK - 1)
		return DB_ERR;
	/* the items behind go up out of the way, then come back one place further */
	if (!(st = db_stmt(db, STMT_RE_ROOM_PARK, "UPDATE roadmap_item SET seq = seq + " SEQ_PARK_SQL
			       " WHERE roadmap_id = ?1 AND seq > ?2")) ||
	    run_any(db, st, sqlite3_bind_int64(st, 1, roadmap_id) == SQLITE_OK &&
			    sqlite3_bind_int(st, 2, pos) == SQLITE_OK) != DB_OK)
		return DB_ERR;
	if (!(st = db_stmt(db, STMT_RE_ROOM_BACK, "UPDATE roadmap_item SET seq = seq - " SEQ_PARK_SQL " + 1"
			       " WHERE roadmap_id = ?1 AND seq >= " SEQ_PARK_SQL)) ||
	    run_any(db, st, sqlite3_bind_int64(st, 1, roadmap_id) == SQLITE_OK) != DB_OK)
		return DB_ERR;
	*seq = pos + 1;
	return DB_OK;
}

static int bind_fields(sqlite3_stmt *st, int first, const struct item_fields *f)
{
	return sqlite3_bind_int64(st, first, f->task_id) != SQLITE_OK ||
	       bind_str(st, first + 1, f->number) != SQLITE_OK ||
	       bind_str(st, first + 2, f->measure) != SQLITE_OK ||
	       bind_str(st, first + 3, f->planned_result) != SQLITE_OK ||
	       bind_str(st, first + 4, f->deadline_text) != SQLITE_OK ||
	       bind_str(st, first + 5, f->responsible) != SQLITE_OK ? SQLITE_ERROR : SQLITE_OK;
}

int db_item_add(struct db *db, int64_t roadmap_id, int seq, const struct item_fields *f,
		int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_ITEM_ADD, "INSERT INTO roadmap_item (roadmap_id, seq, task_id, number, measure,"
				       " planned_result, deadline_text, responsible, source)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'portal')");
	int rc;

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, roadmap_id) != SQLITE_OK || sqlite3_bind_int(st, 2, seq) != SQLITE_OK ||
	    bind_fields(st, 3, f) != SQLITE_OK)
		return finish(st, DB_ERR);
	if ((rc = finish(st, db_exec(db, st))) == DB_OK)
		*id = sqlite3_last_insert_rowid(db->h);
	return rc == DB_OK ? DB_OK : DB_ERR;
}

int db_item_update(struct db *db, int64_t id, int seq, const struct item_fields *f)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_ITEM_UPDATE, "UPDATE roadmap_item SET seq = ?2, task_id = ?3, number = ?4,"
				       " measure = ?5, planned_result = ?6, deadline_text = ?7,"
				       " responsible = ?8, updated_at = unixepoch() WHERE id = ?1");

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK || sqlite3_bind_int(st, 2, seq) != SQLITE_OK ||
	    bind_fields(st, 3, f) != SQLITE_OK)
		return finish(st, DB_ERR);
	return finish(st, db_exec(db, st));
}

int db_item_neighbour(struct db *db, struct arena *a, const struct item_record *it, bool up,
		      struct item_record *out)
{
	sqlite3_stmt *st = db_stmt(db, up ? STMT_RE_NEIGHBOUR_UP : STMT_RE_NEIGHBOUR_DOWN, up
		? "SELECT " RECORD_COLUMNS " WHERE i.task_id = ?1 AND i.removed_at IS NULL AND i.seq < ?2"
		  " ORDER BY i.seq DESC LIMIT 1"
		: "SELECT " RECORD_COLUMNS " WHERE i.task_id = ?1 AND i.removed_at IS NULL AND i.seq > ?2"
		  " ORDER BY i.seq LIMIT 1");

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, it->task_id) != SQLITE_OK || sqlite3_bind_int(st, 2, it->seq) != SQLITE_OK)
		return finish(st, DB_ERR);
	return finish(st, db_one(db, a, st, record_row, out));
}

int db_item_swap(struct db *db, const struct item_record *x, const struct item_record *y)
{
	if (x->roadmap_id != y->roadmap_id)
		return DB_ERR;
	return set_seq(db, x->id, -1) == DB_OK && set_seq(db, y->id, x->seq) == DB_OK &&
	       set_seq(db, x->id, y->seq) == DB_OK ? DB_OK : DB_ERR;
}

int db_item_set_removed(struct db *db, int64_t id, bool removed)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_SET_REMOVED, "UPDATE roadmap_item"
				       " SET removed_at = CASE WHEN ?2 THEN unixepoch() END, updated_at = unixepoch()"
				       " WHERE id = ?1 AND (removed_at IS NULL) = ?2");

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK || sqlite3_bind_int(st, 2, removed) != SQLITE_OK)
		return finish(st, DB_ERR);
	return finish(st, db_exec(db, st));
}

int db_item_schedule_source(struct db *db, struct arena *a, int64_t item_id, const char **text,
			    int *year_from, int *year_to)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_SCHEDULE_SOURCE, "SELECT i.deadline_text, r.year_from, r.year_to FROM roadmap_item i"
				       " JOIN roadmap r ON r.id = i.roadmap_id WHERE i.id = ?1");
	int step, rc = DB_ERR;

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, item_id) != SQLITE_OK)
		return finish(st, DB_ERR);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*text = db_text(a, st, 0);
		*year_from = sqlite3_column_int(st, 1);
		*year_to = sqlite3_column_int(st, 2);
		rc = sqlite3_column_type(st, 0) == SQLITE_NULL || *text ? DB_OK : DB_ERR;
	} else if (step == SQLITE_DONE)
		rc = DB_NOTFOUND;
	else
		db_log_err(db, "item_schedule_source");
	return finish(st, rc);
}

int db_occurrence_drop_unworked(struct db *db, int64_t item_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_DROP_UNWORKED, "DELETE FROM occurrence WHERE item_id = ?1 AND status = 'planned'"
				       " AND done_at IS NULL AND confirmed_at IS NULL"
				       " AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.occurrence_id = occurrence.id)");

	if (!st)
		return DB_ERR;
	return run_any(db, st, sqlite3_bind_int64(st, 1, item_id) == SQLITE_OK);
}

int db_occurrence_renumber(struct db *db, int64_t item_id)
{
	/* negative first, so that UNIQUE(item_id, seq) never meets a number still in use */
	static const char *const sql[] = {
		"UPDATE occurrence SET seq = -seq WHERE item_id = ?1",
		"UPDATE occurrence SET seq = r.n FROM (SELECT id, row_number()"
		" OVER (ORDER BY starts_on, due_on, id) AS n FROM occurrence WHERE item_id = ?1) AS r"
		" WHERE occurrence.id = r.id",
	};

	static const enum db_stmt id[] = { STMT_RE_RENUMBER_PARK, STMT_RE_RENUMBER };

	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st = db_stmt(db, id[i], sql[i]);

		if (!st || run_any(db, st, sqlite3_bind_int64(st, 1, item_id) == SQLITE_OK) != DB_OK)
			return DB_ERR;
	}
	return DB_OK;
}

int db_roadmap_add(struct db *db, int64_t muni_id, int64_t school_id, const char *title,
		   const char *period, int year_from, int year_to, const char *digest, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_ROADMAP_ADD, "INSERT INTO roadmap (municipality_id, slug, title, period_text,"
		" year_from, year_to, source, import_digest, school_id)"
		" VALUES (?1, coalesce('import-' || substr(?6, 1, 16), 'new-' || lower(hex(randomblob(8)))),"
		" ?2, ?3, ?4, ?5, iif(?6 IS NULL, 'form', 'import'), ?6, nullif(?7, 0))");

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK || bind_str(st, 2, title) != SQLITE_OK ||
	    bind_str(st, 3, period) != SQLITE_OK || sqlite3_bind_int(st, 4, year_from) != SQLITE_OK ||
	    sqlite3_bind_int(st, 5, year_to) != SQLITE_OK || bind_str(st, 6, digest) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 7, school_id) != SQLITE_OK)
		return finish(st, DB_ERR);
	if (finish(st, db_exec(db, st)) != DB_OK)
		return DB_ERR;
	*id = sqlite3_last_insert_rowid(db->h);
	return DB_OK;
}

int db_roadmap_by_digest(struct db *db, int64_t muni_id, const char *digest, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RE_BY_DIGEST, "SELECT id FROM roadmap WHERE municipality_id = ?1 AND import_digest = ?2");
	int step;

	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK || bind_str(st, 2, digest) != SQLITE_OK)
		return finish(st, DB_ERR);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	return finish(st, step == SQLITE_ROW ? DB_OK : step == SQLITE_DONE ? DB_NOTFOUND : DB_ERR);
}
