/*
 * db_audit.h: the append-only audit log: every login, account change, upload
 * and document state change, with who, when, from where and what. Writing and
 * reading only; the schema's triggers refuse UPDATE and DELETE. No HTTP, no
 * templates; the caller owns the transaction.
 *
 * Action codes (ASCII): login, login_failed, logout, user_add, user_password,
 * user_disable, user_enable, role_change, upload, submit, return, accept,
 * publish, supersede, item_done, item_confirm, item_withdraw, item_add, task_add,
 * item_move, item_remove, item_restore, and one per edited item field.
 */
#ifndef DB_AUDIT_H
#define DB_AUDIT_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* One event to record; ids of 0 and NULL strings are stored as SQL NULL.
 * user_id is the acting account (NULL for the command line and failed logins);
 * login is the login concerned as typed (failed logins, command-line changes). */
struct audit_event {
	int64_t user_id, school_id, document_id, occurrence_id, item_id;
	const char *login, *addr, *action, *from_status, *to_status, *detail, *sha256;
};

/* Appends `e` (action required). Returns DB_OK or DB_ERR (logged). */
int db_audit_add(struct db *db, const struct audit_event *e);

/* One recorded event; user_login/user_name are the acting account's (NULL when
 * none); strings live in the arena; document_id is 0 when not set. */
struct audit_row {
	int64_t id, ts;
	const char *user_login, *user_name, *login, *addr, *action, *from_status, *to_status,
		*detail, *sha256;
	int64_t document_id;
};

/* The newest `limit` events of school `school_id`, newest first.
 * Returns DB_OK (*out may be NULL when *n is 0) or DB_ERR. */
int db_audit_by_school(struct db *db, struct arena *a, int64_t school_id, int limit,
		       struct audit_row **out, size_t *n);

/* The events of every version of document series `series_id` (document.series),
 * oldest first. Returns DB_OK or DB_ERR. */
int db_audit_by_series(struct db *db, struct arena *a, int64_t series_id, struct audit_row **out,
		       size_t *n);

/* The events of roadmap item `item_id` and of its occurrences, oldest first. */
int db_audit_by_item(struct db *db, struct arena *a, int64_t item_id, struct audit_row **out,
		     size_t *n);

#endif
