/*
 * db_occurrence.c: statements for occurrences of roadmap items and the key
 * metric. No HTTP and no templates; the caller owns the transaction.
 */
#include "db_occurrence.h"

#include "db.h"

static void unscheduled_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct unscheduled *u = item;

	u->id = sqlite3_column_int64(st, 0);
	u->deadline_text = db_text(a, st, 1);
	u->year_from = sqlite3_column_int(st, 2);
	u->year_to = sqlite3_column_int(st, 3);
}

int db_unscheduled_items(struct db *db, struct arena *a, int limit, struct unscheduled **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_UNSCHEDULED,
		"SELECT i.id, i.deadline_text, r.year_from, r.year_to FROM roadmap_item i"
		" JOIN roadmap r ON r.id = i.roadmap_id WHERE i.deadline_kind IS NULL ORDER BY i.id LIMIT ?1");

	if (!st)
		return DB_ERR;
	sqlite3_bind_int(st, 1, limit);
	return db_collect(db, a, st, sizeof **out, unscheduled_row, (void **)out, n);
}

int db_item_set_kind(struct db *db, int64_t item_id, const char *kind)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_SET_KIND,
		"UPDATE roadmap_item SET deadline_kind = ?2 WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, item_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_occurrence_add(struct db *db, int64_t item_id, int seq, int starts_on, int due_on,
		      const char *label)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_ADD,
		"INSERT INTO occurrence (item_id, seq, starts_on, due_on, label) VALUES (?1, ?2, ?3, ?4, ?5)");

	if (!st || sqlite3_bind_int64(st, 1, item_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, seq) != SQLITE_OK || sqlite3_bind_int(st, 3, starts_on) != SQLITE_OK ||
	    sqlite3_bind_int(st, 4, due_on) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, label, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

#define OCC_COLUMNS_NO_FROM \
	"o.id, o.item_id, o.seq, o.starts_on, o.due_on, o.label, o.status, o.evidence_url," \
	" o.evidence_note, d.name, c.name, coalesce(o.done_at, 0), coalesce(o.confirmed_at, 0)," \
	" coalesce(o.evidence_doc, 0), ed.title, es.slug, em.slug"
#define OCC_FROM \
	" FROM occurrence o LEFT JOIN user d ON d.id = o.done_by LEFT JOIN user c ON c.id = o.confirmed_by" \
	" LEFT JOIN document ed ON ed.id = o.evidence_doc LEFT JOIN school es ON es.id = ed.school_id" \
	" LEFT JOIN municipality em ON em.id = es.municipality_id"
#define OCC_COLUMNS OCC_COLUMNS_NO_FROM OCC_FROM

static void occurrence_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct occurrence *o = item;

	o->id = sqlite3_column_int64(st, 0);
	o->item_id = sqlite3_column_int64(st, 1);
	o->seq = sqlite3_column_int(st, 2);
	o->starts_on = sqlite3_column_int(st, 3);
	o->due_on = sqlite3_column_int(st, 4);
	o->label = db_text(a, st, 5);
	o->status = db_text(a, st, 6);
	o->evidence_url = db_text(a, st, 7);
	o->evidence_note = db_text(a, st, 8);
	o->done_by = db_text(a, st, 9);
	o->confirmed_by = db_text(a, st, 10);
	o->done_at = sqlite3_column_int64(st, 11);
	o->confirmed_at = sqlite3_column_int64(st, 12);
	o->evidence_doc = sqlite3_column_int64(st, 13);
	o->doc_title = db_text(a, st, 14);
	o->doc_school = db_text(a, st, 15);
	o->doc_muni = db_text(a, st, 16);
}

int db_occurrence_by_item(struct db *db, struct arena *a, int64_t item_id,
			  struct occurrence **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_BY_ITEM,
		"SELECT " OCC_COLUMNS " WHERE o.item_id = ?1 ORDER BY o.seq");

	return db_collect_id(db, a, st, item_id, sizeof **out, occurrence_row, (void **)out, n);
}

int db_occurrence_get(struct db *db, struct arena *a, int64_t id, struct occurrence *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_GET, "SELECT " OCC_COLUMNS " WHERE o.id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, occurrence_row, out);
}

int db_occurrence_done(struct db *db, int64_t id, int64_t user_id, const char *url,
		       const char *note, int64_t doc_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_DONE,
		"UPDATE occurrence SET status = 'done', evidence_url = ?3, evidence_note = ?4,"
		" evidence_doc = nullif(?5, 0), done_by = ?2, done_at = unixepoch()"
		" WHERE id = ?1 AND status IN ('planned', 'in_progress')");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, url, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, doc_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_occurrence_confirm(struct db *db, int64_t id, int64_t user_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_CONFIRM,
		"UPDATE occurrence SET status = 'confirmed', confirmed_by = ?2, confirmed_at = unixepoch()"
		" WHERE id = ?1 AND status = 'done'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_occurrence_start(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_START,
		"UPDATE occurrence SET status = 'in_progress' WHERE id = ?1 AND status = 'planned'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_occurrence_withdraw(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_WITHDRAW,
		"UPDATE occurrence SET status = 'done', confirmed_by = NULL, confirmed_at = NULL"
		" WHERE id = ?1 AND status = 'confirmed'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

/* The five counts of the key metric as columns 0–4 of a row of `st`. */
static void metric_row(sqlite3_stmt *st, struct key_metric *out)
{
	out->due = sqlite3_column_int(st, 0);
	out->confirmed = sqlite3_column_int(st, 1);
	out->done = sqlite3_column_int(st, 2);
	out->overdue = sqlite3_column_int(st, 3);
	out->total = sqlite3_column_int(st, 4);
}

int db_metric_by_roadmap(struct db *db, int64_t roadmap_id, int64_t task_id, int today,
			 struct key_metric *out)
{
	/* due so far: due by today, or confirmed already (GUIDE §5.3); a whole roadmap's
	 * from its tallies (0010_roadmap_tally.sql), a task's from its occurrences */
	sqlite3_stmt *st = task_id == 0 ? db_stmt(db, STMT_METRIC_BY_ROADMAP,
		"SELECT coalesce(sum(n) FILTER (WHERE due_on <= ?3 OR status = 'confirmed'), 0),"
		" coalesce(sum(n) FILTER (WHERE status = 'confirmed'), 0),"
		" coalesce(sum(n) FILTER (WHERE status = 'done'), 0),"
		" coalesce(sum(n) FILTER (WHERE due_on < ?3 AND status <> 'confirmed'), 0),"
		" coalesce(sum(n), 0)"
		" FROM roadmap_tally WHERE roadmap_id = ?1 AND ?2 = 0") : db_stmt(db, STMT_METRIC_BY_TASK,
		"SELECT count(*) FILTER (WHERE o.due_on <= ?3 OR o.status = 'confirmed'),"
		" count(*) FILTER (WHERE o.status = 'confirmed'),"
		" count(*) FILTER (WHERE o.status = 'done'),"
		" count(*) FILTER (WHERE o.due_on < ?3 AND o.status <> 'confirmed'),"
		" count(*)"
		" FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
		" WHERE i.roadmap_id = ?1 AND i.removed_at IS NULL AND i.task_id = ?2");
	int rc = DB_ERR;

	if (!st || sqlite3_bind_int64(st, 1, roadmap_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, task_id) != SQLITE_OK || sqlite3_bind_int(st, 3, today) != SQLITE_OK)
		return DB_ERR;
	if (sqlite3_step(st) == SQLITE_ROW) {
		metric_row(st, out);
		rc = DB_OK;
	} else
		db_log_err(db, "metric");
	db_done(st);
	return rc;
}

static void due_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct due_item *d = item;

	occurrence_row(a, st, &d->o);
	d->number = db_text(a, st, 17);
	d->measure = db_text(a, st, 18);
	d->responsible = db_text(a, st, 19);
}

int db_occurrence_due(struct db *db, struct arena *a, int64_t muni_id, int until, int limit,
		      struct due_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_DUE,
		"SELECT " OCC_COLUMNS_NO_FROM ", i.number, i.measure, i.responsible" OCC_FROM
		" JOIN roadmap_item i ON i.id = o.item_id JOIN roadmap r ON r.id = i.roadmap_id"
		" WHERE r.municipality_id = ?1 AND i.removed_at IS NULL AND o.status <> 'confirmed'"
		" AND o.due_on <= ?2 ORDER BY o.due_on, i.seq LIMIT ?3");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, until) != SQLITE_OK || sqlite3_bind_int(st, 3, limit) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, due_row, (void **)out, n);
}

static void unparsed_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct due_item *d = item;

	d->o.item_id = sqlite3_column_int64(st, 0);
	d->number = db_text(a, st, 1);
	d->measure = db_text(a, st, 2);
	d->responsible = db_text(a, st, 3);
	d->o.label = db_text(a, st, 4);   /* the phrase as written */
}

int db_item_unparsed(struct db *db, struct arena *a, int64_t muni_id, struct due_item **out,
		     size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_UNPARSED,
		"SELECT i.id, i.number, i.measure, i.responsible, i.deadline_text FROM roadmap_item i"
		" JOIN roadmap r ON r.id = i.roadmap_id WHERE r.municipality_id = ?1"
		" AND i.removed_at IS NULL AND i.deadline_kind = 'invalid' ORDER BY r.id, i.seq");

	return db_collect_id(db, a, st, muni_id, sizeof **out, unparsed_row, (void **)out, n);
}

static void progress_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct school_progress *p = item;

	p->school_slug = db_text(a, st, 0);
	p->school_name = db_text(a, st, 1);
	p->roadmap_id = sqlite3_column_int64(st, 2);
	p->title = db_text(a, st, 3);
	p->items = sqlite3_column_int(st, 4);
	p->m.due = sqlite3_column_int(st, 5);
	p->m.confirmed = sqlite3_column_int(st, 6);
	p->m.done = sqlite3_column_int(st, 7);
	p->m.overdue = sqlite3_column_int(st, 8);
	p->m.total = sqlite3_column_int(st, 9);
}

int db_school_progress(struct db *db, struct arena *a, int64_t muni_id, int today,
		       struct school_progress **out, size_t *n)
{
	/* One pass over the tallies of the municipality's school roadmaps (a few
	 * rows per roadmap, kept by the triggers of 0010_roadmap_tally.sql), walked in
	 * school order through roadmap_by_muni so that neither the grouping nor the
	 * order needs a temporary B-tree: time grows linearly with the schools. */
	sqlite3_stmt *st = db_stmt(db, STMT_SCHOOL_PROGRESS,
		"SELECT s.slug, s.short_name, r.id, r.title, r.live_items,"
		" coalesce(sum(t.n) FILTER (WHERE t.due_on <= ?2 OR t.status = 'confirmed'), 0),"
		" coalesce(sum(t.n) FILTER (WHERE t.status = 'confirmed'), 0),"
		" coalesce(sum(t.n) FILTER (WHERE t.status = 'done'), 0),"
		" coalesce(sum(t.n) FILTER (WHERE t.due_on < ?2 AND t.status <> 'confirmed'), 0),"
		" coalesce(sum(t.n), 0)"
		" FROM roadmap r JOIN school s ON s.id = r.school_id"
		" LEFT JOIN roadmap_tally t ON t.roadmap_id = r.id"
		" WHERE r.municipality_id = ?1 AND r.school_id IS NOT NULL"
		" AND r.id = (SELECT id FROM roadmap x WHERE x.school_id = r.school_id"
		"  ORDER BY x.year_to DESC, x.id DESC LIMIT 1)"
		" GROUP BY r.school_id ORDER BY r.school_id");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK || sqlite3_bind_int(st, 2, today) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, progress_row, (void **)out, n);
}

int db_occurrence_assigned(struct db *db, struct arena *a, int64_t user_id, int until, int limit,
			   struct due_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OCCURRENCE_ASSIGNED,
		"SELECT " OCC_COLUMNS_NO_FROM ", i.number, i.measure, i.responsible" OCC_FROM
		" JOIN roadmap_item i ON i.id = o.item_id JOIN item_assignee x ON x.item_id = i.id"
		" WHERE x.user_id = ?1 AND i.removed_at IS NULL AND o.status <> 'confirmed'"
		" AND o.due_on <= ?2 ORDER BY o.due_on, i.seq LIMIT ?3");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, until) != SQLITE_OK || sqlite3_bind_int(st, 3, limit) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, due_row, (void **)out, n);
}

static void assignee_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct assignee *x = item;

	x->user_id = sqlite3_column_int64(st, 0);
	x->name = db_text(a, st, 1);
	x->login = db_text(a, st, 2);
}

int db_assignees(struct db *db, struct arena *a, int64_t item_id, struct assignee **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ASSIGNEES,
		"SELECT u.id, u.name, u.login FROM item_assignee x JOIN user u ON u.id = x.user_id"
		" WHERE x.item_id = ?1 ORDER BY u.name");

	return db_collect_id(db, a, st, item_id, sizeof **out, assignee_row, (void **)out, n);
}

int db_assignable(struct db *db, struct arena *a, int64_t muni_id, struct assignee **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ASSIGNABLE,
		"SELECT id, name, login FROM user WHERE municipality_id = ?1 AND disabled = 0 ORDER BY name");

	return db_collect_id(db, a, st, muni_id, sizeof **out, assignee_row, (void **)out, n);
}

int db_assignee_set(struct db *db, int64_t item_id, int64_t user_id, bool linked)
{
	sqlite3_stmt *st = linked
		? db_stmt(db, STMT_ASSIGNEE_ADD, "INSERT OR IGNORE INTO item_assignee (item_id, user_id) VALUES (?1, ?2)")
		: db_stmt(db, STMT_ASSIGNEE_DELETE, "DELETE FROM item_assignee WHERE item_id = ?1 AND user_id = ?2");

	if (!st || sqlite3_bind_int64(st, 1, item_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}
