/* e2e.c: starts and stops sh src/run.sh on a temp dir and a free port, and talks HTTP to it with libcurl. */
#define _XOPEN_SOURCE 700 /* nftw() */

#include "e2e.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sodium.h>
#include <sqlite3.h>

struct e2e {
	pid_t pid;      /* sh src/run.sh, leader of its own process group */
	int reaped;     /* run.sh has exited and been waited for */
	int ready;      /* /healthz has answered 200 */
	int port;
	char dir[64];   /* DATA_DIR */
	CURL *curl;
	const char *const *env;   /* extra NAME=value settings for run.sh, until it has started */
	char *accounts;           /* demo-accounts.txt, read on first use, fields split by NULs */
	size_t accounts_len;
};

struct e2e_browser {
	struct e2e *e;
	CURL *curl;               /* its own handle: its own cookie jar */
	char csrf[128];           /* the last _csrf field seen */
};

struct growbuf {
	char *p;
	size_t len;
};

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

int e2e_free_port(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

/* Prints the last n lines of a file as TAP comments. */
static void print_tail(const char *path, int n)
{
	FILE *f = fopen(path, "r");
	char *lines[64] = { 0 }, *line = NULL;
	size_t cap = 0;
	int count = 0;

	if (!f)
		return;
	if (n > 64)
		n = 64;
	printf("# --- %s\n", path);
	while (getline(&line, &cap, f) >= 0) {
		free(lines[count % n]);
		lines[count % n] = strdup(line);
		count++;
	}
	for (int i = count > n ? count - n : 0; i < count; i++) {
		printf("# %s", lines[i % n]);
		if (!strchr(lines[i % n], '\n'))
			putchar('\n');
	}
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(line);
	fclose(f);
}

static void print_logs(const struct e2e *e)
{
	static const char *const logs[] = { "run.log", "logs/app.log", "logs/nginx-error.log" };
	char path[128];

	for (size_t i = 0; i < sizeof logs / sizeof logs[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", e->dir, logs[i]);
		print_tail(path, 20);
	}
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* True once run.sh has exited. */
static int reap(struct e2e *e)
{
	if (!e->reaped && waitpid(e->pid, NULL, WNOHANG) == e->pid)
		e->reaped = 1;
	return e->reaped;
}

/* SIGTERM to run.sh's process group; SIGKILL after 10 s; returns once the whole group is gone. */
static void stop_servers(struct e2e *e)
{
	kill(-e->pid, SIGTERM);
	for (int i = 0; i < 200; i++) {
		if (reap(e) && kill(-e->pid, 0) < 0 && errno == ESRCH)
			return;
		sleep_ms(50);
	}
	printf("# e2e: servers still running after 10 s, sending SIGKILL\n");
	kill(-e->pid, SIGKILL);
	if (!e->reaped)
		waitpid(e->pid, NULL, 0);
}

static void cleanup(struct e2e *e)
{
	nftw(e->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	curl_easy_cleanup(e->curl);
	free(e->accounts);
	free(e);
}

static void spawn_run_sh(const struct e2e *e)
{
	char port[16], log[128];
	int fd;

	setpgid(0, 0);
	snprintf(port, sizeof port, "%d", e->port);
	snprintf(log, sizeof log, "%s/run.log", e->dir);
	setenv("PORT", port, 1);
	setenv("DATA_DIR", e->dir, 1);
	for (const char *const *v = e->env; v && *v; v++)
		putenv((char *)*v);   /* the child's own environment, exec'd just below */
	if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		_exit(127);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	if ((fd = open("/dev/null", O_RDONLY)) >= 0)
		dup2(fd, STDIN_FILENO);
	execlp("sh", "sh", "src/run.sh", (char *)NULL);
	_exit(127);
}

/* Starts run.sh with `env` on data dir `dir`, or on a new temp dir when `dir` is NULL. */
static struct e2e *start(const char *const *env, const char *dir)
{
	struct e2e *e = calloc(1, sizeof *e);
	struct e2e_resp r;

	if (!e || (dir && strlen(dir) >= sizeof e->dir)) {
		free(e);
		return NULL;
	}
	e->env = env;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	strcpy(e->dir, dir ? dir : "/tmp/kachestvo-e2e-XXXXXX");
	if ((e->port = e2e_free_port()) < 0 || (!dir && !mkdtemp(e->dir)) || !(e->curl = curl_easy_init())) {
		printf("# e2e: no port, temp dir or curl handle: %s\n", strerror(errno));
		free(e);
		return NULL;
	}
	fflush(stdout);
	if ((e->pid = fork()) < 0) {
		cleanup(e);
		return NULL;
	}
	if (e->pid == 0)
		spawn_run_sh(e);
	setpgid(e->pid, e->pid);
	for (int i = 0; i < 600; i++) {
		int status = e2e_get(e, "/healthz", &r);

		e2e_resp_free(&r);
		if (status == 200) {
			e->ready = 1;
			e->env = NULL;
			return e;
		}
		if (reap(e))
			break;
		sleep_ms(100);
	}
	printf("# e2e: the portal did not answer GET /healthz with 200 on port %d\n", e->port);
	stop_servers(e);
	print_logs(e);
	cleanup(e);
	return NULL;
}

struct e2e *e2e_start(void)
{
	return start(NULL, NULL);
}

struct e2e *e2e_start_env(const char *const *env)
{
	return start(env, NULL);
}

struct e2e *e2e_start_in(const char *dir)
{
	return start(NULL, dir);
}

static size_t collect(char *data, size_t size, size_t n, void *arg)
{
	struct growbuf *b = arg;
	char *p = realloc(b->p, b->len + size * n + 1);

	if (!p)
		return 0;
	memcpy(p + b->len, data, size * n);
	b->len += size * n;
	p[b->len] = '\0';
	b->p = p;
	return size * n;
}

/* One transfer under way: what comes back, and where it goes. */
struct call {
	struct growbuf body, head;
	char *target;
	struct curl_slist *headers;
};

/* Resets the handle and points it at path; the caller adds its options, then call_end(). */
static int call_begin(const struct e2e *e, CURL *c, const char *path, struct call *k)
{
	char url[32];

	memset(k, 0, sizeof *k);
	snprintf(url, sizeof url, "http://127.0.0.1:%d", e->port);
	if (!(k->target = malloc(strlen(url) + strlen(path) + 1)))
		return -1;
	strcat(strcpy(k->target, url), path);
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, k->target);
	curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &k->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &k->head);
	return 0;
}

/* Adds header lines to the call; extra is NULL or NULL-terminated. */
static void call_headers(struct call *k, const char *const *extra)
{
	for (; extra && *extra; extra++)
		k->headers = curl_slist_append(k->headers, *extra);
}

/* Splits the header block into NUL-terminated lines for e2e_header(). */
static void resp_fill(struct e2e_resp *r, struct call *k, long status)
{
	r->status = (int)status;
	r->body = k->body.p ? k->body.p : calloc(1, 1);
	r->len = k->body.len;
	r->headers = k->head.p ? k->head.p : calloc(1, 1);
	r->hlen = k->head.len;
	if ((r->lines = malloc(r->hlen + 1)) != NULL) {
		memcpy(r->lines, r->headers, r->hlen + 1);
		for (size_t i = 0; i < r->hlen; i++)
			if (r->lines[i] == '\r' || r->lines[i] == '\n')
				r->lines[i] = '\0';
	}
}

static int call_end(const struct e2e *e, CURL *c, const char *method, const char *path,
		    struct call *k, struct e2e_resp *r)
{
	long status = 0;
	CURLcode rc;

	if (k->headers)
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, k->headers);
	if ((rc = curl_easy_perform(c)) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	else if (strcmp(path, "/healthz") != 0 || e->ready)
		printf("# e2e: %s %.80s: %s\n", method, path, curl_easy_strerror(rc));
	curl_slist_free_all(k->headers);
	free(k->target);
	resp_fill(r, k, status);
	return r->status;
}

int e2e_request(struct e2e *e, const char *method, const char *path, const char *cookie,
		struct e2e_resp *r)
{
	struct call k;
	CURL *c = e->curl;

	memset(r, 0, sizeof *r);
	if (call_begin(e, c, path, &k) != 0)
		return 0;
	if (cookie)
		curl_easy_setopt(c, CURLOPT_COOKIE, cookie);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	else if (strcmp(method, "POST") == 0)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
	else if (strcmp(method, "GET") != 0)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	return call_end(e, c, method, path, &k, r);
}

int e2e_get(struct e2e *e, const char *path, struct e2e_resp *r)
{
	return e2e_request(e, "GET", path, NULL, r);
}

int e2e_get_with(struct e2e *e, const char *path, const char *const *headers, struct e2e_resp *r)
{
	struct call k;

	memset(r, 0, sizeof *r);
	if (call_begin(e, e->curl, path, &k) != 0)
		return 0;
	call_headers(&k, headers);
	return call_end(e, e->curl, "GET", path, &k, r);
}

const char *e2e_header(const struct e2e_resp *r, const char *name)
{
	size_t n = strlen(name);

	if (!r->lines)
		return NULL;
	for (const char *p = r->lines; p < r->lines + r->hlen; p += strlen(p) + 1) {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			p += n + 1;
			return p + strspn(p, " \t");
		}
	}
	return NULL;
}

void e2e_resp_free(struct e2e_resp *r)
{
	free(r->body);
	free(r->headers);
	free(r->lines);
	memset(r, 0, sizeof *r);
}

int e2e_finish(struct e2e *e)
{
	static const char *const reports[] = { "ERROR: AddressSanitizer", "runtime error:", "LeakSanitizer" };
	char path[128], *line = NULL;
	size_t cap = 0;
	int clean = 1;
	FILE *f;

	if (!e)
		return 0;
	stop_servers(e);
	snprintf(path, sizeof path, "%s/logs/app.log", e->dir);
	if ((f = fopen(path, "r")) != NULL) {
		while (clean && getline(&line, &cap, f) >= 0) {
			for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
				if (strstr(line, reports[i]))
					clean = 0;
			if (strstr(line, "ERROR SUMMARY: ") && !strstr(line, "ERROR SUMMARY: 0 "))
				clean = 0;   /* valgrind, when the app ran under APP_WRAP=valgrind */
		}
		free(line);
		fclose(f);
	}
	if (!clean)
		print_tail(path, 60);
	cleanup(e);
	return clean;
}

int e2e_port(const struct e2e *e)
{
	return e->port;
}

const char *e2e_data_dir(const struct e2e *e)
{
	return e->dir;
}

/* The whole file, malloc'd and NUL-terminated; NULL if unreadable. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct growbuf b = { 0 };
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (collect(chunk, 1, n, &b) != n)
			break;
	fclose(f);
	return b.p ? b.p : calloc(1, 1);
}

const char *e2e_password(struct e2e *e, const char *login)
{
	char path[128];
	const char *end;

	if (!e->accounts) {
		snprintf(path, sizeof path, "%s/demo-accounts.txt", e->dir);
		if (!(e->accounts = slurp(path)))
			return NULL;
		e->accounts_len = strlen(e->accounts);
		for (char *p = e->accounts; *p; p++)   /* TAB-separated fields, one account a line */
			if (*p == '\t' || *p == '\n')
				*p = '\0';
	}
	/* now: login NUL password NUL role NUL scope NUL note NUL, account after account */
	end = e->accounts + e->accounts_len;
	for (const char *p = e->accounts; p < end; ) {
		const char *name = p, *password;

		p += strlen(p) + 1;
		if (p >= end)
			break;
		password = p;
		for (int i = 0; i < 4 && p < end; i++)
			p += strlen(p) + 1;
		if (strcmp(name, login) == 0)
			return password;
	}
	return NULL;
}

int e2e_raw(struct e2e *e, const char *request, size_t len, int timeout_s, struct e2e_resp *r)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((unsigned short)e->port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct timeval tv = { timeout_s, 0 };
	struct call k;
	char chunk[4096], *end, *sp;
	long status = 0;
	ssize_t n;
	int fd;

	memset(r, 0, sizeof *r);
	memset(&k, 0, sizeof k);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return 0;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
		for (size_t off = 0; off < len; off += (size_t)n)
			if ((n = send(fd, request + off, len - off, MSG_NOSIGNAL)) <= 0)
				break;
		shutdown(fd, SHUT_WR);
		while ((n = recv(fd, chunk, sizeof chunk, 0)) > 0)
			collect(chunk, 1, (size_t)n, &k.body);
	}
	close(fd);
	/* split "HTTP/1.1 NNN …\r\nheaders\r\n\r\nbody" */
	if (k.body.p && (end = strstr(k.body.p, "\r\n\r\n")) != NULL) {
		size_t hlen = (size_t)(end - k.body.p) + 4;

		k.head.p = strndup(k.body.p, hlen);
		k.head.len = hlen;
		memmove(k.body.p, k.body.p + hlen, k.body.len - hlen + 1);
		k.body.len -= hlen;
		if (strncmp(k.head.p, "HTTP/1.", 7) == 0 && (sp = strchr(k.head.p, ' ')) != NULL)
			status = strtol(sp + 1, NULL, 10);
	}
	resp_fill(r, &k, status);
	return r->status;
}

/* ---- browsers ---- */

struct e2e_browser *e2e_browser_new(struct e2e *e)
{
	struct e2e_browser *b = calloc(1, sizeof *b);

	if (!b)
		return NULL;
	b->e = e;
	if (!(b->curl = curl_easy_init())) {
		free(b);
		return NULL;
	}
	curl_easy_setopt(b->curl, CURLOPT_COOKIEFILE, "");   /* the in-memory cookie engine */
	return b;
}

void e2e_browser_free(struct e2e_browser *b)
{
	if (!b)
		return;
	curl_easy_cleanup(b->curl);
	free(b);
}

const char *e2e_csrf(const struct e2e_browser *b)
{
	return b->csrf;
}

char *e2e_cookie(struct e2e_browser *b, const char *name)
{
	struct curl_slist *list = NULL;
	char *value = NULL;

	if (curl_easy_getinfo(b->curl, CURLINFO_COOKIELIST, &list) != CURLE_OK)
		return NULL;
	/* Netscape format: domain, flag, path, secure, expiry, name, value, TAB-separated */
	for (struct curl_slist *l = list; l && !value; l = l->next) {
		const char *p = l->data;

		for (int i = 0; i < 5 && p; i++)
			if ((p = strchr(p, '\t')) != NULL)
				p++;
		if (p && strncmp(p, name, strlen(name)) == 0 && p[strlen(name)] == '\t')
			value = strdup(p + strlen(name) + 1);
	}
	curl_slist_free_all(list);
	return value;
}

static int b_begin(struct e2e_browser *b, const char *path, struct call *k, struct e2e_resp *r)
{
	memset(r, 0, sizeof *r);
	if (call_begin(b->e, b->curl, path, k) != 0)
		return -1;
	curl_easy_setopt(b->curl, CURLOPT_COOKIEFILE, "");
	return 0;
}

/* Performs the call and remembers the page's _csrf field, if it has one. */
static int b_end(struct e2e_browser *b, const char *method, const char *path, struct call *k,
		 struct e2e_resp *r)
{
	static const char field[] = "name=\"_csrf\" value=\"";
	const char *p;

	call_end(b->e, b->curl, method, path, k, r);
	if ((p = strstr(r->body, field)) != NULL) {
		p += sizeof field - 1;
		size_t n = strcspn(p, "\"");

		if (n < sizeof b->csrf) {
			memcpy(b->csrf, p, n);
			b->csrf[n] = '\0';
		}
	}
	return r->status;
}

int e2e_b_get(struct e2e_browser *b, const char *path, struct e2e_resp *r)
{
	struct call k;

	if (b_begin(b, path, &k, r) != 0)
		return 0;
	return b_end(b, "GET", path, &k, r);
}

int e2e_b_raw(struct e2e_browser *b, const char *path, const char *content_type, const void *body,
	      size_t len, const char *const *extra, struct e2e_resp *r)
{
	struct call k;
	char ct[256];

	if (b_begin(b, path, &k, r) != 0)
		return 0;
	snprintf(ct, sizeof ct, "Content-Type:%s%s", content_type ? " " : "",
		 content_type ? content_type : "");
	call_headers(&k, (const char *const[]){ ct, "Expect:", NULL });
	call_headers(&k, extra);
	curl_easy_setopt(b->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(b->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(b->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	return b_end(b, "POST", path, &k, r);
}

int e2e_b_post(struct e2e_browser *b, const char *path, const char *form, const char *const *extra,
	       struct e2e_resp *r)
{
	return e2e_b_raw(b, path, "application/x-www-form-urlencoded", form, strlen(form), extra, r);
}

int e2e_b_upload(struct e2e_browser *b, const char *path, const struct e2e_part *parts, size_t n,
		 const char *const *extra, struct e2e_resp *r)
{
	struct call k;
	curl_mime *mime;
	int status;

	if (b_begin(b, path, &k, r) != 0 || !(mime = curl_mime_init(b->curl)))
		return 0;
	for (size_t i = 0; i < n; i++) {
		curl_mimepart *part = curl_mime_addpart(mime);

		curl_mime_name(part, parts[i].name);
		if (parts[i].filename) {
			curl_mime_data(part, parts[i].size ? parts[i].data : "", parts[i].size);
			curl_mime_filename(part, parts[i].filename);
			curl_mime_type(part, "application/octet-stream");
		} else
			curl_mime_data(part, parts[i].value, CURL_ZERO_TERMINATED);
	}
	call_headers(&k, (const char *const[]){ "Expect:", NULL });
	call_headers(&k, extra);
	curl_easy_setopt(b->curl, CURLOPT_MIMEPOST, mime);
	status = b_end(b, "POST", path, &k, r);
	curl_mime_free(mime);
	return status;
}

char *e2e_form(const char *const *pairs)
{
	static const char hex[] = "0123456789ABCDEF";
	struct growbuf b = { 0 };

	collect("", 1, 0, &b);
	for (size_t i = 0; pairs[i] && pairs[i + 1]; i += 2) {
		if (i)
			collect("&", 1, 1, &b);
		collect((char *)pairs[i], 1, strlen(pairs[i]), &b);
		collect("=", 1, 1, &b);
		for (const unsigned char *v = (const unsigned char *)pairs[i + 1]; *v; v++) {
			char esc[3] = { '%', hex[*v >> 4], hex[*v & 15] };

			if ((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
			    (*v >= '0' && *v <= '9') || strchr("-._~", *v))
				collect((char *)v, 1, 1, &b);
			else
				collect(esc, 1, 3, &b);
		}
	}
	return b.p;
}

int e2e_b_post_pairs(struct e2e_browser *b, const char *path, const char *const *pairs, struct e2e_resp *r)
{
	const char *all[16] = { "_csrf", e2e_csrf(b) };
	size_t n = 2;
	char *form;
	int status;

	for (; *pairs && n < 14; pairs += 2) {
		all[n++] = pairs[0];
		all[n++] = pairs[1];
	}
	form = e2e_form(all);
	status = e2e_b_post(b, path, form, NULL, r);
	free(form);
	return status;
}

int e2e_login(struct e2e_browser *b, const char *login, const char *password, struct e2e_resp *r)
{
	struct e2e_resp page;
	char *form;
	int status;

	e2e_b_get(b, "/login", &page);
	e2e_resp_free(&page);
	form = e2e_form((const char *const[]){ "_csrf", b->csrf, "login", login,
					       "password", password ? password : "", "next", "", NULL, NULL });
	status = e2e_b_post(b, "/login", form ? form : "", NULL, r ? r : &page);
	if (!r)
		e2e_resp_free(&page);
	free(form);
	if (status == 303) {
		e2e_b_get(b, "/cabinet/", &page);
		e2e_resp_free(&page);
	}
	return status;
}

/* ---- database and files ---- */

static char *vquery(struct e2e *e, int first_only, const char *fmt, va_list ap)
{
	char path[128], *sql = sqlite3_vmprintf(fmt, ap);
	struct growbuf out = { 0 };
	sqlite3_stmt *st = NULL;
	sqlite3 *db = NULL;
	int rc = SQLITE_ERROR;

	snprintf(path, sizeof path, "%s/portal.db", e->dir);
	if (sql && sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);

				if (i)
					collect("|", 1, 1, &out);
				if (v)
					collect((char *)v, 1, strlen(v), &out);
			}
			collect("\n", 1, 1, &out);
			if (first_only) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	if (rc != SQLITE_DONE) {
		printf("# e2e: SQL %s: %s\n", sql ? sql : fmt, db ? sqlite3_errmsg(db) : "no memory");
		free(out.p);
		out.p = NULL;
	} else if (!out.p)
		out.p = calloc(1, 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	sqlite3_free(sql);
	return out.p;
}

long long e2e_count(struct e2e *e, const char *fmt, ...)
{
	va_list ap;
	char *row, *end;
	long long n;

	va_start(ap, fmt);
	row = vquery(e, 1, fmt, ap);
	va_end(ap);
	if (!row)
		return -1;
	n = strtoll(row, &end, 10);
	if (end == row)
		n = -1;
	free(row);
	return n;
}

char *e2e_query(struct e2e *e, const char *fmt, ...)
{
	va_list ap;
	char *rows;

	va_start(ap, fmt);
	rows = vquery(e, 0, fmt, ap);
	va_end(ap);
	return rows;
}

long long e2e_tally_drift(struct e2e *e)
{
	return e2e_count(e,
		"WITH fresh AS (SELECT i.roadmap_id, o.due_on, o.status, count(*) AS n"
		"  FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
		"  WHERE i.removed_at IS NULL GROUP BY 1, 2, 3)"
		" SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM roadmap_tally))"
		" + (SELECT count(*) FROM (SELECT * FROM roadmap_tally EXCEPT SELECT * FROM fresh))"
		" + (SELECT count(*) FROM roadmap r WHERE live_items <> (SELECT count(*) FROM roadmap_item i"
		"    WHERE i.roadmap_id = r.id AND i.removed_at IS NULL))");
}

int e2e_exec(struct e2e *e, const char *fmt, ...)
{
	char path[128], *sql;
	sqlite3 *db = NULL;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	snprintf(path, sizeof path, "%s/portal.db", e->dir);
	rc = sql && sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	     sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
	     sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) == SQLITE_OK &&
	     sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
	if (!rc)
		printf("# e2e: SQL %s: %s\n", sql ? sql : fmt, db ? sqlite3_errmsg(db) : "no memory");
	sqlite3_close(db);
	sqlite3_free(sql);
	return rc;
}

static int nfiles;

static int count_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)path, (void)st, (void)ftw;
	if (flag == FTW_F)
		nfiles++;
	return 0;
}

int e2e_files(struct e2e *e, const char *sub)
{
	char path[128];

	snprintf(path, sizeof path, "%s/%s", e->dir, sub);
	nfiles = 0;
	return nftw(path, count_entry, 16, FTW_PHYS) == 0 ? nfiles : -1;
}

int e2e_tmp_empty(struct e2e *e)
{
	for (int i = 0; i < 40; i++) {
		if (e2e_files(e, "tmp") == 0)
			return 1;
		sleep_ms(50);
	}
	return 0;
}

void e2e_sha256(const void *data, size_t n, char hex[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, data, n);
	sodium_bin2hex(hex, 65, digest, sizeof digest);
}

void e2e_hidden(const char *body, const char *name, char *out, size_t size)
{
	char key[64];
	const char *p;

	snprintf(key, sizeof key, "name=\"%s\" value=\"", name);
	p = strstr(body, key);
	out[0] = '\0';
	if (p) {
		p += strlen(key);
		size_t n = strcspn(p, "\"");

		snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), p);
	}
}

char *e2e_body(struct e2e *e, struct e2e_browser *b, const char *path, int *status)
{
	struct e2e_resp r;
	int s = b ? e2e_b_get(b, path, &r) : e2e_get(e, path, &r);
	char *body = r.body;

	r.body = NULL;
	e2e_resp_free(&r);
	if (status)
		*status = s;
	return body;
}

long e2e_app_pid(struct e2e *e)
{
	char path[128];
	long pid = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/app.pid", e->dir);
	if ((f = fopen(path, "r"))) {
		if (fscanf(f, "%ld", &pid) != 1)
			pid = 0;
		fclose(f);
	}
	return pid;
}
