/*
 * db_roadmap.c: statements and row mapping for roadmaps, tasks and items.
 * No HTTP and no templates; read-only.
 */
#include "db_roadmap.h"

#include "db.h"
#include "vocab.h"

#define ROADMAP_COLUMNS \
	"r.id, r.slug, r.title, r.period_text, r.approved_by, r.year_from, r.year_to," \
	" (SELECT count(*) FROM roadmap_item WHERE roadmap_id = r.id AND removed_at IS NULL)," \
	" (SELECT slug FROM school WHERE id = r.school_id)" \
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
	r->school_slug = db_text(a, st, 8);
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

int db_roadmap_in_muni(struct db *db, struct arena *a, int64_t muni_id, int64_t id, struct roadmap *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_IN_MUNI,
		"SELECT " ROADMAP_COLUMNS " WHERE r.id = ?2 AND r.municipality_id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK || sqlite3_bind_int64(st, 2, id) != SQLITE_OK)
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

	return db_collect_id(db, a, st, roadmap_id, sizeof **out, task_row, (void **)out, n);
}

/* An item's status from its occurrences: none → no dates; all confirmed →
 * confirmed; any due and unconfirmed → overdue; any executed → done; any
 * confirmed or in progress → in progress; else planned. */
static const char *item_status(int n, int confirmed, int done, int overdue, int in_progress)
{
	if (n == 0)
		return item_status_v[ITEM_UNSCHEDULED].code;
	if (confirmed == n)
		return item_status_v[ITEM_CONFIRMED].code;
	if (overdue > 0)
		return item_status_v[ITEM_OVERDUE].code;
	if (done > 0)
		return item_status_v[ITEM_DONE].code;
	if (confirmed > 0 || in_progress > 0)
		return item_status_v[ITEM_IN_PROGRESS].code;
	return item_status_v[ITEM_PLANNED].code;
}

#define ITEM_COLUMNS \
	"i.id, i.task_id, i.roadmap_id, i.seq, i.number, i.measure, i.planned_result," \
	" i.deadline_text, i.responsible, i.deadline_kind, count(o.id)," \
	" count(o.id) FILTER (WHERE o.status = 'confirmed')," \
	" count(o.id) FILTER (WHERE o.status = 'done')," \
	" count(o.id) FILTER (WHERE o.status <> 'confirmed' AND o.due_on < ?2)," \
	" count(o.id) FILTER (WHERE o.status = 'in_progress')," \
	" coalesce(min(o.due_on) FILTER (WHERE o.status <> 'confirmed'), 0)," \
	" (SELECT municipality_id FROM roadmap WHERE id = i.roadmap_id)," \
	" (SELECT coalesce(school_id, 0) FROM roadmap WHERE id = i.roadmap_id)," \
	" count(o.id) FILTER (WHERE o.due_on <= ?2 OR o.status = 'confirmed')" \
	" FROM roadmap_item i LEFT JOIN occurrence o ON o.item_id = i.id"

static void item_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct roadmap_item *i = item;

	i->id = sqlite3_column_int64(st, 0);
	i->task_id = sqlite3_column_int64(st, 1);
	i->roadmap_id = sqlite3_column_int64(st, 2);
	i->seq = sqlite3_column_int(st, 3);
	i->number = db_text(a, st, 4);
	i->measure = db_text(a, st, 5);
	i->planned_result = db_text(a, st, 6);
	i->deadline_text = db_text(a, st, 7);
	i->responsible = db_text(a, st, 8);
	i->deadline_kind = db_text(a, st, 9);
	i->n_occ = sqlite3_column_int(st, 10);
	i->n_confirmed = sqlite3_column_int(st, 11);
	i->n_done = sqlite3_column_int(st, 12);
	i->n_overdue = sqlite3_column_int(st, 13);
	i->next_due = sqlite3_column_int(st, 15);
	i->municipality_id = sqlite3_column_int64(st, 16);
	i->school_id = sqlite3_column_int64(st, 17);
	i->n_due = sqlite3_column_int(st, 18);
	i->status = item_status(i->n_occ, i->n_confirmed, i->n_done, i->n_overdue,
				sqlite3_column_int(st, 14));
}

int db_roadmap_items(struct db *db, struct arena *a, int64_t roadmap_id,
		     const struct item_filter *f, struct roadmap_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_ITEMS,
		"SELECT " ITEM_COLUMNS " WHERE i.roadmap_id = ?1 AND i.removed_at IS NULL"
		" AND (?3 = 0 OR EXISTS (SELECT 1 FROM occurrence x WHERE x.item_id = i.id"
		"      AND x.due_on BETWEEN ?3 AND ?4))"
		" GROUP BY i.id ORDER BY i.seq");

	if (!st || sqlite3_bind_int64(st, 1, roadmap_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, f->today) != SQLITE_OK ||
	    sqlite3_bind_int(st, 3, f->due_from) != SQLITE_OK ||
	    sqlite3_bind_int(st, 4, f->due_to) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, item_row, (void **)out, n);
}

int db_roadmap_item_get(struct db *db, struct arena *a, int64_t id, int today,
			struct roadmap_item *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ROADMAP_ITEM_GET,
		"SELECT " ITEM_COLUMNS " WHERE i.id = ?1 AND i.removed_at IS NULL GROUP BY i.id");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK || sqlite3_bind_int(st, 2, today) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, item_row, out);
}
