/*
 * test-attacks.c: the document workflow under attack, table by table: scripts in every text
 * field, forged and cross-site POSTs, other schools' ids, SQL metacharacters, malformed and
 * oversized multipart bodies, path traversal in file names. Each is refused with a 4xx (or
 * stored literally and shown escaped), leaves nothing behind, and never costs a 5xx.
 */
#define _XOPEN_SOURCE 700 /* nftw() */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "e2e.h"
#include "tap.h"

#define UST "/ust-ilimsk/schools/"
#define DOCS5 UST "sosh-5/docs/"
#define DOCS7 UST "sosh-7/docs/"
#define ZHID "/baley/schools/oosh-zhidkinskaya/"
#define BND "e2e-boundary-7MA4YWxkTrZu0gW"
#define MULTIPART "multipart/form-data; boundary=" BND
#define MAX_MB 1   /* KACHESTVO_UPLOAD_MAX_MB for this stack */

static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

struct users {
	struct e2e_browser *s5, *s7, *cur, *zhid;   /* school-sosh-5, school-sosh-7, curator, a Балей school */
};

static int has(const struct e2e_resp *r, const char *s)
{
	return r->body && strstr(r->body, s) != NULL;
}

static int client_error(int status)
{
	return status >= 400 && status < 500;
}

/* ---- request bodies ---- */

struct body {
	char *p;
	size_t len;
};

static void put(struct body *b, const void *s, size_t n)
{
	char *p = realloc(b->p, b->len + n + 1);

	if (!p)
		return;
	memcpy(p + b->len, s, n);
	b->len += n;
	p[b->len] = '\0';
	b->p = p;
}

static void puts_(struct body *b, const char *s)
{
	put(b, s, strlen(s));
}

static void field(struct body *b, const char *name, const char *value)
{
	puts_(b, "--" BND "\r\nContent-Disposition: form-data; name=\"");
	puts_(b, name);
	puts_(b, "\"\r\n\r\n");
	puts_(b, value);
	puts_(b, "\r\n");
}

/* The file part; params is what follows `name="file"; ` in its Content-Disposition. */
static void file(struct body *b, const char *params, const void *data, size_t n)
{
	puts_(b, "--" BND "\r\nContent-Disposition: form-data; name=\"file\"; ");
	puts_(b, params);
	puts_(b, "\r\nContent-Type: application/pdf\r\n\r\n");
	put(b, data, n);
	puts_(b, "\r\n");
}

static void end(struct body *b)
{
	puts_(b, "--" BND "--\r\n");
}

/* filename*=UTF-8''<s percent-encoded> in a static buffer. */
static const char *filename_ext(const char *s)
{
	static char out[1024];
	static const char hex[] = "0123456789ABCDEF";
	size_t o = (size_t)snprintf(out, sizeof out, "filename*=UTF-8''");

	for (const unsigned char *p = (const unsigned char *)s; *p && o + 4 < sizeof out; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			out[o++] = (char)*p;
		else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
	return out;
}

/* A complete upload form: _csrf, series, type, title and a file with the given disposition params. */
static struct body upload_form(const char *csrf, long long series, const char *title, const char *params,
			       const void *data, size_t size)
{
	struct body b = { 0 };
	char s[24] = "";

	if (series)
		snprintf(s, sizeof s, "%lld", series);
	field(&b, "_csrf", csrf);
	field(&b, "series", s);
	field(&b, "type", "other");
	field(&b, "title", title);
	file(&b, params, data, size);
	end(&b);
	return b;
}

/* upload_form() with the small PDF. */
static struct body upload_body(const char *csrf, long long series, const char *title, const char *params)
{
	return upload_form(csrf, series, title, params, pdf, sizeof pdf - 1);
}

/* Uploads a PDF; returns the new id from the 303's Location, else 0. */
static long long upload(struct e2e_browser *b, const char *docs, long long series, const char *title,
			const char *params, struct e2e_resp *r)
{
	struct body body = upload_body(e2e_csrf(b), series, title, params);
	const char *loc;
	long long id = 0;
	char *end_;

	e2e_b_raw(b, docs, MULTIPART, body.p, body.len, NULL, r);
	free(body.p);
	loc = e2e_header(r, "Location");
	if (r->status == 303 && loc && strncmp(loc, docs, strlen(docs)) == 0) {
		id = strtoll(loc + strlen(docs), &end_, 10);
		if (strcmp(end_, "/") != 0)
			id = 0;
	}
	return id;
}

static int act(struct e2e_browser *b, const char *docs, long long id, const char *what,
	       const char *verdict, const char *comment)
{
	struct e2e_resp r;
	char path[128];
	int status;

	snprintf(path, sizeof path, "%s%lld/%s", docs, id, what);
	if (verdict)
		status = e2e_b_post_pairs(b, path, (const char *const[]){ "verdict", verdict, "comment", comment, NULL }, &r);
	else
		status = e2e_b_post_pairs(b, path, (const char *const[]){ NULL }, &r);
	e2e_resp_free(&r);
	return status;
}

/* ---- "nothing changed" ---- */

struct snap {
	long long audit, reviews, sessions;
	int files;
	char *docs;   /* every document row that can change */
};

static void snap_take(struct e2e *e, struct snap *s)
{
	s->audit = e2e_count(e, "SELECT count(*) FROM audit");
	s->reviews = e2e_count(e, "SELECT count(*) FROM review");
	s->sessions = e2e_count(e, "SELECT count(*) FROM session");
	s->files = e2e_files(e, "files");
	s->docs = e2e_query(e, "SELECT id, status, version, series, title, updated_at FROM document ORDER BY id");
}

/* True if nothing was stored or changed since `s` (and tmp/ is empty); prints what differs. */
static int snap_same(struct e2e *e, struct snap *s)
{
	struct snap now;
	int same, tmp = e2e_tmp_empty(e);

	snap_take(e, &now);
	same = tmp && now.audit == s->audit && now.reviews == s->reviews && now.sessions == s->sessions &&
	       now.files == s->files && s->docs && now.docs && strcmp(now.docs, s->docs) == 0;
	if (!same)
		printf("# changed: audit %lld→%lld, review %lld→%lld, session %lld→%lld, files %d→%d,"
		       " documents %s, tmp/ %s\n", s->audit, now.audit, s->reviews, now.reviews, s->sessions,
		       now.sessions, s->files, now.files, now.docs && s->docs && strcmp(now.docs, s->docs) == 0 ?
		       "same" : "changed", tmp ? "empty" : "not empty");
	free(now.docs);
	return same;
}

static void snap_free(struct snap *s)
{
	free(s->docs);
	s->docs = NULL;
}

/* ---- (a) scripts in every text field ---- */

static const struct {
	const char *raw;       /* as typed */
	const char *escaped;   /* as it must appear in HTML */
	const char *name;      /* as a file name: what the app keeps (no directory part) */
	const char *name_esc;
} xss[] = {
	{ "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "script>", "script&gt;" },
	{ "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
	  "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" },
	{ "javascript:alert(1)", "javascript:alert(1)", "javascript:alert(1)", "javascript:alert(1)" },
};
enum { NXSS = sizeof xss / sizeof xss[0] };

enum { F_TITLE = 1, F_NAME = 2, F_COMMENT = 4 };
#define ALL ((1u << NXSS) - 1)

/* A javascript: URL in an attribute that a browser follows. */
static int url_js(const struct e2e_resp *r)
{
	static const char *const attrs[] = { "href=\"javascript:", "src=\"javascript:", "action=\"javascript:",
					     "href='javascript:", "src='javascript:", "action='javascript:" };

	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (has(r, attrs[i]))
			return 1;
	return 0;
}

/* Not one payload comes back raw; the fields this page shows of the payloads in `which` (bits)
 * come back escaped. */
static void xss_page(struct e2e_browser *b, const char *who, const char *path, unsigned fields, unsigned which)
{
	struct e2e_resp r;
	int raw = 0;
	char missing[256] = "";

	e2e_b_get(b, path, &r);
	raw = url_js(&r) || has(&r, "<script") || has(&r, "<img src=x");
	for (size_t i = 0; i < NXSS; i++) {
		raw |= strchr(xss[i].raw, '<') && has(&r, xss[i].raw);
		if (!(which & 1u << i))
			continue;
		if ((fields & F_TITLE) && !has(&r, xss[i].escaped))
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " title %zu", i);
		if ((fields & F_COMMENT) && !has(&r, xss[i].escaped))
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " comment %zu", i);
		if ((fields & F_NAME) && !has(&r, xss[i].name_esc))
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " file name %zu", i);
	}
	ok(r.status == 200 && !raw && !*missing, "%s GET %s: 200, payloads shown escaped, none raw (got %d%s%s)",
	   who, path, r.status, *missing ? ", missing:" : "", missing);
	e2e_resp_free(&r);
}

/* The quoted filename="…" of a Content-Disposition ends where it should: no quote, CR or LF inside. */
static int disposition_ok(const char *cd)
{
	const char *q = cd ? strstr(cd, "filename=\"") : NULL, *close;

	if (!cd || strpbrk(cd, "\r\n"))
		return 0;
	if (!q)
		return 1;
	close = strchr(q + 10, '"');
	return close && (close[1] == ';' || close[1] == '\0');
}

static void xss_fields(struct e2e *e, struct users *u)
{
	long long v1[NXSS], v2[NXSS];
	struct e2e_resp r;
	char path[128];
	int stored = 1;

	for (size_t i = 0; i < NXSS; i++) {
		v1[i] = upload(u->s5, DOCS5, 0, xss[i].raw, filename_ext(xss[i].raw), &r);
		e2e_resp_free(&r);
		stored &= v1[i] > 0 && act(u->s5, DOCS5, v1[i], "submit", NULL, NULL) == 303;
		stored &= e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld AND title = %Q AND orig_name = %Q",
				    v1[i], xss[i].raw, xss[i].name) == 1;
	}
	ok(stored, "3 uploads with a script in the title and the file name: stored literally, submitted");
	xss_page(u->cur, "curator", "/review/", F_TITLE, ALL);
	for (size_t i = 0; i < NXSS; i++) {
		stored &= act(u->cur, DOCS5, v1[i], "review", "return", xss[i].raw) == 303;
		v2[i] = upload(u->s5, DOCS5, v1[i], xss[i].raw, filename_ext(xss[i].raw), &r);
		e2e_resp_free(&r);
		stored &= v2[i] > 0 && act(u->s5, DOCS5, v2[i], "submit", NULL, NULL) == 303 &&
			  act(u->cur, DOCS5, v2[i], "review", "accept", "") == 303;
		stored &= e2e_count(e, "SELECT count(*) FROM review WHERE document_id = %lld AND comment = %Q",
				    v1[i], xss[i].raw) == 1;
	}
	ok(stored, "returned with a script in the comment, version 2 accepted; comments stored literally");

	xss_page(u->s5, "school", DOCS5, F_TITLE, ALL);
	xss_page(u->s5, "school", UST "sosh-5/audit/", F_NAME | F_COMMENT, ALL);
	xss_page(u->s5, "school", UST "sosh-5/", F_TITLE, ALL);
	xss_page(u->cur, "curator", DOCS5, F_TITLE, ALL);
	for (size_t i = 0; i < NXSS; i++) {
		struct e2e_browser *anon = e2e_browser_new(e);
		const char *cd;

		snprintf(path, sizeof path, DOCS5 "%lld/", v2[i]);
		e2e_b_get(u->s5, path, &r);
		ok(r.status == 200 && has(&r, xss[i].escaped) && has(&r, xss[i].name_esc) &&
		   !has(&r, "<script") && !has(&r, "<img src=x") && !url_js(&r),
		   "school: version page %s: title, file name and comment escaped", path);
		e2e_resp_free(&r);
		xss_page(anon, "anonymous", path, F_TITLE | F_NAME, 1u << i);
		xss_page(anon, "anonymous", UST "sosh-5/", F_TITLE, ALL);
		snprintf(path, sizeof path, DOCS5 "%lld/file", v2[i]);
		e2e_b_get(anon, path, &r);
		cd = e2e_header(&r, "Content-Disposition");
		ok(r.status == 200 && cd && disposition_ok(cd), "download %s: the file name cannot break out of"
		   " Content-Disposition (%s)", path, cd ? cd : "none");
		e2e_resp_free(&r);
		e2e_browser_free(anon);
	}

	for (size_t i = 0; i < NXSS; i++) {
		struct e2e_browser *anon = e2e_browser_new(e);

		e2e_login(anon, xss[i].raw, "whatever-password", &r);
		ok(r.status == 401 && has(&r, xss[i].escaped) && !(strchr(xss[i].raw, '<') && has(&r, xss[i].raw)),
		   "login «%s»: 401, the login shown escaped in the form (got %d)", xss[i].raw, r.status);
		e2e_resp_free(&r);
		e2e_browser_free(anon);
	}
}

/* ---- (b) forged and cross-site POSTs ---- */

enum forge { NO_TOKEN, EMPTY_TOKEN, JUNK_TOKEN, OTHER_SESSION, CROSS_SITE, NO_COOKIE };

static const char *const forge_name[] = {
	"no _csrf", "empty _csrf", "a made-up _csrf", "another session's _csrf",
	"the right _csrf but Sec-Fetch-Site: cross-site", "no lcsrf cookie",
};

enum route { R_LOGIN, R_LOGOUT, R_UPLOAD, R_SUBMIT, R_REVIEW };

/* One forged POST to a route; the form is the genuine one but for its _csrf. */
static int forged(struct e2e *e, struct users *u, enum route route, enum forge f, long long draft5,
		  long long submitted7, struct e2e_resp *r)
{
	static const char *const cross[] = { "Sec-Fetch-Site: cross-site", NULL };
	struct e2e_browser *b = route == R_REVIEW ? u->cur : u->s5, *fresh = NULL;
	const char *token = e2e_csrf(b), *path = NULL;
	char p[128], *form;
	int status;

	if (route == R_LOGIN) {
		struct e2e_resp page;

		b = fresh = e2e_browser_new(e);
		if (f != NO_COOKIE) {
			e2e_b_get(b, "/login", &page);
			e2e_resp_free(&page);
		}
		token = f == NO_COOKIE ? "Y3NyZi10b2tlbi10aGF0LW5vLWNvb2tpZS1ob2xkcw" : e2e_csrf(b);
	}
	switch (f) {
	case NO_TOKEN: token = NULL; break;
	case EMPTY_TOKEN: token = ""; break;
	case JUNK_TOKEN: token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; break;
	case OTHER_SESSION: token = e2e_csrf(route == R_REVIEW ? u->s7 : u->cur); break;
	case CROSS_SITE: case NO_COOKIE: break;
	}
	if (route == R_UPLOAD) {
		struct body body = { 0 };

		if (token)
			field(&body, "_csrf", token);
		field(&body, "type", "other");
		field(&body, "title", "Подделка");
		file(&body, "filename=\"forged.pdf\"", "%PDF-1.4\n% forged\n%%EOF\n", 23);
		end(&body);
		status = e2e_b_raw(b, DOCS5, MULTIPART, body.p, body.len, f == CROSS_SITE ? cross : NULL, r);
		free(body.p);
		return status;
	}
	const char *pairs[12] = { "_csrf", token }, *const *start = token ? pairs : pairs + 2;
	size_t n = 2;

	switch (route) {
	case R_LOGIN:
		path = "/login";
		pairs[n++] = "login", pairs[n++] = "school-sosh-5";
		pairs[n++] = "password", pairs[n++] = e2e_password(e, "school-sosh-5");
		break;
	case R_LOGOUT:
		path = "/logout";
		break;
	case R_SUBMIT:
		snprintf(p, sizeof p, DOCS5 "%lld/submit", draft5);
		path = p;
		break;
	case R_REVIEW:
		snprintf(p, sizeof p, DOCS7 "%lld/review", submitted7);
		path = p;
		pairs[n++] = "verdict", pairs[n++] = "accept";
		break;
	case R_UPLOAD:
		break;
	}
	pairs[n] = NULL;
	form = e2e_form(start);
	status = e2e_b_post(b, path, form ? form : "", f == CROSS_SITE ? cross : NULL, r);
	free(form);
	e2e_browser_free(fresh);
	return status;
}

static void csrf(struct e2e *e, struct users *u, long long draft5, long long submitted7)
{
	static const char *const route_name[] = { "POST /login", "POST /logout", "upload", "submit", "review" };
	struct e2e_resp r;
	struct snap s;

	for (int route = R_LOGIN; route <= R_REVIEW; route++) {
		for (int f = NO_TOKEN; f <= NO_COOKIE; f++) {
			if (f == NO_COOKIE && route != R_LOGIN)
				continue;
			snap_take(e, &s);
			forged(e, u, (enum route)route, (enum forge)f, draft5, submitted7, &r);
			ok(r.status == 403 && snap_same(e, &s), "%s with %s: 403, nothing stored (got %d)",
			   route_name[route], forge_name[f], r.status);
			e2e_resp_free(&r);
			snap_free(&s);
		}
	}
	e2e_b_get(u->s5, "/cabinet/", &r);
	ok(r.status == 200, "after the forged logouts the school is still logged in (got %d)", r.status);
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT status = 'draft' FROM document WHERE id = %lld", draft5) == 1 &&
	   e2e_count(e, "SELECT status = 'submitted' FROM document WHERE id = %lld", submitted7) == 1,
	   "after the forged submits and reviews: states unchanged");
}

/* ---- (c) other schools' documents ---- */

static void idor(struct e2e *e, struct users *u, long long d5s, long long d7, long long d7s, long long dz)
{
	const struct {
		struct e2e_browser *b;
		const char *who, *method, *pre;   /* the path: pre, the id if not 0, post */
		long long id;
		const char *post;
		int want, also;                   /* the status expected (or `also`) */
	} cases[] = {
		{ u->s5,  "school-sosh-5", "GET",    UST "sosh-7/docs/",  0,   "",        403, 403 },
		{ u->s5,  "school-sosh-5", "GET",    UST "sosh-7/audit/", 0,   "",        403, 403 },
		{ u->s5,  "school-sosh-5", "UPLOAD", UST "sosh-7/docs/",  0,   "",        403, 403 },
		{ u->s5,  "school-sosh-5", "GET",    DOCS5,               d7,  "/",       404, 404 },
		{ u->s5,  "school-sosh-5", "GET",    DOCS5,               d7,  "/file",   404, 404 },
		{ u->s5,  "school-sosh-5", "GET",    DOCS7,               d7,  "/",       403, 403 },
		{ u->s5,  "school-sosh-5", "GET",    DOCS7,               d7,  "/file",   403, 403 },
		{ u->s5,  "school-sosh-5", "SUBMIT", DOCS5,               d7,  "/submit", 404, 404 },
		{ u->s5,  "school-sosh-5", "SUBMIT", DOCS7,               d7,  "/submit", 403, 403 },
		{ u->s5,  "school-sosh-5", "REVIEW", DOCS7,               d7s, "/review", 403, 403 },
		{ u->s5,  "school-sosh-5", "REVIEW", DOCS5,               d7s, "/review", 403, 404 },
		{ u->s5,  "school-sosh-5", "REVIEW", DOCS5,               d5s, "/review", 403, 403 },
		{ u->s5,  "school-sosh-5", "GET",    "/review/",          0,   "",        403, 403 },
		{ u->s7,  "school-sosh-7", "SUBMIT", DOCS7,               d5s, "/submit", 404, 404 },
		{ u->s7,  "school-sosh-7", "GET",    DOCS7,               d5s, "/file",   404, 404 },
		{ u->cur, "curator-ust-ilimsk", "REVIEW", DOCS5,          d7s, "/review", 404, 404 },
		{ u->cur, "curator-ust-ilimsk", "REVIEW", DOCS7,          dz,  "/review", 404, 404 },
		{ u->cur, "curator-ust-ilimsk", "GET",    ZHID "docs/",   0,   "",        403, 403 },
		{ u->cur, "curator-ust-ilimsk", "GET",    ZHID "audit/",  0,   "",        403, 403 },
		{ u->cur, "curator-ust-ilimsk", "GET",    ZHID "docs/",   dz,  "/",       403, 403 },
		{ u->cur, "curator-ust-ilimsk", "GET",    ZHID "docs/",   dz,  "/file",   403, 403 },
		{ u->cur, "curator-ust-ilimsk", "REVIEW", ZHID "docs/",   dz,  "/review", 403, 403 },
		{ u->cur, "curator-ust-ilimsk", "GET",    UST "sosh-1/docs/", 0, "",      403, 403 },
		{ u->cur, "curator-ust-ilimsk", "UPLOAD", DOCS5,          0,   "",        403, 403 },
		{ u->zhid, "school-oosh-zhidkinskaya", "GET", DOCS5,      d5s, "/",       403, 403 },
	};
	struct e2e_resp r;
	struct snap s;
	char path[160];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snap_take(e, &s);
		if (cases[i].id)
			snprintf(path, sizeof path, "%s%lld%s", cases[i].pre, cases[i].id, cases[i].post);
		else
			snprintf(path, sizeof path, "%s%s", cases[i].pre, cases[i].post);
		if (strcmp(cases[i].method, "GET") == 0)
			e2e_b_get(cases[i].b, path, &r);
		else if (strcmp(cases[i].method, "UPLOAD") == 0) {
			struct body body = upload_body(e2e_csrf(cases[i].b), 0, "Чужая школа", "filename=\"x.pdf\"");

			e2e_b_raw(cases[i].b, path, MULTIPART, body.p, body.len, NULL, &r);
			free(body.p);
		} else if (strcmp(cases[i].method, "SUBMIT") == 0)
			e2e_b_post_pairs(cases[i].b, path, (const char *const[]){ NULL }, &r);
		else
			e2e_b_post_pairs(cases[i].b, path, (const char *const[]){ "verdict", "accept", "comment", "", NULL }, &r);
		ok((r.status == cases[i].want || r.status == cases[i].also) && !has(&r, "%PDF") && snap_same(e, &s),
		   "%s %s %s: %d, nothing changes (got %d)", cases[i].who, cases[i].method, path, cases[i].want,
		   r.status);
		e2e_resp_free(&r);
		snap_free(&s);
	}

	/* a new version into another school's series, and into a series that does not exist; each
	 * with a file the store has not seen yet */
	for (int k = 0; k < 2; k++) {
		static const char *const own[] = { "%PDF-1.4\n% into sosh-7's series\n%%EOF\n",
						   "%PDF-1.4\n% into no series at all\n%%EOF\n" };
		struct body body = upload_form(e2e_csrf(u->s5), k ? 999999 : d7, "Версия в чужой серии",
					       "filename=\"series.pdf\"", own[k], strlen(own[k]));

		snap_take(e, &s);
		e2e_b_raw(u->s5, DOCS5, MULTIPART, body.p, body.len, NULL, &r);
		ok(r.status == 422 && snap_same(e, &s), "school-sosh-5 uploads a version into %s: 422, nothing"
		   " stored (got %d)", k ? "series 999999, which does not exist" : "sosh-7's series", r.status);
		e2e_resp_free(&r);
		snap_free(&s);
		free(body.p);
	}

	e2e_b_get(u->cur, "/review/", &r);
	snprintf(path, sizeof path, DOCS7 "%lld/", d7s);
	ok(r.status == 200 && has(&r, path) && !has(&r, ZHID), "the curator's queue has sosh-7's document, not Балей's");
	e2e_resp_free(&r);
}

/* ---- (d) SQL metacharacters ---- */

static void sql(struct e2e *e, struct users *u)
{
	static const struct { const char *raw, *escaped; } meta[] = {
		{ "'; DROP TABLE document; --", "&#39;; DROP TABLE document; --" },
		{ "\" OR 1=1 --", "&quot; OR 1=1 --" },
	};
	struct e2e_resp r;
	long long id[2], before = e2e_count(e, "SELECT count(*) FROM document");

	for (size_t i = 0; i < 2; i++) {
		id[i] = upload(u->s5, DOCS5, 0, meta[i].raw, "filename=\"q.pdf\"", &r);
		e2e_resp_free(&r);
		ok(id[i] > 0 && e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld AND title = %Q",
					  id[i], meta[i].raw) == 1, "title «%s»: stored literally", meta[i].raw);
		ok(act(u->s5, DOCS5, id[i], "submit", NULL, NULL) == 303 &&
		   act(u->cur, DOCS5, id[i], "review", "return", meta[1 - i].raw) == 303 &&
		   e2e_count(e, "SELECT count(*) FROM review WHERE document_id = %lld AND comment = %Q",
			     id[i], meta[1 - i].raw) == 1 &&
		   e2e_count(e, "SELECT count(*) FROM audit WHERE document_id = %lld AND action = 'return'"
			     " AND detail = %Q", id[i], meta[1 - i].raw) == 1,
		   "comment «%s»: stored literally in review and audit", meta[1 - i].raw);
	}
	ok(e2e_count(e, "SELECT count(*) FROM document") == before + 2, "the document table is still there, 2 rows more");
	e2e_b_get(u->s5, DOCS5, &r);
	ok(r.status == 200 && has(&r, meta[0].escaped) && has(&r, meta[1].escaped) && !has(&r, "\" OR 1=1"),
	   "the documents page shows both titles and comments literally, escaped");
	e2e_resp_free(&r);
	e2e_b_get(u->s5, UST "sosh-5/audit/", &r);
	ok(r.status == 200 && has(&r, meta[0].escaped) && has(&r, meta[1].escaped), "the audit page shows both comments");
	e2e_resp_free(&r);
	{
		struct e2e_browser *b = e2e_browser_new(e);

		e2e_login(b, "' OR 1=1 --", "' OR '1'='1", &r);
		ok(r.status == 401, "login «' OR 1=1 --» with password «' OR '1'='1»: 401 (got %d)", r.status);
		e2e_resp_free(&r);
		e2e_login(b, "school-sosh-5' --", "x", &r);
		ok(r.status == 401, "login «school-sosh-5' --»: 401 (got %d)", r.status);
		e2e_resp_free(&r);
		e2e_browser_free(b);
	}
}

/* ---- (e) malformed multipart ---- */

enum { WANT_4XX = 0 };

struct mp_case {
	const char *what;
	char *content_type;     /* NULL: MULTIPART */
	struct body body;
	const char *const *headers;
	int want;               /* WANT_4XX or a status */
	const char *text;       /* in the answer's body, or NULL */
};

static struct body repeat_parts(const char *csrf, int n)
{
	struct body b = { 0 };

	field(&b, "_csrf", csrf);
	for (int i = 0; i < n; i++)
		field(&b, "f", "v");
	file(&b, "filename=\"many.pdf\"", pdf, sizeof pdf - 1);
	end(&b);
	return b;
}

/* The form with a file of n bytes, starting %PDF. */
static struct body big_file(const char *csrf, size_t n)
{
	struct body b = { 0 };
	char *data = malloc(n);

	if (data) {
		memset(data, 'x', n);
		memcpy(data, "%PDF-1.4\n", 9);
	}
	field(&b, "_csrf", csrf);
	field(&b, "type", "other");
	field(&b, "title", "Большой файл");
	file(&b, "filename=\"big.pdf\"", data ? data : "", data ? n : 0);
	end(&b);
	free(data);
	return b;
}

/* A status as text, in a static buffer. */
static const char *http_code(int status)
{
	static char s[8];

	snprintf(s, sizeof s, "%d", status);
	return s;
}

static void multipart(struct e2e *e, struct users *u)
{
	const char *csrf = e2e_csrf(u->s5);
	static const char *long_header[2];
	struct mp_case c[16];
	size_t n = 0;
	struct body b;
	char *line;

	{
		struct e2e_resp r;

		e2e_b_get(u->s5, DOCS5, &r);
		ok(r.status == 200 && has(&r, "до 1 МБ"), "the upload form states the limit of this stack, 1 МБ");
		e2e_resp_free(&r);
		csrf = e2e_csrf(u->s5);
	}
	/* no boundary parameter */
	b = upload_body(csrf, 0, "Без границы", "filename=\"a.pdf\"");
	c[n++] = (struct mp_case){ "no boundary", strdup("multipart/form-data"), b, NULL, 400, NULL };
	b = upload_body(csrf, 0, "Чужой тип", "filename=\"a.pdf\"");
	c[n++] = (struct mp_case){ "Content-Type text/plain", strdup("text/plain"), b, NULL, 415, NULL };
	b = upload_body(csrf, 0, "Чужой тип", "filename=\"a.pdf\"");
	c[n++] = (struct mp_case){ "Content-Type urlencoded", strdup("application/x-www-form-urlencoded"), b, NULL,
				   415, NULL };
	b = upload_body(csrf, 0, "Граница не та", "filename=\"a.pdf\"");
	c[n++] = (struct mp_case){ "a boundary not in the body", strdup("multipart/form-data; boundary=other"), b,
				   NULL, 400, NULL };
	/* truncated: the closing delimiter and the end of the file are missing */
	b = upload_body(csrf, 0, "Обрезан", "filename=\"a.pdf\"");
	b.len -= strlen("--" BND "--\r\n") + 20;
	c[n++] = (struct mp_case){ "truncated body", NULL, b, NULL, 400, NULL };
	b = repeat_parts(csrf, 10000);
	c[n++] = (struct mp_case){ "10,000 parts", NULL, b, NULL, 400, NULL };
	/* a 64 KB part header line */
	b = (struct body){ 0 };
	field(&b, "_csrf", csrf);
	puts_(&b, "--" BND "\r\nContent-Disposition: form-data; name=\"title\"; x=\"");
	if ((line = malloc(64 << 10)) != NULL) {
		memset(line, 'a', 64 << 10);
		put(&b, line, 64 << 10);
	}
	puts_(&b, "\"\r\n\r\nt\r\n");
	file(&b, "filename=\"a.pdf\"", pdf, sizeof pdf - 1);
	end(&b);
	c[n++] = (struct mp_case){ "a 64 KB part header line", NULL, b, NULL, 400, NULL };
	/* a 64 KB HTTP header line, for nginx */
	{
		static char hdr[(64 << 10) + 16];

		memcpy(hdr, "X-Long: ", 8);
		memset(hdr + 8, 'a', 64 << 10);
		hdr[8 + (64 << 10)] = '\0';
		long_header[0] = hdr;
	}
	b = upload_body(csrf, 0, "Длинный заголовок", "filename=\"a.pdf\"");
	c[n++] = (struct mp_case){ "a 64 KB HTTP header line", NULL, b, (const char *const *)long_header,
				   WANT_4XX, NULL };
	/* an empty file, no file, a file part without a name */
	b = (struct body){ 0 };
	field(&b, "_csrf", csrf);
	field(&b, "type", "other");
	field(&b, "title", "Пустой");
	file(&b, "filename=\"empty.pdf\"", "", 0);
	end(&b);
	c[n++] = (struct mp_case){ "an empty file", NULL, b, NULL, 422, "Файл пустой" };
	b = (struct body){ 0 };
	field(&b, "_csrf", csrf);
	field(&b, "type", "other");
	field(&b, "title", "Без файла");
	end(&b);
	c[n++] = (struct mp_case){ "no file part", NULL, b, NULL, 422, "Выберите файл документа" };
	b = (struct body){ 0 };
	field(&b, "_csrf", csrf);
	field(&b, "type", "other");
	field(&b, "title", "Файл не выбран");
	file(&b, "filename=\"\"", "", 0);
	end(&b);
	c[n++] = (struct mp_case){ "a file part with filename=\"\"", NULL, b, NULL, 422, "Выберите файл документа" };
	/* two files, bytes after the closing delimiter */
	b = upload_body(csrf, 0, "Два файла", "filename=\"a.pdf\"");
	b.len -= strlen("--" BND "--\r\n");
	file(&b, "filename=\"b.pdf\"", pdf, sizeof pdf - 1);
	end(&b);
	c[n++] = (struct mp_case){ "two file parts", NULL, b, NULL, 400, NULL };
	b = upload_body(csrf, 0, "Хвост", "filename=\"a.pdf\"");
	b.len -= 2;   /* the closing delimiter's CRLF, then a second form */
	puts_(&b, "\r\n--" BND "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nподмена\r\n--" BND "--\r\n");
	c[n++] = (struct mp_case){ "a second form after the closing delimiter", NULL, b, NULL, 400, NULL };
	/* too big: the app's cap is MAX_MB; 1.5 MB reaches the app, 2 MB stops at nginx */
	b = big_file(csrf, (MAX_MB << 20) + (512 << 10));
	c[n++] = (struct mp_case){ "a 1.5 MB file (limit 1 MB)", NULL, b, NULL, 413, "Файл слишком большой" };
	b = big_file(csrf, 2 * (MAX_MB << 20));
	c[n++] = (struct mp_case){ "a 2 MB file (limit 1 MB)", NULL, b, NULL, 413, "лишком большой" };

	for (size_t i = 0; i < n; i++) {
		struct e2e_resp r;
		struct snap s;

		struct e2e_resp health;
		int same;

		snap_take(e, &s);
		e2e_b_raw(u->s5, DOCS5, c[i].content_type ? c[i].content_type : MULTIPART, c[i].body.p,
			  c[i].body.len, c[i].headers, &r);
		same = snap_same(e, &s);
		e2e_get(e, "/healthz", &health);
		ok((c[i].want == WANT_4XX ? client_error(r.status) : r.status == c[i].want) &&
		   (!c[i].text || has(&r, c[i].text)) && same && health.status == 200,
		   "%s (%zu bytes): %s%s%s, nothing stored, /healthz 200 (got %d, /healthz %d)", c[i].what,
		   c[i].body.len, c[i].want ? http_code(c[i].want) : "4xx", c[i].text ? " " : "",
		   c[i].text ? c[i].text : "", r.status, health.status);
		e2e_resp_free(&health);
		e2e_resp_free(&r);
		free(c[i].body.p);
		free(c[i].content_type);
	}
	free(line);
}

/* True once nginx's access log has a line containing `s` (it flushes every second). */
static int access_logged(struct e2e *e, const char *s)
{
	char path[256], line[2048];
	struct timespec pause = { 0, 100 * 1000000L };

	snprintf(path, sizeof path, "%s/logs/access.log", e2e_data_dir(e));
	for (int i = 0; i < 40; i++) {
		FILE *f = fopen(path, "r");
		int found = 0;

		while (f && !found && fgets(line, sizeof line, f))
			found = strstr(line, s) != NULL;
		if (f)
			fclose(f);
		if (found)
			return 1;
		nanosleep(&pause, NULL);
	}
	return 0;
}

/* The delimiter inside the file's data, and a Content-Length larger than the body. */
static void multipart_edges(struct e2e *e, struct users *u)
{
	static const char tricky[] = "%PDF-1.4\n--" BND "\n\r\n--" BND "x\r\n--" BND "-\r\n--" BND
				     "\r\r\n--e2e-boundary\r\n--" BND "\t-\r\n%%EOF\n";
	struct body b = { 0 };
	struct e2e_resp r;
	struct snap s;
	char hex[65], path[256], *req;
	const char *loc;
	long long id = 0;
	struct stat st;

	field(&b, "_csrf", e2e_csrf(u->s5));
	field(&b, "type", "other");
	field(&b, "title", "Граница внутри файла");
	file(&b, "filename=\"tricky.pdf\"", tricky, sizeof tricky - 1);
	end(&b);
	e2e_b_raw(u->s5, DOCS5, MULTIPART, b.p, b.len, NULL, &r);
	free(b.p);
	loc = e2e_header(&r, "Location");
	if (r.status == 303 && loc && strncmp(loc, DOCS5, strlen(DOCS5)) == 0)
		id = strtoll(loc + strlen(DOCS5), NULL, 10);
	e2e_sha256(tricky, sizeof tricky - 1, hex);
	snprintf(path, sizeof path, "%s/files/%.2s/%s", e2e_data_dir(e), hex, hex);
	ok(id > 0 && e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld AND sha256 = %Q AND size = %lld",
			       id, hex, (long long)(sizeof tricky - 1)) == 1 &&
	   stat(path, &st) == 0 && (size_t)st.st_size == sizeof tricky - 1,
	   "the boundary inside the file's data: 303, the file stored intact (got %d)", r.status);
	e2e_resp_free(&r);

	/* Content-Length larger than the body, over a raw connection */
	{
		const char *cookie = NULL;
		char *sid = e2e_cookie(u->s5, "sid");
		size_t len;

		b = upload_body(e2e_csrf(u->s5), 0, "Длина не та", "filename=\"a.pdf\"");
		len = b.len + 4096;
		cookie = sid ? sid : "";
		req = malloc(b.len + 1024);
		if (req) {
			int hl = snprintf(req, 1024, "POST " DOCS5 "?e2e=content-length HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					  "Cookie: sid=%s\r\nContent-Type: " MULTIPART "\r\n"
					  "Content-Length: %zu\r\nConnection: close\r\n\r\n", cookie, len);

			memcpy(req + hl, b.p, b.len);
			snap_take(e, &s);
			e2e_raw(e, req, (size_t)hl + b.len, 10, &r);
			ok((r.status == 0 || client_error(r.status)) && snap_same(e, &s),
			   "Content-Length %zu for a %zu-byte body, then the end of the stream: no success (got %d),"
			   " nothing stored", len, b.len, r.status);
			ok(access_logged(e, "e2e=content-length HTTP/1.1\" 4"),
			   "nginx logs it as a 4xx (it answers a body cut short by closing, not with a page)");
			e2e_resp_free(&r);
			snap_free(&s);
		}
		free(req);
		free(b.p);
		free(sid);
	}
	e2e_get(e, "/healthz", &r);
	ok(r.status == 200, "GET /healthz: 200 after the malformed bodies");
	e2e_resp_free(&r);
}

/* ---- (f) path traversal in file names ---- */

static int foreign;   /* entries under files/ not named <2 hex>/<64 hex> */

static int hexes(const char *s, size_t n)
{
	return strspn(s, "0123456789abcdef") == n && s[n] == '\0';
}

static int check_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	const char *name = path + ftw->base;

	(void)st;
	if (ftw->level == 1 && !(flag == FTW_D && hexes(name, 2)))
		foreign++;
	if (ftw->level == 2 && !(flag == FTW_F && hexes(name, 64) && strncmp(name, path + ftw->base - 3, 2) == 0))
		foreign++;
	if (ftw->level > 2)
		foreign++;
	return 0;
}

static void traversal(struct e2e *e, struct users *u)
{
	static const struct { const char *params, *sent, *kept; } names[] = {
		{ "filename=\"../../etc/passwd\"",       "../../etc/passwd",      "passwd" },
		{ "filename=\"..\\..\\x.pdf\"",          "..\\..\\x.pdf",         "x.pdf" },
		{ "filename=\"/etc/passwd\"",            "/etc/passwd",           "passwd" },
		{ "filename=\"C:\\Windows\\win.ini\"",   "C:\\Windows\\win.ini",  "win.ini" },
		{ "filename*=UTF-8''..%2F..%2Fdata.pdf", "../../data.pdf (RFC 5987)", "data.pdf" },
	};
	struct e2e_resp r;
	char path[256], kept[64];
	struct stat st;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		long long id = upload(u->s5, DOCS5, 0, "Имя с путём", names[i].params, &r);
		const char *cd;

		e2e_resp_free(&r);
		ok(id > 0 && e2e_count(e, "SELECT count(*) FROM document WHERE id = %lld AND orig_name = %Q",
				       id, names[i].kept) == 1,
		   "file name «%s»: stored, its name kept as «%s»", names[i].sent, names[i].kept);
		snprintf(path, sizeof path, DOCS5 "%lld/", id);
		e2e_b_get(u->s5, path, &r);
		snprintf(kept, sizeof kept, "<dd>%s (", names[i].kept);
		ok(r.status == 200 && has(&r, kept) && !has(&r, "../") && !has(&r, "..\\") && !has(&r, "/etc/passwd"),
		   "its page shows the plain name «%s»", names[i].kept);
		e2e_resp_free(&r);
		snprintf(path, sizeof path, DOCS5 "%lld/file", id);
		e2e_b_get(u->s5, path, &r);
		cd = e2e_header(&r, "Content-Disposition");
		ok(r.status == 200 && r.len == sizeof pdf - 1 && cd && !strstr(cd, "..") && !strchr(cd, '/') &&
		   !strstr(cd, "%2F") && !strchr(cd, '\\'), "its download: the PDF, Content-Disposition %s", cd ? cd : "none");
		e2e_resp_free(&r);
	}
	foreign = 0;
	snprintf(path, sizeof path, "%s/files", e2e_data_dir(e));
	nftw(path, check_entry, 16, FTW_PHYS);
	ok(foreign == 0, "files/ holds only <2 hex>/<64 hex> entries (%d others)", foreign);
	snprintf(path, sizeof path, "%s/etc", e2e_data_dir(e));
	ok(stat(path, &st) != 0, "nothing was written to DATA_DIR/etc");
	snprintf(path, sizeof path, "%s/files/x.pdf", e2e_data_dir(e));
	ok(stat(path, &st) != 0 && stat("/tmp/data.pdf", &st) != 0, "nor files/x.pdf, nor /tmp/data.pdf");
	{
		static const char *const bad[] = { "filename=\"..\"", "filename=\"../\"", "filename*=UTF-8''%2E%2E" };

		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			struct snap s;

			snap_take(e, &s);
			upload(u->s5, DOCS5, 0, "Только каталог", bad[i], &r);
			ok(client_error(r.status) && snap_same(e, &s), "file name %s (a directory only): 4xx, nothing"
			   " stored (got %d)", bad[i], r.status);
			e2e_resp_free(&r);
			snap_free(&s);
		}
	}
}

static struct e2e_browser *logged_in(struct e2e *e, const char *login)
{
	struct e2e_browser *b = e2e_browser_new(e);

	ok(e2e_login(b, login, e2e_password(e, login), NULL) == 303, "%s logs in", login);
	return b;
}

int main(void)
{
	static const char *const env[] = { "KACHESTVO_UPLOAD_MAX_MB=1", NULL };
	struct e2e *e = e2e_start_env(env);
	struct users u;
	struct e2e_resp r;
	long long d5, d5s, d7, d7s, dz;

	if (!ok(e != NULL, "portal starts with KACHESTVO_UPLOAD_MAX_MB=%d and answers /healthz", MAX_MB))
		return ok_done();
	u.s5 = logged_in(e, "school-sosh-5");
	u.s7 = logged_in(e, "school-sosh-7");
	u.cur = logged_in(e, "curator-ust-ilimsk");
	u.zhid = logged_in(e, "school-oosh-zhidkinskaya");

	/* the documents the attacks aim at: drafts and submitted ones of three schools */
	d5 = upload(u.s5, DOCS5, 0, "Черновик СОШ № 5", "filename=\"d5.pdf\"", &r);
	e2e_resp_free(&r);
	d5s = upload(u.s5, DOCS5, 0, "На проверке СОШ № 5", "filename=\"d5s.pdf\"", &r);
	e2e_resp_free(&r);
	d7 = upload(u.s7, DOCS7, 0, "Черновик СОШ № 7", "filename=\"d7.pdf\"", &r);
	e2e_resp_free(&r);
	d7s = upload(u.s7, DOCS7, 0, "На проверке СОШ № 7", "filename=\"d7s.pdf\"", &r);
	e2e_resp_free(&r);
	dz = upload(u.zhid, ZHID "docs/", 0, "На проверке Жидкинской ООШ", "filename=\"dz.pdf\"", &r);
	e2e_resp_free(&r);
	ok(d5 > 0 && d5s > 0 && d7 > 0 && d7s > 0 && dz > 0 &&
	   act(u.s5, DOCS5, d5s, "submit", NULL, NULL) == 303 && act(u.s7, DOCS7, d7s, "submit", NULL, NULL) == 303 &&
	   act(u.zhid, ZHID "docs/", dz, "submit", NULL, NULL) == 303,
	   "targets: drafts %lld (sosh-5) and %lld (sosh-7), submitted %lld, %lld and %lld (Балей)", d5, d7, d5s, d7s, dz);

	xss_fields(e, &u);
	csrf(e, &u, d5, d7s);
	idor(e, &u, d5s, d7, d7s, dz);
	sql(e, &u);
	multipart(e, &u);
	multipart_edges(e, &u);
	traversal(e, &u);

	ok(e2e_get(e, "/healthz", &r) == 200, "GET /healthz still 200 after the attacks");
	e2e_resp_free(&r);
	e2e_browser_free(u.s5);
	e2e_browser_free(u.s7);
	e2e_browser_free(u.cur);
	e2e_browser_free(u.zhid);
	e2e_stop(e);
	return ok_done();
}
