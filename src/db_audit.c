/*
 * db_audit.c: statements for the append-only audit log (insert and two readers).
 * No HTTP, no templates, never an UPDATE or DELETE; the caller owns the transaction.
 */
#include "db_audit.h"

#include "db.h"

#define AUDIT_COLUMNS \
	"a.id, a.ts, u.login, u.name, a.login, a.addr, a.action, a.from_status, a.to_status," \
	" a.detail, a.sha256, coalesce(a.document_id, 0)"

static int bind_id(sqlite3_stmt *st, int col, int64_t id)
{
	return id ? sqlite3_bind_int64(st, col, id) : sqlite3_bind_null(st, col);
}

/* sqlite3_bind_text binds NULL for a NULL pointer. */
static int bind_str(sqlite3_stmt *st, int col, const char *s)
{
	return sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

int db_audit_add(struct db *db, const struct audit_event *e)
{
	sqlite3_stmt *st = db_stmt(db, STMT_AUDIT_ADD,
		"INSERT INTO audit (user_id, login, addr, action, school_id, document_id,"
		" from_status, to_status, detail, sha256, occurrence_id, item_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");

	if (!st || !e->action)
		return DB_ERR;
	if (bind_id(st, 1, e->user_id) != SQLITE_OK || bind_str(st, 2, e->login) != SQLITE_OK ||
	    bind_str(st, 3, e->addr) != SQLITE_OK || bind_str(st, 4, e->action) != SQLITE_OK ||
	    bind_id(st, 5, e->school_id) != SQLITE_OK || bind_id(st, 6, e->document_id) != SQLITE_OK ||
	    bind_str(st, 7, e->from_status) != SQLITE_OK || bind_str(st, 8, e->to_status) != SQLITE_OK ||
	    bind_str(st, 9, e->detail) != SQLITE_OK || bind_str(st, 10, e->sha256) != SQLITE_OK ||
	    bind_id(st, 11, e->occurrence_id) != SQLITE_OK || bind_id(st, 12, e->item_id) != SQLITE_OK) {
		db_log_err(db, "audit_add");
		db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_OK ? DB_OK : DB_ERR;
}

static void audit_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct audit_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->ts = sqlite3_column_int64(st, 1);
	r->user_login = db_text(a, st, 2);
	r->user_name = db_text(a, st, 3);
	r->login = db_text(a, st, 4);
	r->addr = db_text(a, st, 5);
	r->action = db_text(a, st, 6);
	r->from_status = db_text(a, st, 7);
	r->to_status = db_text(a, st, 8);
	r->detail = db_text(a, st, 9);
	r->sha256 = db_text(a, st, 10);
	r->document_id = sqlite3_column_int64(st, 11);
}

int db_audit_by_school(struct db *db, struct arena *a, int64_t school_id, int limit,
		       struct audit_row **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_AUDIT_BY_SCHOOL,
		"SELECT " AUDIT_COLUMNS " FROM audit a LEFT JOIN user u ON u.id = a.user_id"
		" WHERE a.school_id = ?1 ORDER BY a.id DESC LIMIT ?2");

	*out = NULL;
	*n = 0;
	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, school_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, limit) != SQLITE_OK) {
		db_done(st);
		return DB_ERR;
	}
	return db_collect(db, a, st, sizeof **out, audit_row, (void **)out, n);
}

int db_audit_by_item(struct db *db, struct arena *a, int64_t item_id, struct audit_row **out,
		     size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_AUDIT_BY_ITEM,
		"SELECT " AUDIT_COLUMNS " FROM audit a LEFT JOIN user u ON u.id = a.user_id"
		" WHERE a.item_id = ?1 OR a.occurrence_id IN (SELECT id FROM occurrence WHERE item_id = ?1)"
		" ORDER BY a.id");

	return db_collect_id(db, a, st, item_id, sizeof **out, audit_row, (void **)out, n);
}

int db_audit_by_series(struct db *db, struct arena *a, int64_t series_id, struct audit_row **out,
		       size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_AUDIT_BY_SERIES,
		"SELECT " AUDIT_COLUMNS " FROM document d JOIN audit a ON a.document_id = d.id"
		" LEFT JOIN user u ON u.id = a.user_id WHERE d.series = ?1 ORDER BY a.id");

	*out = NULL;
	*n = 0;
	if (!st)
		return DB_ERR;
	if (sqlite3_bind_int64(st, 1, series_id) != SQLITE_OK) {
		db_done(st);
		return DB_ERR;
	}
	return db_collect(db, a, st, sizeof **out, audit_row, (void **)out, n);
}
