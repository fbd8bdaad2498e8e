/*
 * outbox.h: turns an event into e-mails in the outbox, inside the caller's
 * transaction, so a message exists exactly when its event was committed. The
 * texts come from templates mail.txt.tpl (plain) and mail.tpl (HTML), with the
 * link to the page under cfg.base_url. No network here: mail_send.c delivers.
 */
#ifndef OUTBOX_H
#define OUTBOX_H

#include <stdint.h>

#include "db_outbox.h"
#include "vocab.h"

struct arena;
struct db;

/* One event: what happened (kind), to whom (to, to_id), about what. */
struct outbox_event {
	enum mail_kind kind;
	enum mail_to to;
	int64_t to_id;            /* school id, or item id for MAIL_TO_ASSIGNEES */
	const char *title;        /* document title, item text: ends the subject */
	const char *school;       /* the school's name, or NULL */
	const char *path;         /* the page, "/…/", linked as cfg.base_url + path */
	const char *comment;      /* the curator's reason, a summary, or NULL */
	const char *due;          /* the date as shown, or NULL */
	const char *dedup;        /* NULL, or a key made unique per recipient as "<dedup>:<user>" */
};

/* Queues one message per recipient who wants this kind and has an address.
 * Returns DB_OK or DB_ERR (logged). */
int outbox_add(struct db *db, struct arena *a, const struct outbox_event *ev);

/* The monitoring hook: a round's findings for school `school_id` (summary: one
 * line per finding, page: the findings page path), to its administrators.
 * Returns DB_OK or DB_ERR. */
int outbox_add_monitoring(struct db *db, struct arena *a, int64_t school_id, const char *school,
			  const char *page, const char *summary);

/* Queues, in one transaction of its own, the reminders due on day `today`
 * (db_reminders_due) and the daily digests not sent today. A reminder is queued
 * once per occurrence, kind and person (its dedup key); running this again the
 * same day adds nothing. Returns the number queued, or -1 (logged). */
int outbox_reminders(struct db *db, struct arena *a, int64_t today);

#endif
