/*
 * admin_monitor.h: `kachestvo-admin monitor MUNI [KIND]`: one monitoring round of
 * the municipality's school websites, run to its end in the foreground (for cron:
 * the monthly freshness check, or a scheduled входной / промежуточный / итоговый round).
 */
#ifndef ADMIN_MONITOR_H
#define ADMIN_MONITOR_H

struct ctx;

/* Starts a round of kind `kind` (a monitor_kind_v code) for municipality `muni`
 * and runs it. Returns 0, or EXIT_FAIL (message printed: unknown municipality or
 * kind, a round already running, a failed round). */
int admin_monitor(struct ctx *x, const char *muni, const char *kind);

#endif
