/*
 * db_occurrence.h: the dated occurrences of roadmap items and their work:
 * scheduling from the deadline phrase, marking executed with evidence,
 * confirming and withdrawing a confirmation, and the counts behind the key
 * metric. No HTTP, no templates; the caller owns the transaction.
 */
#ifndef DB_OCCURRENCE_H
#define DB_OCCURRENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct occurrence {
	int64_t id, item_id;
	int seq, starts_on, due_on;            /* days since 1970-01-01 */
	const char *label, *status, *evidence_url, *evidence_note, *done_by, *confirmed_by;
	int64_t done_at, confirmed_at;
	int64_t evidence_doc;                  /* a document version, 0 if none */
	const char *doc_title, *doc_school, *doc_muni;   /* its title and where it lives */
};

/* An item whose deadline phrase has not been scheduled yet. */
struct unscheduled {
	int64_t id;
	const char *deadline_text;
	int year_from, year_to;
};

/* The key metric's counts for a set of occurrences on day `today`:
 * due = due so far (or confirmed early), confirmed = of those confirmed, done =
 * executed but not yet confirmed, overdue = due and not confirmed, total = all. */
struct key_metric {
	int due, confirmed, done, overdue, total;
};

/* An occurrence still to be confirmed, with its item, for «мои мероприятия». */
struct due_item {
	struct occurrence o;
	const char *number, *measure, *responsible;
};

/* Unconfirmed occurrences of the municipality's roadmaps due on or before
 * `until` (days), oldest first, at most `limit`. */
int db_occurrence_due(struct db *db, struct arena *a, int64_t muni_id, int until, int limit,
		      struct due_item **out, size_t *n);

/* Unconfirmed occurrences due on or before `until` of the items assigned to
 * user `user_id`, oldest first, at most `limit`. */
int db_occurrence_assigned(struct db *db, struct arena *a, int64_t user_id, int until, int limit,
			   struct due_item **out, size_t *n);

/* A person linked to an item: id, name, login. */
struct assignee {
	int64_t user_id;
	const char *name, *login;
};

/* The people linked to an item; the municipality's accounts one may link. */
int db_assignees(struct db *db, struct arena *a, int64_t item_id, struct assignee **out, size_t *n);
int db_assignable(struct db *db, struct arena *a, int64_t muni_id, struct assignee **out, size_t *n);

/* Links or unlinks a user (of the item's municipality: checked by the caller).
 * DB_NOTFOUND when nothing changed. */
int db_assignee_set(struct db *db, int64_t item_id, int64_t user_id, bool linked);

/* Items of the municipality's roadmaps whose deadline phrase was not understood. */
int db_item_unparsed(struct db *db, struct arena *a, int64_t muni_id, struct due_item **out,
		     size_t *n);

/* One school's own roadmap with its key metric's counts on `today`. */
struct school_progress {
	const char *school_slug, *school_name, *title;
	int64_t roadmap_id;
	int items;
	struct key_metric m;
};

/* Every school roadmap of the municipality (a school's latest), by school. */
int db_school_progress(struct db *db, struct arena *a, int64_t muni_id, int today,
		       struct school_progress **out, size_t *n);

/* Items without deadline_kind. */
int db_unscheduled_items(struct db *db, struct arena *a, int limit, struct unscheduled **out, size_t *n);

/* Stores the parsed kind of an item and one occurrence. */
int db_item_set_kind(struct db *db, int64_t item_id, const char *kind);
int db_occurrence_add(struct db *db, int64_t item_id, int seq, int starts_on, int due_on,
		      const char *label);

/* The occurrences of an item, in date order. */
int db_occurrence_by_item(struct db *db, struct arena *a, int64_t item_id,
			  struct occurrence **out, size_t *n);

/* Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_occurrence_get(struct db *db, struct arena *a, int64_t id, struct occurrence *out);

/* planned/in_progress -> done with evidence (doc_id 0: no document); done -> confirmed; confirmed -> done
 * (a withdrawn confirmation). DB_NOTFOUND when it was not in the `from` status. */
int db_occurrence_done(struct db *db, int64_t id, int64_t user_id, const char *url,
		       const char *note, int64_t doc_id);
int db_occurrence_confirm(struct db *db, int64_t id, int64_t user_id);
int db_occurrence_start(struct db *db, int64_t id);   /* planned -> in_progress */
int db_occurrence_withdraw(struct db *db, int64_t id);

/* The key metric of a roadmap's items, optionally of one task (0 for all). */
int db_metric_by_roadmap(struct db *db, int64_t roadmap_id, int64_t task_id, int today,
			 struct key_metric *out);

#endif
