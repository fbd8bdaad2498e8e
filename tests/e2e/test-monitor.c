/*
 * test-monitor.c: monitoring rounds over HTTP against fixture school sites served by
 * a second nginx on 127.0.0.1 (its own config in a temp dir, a self-signed
 * certificate made with openssl): a good site, a stale one, one missing documents
 * with a dead link, 404, 500, a redirect loop, a slow drip, an oversized page,
 * self-signed TLS, a windows-1251 page, a refused port, no URL and a bad one. The
 * round starts with an immediate 303, the portal keeps answering while it runs,
 * each school gets its finding within a bounded time; the second round asks
 * conditionally (304: «не изменилась»); compare and CSV equal the table; access.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

#define MUNI "(SELECT id FROM municipality WHERE slug = 'ust-ilimsk')"
#define SCHOOL(slug) "(SELECT id FROM school WHERE slug = '" slug "' AND municipality_id = " MUNI ")"

static char site_dir[] = "/tmp/kachestvo-sites-XXXXXX";
static int site_port, tls_port;
static pid_t site_pid;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void put(const char *rel, const void *data, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", site_dir, rel);
	for (char *p = strchr(path + strlen(site_dir) + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	if ((f = fopen(path, "wb"))) {
		fwrite(data, 1, n, f);
		fclose(f);
	}
}

static void put_s(const char *rel, const char *text)
{
	put(rel, text, strlen(text));
}

static const char GOOD[] =
	"<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Повышение качества</title></head><body>"
	"<a href=\"docs/shppko.pdf\">Школьная программа повышения качества образования</a>"
	"<a href='docs/koncepciya.pdf'>Концепция развития</a>"
	"<a href=docs/ssp.pdf>Среднесрочная программа развития</a>"
	"<a href=\"/good/docs/antirisk.pdf\">Программа антирисковых мер</a>"
	"<a href=\"/nohead/roadmap.pdf\">Дорожная карта</a>"
	"<a href=\"mailto:school@example.test\">Почта</a><a href=\"/good/news.html\">Новости</a>"
	"</body></html>";

/* Writes the fixture sites and the nginx config, makes the certificate, starts nginx. */
static int sites_start(void)
{
	static const char *const docs[] = { "good/docs/shppko.pdf", "good/docs/koncepciya.pdf", "good/docs/ssp.pdf",
					    "good/docs/antirisk.pdf", "nohead/roadmap.pdf", "stale/docs/shppko.pdf",
					    "missing/prikaz.pdf", "win/p1.pdf" };
	char conf[8192], path[600], cmd[1200];
	struct timeval old[2] = { { time(NULL) - 100 * 86400, 0 }, { time(NULL) - 100 * 86400, 0 } };
	static char big[3 << 20];

	/* readable by nginx's workers, which run as another user when the test is root */
	if (!mkdtemp(site_dir) || chmod(site_dir, 0755) != 0 || (site_port = e2e_free_port()) < 0 || (tls_port = e2e_free_port()) < 0)
		return -1;
	put_s("good/index.html", GOOD);
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
		put_s(docs[i], "%PDF-1.4\n%%EOF\n");
	put_s("stale/index.html", "<html><body><a href=\"docs/shppko.pdf\">ШППКО</a></body></html>");
	snprintf(path, sizeof path, "%s/stale/index.html", site_dir);
	utimes(path, old);
	put_s("missing/index.html", "<html><body><p>Документы скоро будут.<a href=\"prikaz.pdf\">Приказ</a>"
				    "<a href=\"dead-otchet.pdf\">Отчёт</a></body></html>");
	/* windows-1251 (no charset declared by the server), broken markup: an unclosed <p> and <div> */
	put_s("win/index.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
				"</head><body><div><p><a href=\"p1.pdf\">\xd8\xea\xee\xeb\xfc\xed\xe0\xff \xef\xf0\xee\xe3\xf0\xe0\xec"
				"\xec\xe0 \xef\xee\xe2\xfb\xf8\xe5\xed\xe8\xff \xea\xe0\xf7\xe5\xf1\xf2\xe2\xe0</a><p>");
	memset(big, 'x', sizeof big);
	memcpy(big, "<html><body>", 12);
	put("big/index.html", big, sizeof big);
	put("slow/index.html", big, 64 << 10);
	snprintf(cmd, sizeof cmd,
		 "openssl req -x509 -newkey rsa:2048 -nodes -keyout %s/key.pem -out %s/cert.pem -days 2"
		 " -subj /CN=127.0.0.1 >/dev/null 2>&1", site_dir, site_dir);
	if (system(cmd) != 0)
		return -1;
	snprintf(conf, sizeof conf,
		 "daemon off; worker_processes 1; pid %1$s/nginx.pid; error_log %1$s/error.log warn;\n"
		 "events { worker_connections 64; }\n"
		 "http {\n"
		 " default_type text/html; access_log %1$s/access.log;\n"
		 " client_body_temp_path %1$s/t1; proxy_temp_path %1$s/t2; fastcgi_temp_path %1$s/t3;\n"
		 " uwsgi_temp_path %1$s/t4; scgi_temp_path %1$s/t5;\n"
		 " server {\n"
		 "  listen 127.0.0.1:%2$d; root %1$s;\n"
		 "  location /slow/ { limit_rate 1; }\n"
		 "  location /broken/ { return 500; }\n"
		 "  location /loop/ { return 302 /loop/; }\n"
		 "  location /nohead/ { if ($request_method = HEAD) { return 405; } }\n"
		 " }\n"
		 " server { listen 127.0.0.1:%3$d ssl; root %1$s;\n"
		 "  ssl_certificate %1$s/cert.pem; ssl_certificate_key %1$s/key.pem; }\n"
		 "}\n",
		 site_dir, site_port, tls_port);
	put_s("nginx.conf", conf);
	snprintf(path, sizeof path, "%s/nginx.conf", site_dir);
	if ((site_pid = fork()) == 0) {
		execlp("nginx", "nginx", "-e", "/dev/null", "-c", path, "-p", site_dir, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100; i++) {
		snprintf(cmd, sizeof cmd, "%s/nginx.pid", site_dir);
		if (access(cmd, F_OK) == 0)
			return 0;
		usleep(50000);
	}
	return -1;
}

static void sites_stop(void)
{
	char cmd[600];

	if (site_pid > 0) {
		kill(site_pid, SIGQUIT);
		waitpid(site_pid, NULL, 0);
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", site_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", site_dir);
}

static int set_site(struct e2e *e, const char *slug, const char *url)
{
	return e2e_exec(e, "UPDATE school SET website = %Q WHERE slug = %Q AND municipality_id = " MUNI, url, slug);
}

/* Waits (at most `limit` s) for round `id` to leave running; returns its status, malloc'd. */
static char *wait_round(struct e2e *e, long long id, double limit, double *took)
{
	double t0 = now_s();
	char *st = NULL;

	while (now_s() - t0 < limit) {
		free(st);
		st = e2e_query(e, "SELECT status FROM monitor_round WHERE id = %lld", id);
		if (st && strncmp(st, "running", 7) != 0)
			break;
		usleep(100000);
	}
	*took = now_s() - t0;
	return st;
}

/* The finding column `col` of school `slug` in round `id`, malloc'd ("" if none). */
static char *finding(struct e2e *e, long long id, const char *slug, const char *col)
{
	char *s = e2e_query(e, "SELECT %s FROM monitor_finding WHERE round_id = %lld AND school_id ="
			       " (SELECT id FROM school WHERE slug = %Q AND municipality_id = " MUNI ")",
			    col, id, slug);
	for (size_t n = s ? strlen(s) : 0; n && s[n - 1] == '\n'; n--)
		s[n - 1] = '\0';
	return s ? s : strdup("");
}

/* What a round must have found: finding column `col` of school `slug` equals (or,
 * with `part`, contains) `want`. */
struct expectation {
	const char *slug, *col, *want;
	bool part;
};

static const struct expectation round1[] = {
	{ "sosh-5", "outcome", "ok", false },
	{ "sosh-5", "http_status", "200", false },
	{ "sosh-5", "fresh", "yes", false },
	{ "sosh-5", "docs_missing", "", false },
	{ "sosh-5", "docs_found", "concept,midterm,antirisk,roadmap,shppko", false },
	{ "sosh-5", "dead_links", "", false },
	{ "sosh-1", "outcome", "ok", false },
	{ "sosh-1", "fresh", "no", false },
	{ "sosh-7", "outcome", "ok", false },
	{ "sosh-7", "docs_missing", "concept,midterm,antirisk,roadmap,shppko", false },
	{ "sosh-7", "dead_links", "dead-otchet.pdf\t404", true },
	{ "sosh-2", "outcome", "ok", false },
	{ "sosh-2", "docs_found", "shppko", false },
	{ "sosh-2", "docs_missing", "", false },
	{ "sosh-8", "outcome", "http", false },
	{ "sosh-8", "http_status", "404", false },
	{ "sosh-9", "outcome", "http", false },
	{ "sosh-9", "http_status", "500", false },
	{ "sosh-11", "outcome", "redirects", false },
	{ "sosh-12", "outcome", "timeout", false },
	{ "sosh-13", "outcome", "too_big", false },
	{ "sosh-14", "outcome", "tls", false },
	{ "gimnaziya", "outcome", "connect", false },
	{ "sosh-15", "outcome", "no_url", false },
	{ "sosh-17", "outcome", "bad_url", false },
	{ "sosh-5", "changed", "", false },
};

/* The second round asks with If-None-Match / If-Modified-Since: nginx answers 304. */
static const struct expectation round2[] = {
	{ "sosh-5", "outcome", "not_modified", false },
	{ "sosh-5", "http_status", "304", false },
	{ "sosh-5", "changed", "0", false },
	{ "sosh-5", "docs_found", "concept,midterm,antirisk,roadmap,shppko", false },
	{ "sosh-7", "outcome", "not_modified", false },
	{ "sosh-7", "dead_links", "dead-otchet.pdf\t404", true },
};

static void expect_all(struct e2e *e, long long id, const struct expectation *x, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *v = finding(e, id, x[i].slug, x[i].col);

		ok(x[i].part ? strstr(v, x[i].want) != NULL : strcmp(v, x[i].want) == 0, "round %lld, %s: %s %s «%s» (got «%s»)",
		   id, x[i].slug, x[i].col, x[i].part ? "has" : "=", x[i].want, v);
		free(v);
	}
}

static long long start_round(struct e2e_browser *b, const char *kind, int *status, double *took)
{
	const char *form[] = { "kind", kind, NULL };
	struct e2e_resp r;
	double t0 = now_s();
	long long id = 0;
	const char *loc;

	*status = e2e_b_post_pairs(b, "/ust-ilimsk/monitoring/", form, &r);
	*took = now_s() - t0;
	if ((loc = e2e_header(&r, "Location")))
		sscanf(loc, "/ust-ilimsk/monitoring/%lld/", &id);
	e2e_resp_free(&r);
	return id;
}

/* HTML text with the template's escapes undone. */
static void unescape(char *s)
{
	static const char *const from[] = { "&amp;", "&quot;", "&#39;", "&lt;", "&gt;" };
	static const char to[] = { '&', '"', '\'', '<', '>' };
	char *o = s;

	while (*s) {
		size_t k = 0;

		for (; k < 5; k++)
			if (strncmp(s, from[k], strlen(from[k])) == 0)
				break;
		if (k < 5) {
			*o++ = to[k];
			s += strlen(from[k]);
		} else
			*o++ = *s++;
	}
	*o = '\0';
}

/* The cells of the page's findings table joined by ';' per row, '\n' after each (malloc'd). */
static char *table_text(const char *html)
{
	const char *p = strstr(html, "<tbody>"), *end = p ? strstr(p, "</tbody>") : NULL;
	size_t cap = strlen(html) + 1, n = 0;
	char *out = malloc(cap);
	bool in_cell = false;

	if (!p || !end || !out) {
		free(out);
		return strdup("");
	}
	for (; p < end; p++) {
		if (strncmp(p, "<tr>", 4) == 0 && n)
			out[n++] = '\n';
		if (strncmp(p, "<th scope=\"row\">", 16) == 0 || strncmp(p, "<td", 3) == 0) {
			if (strncmp(p, "<td", 3) == 0)
				out[n++] = ';';
			p = strchr(p, '>');
			in_cell = true;
			continue;
		}
		if (strncmp(p, "</t", 3) == 0)
			in_cell = false;
		if (in_cell)
			out[n++] = *p;
	}
	out[n++] = '\n';
	out[n] = '\0';
	unescape(out);
	return out;
}

/* The CSV's data rows as "a;b;c\n" with quoting undone (malloc'd); cells hold no ';' here. */
static char *csv_text(const char *csv)
{
	const char *p = strstr(csv, "\r\n");
	char *out = malloc(strlen(csv) + 1);
	size_t n = 0;
	bool q = false;

	if (!p || !out) {
		free(out);
		return strdup("");
	}
	for (p += 2; *p; p++) {
		if (*p == '"') {
			if (q && p[1] == '"')
				out[n++] = *p++;
			else
				q = !q;
		} else if (*p != '\r')
			out[n++] = *p;
	}
	out[n] = '\0';
	return out;
}

/* The scheduled round: kachestvo-admin monitor, as cron runs it, beside the running portal. */
static void cron_round(struct e2e *e)
{
	char cmd[1200];
	FILE *p;
	char line[256] = "";

	snprintf(cmd, sizeof cmd, "KACHESTVO_DATA_DIR=%s KACHESTVO_MIGRATIONS=db KACHESTVO_MONITOR_TIMEOUT_S=3"
		 " cgi-bin/kachestvo-admin monitor ust-ilimsk 2>&1", e2e_data_dir(e));
	if ((p = popen(cmd, "r"))) {
		if (!fgets(line, sizeof line, p))
			line[0] = '\0';
		ok(pclose(p) == 0 && strstr(line, "(monthly):") && strstr(line, "of 14 school websites reachable"),
		   "kachestvo-admin monitor runs a monthly round (%s)", strtok(line, "\n") ? line : "");
	}
	ok(e2e_count(e, "SELECT count(*) FROM monitor_round WHERE kind = 'monthly' AND status = 'done'"
			" AND started_by IS NULL") == 1, "the scheduled round is stored, started by nobody");
	snprintf(cmd, sizeof cmd, "KACHESTVO_DATA_DIR=%s KACHESTVO_MIGRATIONS=db"
		 " cgi-bin/kachestvo-admin monitor ust-ilimsk weekly >/dev/null 2>&1", e2e_data_dir(e));
	ok(system(cmd) != 0, "an unknown kind is refused");
}

static void access_checks(struct e2e *e)
{
	struct e2e_browser *school = e2e_browser_new(e), *curator = e2e_browser_new(e);
	struct e2e_resp r;
	const char *form[] = { "kind", "entry", NULL };

	ok(e2e_get(e, "/ust-ilimsk/monitoring/", &r) == 303 && strstr(e2e_header(&r, "Location"), "/login"),
	   "anonymous: the rounds page sends to login");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/schools/sosh-5/monitoring/", &r) == 303, "anonymous: a school's findings send to login");
	e2e_resp_free(&r);
	e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL);
	ok(e2e_b_get(school, "/ust-ilimsk/schools/sosh-5/monitoring/", &r) == 200 && strstr(r.body, "Доступна") &&
	   !strstr(r.body, "name=\"website\""), "school admin sees their own findings, no website form");
	e2e_resp_free(&r);
	ok(e2e_b_get(school, "/ust-ilimsk/schools/sosh-7/monitoring/", &r) == 403, "school admin: another school's 403");
	e2e_resp_free(&r);
	ok(e2e_b_get(school, "/ust-ilimsk/monitoring/1/", &r) == 403, "school admin: the round table 403");
	e2e_resp_free(&r);
	e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL);
	ok(e2e_b_get(curator, "/ust-ilimsk/monitoring/1/", &r) == 200 && strstr(r.body, "Результаты проверки"),
	   "curator reads the round");
	e2e_resp_free(&r);
	ok(e2e_b_get(curator, "/ust-ilimsk/monitoring/", &r) == 200 && !strstr(r.body, "Начать раунд"),
	   "curator: no start form");
	e2e_resp_free(&r);
	ok(e2e_b_post_pairs(curator, "/ust-ilimsk/monitoring/", form, &r) == 403, "curator cannot start a round");
	e2e_resp_free(&r);
	ok(e2e_b_get(curator, "/ust-ilimsk/monitoring/999/", &r) == 404, "unknown round 404");
	e2e_resp_free(&r);
	ok(e2e_b_get(curator, "/baley/monitoring/1/", &r) == 403, "another municipality 403");
	e2e_resp_free(&r);
	e2e_browser_free(school);
	e2e_browser_free(curator);
}

static void website_form(struct e2e *e, struct e2e_browser *b)
{
	static const char *const bad[] = { "ftp://school.example.test/", "https://user:pw@school.example.test/",
					   "javascript:alert(1)", "https://school.example.test/a b" };
	struct e2e_resp r;
	const char *path = "/ust-ilimsk/schools/sosh-15/monitoring/website";

	e2e_b_get(b, "/ust-ilimsk/schools/sosh-15/monitoring/", &r);
	ok(r.status == 200 && strstr(r.body, "name=\"website\""), "coordinator sees the website form");
	e2e_resp_free(&r);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *form[] = { "website", bad[i], NULL };

		ok(e2e_b_post_pairs(b, path, form, &r) == 422 && strstr(r.body, "http:// или https://") &&
		   !strstr(r.body, "<script"), "website %s refused with a message", bad[i]);
		e2e_resp_free(&r);
	}
	const char *good[] = { "website", "https://school15.example.test/kachestvo/", NULL };

	ok(e2e_b_post_pairs(b, path, good, &r) == 303, "a good website is stored (303)");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM school WHERE website = 'https://school15.example.test/kachestvo/'") == 1 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'school_website' AND school_id = " SCHOOL("sosh-15")) == 1,
	   "website changed with its audit row");
}

int main(void)
{
	static const char *const env[] = { "KACHESTVO_MONITOR_TIMEOUT_S=3", "KACHESTVO_MONITOR_CONNECT_S=2",
					   "KACHESTVO_MONITOR_MAX_KB=1024", "KACHESTVO_MONITOR_PARALLEL=4", NULL };
	char url[200];
	struct e2e *e;
	struct e2e_browser *b;
	struct e2e_resp r;
	int status;
	double took, waited;

	if (sites_start() != 0) {
		ok(0, "fixture sites started");
		sites_stop();
		return ok_done();
	}
	if (!(e = e2e_start_env(env))) {
		ok(0, "stack started");
		sites_stop();
		return ok_done();
	}
	static const struct { const char *slug, *site; } map[] = {
		{ "sosh-5", "good/" }, { "nok", "good/" }, { "sosh-7", "missing/" }, { "sosh-1", "stale/" },
		{ "sosh-2", "win/" }, { "sosh-8", "gone/" }, { "sosh-9", "broken/" }, { "sosh-11", "loop/" },
		{ "sosh-12", "slow/" }, { "sosh-13", "big/" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		snprintf(url, sizeof url, "http://127.0.0.1:%d/%s", site_port, map[i].site);
		set_site(e, map[i].slug, url);
	}
	snprintf(url, sizeof url, "https://127.0.0.1:%d/good/", tls_port);
	set_site(e, "sosh-14", url);
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", e2e_free_port());
	set_site(e, "gimnaziya", url);
	set_site(e, "sosh-15", NULL);
	set_site(e, "sosh-17", "ftp://127.0.0.1/");

	b = e2e_browser_new(e);
	e2e_login(b, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL);
	e2e_b_get(b, "/ust-ilimsk/monitoring/", &r);
	ok(r.status == 200 && strstr(r.body, "Начать раунд") && strstr(r.body, "Ежемесячная проверка актуальности"),
	   "coordinator: the rounds page with the start form");
	e2e_resp_free(&r);
	e2e_b_get(b, "/ust-ilimsk/dashboard/", &r);
	ok(r.status == 200 && strstr(r.body, "/ust-ilimsk/monitoring/"), "the dashboard links to monitoring");
	e2e_resp_free(&r);
	const char *bad_kind[] = { "kind", "weekly", NULL };

	ok(e2e_b_post_pairs(b, "/ust-ilimsk/monitoring/", bad_kind, &r) == 422, "unknown kind 422");
	e2e_resp_free(&r);

	long long r1 = start_round(b, "entry", &status, &took);

	ok(status == 303 && r1 > 0 && took < 1.5, "start answers 303 at once (%.2f s) to round %lld", took, r1);
	ok(e2e_get(e, "/healthz", &r) == 200, "the portal answers while the round runs");
	e2e_resp_free(&r);
	e2e_b_get(b, "/ust-ilimsk/monitoring/1/", &r);
	ok(r.status == 200 && strstr(r.body, "Идёт проверка"), "the round page shows it running");
	e2e_resp_free(&r);
	int st2;
	double t2;

	ok(start_round(b, "final", &st2, &t2) == 0 && st2 == 409, "a second round while one runs: 409");
	char *s = wait_round(e, r1, 40, &waited);

	ok(s && strncmp(s, "done", 4) == 0 && waited < 30, "round 1 done within a bounded time (%.1f s)", waited);
	free(s);
	expect_all(e, r1, round1, sizeof round1 / sizeof round1[0]);
	ok(e2e_count(e, "SELECT count(*) FROM outbox o JOIN user u ON u.id = o.user_id"
			" WHERE o.kind = 'monitoring' AND u.login = 'school-sosh-5'"
			" AND o.body_text LIKE '%%/schools/sosh-5/monitoring/%%' AND o.body_text LIKE '%%Сайт: %%'") == 1,
	   "the round's findings are queued as an e-mail to each school's administrator, with the link");
	char *fresh = e2e_body(e, b, "/ust-ilimsk/freshness/", NULL), *row = fresh ? strstr(fresh, "schools/sosh-5/") : NULL;
	char *end = row ? strstr(row, "</tr>") : NULL, *cell = row ? strstr(row, "<td>Да</td>") : NULL;

	if (!cell && row)
		cell = strstr(row, "<td>Нет</td>") ? strstr(row, "<td>Нет</td>") : strstr(row, "<td>Нет данных</td>");
	ok(fresh && strstr(fresh, "последний мониторинг (") && cell && end && cell < end,
	   "the freshness list shows beside each school what the round found on its site");
	free(fresh);

	long long r2 = start_round(b, "interim", &status, &took);

	s = wait_round(e, r2, 40, &waited);
	ok(status == 303 && s && strncmp(s, "done", 4) == 0, "round 2 done (%.1f s)", waited);
	free(s);
	expect_all(e, r2, round2, sizeof round2 / sizeof round2[0]);

	char path[200];

	snprintf(path, sizeof path, "/ust-ilimsk/monitoring/%lld/?compare=%lld", r2, r1);
	e2e_b_get(b, path, &r);
	ok(r.status == 200 && strstr(r.body, "Доступна, не изменилась") && strstr(r.body, "Раунд № 1: доступность") &&
	   strstr(r.body, "Слишком много перенаправлений") && strstr(r.body, "Ошибка сертификата"),
	   "round 2 compared with round 1: labels and the compare columns");
	char *table = table_text(r.body);

	e2e_resp_free(&r);
	snprintf(path, sizeof path, "/ust-ilimsk/monitoring/%lld/export.csv?compare=%lld", r2, r1);
	e2e_b_get(b, path, &r);
	char *csv = r.status == 200 ? csv_text(r.body) : strdup("-");

	ok(strcmp(table, csv) == 0 && strlen(table) > 100, "the CSV equals the table as shown");
	if (strcmp(table, csv) != 0)
		printf("# table:\n%s\n# csv:\n%s\n", table, csv);
	free(table);
	free(csv);
	e2e_resp_free(&r);
	snprintf(path, sizeof path, "/ust-ilimsk/monitoring/%lld/export.xlsx", r2);
	ok(e2e_b_get(b, path, &r) == 200 && r.len > 1000 && memcmp(r.body, "PK", 2) == 0, "XLSX export");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'monitor_start'") == 2 &&
	   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'monitor_done'") == 2, "audit: two starts, two ends");

	cron_round(e);
	access_checks(e);
	website_form(e, b);
	e2e_browser_free(b);
	e2e_stop(e);
	sites_stop();
	return ok_done();
}
