/*
 * db_school.c: statements and row mapping for schools, memberships and risks.
 * No HTTP and no templates; read-only.
 */
#include "db_school.h"

#include "db.h"

#define SCHOOL_COLUMNS \
	"s.id, s.slug, s.short_name, s.full_name, s.label, s.locality, s.website," \
	" p.slug, p.label, s.updated_at"

/* The latest change of a school's section: the school row, its documents, its
 * roadmap items, its text pages and news posts. */
#define LAST_CHANGE \
	"max(s.updated_at," \
	"    coalesce((SELECT max(d.updated_at) FROM document d WHERE d.school_id = s.id), 0)," \
	"    coalesce((SELECT max(i.updated_at) FROM roadmap r JOIN roadmap_item i" \
	"              ON i.roadmap_id = r.id WHERE r.school_id = s.id), 0)," \
	"    coalesce((SELECT max(t.updated_at) FROM section_text t WHERE t.school_id = s.id), 0))"

static void school_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct school *s = item;

	s->id = sqlite3_column_int64(st, 0);
	s->slug = db_text(a, st, 1);
	s->short_name = db_text(a, st, 2);
	s->full_name = db_text(a, st, 3);
	s->label = db_text(a, st, 4);
	s->locality = db_text(a, st, 5);
	s->website = db_text(a, st, 6);
	s->parent_slug = db_text(a, st, 7);
	s->parent_label = db_text(a, st, 8);
	s->updated_at = sqlite3_column_int64(st, 9);
}

int db_school_list(struct db *db, struct arena *a, int64_t muni_id, struct school **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SCHOOL_LIST,
		"SELECT " SCHOOL_COLUMNS " FROM school s LEFT JOIN school p ON p.id = s.parent_id"
		" WHERE s.municipality_id = ?1 ORDER BY s.id");

	return db_collect_id(db, a, st, muni_id, sizeof **out, school_row, (void **)out, n);
}

int db_school_by_slug(struct db *db, struct arena *a, int64_t muni_id, const char *slug,
		      struct school *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SCHOOL_BY_SLUG,
		"SELECT s.id, s.slug, s.short_name, s.full_name, s.label, s.locality, s.website,"
		" p.slug, p.label,"
		" " LAST_CHANGE
		" FROM school s LEFT JOIN school p ON p.id = s.parent_id"
		" WHERE s.municipality_id = ?1 AND s.slug = ?2");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, slug, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, school_row, out);
}

int db_school_freshness(struct db *db, struct arena *a, int64_t muni_id, struct school **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SCHOOL_FRESHNESS,
		"SELECT s.id, s.slug, s.short_name, s.full_name, s.label, s.locality, s.website,"
		" p.slug, p.label, " LAST_CHANGE " AS last_change"
		" FROM school s LEFT JOIN school p ON p.id = s.parent_id"
		" WHERE s.municipality_id = ?1 ORDER BY last_change, s.id");

	return db_collect_id(db, a, st, muni_id, sizeof **out, school_row, (void **)out, n);
}

static void membership_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct membership *m = item;

	m->school_id = sqlite3_column_int64(st, 0);
	m->year = sqlite3_column_int(st, 1);
	m->programme = db_text(a, st, 2);
	m->category = db_text(a, st, 3);
	m->cluster = sqlite3_column_int(st, 4);
	m->urd = db_text(a, st, 5);
	m->risk_group = db_text(a, st, 6);
	m->note = db_text(a, st, 7);
}

#define MEMBERSHIP_COLUMNS \
	"ms.school_id, ms.year, ms.programme, ms.category, ms.cluster, ms.urd, ms.risk_group, ms.note"

int db_membership_by_muni(struct db *db, struct arena *a, int64_t muni_id,
			  struct membership **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MEMBERSHIP_BY_MUNI,
		"SELECT " MEMBERSHIP_COLUMNS " FROM membership ms JOIN school s ON s.id = ms.school_id"
		" WHERE s.municipality_id = ?1 ORDER BY ms.year DESC, ms.programme");

	return db_collect_id(db, a, st, muni_id, sizeof **out, membership_row, (void **)out, n);
}

int db_membership_by_school(struct db *db, struct arena *a, int64_t school_id,
			    struct membership **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MEMBERSHIP_BY_SCHOOL,
		"SELECT " MEMBERSHIP_COLUMNS " FROM membership ms"
		" WHERE ms.school_id = ?1 ORDER BY ms.year DESC, ms.programme");

	return db_collect_id(db, a, st, school_id, sizeof **out, membership_row, (void **)out, n);
}

static void risk_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct school_risk *r = item;

	r->year = sqlite3_column_int(st, 0);
	r->seq = sqlite3_column_int(st, 1);
	r->catalogue = db_text(a, st, 2);
	r->name = db_text(a, st, 3);
	r->significance = db_text(a, st, 4);
	r->second_rating = db_text(a, st, 5);
}

int db_risk_by_school(struct db *db, struct arena *a, int64_t school_id,
		      struct school_risk **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_RISK_BY_SCHOOL,
		"SELECT sr.year, sr.seq, r.catalogue, r.name, sr.significance, sr.second_rating"
		" FROM school_risk sr JOIN risk r ON r.id = sr.risk_id"
		" WHERE sr.school_id = ?1 ORDER BY sr.year DESC, r.catalogue, sr.seq");

	return db_collect_id(db, a, st, school_id, sizeof **out, risk_row, (void **)out, n);
}

int db_school_set_website(struct db *db, int64_t school_id, const char *url)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SCHOOL_SET_WEBSITE,
		"UPDATE school SET website = nullif(?2, ''), updated_at = unixepoch() WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, school_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, url, -1, SQLITE_STATIC) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_OK ? DB_OK : DB_ERR;
}
