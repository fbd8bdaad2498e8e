/*
 * db_roadmap.c: statements and row mapping for roadmaps, tasks and items.
 * No HTTP and no templates; read-only.
 */
#include "db_roadmap.h"

#include "db.h"

/* Each count is a seek in the covering index roadmap_item_by_status. */
#define ROADMAP_COLUMNS \
	"r.id, r.slug, r.title, r.period_text, r.approved_by, r.year_from, r.year_to," \
	" (SELECT count(*) FROM roadmap_item WHERE roadmap_id = r.id)," \
	" (SELECT count(*) FROM roadmap_item WHERE roadmap_id = r.id AND status = 'in_progress')," \
	" (SELECT count(*) FROM roadmap_item WHERE roadmap_id = r.id AND status = 'done')," \
	" (SELECT count(*) FROM roadmap_item WHERE roadmap_id = r.id AND status = 'confirmed')" \
	" FROM roadmap r"

static void roadmap_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct roadmap *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->slug = db_text(a, st, 1);
	r->title = db_text(a, st, 2);
	r->period_text = db_text(a, st, 3);
	r->approved_by = db_text(a, st, 4);
	r->year_from = sqlite3_column_int(st, 5);
	r->year_to = sqlite3_column_int(st, 6);
	r->n_items = sqlite3_column_int(st, 7);
	r->n_in_progress = sqlite3_column_int(st, 8);
	r->n_done = sqlite3_column_int(st, 9);
	r->n_confirmed = sqlite3_column_int(st, 10);
}

int db_roadmap_of_muni(struct db *db, struct arena *a, int64_t muni_id, struct roadmap *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_OF_MUNI,
		"SELECT " ROADMAP_COLUMNS " WHERE r.id = (SELECT id FROM roadmap"
		" WHERE municipality_id = ?1 AND school_id IS NULL"
		" ORDER BY year_to DESC, id DESC LIMIT 1)");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, roadmap_row, out);
}

int db_roadmap_of_school(struct db *db, struct arena *a, int64_t school_id, struct roadmap *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_OF_SCHOOL,
		"SELECT " ROADMAP_COLUMNS " WHERE r.id = (SELECT id FROM roadmap"
		" WHERE school_id = ?1 ORDER BY year_to DESC, id DESC LIMIT 1)");

	if (!st || sqlite3_bind_int64(st, 1, school_id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, roadmap_row, out);
}

static void task_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct roadmap_task *t = item;

	t->id = sqlite3_column_int64(st, 0);
	t->seq = sqlite3_column_int(st, 1);
	t->title = db_text(a, st, 2);
}

int db_roadmap_tasks(struct db *db, struct arena *a, int64_t roadmap_id,
		     struct roadmap_task **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_TASKS,
		"SELECT id, seq, title FROM roadmap_task WHERE roadmap_id = ?1 ORDER BY seq");

	if (!st || sqlite3_bind_int64(st, 1, roadmap_id) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, task_row, (void **)out, n);
}

static void item_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct roadmap_item *i = item;

	i->id = sqlite3_column_int64(st, 0);
	i->task_id = sqlite3_column_int64(st, 1);
	i->seq = sqlite3_column_int(st, 2);
	i->number = db_text(a, st, 3);
	i->measure = db_text(a, st, 4);
	i->planned_result = db_text(a, st, 5);
	i->deadline_text = db_text(a, st, 6);
	i->responsible = db_text(a, st, 7);
	i->status = db_text(a, st, 8);
}

int db_roadmap_items(struct db *db, struct arena *a, int64_t roadmap_id, const char *status,
		     struct roadmap_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_ITEMS,
		"SELECT id, task_id, seq, number, measure, planned_result, deadline_text,"
		" responsible, status FROM roadmap_item"
		" WHERE roadmap_id = ?1 AND (?2 IS NULL OR status = ?2) ORDER BY seq");

	if (!st || sqlite3_bind_int64(st, 1, roadmap_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, item_row, (void **)out, n);
}
