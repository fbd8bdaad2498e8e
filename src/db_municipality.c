/*
 * db_municipality.c: statements and row mapping for municipalities.
 * No HTTP and no templates; read-only.
 */
#include "db_municipality.h"

#include "db.h"

#define MUNI_COLUMNS \
	"m.id, m.slug, m.name, m.region, m.kind, m.authority, m.programme_title," \
	" m.programme_period, m.approved_by, m.goal, m.year_from, m.year_to, m.updated_at"
#define MUNI_COUNTS \
	" (SELECT count(*) FROM school s WHERE s.municipality_id = m.id)," \
	" (SELECT count(DISTINCT s.id) FROM school s JOIN membership ms ON ms.school_id = s.id" \
	"   WHERE s.municipality_id = m.id)," \
	" (SELECT count(*) FROM roadmap r JOIN roadmap_item i ON i.roadmap_id = r.id" \
	"   WHERE r.municipality_id = m.id AND r.school_id IS NULL)"

static void muni_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct municipality *m = item;

	m->id = sqlite3_column_int64(st, 0);
	m->slug = db_text(a, st, 1);
	m->name = db_text(a, st, 2);
	m->region = db_text(a, st, 3);
	m->kind = db_text(a, st, 4);
	m->authority = db_text(a, st, 5);
	m->programme_title = db_text(a, st, 6);
	m->programme_period = db_text(a, st, 7);
	m->approved_by = db_text(a, st, 8);
	m->goal = db_text(a, st, 9);
	m->year_from = sqlite3_column_int(st, 10);
	m->year_to = sqlite3_column_int(st, 11);
	m->updated_at = sqlite3_column_int64(st, 12);
}

static void muni_counted_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct municipality *m = item;

	muni_row(a, st, m);
	m->n_schools = sqlite3_column_int(st, 13);
	m->n_supported = sqlite3_column_int(st, 14);
	m->n_items = sqlite3_column_int(st, 15);
}

int db_municipality_list(struct db *db, struct arena *a, struct municipality **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MUNI_LIST,
		"SELECT " MUNI_COLUMNS "," MUNI_COUNTS " FROM municipality m ORDER BY m.name");

	if (!st)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, muni_counted_row, (void **)out, n);
}

int db_municipality_by_slug(struct db *db, struct arena *a, const char *slug,
			    struct municipality *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MUNI_BY_SLUG,
		"SELECT " MUNI_COLUMNS " FROM municipality m WHERE m.slug = ?1");

	if (!st || sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, muni_row, out);
}
