/*
 * db_monitor.c: statements and row mapping for monitoring rounds and findings.
 * No HTTP and no templates; the caller owns the transaction.
 */
#include "db_monitor.h"

#include "db.h"

/* Binds text or SQL NULL. */
static int bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

int db_monitor_round_add(struct db *db, int64_t muni_id, const char *kind, int64_t user_id, int64_t *id)
{
	sqlite3_stmt *busy = db_stmt(db, STMT_MONITOR_RUNNING,
		"SELECT 1 FROM monitor_round WHERE municipality_id = ?1 AND status = 'running'");
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_ROUND_ADD,
		"INSERT INTO monitor_round (municipality_id, kind, started_by) VALUES (?1, ?2, nullif(?3, 0))");
	int step;

	if (!busy || !st || sqlite3_bind_int64(busy, 1, muni_id) != SQLITE_OK)
		return DB_ERR;
	step = sqlite3_step(busy);
	db_done(busy);
	if (step == SQLITE_ROW)
		return DB_NOTFOUND;
	if (step != SQLITE_DONE || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, user_id) != SQLITE_OK || db_exec(db, st) != DB_OK) {
		db_done(st);
		return DB_ERR;
	}
	*id = sqlite3_last_insert_rowid(db->h);
	return DB_OK;
}

int db_monitor_round_finish(struct db *db, int64_t round_id, const char *status)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_ROUND_FINISH,
		"UPDATE monitor_round SET status = ?2, finished_at = unixepoch() WHERE id = ?1 AND status = 'running'");

	if (!st || sqlite3_bind_int64(st, 1, round_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

int db_monitor_recover(struct db *db, int *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_RECOVER,
		"UPDATE monitor_round SET status = 'failed', finished_at = unixepoch() WHERE status = 'running'");
	int rc;

	*n = 0;
	if (!st)
		return DB_ERR;
	rc = db_exec(db, st);
	if (rc == DB_OK)
		*n = sqlite3_changes(db->h);
	return rc == DB_ERR ? DB_ERR : DB_OK;
}

#define ROUND_COLUMNS \
	"r.id, r.municipality_id, r.started_at, coalesce(r.finished_at, 0), r.kind, r.status, u.name," \
	" (SELECT count(*) FROM monitor_finding f WHERE f.round_id = r.id)," \
	" (SELECT count(*) FROM monitor_finding f WHERE f.round_id = r.id AND f.outcome IN ('ok', 'not_modified'))" \
	" FROM monitor_round r LEFT JOIN user u ON u.id = r.started_by"

static void round_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct monitor_round *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->municipality_id = sqlite3_column_int64(st, 1);
	r->started_at = sqlite3_column_int64(st, 2);
	r->finished_at = sqlite3_column_int64(st, 3);
	r->kind = db_text(a, st, 4);
	r->status = db_text(a, st, 5);
	r->started_by = db_text(a, st, 6);
	r->schools = sqlite3_column_int(st, 7);
	r->reachable = sqlite3_column_int(st, 8);
}

int db_monitor_rounds(struct db *db, struct arena *a, int64_t muni_id, struct monitor_round **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_ROUNDS,
		"SELECT " ROUND_COLUMNS " WHERE r.municipality_id = ?1 ORDER BY r.id DESC");

	return db_collect_id(db, a, st, muni_id, sizeof **out, round_row, (void **)out, n);
}

int db_monitor_round_get(struct db *db, struct arena *a, int64_t muni_id, int64_t round_id,
			 struct monitor_round *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_ROUND_GET,
		"SELECT " ROUND_COLUMNS " WHERE r.id = ?1 AND r.municipality_id = ?2");

	if (!st || sqlite3_bind_int64(st, 1, round_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, muni_id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, round_row, out);
}

static void target_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct monitor_target *t = item;

	t->school_id = sqlite3_column_int64(st, 0);
	t->url = db_text(a, st, 1);
	t->prev_etag = db_text(a, st, 2);
	t->prev_last_modified = db_text(a, st, 3);
	t->prev_sha256 = db_text(a, st, 4);
	t->prev_doc_links = db_text(a, st, 5);
	t->prev_modified_at = sqlite3_column_int64(st, 6);
	t->prev_changed_at = sqlite3_column_int64(st, 7);
	t->municipality_id = sqlite3_column_int64(st, 8);
}

int db_monitor_targets(struct db *db, struct arena *a, int64_t round_id, struct monitor_target **out,
		       size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_TARGETS,
		"SELECT s.id, s.website, f.etag, f.last_modified, f.sha256, f.doc_links,"
		" coalesce(f.modified_at, 0), coalesce(f.changed_at, 0), r.municipality_id"
		" FROM monitor_round r JOIN school s ON s.municipality_id = r.municipality_id"
		" LEFT JOIN monitor_finding f ON f.school_id = s.id AND f.round_id ="
		"  (SELECT max(g.round_id) FROM monitor_finding g WHERE g.school_id = s.id AND g.round_id < r.id"
		"   AND g.url IS s.website AND g.outcome IN ('ok', 'not_modified'))"
		" WHERE r.id = ?1 ORDER BY s.id");

	return db_collect_id(db, a, st, round_id, sizeof **out, target_row, (void **)out, n);
}

int db_monitor_finding_add(struct db *db, const struct monitor_finding *f)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_FINDING_ADD,
		"INSERT INTO monitor_finding (round_id, school_id, url, outcome, http_status, detail, final_url,"
		" etag, last_modified, modified_at, sha256, changed, changed_at, fresh, docs_found, docs_missing,"
		" doc_links, dead_links, elapsed_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, 0),"
		" ?11, nullif(?12, -1), nullif(?13, 0), ?14, ?15, ?16, ?17, ?18, ?19)");

	if (!st || sqlite3_bind_int64(st, 1, f->round_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, f->school_id) != SQLITE_OK || bind_text(st, 3, f->url) != SQLITE_OK ||
	    bind_text(st, 4, f->outcome) != SQLITE_OK || sqlite3_bind_int64(st, 5, f->http_status) != SQLITE_OK ||
	    bind_text(st, 6, f->detail) != SQLITE_OK || bind_text(st, 7, f->final_url) != SQLITE_OK ||
	    bind_text(st, 8, f->etag) != SQLITE_OK || bind_text(st, 9, f->last_modified) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 10, f->modified_at) != SQLITE_OK || bind_text(st, 11, f->sha256) != SQLITE_OK ||
	    sqlite3_bind_int(st, 12, f->changed) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 13, f->changed_at) != SQLITE_OK || bind_text(st, 14, f->fresh) != SQLITE_OK ||
	    bind_text(st, 15, f->docs_found ? f->docs_found : "") != SQLITE_OK ||
	    bind_text(st, 16, f->docs_missing ? f->docs_missing : "") != SQLITE_OK ||
	    bind_text(st, 17, f->doc_links ? f->doc_links : "") != SQLITE_OK ||
	    bind_text(st, 18, f->dead_links ? f->dead_links : "") != SQLITE_OK ||
	    sqlite3_bind_int64(st, 19, f->elapsed_ms) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

#define FINDING_COLUMNS \
	"f.round_id, f.school_id, s.slug, s.short_name, f.url, f.outcome, f.detail, f.final_url, f.etag," \
	" f.last_modified, f.sha256, f.fresh, f.docs_found, f.docs_missing, f.doc_links, f.dead_links," \
	" coalesce(f.http_status, 0), coalesce(f.changed, -1), coalesce(f.modified_at, 0)," \
	" coalesce(f.changed_at, 0), f.fetched_at, f.elapsed_ms, r.kind, r.started_at" \
	" FROM monitor_finding f JOIN school s ON s.id = f.school_id JOIN monitor_round r ON r.id = f.round_id"

static void finding_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct monitor_finding *f = item;
	const char **text[] = { &f->school_slug, &f->school_name, &f->url, &f->outcome, &f->detail,
				&f->final_url, &f->etag, &f->last_modified, &f->sha256, &f->fresh,
				&f->docs_found, &f->docs_missing, &f->doc_links, &f->dead_links };

	f->round_id = sqlite3_column_int64(st, 0);
	f->school_id = sqlite3_column_int64(st, 1);
	for (int i = 0; i < (int)(sizeof text / sizeof text[0]); i++)
		*text[i] = db_text(a, st, 2 + i);
	f->http_status = sqlite3_column_int(st, 16);
	f->changed = sqlite3_column_int(st, 17);
	f->modified_at = sqlite3_column_int64(st, 18);
	f->changed_at = sqlite3_column_int64(st, 19);
	f->fetched_at = sqlite3_column_int64(st, 20);
	f->elapsed_ms = sqlite3_column_int64(st, 21);
	f->round_kind = db_text(a, st, 22);
	f->round_started_at = sqlite3_column_int64(st, 23);
}

int db_monitor_findings(struct db *db, struct arena *a, int64_t round_id, struct monitor_finding **out,
			size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_FINDINGS,
		"SELECT " FINDING_COLUMNS " WHERE f.round_id = ?1 ORDER BY s.id");

	return db_collect_id(db, a, st, round_id, sizeof **out, finding_row, (void **)out, n);
}

int db_monitor_school_findings(struct db *db, struct arena *a, int64_t school_id,
			       struct monitor_finding **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MONITOR_SCHOOL_FINDINGS,
		"SELECT " FINDING_COLUMNS " WHERE f.school_id = ?1 ORDER BY f.round_id DESC LIMIT 50");

	return db_collect_id(db, a, st, school_id, sizeof **out, finding_row, (void **)out, n);
}
