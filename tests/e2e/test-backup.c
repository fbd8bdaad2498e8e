/*
 * test-backup.c: `kachestvo-admin backup DIR` while a school uploads documents: the
 * copy is an intact database holding every upload acknowledged before the backup
 * began, with every file it refers to under its SHA-256; `restore` refuses a running
 * portal's data dir, fills a new one, and a portal started on it serves the same
 * documents byte for byte; a second backup into the same directory is refused.
 */
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

#define DOCS "/ust-ilimsk/schools/sosh-5/docs/"

enum { DOCS_MAX = 2048 };

struct writer {
	struct e2e_browser *school;
	long long id[DOCS_MAX];
	char sha[DOCS_MAX][65];
	atomic_size_t n;       /* acknowledged uploads */
	atomic_bool stop;
};

/* Uploads one new PDF; on 303 records its id and hash. */
static void upload_one(struct writer *w, int n)
{
	char pdf[128], title[48];
	struct e2e_resp r;
	size_t k = atomic_load(&w->n);

	if (k >= DOCS_MAX)
		return;
	snprintf(pdf, sizeof pdf, "%%PDF-1.4\n%% backup test %d %ld\ntrailer<<>>\n%%%%EOF\n", n, (long)time(NULL));
	snprintf(title, sizeof title, "Отчёт № %d", n);
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(w->school) },
		{ .name = "type", .value = "report" },
		{ .name = "title", .value = title },
		{ .name = "file", .filename = "report.pdf", .data = pdf, .size = strlen(pdf) },
	};
	int status = e2e_b_upload(w->school, DOCS, parts, sizeof parts / sizeof parts[0], NULL, &r);
	const char *loc = e2e_header(&r, "Location");

	if (status == 303 && loc && strncmp(loc, DOCS, strlen(DOCS)) == 0) {
		w->id[k] = strtoll(loc + strlen(DOCS), NULL, 10);
		e2e_sha256(pdf, strlen(pdf), w->sha[k]);
		atomic_store(&w->n, k + 1);
	}
	e2e_resp_free(&r);
}

static void *write_on(void *arg)
{
	struct writer *w = arg;

	for (int n = 1000; !atomic_load(&w->stop); n++)
		upload_one(w, n);
	return NULL;
}

/* Runs kachestvo-admin CMD DIR on data dir `data`; returns its exit status, output in `out`. */
static int admin(const char *data, const char *cmd, const char *dir, char *out, size_t size)
{
	char line[2048];
	FILE *p;
	size_t used = 0;

	snprintf(line, sizeof line, "KACHESTVO_DATA_DIR='%s' KACHESTVO_MIGRATIONS=db cgi-bin/kachestvo-admin %s '%s' 2>&1",
		 data, cmd, dir);
	if (!(p = popen(line, "r")))
		return -1;
	out[0] = '\0';
	while (used + 1 < size && fgets(out + used, (int)(size - used), p))
		used += strlen(out + used);
	int status = pclose(p);

	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* First column of the first row of `sql` on database `path`, as a number; -1 on error. */
static long long scalar(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_type(st, 0) == SQLITE_TEXT &&
		    strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0 ? 1 : sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Whether file <dir>/files/<sha[0..1]>/<sha> exists and hashes to `sha`. */
static int file_ok(const char *dir, const char *sha)
{
	char path[256], hex[65];
	FILE *f;
	static char buf[1 << 16];
	size_t n;

	snprintf(path, sizeof path, "%s/files/%.2s/%s", dir, sha, sha);
	if (!(f = fopen(path, "rb")))
		return 0;
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	e2e_sha256(buf, n, hex);
	return strcmp(hex, sha) == 0;
}

/* Every upload acknowledged before `before` is in backup db `bk` with its hash and file. */
static int all_in_backup(const struct writer *w, size_t before, const char *bkdir, const char *bkdb)
{
	char sql[256];

	for (size_t i = 0; i < before; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM document WHERE id = %lld AND sha256 = '%s'", w->id[i],
			 w->sha[i]);
		if (scalar(bkdb, sql) != 1 || !file_ok(bkdir, w->sha[i])) {
			printf("# upload %lld (%s) missing from the backup\n", w->id[i], w->sha[i]);
			return 0;
		}
	}
	return 1;
}

/* The restored portal serves the first `n` uploads byte for byte to the school. */
static int served(struct e2e *e, const struct writer *w, size_t n, const char *password)
{
	struct e2e_browser *b = e2e_browser_new(e);
	int good = b && e2e_login(b, "school-sosh-5", password, NULL) == 303;

	for (size_t i = 0; good && i < n; i++) {
		char path[96], hex[65];
		struct e2e_resp r;

		snprintf(path, sizeof path, DOCS "%lld/file", w->id[i]);
		good = e2e_b_get(b, path, &r) == 200;
		if (good) {
			e2e_sha256(r.body, r.len, hex);
			good = strcmp(hex, w->sha[i]) == 0;
		}
		e2e_resp_free(&r);
	}
	e2e_browser_free(b);
	return good;
}

int main(void)
{
	static struct writer w;
	char bkdir[] = "/tmp/kachestvo-backup-XXXXXX", rsdir[] = "/tmp/kachestvo-restore-XXXXXX";
	char bk[64], bkdb[96], out[1024], password[128];
	struct e2e *e = e2e_start();
	pthread_t t;

	if (!ok(e != NULL && mkdtemp(bkdir) && mkdtemp(rsdir), "the stack starts"))
		return ok_done();
	snprintf(bk, sizeof bk, "%s/copy", bkdir);
	snprintf(bkdb, sizeof bkdb, "%s/portal.db", bk);
	snprintf(password, sizeof password, "%s", e2e_password(e, "school-sosh-5"));
	w.school = e2e_browser_new(e);
	ok(e2e_login(w.school, "school-sosh-5", password, NULL) == 303, "the school logs in");
	for (int i = 0; i < 3; i++)
		upload_one(&w, i);
	pthread_create(&t, NULL, write_on, &w);
	usleep(300000);
	size_t before = atomic_load(&w.n);
	int rc = admin(e2e_data_dir(e), "backup", bk, out, sizeof out);
	size_t after = atomic_load(&w.n);

	usleep(300000);
	atomic_store(&w.stop, true);
	pthread_join(t, NULL);
	size_t total = atomic_load(&w.n);

	ok(rc == 0 && strstr(out, "Резервная копия:"), "backup while uploads go on: exit 0 («%.60s»)", out);
	ok(before >= 3 && total > after, "uploads acknowledged: %zu before the backup, %zu during, %zu in all",
	   before, after - before, total);
	ok(scalar(bkdb, "PRAGMA integrity_check") == 1, "the copy passes PRAGMA integrity_check");
	ok(all_in_backup(&w, before, bk, bkdb), "every upload acknowledged before the backup is in it, file and hash");
	long long in_copy = scalar(bkdb, "SELECT count(*) FROM document WHERE type = 'report'");

	ok(in_copy >= (long long)before && in_copy <= (long long)total,
	   "the copy is one moment: %lld reports, between %zu and %zu", in_copy, before, total);
	ok(scalar(bkdb, "SELECT count(*) FROM document d WHERE d.sha256 IS NOT NULL") ==
	   scalar(bkdb, "SELECT count(*) FROM document d WHERE d.sha256 IS NOT NULL AND d.size > 0"),
	   "no half-written document in the copy");

	long long live_docs = e2e_count(e, "SELECT count(*) FROM document");

	ok(admin(e2e_data_dir(e), "restore", bk, out, sizeof out) == 1 && strstr(out, "is running: stop it first") &&
	   e2e_count(e, "SELECT count(*) FROM document") == live_docs, "restore into the running portal: refused, nothing changed");
	ok(admin(e2e_data_dir(e), "backup", bk, out, sizeof out) == 1 && strstr(out, "choose a new or empty directory"),
	   "a second backup into the same directory: refused");
	e2e_stop(e);

	ok(admin(rsdir, "restore", bk, out, sizeof out) == 0 && strstr(out, "Восстановлено из"),
	   "restore into a new data dir: exit 0");
	struct e2e *e2 = e2e_start_in(rsdir);

	ok(e2 != NULL, "a portal starts on the restored data dir");
	if (e2) {
		ok(e2e_count(e2, "SELECT count(*) FROM document WHERE type = 'report'") == in_copy,
		   "it holds the copy's %lld reports", in_copy);
		ok(served(e2, &w, before, password), "it serves every upload from before the backup byte for byte");
		e2e_stop(e2);
	}
	char cmd[160];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", bkdir);
	ok(system(cmd) == 0, "the backup directory is removed");
	return ok_done();
}
