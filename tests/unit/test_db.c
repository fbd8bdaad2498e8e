/* test_db.c: migrations (order, atomicity, gaps, newer database), the statement cache, collect,
 * scheduling many items at startup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "db.h"
#include "log.h"
#include "schedule.h"
#include "tap.h"

static char dir[] = "/tmp/kachestvo-mig-XXXXXX";

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static int user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int table_exists(struct db *db, const char *name)
{
	sqlite3_stmt *st;
	int found;

	sqlite3_prepare_v2(db->h, "SELECT 1 FROM sqlite_master WHERE name = ?1", -1, &st, NULL);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static void int_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	(void)a;
	*(int *)item = sqlite3_column_int(st, 0);
}

int main(void)
{
	struct db db;
	struct arena a;
	char dbpath[300];
	int *vals;
	size_t n;

	log_threshold = LOG_ERR;   /* the failures below are expected */
	mkdtemp(dir);
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	write_file("0001_a.sql", "CREATE TABLE a (x INTEGER);");
	write_file("0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1), (2), (3);");
	write_file("README", "not a migration");
	ok(db_open(&db, dbpath, true) == DB_OK, "open creates the database");
	ok(db_migrate(&db, dir) == DB_OK && user_version(&db) == 2, "two migrations applied");
	ok(db_migrate(&db, dir) == DB_OK && user_version(&db) == 2, "re-running is a no-op");

	write_file("0003_bad.sql", "CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (1);");
	ok(db_migrate(&db, dir) == DB_ERR, "a failing migration is an error");
	ok(user_version(&db) == 2 && !table_exists(&db, "c"), "and leaves nothing behind");
	write_file("0003_bad.sql", "CREATE TABLE c (x INTEGER);");
	write_file("0005_gap.sql", "CREATE TABLE e (x INTEGER);");
	ok(db_migrate(&db, dir) == DB_ERR && user_version(&db) == 2, "a gap in the numbers is refused");
	char gap[300];
	snprintf(gap, sizeof gap, "%s/0005_gap.sql", dir);
	unlink(gap);
	ok(db_migrate(&db, dir) == DB_OK && user_version(&db) == 3, "third migration after the fix");
	sqlite3_exec(db.h, "PRAGMA user_version = 9", NULL, NULL, NULL);
	ok(db_migrate(&db, dir) == DB_ERR, "a database newer than the build is refused");
	sqlite3_exec(db.h, "PRAGMA user_version = 3", NULL, NULL, NULL);

	arena_init(&a, 4096, 1 << 20);
	sqlite3_stmt *st = db_stmt(&db, STMT_HEALTH, "SELECT x FROM a ORDER BY x");
	ok(st && db_stmt(&db, STMT_HEALTH, "ignored") == st, "statements are prepared once and cached");
	ok(db_collect(&db, &a, st, sizeof *vals, int_row, (void **)&vals, &n) == DB_OK && n == 3 &&
	   vals[0] == 1 && vals[2] == 3, "collect maps every row");
	ok(db_collect(&db, &a, st, sizeof *vals, int_row, (void **)&vals, &n) == DB_OK && n == 3,
	   "the statement was reset for reuse");
	{
		sqlite3_stmt *from;

		ok(sqlite3_prepare_v2(db.h, "SELECT x FROM a WHERE x >= ?1 ORDER BY x", -1, &from, NULL) == SQLITE_OK &&
		   db_collect_id(&db, &a, from, 2, sizeof *vals, int_row, (void **)&vals, &n) == DB_OK &&
		   n == 2 && vals[0] == 2 && vals[1] == 3, "collect_id binds the id as ?1");
		sqlite3_finalize(from);
		ok(db_collect_id(&db, &a, NULL, 2, sizeof *vals, int_row, (void **)&vals, &n) == DB_ERR,
		   "collect_id of a statement that failed to prepare is an error");
	}
	db_close(&db);

	ok(db_open(&db, ":memory:", true) == DB_OK && db_migrate(&db, "db") == DB_OK,
	   "the project's own migrations apply to an empty database");
	ok(table_exists(&db, "roadmap_item") && table_exists(&db, "result"), "schema tables exist");
	ok(sqlite3_exec(db.h, "INSERT INTO municipality (slug, name, region, kind, authority,"
			" programme_title, programme_period, year_from, year_to, source)"
			" VALUES ('Bad Slug', 'x', 'x', 'city', 'x', 'x', 'x', 2022, 2024, 'x')",
			NULL, NULL, NULL) != SQLITE_OK, "CHECK refuses a bad slug");
	ok(sqlite3_exec(db.h, "INSERT INTO municipality (slug, name, region, kind, authority,"
			" programme_title, programme_period, year_from, year_to, source)"
			" VALUES ('x', 'x', 'x', 'town', 'x', 'x', 'x', 2022, 2024, 'x')",
			NULL, NULL, NULL) != SQLITE_OK, "CHECK refuses an unknown code");
	ok(sqlite3_exec(db.h,
		"INSERT INTO municipality (slug, name, region, kind, authority, programme_title,"
		" programme_period, year_from, year_to, source)"
		" VALUES ('m', 'x', 'x', 'city', 'x', 'x', 'x', 2022, 2024, 'x');"
		"INSERT INTO roadmap (municipality_id, slug, title, period_text, year_from, year_to, source)"
		" VALUES (1, 'r', 'x', '2022 год', 2022, 2022, 'x');"
		"INSERT INTO roadmap_task (roadmap_id, seq, title, source) VALUES (1, 1, 'x', 'x');"
		"INSERT INTO roadmap_item (roadmap_id, task_id, seq, number, measure, deadline_text, source)"
		" WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 2500)"
		" SELECT 1, 1, k, k, 'x', CASE k % 3 WHEN 0 THEN 'март' WHEN 1 THEN 'ежеквартально'"
		"  ELSE 'по мере необходимости' END, 'x' FROM k",
		NULL, NULL, NULL) == SQLITE_OK, "a roadmap of 2 500 unscheduled items");
	ok(schedule_pending(&db) == 2500, "schedule_pending schedules them all, batch after batch");
	st = db_stmt(&db, STMT_HEALTH,
		"SELECT (SELECT count(*) FROM roadmap_item WHERE deadline_kind IS NULL) * 100000"
		" + (SELECT count(*) FROM occurrence)");
	ok(db_collect(&db, &a, st, sizeof *vals, int_row, (void **)&vals, &n) == DB_OK && n == 1 &&
	   vals[0] == 833 + 834 * 4, "no item is left without a kind; one occurrence for March, four per quarter");
	ok(schedule_pending(&db) == 0, "a second run finds nothing to schedule");
	char table[64] = "";

	ok(db_plan_scans(&db, "SELECT * FROM occurrence WHERE evidence_note = 'x'", table, sizeof table) == 1 &&
	   strcmp(table, "occurrence") == 0, "a filter on an unindexed column scans the occurrences: found");
	ok(db_plan_scans(&db, "SELECT * FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
			      " WHERE i.roadmap_id = 1", NULL, 0) == 0, "a lookup by index: no scan");
	ok(db_plan_scans(&db, "SELECT * FROM municipality ORDER BY name", NULL, 0) == 0 &&
	   db_plan_scans(&db, "WITH k(n) AS (SELECT 1) SELECT * FROM k", NULL, 0) == 0,
	   "a table of a row per municipality, and a CTE, do not count");
	ok(db_plan_scans(&db, "SELECT * FROM search_fts WHERE search_fts MATCH 'x'", NULL, 0) == 0 &&
	   db_plan_scans(&db, "SELECT * FROM search_fts", table, sizeof table) == 1 && strcmp(table, "search_fts") == 0,
	   "the search index: a MATCH is no scan, reading it all is");
	ok(db_plan_scans(&db, "SELECT * FROM no_such_table", NULL, 0) == -1, "SQL that does not prepare: -1");
	db_close(&db);
	arena_free(&a);
	char cmd[350];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	return ok_done();
}
