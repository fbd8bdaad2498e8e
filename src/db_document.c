/*
 * db_document.c: statements and row mapping for document versions and reviews.
 * No HTTP and no templates; the caller owns the transaction.
 */
#include "db_document.h"

#include "db.h"
#include "db_user.h"

#define DOC_COLUMNS \
	"d.id, d.series, d.school_id, coalesce(d.created_by, 0), d.version, d.type, d.title," \
	" d.status, d.sha256, d.mime, d.orig_name, u.name, d.size, d.created_at, d.updated_at," \
	" coalesce(d.published_at, 0), (SELECT r.comment FROM review r WHERE r.document_id = d.id" \
	"  AND r.verdict = 'return' ORDER BY r.id DESC LIMIT 1)"
#define DOC_FROM " FROM document d LEFT JOIN user u ON u.id = d.created_by"

static void doc_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct document *d = item;

	d->id = sqlite3_column_int64(st, 0);
	d->series = sqlite3_column_int64(st, 1);
	d->school_id = sqlite3_column_int64(st, 2);
	d->created_by = sqlite3_column_int64(st, 3);
	d->version = sqlite3_column_int(st, 4);
	d->type = db_text(a, st, 5);
	d->title = db_text(a, st, 6);
	d->status = db_text(a, st, 7);
	d->sha256 = db_text(a, st, 8);
	d->mime = db_text(a, st, 9);
	d->orig_name = db_text(a, st, 10);
	d->author = db_text(a, st, 11);
	d->size = sqlite3_column_int64(st, 12);
	d->created_at = sqlite3_column_int64(st, 13);
	d->updated_at = sqlite3_column_int64(st, 14);
	d->published_at = sqlite3_column_int64(st, 15);
	d->return_comment = db_text(a, st, 16);
}

int db_document_add(struct db *db, struct document *d)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_ADD,
		"INSERT INTO document (school_id, type, title, version, status, series, sha256, size,"
		" mime, orig_name, created_by, created_at, updated_at)"
		" SELECT ?1, ?2, ?3, coalesce(max(version), 0) + 1, 'draft', nullif(?4, 0), ?5, ?6,"
		"  ?7, ?8, ?9, unixepoch(), unixepoch()"
		" FROM document WHERE ?4 <> 0 AND series = ?4 AND school_id = ?1 AND type = ?2"
		" HAVING ?4 = 0 OR count(*) > 0"
		" RETURNING id, version");
	sqlite3_stmt *fix;
	int step;

	if (!st || sqlite3_bind_int64(st, 1, d->school_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, d->type, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, d->title, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, d->series) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, d->sha256, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 6, d->size) != SQLITE_OK ||
	    sqlite3_bind_text(st, 7, d->mime, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 8, d->orig_name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 9, d->created_by) != SQLITE_OK)
		return DB_ERR;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		d->id = sqlite3_column_int64(st, 0);
		d->version = sqlite3_column_int(st, 1);
	}
	while (step == SQLITE_ROW)
		step = sqlite3_step(st);
	db_done(st);
	if (step != SQLITE_DONE) {
		db_log_err(db, "document_add");
		return DB_ERR;
	}
	if (d->id == 0)
		return DB_NOTFOUND;
	if (d->series == 0) {   /* the first version names its series */
		fix = db_stmt(db, STMT_DOCUMENT_SERIES_SELF, "UPDATE document SET series = id WHERE id = ?1");
		if (!fix || sqlite3_bind_int64(fix, 1, d->id) != SQLITE_OK || db_exec(db, fix) != DB_OK)
			return DB_ERR;
		d->series = d->id;
	}
	return DB_OK;
}

int db_document_get(struct db *db, struct arena *a, int64_t id, struct document *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_GET, "SELECT " DOC_COLUMNS DOC_FROM " WHERE d.id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, doc_row, out);
}

int db_document_move(struct db *db, int64_t id, const char *from, const char *to)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_MOVE,
		"UPDATE document SET status = ?3, updated_at = unixepoch(),"
		" published_at = CASE WHEN ?3 = 'published' THEN unixepoch() ELSE published_at END"
		" WHERE id = ?1 AND status = ?2");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_document_published_in_series(struct db *db, int64_t series, int64_t except, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_PUBLISHED_IN_SERIES,
		"SELECT id FROM document WHERE series = ?1 AND id <> ?2 AND status = 'published'");
	int step, rc = DB_NOTFOUND;

	if (!st || sqlite3_bind_int64(st, 1, series) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, except) != SQLITE_OK)
		return DB_ERR;
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = DB_OK;
	} else if (step != SQLITE_DONE) {
		db_log_err(db, "published_in_series");
		rc = DB_ERR;
	}
	db_done(st);
	return rc;
}

int db_document_by_school(struct db *db, struct arena *a, int64_t school_id,
			  struct document **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_BY_SCHOOL,
		"SELECT " DOC_COLUMNS DOC_FROM " WHERE d.school_id = ?1 ORDER BY d.series, d.version DESC");

	return db_collect_id(db, a, st, school_id, sizeof **out, doc_row, (void **)out, n);
}

int db_document_by_series(struct db *db, struct arena *a, int64_t series,
			  struct document **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_BY_SERIES,
		"SELECT " DOC_COLUMNS DOC_FROM " WHERE d.series = ?1 ORDER BY d.version");

	return db_collect_id(db, a, st, series, sizeof **out, doc_row, (void **)out, n);
}

static void queue_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct document *d = item;

	doc_row(a, st, d);
	d->school_label = db_text(a, st, 17);
	d->school_slug = db_text(a, st, 18);
	d->muni_slug = db_text(a, st, 19);
}

int db_document_queue(struct db *db, struct arena *a, const struct user *u,
		      struct document **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DOCUMENT_QUEUE,
		"SELECT " DOC_COLUMNS ", s.short_name, s.slug, m.slug" DOC_FROM
		" JOIN school s ON s.id = d.school_id JOIN municipality m ON m.id = s.municipality_id"
		" WHERE d.status = 'submitted' AND (?2 = 'admin'"
		"  OR (?2 = 'coordinator' AND s.municipality_id = ?3)"
		"  OR (?2 = 'curator' AND EXISTS (SELECT 1 FROM curator_school c"
		"       WHERE c.user_id = ?1 AND c.school_id = d.school_id)))"
		" ORDER BY d.updated_at, d.id");

	if (!st || sqlite3_bind_int64(st, 1, u->id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, u->role, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, u->municipality_id) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, queue_row, (void **)out, n);
}

int db_review_add(struct db *db, int64_t document_id, int64_t reviewer_id, const char *verdict,
		  const char *comment)
{
	sqlite3_stmt *st = db_stmt(db, STMT_REVIEW_ADD,
		"INSERT INTO review (document_id, reviewer_id, verdict, comment) VALUES (?1, ?2, ?3, ?4)");

	if (!st || sqlite3_bind_int64(st, 1, document_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, reviewer_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, verdict, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, comment, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}
