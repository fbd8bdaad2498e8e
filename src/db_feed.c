/*
 * db_feed.c: statements for the feeds and the open data: only what the public
 * pages already show (published documents, confirmed work, roadmaps, lists).
 */
#include "db_feed.h"

#include "arena.h"
#include "db.h"

static void feed_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct feed_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->item_id = sqlite3_column_int64(st, 1);
	r->ts = sqlite3_column_int64(st, 2);
	r->muni_slug = db_text(a, st, 3);
	r->school_slug = db_text(a, st, 4);
	r->school_name = db_text(a, st, 5);
	r->title = db_text(a, st, 6);
	r->kind = db_text(a, st, 7);
	r->version = sqlite3_column_int(st, 8);
}

static int feed_query(struct db *db, struct arena *a, sqlite3_stmt *st, int64_t muni_id, int64_t school_id,
		      int limit, struct feed_row **out, size_t *n)
{
	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, school_id) != SQLITE_OK || sqlite3_bind_int(st, 3, limit) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, feed_row, (void **)out, n);
}

int db_feed_documents(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int limit,
		      struct feed_row **out, size_t *n)
{
	return feed_query(db, a, db_stmt(db, STMT_FEED_DOCS,
		"SELECT d.id, 0, COALESCE(d.published_at, d.updated_at), m.slug, s.slug, s.short_name, d.title,"
		" d.type, d.version FROM document d JOIN school s ON s.id = d.school_id"
		" JOIN municipality m ON m.id = s.municipality_id"
		" WHERE d.status = 'published' AND s.municipality_id = ?1 AND (?2 = 0 OR s.id = ?2)"
		" ORDER BY 3 DESC, d.id DESC LIMIT ?3"), muni_id, school_id, limit, out, n);
}

int db_feed_confirmed(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int limit,
		      struct feed_row **out, size_t *n)
{
	return feed_query(db, a, db_stmt(db, STMT_FEED_ITEMS,
		"SELECT o.id, i.id, o.confirmed_at, m.slug, s.slug, s.short_name, i.measure, o.label, 0"
		" FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id JOIN roadmap r ON r.id = i.roadmap_id"
		" JOIN municipality m ON m.id = r.municipality_id LEFT JOIN school s ON s.id = r.school_id"
		" WHERE o.status = 'confirmed' AND i.removed_at IS NULL AND r.municipality_id = ?1"
		" AND (?2 = 0 OR r.school_id = ?2) ORDER BY 3 DESC, o.id DESC LIMIT ?3"),
		muni_id, school_id, limit, out, n);
}

int db_feed_news(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int limit,
		 struct feed_row **out, size_t *n)
{
	return feed_query(db, a, db_stmt(db, STMT_FEED_NEWS,
		"SELECT t.id, 0, t.updated_at, m.slug, s.slug, coalesce(s.short_name, m.name), t.title,"
		" t.news_on, 0 FROM section_text t JOIN municipality m ON m.id = t.municipality_id"
		" LEFT JOIN school s ON s.id = t.school_id"
		" WHERE t.part = 'news' AND t.hidden = 0 AND t.municipality_id = ?1 AND (?2 = 0 OR t.school_id = ?2)"
		" ORDER BY 3 DESC, t.id DESC LIMIT ?3"), muni_id, school_id, limit, out, n);
}

int db_open_documents(struct db *db, struct arena *a, struct feed_row **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OPEN_DOCS,
		"SELECT d.id, 0, COALESCE(d.published_at, d.updated_at), m.slug, s.slug, s.short_name, d.title,"
		" d.type, d.version FROM document d JOIN school s ON s.id = d.school_id"
		" JOIN municipality m ON m.id = s.municipality_id WHERE d.status = 'published'"
		" ORDER BY m.slug, s.slug, d.type, d.id");

	if (!st)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, feed_row, (void **)out, n);
}

static void school_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct open_school *r = item;

	r->muni_slug = db_text(a, st, 0);
	r->muni_name = db_text(a, st, 1);
	r->slug = db_text(a, st, 2);
	r->short_name = db_text(a, st, 3);
	r->full_name = db_text(a, st, 4);
	r->locality = db_text(a, st, 5);
	r->website = db_text(a, st, 6);
	r->year = sqlite3_column_int(st, 7);
	r->programme = db_text(a, st, 8);
	r->category = db_text(a, st, 9);
}

int db_open_schools(struct db *db, struct arena *a, struct open_school **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OPEN_SCHOOLS,
		"SELECT m.slug, m.name, s.slug, s.short_name, s.full_name, s.locality, s.website,"
		" ms.year, ms.programme, ms.category FROM school s JOIN municipality m ON m.id = s.municipality_id"
		" LEFT JOIN membership ms ON ms.school_id = s.id ORDER BY m.slug, s.slug, ms.year, ms.programme");

	if (!st)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, school_row, (void **)out, n);
}

static void item_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct open_item *r = item;

	r->muni_slug = db_text(a, st, 0);
	r->school_slug = db_text(a, st, 1);
	r->roadmap = db_text(a, st, 2);
	r->id = sqlite3_column_int64(st, 3);
	r->number = db_text(a, st, 4);
	r->measure = db_text(a, st, 5);
	r->deadline = db_text(a, st, 6);
	r->status = db_text(a, st, 7);
	r->next_due = sqlite3_column_int(st, 8);
	r->confirmed = sqlite3_column_int(st, 9);
	r->occurrences = sqlite3_column_int(st, 10);
}

int db_open_roadmap(struct db *db, struct arena *a, struct open_item **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OPEN_ROADMAP,
		"SELECT m.slug, s.slug, r.title, i.id, i.number, i.measure, i.deadline_text, i.status,"
		" (SELECT min(due_on) FROM occurrence o WHERE o.item_id = i.id AND o.status IN ('planned', 'in_progress')),"
		" (SELECT count(*) FROM occurrence o WHERE o.item_id = i.id AND o.status = 'confirmed'),"
		" (SELECT count(*) FROM occurrence o WHERE o.item_id = i.id)"
		" FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id"
		" JOIN municipality m ON m.id = r.municipality_id LEFT JOIN school s ON s.id = r.school_id"
		" WHERE i.removed_at IS NULL ORDER BY m.slug, s.slug NULLS FIRST, r.id, i.seq");

	if (!st)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, item_row, (void **)out, n);
}
