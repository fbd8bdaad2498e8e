/*
 * db_ident.c: statements and row mapping for identification: the rules' inputs,
 * the thresholds, the decisions (append-only) and the memberships they set.
 * No HTTP and no templates; the caller owns the transaction.
 */
#include "db_ident.h"

#include "db.h"
#include "vocab.h"

/* The membership source of a school the coordinator put on a list. */
static const char DECIDED_SOURCE[] = "ident_decision";

static void config_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct ident_config *c = item;
	size_t rule = VOCAB_FIND(ident_rule_v, (const char *)sqlite3_column_text(st, 0));

	(void)a;
	c->rule = rule < RULE__MAX ? (enum ident_rule)rule : RULE_SHNOR;
	c->low_share = sqlite3_column_double(st, 1);
	c->low_count = sqlite3_column_int(st, 2);
	c->min_group = sqlite3_column_int(st, 3);
	c->social_lo = sqlite3_column_double(st, 4);
	c->social_hi = sqlite3_column_double(st, 5);
	c->dynamics_pp = sqlite3_column_double(st, 6);
}

int db_ident_config(struct db *db, int64_t muni_id, struct ident_config *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_IDENT_CONFIG,
		"SELECT rule, low_share, low_count, min_group, social_lo, social_hi, dynamics_pp"
		" FROM ident_config WHERE municipality_id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, NULL, st, config_row, out);
}

int db_ident_min_group(struct db *db, int64_t muni_id, int *out)
{
	struct ident_config c;
	int rc = db_ident_config(db, muni_id, &c);

	*out = rc == DB_OK ? c.min_group : IDENT_MIN_GROUP_DEFAULT;
	return rc == DB_ERR ? DB_ERR : DB_OK;
}

int db_ident_config_set(struct db *db, int64_t muni_id, const struct ident_config *c)
{
	sqlite3_stmt *st = db_stmt(db, STMT_IDENT_CONFIG_SET,
		"INSERT INTO ident_config (municipality_id, rule, low_share, low_count, min_group,"
		" social_lo, social_hi, dynamics_pp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (municipality_id) DO UPDATE SET rule = ?2, low_share = ?3, low_count = ?4,"
		" min_group = ?5, social_lo = ?6, social_hi = ?7, dynamics_pp = ?8, updated_at = unixepoch()");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, ident_rule_v[c->rule].code, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_double(st, 3, c->low_share) != SQLITE_OK ||
	    sqlite3_bind_int(st, 4, c->low_count) != SQLITE_OK ||
	    sqlite3_bind_int(st, 5, c->min_group) != SQLITE_OK ||
	    sqlite3_bind_double(st, 6, c->social_lo) != SQLITE_OK ||
	    sqlite3_bind_double(st, 7, c->social_hi) != SQLITE_OK ||
	    sqlite3_bind_double(st, 8, c->dynamics_pp) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

static void result_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct ident_result *r = item;

	r->school_id = sqlite3_column_int64(st, 0);
	r->proc = (enum procedure)VOCAB_FIND(procedure_v, (const char *)sqlite3_column_text(st, 1));
	r->subject = db_text(a, st, 2);
	r->grade = sqlite3_column_int(st, 3);
	r->year = sqlite3_column_int(st, 4);
	r->metric = (enum metric)VOCAB_FIND(metric_v, (const char *)sqlite3_column_text(st, 5));
	r->stage = (enum result_stage)VOCAB_FIND(result_stage_v, (const char *)sqlite3_column_text(st, 6));
	r->value = sqlite3_column_double(st, 7);
	r->n = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 8);
	if (!r->subject)
		r->subject = "";
}

static void social_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct ident_social *s = item;

	(void)a;
	s->school_id = sqlite3_column_int64(st, 0);
	s->year = sqlite3_column_int(st, 1);
	s->value = sqlite3_column_double(st, 2);
	s->status = (enum social_status)VOCAB_FIND(social_status_v, (const char *)sqlite3_column_text(st, 3));
}

static void flag_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct ident_flag *f = item;

	(void)a;
	f->school_id = sqlite3_column_int64(st, 0);
	f->year = sqlite3_column_int(st, 1);
	f->proc = (enum procedure)VOCAB_FIND(procedure_v, (const char *)sqlite3_column_text(st, 2));
}

int db_ident_input(struct db *db, struct arena *a, int64_t muni_id, int year, struct ident_input *in)
{
	sqlite3_stmt *res = db_stmt(db, STMT_IDENT_RESULTS,
		"SELECT school_id, procedure, subject, coalesce(grade, 0), year, metric, stage, value, n_participants"
		" FROM result WHERE municipality_id = ?1 AND scope = 'school' AND year BETWEEN ?2 - 2 AND ?2 - 1"
		" AND procedure IN ('vpr', 'oge', 'ege') AND metric IN ('share2', 'below_min', 'pass')"
		" ORDER BY school_id");
	sqlite3_stmt *soc = db_stmt(db, STMT_IDENT_SOCIAL,
		"SELECT x.school_id, x.year, x.value, x.status FROM social_index x"
		" JOIN school s ON s.id = x.school_id WHERE s.municipality_id = ?1 AND x.year <= ?2"
		" ORDER BY x.school_id, x.year");
	sqlite3_stmt *flags = db_stmt(db, STMT_IDENT_FLAGS,
		"SELECT f.school_id, f.year, f.procedure FROM nonobjectivity f"
		" JOIN school s ON s.id = f.school_id WHERE s.municipality_id = ?1");

	if (!res || !soc || !flags || sqlite3_bind_int64(res, 1, muni_id) != SQLITE_OK ||
	    sqlite3_bind_int(res, 2, year) != SQLITE_OK ||
	    db_collect(db, a, res, sizeof *in->res, result_row, (void **)&in->res, &in->nres) != DB_OK)
		return DB_ERR;
	if (sqlite3_bind_int64(soc, 1, muni_id) != SQLITE_OK || sqlite3_bind_int(soc, 2, year) != SQLITE_OK ||
	    db_collect(db, a, soc, sizeof *in->soc, social_row, (void **)&in->soc, &in->nsoc) != DB_OK)
		return DB_ERR;
	return db_collect_id(db, a, flags, muni_id, sizeof *in->flags, flag_row, (void **)&in->flags,
			     &in->nflags);
}

static void years_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	int *y = item;

	(void)a;
	y[0] = sqlite3_column_int(st, 0);
	y[1] = sqlite3_column_int(st, 1);
}

int db_ident_years(struct db *db, int64_t muni_id, int *first, int *last)
{
	sqlite3_stmt *st = db_stmt(db, STMT_IDENT_YEARS,
		"SELECT coalesce(min(year), 0), coalesce(max(year), 0) FROM result"
		" WHERE municipality_id = ?1 AND scope = 'school'");
	int y[2] = { 0, 0 }, rc;

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK)
		return DB_ERR;
	rc = db_one(db, NULL, st, years_row, y);
	*first = y[0];
	*last = y[1];
	return rc == DB_ERR ? DB_ERR : DB_OK;
}

static void decision_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct ident_decision *d = item;

	d->id = sqlite3_column_int64(st, 0);
	d->school_id = sqlite3_column_int64(st, 1);
	d->year = sqlite3_column_int(st, 2);
	d->kind = db_text(a, st, 3);
	d->proposed = db_text(a, st, 4);
	d->decided = db_text(a, st, 5);
	d->reasons = db_text(a, st, 6);
	d->comment = db_text(a, st, 7);
	d->user_id = sqlite3_column_int64(st, 8);
	d->user_name = db_text(a, st, 9);
	d->at = sqlite3_column_int64(st, 10);
}

#define DECISION_COLS \
	"SELECT d.id, d.school_id, d.year, d.kind, d.proposed, d.decided, d.reasons, d.comment," \
	" d.user_id, u.name, d.at FROM ident_decision d JOIN user u ON u.id = d.user_id"

int db_ident_in_force(struct db *db, struct arena *a, int64_t muni_id, int year, struct ident_decision **out,
		      size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_IDENT_IN_FORCE,
		DECISION_COLS " JOIN school s ON s.id = d.school_id"
		" WHERE s.municipality_id = ?1 AND d.year = ?2 AND d.id = (SELECT max(id) FROM ident_decision"
		" WHERE school_id = d.school_id AND year = d.year AND kind = d.kind)");

	if (!st || sqlite3_bind_int64(st, 1, muni_id) != SQLITE_OK || sqlite3_bind_int(st, 2, year) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, decision_row, (void **)out, n);
}

int db_ident_history(struct db *db, struct arena *a, int64_t school_id, struct ident_decision **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_IDENT_HISTORY,
		DECISION_COLS " WHERE d.school_id = ?1 ORDER BY d.id DESC");

	return db_collect_id(db, a, st, school_id, sizeof **out, decision_row, (void **)out, n);
}

int db_ident_decide(struct db *db, const struct ident_decision *d)
{
	sqlite3_stmt *st = db_stmt(db, STMT_IDENT_DECIDE,
		"INSERT INTO ident_decision (school_id, year, kind, proposed, decided, reasons, comment, user_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (!st || sqlite3_bind_int64(st, 1, d->school_id) != SQLITE_OK ||
	    sqlite3_bind_int(st, 2, d->year) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, d->kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, d->proposed, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, d->decided, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 6, d->reasons ? d->reasons : "", -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 7, d->comment, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 8, d->user_id) != SQLITE_OK) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_OK ? DB_OK : DB_ERR;
}

int db_ident_membership(struct db *db, int64_t school_id, int year, const char *programme, bool on)
{
	sqlite3_stmt *st = on ? db_stmt(db, STMT_IDENT_MEMBER_ADD,
		"INSERT INTO membership (school_id, year, programme, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT DO NOTHING")
			      : db_stmt(db, STMT_IDENT_MEMBER_DELETE,
		"DELETE FROM membership WHERE school_id = ?1 AND year = ?2 AND programme = ?3");

	if (!st || sqlite3_bind_int64(st, 1, school_id) != SQLITE_OK || sqlite3_bind_int(st, 2, year) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, programme, -1, SQLITE_STATIC) != SQLITE_OK ||
	    (on && sqlite3_bind_text(st, 4, DECIDED_SOURCE, -1, SQLITE_STATIC) != SQLITE_OK)) {
		if (st)
			db_done(st);
		return DB_ERR;
	}
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}
