/*
 * schedule.h: turns the deadline phrases of roadmap items into dated
 * occurrences (deadline.c): every unscheduled item at startup, one item when an
 * editor adds it or changes its phrase. No HTTP.
 */
#ifndef SCHEDULE_H
#define SCHEDULE_H

#include <stdint.h>

struct arena;
struct db;

/* Schedules every item that has no deadline kind yet, 1000 items per
 * transaction (a crash in between leaves the rest unscheduled for the next start).
 * Returns the number of items scheduled, or -1 on a database error (logged). */
int schedule_pending(struct db *db);

/*
 * (Re)schedules item `item_id` inside the caller's transaction: deletes its
 * occurrences never worked on (planned, no audit line), parses its phrase for
 * its roadmap's years, stores the kind and adds an occurrence per window that
 * no kept occurrence already covers (same start and due date), then numbers
 * them all 1.. in date order. Scratch memory comes from `a`.
 * Returns 0, or -1 on a database error (logged).
 */
int schedule_item(struct db *db, struct arena *a, int64_t item_id);

#endif
