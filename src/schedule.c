/*
 * schedule.c: occurrences from deadline phrases for items not yet scheduled
 * (after the demo import, after an import or an edit). Startup and POST
 * handlers only; the phrase, its kind and the dates are kept side by side.
 */
#include "schedule.h"

#include <stdlib.h>

#include "arena.h"
#include "db.h"
#include "db_occurrence.h"
#include "deadline.h"
#include "log.h"

/* Parses one item's phrase and stores its kind and occurrences. */
static int schedule_item(struct db *db, struct arena *a, const struct unscheduled *u,
			 struct dl_window *w)
{
	struct dl_period period = { u->year_from, u->year_to, 0 };
	enum deadline_kind kind;
	int n = deadline_parse(u->deadline_text, &period, &kind, NULL, w, DL_WINDOWS_MAX);

	if (db_item_set_kind(db, u->id, deadline_kind_v[kind].code) != DB_OK)
		return -1;
	for (int i = 0; i < n; i++) {
		const char *label = w[i].label ? arena_strndup(a, w[i].label, (size_t)w[i].label_len) : NULL;

		if (db_occurrence_add(db, u->id, i + 1, w[i].from, w[i].to, label) != DB_OK)
			return -1;
	}
	return 0;
}

int schedule_pending(struct db *db)
{
	struct arena a;
	struct unscheduled *items;
	struct dl_window *w = malloc(DL_WINDOWS_MAX * sizeof *w);
	size_t n = 0;
	int rc = -1;

	if (!w || arena_init(&a, 64 << 10, 64 << 20) != 0) {
		free(w);
		return -1;
	}
	if (db_begin(db) == DB_OK && db_unscheduled_items(db, &a, &items, &n) == DB_OK) {
		size_t i = 0;

		while (i < n && schedule_item(db, &a, &items[i], w) == 0)
			i++;
		if (i == n && db_commit(db) == DB_OK)
			rc = (int)n;
	}
	if (rc < 0) {
		log_err("schedule", "scheduling roadmap items failed");
		db_rollback(db);
	} else if (rc > 0)
		log_info("schedule", "scheduled %d roadmap items", rc);
	arena_free(&a);
	free(w);
	return rc;
}
