/*
 * db_content.c: statements and row mapping for section texts, their versions
 * and a post's documents. No HTTP and no templates; the caller owns the transaction.
 */
#include "db_content.h"

#include "arena.h"
#include "db.h"

#define TEXT_COLUMNS \
	"id, municipality_id, coalesce(school_id, 0), part, title, body, news_on, hidden, updated_at"

static void text_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct section_text *t = item;

	t->id = sqlite3_column_int64(st, 0);
	t->municipality_id = sqlite3_column_int64(st, 1);
	t->school_id = sqlite3_column_int64(st, 2);
	t->part = db_text(a, st, 3);
	t->title = db_text(a, st, 4);
	t->body = db_text(a, st, 5);
	t->news_on = db_text(a, st, 6);
	t->hidden = sqlite3_column_int(st, 7) != 0;
	t->updated_at = sqlite3_column_int64(st, 8);
}

int db_content_list(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id,
		    struct section_text **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_LIST,
		"SELECT " TEXT_COLUMNS " FROM section_text"
		" WHERE municipality_id = ?1 AND coalesce(school_id, 0) = ?2"
		" ORDER BY part = 'news', CASE part WHEN 'about' THEN 0 WHEN 'group' THEN 1 ELSE 2 END,"
		" news_on DESC, id DESC");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, school_id) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, text_row, (void **)out, n);
}

int db_content_get(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int64_t id,
		   struct section_text *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_GET,
		"SELECT " TEXT_COLUMNS " FROM section_text"
		" WHERE id = ?3 AND municipality_id = ?1 AND coalesce(school_id, 0) = ?2");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, school_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, text_row, out);
}

/* Inserts the text row of a new page or post; sets t->id. */
static int text_insert(struct db *db, struct section_text *t)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_INSERT,
		"INSERT INTO section_text (municipality_id, school_id, part, title, body, news_on)"
		" VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, ?6)");

	if (!st || sqlite3_bind_int64(st, 1, t->municipality_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, t->school_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, t->part, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, t->title, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, t->body, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 6, t->news_on, -1, SQLITE_STATIC) != SQLITE_OK ||
	    db_exec(db, st) != DB_OK)
		return DB_ERR;
	t->id = sqlite3_last_insert_rowid(db->h);
	return DB_OK;
}

static int text_update(struct db *db, const struct section_text *t)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_UPDATE,
		"UPDATE section_text SET title = ?2, body = ?3, news_on = ?4, updated_at = unixepoch()"
		" WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, t->id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, t->title, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, t->body, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, t->news_on, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st) == DB_OK ? DB_OK : DB_ERR;
}

int db_content_save(struct db *db, struct section_text *t, int64_t user_id, int64_t restored_from,
		    int64_t *version_id)
{
	sqlite3_stmt *st;

	if ((t->id == 0 ? text_insert(db, t) : text_update(db, t)) != DB_OK)
		return DB_ERR;
	st = db_stmt(db, STMT_CONTENT_VERSION_ADD,
		"INSERT INTO section_version (text_id, title, body, news_on, created_by, restored_from)"
		" VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0))");
	if (!st || sqlite3_bind_int64(st, 1, t->id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, t->title, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, t->body, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, t->news_on, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 6, restored_from) != SQLITE_OK || db_exec(db, st) != DB_OK)
		return DB_ERR;
	*version_id = sqlite3_last_insert_rowid(db->h);
	return DB_OK;
}

int db_content_set_hidden(struct db *db, int64_t id, bool hidden)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_HIDE,
		"UPDATE section_text SET hidden = ?2, updated_at = unixepoch()"
		" WHERE id = ?1 AND part = 'news'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, hidden) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

static void version_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct section_version *v = item;

	v->id = sqlite3_column_int64(st, 0);
	v->text_id = sqlite3_column_int64(st, 1);
	v->title = db_text(a, st, 2);
	v->body = db_text(a, st, 3);
	v->news_on = db_text(a, st, 4);
	v->author = db_text(a, st, 5);
	v->created_at = sqlite3_column_int64(st, 6);
	v->restored_from = sqlite3_column_int64(st, 7);
}

int db_content_versions(struct db *db, struct arena *a, int64_t id, struct section_version **out,
			size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_VERSIONS,
		"SELECT v.id, v.text_id, v.title, v.body, v.news_on, u.name, v.created_at,"
		" coalesce(v.restored_from, 0)"
		" FROM section_version v LEFT JOIN user u ON u.id = v.created_by"
		" WHERE v.text_id = ?1 ORDER BY v.id DESC");

	return db_collect_id(db, a, st, id, sizeof **out, version_row, (void **)out, n);
}

int db_content_set_docs(struct db *db, int64_t id, const int64_t *ids, size_t n)
{
	sqlite3_stmt *del = db_stmt(db, STMT_CONTENT_DOC_CLEAR, "DELETE FROM news_document WHERE text_id = ?1");
	sqlite3_stmt *add;

	if (!del || sqlite3_bind_int64(del, 1, id) != SQLITE_OK || db_exec(db, del) == DB_ERR)
		return DB_ERR;
	add = db_stmt(db, STMT_CONTENT_DOC_ADD,
		"INSERT OR IGNORE INTO news_document (text_id, document_id) VALUES (?1, ?2)");
	for (size_t i = 0; i < n; i++)
		if (!add || sqlite3_bind_int64(add, 1, id) != SQLITE_OK ||
		    sqlite3_bind_int64(add, 2, ids[i]) != SQLITE_OK || db_exec(db, add) == DB_ERR)
			return DB_ERR;
	return DB_OK;
}

static void id_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	(void)a;
	*(int64_t *)item = sqlite3_column_int64(st, 0);
}

int db_content_docs(struct db *db, struct arena *a, int64_t id, int64_t **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CONTENT_DOCS,
		"SELECT document_id FROM news_document WHERE text_id = ?1 ORDER BY document_id");

	return db_collect_id(db, a, st, id, sizeof **out, id_row, (void **)out, n);
}
