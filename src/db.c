/*
 * db.c: connection setup, migrations and the per-connection statement cache.
 * Knows no entity but the search index, which every commit brings up to date;
 * used by the db_<entity>.c files and by startup.
 */
#include "db.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "config.h"
#include "db_search.h"
#include "log.h"

/* Whether the connection's last error was a full disk or a read-only database. */
static bool db_storage_error(struct db *db)
{
	int e = sqlite3_errcode(db->h), sys = sqlite3_system_errno(db->h);

	return e == SQLITE_FULL || e == SQLITE_READONLY ||
	       (e == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT || sys == EROFS));
}

void db_log_err(struct db *db, const char *op)
{
	if (db_storage_error(db))
		db->storage_failed = true;
	log_err("db", "%s: sqlite %d: %s", op, sqlite3_extended_errcode(db->h), sqlite3_errmsg(db->h));
}


int db_open(struct db *db, const char *path, bool writable)
{
	static const char pragmas[] =
		"PRAGMA journal_mode = WAL;"
		"PRAGMA synchronous = NORMAL;"
		"PRAGMA foreign_keys = ON;"
		"PRAGMA temp_store = MEMORY;"
		"PRAGMA query_only = ON;";

	memset(db, 0, sizeof *db);
	if (sqlite3_open_v2(path, &db->h,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		log_err("db", "cannot open %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "no memory");
		db_close(db);
		return DB_ERR;
	}
	sqlite3_busy_timeout(db->h, 5000);
	if (db_search_register(db->h) != SQLITE_OK ||
	    sqlite3_exec(db->h, pragmas, NULL, NULL, NULL) != SQLITE_OK ||
	    (writable && db_set_writable(db, true) != DB_OK)) {
		db_log_err(db, "pragmas");
		db_close(db);
		return DB_ERR;
	}
	return DB_OK;
}

void db_close(struct db *db)
{
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->h);
	memset(db, 0, sizeof *db);
}

/* Tables small by nature (a row per municipality, catalogue or setting, a few monitoring
 * rounds a year, or a queue drained at every commit): a scan is fine. */
static const char *const small_tables[] = {
	"municipality", "risk", "indicator", "indicator_target", "ident_config", "search_dirty",
	"monitor_round",
};

static bool small_table(const char *name)
{
	for (size_t i = 0; i < sizeof small_tables / sizeof small_tables[0]; i++)
		if (strcmp(small_tables[i], name) == 0)
			return true;
	return false;
}

int db_plan_scans(struct db *db, const char *sql, char *table, size_t size)
{
	sqlite3_stmt *st;
	char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	int scans = 0;

	if (!explain || sqlite3_prepare_v2(db->h, explain, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(explain);
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);
		size_t n;

		/* "SCAN t", "SCAN t USING [COVERING] INDEX i": every row of t; not "SCAN (subquery…)",
		 * "SCAN CONSTANT ROW" or a CTE, whose names are no tables of the schema */
		if (!detail || strncmp(detail, "SCAN ", 5) != 0)
			continue;
		/* a virtual table with constraints (FTS5 "INDEX 0:M…" for MATCH) is no full scan */
		const char *vt = strstr(detail, " VIRTUAL TABLE INDEX ");

		if (vt && (vt = strchr(vt, ':')) && vt[1] != '\0')
			continue;
		detail += 5;
		n = strcspn(detail, " ");
		char name[64];

		snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), detail);
		sqlite3_stmt *t;
		bool is_table = sqlite3_prepare_v2(db->h, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
						   -1, &t, NULL) == SQLITE_OK &&
				sqlite3_bind_text(t, 1, name, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
				sqlite3_step(t) == SQLITE_ROW;

		sqlite3_finalize(t);
		if (is_table && !small_table(name) && scans++ == 0 && table)
			snprintf(table, size, "%s", name);
	}
	sqlite3_finalize(st);
	sqlite3_free(explain);
	return scans;
}

sqlite3_stmt *db_stmt(struct db *db, enum db_stmt id, const char *sql)
{
	if (db->stmt[id])
		return db->stmt[id];
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->stmt[id], NULL) != SQLITE_OK) {
		db_log_err(db, "prepare");
		return NULL;
	}
	if (cfg.explain_plans) {
		char table[64] = "";

		if (db_plan_scans(db, sql, table, sizeof table) > 0)
			log_event(LOG_WARN, NULL, "plan", "statement %d scans the whole table %s: %.120s", (int)id, table,
				  sql);
	}
	return db->stmt[id];
}

void db_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

char *db_text(struct arena *a, sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return s ? arena_strndup(a, s, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}

int db_collect(struct db *db, struct arena *a, sqlite3_stmt *st, size_t size, db_row_fn row,
	       void **out, size_t *n)
{
	size_t cap = 0;
	char *items = NULL;
	int step, rc = DB_OK;

	*out = NULL;
	*n = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char *grown = arena_alloc(a, ncap * size);

			if (!grown) {
				rc = DB_ERR;
				log_err("db", "out of request memory");
				break;
			}
			if (items)
				memcpy(grown, items, cap * size);
			items = grown;
			cap = ncap;
		}
		memset(items + *n * size, 0, size);
		row(a, st, items + *n * size);
		(*n)++;
	}
	if (rc == DB_OK && step != SQLITE_DONE) {
		db_log_err(db, sqlite3_sql(st));
		rc = DB_ERR;
	}
	db_done(st);
	*out = items;
	return rc;
}

int db_collect_id(struct db *db, struct arena *a, sqlite3_stmt *st, int64_t id, size_t size, db_row_fn row,
		  void **out, size_t *n)
{
	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, size, row, out, n);
}

int db_one(struct db *db, struct arena *a, sqlite3_stmt *st, db_row_fn row, void *item)
{
	int step = sqlite3_step(st), rc = DB_OK;

	if (step == SQLITE_ROW)
		row(a, st, item);
	else if (step == SQLITE_DONE)
		rc = DB_NOTFOUND;
	else {
		db_log_err(db, sqlite3_sql(st));
		rc = DB_ERR;
	}
	db_done(st);
	return rc;
}

static int db_simple(struct db *db, enum db_stmt id, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, id, sql);
	int rc = st && sqlite3_step(st) == SQLITE_DONE ? DB_OK : DB_ERR;

	if (rc != DB_OK)
		db_log_err(db, sql);
	if (st)
		sqlite3_reset(st);
	return rc;
}

int db_begin(struct db *db)
{
	return db_simple(db, STMT_BEGIN, "BEGIN IMMEDIATE");
}

/* The search index follows every change in the same transaction (db_search.h). */
int db_commit(struct db *db)
{
	if (db_search_flush(db) != DB_OK)
		return DB_ERR;
	return db_simple(db, STMT_COMMIT, "COMMIT");
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		db_simple(db, STMT_ROLLBACK, "ROLLBACK");
}

int db_read_begin(struct db *db)
{
	return db_simple(db, STMT_READ_BEGIN, "BEGIN DEFERRED");
}

void db_read_end(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		db_simple(db, STMT_COMMIT, "COMMIT");
}

int db_set_writable(struct db *db, bool writable)
{
	return writable ? db_simple(db, STMT_QUERY_ONLY_OFF, "PRAGMA query_only = OFF")
			: db_simple(db, STMT_QUERY_ONLY_ON, "PRAGMA query_only = ON");
}

int db_exec(struct db *db, sqlite3_stmt *st)
{
	int step = sqlite3_step(st), rc = DB_OK;

	if (step != SQLITE_DONE) {
		db_log_err(db, sqlite3_sql(st));
		rc = DB_ERR;
	} else if (sqlite3_changes(db->h) == 0)
		rc = DB_NOTFOUND;
	db_done(st);
	return rc;
}

int db_health(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_HEALTH, "SELECT count(*) FROM municipality");
	int rc = DB_ERR;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		rc = DB_OK;
	if (st)
		db_done(st);
	return rc;
}

/* Migration file names: four digits, '_', anything, ".sql". */
static int migration_number(const char *name)
{
	size_t n = strlen(name);

	if (n < 10 || strcmp(name + n - 4, ".sql") != 0 || name[4] != '_')
		return 0;
	for (int i = 0; i < 4; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return atoi(name) > 0 ? atoi(name) : 0;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (text = malloc((size_t)n + 1)) != NULL) {
		if (fread(text, 1, (size_t)n, f) != (size_t)n) {
			free(text);
			text = NULL;
		} else
			text[n] = '\0';
	}
	fclose(f);
	return text;
}

static int apply_one(struct db *db, const char *dir, const char *name, int v)
{
	char path[1024], version[64];
	char *sql;
	int ok;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(sql = read_file(path))) {
		log_err("db", "cannot read migration %s", path);
		return DB_ERR;
	}
	snprintf(version, sizeof version, "PRAGMA user_version = %d; COMMIT;", v);
	ok = sqlite3_exec(db->h, "BEGIN IMMEDIATE;", NULL, NULL, NULL) == SQLITE_OK &&
	     sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK &&
	     sqlite3_exec(db->h, version, NULL, NULL, NULL) == SQLITE_OK;
	free(sql);
	if (!ok) {
		db_log_err(db, name);
		sqlite3_exec(db->h, "ROLLBACK;", NULL, NULL, NULL);
		return DB_ERR;
	}
	log_info("db", "applied migration %s", name);
	return DB_OK;
}

int db_migrate(struct db *db, const char *dir)
{
	enum { MAX_MIGRATIONS = 999 };
	static char names[MAX_MIGRATIONS + 1][256];
	int count = 0, cur = -1;
	sqlite3_stmt *st;
	DIR *dp = opendir(dir);

	if (!dp) {
		log_err("db", "cannot open migration directory %s", dir);
		return DB_ERR;
	}
	memset(names, 0, sizeof names);
	for (struct dirent *e; (e = readdir(dp)) != NULL;) {
		int v = migration_number(e->d_name);

		if (v > 0 && v <= MAX_MIGRATIONS && strlen(e->d_name) < sizeof names[0]) {
			strcpy(names[v], e->d_name);
			if (v > count)
				count = v;
		}
	}
	closedir(dp);
	for (int v = 1; v <= count; v++)
		if (!names[v][0]) {
			log_err("db", "migration %04d is missing in %s", v, dir);
			return DB_ERR;
		}
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			cur = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (cur < 0) {
		db_log_err(db, "user_version");
		return DB_ERR;
	}
	if (cur > count) {
		log_err("db", "database v%d is newer than this build (v%d)", cur, count);
		return DB_ERR;
	}
	for (int v = cur + 1; v <= count; v++)
		if (apply_one(db, dir, names[v], v) != DB_OK)
			return DB_ERR;
	return DB_OK;
}
