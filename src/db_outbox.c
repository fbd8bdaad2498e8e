/*
 * db_outbox.c: statements for e-mail: addresses, choices, recipients, outbox
 * states, due reminders. No HTTP, no templates; the caller owns the transaction.
 */
#include "db_outbox.h"

#include <string.h>

#include "arena.h"
#include "db.h"

/* A user wants `kind` (?2): their choice, else every kind but the digest. */
#define WANTS(user, kind) \
	" COALESCE((SELECT enabled FROM mail_pref p WHERE p.user_id = " user " AND p.kind = " kind ")," \
	" " kind " <> 'digest') = 1"

static void rcpt_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct mail_rcpt *r = item;

	r->user_id = sqlite3_column_int64(st, 0);
	r->email = db_text(a, st, 1);
	r->name = db_text(a, st, 2);
}

int db_mail_rcpts(struct db *db, struct arena *a, enum mail_to to, int64_t id, const char *kind,
		  struct mail_rcpt **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MAIL_RCPTS,
		"SELECT u.id, u.email, u.name FROM user u"
		" WHERE u.disabled = 0 AND u.email IS NOT NULL AND" WANTS("u.id", "?2") " AND CASE ?3"
		"  WHEN 0 THEN u.id IN (SELECT user_id FROM curator_school WHERE school_id = ?1)"
		"  WHEN 1 THEN u.role = 'school' AND u.school_id = ?1"
		"  ELSE u.id IN (SELECT user_id FROM item_assignee WHERE item_id = ?1) END"
		" ORDER BY u.id");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int(st, 3, (int)to) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, rcpt_row, (void **)out, n);
}

int db_mail_prefs(struct db *db, int64_t user_id, bool on[MAIL__MAX])
{
	sqlite3_stmt *st = db_stmt(db, STMT_MAIL_PREFS,
		"SELECT kind, enabled FROM mail_pref WHERE user_id = ?1");
	int step;

	for (size_t k = 0; k < MAIL__MAX; k++)
		on[k] = k != MAIL_DIGEST;
	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK)
		return DB_ERR;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		size_t k = VOCAB_FIND(mail_kind_v, (const char *)sqlite3_column_text(st, 0));

		if (k < MAIL__MAX)
			on[k] = sqlite3_column_int(st, 1) == 1;
	}
	db_done(st);
	if (step != SQLITE_DONE) {
		db_log_err(db, "mail_prefs");
		return DB_ERR;
	}
	return DB_OK;
}

int db_mail_pref_set(struct db *db, int64_t user_id, const char *kind, bool on)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MAIL_PREF_SET,
		"INSERT OR REPLACE INTO mail_pref (user_id, kind, enabled) VALUES (?1, ?2, ?3)");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int(st, 3, on) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

static void email_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	*(const char **)item = db_text(a, st, 0);
}

int db_user_email(struct db *db, struct arena *a, int64_t user_id, const char **email)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_EMAIL, "SELECT email FROM user WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, email_row, email);
}

int db_user_set_email(struct db *db, int64_t user_id, const char *email)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_SET_EMAIL, "UPDATE user SET email = ?2 WHERE id = ?1");

	if (!st || sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, email, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_outbox_add(struct db *db, const struct outbox_row *m)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_ADD,
		"INSERT OR IGNORE INTO outbox (user_id, kind, dedup, rcpt, subject, body_text, body_html,"
		" message_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (!st || sqlite3_bind_int64(st, 1, m->user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, m->kind, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, m->dedup, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, m->rcpt, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 5, m->subject, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 6, m->body_text, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 7, m->body_html, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 8, m->message_id, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

static void outbox_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct outbox_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->created_at = sqlite3_column_int64(st, 1);
	r->user_id = sqlite3_column_int64(st, 2);
	r->kind = db_text(a, st, 3);
	r->dedup = db_text(a, st, 4);
	r->rcpt = db_text(a, st, 5);
	r->subject = db_text(a, st, 6);
	r->body_text = db_text(a, st, 7);
	r->body_html = db_text(a, st, 8);
	r->message_id = db_text(a, st, 9);
	r->status = db_text(a, st, 10);
	r->attempts = sqlite3_column_int64(st, 11);
	r->next_at = sqlite3_column_int64(st, 12);
	r->sent_at = sqlite3_column_int64(st, 13);
	r->last_error = db_text(a, st, 14);
}

#define OUTBOX_COLS "id, created_at, user_id, kind, dedup, rcpt, subject, body_text, body_html," \
	" message_id, status, attempts, next_at, sent_at, last_error"

int db_outbox_claim(struct db *db, struct arena *a, int64_t now, struct outbox_row *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_CLAIM,
		"UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id ="
		" (SELECT id FROM outbox WHERE status = 'queued' AND next_at <= ?1 ORDER BY next_at, id LIMIT 1)"
		" RETURNING " OUTBOX_COLS);

	if (!st || sqlite3_bind_int64(st, 1, now) != SQLITE_OK)
		return DB_ERR;
	return db_one(db, a, st, outbox_row, out);
}

int db_outbox_sent(struct db *db, int64_t id, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_SENT,
		"UPDATE outbox SET status = 'sent', sent_at = ?2, last_error = NULL"
		" WHERE id = ?1 AND status = 'sending'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK || sqlite3_bind_int64(st, 2, now) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_outbox_retry(struct db *db, int64_t id, const char *error, int64_t next_at)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_RETRY,
		"UPDATE outbox SET status = CASE WHEN ?3 = 0 THEN 'failed' ELSE 'queued' END,"
		" next_at = CASE WHEN ?3 = 0 THEN next_at ELSE ?3 END, last_error = ?2"
		" WHERE id = ?1 AND status = 'sending'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, error, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, next_at) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

int db_outbox_recover(struct db *db, const char *error)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_RECOVER,
		"UPDATE outbox SET status = 'failed', last_error = ?1 WHERE status = 'sending'");

	if (!st || sqlite3_bind_text(st, 1, error, -1, SQLITE_STATIC) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st) == DB_ERR ? DB_ERR : DB_OK;
}

int db_outbox_list(struct db *db, struct arena *a, int limit, struct outbox_row **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_LIST,
		"SELECT " OUTBOX_COLS " FROM outbox ORDER BY id DESC LIMIT ?1");

	if (!st || sqlite3_bind_int(st, 1, limit) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, outbox_row, (void **)out, n);
}

int db_outbox_requeue(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_REQUEUE,
		"UPDATE outbox SET status = 'queued', attempts = 0, next_at = unixepoch()"
		" WHERE id = ?1 AND status = 'failed'");

	if (!st || sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return DB_ERR;
	return db_exec(db, st);
}

static void reminder_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct reminder *r = item;

	r->occurrence_id = sqlite3_column_int64(st, 0);
	r->item_id = sqlite3_column_int64(st, 1);
	r->due_on = sqlite3_column_int64(st, 2);
	r->user_id = sqlite3_column_int64(st, 3);
	r->kind = db_text(a, st, 4);
	r->email = db_text(a, st, 5);
	r->name = db_text(a, st, 6);
	r->measure = db_text(a, st, 7);
	r->muni_slug = db_text(a, st, 8);
}

/* Open occurrences of live items due from ?1 - 7 to ?1 + 7 with their assignees. */
#define OPEN_NEAR \
	"SELECT o.id AS occ, i.id AS item, o.due_on AS due, u.id AS uid," \
	" CASE WHEN o.due_on < ?1 THEN 'overdue' WHEN o.due_on - ?1 <= 1 THEN 'due_1' ELSE 'due_7' END AS k," \
	" u.email, u.name, i.measure, m.slug" \
	" FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id" \
	" JOIN roadmap r ON r.id = i.roadmap_id JOIN municipality m ON m.id = r.municipality_id" \
	" JOIN item_assignee ia ON ia.item_id = i.id JOIN user u ON u.id = ia.user_id" \
	" WHERE o.status IN ('planned', 'in_progress') AND i.removed_at IS NULL" \
	" AND o.due_on BETWEEN ?1 - 7 AND ?1 + 7 AND u.disabled = 0 AND u.email IS NOT NULL"

int db_reminders_due(struct db *db, struct arena *a, int64_t today, struct reminder **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_REMIND_DUE,
		"SELECT * FROM (" OPEN_NEAR ") AS c WHERE" WANTS("c.uid", "c.k")
		" AND NOT EXISTS (SELECT 1 FROM outbox WHERE dedup = c.k || ':' || c.occ || ':' || c.uid)"
		" ORDER BY 3, 1");

	if (!st || sqlite3_bind_int64(st, 1, today) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, reminder_row, (void **)out, n);
}

int db_digest_due(struct db *db, struct arena *a, int64_t today, struct reminder **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DIGEST_DUE,
		"SELECT * FROM (" OPEN_NEAR ") AS c WHERE" WANTS("c.uid", "'digest'")
		" AND NOT EXISTS (SELECT 1 FROM outbox WHERE dedup = 'digest:' || c.uid || ':' || ?1)"
		" ORDER BY 4, 3, 1");

	if (!st || sqlite3_bind_int64(st, 1, today) != SQLITE_OK)
		return DB_ERR;
	return db_collect(db, a, st, sizeof **out, reminder_row, (void **)out, n);
}
