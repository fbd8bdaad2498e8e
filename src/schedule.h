/*
 * schedule.h: turns the deadline phrases of roadmap items into dated
 * occurrences (deadline.c), once per item. No HTTP.
 */
#ifndef SCHEDULE_H
#define SCHEDULE_H

struct db;

/* Schedules every item that has no deadline kind yet, all in one transaction.
 * Returns the number of items scheduled, or -1 on a database error (logged). */
int schedule_pending(struct db *db);

#endif
