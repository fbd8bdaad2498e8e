/*
 * db_roadmap_edit.h: writing a roadmap: items added, changed, reordered,
 * removed (removed_at, never deleted) and restored, tasks added, the audit
 * lines that name an item, and the occurrence upkeep of rescheduling. No
 * HTTP, no templates; the caller owns the transaction.
 */
#ifndef DB_ROADMAP_EDIT_H
#define DB_ROADMAP_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* One item as stored, removed or not, with its task and its roadmap's place. */
struct item_record {
	int64_t id, roadmap_id, task_id, municipality_id;
	int seq, task_seq;
	const char *number, *measure, *planned_result, *deadline_text, *responsible, *task_title;
	int64_t removed_at;   /* Unix time; 0 while the item is on the roadmap */
};

/* What an editor sets; NULL strings are stored as SQL NULL. */
struct item_fields {
	int64_t task_id;
	const char *number, *measure, *planned_result, *deadline_text, *responsible;
};

/* Item `id` whether removed or not. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_item_record_get(struct db *db, struct arena *a, int64_t id, struct item_record *out);

/* Sets *taken when another item (`except_id`, 0 for none) of the roadmap, removed
 * or not, has number `number`. Returns DB_OK or DB_ERR. */
int db_item_number_taken(struct db *db, int64_t roadmap_id, const char *number, int64_t except_id,
			 bool *taken);

/* A new roadmap of the municipality (or of its school `school_id`, 0 for the
 * municipality's own) loaded from a file whose rows have `digest`, or created
 * empty from a form (`digest` NULL). Returns DB_OK or DB_ERR. */
int db_roadmap_add(struct db *db, int64_t muni_id, int64_t school_id, const char *title,
			  const char *period, int year_from, int year_to, const char *digest, int64_t *id);

/* The roadmap already loaded from rows with `digest`: DB_OK (id set), DB_NOTFOUND or DB_ERR. */
int db_roadmap_by_digest(struct db *db, int64_t muni_id, const char *digest, int64_t *id);

/* Appends a task after the roadmap's last one. Returns DB_OK or DB_ERR. */
int db_task_add(struct db *db, int64_t roadmap_id, const char *title, int64_t *id);

/*
 * Frees the place right after the last item of task `task_id` (or, for a task
 * without items, after the items of the tasks before it) by renumbering the
 * items behind it, and stores that seq in *seq. Item `item_id` (0 for a new
 * item) is left out and parked on seq -1 until the caller gives it *seq.
 * Keeps UNIQUE(roadmap_id, seq) at every step. Returns DB_OK or DB_ERR.
 */
int db_item_make_room(struct db *db, int64_t roadmap_id, int64_t task_id, int64_t item_id,
		      int *seq);

/* Inserts an item at `seq` (see db_item_make_room). Returns DB_OK or DB_ERR. */
int db_item_add(struct db *db, int64_t roadmap_id, int seq, const struct item_fields *f,
		int64_t *id);

/* Rewrites an item's fields and seq; deadline_kind is left to schedule_item().
 * Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_item_update(struct db *db, int64_t id, int seq, const struct item_fields *f);

/* The item on the roadmap next to `it` in its task (before it when `up`).
 * Returns DB_OK, DB_NOTFOUND (it is the first or last) or DB_ERR. */
int db_item_neighbour(struct db *db, struct arena *a, const struct item_record *it, bool up,
		      struct item_record *out);

/* Exchanges the seq values of two items of one roadmap. Returns DB_OK or DB_ERR. */
int db_item_swap(struct db *db, const struct item_record *x, const struct item_record *y);

/* Sets (removed) or clears removed_at. DB_NOTFOUND when it already was so. */
int db_item_set_removed(struct db *db, int64_t id, bool removed);

/* For schedule.c: the item's deadline phrase (NULL if none) and its roadmap's years. */
int db_item_schedule_source(struct db *db, struct arena *a, int64_t item_id, const char **text,
			    int *year_from, int *year_to);

/* Deletes the item's occurrences never worked on: planned, with no audit line. */
int db_occurrence_drop_unworked(struct db *db, int64_t item_id);

/* Numbers the item's occurrences 1.. in date order. Returns DB_OK or DB_ERR. */
int db_occurrence_renumber(struct db *db, int64_t item_id);

#endif
