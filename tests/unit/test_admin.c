/*
 * test_admin.c: the kachestvo-admin command run against a temp data dir (each role;
 * refused roles, scopes, passwords and duplicates; passwd, disable, enable, list,
 * demo-users; role changes and refused ones), the audit rows every change leaves, the audit log's append-only
 * triggers, and the audit readers of db_audit.c. The sanitizer build of this test
 * runs the sanitizer build of the command (build/san/kachestvo-admin).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "auth.h"
#include "db.h"
#include "db_audit.h"
#include "db_user.h"
#include "tap.h"

static char dir[] = "/tmp/kachestvo-admin-XXXXXX";
static const char *admin_bin;
static char out[16384];

/*
 * Runs `admin_bin args` with `input` and a newline on stdin (nothing when NULL);
 * stdout goes to `out`, stderr to <dir>/stderr.log. Returns the exit status, or -1.
 */
static int admin(const char *input, const char *args)
{
	char cmd[4096];
	FILE *p;
	size_t n;
	int status;

	if (input)
		snprintf(cmd, sizeof cmd, "printf '%%s\\n' '%s' | %s %s 2>>%s/stderr.log", input,
			 admin_bin, args, dir);
	else
		snprintf(cmd, sizeof cmd, "%s %s </dev/null 2>>%s/stderr.log", admin_bin, args, dir);
	if (!(p = popen(cmd, "r")))
		return -1;
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int64_t count(struct db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int64_t audit_count(struct db *db, const char *action)
{
	return count(db, "SELECT count(*) FROM audit WHERE action = ?1", action);
}

static int64_t school_id(struct db *db, const char *muni, const char *slug)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT s.id FROM school s JOIN municipality m ON m.id ="
		 " s.municipality_id WHERE m.slug = '%s' AND s.slug = ?1", muni);
	return count(db, sql, slug);
}

static bool exists(struct db *db, struct arena *a, const char *login)
{
	struct user u;

	return db_user_by_login(db, a, login, &u) == DB_OK;
}

static void add_session(struct db *db, int64_t user_id)
{
	unsigned char hash[AUTH_HASH_LEN];

	randombytes_buf(hash, sizeof hash);
	db_session_add(db, hash, user_id, "csrf", (int64_t)time(NULL));
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	static char buf[2][8192];
	static int which;
	char *b = buf[which ^= 1];
	size_t n;

	if (!f)
		return NULL;
	n = fread(b, 1, sizeof buf[0] - 1, f);
	b[n] = '\0';
	fclose(f);
	return b;
}

/* The line of `out` that starts with `login` and a blank, without its newline. */
static const char *list_line(const char *login)
{
	static char line[512];
	size_t n = strlen(login);

	for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, login, n) == 0 && p[n] == ' ') {
			snprintf(line, sizeof line, "%.*s", (int)strcspn(p, "\n"), p);
			return line;
		}
	return NULL;
}

static void test_add(struct db *db, struct arena *a)
{
	struct user u;

	ok(admin("admin-pass-1", "user add root-admin --role admin --name 'Администратор'") == 0 &&
	   db_user_by_login(db, a, "root-admin", &u) == DB_OK && strcmp(u.role, "admin") == 0 &&
	   u.municipality_id == 0 && u.school_id == 0 && !u.disabled &&
	   strcmp(u.name, "Администратор") == 0 && auth_password_ok(u.pass_hash, "admin-pass-1"),
	   "user add: admin, no scope, password hashed");
	ok(admin("coord-pass-1", "user add coord-test --role coordinator --name 'Координатор'"
		 " --municipality izhevsk") == 0 &&
	   db_user_by_login(db, a, "coord-test", &u) == DB_OK && strcmp(u.role, "coordinator") == 0 &&
	   u.municipality_slug && strcmp(u.municipality_slug, "izhevsk") == 0 && u.school_id == 0,
	   "user add: coordinator of a municipality");
	ok(admin("school-pass-1", "user add school-test --role school --name 'Директор'"
		 " --school ust-ilimsk/sosh-2") == 0 &&
	   db_user_by_login(db, a, "school-test", &u) == DB_OK && strcmp(u.role, "school") == 0 &&
	   u.school_slug && strcmp(u.school_slug, "sosh-2") == 0 &&
	   strcmp(u.municipality_slug, "ust-ilimsk") == 0,
	   "user add: school administrator; the municipality comes from the school");
	ok(admin("mail-pass-1", "user add mail-test --role coordinator --name 'Почта' --municipality izhevsk"
		 " --email coord@izhevsk.example") == 0 &&
	   count(db, "SELECT count(*) FROM user WHERE login = 'mail-test' AND email = ?1", "coord@izhevsk.example") == 1,
	   "user add --email stores the address");
	ok(admin("mail-pass-2", "user add mail-bad --role coordinator --name 'Почта' --municipality izhevsk"
		 " --email 'a@b.ru, c@d.ru'") == 2, "user add --email refuses a bad address (usage error)");
	ok(admin("curator-pass-1", "user add curator-test --role curator --name 'Куратор'"
		 " --schools ust-ilimsk/sosh-5,ust-ilimsk/sosh-7") == 0 &&
	   db_user_by_login(db, a, "curator-test", &u) == DB_OK && strcmp(u.role, "curator") == 0 &&
	   strcmp(u.municipality_slug, "ust-ilimsk") == 0 &&
	   count(db, "SELECT count(*) FROM curator_school c JOIN user u ON u.id = c.user_id"
		 " WHERE u.login = ?1", "curator-test") == 2,
	   "user add: curator of two schools, curator_school rows, municipality from the schools");
	ok(db_user_in_scope(db, &u, school_id(db, "ust-ilimsk", "sosh-7"), u.municipality_id) &&
	   !db_user_in_scope(db, &u, school_id(db, "ust-ilimsk", "sosh-1"), u.municipality_id),
	   "the curator's scope is the assigned schools");
	ok(admin("curator-pass-2", "user add curator-muni --role curator --name 'Куратор 2'"
		 " --municipality baley --schools baley/sosh-14") == 0 &&
	   db_user_by_login(db, a, "curator-muni", &u) == DB_OK &&
	   strcmp(u.municipality_slug, "baley") == 0,
	   "user add: curator with --municipality and --schools of that municipality");
	ok(strstr(out, "curator-muni") != NULL, "user add reports the new account");
}

static void test_refusals(struct db *db, struct arena *a)
{
	char input[400];

	ok(admin("good-pass-1", "user add bad-role --role boss --name X") == 2 &&
	   !exists(db, a, "bad-role"), "an unknown role is a usage error");
	ok(admin("good-pass-1", "user add no-school --role school --name X") == 2 &&
	   !exists(db, a, "no-school"), "school without --school is a usage error");
	ok(admin("good-pass-1", "user add no-muni --role coordinator --name X") == 2 &&
	   !exists(db, a, "no-muni"), "coordinator without --municipality is a usage error");
	ok(admin("good-pass-1", "user add no-scope --role curator --name X") == 2 &&
	   !exists(db, a, "no-scope"), "curator without --municipality or --schools is a usage error");
	ok(admin("good-pass-1", "user add admin-muni --role admin --name X --municipality baley") == 2 &&
	   !exists(db, a, "admin-muni"), "admin with a scope is a usage error");
	ok(admin("good-pass-1", "user add no-name --role admin") == 2 && !exists(db, a, "no-name"),
	   "a missing --name is a usage error");
	ok(admin("good-pass-1", "user add 'bad login' --role admin --name X") == 2,
	   "a login with a blank is a usage error");
	ok(admin("good-pass-1", "user frobnicate x") == 2 && admin(NULL, "") == 2,
	   "an unknown command is a usage error");
	ok(admin("good-pass-1", "user add two-munis --role curator --name X"
		 " --schools ust-ilimsk/sosh-5,baley/sosh-14") == 1 &&
	   !exists(db, a, "two-munis"), "curated schools from two municipalities are refused");
	ok(admin("good-pass-1", "user add other-muni --role curator --name X --municipality izhevsk"
		 " --schools baley/sosh-14") == 1 && !exists(db, a, "other-muni"),
	   "a curated school outside --municipality is refused");
	ok(admin("good-pass-1", "user add no-such --role school --name X --school ust-ilimsk/sosh-999")
	   == 1 && !exists(db, a, "no-such"), "an unknown school is refused");
	ok(admin("good-pass-1", "user add no-such --role coordinator --name X --municipality atlantis")
	   == 1 && !exists(db, a, "no-such"), "an unknown municipality is refused");
	ok(admin("short", "user add short-pw --role admin --name X") == 1 && !exists(db, a, "short-pw"),
	   "a password under %d bytes is refused", AUTH_PASS_MIN);
	memset(input, 'a', AUTH_PASS_MAX + 1);
	input[AUTH_PASS_MAX + 1] = '\0';
	ok(admin(input, "user add long-pw --role admin --name X") == 1 && !exists(db, a, "long-pw"),
	   "a password over %d bytes is refused", AUTH_PASS_MAX);
	input[AUTH_PASS_MAX] = '\0';
	ok(admin(input, "user add max-pw --role admin --name X") == 0 && exists(db, a, "max-pw"),
	   "a password of exactly %d bytes is taken", AUTH_PASS_MAX);
	ok(admin(NULL, "user add no-pw --role admin --name X") == 1 && !exists(db, a, "no-pw"),
	   "no password on stdin is refused");
	ok(admin("good-pass-1", "user add root-admin --role admin --name X") == 1 &&
	   admin("good-pass-1", "user add ROOT-ADMIN --role admin --name X") == 1 &&
	   count(db, "SELECT count(*) FROM user WHERE login = ?1", "root-admin") == 1,
	   "a duplicate login is refused, case-insensitively");
}

static void test_passwd_disable(struct db *db, struct arena *a)
{
	struct user u;
	const char *old;
	const char *sessions = "SELECT count(*) FROM session x JOIN user u ON u.id = x.user_id"
			       " WHERE u.login = ?1";

	db_user_by_login(db, a, "school-test", &u);
	old = u.pass_hash;
	add_session(db, u.id);
	ok(count(db, sessions, "school-test") == 1, "a session exists before passwd");
	ok(admin("new-password-2", "user passwd school-test") == 0 &&
	   db_user_by_login(db, a, "school-test", &u) == DB_OK && strcmp(u.pass_hash, old) != 0 &&
	   auth_password_ok(u.pass_hash, "new-password-2") &&
	   !auth_password_ok(u.pass_hash, "school-pass-1"),
	   "passwd: a new hash for the new password, the old password fails");
	ok(count(db, sessions, "school-test") == 0, "passwd ends the account's sessions");
	ok(admin("new-password-2", "user passwd nobody-here") == 1, "passwd of an unknown login fails");
	ok(admin("short", "user passwd school-test") == 1 &&
	   db_user_by_login(db, a, "school-test", &u) == DB_OK &&
	   auth_password_ok(u.pass_hash, "new-password-2"),
	   "passwd refuses a short password and keeps the old one");

	add_session(db, u.id);
	ok(admin(NULL, "user disable school-test") == 0 &&
	   db_user_by_login(db, a, "school-test", &u) == DB_OK && u.disabled,
	   "disable: the account shows disabled");
	ok(count(db, sessions, "school-test") == 0, "disable ends the account's sessions");
	ok(admin(NULL, "user disable school-test") == 0, "disabling twice is harmless");
	ok(admin(NULL, "user list") == 0 && list_line("root-admin") && list_line("coord-test") &&
	   list_line("school-test") && list_line("curator-test") && list_line("curator-muni"),
	   "list shows every login");
	const char *l = list_line("school-test");
	ok(l && strstr(l, "ust-ilimsk/sosh-2") && strstr(l, "да"),
	   "list shows the school scope and the disabled flag");
	l = list_line("curator-test");
	ok(l && strstr(l, "ust-ilimsk: sosh-5,sosh-7") && !strstr(l, "да"),
	   "list shows a curator's schools");
	ok(admin(NULL, "user enable school-test") == 0 &&
	   db_user_by_login(db, a, "school-test", &u) == DB_OK && !u.disabled,
	   "enable: the account is usable again");
	ok(admin(NULL, "user disable nobody-here") == 1, "disable of an unknown login fails");
}

static void test_demo(struct db *db, struct arena *a)
{
	char path[300], line[1024];
	struct stat sb;
	int lines = 0, good = 0;
	int64_t users;
	FILE *f;
	char *first, *second;

	snprintf(path, sizeof path, "%s/demo-accounts.txt", dir);
	ok(admin(NULL, "demo-users") == 2, "demo-users without FILE is a usage error");
	snprintf(line, sizeof line, "demo-users %s", path);
	ok(admin(NULL, line) == 0, "demo-users creates the accounts");
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "the demo file has mode 0600");
	f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f)) {
		char *field[5], *save = NULL, *p = line;
		struct user u;
		int k;

		line[strcspn(line, "\n")] = '\0';
		lines++;
		for (k = 0; k < 5 && (field[k] = strtok_r(p, "\t", &save)); k++)
			p = NULL;
		if (k == 5 && strlen(field[1]) == 16 && db_user_by_login(db, a, field[0], &u) == DB_OK &&
		    strcmp(u.role, field[2]) == 0 && auth_password_ok(u.pass_hash, field[1]))
			good++;
	}
	if (f)
		fclose(f);
	ok(lines == 13 && good == 13,
	   "13 lines: login, 16-character password that logs in, role, scope, purpose (%d, %d)",
	   lines, good);
	struct user cur;
	ok(db_user_by_login(db, a, "curator-ust-ilimsk", &cur) == DB_OK &&
	   db_user_in_scope(db, &cur, school_id(db, "ust-ilimsk", "sosh-17"), cur.municipality_id) &&
	   !db_user_in_scope(db, &cur, school_id(db, "ust-ilimsk", "sosh-1"), cur.municipality_id),
	   "the demo curator looks after the «500+» schools only");
	ok(count(db, "SELECT count(*) FROM curator_school c JOIN user u ON u.id = c.user_id"
		 " WHERE u.login = ?1", "curator-baley") == 2, "the Baley curator has two schools");
	ok(exists(db, a, "school-sosh-undino-poselskaya") && exists(db, a, "coord-dalnerechensk") &&
	   exists(db, a, "coord-izhevsk") && exists(db, a, "admin"), "accounts in every municipality");

	first = read_all(path);
	users = count(db, "SELECT count(*) FROM user", NULL);
	snprintf(line, sizeof line, "demo-users %s", path);
	ok(admin(NULL, line) == 0 && first && (second = read_all(path)) && strcmp(first, second) == 0 &&
	   count(db, "SELECT count(*) FROM user", NULL) == users,
	   "a second demo-users changes neither the accounts nor the file");
}

static void test_role(struct db *db, struct arena *a)
{
	struct user u;
	const char *sessions = "SELECT count(*) FROM session x JOIN user u ON u.id = x.user_id"
			       " WHERE u.login = ?1";
	const char *curated = "SELECT count(*) FROM curator_school c JOIN user u ON u.id = c.user_id"
			      " WHERE u.login = ?1";
	const char *changes = "SELECT count(*) FROM audit WHERE action = 'role_change' AND login = ?1";

	ok(admin("role-pass-1", "user add role-test --role school --name 'Директор'"
		 " --school ust-ilimsk/sosh-5") == 0 &&
	   db_user_by_login(db, a, "role-test", &u) == DB_OK, "role: a school account to change");
	add_session(db, u.id);
	ok(admin(NULL, "user role role-test --role curator"
		 " --schools ust-ilimsk/sosh-5,ust-ilimsk/sosh-7") == 0 &&
	   db_user_by_login(db, a, "role-test", &u) == DB_OK && strcmp(u.role, "curator") == 0 &&
	   u.school_id == 0 && strcmp(u.municipality_slug, "ust-ilimsk") == 0 &&
	   count(db, curated, "role-test") == 2 &&
	   db_user_in_scope(db, &u, school_id(db, "ust-ilimsk", "sosh-7"), u.municipality_id) &&
	   !db_user_in_scope(db, &u, school_id(db, "ust-ilimsk", "sosh-1"), u.municipality_id),
	   "role school → curator: role, no school, the curated schools");
	ok(count(db, sessions, "role-test") == 0, "a role change ends the account's sessions");
	ok(count(db, "SELECT count(*) FROM audit WHERE action = 'role_change' AND login = ?1 AND"
		 " detail = 'school → curator scope=ust-ilimsk: sosh-5,sosh-7' AND addr LIKE 'cli:%'",
		 "role-test") == 1, "role_change names the old and new role, the scope, the origin");

	add_session(db, u.id);
	ok(admin(NULL, "user role role-test --role school --school ust-ilimsk/sosh-999") == 1 &&
	   admin(NULL, "user role role-test --role coordinator --municipality atlantis") == 1 &&
	   admin(NULL, "user role role-test --role curator"
		 " --schools ust-ilimsk/sosh-5,baley/sosh-14") == 1,
	   "role: an unknown school or municipality, or two municipalities, are refused");
	ok(admin(NULL, "user role role-test --role school") == 2 &&
	   admin(NULL, "user role role-test --role admin --municipality baley") == 2 &&
	   admin(NULL, "user role role-test --role boss") == 2 &&
	   admin(NULL, "user role role-test --school ust-ilimsk/sosh-5") == 2 &&
	   admin(NULL, "user role role-test --role admin --name X") == 2,
	   "role: a scope that does not fit, an unknown role, no --role or a --name are usage errors");
	ok(admin(NULL, "user role nobody-here --role admin") == 1, "role of an unknown login fails");
	ok(db_user_by_login(db, a, "role-test", &u) == DB_OK && strcmp(u.role, "curator") == 0 &&
	   u.school_id == 0 && count(db, curated, "role-test") == 2 &&
	   count(db, sessions, "role-test") == 1 && count(db, changes, "role-test") == 1,
	   "a refused role change changes nothing: role, schools, sessions, audit");

	ok(admin(NULL, "user role role-test --role school --school ust-ilimsk/sosh-5") == 0 &&
	   db_user_by_login(db, a, "role-test", &u) == DB_OK && strcmp(u.role, "school") == 0 &&
	   u.school_slug && strcmp(u.school_slug, "sosh-5") == 0 &&
	   strcmp(u.municipality_slug, "ust-ilimsk") == 0 && count(db, curated, "role-test") == 0 &&
	   count(db, sessions, "role-test") == 0,
	   "role curator → school: the school back, no curated schools, sessions ended");
	ok(count(db, "SELECT count(*) FROM audit WHERE action = 'role_change' AND login = ?1 AND"
		 " detail = 'curator → school scope=ust-ilimsk/sosh-5' AND school_id IS NOT NULL",
		 "role-test") == 1 && count(db, changes, "role-test") == 2,
	   "one role_change row per change");
	ok(admin(NULL, "user list") == 0 && list_line("role-test") &&
	   strstr(list_line("role-test"), "ust-ilimsk/sosh-5"), "list shows the new scope");
}

static void test_audit(struct db *db, struct arena *a)
{
	struct audit_row *rows;
	size_t n;
	int64_t total = count(db, "SELECT count(*) FROM audit", NULL);
	int64_t sosh2 = school_id(db, "ust-ilimsk", "sosh-2");

	/* adds: root-admin, coord-test, school-test, mail-test, curator-test, curator-muni,
	 * max-pw, role-test; 13 demo */
	ok(audit_count(db, "user_add") == 8 + 13, "one user_add per account created (%lld)",
	   (long long)audit_count(db, "user_add"));
	ok(audit_count(db, "user_password") == 1 && audit_count(db, "user_disable") == 1 &&
	   audit_count(db, "user_enable") == 1 && audit_count(db, "role_change") == 2,
	   "one row per passwd, disable, enable and role change");
	ok(total == 8 + 13 + 3 + 2, "nothing else was recorded, refusals included (%lld)",
	   (long long)total);
	ok(count(db, "SELECT count(*) FROM audit WHERE action = 'user_add' AND login = ?1 AND"
		 " detail = 'role=curator scope=ust-ilimsk: sosh-5,sosh-7' AND addr LIKE 'cli:%'",
		 "curator-test") == 1, "user_add names the login, role and scope, and the origin");

	ok(db_audit_by_school(db, a, sosh2, 10, &rows, &n) == DB_OK && n == 4 &&
	   strcmp(rows[0].action, "user_enable") == 0 && strcmp(rows[3].action, "user_add") == 0 &&
	   strcmp(rows[3].login, "school-test") == 0 && rows[0].detail == NULL &&
	   rows[0].user_login == NULL && rows[0].document_id == 0 && rows[0].id > rows[3].id,
	   "by_school: the school account's events, newest first, NULLs kept");
	ok(db_audit_by_school(db, a, sosh2, 2, &rows, &n) == DB_OK && n == 2, "by_school honours the limit");

	ok(sqlite3_exec(db->h, "UPDATE audit SET action = 'login' WHERE id = 1", NULL, NULL, NULL)
	   != SQLITE_OK, "UPDATE on audit fails");
	ok(sqlite3_exec(db->h, "DELETE FROM audit", NULL, NULL, NULL) != SQLITE_OK &&
	   count(db, "SELECT count(*) FROM audit", NULL) == total, "DELETE on audit fails, nothing lost");

	/* the series reader: two versions of one document */
	struct user adm;
	int64_t d1, d2;
	char sql[256];

	db_user_by_login(db, a, "root-admin", &adm);
	snprintf(sql, sizeof sql, "INSERT INTO document (school_id, type, title, version)"
		 " VALUES (%lld, 'concept', 'Концепция', 1)", (long long)sosh2);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	d1 = sqlite3_last_insert_rowid(db->h);
	snprintf(sql, sizeof sql, "INSERT INTO document (school_id, type, title, version, series)"
		 " VALUES (%lld, 'concept', 'Концепция', 2, %lld)", (long long)sosh2, (long long)d1);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	d2 = sqlite3_last_insert_rowid(db->h);
	snprintf(sql, sizeof sql, "UPDATE document SET series = id WHERE id = %lld", (long long)d1);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	struct audit_event e1 = { .user_id = adm.id, .school_id = sosh2, .document_id = d1,
				  .addr = "127.0.0.1", .action = "upload", .to_status = "draft",
				  .sha256 = "ab12" };
	struct audit_event e2 = { .user_id = adm.id, .school_id = sosh2, .document_id = d2,
				  .action = "upload", .to_status = "draft" };
	struct audit_event e3 = { .user_id = adm.id, .school_id = sosh2, .document_id = d2,
				  .action = "submit", .from_status = "draft", .to_status = "submitted" };
	struct audit_event bad = { .user_id = adm.id };
	ok(db_audit_add(db, &e1) == DB_OK && db_audit_add(db, &e2) == DB_OK &&
	   db_audit_add(db, &e3) == DB_OK, "db_audit_add records document events");
	ok(db_audit_add(db, &bad) == DB_ERR, "db_audit_add refuses an event without an action");
	ok(db_audit_by_series(db, a, d1, &rows, &n) == DB_OK && n == 3 &&
	   strcmp(rows[0].action, "upload") == 0 && rows[0].document_id == d1 &&
	   strcmp(rows[0].sha256, "ab12") == 0 && strcmp(rows[0].addr, "127.0.0.1") == 0 &&
	   strcmp(rows[2].action, "submit") == 0 && rows[2].document_id == d2 &&
	   strcmp(rows[2].from_status, "draft") == 0 && strcmp(rows[2].to_status, "submitted") == 0 &&
	   rows[2].user_login && strcmp(rows[2].user_login, "root-admin") == 0 &&
	   strcmp(rows[2].user_name, "Администратор") == 0,
	   "by_series: every version's events, oldest first, with the acting user");
	ok(db_audit_by_series(db, a, d2, &rows, &n) == DB_OK && n == 0,
	   "by_series takes the series id, not a later version's");
}

int main(int argc, char **argv)
{
	struct db db;
	struct arena a;
	char path[300], *log;

	(void)argc;
	admin_bin = getenv("KACHESTVO_ADMIN");
	if (!admin_bin)
		admin_bin = strstr(argv[0], "build/san/") ? "build/san/kachestvo-admin"
							 : "cgi-bin/kachestvo-admin";
	if (!mkdtemp(dir)) {
		ok(0, "temp dir");
		return ok_done();
	}
	snprintf(path, sizeof path, "%s/data", dir);
	setenv("KACHESTVO_DATA_DIR", path, 1);
	setenv("KACHESTVO_MIGRATIONS", "db", 1);
	unsetenv("KACHESTVO_CONFIG");
	unsetenv("KACHESTVO_DB");
	setenv("ASAN_OPTIONS", "exitcode=99", 0);     /* a sanitizer report is never a refusal */
	setenv("UBSAN_OPTIONS", "exitcode=99", 0);

	ok(admin(NULL, "user list") == 0, "user list on a fresh data dir (%s)", admin_bin);
	snprintf(path, sizeof path, "%s/data/portal.db", dir);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "db/seed.sh '%s'", path);
	ok(system(cmd) == 0, "the command migrated the database; demo data imported");
	ok(auth_init() == 0 && db_open(&db, path, true) == DB_OK && arena_init(&a, 1 << 16, 8 << 20) == 0,
	   "in-process checks ready");

	test_add(&db, &a);
	test_refusals(&db, &a);
	test_passwd_disable(&db, &a);
	test_demo(&db, &a);
	test_role(&db, &a);
	test_audit(&db, &a);

	snprintf(path, sizeof path, "%s/stderr.log", dir);
	log = read_all(path);
	ok(log && !strstr(log, "Sanitizer") && !strstr(log, "runtime error"),
	   "no sanitizer report from the command");
	db_close(&db);
	arena_free(&a);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	return ok_done();
}
