/*
 * db_roadmap.h: roadmaps (municipal and school), their tasks and items, and
 * the status counts behind the key metric. No HTTP, no templates.
 */
#ifndef DB_ROADMAP_H
#define DB_ROADMAP_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct roadmap {
	int64_t id;
	const char *slug, *title, *period_text, *approved_by;
	const char *school_slug;          /* NULL: the municipality's own roadmap */
	int year_from, year_to;
	int n_items;
};

struct roadmap_task {
	int64_t id;
	int seq;
	const char *title;
};

struct roadmap_item {
	int64_t id, task_id, roadmap_id, municipality_id;
	int64_t school_id;           /* the roadmap's school, 0 for the municipality's own */
	int seq;
	const char *number, *measure, *planned_result, *deadline_text, *responsible, *deadline_kind;
	const char *status;          /* derived from the occurrences (item_status_v) on `today` */
	int n_occ, n_confirmed, n_done, n_overdue;
	int n_due;                   /* occurrences due by `today`, or confirmed early */
	int next_due;                /* the earliest unconfirmed due date, days; 0 if none */
};

/* Which items db_roadmap_items returns: all, or those with an occurrence due in
 * [due_from, due_to] (days; 0 and 0 for no limit). */
struct item_filter {
	int today;
	int due_from, due_to;
};

/* The municipality's own roadmap (the latest period). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_roadmap_of_muni(struct db *db, struct arena *a, int64_t muni_id, struct roadmap *out);

/* The school's own roadmap (the latest period). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_roadmap_of_school(struct db *db, struct arena *a, int64_t school_id, struct roadmap *out);

/* Roadmap `id` if it belongs to the municipality (its own or one of its schools').
 * Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_roadmap_in_muni(struct db *db, struct arena *a, int64_t muni_id, int64_t id, struct roadmap *out);

/* Tasks in order. */
int db_roadmap_tasks(struct db *db, struct arena *a, int64_t roadmap_id,
		     struct roadmap_task **out, size_t *n);

/* Items in roadmap order with their occurrence counts and derived status. */
int db_roadmap_items(struct db *db, struct arena *a, int64_t roadmap_id,
		     const struct item_filter *f, struct roadmap_item **out, size_t *n);

/* One item (with its status on `today`). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_roadmap_item_get(struct db *db, struct arena *a, int64_t id, int today,
			struct roadmap_item *out);

#endif
