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
	int year_from, year_to;
	int n_items, n_in_progress, n_done, n_confirmed;
};

struct roadmap_task {
	int64_t id;
	int seq;
	const char *title;
};

struct roadmap_item {
	int64_t id, task_id;
	int seq;
	const char *number, *measure, *planned_result, *deadline_text, *responsible, *status;
};

/* The municipality's own roadmap (the latest period). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_roadmap_of_muni(struct db *db, struct arena *a, int64_t muni_id, struct roadmap *out);

/* The school's own roadmap (the latest period). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_roadmap_of_school(struct db *db, struct arena *a, int64_t school_id, struct roadmap *out);

/* Tasks in order. */
int db_roadmap_tasks(struct db *db, struct arena *a, int64_t roadmap_id,
		     struct roadmap_task **out, size_t *n);

/* Items in roadmap order; `status` NULL for all, else only that status code. */
int db_roadmap_items(struct db *db, struct arena *a, int64_t roadmap_id, const char *status,
		     struct roadmap_item **out, size_t *n);

#endif
