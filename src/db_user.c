/*
 * db_user.c: statements for accounts, curator assignments, sessions and failed
 * logins. No HTTP, no templates; the caller owns any transaction.
 */
#include "db_user.h"

#include "db.h"

#define USER_SELECT \
	"u.id, coalesce(u.municipality_id, 0), coalesce(u.school_id, 0), u.login, u.name, u.role," \
	" u.pass_hash, m.slug, s.slug, u.disabled"
#define USER_FROM \
	" FROM user u LEFT JOIN municipality m ON m.id = u.municipality_id" \
	" LEFT JOIN school s ON s.id = u.school_id"
#define USER_COLUMNS USER_SELECT USER_FROM
#define USER_COLUMNS_SESSION \
	USER_SELECT ", x.csrf, x.seen_at FROM session x JOIN user u ON u.id = x.user_id" \
	" LEFT JOIN municipality m ON m.id = u.municipality_id" \
	" LEFT JOIN school s ON s.id = u.school_id" \
	" WHERE x.token_hash = ?1 AND x.seen_at >= ?2 AND x.created_at >= ?3 AND u.disabled = 0"

static void user_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct user *u = item;

	u->id = sqlite3_column_int64(st, 0);
	u->municipality_id = sqlite3_column_int64(st, 1);
	u->school_id = sqlite3_column_int64(st, 2);
	u->login = db_text(a, st, 3);
	u->name = db_text(a, st, 4);
	u->role = db_text(a, st, 5);
	u->pass_hash = db_text(a, st, 6);
	u->municipality_slug = db_text(a, st, 7);
	u->school_slug = db_text(a, st, 8);
	u->disabled = sqlite3_column_int(st, 9) != 0;
}

int db_user_by_login(struct db *db, struct arena *a, const char *login, struct user *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_BY_LOGIN, "SELECT " USER_COLUMNS " WHERE u.login = ?1");

	if (!st || sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, user_row, out);
}

static int bind_id_or_null(sqlite3_stmt *st, int col, int64_t id)
{
	return id ? sqlite3_bind_int64(st, col, id) : sqlite3_bind_null(st, col);
}

int db_user_add(struct db *db, const struct user *u, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_ADD,
		"INSERT INTO user (login, name, role, municipality_id, school_id, pass_hash, email)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	int rc;

	if (!st || sqlite3_bind_text(st, 1, u->login, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, u->name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, u->role, -1, SQLITE_STATIC) != SQLITE_OK ||
	    bind_id_or_null(st, 4, u->municipality_id) != SQLITE_OK ||
	    bind_id_or_null(st, 5, u->school_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 6, u->pass_hash, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 7, u->email, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	rc = db_exec(db, st);
	*id = sqlite3_last_insert_rowid(db->h);
	return rc == DB_OK ? DB_OK : DB_ERR;
}

int db_user_set_password(struct db *db, int64_t user_id, const char *hash)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_SET_PASSWORD,
		"UPDATE user SET pass_hash = ?2 WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_user_set_disabled(struct db *db, int64_t user_id, bool disabled)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_SET_DISABLED,
		"UPDATE user SET disabled = ?2 WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, disabled) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_user_set_role(struct db *db, int64_t user_id, const char *role, int64_t municipality_id,
		     int64_t school_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_SET_ROLE,
		"UPDATE user SET role = ?2, municipality_id = ?3, school_id = ?4 WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC) != SQLITE_OK ||
	    bind_id_or_null(st, 3, municipality_id) != SQLITE_OK ||
	    bind_id_or_null(st, 4, school_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_user_list(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_LIST, "SELECT " USER_COLUMNS " ORDER BY u.login");

	if (!st)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, user_row, (void **)out, n);
}

int db_curator_add(struct db *db, int64_t user_id, int64_t school_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CURATOR_ADD,
		"INSERT OR IGNORE INTO curator_school (user_id, school_id) VALUES (?1, ?2)");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, school_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

int db_curator_clear(struct db *db, int64_t user_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CURATOR_CLEAR, "DELETE FROM curator_school WHERE user_id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

bool db_user_in_scope(struct db *db, const struct user *u, int64_t school_id, int64_t muni_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_IN_SCOPE,
		"SELECT 1 FROM curator_school WHERE user_id = ?1 AND school_id = ?2");
	bool found;

	if (!u)
		return false;
	switch (u->role[0]) {
	case 'a':   /* admin */
		return true;
	case 'c':
		if (u->role[1] == 'o')   /* coordinator */
			return u->municipality_id == muni_id;
		break;                   /* curator: below */
	case 's':   /* school */
		return u->school_id == school_id;
	default:
		return false;
	}
	if (!st || sqlite3_bind_int64(st, 1, u->id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, school_id) != SQLITE_OK)
		return false;
	found = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	return found;
}

int db_session_add(struct db *db, const unsigned char *hash, int64_t user_id, const char *csrf,
		   int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SESSION_ADD,
		"INSERT INTO session (token_hash, user_id, csrf, created_at, seen_at)"
		" VALUES (?1, ?2, ?3, ?4, ?4)");

	if (!st || sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, now) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

struct session_row {
	struct user u;
	const char *csrf;
	int64_t seen_at;
};

static void session_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct session_row *r = item;

	user_row(a, st, &r->u);
	r->csrf = db_text(a, st, 10);
	r->seen_at = sqlite3_column_int64(st, 11);
}

int db_session_get(struct db *db, struct arena *a, const unsigned char *hash, int64_t idle_after,
		   int64_t born_after, struct user *u, const char **csrf, int64_t *seen_at)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SESSION_GET,
		"SELECT " USER_COLUMNS_SESSION);
	struct session_row r;
	int rc;

	if (!st || sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, idle_after) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, born_after) != SQLITE_OK)
		return DB_ERR;
	if ((rc = db_one(db, a, st, session_row, &r)) == DB_OK) {
		*u = r.u;
		*csrf = r.csrf;
		*seen_at = r.seen_at;
	}
	return rc;
}

int db_session_touch(struct db *db, const unsigned char *hash, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SESSION_TOUCH,
		"UPDATE session SET seen_at = ?2 WHERE token_hash = ?1");

	if (!st || sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, now) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_session_delete(struct db *db, const unsigned char *hash)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SESSION_DELETE, "DELETE FROM session WHERE token_hash = ?1");

	if (!st || sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_session_delete_user(struct db *db, int64_t user_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SESSION_DELETE_USER, "DELETE FROM session WHERE user_id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

int db_login_failure_add(struct db *db, const char *login, const char *addr, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_LOGIN_FAILURE_ADD,
		"INSERT INTO login_failure (ts, login, addr) VALUES (?1, ?2, ?3)");

	if (!st || sqlite3_bind_int64(st, 1, now) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, login, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, addr, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_login_failures(struct db *db, const char *login, const char *addr, int64_t since,
		      int *by_login, int *by_addr)
{
	sqlite3_stmt *st = db_stmt(db, STMT_LOGIN_FAILURES,
		"SELECT (SELECT count(*) FROM login_failure WHERE login = ?1 AND ts >= ?3),"
		" (SELECT count(*) FROM login_failure WHERE addr = ?2 AND ts >= ?3)");
	int rc = DB_ERR;

	if (!st || sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, addr, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, since) != SQLITE_OK)
		return DB_ERR;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*by_login = sqlite3_column_int(st, 0);
		*by_addr = sqlite3_column_int(st, 1);
		rc = DB_OK;
	} else
		db_log_err(db, "login_failures");
	db_done(st);
	return rc;
}
