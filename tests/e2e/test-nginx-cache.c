/*
 * test-nginx-cache.c: with KACHESTVO_PAGE_CACHE_SECONDS=1 nginx keeps anonymous
 * visitors' public pages for a second (nginx counts whole seconds, so an entry lives
 * out the current second and the next): a change made by the coordinator shows to
 * them within two seconds, at once to the coordinator and to a visitor who asks
 * for a fresh page (Cache-Control: no-cache); a signed-in page never reaches the
 * cache, the version for the visually impaired is kept apart, and a response that
 * sets a cookie is never shared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

#define PAGE "/ust-ilimsk/indicators/"
#define MARK "факт: 77</span>"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Whether an anonymous GET of `path` (with `cookie`, may be NULL) holds `needle`. */
static int anon_has(struct e2e *e, const char *path, const char *cookie, const char *needle)
{
	struct e2e_resp r;
	int found = e2e_request(e, "GET", path, cookie, &r) == 200 && r.body && strstr(r.body, needle);

	e2e_resp_free(&r);
	return found;
}

int main(void)
{
	static const char *const env[] = { "KACHESTVO_PAGE_CACHE_SECONDS=1", NULL };
	struct e2e *e = e2e_start_env(env);
	struct e2e_resp r;

	if (!ok(e != NULL, "the stack starts with KACHESTVO_PAGE_CACHE_SECONDS=1"))
		return ok_done();
	struct e2e_browser *coord = e2e_browser_new(e);

	ok(e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303, "the coordinator logs in");
	ok(!anon_has(e, PAGE, NULL, MARK) && !anon_has(e, PAGE, "vi=1", MARK), "the page is in nginx's cache, both versions");
	ok(e2e_b_post_pairs(coord, "/ust-ilimsk/indicators/facts",
			    (const char *const[]){ "code", "2", "year", "2023", "fact", "77", NULL }, &r) == 303,
	   "the coordinator enters a fact");
	e2e_resp_free(&r);
	ok(e2e_b_get(coord, PAGE, &r) == 200 && strstr(r.body, MARK) && strstr(r.body, "Внести фактические значения"),
	   "the coordinator sees it at once, on a page of their own");
	e2e_resp_free(&r);
	static const char *const fresh[] = { "Cache-Control: no-cache", NULL };

	ok(e2e_get_with(e, PAGE, fresh, &r) == 200 && strstr(r.body, MARK),
	   "a visitor asking for a fresh page sees it at once");
	e2e_resp_free(&r);
	double t0 = now(), seen = -1;

	while (now() - t0 < 3 && seen < 0) {
		if (anon_has(e, PAGE, NULL, MARK))
			seen = now() - t0;
		else
			usleep(50000);
	}
	ok(seen >= 0 && seen <= 2.2, "anonymous visitors see it within two seconds (after %.2f s)", seen);
	ok(anon_has(e, PAGE, "vi=1", MARK) && anon_has(e, PAGE, "vi=1", "class=\"vi\"") &&
	   !anon_has(e, PAGE, NULL, "class=\"vi\""), "the version for the visually impaired is cached apart");
	ok(!anon_has(e, PAGE, NULL, "Внести фактические значения") && !anon_has(e, PAGE, NULL, "Выйти"),
	   "no signed-in page reached the cache");
	struct e2e_resp a, b;
	const char *ca, *cb;

	ok(e2e_get(e, "/login", &a) == 200 && e2e_get(e, "/login", &b) == 200 &&
	   (ca = e2e_header(&a, "Set-Cookie")) && (cb = e2e_header(&b, "Set-Cookie")) && strcmp(ca, cb) != 0,
	   "a page that sets a cookie is never shared (each visitor gets their own)");
	e2e_resp_free(&a);
	e2e_resp_free(&b);
	e2e_browser_free(coord);
	e2e_stop(e);
	return ok_done();
}
