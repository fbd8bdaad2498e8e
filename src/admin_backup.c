/*
 * admin_backup.c: kachestvo-admin backup DIR / restore DIR. The database is copied
 * with sqlite3_backup in one step (one read snapshot, so writers go on), then every
 * file the copy refers to is copied and its SHA-256 checked; files are immutable and
 * named by their hash, so the snapshot and the files always agree. Restore checks all
 * of that before it replaces anything, and replaces the database by a rename.
 */
#include "admin_backup.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

enum { PATH_BYTES = 1200 };

/* Copies `from` to `to` (created, mode 0640, fsync'd) and checks its SHA-256 hex
 * against `sha` when not NULL. Returns 0 or -1 with a message printed. */
static int copy_file(const char *from, const char *to, const char *sha)
{
	unsigned char buf[1 << 16], digest[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	crypto_hash_sha256_state st;
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
	ssize_t n;

	crypto_hash_sha256_init(&st);
	if (in < 0 || (out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640)) < 0) {
		admin_fail("cannot copy %s to %s: %s", from, to, strerror(errno));
		goto done;
	}
	while ((n = read(in, buf, sizeof buf)) > 0) {
		crypto_hash_sha256_update(&st, buf, (unsigned long long)n);
		if (write(out, buf, (size_t)n) != n) {
			admin_fail("cannot write %s: %s", to, strerror(errno));
			goto done;
		}
	}
	if (n < 0 || fsync(out) != 0) {
		admin_fail("cannot copy %s: %s", from, strerror(errno));
		goto done;
	}
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	if (sha && strcmp(hex, sha) != 0) {
		admin_fail("%s does not match its SHA-256 (damaged file)", from);
		goto done;
	}
	rc = 0;
done:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		rc = -1;
	return rc;
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0750) != 0 && errno != EEXIST) {
		admin_fail("cannot create %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Copies database `src` (schema "main") into a new file `path` (mode 0640) with the
 * backup API; the copy is one self-contained file (rollback journal, not WAL). */
static int copy_database(sqlite3 *src, const char *path)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc = SQLITE_ERROR;

	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
	    chmod(path, 0640) == 0 && (b = sqlite3_backup_init(dst, "main", src, "main"))) {
		while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
		if (sqlite3_backup_finish(b) != SQLITE_OK ||
		    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
			rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_DONE)
		admin_fail("database copy to %s failed: %s", path, dst ? sqlite3_errmsg(dst) : "no memory");
	sqlite3_close(dst);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Copies every file database `db` refers to from `from_dir`/files to `to_dir`/files,
 * checking each hash; files already in place with the right hash are kept. Counts them
 * into *n. Returns 0 or -1.
 */
static int copy_files(sqlite3 *db, const char *from_dir, const char *to_dir, int *n)
{
	char from[PATH_BYTES], to[PATH_BYTES + 80], shard[PATH_BYTES];
	sqlite3_stmt *st;
	int rc = 0;

	*n = 0;
	snprintf(to, sizeof to, "%s/files", to_dir);
	if (make_dir(to) != 0 ||
	    sqlite3_prepare_v2(db, "SELECT DISTINCT sha256 FROM document WHERE sha256 IS NOT NULL"
				   " AND length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'", -1, &st, NULL) != SQLITE_OK) {
		admin_fail("cannot list the files: %s", sqlite3_errmsg(db));
		return -1;
	}
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(st, 0);

		snprintf(shard, sizeof shard, "%s/files/%.2s", to_dir, sha);
		snprintf(from, sizeof from, "%s/files/%.2s/%s", from_dir, sha, sha);
		snprintf(to, sizeof to, "%s/%s", shard, sha);
		rc = make_dir(shard) != 0 || copy_file(from, to, sha) != 0 ? -1 : 0;
		*n += rc == 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Whether `dir` can take a backup: absent (then created) or empty. */
static int fresh_dir(const char *dir)
{
	char path[PATH_BYTES];
	struct stat s;

	if (mkdir(dir, 0750) == 0)
		return 0;
	snprintf(path, sizeof path, "%s/portal.db", dir);
	if (errno != EEXIST || stat(path, &s) == 0) {
		admin_fail("%s: choose a new or empty directory for the backup", dir);
		return -1;
	}
	return 0;
}

int admin_backup(struct ctx *x, const char *dir)
{
	char path[PATH_BYTES];
	sqlite3 *copy = NULL;
	int nfiles;

	snprintf(path, sizeof path, "%s/portal.db", dir);
	if (fresh_dir(dir) != 0 || copy_database(x->db.h, path) != 0)
		return EXIT_FAIL;
	if (sqlite3_open_v2(path, &copy, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    copy_files(copy, cfg.data_dir, dir, &nfiles) != 0) {
		sqlite3_close(copy);
		return EXIT_FAIL;
	}
	sqlite3_close(copy);
	printf("Резервная копия: %s (база данных и файлов: %d)\n", dir, nfiles);
	return 0;
}

/* Whether the portal of this data dir runs: DATA_DIR/app.pid names a live process. */
static int portal_running(void)
{
	char path[PATH_BYTES];
	long pid = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/app.pid", cfg.data_dir);
	if (!(f = fopen(path, "r")))
		return 0;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = 0;
	fclose(f);
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

/* PRAGMA integrity_check of the database at `path`. */
static int intact(const char *path, sqlite3 **db)
{
	sqlite3_stmt *st = NULL;
	int ok;

	ok = sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	     sqlite3_prepare_v2(*db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
	     sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	if (!ok)
		admin_fail("%s is not an intact database", path);
	return ok;
}

int admin_restore(struct ctx *x, const char *dir)
{
	static const char *const side_files[] = { "-wal", "-shm" };
	char from[PATH_BYTES], tmp[PATH_BYTES], wal[PATH_BYTES + 8];
	sqlite3 *backup = NULL;
	int nfiles, rc = EXIT_FAIL;

	if (portal_running()) {
		admin_fail("the portal of %s is running: stop it first", cfg.data_dir);
		return EXIT_FAIL;
	}
	db_close(&x->db);
	snprintf(from, sizeof from, "%s/portal.db", dir);
	snprintf(tmp, sizeof tmp, "%s.restore", cfg.db_path);
	if (!intact(from, &backup) || copy_files(backup, dir, cfg.data_dir, &nfiles) != 0 ||
	    copy_database(backup, tmp) != 0)
		goto done;
	/* the old database's WAL must not meet the new file: gone first, then the rename */
	for (size_t i = 0; i < sizeof side_files / sizeof side_files[0]; i++) {
		snprintf(wal, sizeof wal, "%s%s", cfg.db_path, side_files[i]);
		if (unlink(wal) != 0 && errno != ENOENT) {
			admin_fail("cannot remove %s: %s", wal, strerror(errno));
			goto done;
		}
	}
	if (rename(tmp, cfg.db_path) != 0) {
		admin_fail("cannot put %s in place: %s", cfg.db_path, strerror(errno));
		goto done;
	}
	printf("Восстановлено из %s: база данных и файлов: %d\n", dir, nfiles);
	rc = 0;
done:
	sqlite3_close(backup);
	unlink(tmp);
	return rc;
}
