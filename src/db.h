/*
 * db.h: one SQLite connection per worker: open with the portal's pragmas,
 * numbered migrations, a cache of prepared statements, transactions.
 * Entity queries live in db_<entity>.c; SQL is never built with printf.
 */
#ifndef DB_H
#define DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct arena;

enum { DB_OK = 0, DB_NOTFOUND = 1, DB_ERR = -1 };

/* Every prepared statement of the application, grouped by entity file. */
enum db_stmt {
	STMT_HEALTH,
	STMT_MUNI_LIST, STMT_MUNI_BY_SLUG,
	STMT_SCHOOL_LIST, STMT_SCHOOL_BY_SLUG,
	STMT_MEMBERSHIP_BY_MUNI, STMT_MEMBERSHIP_BY_SCHOOL,
	STMT_RISK_BY_SCHOOL,
	STMT_INDICATOR_BY_MUNI, STMT_INDICATOR_PLAN_FACT, STMT_INDICATOR_ID, STMT_INDICATOR_FACT_SET,
	STMT_INDICATOR_FACT_DELETE,
	STMT_RESULT_FOR_SCHOOL,
	STMT_ROADMAP_OF_MUNI, STMT_ROADMAP_OF_SCHOOL, STMT_ROADMAP_IN_MUNI, STMT_ROADMAP_TASKS, STMT_ROADMAP_ITEMS,
	STMT_BEGIN, STMT_COMMIT, STMT_ROLLBACK, STMT_READ_BEGIN, STMT_QUERY_ONLY_ON, STMT_QUERY_ONLY_OFF,
	STMT_USER_BY_LOGIN, STMT_USER_ADD, STMT_USER_SET_PASSWORD, STMT_USER_SET_DISABLED,
	STMT_USER_LIST, STMT_CURATOR_ADD, STMT_USER_IN_SCOPE,
	STMT_SESSION_ADD, STMT_SESSION_GET, STMT_SESSION_TOUCH, STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_USER, STMT_LOGIN_FAILURE_ADD, STMT_LOGIN_FAILURES,
	STMT_AUDIT_ADD, STMT_AUDIT_BY_SCHOOL, STMT_AUDIT_BY_SERIES,
	STMT_DOCUMENT_ADD, STMT_DOCUMENT_SERIES_SELF, STMT_DOCUMENT_GET, STMT_DOCUMENT_MOVE,
	STMT_DOCUMENT_PUBLISHED_IN_SERIES, STMT_DOCUMENT_BY_SCHOOL, STMT_DOCUMENT_BY_SERIES,
	STMT_DOCUMENT_QUEUE, STMT_REVIEW_ADD,
	STMT_ADMIN_MUNI_ID, STMT_ADMIN_SCHOOL_ID, STMT_ADMIN_CURATED,   /* admin_users.c, the command line */
	STMT_USER_SET_ROLE, STMT_CURATOR_CLEAR,
	STMT_ITEM_UNSCHEDULED, STMT_ITEM_SET_KIND, STMT_OCCURRENCE_ADD, STMT_OCCURRENCE_BY_ITEM,
	STMT_OCCURRENCE_GET, STMT_OCCURRENCE_DONE, STMT_OCCURRENCE_CONFIRM, STMT_OCCURRENCE_WITHDRAW,
	STMT_METRIC_BY_ROADMAP, STMT_METRIC_BY_TASK, STMT_ROADMAP_ITEM_GET, STMT_AUDIT_BY_ITEM, STMT_OCCURRENCE_DUE,
	STMT_ITEM_UNPARSED, STMT_DATA_VERSION, STMT_SCHOOL_PROGRESS, STMT_OCCURRENCE_ASSIGNED,
	STMT_ASSIGNEES, STMT_ASSIGNABLE, STMT_ASSIGNEE_ADD, STMT_ASSIGNEE_DELETE, STMT_OCCURRENCE_START,
	STMT_DASH_SCHOOLS, STMT_DASH_DOCUMENTS, STMT_DASH_RISKS, STMT_DASH_RESULTS, STMT_DASH_SUBJECTS,
	STMT_DASH_OVERDUE, STMT_DASH_OVERDUE_COUNT,
	STMT_RESULT_FIND, STMT_RESULT_INSERT, STMT_RESULT_UPDATE, STMT_SOCIAL_FIND, STMT_SOCIAL_PUT,
	STMT_IDENT_CONFIG, STMT_IDENT_CONFIG_SET, STMT_IDENT_RESULTS, STMT_IDENT_SOCIAL, STMT_IDENT_FLAGS,
	STMT_IDENT_YEARS, STMT_IDENT_IN_FORCE, STMT_IDENT_HISTORY, STMT_IDENT_DECIDE,
	STMT_IDENT_MEMBER_ADD, STMT_IDENT_MEMBER_DELETE,
	STMT_RE_ITEM_GET, STMT_RE_NUMBER_TAKEN, STMT_RE_TASK_ADD, STMT_RE_SET_SEQ, STMT_RE_ROOM_POS,
	STMT_RE_ROOM_PARK, STMT_RE_ROOM_BACK, STMT_RE_ITEM_ADD, STMT_RE_ITEM_UPDATE, STMT_RE_SET_REMOVED,
	STMT_RE_SCHEDULE_SOURCE, STMT_RE_DROP_UNWORKED, STMT_RE_ROADMAP_ADD, STMT_RE_BY_DIGEST,
	STMT_RE_NEIGHBOUR_UP, STMT_RE_NEIGHBOUR_DOWN, STMT_RE_RENUMBER_PARK, STMT_RE_RENUMBER,
	STMT_SEARCH_DIRTY, STMT_SEARCH_DELETE, STMT_SEARCH_UNDIRTY,
	STMT_SEARCH_ADD_SCHOOL, STMT_SEARCH_ADD_DOCUMENT, STMT_SEARCH_ADD_ITEM, STMT_SEARCH_ADD_NEWS,
	STMT_SEARCH_COUNTS, STMT_SEARCH_HITS, STMT_SEARCH_HITS_NEWEST,
	STMT_MONITOR_RUNNING, STMT_MONITOR_ROUND_ADD, STMT_MONITOR_ROUND_FINISH, STMT_MONITOR_RECOVER,
	STMT_MONITOR_ROUNDS, STMT_MONITOR_ROUND_GET, STMT_MONITOR_TARGETS, STMT_MONITOR_FINDING_ADD,
	STMT_MONITOR_FINDINGS, STMT_MONITOR_SCHOOL_FINDINGS, STMT_SCHOOL_SET_WEBSITE,
	STMT_CONTENT_LIST, STMT_CONTENT_GET, STMT_CONTENT_INSERT, STMT_CONTENT_UPDATE,
	STMT_CONTENT_VERSION_ADD, STMT_CONTENT_HIDE, STMT_CONTENT_VERSIONS, STMT_CONTENT_DOC_CLEAR,
	STMT_CONTENT_DOC_ADD, STMT_CONTENT_DOCS, STMT_SCHOOL_FRESHNESS,
	STMT_MAIL_RCPTS, STMT_MAIL_PREFS, STMT_MAIL_PREF_SET, STMT_USER_EMAIL, STMT_USER_SET_EMAIL,
	STMT_OUTBOX_ADD, STMT_OUTBOX_CLAIM, STMT_OUTBOX_SENT, STMT_OUTBOX_RETRY, STMT_OUTBOX_RECOVER,
	STMT_OUTBOX_LIST, STMT_OUTBOX_REQUEUE, STMT_REMIND_DUE, STMT_DIGEST_DUE,
	STMT_FEED_DOCS, STMT_FEED_ITEMS, STMT_FEED_NEWS, STMT_OPEN_SCHOOLS, STMT_OPEN_ROADMAP, STMT_OPEN_DOCS,
	STMT__MAX
};

struct db {
	sqlite3 *h;
	sqlite3_stmt *stmt[STMT__MAX];
	bool storage_failed;    /* an error since it was cleared met a full or read-only disk */
};

/* Opens `path` (created if missing) with WAL, foreign keys, busy timeout;
 * read-only (query_only) unless `writable`. Returns DB_OK or DB_ERR (logged). */
int db_open(struct db *db, const char *path, bool writable);

/* Finalises every statement and closes the connection. */
void db_close(struct db *db);

/* Applies the migrations NNNN_*.sql in `dir` above PRAGMA user_version, each in
 * its own transaction. Refuses a database newer than the files. Startup only. */
int db_migrate(struct db *db, const char *dir);

/* The cached statement `id`, prepared from `sql` on first use; NULL on error (logged). */
sqlite3_stmt *db_stmt(struct db *db, enum db_stmt id, const char *sql);

/* How many large tables `sql`'s plan reads from end to end (EXPLAIN QUERY PLAN
 * "SCAN <table>", tables of a row per municipality or setting aside); the first
 * one's name into `table` when not NULL. -1 if `sql` does not prepare. With the
 * setting explain_plans, db_stmt() logs a warning for every such statement. */
int db_plan_scans(struct db *db, const char *sql, char *table, size_t size);

/* Resets a statement after use and clears its bindings. */
void db_done(sqlite3_stmt *st);

/* Column `col` as an arena copy; NULL for SQL NULL or out of memory. */
char *db_text(struct arena *a, sqlite3_stmt *st, int col);

/* Maps the current row of a statement into `item` (strings into the arena). */
typedef void (*db_row_fn)(struct arena *a, sqlite3_stmt *st, void *item);

/*
 * Steps the bound statement `st` to the end, mapping each row with `row` into an
 * arena array of items of `size` bytes. Resets `st` in every case.
 * Returns DB_OK (*out may be NULL when *n is 0) or DB_ERR (logged).
 */
int db_collect(struct db *db, struct arena *a, sqlite3_stmt *st, size_t size, db_row_fn row,
	       void **out, size_t *n);

/* db_collect() of `st` with `id` bound as ?1; DB_ERR when `st` is NULL (not prepared). */
int db_collect_id(struct db *db, struct arena *a, sqlite3_stmt *st, int64_t id, size_t size, db_row_fn row,
		  void **out, size_t *n);

/* Steps the bound statement `st` once and maps the row into `item`. Resets `st`.
 * Returns DB_OK, DB_NOTFOUND or DB_ERR (logged). */
int db_one(struct db *db, struct arena *a, sqlite3_stmt *st, db_row_fn row, void *item);

/* BEGIN IMMEDIATE (the write lock now, so a reader never has to upgrade), COMMIT,
 * ROLLBACK (harmless when no transaction is open). Return DB_OK or DB_ERR. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* A read transaction around all queries of one GET: one snapshot and one lock
 * acquisition per page instead of one per statement. db_read_end() commits it. */
int db_read_begin(struct db *db);
void db_read_end(struct db *db);

/* PRAGMA query_only: connections are read-only except while a POST handler runs. */
int db_set_writable(struct db *db, bool writable);

/* Steps a bound write statement once and resets it. Returns DB_OK, DB_ERR, or
 * DB_NOTFOUND when it changed no row. */
int db_exec(struct db *db, sqlite3_stmt *st);

/* Logs the connection's last error for operation `op` (and notes a storage error in
 * db->storage_failed, which the caller clears). */
void db_log_err(struct db *db, const char *op);

/* DB_OK when the database answers a trivial query. */
int db_health(struct db *db);

#endif
