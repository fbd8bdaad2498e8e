/*
 * db_monitor.h: monitoring rounds of the schools' websites and their findings
 * (statements, row mapping). No HTTP, no templates, no fetching; the caller owns
 * the transaction. The findings of one round for one school (db_monitor_school_findings,
 * or the table monitor_finding) are what a notification to the school reads.
 */
#ifndef DB_MONITOR_H
#define DB_MONITOR_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct monitor_round {
	int64_t id, municipality_id, started_at, finished_at;   /* finished_at 0 while running */
	const char *kind, *status;                               /* monitor_kind_v code; running|done|failed */
	const char *started_by;                                  /* the user's name; NULL: command line */
	int schools, reachable;                                  /* findings, of which ok or not_modified */
};

struct monitor_finding {
	int64_t round_id, school_id;
	const char *school_slug, *school_name;
	const char *url, *outcome, *detail, *final_url, *etag, *last_modified, *sha256, *fresh;
	const char *docs_found, *docs_missing, *doc_links, *dead_links;
	long http_status;
	int changed;                             /* -1: nothing to compare with */
	int64_t modified_at, changed_at, fetched_at, elapsed_ms;
	/* db_monitor_school_findings only: the round */
	const char *round_kind;
	int64_t round_started_at;
};

/* A school to check in a round, with what the last reachable finding for the same
 * URL said (prev_* NULL / 0 when there is none). */
struct monitor_target {
	int64_t school_id, municipality_id;
	const char *url;
	const char *prev_etag, *prev_last_modified, *prev_sha256, *prev_doc_links;
	int64_t prev_modified_at, prev_changed_at;
};

/* Starts a round: DB_OK with *id, DB_NOTFOUND when the municipality already has a
 * round running, DB_ERR. user_id 0: the command line. */
int db_monitor_round_add(struct db *db, int64_t muni_id, const char *kind, int64_t user_id, int64_t *id);
/* Ends a round as done or failed. */
int db_monitor_round_finish(struct db *db, int64_t round_id, const char *status);
/* Marks every round left running by a stopped process as failed; the count in *n. */
int db_monitor_recover(struct db *db, int *n);
/* Rounds of a municipality, newest first. */
int db_monitor_rounds(struct db *db, struct arena *a, int64_t muni_id, struct monitor_round **out, size_t *n);
/* One round of the municipality: DB_OK, DB_NOTFOUND or DB_ERR. */
int db_monitor_round_get(struct db *db, struct arena *a, int64_t muni_id, int64_t round_id,
			 struct monitor_round *out);
/* The schools of the round's municipality to check, in the seed's order. */
int db_monitor_targets(struct db *db, struct arena *a, int64_t round_id, struct monitor_target **out,
		       size_t *n);
/* Stores one finding (round_id, school_id, outcome and fresh required). */
int db_monitor_finding_add(struct db *db, const struct monitor_finding *f);
/* The findings of a round, in the schools' order. */
int db_monitor_findings(struct db *db, struct arena *a, int64_t round_id, struct monitor_finding **out,
			size_t *n);
/* One school's findings in every round, newest round first (round_kind, round_started_at set). */
int db_monitor_school_findings(struct db *db, struct arena *a, int64_t school_id,
			       struct monitor_finding **out, size_t *n);

#endif
