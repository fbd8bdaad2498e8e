/*
 * admin_monitor.c: the `monitor` command: adds the round with its audit row (from
 * the command line: no user), runs it with monitor_run() and prints what it found.
 * No HTTP; the round itself is monitor.c's.
 */
#include "admin_monitor.h"

#include <stdio.h>

#include <curl/curl.h>

#include "admin.h"
#include "config.h"
#include "db_audit.h"
#include "db_monitor.h"
#include "db_municipality.h"
#include "monitor.h"
#include "tpl.h"
#include "vocab.h"

int admin_monitor(struct ctx *x, const char *muni, const char *kind)
{
	struct municipality m;
	struct monitor_round r;
	size_t k = VOCAB_FIND(monitor_kind_v, kind);
	int64_t id;
	int rc;

	if (k == MK__MAX) {
		admin_fail("unknown kind «%s»: entry, interim, final or monthly", kind);
		return EXIT_FAIL;
	}
	if (tpl_init(cfg.templates) != TPL_OK) {   /* the round's findings are e-mailed (outbox.h) */
		admin_fail("cannot load the templates from %s", cfg.templates);
		return EXIT_FAIL;
	}
	if ((rc = db_municipality_by_slug(&x->db, &x->a, muni, &m)) != DB_OK) {
		admin_fail(rc == DB_NOTFOUND ? "no municipality «%s»" : "cannot read municipality «%s»", muni);
		return EXIT_FAIL;
	}
	struct audit_event e = { .addr = x->addr, .action = "monitor_start", .detail = monitor_kind_v[k].label };

	if (db_begin(&x->db) != DB_OK)
		return EXIT_FAIL;
	rc = db_monitor_round_add(&x->db, m.id, monitor_kind_v[k].code, 0, &id);
	if (rc != DB_OK || db_audit_add(&x->db, &e) != DB_OK || db_commit(&x->db) != DB_OK) {
		db_rollback(&x->db);
		admin_fail(rc == DB_NOTFOUND ? "a monitoring round of «%s» is already running" : "cannot start a round of «%s»",
			   muni);
		return EXIT_FAIL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return EXIT_FAIL;
	rc = monitor_run(&x->db, id);
	curl_global_cleanup();
	if (rc != 0 || db_monitor_round_get(&x->db, &x->a, m.id, id, &r) != DB_OK) {
		admin_fail("round %lld failed: see the log", (long long)id);
		return EXIT_FAIL;
	}
	printf("round %lld (%s): %d of %d school websites reachable\n", (long long)id, kind, r.reachable, r.schools);
	return 0;
}
