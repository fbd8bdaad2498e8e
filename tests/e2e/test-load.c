/*
 * test-load.c: mixed traffic against the stack: LOAD_CONNS clients (8 by default; 64
 * in `make soak`) for LOAD_SECONDS (5; 60 in `make soak`), each request 90 % a public
 * page, 9 % a signed-in page, 1 % a write (a school's upload and submission, the
 * coordinator's acceptance). No 5xx, no transport error, and no lost write: every
 * acknowledged upload downloads with the same SHA-256, every acknowledged acceptance
 * is in the database. Prints req/s, p50 and p99.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "e2e.h"
#include "tap.h"

#define DOCS "/ust-ilimsk/schools/sosh-5/docs/"

static const char *const public_pages[] = {
	"/", "/ust-ilimsk/", "/ust-ilimsk/schools/sosh-5/", "/ust-ilimsk/schools/sosh-7/", "/ust-ilimsk/roadmap/",
	"/ust-ilimsk/roadmap/?status=overdue", "/ust-ilimsk/roadmap/items/61/", "/ust-ilimsk/indicators/",
	"/dalnerechensk/", "/yeniseysk/roadmap/", "/baley/", "/static/site.css",
};
static const char *const school_pages[] = { "/cabinet/", "/my/", DOCS, "/ust-ilimsk/schools/sosh-5/audit/" };
static const char *const coord_pages[] = { "/review/", "/ust-ilimsk/dashboard/", "/ust-ilimsk/identification/" };

enum { LAT_MAX = 1 << 16, ACKS_MAX = 4096 };

struct client {
	struct e2e *e;
	int id;
	bool coordinator;                 /* else the school administrator */
	struct e2e_browser *anon, *user;
	double deadline;
	unsigned seed;
	int requests, errors, fives;      /* transport errors, 5xx */
	float lat[LAT_MAX];               /* seconds */
	int nlat;
	long long acked[ACKS_MAX];        /* uploads (school) or acceptances (coordinator) */
	char sha[ACKS_MAX][65];
	int nacked;
};

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Counts one answer; returns its status. */
static int tally(struct client *c, int status, double t0)
{
	c->requests++;
	if (c->nlat < LAT_MAX)
		c->lat[c->nlat++] = (float)(now() - t0);
	c->errors += status == 0;
	c->fives += status >= 500;
	return status;
}

static void get(struct client *c, struct e2e_browser *b, const char *path)
{
	struct e2e_resp r;
	double t0 = now();

	tally(c, e2e_b_get(b, path, &r), t0);
	e2e_resp_free(&r);
}

/* The school uploads a new document and submits it; acknowledged uploads are recorded. */
static void school_write(struct client *c, int n)
{
	char pdf[128], path[96];
	struct e2e_resp r;
	double t0 = now();

	snprintf(pdf, sizeof pdf, "%%PDF-1.4\n%% load %d %d %u\ntrailer<<>>\n%%%%EOF\n", c->id, n, c->seed);
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(c->user) },
		{ .name = "type", .value = "protocol" },
		{ .name = "title", .value = "Протокол заседания" },
		{ .name = "file", .filename = "p.pdf", .data = pdf, .size = strlen(pdf) },
	};
	int status = tally(c, e2e_b_upload(c->user, DOCS, parts, sizeof parts / sizeof parts[0], NULL, &r), t0);
	const char *loc = e2e_header(&r, "Location");
	long long id = status == 303 && loc && strncmp(loc, DOCS, strlen(DOCS)) == 0 ? strtoll(loc + strlen(DOCS), NULL, 10) : 0;

	e2e_resp_free(&r);
	if (!id || c->nacked >= ACKS_MAX)
		return;
	c->acked[c->nacked] = id;
	e2e_sha256(pdf, strlen(pdf), c->sha[c->nacked++]);
	snprintf(path, sizeof path, DOCS "%lld/submit", id);
	t0 = now();
	tally(c, e2e_b_post_pairs(c->user, path, (const char *const[]){ NULL }, &r), t0);
	e2e_resp_free(&r);
}

/* The coordinator accepts the oldest submitted document of the school, if any. */
static void coordinator_write(struct client *c)
{
	long long id = e2e_count(c->e, "SELECT coalesce(min(id), 0) FROM document WHERE status = 'submitted'"
				       " AND id %% %d = %d", 4, c->id % 4);   /* coordinators apart */
	char path[96];
	struct e2e_resp r;

	if (id <= 0)
		return;
	snprintf(path, sizeof path, DOCS "%lld/review", id);
	double t0 = now();
	int status = tally(c, e2e_b_post_pairs(c->user, path,
					       (const char *const[]){ "verdict", "accept", "comment", "", NULL }, &r), t0);

	e2e_resp_free(&r);
	if (status == 303 && c->nacked < ACKS_MAX)
		c->acked[c->nacked++] = id;
}

static void *run(void *arg)
{
	struct client *c = arg;

	for (int n = 0; now() < c->deadline; n++) {
		int dice = (int)(rand_r(&c->seed) % 100);

		if (dice < 90)
			get(c, c->anon, public_pages[rand_r(&c->seed) % (sizeof public_pages / sizeof public_pages[0])]);
		else if (dice < 99 && c->coordinator)
			get(c, c->user, coord_pages[rand_r(&c->seed) % (sizeof coord_pages / sizeof coord_pages[0])]);
		else if (dice < 99)
			get(c, c->user, school_pages[rand_r(&c->seed) % (sizeof school_pages / sizeof school_pages[0])]);
		else if (c->coordinator)
			coordinator_write(c);
		else
			school_write(c, n);
	}
	return NULL;
}

static int float_cmp(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/* Every acknowledged upload downloads with its hash; every acceptance is stored. */
static int writes_kept(struct e2e *e, struct client *cs, int n, struct e2e_browser *school, int *uploads,
		       int *accepts)
{
	int lost = 0;

	*uploads = *accepts = 0;
	for (int k = 0; k < n; k++)
		for (int i = 0; i < cs[k].nacked; i++) {
			long long id = cs[k].acked[i];

			if (cs[k].coordinator) {
				(*accepts)++;
				lost += e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld"
						     " AND status IN ('accepted', 'published')", id) != 1;
				continue;
			}
			char path[96], hex[65] = "";
			struct e2e_resp r;

			(*uploads)++;
			snprintf(path, sizeof path, DOCS "%lld/file", id);
			if (e2e_b_get(school, path, &r) == 200)
				e2e_sha256(r.body, r.len, hex);
			e2e_resp_free(&r);
			if (strcmp(hex, cs[k].sha[i]) != 0 && lost++ < 5)
				printf("# upload %lld lost or changed\n", id);
		}
	return lost;
}

int main(void)
{
	int conns = getenv("LOAD_CONNS") ? atoi(getenv("LOAD_CONNS")) : 8;
	int seconds = getenv("LOAD_SECONDS") ? atoi(getenv("LOAD_SECONDS")) : 5;
	struct e2e *e = e2e_start();

	if (conns < 2 || conns > 256 || seconds < 1 || seconds > 3600)
		conns = 8, seconds = 5;
	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	struct client *cs = calloc((size_t)conns, sizeof *cs);
	pthread_t *t = calloc((size_t)conns, sizeof *t);
	int signed_in = 0;

	for (int i = 0; cs && i < conns; i++) {
		const char *login = i % 8 == 7 ? "coord-ust-ilimsk" : "school-sosh-5";

		cs[i] = (struct client){ .e = e, .id = i, .coordinator = i % 8 == 7, .seed = 20261123u + (unsigned)i,
					 .anon = e2e_browser_new(e), .user = e2e_browser_new(e) };
		signed_in += e2e_login(cs[i].user, login, e2e_password(e, login), NULL) == 303;
	}
	ok(cs && t && signed_in == conns, "%d clients, each with a session (%d coordinators)", conns, conns / 8);
	double t0 = now();

	for (int i = 0; i < conns; i++) {
		cs[i].deadline = t0 + seconds;
		pthread_create(&t[i], NULL, run, &cs[i]);
	}
	for (int i = 0; i < conns; i++)
		pthread_join(t[i], NULL);
	double took = now() - t0;
	int requests = 0, errors = 0, fives = 0, nlat = 0;

	for (int i = 0; i < conns; i++) {
		requests += cs[i].requests;
		errors += cs[i].errors;
		fives += cs[i].fives;
		nlat += cs[i].nlat;
	}
	float *lat = malloc((size_t)(nlat + 1) * sizeof *lat);

	for (int i = 0, k = 0; lat && i < conns; i++)
		for (int j = 0; j < cs[i].nlat; j++)
			lat[k++] = cs[i].lat[j];
	if (lat)
		qsort(lat, (size_t)nlat, sizeof *lat, float_cmp);
	printf("# %d requests in %.1f s: %.0f req/s, p50 %.1f ms, p99 %.1f ms\n", requests, took, requests / took,
	       lat && nlat ? lat[nlat / 2] * 1e3 : 0, lat && nlat ? lat[nlat * 99 / 100] * 1e3 : 0);
	ok(requests > 0 && fives == 0 && errors == 0, "%d requests: %d answered 5xx, %d without an answer",
	   requests, fives, errors);
	int uploads, accepts, lost = writes_kept(e, cs, conns, cs[0].user, &uploads, &accepts);

	ok(uploads > 0 && lost == 0, "no lost write: %d acknowledged uploads download with their SHA-256,"
	   " %d acknowledged acceptances are stored", uploads, accepts);
	for (int i = 0; cs && i < conns; i++) {
		e2e_browser_free(cs[i].anon);
		e2e_browser_free(cs[i].user);
	}
	free(lat);
	free(t);
	free(cs);
	e2e_stop(e);
	return ok_done();
}
