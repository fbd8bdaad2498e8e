/*
 * db_dash.c: statements and row mapping for the coordinator's dashboard.
 * No HTTP and no templates; read-only.
 */
#include "db_dash.h"

#include "db.h"
#include "db_document.h"
#include "db_school.h"

static void school_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct school *s = item;

	s->id = sqlite3_column_int64(st, 0);
	s->slug = db_text(a, st, 1);
	s->short_name = db_text(a, st, 2);
	s->label = db_text(a, st, 3);
}

/* Binds ?1 and ?2 as ids. */
static int bind2(sqlite3_stmt *st, int64_t one, int64_t two)
{
	return st && sqlite3_bind_int64(st, 1, one) == SQLITE_OK &&
	       sqlite3_bind_int64(st, 2, two) == SQLITE_OK ? DB_OK : DB_ERR;
}

int db_dash_schools(struct db *db, struct arena *a, int64_t muni_id, int64_t curator_id,
		    struct school **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DASH_SCHOOLS,
		"SELECT id, slug, short_name, label FROM school WHERE municipality_id = ?1"
		" AND (?2 = 0 OR id IN (SELECT school_id FROM curator_school WHERE user_id = ?2))"
		" ORDER BY id");

	if (bind2(st, muni_id, curator_id) != DB_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, school_row, (void **)out, n);
}

static void document_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct document *d = item;

	d->id = sqlite3_column_int64(st, 0);
	d->school_id = sqlite3_column_int64(st, 1);
	d->type = db_text(a, st, 2);
	d->status = db_text(a, st, 3);
}

int db_dash_documents(struct db *db, struct arena *a, int64_t muni_id, struct document **out,
		      size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DASH_DOCUMENTS,
		"SELECT d.id, d.school_id, d.type, d.status FROM document d"
		" JOIN school s ON s.id = d.school_id WHERE s.municipality_id = ?1"
		" ORDER BY d.school_id, d.id");

	return db_collect_id(db, a, st, muni_id, sizeof **out, document_row, (void **)out, n);
}

static void risk_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct dash_risk *r = item;

	r->school_id = sqlite3_column_int64(st, 0);
	r->risk_id = sqlite3_column_int64(st, 1);
	r->name = db_text(a, st, 2);
	r->significance = db_text(a, st, 3);
}

int db_dash_risks(struct db *db, struct arena *a, int64_t muni_id, int year,
		  struct dash_risk **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DASH_RISKS,
		"SELECT sr.school_id, r.id, r.name, sr.significance FROM school_risk sr"
		" JOIN risk r ON r.id = sr.risk_id JOIN school s ON s.id = sr.school_id"
		" WHERE s.municipality_id = ?1 AND sr.year = ?2 AND r.catalogue = 'direction'"
		" ORDER BY r.id, sr.school_id");

	if (bind2(st, muni_id, year) != DB_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, risk_row, (void **)out, n);
}

static void result_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct dash_result *r = item;

	r->scope = db_text(a, st, 0);
	r->school_id = sqlite3_column_int64(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->metric = db_text(a, st, 3);
	r->value = sqlite3_column_double(st, 4);
	r->raw = db_text(a, st, 5);
	r->n = sqlite3_column_int(st, 6);
}

int db_dash_results(struct db *db, struct arena *a, int64_t muni_id, const char *procedure,
		    const char *subject, int grade, struct dash_result **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DASH_RESULTS,
		"SELECT scope, coalesce(school_id, 0), year, metric, value, raw,"
		" coalesce(n_participants, -1) FROM result"
		" WHERE municipality_id = ?1 AND procedure = ?2 AND subject = ?3"
		" AND coalesce(grade, 0) = ?4 AND stage = 'main' ORDER BY year, school_id");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, procedure, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, subject, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int(st, 4, grade) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, result_row, (void **)out, n);
}

static void subject_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct dash_subject *s = item;

	s->procedure = db_text(a, st, 0);
	s->subject = db_text(a, st, 1);
	s->grade = sqlite3_column_int(st, 2);
	s->year = sqlite3_column_int(st, 3);
}

int db_dash_subjects(struct db *db, struct arena *a, int64_t muni_id, struct dash_subject **out,
		     size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DASH_SUBJECTS,
		"SELECT procedure, subject, coalesce(grade, 0), max(year) FROM result"
		" WHERE municipality_id = ?1 AND stage = 'main' GROUP BY 1, 2, 3 ORDER BY 2, 3, 1");

	return db_collect_id(db, a, st, muni_id, sizeof **out, subject_row, (void **)out, n);
}

/* The latest roadmap of the municipality and of each school in the scope: the roadmaps
 * first, so the latest-period test runs once per roadmap. */
#define LATEST_ROADMAPS \
	" (SELECT r.id, r.school_id FROM roadmap r WHERE r.municipality_id = ?1" \
	"  AND (?3 = 0 OR r.school_id IN (SELECT school_id FROM curator_school WHERE user_id = ?3))" \
	"  AND (?4 = 0 OR r.school_id = ?4)" \
	"  AND r.id = (SELECT x.id FROM roadmap x WHERE x.municipality_id = ?1" \
	"   AND x.school_id IS r.school_id ORDER BY x.year_to DESC, x.id DESC LIMIT 1)) r"

static void overdue_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct dash_overdue *o = item;

	o->item_id = sqlite3_column_int64(st, 0);
	o->school_id = sqlite3_column_int64(st, 1);
	o->due_on = sqlite3_column_int(st, 2);
	o->label = db_text(a, st, 3);
	o->number = db_text(a, st, 4);
	o->measure = db_text(a, st, 5);
	o->responsible = db_text(a, st, 6);
	o->assignees = db_text(a, st, 7);
	o->school_label = db_text(a, st, 8);
}

static int bind_scope(sqlite3_stmt *st, const struct dash_scope *s)
{
	return st && sqlite3_bind_int64(st, 1, s->muni_id) == SQLITE_OK &&
	       sqlite3_bind_int(st, 2, s->today) == SQLITE_OK &&
	       sqlite3_bind_int64(st, 3, s->curator_id) == SQLITE_OK &&
	       sqlite3_bind_int64(st, 4, s->school_id) == SQLITE_OK ? DB_OK : DB_ERR;
}

int db_dash_overdue(struct db *db, struct arena *a, const struct dash_scope *s, int limit,
		    struct dash_overdue **out, size_t *n, int *total)
{
	/* the first `limit` by their sort keys alone, then their details: the sorter never
	 * carries the texts and the assignees of the thousands that do not make the cut */
	sqlite3_stmt *st = db_stmt(db, STMT_DASH_OVERDUE,
		"SELECT i.id, coalesce(k.school_id, 0), o.due_on, o.label, i.number, i.measure,"
		" i.responsible, (SELECT group_concat(u.name, ', ') FROM item_assignee ia"
		"  JOIN user u ON u.id = ia.user_id WHERE ia.item_id = i.id), s.label"
		" FROM (SELECT o.id AS occurrence_id, r.school_id, o.due_on, i.seq FROM" LATEST_ROADMAPS
		"  JOIN roadmap_item i ON i.roadmap_id = r.id JOIN occurrence o ON o.item_id = i.id"
		"  WHERE i.removed_at IS NULL AND o.status <> 'confirmed' AND o.due_on < ?2"
		"  ORDER BY o.due_on, r.school_id IS NOT NULL, r.school_id, i.seq LIMIT ?5) k"
		" JOIN occurrence o ON o.id = k.occurrence_id JOIN roadmap_item i ON i.id = o.item_id"
		" LEFT JOIN school s ON s.id = k.school_id"
		" ORDER BY k.due_on, k.school_id IS NOT NULL, k.school_id, k.seq");
	/* how many there are in all, from the tallies (0010_roadmap_tally.sql) */
	sqlite3_stmt *count = db_stmt(db, STMT_DASH_OVERDUE_COUNT,
		"SELECT coalesce(sum(t.n), 0) FROM" LATEST_ROADMAPS
		" JOIN roadmap_tally t ON t.roadmap_id = r.id WHERE t.status <> 'confirmed' AND t.due_on < ?2");
	int rc;

	*total = 0;
	if (bind_scope(st, s) != DB_OK || sqlite3_bind_int(st, 5, limit) != SQLITE_OK ||
	    bind_scope(count, s) != DB_OK)
		return DB_ERR;
	rc = db_collect(db, a, st, sizeof **out, overdue_row, (void **)out, n);
	if (rc != DB_OK)
		return rc;
	if ((rc = sqlite3_step(count)) == SQLITE_ROW)
		*total = sqlite3_column_int(count, 0);
	db_done(count);
	return rc == SQLITE_ROW ? DB_OK : DB_ERR;
}
