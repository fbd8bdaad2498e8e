/*
 * test-diskfull.c: the data dir on a small tmpfs that is then filled up. An upload
 * gets 507 with the Russian page «На сервере не хватает места…» and a log line, not
 * a crash or a 500; pages are still served; roadmap work on the full disk is either
 * stored (303) or refused with 507, never lost once acknowledged; the database stays
 * intact; with room again the same upload is stored. Needs root (mount), as CI has.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

#define DOCS "/ust-ilimsk/schools/sosh-5/docs/"

static char pdf[2 << 20];

/* Uploads the first `size` bytes of pdf: up to 128 KiB nginx keeps the body in memory
 * and the app meets the full disk; above, nginx's own temporary file does. */
static int upload(struct e2e_browser *b, size_t size, struct e2e_resp *r)
{
	struct e2e_part parts[] = {
		{ .name = "_csrf", .value = e2e_csrf(b) },
		{ .name = "type", .value = "report" },
		{ .name = "title", .value = "Отчёт на полный диск" },
		{ .name = "file", .filename = "report.pdf", .data = pdf, .size = size },
	};

	return e2e_b_upload(b, DOCS, parts, sizeof parts / sizeof parts[0], NULL, r);
}

/* Whether log `name` (app.log, nginx-error.log) holds `needle`. */
static int logged(struct e2e *e, const char *name, const char *needle)
{
	char path[256], line[1024];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "%s/logs/%s", e2e_data_dir(e), name);
	if ((f = fopen(path, "r"))) {
		while (!found && fgets(line, sizeof line, f))
			found = strstr(line, needle) != NULL;
		fclose(f);
	}
	return found;
}

static long long free_bytes(const char *dir)
{
	struct statvfs v;

	return statvfs(dir, &v) == 0 ? (long long)v.f_bavail * (long long)v.f_frsize : -1;
}

/* Marks up to `n` planned occurrences of the municipal roadmap done; counts answers. */
static void work(struct e2e *e, struct e2e_browser *b, int n, int *stored, int *refused, int *other)
{
	char *rows = e2e_query(e, "SELECT o.id, o.item_id FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
				  " JOIN roadmap r ON r.id = i.roadmap_id WHERE r.school_id IS NULL"
				  " AND r.municipality_id = (SELECT id FROM municipality WHERE slug = 'ust-ilimsk')"
				  " AND o.status = 'planned' ORDER BY o.id LIMIT %d", n);

	*stored = *refused = *other = 0;
	for (char *p = rows; p && *p;) {
		long long occ = strtoll(p, &p, 10), item = strtoll(p + 1, &p, 10);
		char path[128];
		struct e2e_resp r;

		p += *p == '\n';
		snprintf(path, sizeof path, "/ust-ilimsk/roadmap/items/%lld/occurrences/%lld/done", item, occ);
		int status = e2e_b_post_pairs(b, path, (const char *const[]){ "note", "На полном диске", NULL }, &r);

		e2e_resp_free(&r);
		if (status == 303)
			*stored += e2e_count(e, "SELECT count(*) FROM occurrence WHERE id = %lld AND status = 'done'", occ) == 1;
		else if (status == 507)
			(*refused)++;
		else if ((*other)++ == 0)
			printf("# %s: %d\n", path, status);
	}
	free(rows);
}

int main(void)
{
	char dir[] = "/tmp/kachestvo-full-XXXXXX", cmd[256];
	struct e2e_resp r;
	int stored, refused, other;

	memcpy(pdf, "%PDF-1.4\n", 9);
	if (!ok(mkdtemp(dir) != NULL, "a mount point"))
		return ok_done();
	snprintf(cmd, sizeof cmd, "mount -t tmpfs -o size=48m tmpfs '%s'", dir);
	if (!ok(system(cmd) == 0, "a 48 MiB tmpfs for the data dir (%s)", cmd))
		return ok_done();
	struct e2e *e = e2e_start_in(dir);

	if (ok(e != NULL, "the stack starts on it")) {
		struct e2e_browser *school = e2e_browser_new(e);

		ok(e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303, "the school logs in");
		/* all but 64 KiB: room for log lines, none for a 100 KiB or a 2 MiB file */
		snprintf(cmd, sizeof cmd, "dd if=/dev/zero of='%s/filler' bs=64k 2>/dev/null;"
			 " truncate -s -64K '%s/filler'; sync", dir, dir);
		int filled = system(cmd) == 0;
		long long left = free_bytes(dir);

		ok(filled && left >= 0 && left <= 128 << 10, "the disk is full but for %lld bytes", left);
		long long docs = e2e_count(e, "SELECT count(*) FROM document");

		ok(upload(school, 100 << 10, &r) == 507 && r.body && strstr(r.body, "На сервере не хватает места") &&
		   strstr(r.body, "изменения не сохранены"),
		   "a 100 KiB upload, which the app writes: 507 with a clear Russian page");
		e2e_resp_free(&r);
		ok(logged(e, "app.log", "not stored, the disk is full or read-only") &&
		   logged(e, "app.log", "No space left on device"), "and a line in the app's log");
		ok(upload(school, sizeof pdf, &r) == 507 && r.body && strstr(r.body, "<h1>Не хватает места на сервере</h1>"),
		   "a 2 MiB upload, which nginx cannot buffer: 507 with the same message");
		e2e_resp_free(&r);
		/* no check of nginx's own log: its temporary file takes the last free bytes before it
		 * writes the line, on the same disk, so that line may be lost (the app's is above) */
		ok(e2e_count(e, "SELECT count(*) FROM document") == docs && e2e_tmp_empty(e),
		   "nothing of it is stored, no temporary file is left");
		ok(e2e_get(e, "/ust-ilimsk/schools/sosh-5/", &r) == 200, "pages are still served");
		e2e_resp_free(&r);
		work(e, school, 40, &stored, &refused, &other);
		ok(other == 0 && stored + refused == 40,
		   "roadmap work on the full disk: %d stored, %d refused with 507, %d other answers", stored, refused, other);
		char *check = e2e_query(e, "PRAGMA integrity_check");

		ok(check && strcmp(check, "ok\n") == 0, "the database is intact");
		free(check);
		snprintf(cmd, sizeof cmd, "%s/filler", dir);
		ok(unlink(cmd) == 0 && upload(school, sizeof pdf, &r) == 303, "with room again the 2 MiB upload is stored");
		e2e_resp_free(&r);
		e2e_browser_free(school);
		e2e_stop(e);
	}
	snprintf(cmd, sizeof cmd, "umount '%s' && rmdir '%s'", dir, dir);
	ok(system(cmd) == 0, "the tmpfs is unmounted");
	return ok_done();
}
