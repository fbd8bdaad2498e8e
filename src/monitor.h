/*
 * monitor.h: a monitoring round of the schools' websites: fetch every school's
 * page (monitor_fetch), read it (monitor_scan), check its document links, store
 * the findings and close the round in one transaction with its audit row.
 * Runs in its own thread with its own connection, never in a request.
 */
#ifndef MONITOR_H
#define MONITOR_H

#include <stdint.h>

struct db;

/* Runs round `round_id` (already added, status running) to its end on `db`
 * (writable), with the limits from the configuration. Returns 0, or -1 when the
 * round had to be marked failed (logged). */
int monitor_run(struct db *db, int64_t round_id);

/* Runs the round in a new detached thread with its own connection; returns at once.
 * Returns 0, or -1 if the thread could not start: the round is then marked failed
 * on `db` (writable, no transaction open). */
int monitor_start(struct db *db, int64_t round_id);

/* At startup: rounds a stopped process left running become failed, with an audit row. */
int monitor_recover(struct db *db);

#endif
