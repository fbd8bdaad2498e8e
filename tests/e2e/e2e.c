/* e2e.c: starts and stops sh src/run.sh on a temp dir and a free port, and talks HTTP to it with libcurl. */
#define _XOPEN_SOURCE 700 /* nftw() */

#include "e2e.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>

struct e2e {
	pid_t pid;      /* sh src/run.sh, leader of its own process group */
	int reaped;     /* run.sh has exited and been waited for */
	int ready;      /* /healthz has answered 200 */
	int port;
	char dir[64];   /* DATA_DIR */
	CURL *curl;
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

/* A port nobody listens on right now: bind port 0, read it back, close. */
static int free_port(void)
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

struct e2e *e2e_start(void)
{
	struct e2e *e = calloc(1, sizeof *e);
	struct e2e_resp r;

	if (!e)
		return NULL;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	strcpy(e->dir, "/tmp/kachestvo-e2e-XXXXXX");
	if ((e->port = free_port()) < 0 || !mkdtemp(e->dir) || !(e->curl = curl_easy_init())) {
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

int e2e_request(struct e2e *e, const char *method, const char *path, const char *cookie,
		struct e2e_resp *r)
{
	struct growbuf body = { 0 }, head = { 0 };
	char url[32];
	char *target;
	long status = 0;
	CURL *c = e->curl;
	CURLcode rc;

	memset(r, 0, sizeof *r);
	snprintf(url, sizeof url, "http://127.0.0.1:%d", e->port);
	if (!(target = malloc(strlen(url) + strlen(path) + 1)))
		return 0;
	strcat(strcpy(target, url), path);
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, target);
	curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &head);
	if (cookie)
		curl_easy_setopt(c, CURLOPT_COOKIE, cookie);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	else if (strcmp(method, "POST") == 0)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
	else if (strcmp(method, "GET") != 0)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if ((rc = curl_easy_perform(c)) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	else if (strcmp(path, "/healthz") != 0 || e->ready)
		printf("# e2e: %s %.80s: %s\n", method, path, curl_easy_strerror(rc));
	free(target);
	r->status = (int)status;
	r->body = body.p ? body.p : calloc(1, 1);
	r->len = body.len;
	r->headers = head.p ? head.p : calloc(1, 1);
	r->hlen = head.len;
	if ((r->lines = malloc(r->hlen + 1)) != NULL) {
		memcpy(r->lines, r->headers, r->hlen + 1);
		for (size_t i = 0; i < r->hlen; i++)
			if (r->lines[i] == '\r' || r->lines[i] == '\n')
				r->lines[i] = '\0';
	}
	return r->status;
}

int e2e_get(struct e2e *e, const char *path, struct e2e_resp *r)
{
	return e2e_request(e, "GET", path, NULL, r);
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
