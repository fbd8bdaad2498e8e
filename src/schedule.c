/*
 * schedule.c: occurrences from deadline phrases, for items not yet scheduled
 * (after the demo import or an import) and for one item an editor has added or
 * changed. Startup and POST handlers only; the phrase, its kind and the dates
 * are kept side by side. Never deletes an occurrence that was worked on.
 */
#include "schedule.h"

#include <stdbool.h>
#include <stdlib.h>

#include "arena.h"
#include "db.h"
#include "db_occurrence.h"
#include "db_roadmap_edit.h"
#include "deadline.h"
#include "log.h"

/* Items per transaction at startup: a batch's scratch memory (6 KiB of windows
 * per item) stays far below the arena's 64 MiB however many items wait. */
enum { SCHEDULE_BATCH = 1000 };

/* Is window `w` already an occurrence of the item that was kept? */
static bool window_kept(const struct dl_window *w, const struct occurrence *kept, size_t nkept)
{
	for (size_t i = 0; i < nkept; i++)
		if (kept[i].starts_on == w->from && kept[i].due_on == w->to)
			return true;
	return false;
}

int schedule_item(struct db *db, struct arena *a, int64_t item_id)
{
	struct dl_window *w = arena_alloc(a, DL_WINDOWS_MAX * sizeof *w);
	struct occurrence *kept;
	size_t nkept;
	const char *text;
	struct dl_period period = { 0, 0, 0 };
	enum deadline_kind kind;
	int n, seq = 0;

	if (!w || db_item_schedule_source(db, a, item_id, &text, &period.year_from, &period.year_to) != DB_OK ||
	    db_occurrence_drop_unworked(db, item_id) != DB_OK ||
	    db_occurrence_by_item(db, a, item_id, &kept, &nkept) != DB_OK)
		return -1;
	n = deadline_parse(text, &period, &kind, NULL, w, DL_WINDOWS_MAX);
	if (db_item_set_kind(db, item_id, deadline_kind_v[kind].code) != DB_OK)
		return -1;
	for (size_t i = 0; i < nkept; i++)
		if (kept[i].seq > seq)
			seq = kept[i].seq;
	for (int i = 0; i < n; i++) {
		const char *label = w[i].label ? arena_strndup(a, w[i].label, (size_t)w[i].label_len) : NULL;

		if (window_kept(&w[i], kept, nkept))
			continue;
		if (db_occurrence_add(db, item_id, ++seq, w[i].from, w[i].to, label) != DB_OK)
			return -1;
	}
	return nkept == 0 || db_occurrence_renumber(db, item_id) == DB_OK ? 0 : -1;
}

/* Schedules up to `limit` unscheduled items in one transaction: their number, or -1. */
static int schedule_batch(struct db *db, struct arena *a, int limit)
{
	struct unscheduled *items;
	size_t n = 0, i = 0;

	if (db_begin(db) != DB_OK)
		return -1;
	if (db_unscheduled_items(db, a, limit, &items, &n) == DB_OK)
		while (i < n && schedule_item(db, a, items[i].id) == 0)
			i++;
	if (i == n && db_commit(db) == DB_OK)
		return (int)n;
	db_rollback(db);
	return -1;
}

int schedule_pending(struct db *db)
{
	struct arena a;
	int total = 0, n;

	if (arena_init(&a, 64 << 10, 64 << 20) != 0)
		return -1;
	do {
		arena_reset(&a);
		n = schedule_batch(db, &a, SCHEDULE_BATCH);
		total += n;
	} while (n == SCHEDULE_BATCH);
	arena_free(&a);
	if (n < 0) {
		log_err("schedule", "scheduling roadmap items failed");
		return -1;
	}
	if (total > 0)
		log_info("schedule", "scheduled %d roadmap items", total);
	return total;
}
