/* test-hostile.c: hostile requests get a 4xx or a correct page: never a 5xx, an echoed script or an off-site redirect. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

#define XSS "<script>alert(1)</script>"
#define ROADMAP_Q "/ust-ilimsk/roadmap/?"
#define XSS_ENC "%3Cscript%3Ealert(1)%3C%2Fscript%3E"

enum { ANY = 0, CLIENT_ERROR = 4 };

struct hostile {
	const char *method, *path, *cookie;
	int want;   /* ANY: any status below 500; CLIENT_ERROR: 4xx; else exactly this status */
};

static const struct hostile table[] = {
	/* paths */
	{ "GET",  "/../etc/passwd",                                NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/../../etc/passwd",                  NULL, CLIENT_ERROR },
	{ "GET",  "/%2e%2e/",                                      NULL, CLIENT_ERROR },
	{ "GET",  "/%2e%2e/%2e%2e/etc/passwd",                     NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/%2e%2e/%2e%2e/etc/passwd",          NULL, CLIENT_ERROR },
	{ "GET",  "/%00",                                          NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/%00/",                              NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/%ff/",                              NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/%C0%AE/",                           NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/%zz/",                              NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk%2F",                                NULL, ANY },
	{ "GET",  "//evil.example/",                               NULL, ANY },
	{ "GET",  "/%2F%2Fevil.example/",                          NULL, ANY },
	{ "GET",  "/%5Cevil.example",                              NULL, ANY },
	{ "GET",  "/%D1%83%D1%81%D1%82%D1%8C/",                    NULL, 404 },
	{ "GET",  "/" XSS_ENC "/",                                 NULL, CLIENT_ERROR },
	{ "GET",  "/" XSS "/",                                     NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/schools/" XSS_ENC "/",              NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/schools/" XSS "/",                  NULL, CLIENT_ERROR },
	{ "GET",  "/" XSS_ENC,                                     NULL, CLIENT_ERROR },
	/* query strings on the roadmap page: a script in every parameter, bad encodings */
	{ "GET",  "/ust-ilimsk/roadmap/?status=" XSS,              NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?status=" XSS_ENC,          NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?responsible=" XSS,         NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?responsible=" XSS_ENC,     NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?responsible=%3Cscript%3E", NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?status=planned&responsible=" XSS_ENC, NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?x=" XSS_ENC,               NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?" XSS_ENC "=1",            NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?status=%C0%AE",            NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?status=%ED%A0%80",         NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?responsible=%ff%fe",       NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?responsible=%00",          NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?responsible=%0d%0a",       NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?status=%zz",               NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?status=%",                 NULL, CLIENT_ERROR },
	{ "GET",  "/ust-ilimsk/roadmap/?status=bogus",             NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?&&=&==&status",            NULL, ANY },
	{ "GET",  "/ust-ilimsk/roadmap/?status=planned&status=done&status=" XSS_ENC, NULL, ANY },
	{ "GET",  "/ust-ilimsk/?responsible=" XSS_ENC,             NULL, ANY },
	{ "GET",  "/?status=" XSS_ENC,                             NULL, ANY },
	/* /vi/on and /vi/off: the redirect target stays on this site */
	{ "GET",  "/vi/on?back=" XSS,                              NULL, ANY },
	{ "GET",  "/vi/on?back=" XSS_ENC,                          NULL, ANY },
	{ "GET",  "/vi/on?back=/" XSS_ENC,                         NULL, ANY },
	{ "GET",  "/vi/on?back=//evil.example",                    NULL, ANY },
	{ "GET",  "/vi/on?back=%2F%2Fevil.example",                NULL, ANY },
	{ "GET",  "/vi/on?back=https://evil.example/",             NULL, ANY },
	{ "GET",  "/vi/on?back=https%3A%2F%2Fevil.example%2F",     NULL, ANY },
	{ "GET",  "/vi/on?back=/%5Cevil.example",                  NULL, ANY },
	{ "GET",  "/vi/on?back=%5C%5Cevil.example",                NULL, ANY },
	{ "GET",  "/vi/on?back=javascript:alert(1)",               NULL, ANY },
	{ "GET",  "/vi/on?back=/%0d%0aSet-Cookie:%20evil=1",       NULL, ANY },
	{ "GET",  "/vi/on?back=%09//evil.example",                 NULL, ANY },
	{ "GET",  "/vi/off?back=//evil.example",                   NULL, ANY },
	{ "GET",  "/vi/off?back=https://evil.example/",            NULL, ANY },
	/* cookies */
	{ "GET",  "/ust-ilimsk/",                                  "vi=" XSS, ANY },
	{ "GET",  "/ust-ilimsk/",                                  "vi=1; vi=0; vi=%00", ANY },
	{ "GET",  "/ust-ilimsk/",                                  "=; ;;; vi", ANY },
	/* methods */
	{ "POST",     "/",                                         NULL, 405 },
	{ "POST",     "/healthz",                                  NULL, 405 },
	{ "PUT",      "/ust-ilimsk/",                              NULL, CLIENT_ERROR },
	{ "DELETE",   "/ust-ilimsk/roadmap/",                      NULL, CLIENT_ERROR },
	{ "PATCH",    "/",                                         NULL, CLIENT_ERROR },
	{ "OPTIONS",  "/",                                         NULL, CLIENT_ERROR },
	{ "TRACE",    "/",                                         NULL, CLIENT_ERROR },
	{ "PROPFIND", "/",                                         NULL, CLIENT_ERROR },
	{ "FOO",      "/ust-ilimsk/",                              NULL, CLIENT_ERROR },
	{ "HEAD",     "/no-such-town/",                            NULL, 404 },
};

/* A redirect target on this site: one '/' and a path, not "//host" or "/\host". */
static int local(const char *location)
{
	return location[0] == '/' && location[1] != '/' && location[1] != '\\';
}

static int status_ok(int status, int want)
{
	if (status < 100 || status >= 500)
		return 0;
	if (want == ANY)
		return 1;
	if (want == CLIENT_ERROR)
		return status >= 400 && status < 500;
	return status == want;
}

static void check(struct e2e *e, const char *method, const char *path, const char *cookie, int want)
{
	struct e2e_resp r;
	const char *loc;
	int status = e2e_request(e, method, path, cookie, &r);

	loc = e2e_header(&r, "Location");
	ok(status_ok(status, want) && !strstr(r.body, "<script>alert(1)") && !strstr(r.headers, "evil=1") &&
	   (!loc || local(loc)),
	   "%s %.70s%s (%zu bytes)%s%s: %d, no script echoed, %s", method, path,
	   strlen(path) > 70 ? "…" : "", strlen(path), cookie ? ", Cookie: " : "", cookie ? cookie : "",
	   status, loc ? loc : "no Location");
	e2e_resp_free(&r);
}

/* prefix followed by n bytes of 'a', malloc'd. */
static char *long_target(const char *prefix, size_t n)
{
	size_t plen = strlen(prefix);
	char *s = malloc(plen + n + 1);

	if (s) {
		memcpy(s, prefix, plen);
		memset(s + plen, 'a', n);
		s[plen + n] = '\0';
	}
	return s;
}

int main(void)
{
	static const struct { const char *prefix; size_t n; int want; } longs[] = {
		{ "/",                                  2000,  CLIENT_ERROR },  /* past the app's path limit */
		{ "/",                                  40000, CLIENT_ERROR },  /* past nginx's header buffers */
		{ "/ust-ilimsk/roadmap/?responsible=",  17000, CLIENT_ERROR },  /* past the app's query limit */
		{ "/ust-ilimsk/roadmap/?responsible=",  40000, CLIENT_ERROR },
	};
	struct e2e *e = e2e_start();
	struct e2e_resp r;
	char *many;

	if (!ok(e != NULL, "portal starts and answers /healthz"))
		return ok_done();
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		check(e, table[i].method, table[i].path, table[i].cookie, table[i].want);
	for (size_t i = 0; i < sizeof longs / sizeof longs[0]; i++) {
		char *t = long_target(longs[i].prefix, longs[i].n);

		check(e, "GET", t, NULL, longs[i].want);
		free(t);
	}
	/* 100 parameters, more than the app accepts */
	if ((many = long_target(ROADMAP_Q, 400)) != NULL) {
		for (int i = 0; i < 100; i++)
			memcpy(many + strlen(ROADMAP_Q) + 4 * i, "a=1&", 4);
		check(e, "GET", many, NULL, ANY);
		free(many);
	}
	ok(e2e_get(e, "/healthz", &r) == 200, "GET /healthz still 200 after the hostile table");
	e2e_resp_free(&r);
	e2e_stop(e);
	return ok_done();
}
