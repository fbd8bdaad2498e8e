/*
 * db_outbox.h: e-mail in the database: users' addresses and choices, who gets an
 * event's mail, the outbox rows and their states, the reminders that are due.
 * No HTTP, no templates, no network; the caller owns the transaction.
 */
#ifndef DB_OUTBOX_H
#define DB_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

struct arena;
struct db;

/* Who gets an event's mail: the curators of school `id`, the administrators of
 * school `id`, or the assignees of roadmap item `id`. */
enum mail_to { MAIL_TO_CURATORS, MAIL_TO_SCHOOL, MAIL_TO_ASSIGNEES, MAIL_TO__MAX };

struct mail_rcpt {
	int64_t user_id;
	const char *email, *name;
};

/* The enabled accounts of `to`/`id` that have an address and want mail `kind`
 * (mail_kind_v code). Returns DB_OK or DB_ERR. */
int db_mail_rcpts(struct db *db, struct arena *a, enum mail_to to, int64_t id, const char *kind,
		  struct mail_rcpt **out, size_t *n);

/* The user's choices, by enum mail_kind (a kind never chosen: on, the digest off). */
int db_mail_prefs(struct db *db, int64_t user_id, bool on[MAIL__MAX]);
int db_mail_pref_set(struct db *db, int64_t user_id, const char *kind, bool on);

/* The user's address (*email NULL when none). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_user_email(struct db *db, struct arena *a, int64_t user_id, const char **email);
/* Sets or (NULL) clears it. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_user_set_email(struct db *db, int64_t user_id, const char *email);

struct outbox_row {
	int64_t id, created_at, user_id, attempts, next_at, sent_at;
	const char *kind, *dedup, *rcpt, *subject, *body_text, *body_html, *message_id, *status,
		*last_error;
};

/* Queues message `m` (id, status, attempts and times are set here). A row with
 * the same non-NULL dedup key already queued or sent makes this a no-op:
 * returns DB_NOTFOUND then; else DB_OK or DB_ERR. */
int db_outbox_add(struct db *db, const struct outbox_row *m);

/* Claims the oldest queued message due at `now`: status sending, attempts + 1.
 * Returns DB_OK (row in *out, strings in `a`), DB_NOTFOUND (none due) or DB_ERR. */
int db_outbox_claim(struct db *db, struct arena *a, int64_t now, struct outbox_row *out);

/* A claimed message was accepted by the SMTP server at `now`. */
int db_outbox_sent(struct db *db, int64_t id, int64_t now);

/* A claimed message failed with `error`: queued again for `next_at`, or, when
 * next_at is 0, failed for good. */
int db_outbox_retry(struct db *db, int64_t id, const char *error, int64_t next_at);

/* Marks every message left `sending` (the sender stopped between claim and
 * result) failed with `error`. Startup only. Returns DB_OK or DB_ERR. */
int db_outbox_recover(struct db *db, const char *error);

/* The newest `limit` messages, newest first. */
int db_outbox_list(struct db *db, struct arena *a, int limit, struct outbox_row **out, size_t *n);

/* Queues failed message `id` again now, attempts reset. DB_NOTFOUND unless it failed. */
int db_outbox_requeue(struct db *db, int64_t id);

/* An occurrence a reminder is due for: kind is due_7, due_1 or overdue. */
struct reminder {
	int64_t occurrence_id, item_id, due_on, user_id;
	const char *kind, *email, *name, *measure, *muni_slug;
};

/* The reminders due on day `today` (days since 1970) not queued yet: open
 * occurrences of live items due within 7 days (due_7, from 7 to 2 days ahead;
 * due_1, today or tomorrow) or overdue by at most 7 days, for every assignee
 * with an address who wants that kind. Returns DB_OK or DB_ERR. */
int db_reminders_due(struct db *db, struct arena *a, int64_t today, struct reminder **out, size_t *n);

/* For the daily digest: every open occurrence due between today - 7 and
 * today + 7 of an item assigned to a user who chose the digest and has not got
 * one today (digest:<user>:<today>), ordered by user and date (kind: the
 * occurrence's state, due_7, due_1 or overdue). */
int db_digest_due(struct db *db, struct arena *a, int64_t today, struct reminder **out, size_t *n);

#endif
