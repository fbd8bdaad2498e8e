/*
 * test-plans.c: no page reads a large table from end to end. The stack runs with
 * KACHESTVO_EXPLAIN_PLANS=1, so the app checks the EXPLAIN QUERY PLAN of every
 * statement it prepares and logs «scans the whole table» for a SCAN of a table
 * that grows with the country (schools, documents, occurrences, results, audit…);
 * the test opens every kind of page as each role and finds no such line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

static const char *const public_pages[] = {
	"/", "/ust-ilimsk/", "/ust-ilimsk/schools/sosh-5/", "/ust-ilimsk/roadmap/",
	"/ust-ilimsk/roadmap/?status=overdue&responsible=x&month=2022-03", "/ust-ilimsk/roadmap/schools/",
	"/ust-ilimsk/roadmap/items/61/", "/ust-ilimsk/indicators/", "/ust-ilimsk/roadmap/export.csv",
	"/izhevsk/indicators/", "/login", "/ust-ilimsk/schools/sosh-5/news/", "/ust-ilimsk/news/", "/search?q=программа+антирисковых+мер", "/search?q=СОШ+№+7&kind=school",
};
static const char *const coordinator_pages[] = {
	"/cabinet/", "/review/", "/my/", "/ust-ilimsk/dashboard/", "/ust-ilimsk/dashboard/overdue.csv",
	"/ust-ilimsk/identification/", "/ust-ilimsk/identification/schools/sosh-1/",
	"/ust-ilimsk/identification/settings", "/ust-ilimsk/indicators/facts", "/ust-ilimsk/roadmap/import",
	"/ust-ilimsk/results/import", "/ust-ilimsk/roadmap/unparsed/", "/ust-ilimsk/schools/sosh-5/docs/",
	"/ust-ilimsk/schools/sosh-5/audit/", "/ust-ilimsk/roadmap/items/new", "/ust-ilimsk/monitoring/",
	"/ust-ilimsk/schools/sosh-5/monitoring/", "/ust-ilimsk/freshness/", "/ust-ilimsk/schools/sosh-5/content/",
};
static const char *const school_pages[] = {
	"/cabinet/", "/my/", "/ust-ilimsk/schools/sosh-5/docs/", "/ust-ilimsk/schools/sosh-5/audit/",
};
static const char *const admin_pages[] = { "/dashboard/", "/ust-ilimsk/dashboard/" };

/* GETs every path as `b` (anonymous when NULL); returns how many answered 200. */
static int visit(struct e2e *e, struct e2e_browser *b, const char *const *paths, size_t n)
{
	int good = 0;

	for (size_t i = 0; i < n; i++) {
		struct e2e_resp r;
		int status = b ? e2e_b_get(b, paths[i], &r) : e2e_get(e, paths[i], &r);

		if (status == 200)
			good++;
		else
			printf("# %s: %d\n", paths[i], status);
		e2e_resp_free(&r);
	}
	return good;
}

/* The app log's «scans the whole table» lines, printed; their count, -1 if unreadable. */
static int scan_warnings(struct e2e *e)
{
	char path[256], line[1024];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof path, "%s/logs/app.log", e2e_data_dir(e));
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, f))
		if (strstr(line, "scans the whole table")) {
			printf("# %s", line);
			n++;
		}
	fclose(f);
	return n;
}

#define N(a) (sizeof a / sizeof a[0])

int main(void)
{
	static const char *const env[] = { "KACHESTVO_EXPLAIN_PLANS=1", NULL };
	struct e2e *e = e2e_start_env(env);

	if (!ok(e != NULL, "the stack starts with KACHESTVO_EXPLAIN_PLANS=1"))
		return ok_done();
	struct e2e_browser *coord = e2e_browser_new(e), *school = e2e_browser_new(e), *admin = e2e_browser_new(e);

	ok(e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(admin, "admin", e2e_password(e, "admin"), NULL) == 303, "coordinator, school and admin log in");
	ok(visit(e, NULL, public_pages, N(public_pages)) == (int)N(public_pages), "%zu public pages answer 200",
	   N(public_pages));
	ok(visit(e, coord, coordinator_pages, N(coordinator_pages)) == (int)N(coordinator_pages),
	   "%zu coordinator pages answer 200", N(coordinator_pages));
	ok(visit(e, school, school_pages, N(school_pages)) == (int)N(school_pages), "%zu school pages answer 200",
	   N(school_pages));
	ok(visit(e, admin, admin_pages, N(admin_pages)) == (int)N(admin_pages), "%zu admin pages answer 200",
	   N(admin_pages));
	ok(scan_warnings(e) == 0, "no statement of these pages scans a large table from end to end");
	e2e_browser_free(coord);
	e2e_browser_free(school);
	e2e_browser_free(admin);
	e2e_stop(e);
	return ok_done();
}
