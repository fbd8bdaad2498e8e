/*
 * main.c: startup (config, migrations, templates), the pool of accept threads,
 * the request loop, the mail thread, and a deliberate shutdown on SIGTERM/SIGINT.
 * `kachestvo.fcgi --migrate` applies the migrations and exits.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>
#include <fcgiapp.h>
#include <fcgios.h>

#include "auth.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "monitor.h"
#include "mail_send.h"
#include "route.h"
#include "schedule.h"
#include "tpl.h"
#include "worker.h"

enum {
	ARENA_FIRST = 256 << 10,   /* one chunk serves a typical page */
	ARENA_CAP = 32 << 20,      /* a request needing more is refused */
	THREADS_MAX = 64,
};

static int listen_fd = -1;
static pthread_mutex_t accept_lock = PTHREAD_MUTEX_INITIALIZER;

static enum http_method method_of(const char *m)
{
	if (!m)
		return M_OTHER;
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

static const char *param_or(FCGX_Request *fr, const char *name, const char *fallback)
{
	const char *v = FCGX_GetParam(name, fr->envp);

	return v ? v : fallback;
}

/* CONTENT_LENGTH as a number; -1 when absent, empty or not a plain decimal. */
static long content_length(const char *s)
{
	long n = 0;

	if (*s == '\0' || strlen(s) > 12)
		return *s ? -1 : 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

/* One request: parse, dispatch, write once. */
static void serve_one(struct worker *w, FCGX_Request *fr)
{
	struct req rq;
	struct resp rs;
	char vi[4];

	memset(&rq, 0, sizeof rq);
	rq.w = w;
	rq.arena = &w->arena;
	rq.in = fr->in;
	rq.method_name = param_or(fr, "REQUEST_METHOD", "");
	rq.method = method_of(rq.method_name);
	rq.id = param_or(fr, "REQUEST_ID", "-");
	rq.cookies = param_or(fr, "HTTP_COOKIE", "");
	rq.addr = param_or(fr, "REMOTE_ADDR", "");
	rq.content_type = param_or(fr, "CONTENT_TYPE", "");
	rq.content_length = content_length(param_or(fr, "CONTENT_LENGTH", ""));
	rq.fetch_site = param_or(fr, "HTTP_SEC_FETCH_SITE", "");
	rq.https = strcmp(param_or(fr, "HTTPS", ""), "on") == 0;
	rq.no_cache = strstr(param_or(fr, "HTTP_CACHE_CONTROL", ""), "no-cache") != NULL;
	rq.vi = http_cookie(rq.cookies, "vi", vi, sizeof vi) && strcmp(vi, "1") == 0;
	http_resp_init(&rs, &w->arena);
	route_dispatch(&rq, &rs, param_or(fr, "REQUEST_URI", "/"), param_or(fr, "QUERY_STRING", ""));
	http_reply(&rs, rq.method == M_HEAD, fr->out);
	if (cfg.log_debug)
		log_event(LOG_INFO, rq.id, "http", "%s %s %d", rq.method_name, rq.path, rs.status);
}

/*
 * Ends a request. libfcgi's own close half-shuts the socket and then waits for
 * nginx to close its side, keeping the thread idle for a round trip. Once the
 * request's input has been read to its end nothing unread can turn the close into
 * a reset, so the connection is closed at once (libfcgi's "detached" close).
 */
static void finish(FCGX_Request *fr)
{
	char sink[4096];

	while (FCGX_GetStr(sink, sizeof sink, fr->in) > 0)
		;
	if (FCGX_HasSeenEOF(fr->in) == EOF)
		fr->detached = 1;
	FCGX_Finish_r(fr);
}

static void *worker_run(void *arg)
{
	struct worker *w = arg;
	FCGX_Request fr;

	if (FCGX_InitRequest(&fr, listen_fd, 0) != 0)
		return NULL;
	for (;;) {
		pthread_mutex_lock(&accept_lock);   /* as in libfcgi's threaded.c */
		int rc = FCGX_Accept_r(&fr);
		pthread_mutex_unlock(&accept_lock);
		if (rc < 0)
			break;
		serve_one(w, &fr);
		finish(&fr);
		arena_reset(&w->arena);             /* the one release of request memory */
	}
	FCGX_Free(&fr, 1);
	return NULL;
}

static int migrate_only(void)
{
	struct db db;
	int rc;

	if (db_open(&db, cfg.db_path, true) != DB_OK)
		return 1;
	/* the empty transaction's commit indexes what other programs (db/seed.sh) queued */
	rc = db_migrate(&db, cfg.migrations) == DB_OK && schedule_pending(&db) >= 0 && monitor_recover(&db) == 0 &&
	     db_begin(&db) == DB_OK && db_commit(&db) == DB_OK ? 0 : 1;
	db_close(&db);
	return rc;
}

/* Removes what a killed run left in tmp/: uploads it never stored. Nothing else
 * writes there, and no request is running yet. */
static void clean_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1000];
	int n = 0;

	if (!d)
		return;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, "upload-", 7) == 0) {
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			n += unlink(path) == 0;
		}
	closedir(d);
	if (n)
		log_info("main", "removed %d unfinished uploads from %s", n, dir);
}

/* The data directory's tmp/ (uploads in progress, emptied) and files/ (stored documents). */
static int ensure_dirs(void)
{
	static const char *const sub[] = { "tmp", "files" };
	char path[700];

	for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", cfg.data_dir, sub[i]);
		if (mkdir(path, 0750) != 0 && errno != EEXIST) {
			log_err("main", "cannot create %s: %s", path, strerror(errno));
			return -1;
		}
	}
	snprintf(path, sizeof path, "%s/tmp", cfg.data_dir);
	clean_tmp(path);
	return 0;
}

static long thread_count(void)
{
	long n = cfg.threads;

	if (n == 0) {
		n = 2 * sysconf(_SC_NPROCESSORS_ONLN);
		if (n < 2)
			n = 2;
		if (n > THREADS_MAX)
			n = THREADS_MAX;
	}
	return n;
}

/* Threads blocked in accept() do not notice SIGTERM: shutting the listening
 * socket down makes every accept() return, then each thread finishes its request. */
static void wait_for_stop(void)
{
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigwait(&set, &sig);
	log_info("main", "signal %d: stopping", sig);
	FCGX_ShutdownPending();
	shutdown(listen_fd, SHUT_RDWR);
}

static int serve(void)
{
	/* libmagic reads at most this much of an upload: the formats are known by their start */
	static const size_t magic_bytes = 1 << 20;
	static struct worker workers[THREADS_MAX];
	pthread_t threads[THREADS_MAX];
	long n = thread_count(), started = 0;
	sigset_t set;
	int rc = 1;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, NULL);   /* inherited by every worker */

	/* libcurl's global state (monitoring rounds' threads) is set up before any thread */
	if (FCGX_Init() != 0 || auth_init() != 0 || tpl_init(cfg.templates) != TPL_OK ||
	    ensure_dirs() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return 1;
	unlink(cfg.socket_path);
	if ((listen_fd = FCGX_OpenSocket(cfg.socket_path, 128)) < 0) {
		log_err("main", "cannot listen on %s", cfg.socket_path);
		goto out;
	}
	chmod(cfg.socket_path, 0660);
	for (; started < n; started++) {
		struct worker *w = &workers[started];

		if (db_open(&w->db, cfg.db_path, false) != DB_OK ||
		    arena_init(&w->arena, ARENA_FIRST, ARENA_CAP) != 0 ||
		    !(w->magic = magic_open(MAGIC_MIME_TYPE)) || magic_load(w->magic, NULL) != 0 ||
		    magic_setparam(w->magic, MAGIC_PARAM_BYTES_MAX, &magic_bytes) != 0 ||
		    pthread_create(&threads[started], NULL, worker_run, w) != 0) {
			log_err("main", "cannot start worker %ld", started);
			break;
		}
	}
	if (started == n && mail_send_start() == 0) {
		log_info("main", "serving on %s with %ld threads", cfg.socket_path, n);
		wait_for_stop();
		mail_send_stop();
		rc = 0;
	} else {
		FCGX_ShutdownPending();
		shutdown(listen_fd, SHUT_RDWR);
	}
	for (long i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	for (long i = 0; i <= started && i < n; i++) {
		if (workers[i].db.h)
			db_close(&workers[i].db);
		if (workers[i].arena.first)
			arena_free(&workers[i].arena);
		if (workers[i].magic)
			magic_close(workers[i].magic);
		cache_clear(&workers[i]);
	}
	close(listen_fd);
	unlink(cfg.socket_path);
out:
	curl_global_cleanup();
	tpl_shutdown();
	OS_LibShutdown();
	return rc;
}

int main(int argc, char **argv)
{
	if (config_load() != 0)
		return 2;
	if (argc == 2 && strcmp(argv[1], "--migrate") == 0)
		return migrate_only();
	if (argc != 1) {
		fprintf(stderr, "usage: %s [--migrate]\n", argv[0]);
		return 2;
	}
	if (migrate_only() != 0)
		return 1;
	return serve();
}
