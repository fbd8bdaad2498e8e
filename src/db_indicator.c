/*
 * db_indicator.c: statements for the programme's indicators, their targets and
 * facts per year. No HTTP and no templates.
 */
#include "db_indicator.h"

#include "db.h"

static void indicator_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct indicator_target *t = item;

	t->code = db_text(a, st, 0);
	t->name = db_text(a, st, 1);
	t->unit = db_text(a, st, 2);
	t->group_name = db_text(a, st, 3);
	t->year = sqlite3_column_int(st, 4);
	t->raw = db_text(a, st, 5);
}

int db_indicator_by_muni(struct db *db, struct arena *a, int64_t muni_id,
			 struct indicator_target **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_INDICATOR_BY_MUNI,
		"SELECT i.code, i.name, i.unit, i.group_name, coalesce(t.year, 0), t.raw"
		" FROM indicator i LEFT JOIN indicator_target t ON t.indicator_id = i.id"
		" WHERE i.municipality_id = ?1 ORDER BY i.seq, t.year");

	return db_collect_id(db, a, st, muni_id, sizeof **out, indicator_row, (void **)out, n);
}

static void pf_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct indicator_pf *p = item;

	p->id = sqlite3_column_int64(st, 0);
	p->code = db_text(a, st, 1);
	p->name = db_text(a, st, 2);
	p->unit = db_text(a, st, 3);
	p->group_name = db_text(a, st, 4);
	p->compute = db_text(a, st, 5);
	p->lower_better = sqlite3_column_int(st, 6) != 0;
	p->year = sqlite3_column_int(st, 7);
	p->plan_raw = db_text(a, st, 8);
	p->has_plan = sqlite3_column_type(st, 9) != SQLITE_NULL;
	p->plan = sqlite3_column_double(st, 9);
	p->fact_raw = db_text(a, st, 10);
	p->has_fact = sqlite3_column_type(st, 11) != SQLITE_NULL;
	p->fact = sqlite3_column_double(st, 11);
}

int db_indicator_plan_fact(struct db *db, struct arena *a, int64_t muni_id,
			   struct indicator_pf **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_INDICATOR_PLAN_FACT,
		"WITH mine(id) AS (SELECT id FROM indicator WHERE municipality_id = ?1),"
		" y(indicator_id, year) AS ("
		"  SELECT indicator_id, year FROM indicator_target WHERE indicator_id IN mine"
		"  UNION SELECT indicator_id, year FROM indicator_fact WHERE indicator_id IN mine)"
		" SELECT i.id, i.code, i.name, i.unit, i.group_name, i.compute, i.better = 'lower',"
		"  coalesce(y.year, 0), t.raw, t.value, f.raw, f.value"
		" FROM indicator i LEFT JOIN y ON y.indicator_id = i.id"
		" LEFT JOIN indicator_target t ON t.indicator_id = i.id AND t.year = y.year"
		" LEFT JOIN indicator_fact f ON f.indicator_id = i.id AND f.year = y.year"
		" WHERE i.municipality_id = ?1 ORDER BY i.seq, y.year");

	return db_collect_id(db, a, st, muni_id, sizeof **out, pf_row, (void **)out, n);
}

int db_indicator_id(struct db *db, int64_t muni_id, const char *code, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_INDICATOR_ID,
		"SELECT id FROM indicator WHERE municipality_id = ?1 AND code = ?2");
	int rc;

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	db_done(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_NOTFOUND : DB_ERR;
}

int db_indicator_fact_set(struct db *db, int64_t indicator_id, int year, const char *raw,
			  bool has_value, double value, int64_t user_id)
{
	sqlite3_stmt *st;
	bool ok;

	if (!raw) {
		st = db_stmt(db, STMT_INDICATOR_FACT_DELETE,
			"DELETE FROM indicator_fact WHERE indicator_id = ?1 AND year = ?2");
		ok = st && sqlite3_bind_int64(st, 1, indicator_id) == SQLITE_OK &&
		     sqlite3_bind_int(st, 2, year) == SQLITE_OK;
	} else {
		st = db_stmt(db, STMT_INDICATOR_FACT_SET,
			"INSERT INTO indicator_fact (indicator_id, year, raw, value, user_id)"
			" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (indicator_id, year) DO UPDATE"
			" SET raw = excluded.raw, value = excluded.value, user_id = excluded.user_id,"
			" updated_at = unixepoch()");
		ok = st && sqlite3_bind_int64(st, 1, indicator_id) == SQLITE_OK &&
		     sqlite3_bind_int(st, 2, year) == SQLITE_OK &&
		     sqlite3_bind_text(st, 3, raw, -1, SQLITE_STATIC) == SQLITE_OK &&
		     (has_value ? sqlite3_bind_double(st, 4, value) : sqlite3_bind_null(st, 4)) == SQLITE_OK &&
		     sqlite3_bind_int64(st, 5, user_id) == SQLITE_OK;
	}
	if (!ok) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	int rc = db_exec(db, st);

	return rc == DB_NOTFOUND ? DB_OK : rc;
}
